import type { SubjectAccessView, SubjectRequestAnswerView, SubjectRequestView } from '@vir/privacy';
import { dutchDate, dutchDateTime } from '../casework/dutch';
import { choices, csrfField, dataTable, field, html, SafeHtml } from '../html';

export const KIND_LABELS: Record<string, string> = {
  access: 'Inzage (AVG 15)',
  rectification: 'Correctie (AVG 16)',
  erasure: 'Verwijdering (AVG 17)',
  restriction: 'Beperking (AVG 18)',
  objection: 'Bezwaar (AVG 21)',
};
export const REQUESTER_LABELS: Record<string, string> = {
  youth: 'De jongere zelf',
  legal_representative: 'De wettelijk vertegenwoordiger (ouder of voogd)',
  youth_and_legal_representative: 'De jongere en de wettelijk vertegenwoordiger samen',
};
const DECISION_LABELS: Record<string, string> = {
  granted: 'Toegewezen',
  partly_granted: 'Deels toegewezen',
  refused: 'Afgewezen',
};
export const DEADLINE_LABELS: Record<string, string> = {
  open: 'Open',
  due_soon: 'Termijn loopt bijna af',
  overdue: 'Te laat',
  answered: 'Beantwoord',
};

export interface RequestFormValues {
  kind?: string;
  receivedOn?: string;
  requestedBy?: string;
  youthBirthDate?: string;
  reference?: string;
}

export function requestForm(csrf: string, values: RequestFormValues = {}, errors: RequestFormValues = {}): SafeHtml {
  return html`<p class="utrecht-paragraph">
      Een jongere of een ouder vraagt schriftelijk wat de verwijsindex over de jongere bevat, of vraagt om correctie,
      verwijdering, beperking, of maakt bezwaar. Leg het verzoek hier vast. Het antwoord moet binnen vier weken na
      ontvangst verstuurd zijn. Het BSN van de jongere vult u pas in bij het beantwoorden; het wordt niet bewaard.
    </p>
    <form method="post" action="/verzoeken/nieuw" novalidate>
      ${csrfField(csrf)}
      ${choices({
        name: 'kind',
        legend: 'Soort verzoek',
        options: Object.entries(KIND_LABELS),
        value: values.kind,
        error: errors.kind,
      })}
      ${field({ name: 'receivedOn', label: 'Ontvangen op', type: 'date', value: values.receivedOn, error: errors.receivedOn })}
      ${field({
        name: 'youthBirthDate',
        label: 'Geboortedatum van de jongere',
        type: 'date',
        description: 'Om te bepalen wie het verzoek mag indienen. Wordt niet bewaard.',
        value: values.youthBirthDate,
        error: errors.youthBirthDate,
      })}
      ${choices({
        name: 'requestedBy',
        legend: 'Ingediend door',
        description:
          'Onder 12 jaar: de wettelijk vertegenwoordiger. 12 tot 16 jaar: jongere en vertegenwoordiger samen. Vanaf 16 jaar: de jongere.',
        options: Object.entries(REQUESTER_LABELS),
        value: values.requestedBy,
        error: errors.requestedBy,
      })}
      ${field({
        name: 'reference',
        label: 'Kenmerk (niet verplicht)',
        description: 'Uw eigen kenmerk; leeg laten voor een kenmerk van de verwijsindex.',
        value: values.reference,
        error: errors.reference,
        required: false,
      })}
      <button type="submit" class="utrecht-button utrecht-button--primary-action">Verzoek vastleggen</button>
    </form>`;
}

function deadline(request: SubjectRequestView): SafeHtml {
  const label = DEADLINE_LABELS[request.deadline];
  return request.deadline === 'overdue' || request.deadline === 'due_soon'
    ? html`<strong>${label}</strong>`
    : html`${label}`;
}

