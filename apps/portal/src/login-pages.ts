import { alert, button, csrfField, field, html, SafeHtml } from './html';

export interface LoginForm {
  /** Organisations whose people log in through their own identity provider. */
  sso?: { organisationId: string; name: string }[];
  email?: string;
  emailError?: string;
  passwordError?: string;
  notice?: SafeHtml;
  /** The page to go to after logging in. */
  back?: string;
}

function backField(back: string | undefined): SafeHtml {
  return back ? html`<input type="hidden" name="terug" value="${back}" />` : html``;
}

export function loginPage(csrf: string, form: LoginForm = {}): SafeHtml {
  const sso = form.sso ?? [];
  const ssoButtons = html`<h2 class="utrecht-heading-2">Met het account van uw organisatie</h2>
    <div class="utrecht-button-group portal-sso">
      ${sso.map(
        // A link that looks like a button (NL Design System's button link): the way to the provider is a
        // navigation, and a form could not follow the redirect under the policy form-action 'self'.
        (o) =>
          html`<a
            class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            role="button"
            href="/inloggen/sso/${o.organisationId}"
            >Inloggen met ${o.name}</a
          >`,
      )}
    </div>
    <h2 class="utrecht-heading-2">Met een account van de verwijsindex</h2>`;
  return html`${form.notice ?? ''} ${sso.length > 0 ? ssoButtons : ''}
    <form method="post" action="/inloggen" novalidate>
      ${csrfField(csrf)}${backField(form.back)}
      ${field({ name: 'email', label: 'E-mailadres', type: 'email', autocomplete: 'username', value: form.email, error: form.emailError })}
      ${field({ name: 'password', label: 'Wachtwoord', type: 'password', autocomplete: 'current-password', error: form.passwordError })}
      ${button('Inloggen')}
    </form>
    <p class="utrecht-paragraph">
      Nog geen account, of wachtwoord kwijt? Uw contactpersoon verwijsindex of de beheerder van de gemeente stuurt u een
      uitnodiging.
    </p>`;
}

export function codePage(csrf: string, error?: string, back?: string): SafeHtml {
  return html`<p class="utrecht-paragraph">
      Open de authenticator-app op uw telefoon en typ de code van zes cijfers. Telefoon kwijt? Gebruik een van uw
      herstelcodes.
    </p>
    <form method="post" action="/inloggen/verificatiecode" novalidate>
      ${csrfField(csrf)}${backField(back)}
      ${field({ name: 'code', label: 'Verificatiecode', autocomplete: 'one-time-code', inputmode: 'numeric', error })}
      ${button('Inloggen')}
    </form>`;
}

export interface InvitationForm {
  name: string;
  organisationName: string;
  email: string;
  totpSecret: string;
  totpUri: string;
  errors?: Partial<Record<'password' | 'passwordRepeat' | 'code', string>>;
}

export function invitationPage(action: string, csrf: string, form: InvitationForm): SafeHtml {
  const errors = form.errors ?? {};
  return html`<p class="utrecht-paragraph">
      Welkom, ${form.name} (${form.organisationName}). U logt in met <strong>${form.email}</strong>. Kies een wachtwoord
      en koppel een authenticator-app.
    </p>
    <form method="post" action="${action}" novalidate>
      ${csrfField(csrf)}
      ${field({ name: 'password', label: 'Wachtwoord', type: 'password', autocomplete: 'new-password', description: 'Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden.', error: errors.password })}
      ${field({ name: 'passwordRepeat', label: 'Herhaal het wachtwoord', type: 'password', autocomplete: 'new-password', error: errors.passwordRepeat })}
      <h2 class="utrecht-heading-2">Authenticator-app koppelen</h2>
      <p class="utrecht-paragraph">
        Voeg in uw authenticator-app een account toe met deze sleutel (of open de
        <a class="utrecht-link" href="${form.totpUri}">koppellink</a> op uw telefoon):
      </p>
      <p class="utrecht-paragraph portal-secret">
        <code class="utrecht-code" data-testid="totp-secret">${form.totpSecret}</code>
      </p>
      ${field({ name: 'code', label: 'Verificatiecode', autocomplete: 'one-time-code', inputmode: 'numeric', description: 'De code van zes cijfers die de app nu toont.', error: errors.code })}
      ${button('Account activeren')}
    </form>`;
}

export function recoveryCodesPage(codes: string[]): SafeHtml {
  return html`${alert('ok', 'Uw account is klaar. U kunt nu inloggen.')}
    <h2 class="utrecht-heading-2">Uw herstelcodes</h2>
    <p class="utrecht-paragraph">
      Bewaar deze codes op een veilige plek. Met elke code kunt u één keer inloggen als u uw telefoon kwijt bent. U ziet
      ze maar één keer.
    </p>
    <ul class="utrecht-unordered-list" data-testid="recovery-codes">
      ${codes.map((code) => html`<li class="utrecht-unordered-list__item"><code class="utrecht-code">${code}</code></li>`)}
    </ul>
    <p class="utrecht-paragraph"><a class="utrecht-link" href="/inloggen">Naar inloggen</a></p>`;
}

const ROLE_NAMES: Record<string, string> = {
  professional: 'meldingsbevoegde',
  coordinator: 'contactpersoon verwijsindex',
  follow_up_officer: 'regievoerder',
  administrator: 'beheerder',
  privacy_officer: 'privacyfunctionaris',
};

export function roleName(role: string): string {
  return ROLE_NAMES[role] ?? role;
}

export function homePage(person: {
  name: string;
  role: string;
  organisationName: string;
  municipalityCode: string;
}): SafeHtml {
  return html`<p class="utrecht-paragraph">Welkom, ${person.name}.</p>
    <dl class="portal-facts">
      <dt>Organisatie</dt>
      <dd>${person.organisationName}</dd>
      <dt>Rol</dt>
      <dd>${roleName(person.role)}</dd>
      <dt>Gemeente (CBS-code)</dt>
      <dd>${person.municipalityCode}</dd>
    </dl>`;
}
