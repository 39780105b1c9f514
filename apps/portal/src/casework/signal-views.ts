import type { SignalView } from '@vir/signals';
import { dataTable, html, SafeHtml } from '../html';
import { contactCard } from './contact-card';
import { dutchDateTime } from './dutch';

export const SIGNAL_KINDS: Record<string, string> = {
  match: 'Match: ook anderen zijn betrokken bij deze jongere',
  match_extended: 'Er is nog iemand betrokken geraakt',
  archive: 'Uit het historisch archief: eerder was iemand betrokken',
  reminder: 'Herinnering: bevestig dat u contact hebt gehad',
  escalation: 'Escalatie: het contact is niet op tijd bevestigd',
  unverified: 'Uw melding is niet bevestigd door de BRP en is verwijderd',
  move: 'Verhuisd: de jongere die u meldde woont nu in een andere gemeente',
};

/** What the signal is about, in Dutch: a family match says only that another youth of the family is concerned. */
export function signalLabel(signal: Pick<SignalView, 'kind' | 'matchKind'>): string {
  const aboutAMatch = signal.kind === 'match' || signal.kind === 'match_extended';
  if (aboutAMatch && signal.matchKind === 'family')
    return 'Gezinsmatch: ook een andere jongere uit hetzelfde gezin is gemeld';
  if (aboutAMatch && signal.matchKind === 'address')
    return 'Adresmatch: ook een andere jongere op hetzelfde woonadres is gemeld';
  return SIGNAL_KINDS[signal.kind] ?? signal.kind;
}

export function signalInbox(items: SignalView[]): SafeHtml {
  if (items.length === 0) return html`<p class="utrecht-paragraph">U heeft geen signalen.</p>`;
  return dataTable(
    'Uw signalen, nieuwste eerst',
    ['Signaal', 'Ontvangen', 'Status'],
    items.map((s) => [
      html`<a class="utrecht-link" href="/signalen/${s.id}">${signalLabel(s)}</a>
        ${s.onBehalfOf ? html`<br />namens ${s.onBehalfOf.name}` : ''}`,
      dutchDateTime(s.createdAt),
      s.status === 'unread' ? 'Nieuw' : 'Gelezen',
    ]),
  );
}

export function signalPage(signal: SignalView, csrf: string): SafeHtml {
  return html`<p class="utrecht-paragraph"><strong>${signalLabel(signal)}</strong></p>
    ${
      signal.movedTo
        ? html`<p class="utrecht-paragraph">
            Volgens de BRP woont de jongere die u meldde nu in
            ${signal.movedTo === '1999' ? 'het buitenland' : html`de gemeente met code ${signal.movedTo}`}. Uw melding
            loopt door. Is de jongere naar een andere gemeente van de regio verhuisd, dan krijgt de regievoerder van die
            gemeente een kopie van dit signaal.
          </p>`
        : ''
    }
    ${
      signal.matchKind === 'family'
        ? html`<p class="utrecht-paragraph">
            Een broer, zus of halfbroer of -zus van de jongere die u meldde (een gemeenschappelijke ouder volgens de
            BRP) is ook gemeld. Om wie het gaat, staat hier niet: dat bespreekt u met de betrokkenen hieronder.
          </p>`
        : ''
    }
    ${
      signal.matchKind === 'address'
        ? html`<p class="utrecht-paragraph">
            Een andere jongere die volgens de BRP op hetzelfde woonadres woont als de jongere die u meldde, is ook
            gemeld. Om wie het gaat, staat hier niet: dat bespreekt u met de betrokkenen hieronder.
          </p>`
        : ''
    }
    <p class="utrecht-paragraph">Ontvangen op ${dutchDateTime(signal.createdAt)}.</p>
    ${
      signal.registrationId
        ? html`<p class="utrecht-paragraph">
              Uw melding is bewaard toen de BRP niet bereikbaar was. Daarna vond de BRP bij het burgerservicenummer geen
              levende jongere onder de 23 met deze geboortedatum, en daarom is de melding verwijderd. Controleer het
              burgerservicenummer en de geboortedatum in uw dossier en meld opnieuw.
            </p>
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href="/meldingen/${signal.registrationId}">De verwijderde melding</a> ·
              <a class="utrecht-link" href="/meldingen/nieuw">Opnieuw melden</a>
            </p>`
        : ''
    }
    ${
      signal.onBehalfOf
        ? html`<p class="utrecht-paragraph">U ontvangt dit signaal als vervanger, namens ${signal.onBehalfOf.name}.</p>`
        : ''
    }
    ${
      signal.involved.length > 0
        ? html`<h2 class="utrecht-heading-2">Neem contact op met</h2>
            ${signal.involved.map((person) => contactCard(person))}`
        : ''
    }
    ${
      signal.coordinators.length > 0
        ? html`<h2 class="utrecht-heading-2">Contactpersonen verwijsindex van hun organisaties</h2>
            ${signal.coordinators.map((person) => contactCard(person))}`
        : ''
    }
    <p class="utrecht-paragraph">
      Om privacyredenen staat hier niets over de jongere: u weet zelf om wie het gaat uit uw eigen dossier.
    </p>
    <div class="portal-inline-form">
      ${
        signal.status === 'unread'
          ? html`<form method="post" action="/signalen/${signal.id}/gelezen">
              <input type="hidden" name="csrf" value="${csrf}" />
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">Gelezen</button>
            </form>`
          : html`<p class="utrecht-paragraph">U heeft dit signaal gelezen.</p>`
      }
      ${signal.matchId ? html`<a class="utrecht-link" href="/matches/${signal.matchId}">Naar de match</a>` : ''}
    </div>`;
}