export function requestRegister(requests: SubjectRequestView[]): SafeHtml {
  const late = requests.filter((r) => r.deadline === 'overdue').length;
  const soon = requests.filter((r) => r.deadline === 'due_soon').length;
  return html`<p class="utrecht-paragraph">
      <a class="utrecht-button-link utrecht-button-link--primary-action" href="/verzoeken/nieuw">Verzoek vastleggen</a>
    </p>
    ${
      late || soon
        ? html`<div class="utrecht-alert utrecht-alert--warning" role="status">
            <p class="utrecht-paragraph">
              ${late ? `${late} verzoek${late === 1 ? '' : 'en'} te laat beantwoord. ` : ''}${
                soon
                  ? `${soon} verzoek${soon === 1 ? '' : 'en'} moet${soon === 1 ? '' : 'en'} binnen een week beantwoord zijn.`
                  : ''
              }
            </p>
          </div>`
        : ''
    }
    ${
      requests.length === 0
        ? html`<p class="utrecht-paragraph">Er zijn nog geen verzoeken vastgelegd.</p>`
        : dataTable(
            'Verzoeken van betrokkenen',
            ['Kenmerk', 'Soort', 'Ontvangen', 'Uiterlijk antwoorden', 'Stand'],
            requests.map((r) => [
              html`<a class="utrecht-link" href="/verzoeken/${r.id}">${r.reference}</a>`,
              KIND_LABELS[r.kind],
              dutchDate(r.receivedOn),
              dutchDate(r.dueOn),
              deadline(r),
            ]),
          )
    }`;
}

export interface AdviceFormValues {
  adviceAskedOn?: string;
  adviceReceivedOn?: string;
}
export interface AnswerFormValues {
  birthDate?: string;
  decision?: string;
  /** Only ever an error message: the BSN typed is never put back on a page. */
  bsn?: string;
}

export function requestPage(
  request: SubjectRequestView,
  csrf: string,
  notice: SafeHtml | undefined,
  forms: {
    advice?: { values: AdviceFormValues; errors: AdviceFormValues };
    answer?: { values: AnswerFormValues; errors: AnswerFormValues; problem?: string };
  } = {},
): SafeHtml {
  const advice = forms.advice ?? {
    values: {
      adviceAskedOn: request.adviceAskedOn ?? undefined,
      adviceReceivedOn: request.adviceReceivedOn ?? undefined,
    },
    errors: {},
  };
  const answer = forms.answer ?? { values: { decision: 'granted' }, errors: {} };
  return html`${notice ?? ''}
    <dl class="utrecht-data-list">
      <div class="utrecht-data-list__item">
        <dt class="utrecht-data-list__item-key">Soort</dt>
        <dd class="utrecht-data-list__item-value">${KIND_LABELS[request.kind]}</dd>
      </div>
      <div class="utrecht-data-list__item">
        <dt class="utrecht-data-list__item-key">Ontvangen op</dt>
        <dd class="utrecht-data-list__item-value">${dutchDate(request.receivedOn)}</dd>
      </div>
      <div class="utrecht-data-list__item">
        <dt class="utrecht-data-list__item-key">Ingediend door</dt>
        <dd class="utrecht-data-list__item-value">${REQUESTER_LABELS[request.requestedBy]}</dd>
      </div>
      <div class="utrecht-data-list__item">
        <dt class="utrecht-data-list__item-key">Uiterlijk antwoorden</dt>
        <dd class="utrecht-data-list__item-value" data-testid="due-on">
          ${dutchDate(request.dueOn)} — ${deadline(request)}
        </dd>
      </div>
      <div class="utrecht-data-list__item">
        <dt class="utrecht-data-list__item-key">Advies van de melder</dt>
        <dd class="utrecht-data-list__item-value">
          ${request.adviceAskedOn ? `gevraagd op ${dutchDate(request.adviceAskedOn)}` : 'niet gevraagd'}${request.adviceReceivedOn ? `, ontvangen op ${dutchDate(request.adviceReceivedOn)}` : ''}
        </dd>
      </div>
      ${
        request.answeredOn
          ? html`<div class="utrecht-data-list__item">
              <dt class="utrecht-data-list__item-key">Beantwoord</dt>
              <dd class="utrecht-data-list__item-value" data-testid="answered">
                ${dutchDate(request.answeredOn)}: ${DECISION_LABELS[request.decision ?? '']}${outcomeText(request)}
              </dd>
            </div>`
          : ''
      }
    </dl>
    ${
      request.answeredOn
        ? ''
        : html`<h2 class="utrecht-heading-2">Advies van de melder</h2>
            <p class="utrecht-paragraph">
              Vraag bij correctie, verwijdering, beperking en bezwaar de organisatie die meldde om advies (Jeugdwet
              7.1.5.2).
            </p>
            <form method="post" action="/verzoeken/${request.id}/advies" novalidate>
              ${csrfField(csrf)}
              ${field({ name: 'adviceAskedOn', label: 'Advies gevraagd op', type: 'date', value: advice.values.adviceAskedOn, error: advice.errors.adviceAskedOn, required: false })}
              ${field({ name: 'adviceReceivedOn', label: 'Advies ontvangen op', type: 'date', value: advice.values.adviceReceivedOn, error: advice.errors.adviceReceivedOn, required: false })}
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">Advies vastleggen</button>
            </form>
            <h2 class="utrecht-heading-2">Beantwoorden</h2>
            ${answer.problem ? html`<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">${answer.problem}</p></div>` : ''}
            <p class="utrecht-paragraph">
              Vul het BSN en de geboortedatum van de jongere in zoals in het verzoek. Het BSN wordt niet bewaard; u
              krijgt de antwoordbrief meteen te zien om af te drukken.
            </p>
            <form method="post" action="/verzoeken/${request.id}/beantwoorden" novalidate autocomplete="off">
              ${csrfField(csrf)}
              ${field({ name: 'bsn', label: 'BSN', inputmode: 'numeric', autocomplete: 'off', error: answer.errors.bsn })}
              ${field({ name: 'birthDate', label: 'Geboortedatum', type: 'date', value: answer.values.birthDate, error: answer.errors.birthDate })}
              ${choices({
                name: 'decision',
                legend: 'Besluit van het college',
                options: Object.entries(DECISION_LABELS).filter(
                  ([value]) => value !== 'partly_granted' || request.kind === 'access',
                ),
                value: answer.values.decision,
                error: answer.errors.decision,
              })}
              <button type="submit" class="utrecht-button utrecht-button--primary-action">Verzoek beantwoorden</button>
            </form>`
    }`;
}

