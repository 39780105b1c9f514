import type { AuditEventView, VerifyResult } from '@vir/audit';
import { dutchDateTime } from '../casework/dutch';
import { dataTable, field, html, SafeHtml } from '../html';

export interface AuditFilterValues {
  van?: string;
  tot?: string;
  object?: string;
}
export type AuditFilterErrors = Partial<Record<keyof AuditFilterValues, string>>;

export interface AuditRow {
  event: AuditEventView;
  /** Who acted: a person, or an organisation's case system. */
  actor: string;
}

/** The filters, as a GET form: nothing in them is personal (dates and an object's id). */
function filters(values: AuditFilterValues, errors: AuditFilterErrors): SafeHtml {
  return html`<form method="get" action="/logboek" novalidate>
    ${field({ name: 'van', label: 'Van', type: 'date', value: values.van, error: errors.van, required: false })}
    ${field({ name: 'tot', label: 'Tot en met', type: 'date', value: values.tot, error: errors.tot, required: false })}
    ${field({
      name: 'object',
      label: 'Over (nummer van een melding, signaal, match, organisatie of verzoek)',
      value: values.object,
      error: errors.object,
      required: false,
    })}
    <button type="submit" class="utrecht-button utrecht-button--secondary-action">Zoeken</button>
  </form>`;
}

/** Whether the hash chain is unbroken, as far as it was checked. */
export function chainState(result: VerifyResult | 'no_key', checkedAt: Date): SafeHtml {
  if (result === 'no_key')
    return html`<div class="utrecht-alert utrecht-alert--warning" role="status">
      <p class="utrecht-paragraph">
        Het logboek kan hier niet worden gecontroleerd: de sleutel van de keten (VIR_AUDIT_KEY) is niet ingesteld.
      </p>
    </div>`;
  return result.intact
    ? html`<div class="utrecht-alert utrecht-alert--ok" role="status">
        <p class="utrecht-paragraph">
          De keten is intact (gecontroleerd op ${dutchDateTime(checkedAt.toISOString())}).
          ${result.unsealed ? `De nieuwste ${result.unsealed} regels worden nog aan de keten toegevoegd. ` : ''}
          ${result.anchorsChecked ? `${result.anchorsChecked} ankers buiten de database kloppen.` : 'Er is geen ankerbestand ingesteld: een afgeknipt einde is zo niet te zien.'}
        </p>
      </div>`
    : html`<div class="utrecht-alert utrecht-alert--error" role="alert">
        <p class="utrecht-paragraph">
          <strong>De keten is verbroken</strong>${result.chainPosition ? ` bij positie ${result.chainPosition}` : ''}:
          ${result.reason}. Meld dit als beveiligingsincident en laat de beheerder van de installatie het nagaan.
        </p>
      </div>`;
}

/** The college's audit log, newest first, with its filters and the check of the chain. */
export function auditLog(
  found: AuditRow[],
  values: AuditFilterValues,
  errors: AuditFilterErrors,
  next: string | null,
  state?: SafeHtml,
): SafeHtml {
  const more = new URLSearchParams(
    Object.entries({ ...values, volgende: next ?? '' }).filter((entry): entry is [string, string] => !!entry[1]),
  );
  return html`<p class="utrecht-paragraph">
      Wie wat deed met de gegevens van de verwijsindex van uw gemeente: melden, intrekken, signalen, matches, inzien en
      beheer. In het logboek staan nummers en codes, nooit gegevens over een jongere. Ook uw inzage wordt vastgelegd.
    </p>
    ${state ?? ''}
    <form method="get" action="/logboek/controle">
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">Keten controleren</button>
    </form>
    ${filters(values, errors)}
    ${
      found.length === 0
        ? html`<p class="utrecht-paragraph">Geen regels gevonden.</p>`
        : dataTable(
            'Logboek, nieuwste eerst',
            ['Tijdstip', 'Handeling', 'Over', 'Door', 'In de keten'],
            found.map(({ event, actor }) => [
              dutchDateTime(event.occurredAt),
              html`<code>${event.action}</code>`,
              html`${event.objectType}${event.objectId ? html`<br /><code>${event.objectId}</code>` : ''}`,
              actor,
              event.sealed ? 'ja' : 'nog niet',
            ]),
          )
    }
    ${next ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/logboek?${more.toString()}">Oudere regels</a></p>` : ''}`;
}
