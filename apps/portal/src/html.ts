import escapeHtml from 'escape-html';

/** Markup that is already safe; everything else put into `html` is escaped. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Part = string | number | SafeHtml | null | undefined | false | Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  if (part instanceof SafeHtml) return part.markup;
  return escapeHtml(String(part));
}

/** An HTML template whose interpolations are escaped unless they are SafeHtml (the result of another `html`). */
export function html(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, text, i) => out + text + (i < parts.length ? render(parts[i]) : ''), ''));
}

/** The ids of a field's description and error, for aria-describedby ('' without either). */
function descriptionIds(id: string, spec: { description?: string; error?: string }): string {
  return [spec.description ? `${id}-uitleg` : '', spec.error ? `${id}-fout` : ''].filter(Boolean).join(' ');
}

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'month' | 'datetime-local' | 'tel' | 'url' | 'file';
  /** For a file field: the kinds of file to offer. */
  accept?: string;
  autocomplete?: string;
  value?: string;
  error?: string;
  description?: string;
  inputmode?: 'numeric' | 'text';
  /** Whether the browser must have a value (the login fields); a form with alternatives says no. */
  required?: boolean;
}

/** An NL Design System form field: label, optional description, the error beside the field, the textbox. */
export function field(spec: FieldSpec): SafeHtml {
  const id = `veld-${spec.name}`;
  const describedBy = descriptionIds(id, spec);
  return html`<div
    class="utrecht-form-field utrecht-form-field--text${spec.error ? ' utrecht-form-field--invalid' : ''}"
  >
    <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${id}">${spec.label}</label></div>
    ${spec.description ? html`<div class="utrecht-form-field-description" id="${id}-uitleg">${spec.description}</div>` : ''}
    ${spec.error ? html`<div class="utrecht-form-field-error-message" id="${id}-fout">${spec.error}</div>` : ''}
    <div class="utrecht-form-field__input">
      <input
        class="utrecht-textbox${spec.error ? ' utrecht-textbox--invalid' : ''}"
        id="${id}"
        name="${spec.name}"
        type="${spec.type ?? 'text'}"
        ${spec.autocomplete ? html`autocomplete="${spec.autocomplete}"` : ''}
        ${spec.inputmode ? html`inputmode="${spec.inputmode}"` : ''}
        ${spec.accept ? html`accept="${spec.accept}"` : ''}
        ${describedBy ? html`aria-describedby="${describedBy}"` : ''}
        ${spec.error ? html`aria-invalid="true"` : ''}
        ${spec.type === 'file' ? '' : html`value="${spec.value ?? ''}"`}
        ${spec.required === false ? '' : html`required`}
      />
    </div>
  </div>`;
}

export interface SelectSpec {
  name: string;
  label: string;
  options: [value: string, label: string][];
  value?: string;
  error?: string;
  description?: string;
}

/** An NL Design System select with its label, optional description and the error beside it. */
export function select(spec: SelectSpec): SafeHtml {
  const id = `veld-${spec.name}`;
  const describedBy = descriptionIds(id, spec);
  return html`<div
    class="utrecht-form-field utrecht-form-field--select${spec.error ? ' utrecht-form-field--invalid' : ''}"
  >
    <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${id}">${spec.label}</label></div>
    ${spec.description ? html`<div class="utrecht-form-field-description" id="${id}-uitleg">${spec.description}</div>` : ''}
    ${spec.error ? html`<div class="utrecht-form-field-error-message" id="${id}-fout">${spec.error}</div>` : ''}
    <div class="utrecht-form-field__input">
      <select
        class="utrecht-select${spec.error ? ' utrecht-select--invalid' : ''}"
        id="${id}"
        name="${spec.name}"
        ${describedBy ? html`aria-describedby="${describedBy}"` : ''}
        ${spec.error ? html`aria-invalid="true"` : ''}
      >
        ${spec.options.map(
          ([value, label]) =>
            html`<option value="${value}" ${spec.value === value ? html`selected` : ''}>${label}</option>`,
        )}
      </select>
    </div>
  </div>`;
}

export interface ChoiceSpec {
  name: string;
  legend: string;
  options: [value: string, label: string][];
  value?: string;
  error?: string;
  description?: string;
}

/** A group of radio buttons in a fieldset whose legend asks the question, the error beside it. */
export function choices(spec: ChoiceSpec): SafeHtml {
  const id = `veld-${spec.name}`;
  const describedBy = descriptionIds(id, spec);
  return html`<fieldset
    class="utrecht-form-fieldset${spec.error ? ' utrecht-form-fieldset--invalid' : ''}"
    id="${id}"
    ${describedBy ? html`aria-describedby="${describedBy}"` : ''}
  >
    <legend class="utrecht-form-fieldset__legend">${spec.legend}</legend>
    ${spec.description ? html`<div class="utrecht-form-field-description" id="${id}-uitleg">${spec.description}</div>` : ''}
    ${spec.error ? html`<div class="utrecht-form-field-error-message" id="${id}-fout">${spec.error}</div>` : ''}
    ${spec.options.map(
      ([value, label]) =>
        html`<div class="utrecht-form-field utrecht-form-field--radio">
          <input
            class="utrecht-radio-button utrecht-radio-button--html-input"
            type="radio"
            id="${id}-${value}"
            name="${spec.name}"
            value="${value}"
            ${spec.value === value ? html`checked` : ''}
            ${spec.error ? html`aria-invalid="true"` : ''}
          />
          <label class="utrecht-form-label utrecht-form-label--radio" for="${id}-${value}">${label}</label>
        </div>`,
    )}
  </fieldset>`;
}