function outcomeText(request: SubjectRequestView): string {
  const o = request.outcome;
  if (!o) return '';
  if ('registrationsRemoved' in o)
    return ` — ${o.registrationsRemoved} melding(en) verwijderd, ${o.archiveEntriesDestroyed} archiefregel(s) vernietigd`;
  return ` — ${o.registrations} melding(en), ${o.archiveEntries} archiefregel(s), ${o.signals} signaal/signalen in de brief`;
}

function accessOverview(access: SubjectAccessView): SafeHtml {
  if (!access.registrations.length && !access.archiveEntries.length && !access.signals.length) {
    return html`<p class="utrecht-paragraph">Er staan geen gegevens over de jongere in de verwijsindex.</p>`;
  }
  const reporters = [...new Set([...access.registrations, ...access.archiveEntries].map((r) => r.organisation))];
  const recipients = [...new Set(access.signals.map((s) => s.recipientOrganisation))];
  return html`<h3 class="utrecht-heading-3">Wat staat er in de verwijsindex?</h3>
    ${
      access.registrations.length
        ? dataTable(
            'Meldingen',
            ['Organisatie', 'Medewerker', 'Gemeld op', 'Wordt verwijderd op'],
            access.registrations.map((r) => [
              r.organisation,
              r.professional,
              dutchDateTime(r.createdAt),
              r.status === 'active' ? dutchDate(r.plannedRemovalDate) : 'al verwijderd',
            ]),
          )
        : html`<p class="utrecht-paragraph">Er staan geen meldingen over de jongere in de verwijsindex.</p>`
    }
    ${
      access.archiveEntries.length
        ? html`<p class="utrecht-paragraph">
            In het archief van de verwijsindex staan ${access.archiveEntries.length} eerdere melding(en), van
            ${[...new Set(access.archiveEntries.map((a) => a.organisation))].join(', ')}. Een gearchiveerde melding
            wordt na vijf jaar vernietigd, of eerder als de jongere 23 wordt.
          </p>`
        : ''
    }
    ${
      access.signals.length
        ? html`<p class="utrecht-paragraph">
            Omdat meer hulpverleners de jongere meldden, kregen medewerkers van deze organisaties een signaal met
            elkaars naam en contactgegevens: ${recipients.join(', ')}.
          </p>`
        : ''
    }
    <h3 class="utrecht-heading-3">Waarvoor worden de gegevens gebruikt?</h3>
    <p class="utrecht-paragraph">
      De verwijsindex brengt hulpverleners die bij dezelfde jongere betrokken zijn met elkaar in contact, zodat hun hulp
      op elkaar aansluit (Jeugdwet artikel 7.1.2.1). Er staat geen informatie in over wat er aan de hand is.
    </p>
    <h3 class="utrecht-heading-3">Welke gegevens?</h3>
    <p class="utrecht-paragraph">
      Per melding: het burgerservicenummer (alleen als versleutelde sleutel), de datum en tijd van de melding, de datum
      waarop de melding wordt verwijderd, en de naam en contactgegevens van de medewerker die meldde en van de
      contactpersoon van diens organisatie (Jeugdwet artikel 7.1.4.3).
    </p>
    <h3 class="utrecht-heading-3">Wie krijgen de gegevens?</h3>
    <p class="utrecht-paragraph">
      De medewerkers die dezelfde jongere meldden${recipients.length ? html` (${recipients.join(', ')})` : ''}, hun
      contactpersonen verwijsindex, en de regievoerder van de gemeente, die alleen nagaat of zij contact met elkaar
      hadden.
    </p>
    <h3 class="utrecht-heading-3">Waar komen de gegevens vandaan?</h3>
    <p class="utrecht-paragraph">Van de organisaties die meldden: ${reporters.join(', ') || 'geen'}.</p>`;
}

