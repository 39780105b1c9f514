import type {
  ImportRowResult,
  IssuedCredentialView,
  OrganisationView,
  ProfessionalImportView,
  ProfessionalView,
} from '@vir/organisations';
import type { WebhookTestView } from '@vir/signals';
import { dutchDate } from '../casework/dutch';
import { checkbox, choices, csrfField, dataTable, field, html, SafeHtml } from '../html';
import { contactFields, ContactFormValues } from '../people/people-views';

/** The categories of Besluit Jeugdwet 7.1.1–7.1.7 as the gemeente names them. */
export const ORGANISATION_KIND_LABELS: Record<string, string> = {
  youth_care: 'Jeugdhulp en jeugdbescherming (Bjw 7.1.1)',
  youth_health_care: 'Jeugdgezondheidszorg (Bjw 7.1.2)',
  health_care: 'Gezondheidszorg, zoals huisarts of ggz (Bjw 7.1.3)',
  education: 'Onderwijs en leerplicht (Bjw 7.1.4)',
  social_support: 'Maatschappelijke ondersteuning (Bjw 7.1.5)',
  work_and_income: 'Werk en inkomen (Bjw 7.1.6)',
  police_and_justice: 'Politie en justitie (Bjw 7.1.7)',
  municipality: 'De gemeente zelf',
};
const ROLE_LABELS: Record<string, string> = {
  professional: 'Meldingsbevoegde',
  coordinator: 'Contactpersoon verwijsindex',
  follow_up_officer: 'Regievoerder',
  administrator: 'Beheerder',
  privacy_officer: 'Privacyfunctionaris',
};
/** The scopes a case system's key may carry, as the administrator chooses them. */
export const KEY_SCOPE_LABELS: Record<string, string> = {
  registrations: 'Meldingen maken en intrekken',
  signals: 'Signalen ontvangen',
  'contact-details': 'Contactgegevens van medewerkers bijhouden',
};

export interface OrganisationFormValues {
  name?: string;
  kind?: string;
  agreementReference?: string;
  agreementSignedOn?: string;
  agreementEndsOn?: string;
  breachNotificationEmail?: string;
}

export function organisationList(organisations: OrganisationView[], notice?: SafeHtml): SafeHtml {
  return html`${notice ?? ''}
    <p class="utrecht-paragraph">
      Een organisatie doet mee aan de verwijsindex na een schriftelijke overeenkomst met het college (Jeugdwet 7.1.3.1).
      Sluit een organisatie aan, nodig haar contactpersoon uit en zet haar medewerkers erin.
    </p>
    <form method="get" action="/organisaties/nieuw">
      <button type="submit" class="utrecht-button utrecht-button--primary-action">Organisatie aansluiten</button>
    </form>
    ${
      organisations.length === 0
        ? html`<p class="utrecht-paragraph">Er zijn nog geen organisaties aangesloten.</p>`
        : dataTable(
            'Organisaties van het college',
            ['Organisatie', 'Soort', 'Overeenkomst', 'Status'],
            organisations.map((o) => [
              html`<a class="utrecht-link" href="/organisaties/${o.id}">${o.name}</a>`,
              ORGANISATION_KIND_LABELS[o.kind],
              o.agreementReference,
              o.status === 'connected'
                ? 'Aangesloten'
                : `Ontkoppeld${o.disconnectedAt ? ` op ${dutchDate(o.disconnectedAt)}` : ''}`,
            ]),
          )
    }`;
}

