import type { AddressExclusionImportView, AddressExclusionView } from '@vir/registrations';
import { dutchDateTime } from '../casework/dutch';
import { checkbox, csrfField, dataTable, field, html, SafeHtml } from '../html';

export interface ExclusionFormValues {
  bagId?: string;
  postcode?: string;
  houseNumber?: string;
  reason?: string;
}

export interface AddressMatchPageState {
  on: boolean;
  items: AddressExclusionView[];
  values: ExclusionFormValues;
  errors: ExclusionFormValues;
  importError?: string;
  imported?: AddressExclusionImportView;
}

const addressOf = (e: AddressExclusionView) =>
  e.postcode ? `${e.postcode} ${e.houseNumber ?? ''}`.trim() : `BAG-id ${e.bagId ?? ''}`;

/** What is wrong with a field, in Dutch: beside the field in the form, per row in the import report. */
export const EXCLUSION_MESSAGES: Required<ExclusionFormValues> = {
  bagId: 'Vul een BAG-id van 16 cijfers in, óf een postcode met huisnummer (niet allebei).',
  postcode: 'Vul een postcode in van vier cijfers en twee letters, zoals 5914 SK, met het huisnummer.',
  houseNumber: 'Vul een huisnummer in van 1 tot en met 99999, met de postcode.',
  reason: 'Vul de reden in, bijvoorbeeld: zorginstelling.',
};

const STATUS_LABELS: Record<string, string> = {
  imported: 'Opgenomen',
  accepted: 'Goed (nog niet opgeslagen)',
  already_excluded: 'Stond er al in',
  refused: 'Geweigerd',
};

/** "Adresmatch": the college's switch and its register of excluded addresses (Wet BRP 2.40). */
export function addressMatchPage(csrf: string, state: AddressMatchPageState, notice?: SafeHtml): SafeHtml {
  return html`${notice ?? ''}
    <h2 class="utrecht-heading-2">Adresmatch</h2>
    <p class="utrecht-paragraph">
      Met de adresmatch krijgen meldingsbevoegden een signaal als jongeren die zij meldden volgens de BRP op hetzelfde
      woonadres wonen (artikel 7.1.2.3 lid 1 onder d Jeugdwet). Zij horen alleen dát het om een andere jongere gaat,
      niet om wie. Broers en zussen krijgen dit al door de gezinsmatch. Nooit op een adres uit de lijst hieronder van
      uitgesloten adressen, zoals een zorginstelling of opvang (artikel 2.40 Wet BRP). Vul die lijst aan vóór u de
      adresmatch aanzet.
    </p>
    <p class="utrecht-paragraph">
      De adresmatch staat <strong>${state.on ? 'aan' : 'uit'}</strong> voor de jongeren die in uw gemeente wonen.
    </p>
    <form method="post" action="/adresmatch/schakelen" novalidate>
      ${csrfField(csrf)}
      <input type="hidden" name="aan" value="${state.on ? 'nee' : 'ja'}" />
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
        ${state.on ? 'Adresmatch uitzetten' : 'Adresmatch aanzetten'}
      </button>
    </form>
    <h2 class="utrecht-heading-2" id="uitgesloten">Uitgesloten adressen</h2>
    ${exclusionTable(csrf, state.items)}
    <h3 class="utrecht-heading-3">Adres uitsluiten</h3>
    <p class="utrecht-paragraph">
      Geef het BAG-id van het adres (het adresseerbaar object), óf de postcode met het huisnummer: dan geldt het voor
      alle adressen met dat huisnummer, met elke letter of toevoeging.
    </p>
    <form method="post" action="/adresmatch/uitsluiten" novalidate>
      ${csrfField(csrf)}
      ${field({
        name: 'bagId',
        label: 'BAG-id',
        inputmode: 'numeric',
        description: '16 cijfers. Of laat dit leeg en vul postcode en huisnummer in.',
        value: state.values.bagId,
        error: state.errors.bagId,
        required: false,
      })}
      ${field({
        name: 'postcode',
        label: 'Postcode',
        autocomplete: 'off',
        value: state.values.postcode,
        error: state.errors.postcode,
        required: false,
      })}
      ${field({
        name: 'houseNumber',
        label: 'Huisnummer',
        inputmode: 'numeric',
        value: state.values.houseNumber,
        error: state.errors.houseNumber,
        required: false,
      })}
      ${field({
        name: 'reason',
        label: 'Reden',
        description: 'Bijvoorbeeld: zorginstelling, opvang.',
        value: state.values.reason,
        error: state.errors.reason,
      })}
      <button type="submit" class="utrecht-button utrecht-button--primary-action">Adres uitsluiten</button>
    </form>
    <h3 class="utrecht-heading-3">Adressen importeren</h3>
    <p class="utrecht-paragraph">
      Een CSV-bestand (met komma of puntkomma) met een kopregel die <code>reden</code> noemt en <code>bag_id</code>, of
      <code>postcode</code> en <code>huisnummer</code>; per regel één adres. Hooguit 1000 adressen per bestand. Goede
      regels worden samen opgeslagen; een regel met een fout wordt geweigerd, met de reden.
    </p>
    <form method="post" action="/adresmatch/import" enctype="multipart/form-data" novalidate>
      ${csrfField(csrf)}
      ${field({ name: 'bestand', label: 'CSV-bestand', type: 'file', accept: '.csv,text/csv', error: state.importError })}
      ${checkbox({ name: 'controleren', value: 'ja', label: 'Alleen controleren, nog niets opslaan' })}
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">Importeren</button>
    </form>
    ${state.imported ? importReport(state.imported) : ''}`;
}