export function button(label: string, variant: 'primary' | 'secondary' = 'primary'): SafeHtml {
  return html`<button type="submit" class="utrecht-button utrecht-button--${variant}-action">${label}</button>`;
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${token}" />`;
}

export function alert(kind: 'error' | 'info' | 'ok', text: string): SafeHtml {
  return html`<div class="utrecht-alert utrecht-alert--${kind}" role="${kind === 'error' ? 'alert' : 'status'}">
    <p class="utrecht-paragraph">${text}</p>
  </div>`;
}

export interface NavItem {
  href: string;
  label: string;
  current?: boolean;
}

export interface PageSpec {
  title: string;
  body: SafeHtml;
  /** The person's name and the logout form, when logged in. */
  person?: { name: string; csrfToken: string };
  /** The pages of the person's role. */
  nav?: NavItem[];
}

function navigation(items: NavItem[]): SafeHtml {
  return html`<nav class="portal-nav" aria-label="Hoofdmenu">
    <ul class="portal-nav__list">
      ${items.map(
        (item) =>
          html`<li>
            <a class="utrecht-link" href="${item.href}" ${item.current ? html`aria-current="page"` : ''}
              >${item.label}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}

/** The whole page: Dutch, the service's name in every title, the Utrecht theme, no script. */
export function page(spec: PageSpec): string {
  return `<!doctype html>${
    html`<html lang="nl" class="utrecht-theme">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${spec.title} — Verwijsindex</title>
        <link rel="stylesheet" href="/assets/design-tokens.css" />
        <link rel="stylesheet" href="/assets/theme.css" />
        <link rel="stylesheet" href="/assets/utrecht.css" />
        <link rel="stylesheet" href="/assets/portal.css" />
      </head>
      <body class="utrecht-page-body utrecht-body">
        <a class="utrecht-link portal-skip" href="#inhoud">Naar de inhoud</a>
        <header class="portal-header">
          <p class="utrecht-paragraph portal-service">Verwijsindex risicojongeren</p>
          ${
            spec.person
              ? html`<div class="portal-person">
                  <p class="utrecht-paragraph">Ingelogd als <strong>${spec.person.name}</strong></p>
                  <form method="post" action="/uitloggen">
                    ${csrfField(spec.person.csrfToken)}${button('Uitloggen', 'secondary')}
                  </form>
                </div>`
              : ''
          }
        </header>
        ${spec.nav ? navigation(spec.nav) : ''}
        <main id="inhoud" class="portal-main">
          <h1 class="utrecht-heading-1">${spec.title}</h1>
          ${spec.body}
        </main>
      </body>
    </html>`.markup
  }`;
}

/**
 * An NL Design System table in a scrolling wrapper (so the page reflows at 320 px): a caption, column
 * headers, rows of cells. Whether a table scrolls depends on the screen and the fonts, and a keyboard
 * user must be able to reach one that does, so every wrapper is a named region in the tab order.
 */
export function dataTable(caption: string, headers: Part[], rows: Part[][]): SafeHtml {
  return html`<div class="portal-table-wrap" tabindex="0" role="region" aria-label="${caption}">
    <table class="utrecht-table">
      <caption class="utrecht-table__caption">
        ${caption}
      </caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          ${headers.map((h) => html`<th class="utrecht-table__header-cell" scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        ${rows.map(
          (cells) =>
            html`<tr class="utrecht-table__row">
              ${cells.map((cell) => html`<td class="utrecht-table__cell">${cell}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** An NL Design System data list: a key and its value per row. */
export function dataList(items: [key: string, value: Part][], className = 'utrecht-data-list--rows'): SafeHtml {
  return html`<dl class="utrecht-data-list ${className}">
    ${items.map(
      ([key, value]) =>
        html`<div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">${key}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">${value}</dd>
        </div>`,
    )}
  </dl>`;
}

/** A checkbox with its visible label. */
export function checkbox(spec: {
  name: string;
  value: string;
  label: string;
  checked?: boolean;
  id?: string;
}): SafeHtml {
  const id = spec.id ?? `veld-${spec.name}`;
  return html`<div class="utrecht-form-field utrecht-form-field--checkbox">
    <input
      class="utrecht-checkbox utrecht-checkbox--html-input"
      type="checkbox"
      id="${id}"
      name="${spec.name}"
      value="${spec.value}"
      ${spec.checked ? html`checked` : ''}
    />
    <label class="utrecht-form-label utrecht-form-label--checkbox" for="${id}">${spec.label}</label>
  </div>`;
}