export function organisationForm(
  csrf: string,
  values: OrganisationFormValues = {},
  errors: OrganisationFormValues = {},
): SafeHtml {
  return html`<p class="utrecht-paragraph">
      Stap 1 van 4: de organisatie en de overeenkomst. Daarna nodigt u de contactpersoon verwijsindex uit, zet u de
      medewerkers erin en koppelt u zo nodig het zaaksysteem.
    </p>
    <form method="post" action="/organisaties/nieuw" novalidate>
      ${csrfField(csrf)}
      ${field({ name: 'name', label: 'Naam van de organisatie', autocomplete: 'organization', value: values.name, error: errors.name })}
      ${choices({
        name: 'kind',
        legend: 'Soort organisatie',
        description: 'De categorie van het Besluit Jeugdwet. Die bepaalt wat de organisatie mag melden.',
        options: Object.entries(ORGANISATION_KIND_LABELS),
        value: values.kind,
        error: errors.kind,
      })}
      ${field({
        name: 'agreementReference',
        label: 'Kenmerk van de overeenkomst',
        value: values.agreementReference,
        error: errors.agreementReference,
      })}
      ${field({
        name: 'agreementSignedOn',
        label: 'Getekend op',
        type: 'date',
        value: values.agreementSignedOn,
        error: errors.agreementSignedOn,
      })}
      ${field({
        name: 'agreementEndsOn',
        label: 'Looptijd tot en met (niet verplicht)',
        type: 'date',
        description: 'Leeg laten voor een overeenkomst voor onbepaalde tijd.',
        value: values.agreementEndsOn,
        error: errors.agreementEndsOn,
        required: false,
      })}
      ${field({
        name: 'breachNotificationEmail',
        label: 'E-mailadres voor meldingen van datalekken (niet verplicht)',
        type: 'email',
        value: values.breachNotificationEmail,
        error: errors.breachNotificationEmail,
        required: false,
      })}
      <button type="submit" class="utrecht-button utrecht-button--primary-action">Aansluiten</button>
    </form>`;
}

export interface OrganisationPageParts {
  organisation: OrganisationView;
  people: ProfessionalView[];
  csrf: string;
  notice?: SafeHtml;
  coordinator?: { values: ContactFormValues; errors: ContactFormValues };
  importError?: string;
  webhookError?: { value: string; error: string };
}

function facts(o: OrganisationView): SafeHtml {
  return html`<dl class="portal-facts">
    <dt>Soort</dt>
    <dd>${ORGANISATION_KIND_LABELS[o.kind]}</dd>
    <dt>Overeenkomst</dt>
    <dd>
      ${o.agreementReference}${o.agreementSignedOn ? `, getekend op ${dutchDate(o.agreementSignedOn)}` : ''}${
        o.agreementEndsOn
          ? `, loopt tot en met ${dutchDate(o.agreementEndsOn)}`
          : o.agreementSignedOn
            ? ', onbepaalde tijd'
            : ''
      }
    </dd>
    <dt>Status</dt>
    <dd>${o.status === 'connected' ? 'Aangesloten' : 'Ontkoppeld'}</dd>
    <dt>Webhook</dt>
    <dd>${o.webhookUrl ?? 'Geen'}</dd>
    <dt>BSN</dt>
    <dd>${o.usesBsn ? 'Medewerkers melden met het BSN' : 'Medewerkers melden zonder BSN (naam en geboortedatum)'}</dd>
  </dl>`;
}