function exclusionTable(csrf: string, items: AddressExclusionView[]): SafeHtml {
  if (items.length === 0) return html`<p class="utrecht-paragraph">Er zijn nog geen adressen uitgesloten.</p>`;
  return dataTable(
    'Adressen waarop nooit een adresmatch komt',
    ['Adres', 'Reden', 'Toegevoegd', html`<span class="portal-visually-hidden">Actie</span>`],
    items.map((e) => [
      addressOf(e),
      e.reason,
      html`${dutchDateTime(e.addedAt)}<br />door ${e.addedBy.name ?? 'een API-sleutel van de gemeente'}`,
      html`<form method="post" action="/adresmatch/verwijderen" class="portal-inline-form">
        ${csrfField(csrf)}
        <input type="hidden" name="id" value="${e.id}" />
        <button type="submit" class="utrecht-button utrecht-button--subtle">
          Verwijderen<span class="portal-visually-hidden">: ${addressOf(e)}</span>
        </button>
      </form>`,
    ]),
  );
}

function importReport(result: AddressExclusionImportView): SafeHtml {
  return html`<h3 class="utrecht-heading-3" id="importverslag">
      ${result.dryRun ? 'Controle van het bestand' : 'Verslag van de import'}
    </h3>
    <p class="utrecht-paragraph">
      ${result.rows} adressen in het bestand: ${result.dryRun ? 'goed' : 'opgenomen'}
      ${result.dryRun ? result.results.filter((r) => r.status === 'accepted').length : result.imported}, stond er al in
      ${result.alreadyExcluded}, geweigerd ${result.refused}.
    </p>
    ${dataTable(
      'Per regel van het bestand',
      ['Regel', 'Adres', 'Uitkomst'],
      result.results.map((r) => [
        r.line,
        r.bagId || `${r.postcode} ${r.houseNumber}`.trim(),
        html`${STATUS_LABELS[r.status] ?? r.status}${
          r.problems.length
            ? html`:
              ${r.problems
                .map((p) =>
                  p.code === 'DUPLICATE_IN_FILE'
                    ? 'dit adres staat al eerder in het bestand'
                    : (EXCLUSION_MESSAGES[p.field as keyof ExclusionFormValues] ?? p.reason),
                )
                .join(' ')}`
            : ''
        }`,
      ]),
    )}`;
}
