import { html, SafeHtml } from '../html';

/** One series of a chart: its name in the legend and a value per category ("<5" for a suppressed count). */
export interface Series {
  name: string;
  values: (number | string)[];
}

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 24, right: 8, bottom: 40, left: 40 };

/** A rounded-up maximum for the axis, so the gridlines fall on whole numbers. */
function niceMaximum(max: number): number {
  if (max <= 5) return 5;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

/**
 * A grouped bar chart as server-rendered SVG: no script, styled by the portal's classes (themeable
 * through --portal-chart-color-1 and -2). The SVG is an image with a title and a summary; the table
 * below it carries the same figures for whoever cannot see the chart. A suppressed count is drawn as a short outlined bar labelled "<5": its height is not its value.
 */
export function barChart(spec: {
  id: string;
  title: string;
  summary: string;
  categories: string[];
  series: Series[];
}): SafeHtml {
  const numbers = spec.series.flatMap((s) => s.values.filter((v): v is number => typeof v === 'number'));
  const max = niceMaximum(Math.max(0, ...numbers));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = plotWidth / Math.max(1, spec.categories.length);
  const barWidth = (band * 0.8) / Math.max(1, spec.series.length);
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const labelEvery = Math.ceil(spec.categories.length / 12);
  const showValues = spec.categories.length * spec.series.length <= 24;
  const ticks = [0, max / 2, max].filter(Number.isInteger);
  const suppressedHeight = Math.min(plotHeight * 0.06, ((4 / max) * plotHeight) / 2);

  const bars = spec.series.flatMap((series, s) =>
    series.values.map((value, c) => {
      const x = MARGIN.left + c * band + band * 0.1 + s * barWidth;
      const suppressed = typeof value !== 'number';
      const top = suppressed ? y(0) - suppressedHeight : y(value);
      const label =
        showValues && value !== 0
          ? html`<text
              class="portal-chart__value"
              x="${(x + barWidth / 2).toFixed(1)}"
              y="${(top - 4).toFixed(1)}"
              text-anchor="middle"
              >${String(value)}</text
            >`
          : '';
      return html`<rect
          class="portal-chart__bar portal-chart__bar--${s + 1}${suppressed ? ' portal-chart__bar--suppressed' : ''}"
          x="${x.toFixed(1)}"
          y="${top.toFixed(1)}"
          width="${Math.max(1, barWidth - 2).toFixed(1)}"
          height="${(y(0) - top).toFixed(1)}"
        ></rect
        >${label}`;
    }),
  );
  return html`<figure class="utrecht-figure portal-chart">
    <svg
      class="portal-chart__svg"
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      role="img"
      aria-labelledby="${spec.id}-titel ${spec.id}-samenvatting"
      focusable="false"
    >
      <title id="${spec.id}-titel">${spec.title}</title>
      <desc id="${spec.id}-samenvatting">${spec.summary}</desc>
      ${ticks.map(
        (tick) =>
          html`<line
              class="portal-chart__grid"
              x1="${MARGIN.left}"
              x2="${WIDTH - MARGIN.right}"
              y1="${y(tick).toFixed(1)}"
              y2="${y(tick).toFixed(1)}"
            ></line>
            <text class="portal-chart__axis" x="${MARGIN.left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end"
              >${String(Math.round(tick))}</text
            >`,
      )}
      ${bars}
      ${spec.categories.map((category, c) =>
        c % labelEvery === 0
          ? html`<text
              class="portal-chart__axis"
              x="${(MARGIN.left + c * band + band / 2).toFixed(1)}"
              y="${HEIGHT - MARGIN.bottom + 16}"
              text-anchor="middle"
              >${category.split('\n').map((line, l) => html`<tspan x="${(MARGIN.left + c * band + band / 2).toFixed(1)}" dy="${l === 0 ? 0 : 15}">${line}</tspan>`)}</text
            >`
          : '',
      )}
    </svg>
    <figcaption class="utrecht-figure__caption">
      ${spec.title}.
      ${spec.series.map(
        (series, s) =>
          html`<span class="portal-chart__legend"
            ><span class="portal-chart__swatch portal-chart__swatch--${s + 1}"></span>${series.name}</span
          >`,
      )}
      De cijfers staan ook in de tabel hieronder.
    </figcaption>
  </figure>`;
}