export function organisationPage(parts: OrganisationPageParts): SafeHtml {
  const { organisation: o, people, csrf } = parts;
  const base = `/organisaties/${o.id}`;
  const peopleTable =
    people.length === 0
      ? html`<p class="utrecht-paragraph">Nog niemand.</p>`
      : dataTable(
          'Medewerkers',
          ['Naam', 'Rol', 'E-mail', 'Telefoon'],
          people.map((p) => [p.name, ROLE_LABELS[p.role] ?? p.role, p.email, p.phone]),
        );
  if (o.status !== 'connected')
    return html`${parts.notice ?? ''}${facts(o)}
      <h2 class="utrecht-heading-2">Medewerkers</h2>
      ${peopleTable}`;
  const coordinator = parts.coordinator ?? { values: {}, errors: {} };
  return html`${parts.notice ?? ''}${facts(o)}
    <h2 class="utrecht-heading-2">Contactpersoon verwijsindex uitnodigen</h2>
    <p class="utrecht-paragraph">
      De contactpersoon houdt de medewerkers van de organisatie bij en krijgt een kopie van de signalen. Hij of zij
      krijgt een e-mail om een wachtwoord en een tweede stap voor het inloggen in te stellen.
    </p>
    <form method="post" action="${base}/contactpersoon" novalidate>
      ${csrfField(csrf)} ${contactFields(coordinator.values, coordinator.errors)}
      <button type="submit" class="utrecht-button utrecht-button--primary-action">Uitnodigen</button>
    </form>
    <h2 class="utrecht-heading-2">Medewerkers importeren</h2>
    <p class="utrecht-paragraph">
      Een CSV-bestand (uit een spreadsheet, met komma of puntkomma) met een kopregel
      <code>naam;e-mail;telefoon;rol</code> en per regel één medewerker. Rol is <code>meldingsbevoegde</code>,
      <code>contactpersoon</code> of (bij de gemeente) <code>regievoerder</code>. Hooguit 500 medewerkers per bestand.
      Goede regels worden samen opgeslagen; een regel met een fout wordt geweigerd, met de reden.
    </p>
    <form method="post" action="${base}/import" enctype="multipart/form-data" novalidate>
      ${csrfField(csrf)}
      ${field({ name: 'bestand', label: 'CSV-bestand', type: 'file', accept: '.csv,text/csv', error: parts.importError })}
      ${checkbox({ name: 'uitnodigen', value: 'ja', label: 'Stuur iedere nieuwe medewerker een uitnodiging per e-mail', checked: true })}
      ${checkbox({ name: 'controleren', value: 'ja', label: 'Alleen controleren, nog niets opslaan' })}
      <button type="submit" class="utrecht-button utrecht-button--primary-action">Importeren</button>
    </form>
    <h2 class="utrecht-heading-2">Medewerkers</h2>
    ${peopleTable}
    <h2 class="utrecht-heading-2">BSN</h2>
    <p class="utrecht-paragraph">
      Mogen de meldingsbevoegden van deze organisatie het burgerservicenummer gebruiken (artikel 7.1.4.2 lid 3 Jeugdwet,
      volgens de categorieën van het Besluit Jeugdwet)? Zo niet, dan melden zij met achternaam en geboortedatum en zoekt
      de verwijsindex het BSN op in de BRP, zonder het hun te laten zien.
    </p>
    <form method="post" action="${base}/bsn" novalidate>
      ${csrfField(csrf)}
      ${checkbox({ name: 'usesBsn', value: 'ja', label: 'De meldingsbevoegden mogen het BSN gebruiken', checked: o.usesBsn })}
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">BSN-bevoegdheid opslaan</button>
    </form>
    <h2 class="utrecht-heading-2">Koppeling met het zaaksysteem</h2>
    <p class="utrecht-paragraph">
      Een zaaksysteem krijgt signalen als CloudEvent op een webhook en maakt meldingen met een sleutel. Het geheim van
      de webhook en de sleutel ziet u één keer.
    </p>
    <form method="post" action="${base}/webhook" novalidate>
      ${csrfField(csrf)}
      ${field({
        name: 'webhookUrl',
        label: 'Webhook-adres',
        type: 'url',
        description: 'Een https-adres van het zaaksysteem.',
        value: parts.webhookError?.value ?? o.webhookUrl ?? '',
        error: parts.webhookError?.error,
      })}
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">Webhook opslaan</button>
    </form>
    ${
      o.webhookUrl
        ? html`<form method="post" action="${base}/webhook/test">
            ${csrfField(csrf)}
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">Testbericht sturen</button>
          </form>`
        : ''
    }
    <form method="post" action="${base}/sleutel" novalidate>
      ${csrfField(csrf)}
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">Wat mag het zaaksysteem met de sleutel?</legend>
        ${Object.entries(KEY_SCOPE_LABELS).map(([scope, label]) =>
          checkbox({
            name: 'scopes',
            value: scope,
            label,
            id: `veld-scope-${scope}`,
            checked: scope !== 'contact-details',
          }),
        )}
      </fieldset>
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">Sleutel uitgeven</button>
    </form>
    <h2 class="utrecht-heading-2">Ontkoppelen</h2>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="${base}/ontkoppelen">Organisatie ontkoppelen</a> als de overeenkomst eindigt.
    </p>`;
}

const ROW_STATUS: Record<ImportRowResult['status'], string> = {
  imported: 'Opgeslagen',
  accepted: 'Goed',
  refused: 'Geweigerd',
};
const FIELD_NAMES: Record<string, string> = { name: 'naam', email: 'e-mail', phone: 'telefoon', role: 'rol' };
const PROBLEM_TEXT: Record<string, (field: string) => string> = {
  INVALID: (f) =>
    ({
      name: 'naam ontbreekt of is langer dan 200 tekens',
      email: 'geen geldig e-mailadres',
      phone: 'geen geldig telefoonnummer (8 tot 22 cijfers)',
      role: 'onbekende rol: gebruik meldingsbevoegde, contactpersoon of regievoerder',
    })[f] ?? `${FIELD_NAMES[f]} is niet goed`,
  DUPLICATE_IN_FILE: () => 'dit e-mailadres staat al eerder in het bestand',
  ALREADY_DESIGNATED: () => 'er is al een medewerker met dit e-mailadres',
  ROLE_NOT_ALLOWED: () => 'deze rol bestaat alleen bij de gemeente',
};

