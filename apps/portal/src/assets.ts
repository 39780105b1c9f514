import { readFileSync } from 'node:fs';

const PORTAL_CSS = `
.portal-header { display: flex; flex-wrap: wrap; gap: 1rem; justify-content: space-between; align-items: center;
  padding: 0.75rem 1rem; border-block-end: 1px solid #767676; }
.portal-service { font-weight: bold; margin: 0; }
.portal-person { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
.portal-person p { margin: 0; }
.portal-main { max-inline-size: 40rem; min-inline-size: 0; padding: 1rem; }
.portal-main .utrecht-form-field { margin-block-end: 1rem; }
.portal-main .utrecht-textbox { max-inline-size: 100%; box-sizing: border-box; }
.portal-skip { position: absolute; inset-inline-start: -100vw; }
.portal-skip:focus { position: static; }
.portal-secret { overflow-wrap: anywhere; }
.portal-nav { padding: 0.5rem 1rem; border-block-end: 1px solid #767676; }
.portal-nav__list { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; list-style: none; margin: 0; padding: 0; }
.portal-nav [aria-current='page'] { font-weight: bold; }
.portal-card { border: 1px solid #767676; padding: 0.75rem 1rem; margin-block-end: 1rem; }
.portal-card h3 { margin-block-start: 0; }
.portal-main fieldset { border: 1px solid #767676; margin-block-end: 1rem; padding: 0.75rem 1rem; }
.portal-main .utrecht-table { inline-size: 100%; }
.portal-table-wrap { overflow-x: auto; position: relative; }
.portal-main form { margin-block-end: 1rem; }
.portal-inline-form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; }
.portal-visually-hidden { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.portal-letter { border: 1px solid #767676; padding: 1.5rem; }
.portal-key-figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: 0.75rem; }
.portal-key-figures .utrecht-data-list__item { border: 1px solid #767676; padding: 0.5rem 0.75rem; }
.portal-key-figures dd { font-size: 1.5rem; font-weight: bold; margin: 0; }
.portal-chart { margin: 0 0 1.5rem; }
.portal-chart__svg { display: block; inline-size: 100%; block-size: auto; }
.portal-chart__bar--1 { fill: var(--portal-chart-color-1, #154273); }
.portal-chart__bar--2 { fill: var(--portal-chart-color-2, #a33d00); }
.portal-chart__bar--suppressed { fill: #ffffff; stroke-width: 2; stroke-dasharray: 4 2; }
.portal-chart__bar--suppressed.portal-chart__bar--1 { stroke: var(--portal-chart-color-1, #154273); }
.portal-chart__bar--suppressed.portal-chart__bar--2 { stroke: var(--portal-chart-color-2, #a33d00); }
.portal-chart__grid { stroke: #767676; stroke-width: 1; }
.portal-chart__axis, .portal-chart__value { font-size: 13px; fill: #1a1a1a; }
.portal-chart__legend { display: inline-flex; gap: 0.35rem; align-items: center; margin-inline-end: 1rem; }
.portal-chart__swatch { display: inline-block; inline-size: 1rem; block-size: 1rem; }
.portal-chart__swatch--1 { background: var(--portal-chart-color-1, #154273); }
.portal-chart__swatch--2 { background: var(--portal-chart-color-2, #a33d00); }
.portal-badge { display: inline-block; border: 1px solid #767676; padding: 0 0.35rem; font-size: 0.875em; }
@media print { .portal-header, .portal-nav, .portal-no-print { display: none; } .portal-letter { border: 0; padding: 0; } }
`;

/**
 * The NL Design System styles, read once from the installed packages and served by the portal itself
 * (CSP: 'self'), and the deployment's theme (PORTAL_THEME_CSS: token overrides), empty by default.
 */
export function portalAssets(themeFile?: string): Record<string, string> {
  return {
    'utrecht.css': readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css'), 'utf8'),
    'design-tokens.css': readFileSync(require.resolve('@utrecht/design-tokens/dist/index.css'), 'utf8'),
    'theme.css': themeFile ? readFileSync(themeFile, 'utf8') : '',
    'portal.css': PORTAL_CSS,
  };
}