const LETTER_OPENING: Record<string, string> = {
  access: 'om inzage in de gegevens die de Verwijsindex risicojongeren over de jongere bevat',
  rectification: 'om de gegevens in de Verwijsindex risicojongeren over de jongere te corrigeren',
  erasure: 'om de gegevens in de Verwijsindex risicojongeren over de jongere te verwijderen',
  restriction: 'om het gebruik van de gegevens in de Verwijsindex risicojongeren over de jongere te beperken',
  objection: 'waarin u bezwaar maakt tegen de melding van de jongere in de Verwijsindex risicojongeren',
};

/** The answer as a printable letter with what covenant privacy protocol 4.3 asks of it. */
export function answerLetter(answer: SubjectRequestAnswerView, signedBy: string): SafeHtml {
  const { request, access, erasure } = answer;
  return html`<p class="utrecht-paragraph portal-no-print">
      Het verzoek is beantwoord en in het register bijgewerkt. Druk de brief hieronder af (Ctrl+P); zonder het BSN kan
      hij later niet opnieuw gemaakt worden.
      <a class="utrecht-link" href="/verzoeken/${request.id}">Terug naar het verzoek</a>
    </p>
    <article class="portal-letter" aria-labelledby="brief-onderwerp">
      <p class="utrecht-paragraph">
        Kenmerk: ${request.reference}<br />Datum: ${dutchDate(request.answeredOn ?? request.recordedAt)}
      </p>
      <p class="utrecht-paragraph">Aan: ____________________________<br />____________________________</p>
      <h2 class="utrecht-heading-2" id="brief-onderwerp">Onderwerp: uw verzoek van ${dutchDate(request.receivedOn)}</h2>
      <p class="utrecht-paragraph">Geachte heer, mevrouw,</p>
      <p class="utrecht-paragraph">
        Op ${dutchDate(request.receivedOn)} ontvingen wij uw verzoek ${LETTER_OPENING[request.kind]}.
      </p>
      ${
        request.decision === 'refused'
          ? html`<p class="utrecht-paragraph">
              Wij hebben besloten uw verzoek af te wijzen. Dat mag alleen als het nodig is om anderen of een belangrijk
              algemeen belang te beschermen (artikel 41 Uitvoeringswet AVG). In een bijlage leest u waarom.
            </p>`
          : ''
      }
      ${access ? html`${request.decision === 'partly_granted' ? html`<p class="utrecht-paragraph">Wij geven u een deel van de gegevens; in een bijlage leest u waarom niet alles.</p>` : ''}${accessOverview(access)}` : ''}
      ${
        erasure
          ? html`<p class="utrecht-paragraph">
              Wij hebben uw verzoek toegewezen. ${erasure.registrationsRemoved} melding(en) en
              ${erasure.archiveEntriesDestroyed} gearchiveerde melding(en) zijn verwijderd. Zij worden niet bewaard in
              het archief.
            </p>`
          : ''
      }
      ${
        !access && !erasure && request.decision !== 'refused'
          ? html`<p class="utrecht-paragraph">
              Wij hebben uw verzoek toegewezen. De organisatie die meldde voert het uit.
            </p>`
          : ''
      }
      <h3 class="utrecht-heading-3">Uw rechten</h3>
      <p class="utrecht-paragraph">
        U kunt vragen om gegevens te corrigeren of te verwijderen, en bezwaar maken. Bent u het niet eens met dit
        besluit, dan kunt u binnen zes weken bezwaar maken bij het college, of een klacht indienen bij de Autoriteit
        Persoonsgegevens.
      </p>
      <p class="utrecht-paragraph">
        Met vriendelijke groet,<br />${signedBy}<br />namens het college van burgemeester en wethouders
      </p>
    </article>`;
}