export function importResult(
  organisation: OrganisationView,
  result: ProfessionalImportView,
  invitations: { sent: number; failed: number },
): SafeHtml {
  const summary = result.dryRun
    ? `Gecontroleerd: ${result.rows} regels, ${result.rows - result.refused} goed, ${result.refused} met een fout. Er is nog niets opgeslagen.`
    : `${result.imported} van ${result.rows} medewerkers opgeslagen; ${result.refused} ${result.refused === 1 ? 'regel' : 'regels'} geweigerd.`;
  return html`<div class="utrecht-alert utrecht-alert--${result.refused ? 'warning' : 'ok'}" role="status">
      <p class="utrecht-paragraph">${summary}</p>
      ${
        invitations.sent || invitations.failed
          ? html`<p class="utrecht-paragraph">
              ${invitations.sent} ${invitations.sent === 1 ? 'uitnodiging' : 'uitnodigingen'}
              verstuurd${invitations.failed ? `; ${invitations.failed} niet verstuurd, probeer die later opnieuw` : ''}.
            </p>`
          : ''
      }
    </div>
    ${dataTable(
      'Resultaat per regel',
      ['Regel', 'Naam', 'E-mail', 'Resultaat'],
      result.results.map((r) => [
        r.line,
        r.name,
        r.email,
        r.status === 'refused'
          ? html`<strong>Geweigerd:</strong> ${r.problems.map((p) => PROBLEM_TEXT[p.code](p.field)).join('; ')}`
          : ROW_STATUS[r.status],
      ]),
    )}
    <p class="utrecht-paragraph">
      ${result.refused ? 'Verbeter de geweigerde regels en importeer alleen die opnieuw. ' : ''}
      <a class="utrecht-link" href="/organisaties/${organisation.id}">Terug naar ${organisation.name}</a>
    </p>`;
}

/** A secret shown once: the page is not cached, and the secret is never shown again. */
export function secretOnce(organisation: OrganisationView, what: string, secret: string, extra?: SafeHtml): SafeHtml {
  return html`<div class="utrecht-alert utrecht-alert--warning" role="status">
      <p class="utrecht-paragraph">
        Kopieer ${what} nu naar het zaaksysteem. U ziet ${what} hierna niet meer; kwijt is een nieuwe uitgeven.
      </p>
    </div>
    <p class="utrecht-paragraph"><code class="portal-secret">${secret}</code></p>
    ${extra ?? ''}
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/organisaties/${organisation.id}">Terug naar ${organisation.name}</a>
    </p>`;
}

export function credentialIssued(organisation: OrganisationView, credential: IssuedCredentialView): SafeHtml {
  return secretOnce(
    organisation,
    'de sleutel',
    credential.secret,
    html`<p class="utrecht-paragraph">
      Mag: ${credential.scopes.map((s) => KEY_SCOPE_LABELS[s] ?? s).join(', ')}. Het zaaksysteem stuurt de sleutel mee
      als
      <code>Authorization: Bearer …</code>.
    </p>`,
  );
}

export function webhookTestResult(result: WebhookTestView): string {
  return result.delivered
    ? `Het testbericht is aangekomen (${result.response}).`
    : `Het testbericht kwam niet aan (${result.response}). Controleer het adres en of het zaaksysteem bereikbaar is.`;
}

export function disconnectForm(organisation: OrganisationView, csrf: string): SafeHtml {
  return html`<p class="utrecht-paragraph">
      Na het ontkoppelen kan niemand van ${organisation.name} nog inloggen of melden, en werken de sleutels van het
      zaaksysteem niet meer. De lopende meldingen van de organisatie worden verwijderd, zonder archief: er is niemand
      meer die op een signaal kan handelen. Dit kan niet ongedaan worden gemaakt.
    </p>
    <form method="post" action="/organisaties/${organisation.id}/ontkoppelen">
      ${csrfField(csrf)}
      <button type="submit" class="utrecht-button utrecht-button--primary-action">Ontkoppelen</button>
    </form>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/organisaties/${organisation.id}">Niet ontkoppelen</a>
    </p>`;
}
