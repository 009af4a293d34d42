/**
 * `<kb-stats-chart>`: one line or bar chart of report values, shared by the dashboard and the
 * report. chart.js is imported the first time a chart with data renders (chart-runtime.ts), never
 * before. The chart takes its colours from the portal's tokens and redraws when the theme changes;
 * its numbers are the partner's locale's. The values are also in the page as a list, so a screen
 * reader gets them (the canvas only has a name).
 */
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { KabinetElement } from '../base-element.ts';
import { localeContext } from '../contexts.ts';
import type { Locale } from '../i18n.ts';
import { tokenFallbacks } from '../token-fallbacks.ts';
import { formatAmount, formatCount } from './format.ts';
import type { Chart, StatsChartConfig } from './chart-runtime.ts';
import { statisticsMessages } from './statistics.messages.ts';

export interface ChartSeries {
  label: string;
  values: number[];
  /**
   * Counts on the left axis; amounts (with their currency) on the right one, or there a second count
   * (`count-right`: registrations beside clicks, a hundred times fewer, would be a flat line on the left).
   */
  axis: 'count' | 'count-right' | 'amount';
  currency?: string;
}

type ChartState = 'empty' | 'loading' | 'ready' | 'failed';

/**
 * A chart of report values (line or bar), drawn with chart.js loaded on first use.
 *
 * @csspart chart - The figure. Its `data-state` is `loading`, `ready`, `failed` or `empty`.
 * @csspart chart-title - The caption.
 * @csspart chart-box - The canvas's box (its height is the chart's).
 * @csspart chart-canvas - The canvas.
 * @csspart chart-failed - Shown when the chart's code could not be loaded.
 *
 * @cssproperty --kb-color-link - First series.
 * @cssproperty --kb-color-accent-ui - Second series.
 * @cssproperty --kb-color-text-muted - Axis labels and further series.
 * @cssproperty --kb-color-border - Grid lines.
 * @cssproperty --kb-stats-chart-height - The chart's height (default 16rem).
 */
export class KbStatsChart extends KabinetElement {
  static override properties = {
    kind: { type: String },
    heading: { type: String },
    labels: { attribute: false },
    series: { attribute: false },
    state: { state: true },
  };
  static override styles = [
    tokenFallbacks,
    css`
      :host { display: block; min-width: 0; }
      figure { margin: 0; min-width: 0; }
      [part~='chart-title'] { font-weight: 600; margin: 0 0 var(--kb-space-2, 8px); }
      /* The canvas keeps its last size until chart.js sees the box change: never wider than the box meanwhile. */
      [part~='chart-box'] {
        position: relative; height: var(--kb-stats-chart-height, 16rem); min-width: 0; overflow: hidden;
      }
      [part~='chart-failed'] { color: var(--_muted); margin: 0; }
      .visually-hidden {
        position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
      }
      /* Its colours follow the tokens; their transition tells the chart the theme changed. */
      .theme-probe {
        color: var(--kb-color-link, var(--kb-color-primary, #4f46e5));
        background-color: var(--kb-color-border, #dde1e7);
        border-color: var(--kb-color-text-muted, #5b6472);
        transition: color 1ms, background-color 1ms, border-color 1ms;
      }
    `,
  ];

  declare kind: 'line' | 'bar';
  declare heading: string;
  declare labels: string[];
  declare series: ChartSeries[];
  declare private state: ChartState;
  private chart: Chart<'line' | 'bar', number[], string> | null = null;
  private drawSeq = 0;
  /** The type the chart was made with (chart.js does not change it on update). */
  private drawnKind: StatsChartConfig['type'] | null = null;
  private readonly localeConsumer = new ContextConsumer(this, { context: localeContext, subscribe: true });

  constructor() {
    super();
    this.kind = 'line';
    this.heading = '';
    this.labels = [];
    this.series = [];
    this.state = 'empty';
  }

  private get locale(): Locale {
    return this.localeConsumer.value?.locale ?? 'en';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) void this.draw();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.drawSeq++;
    this.chart?.destroy();
    this.chart = null;
  }

  private get hasData(): boolean {
    return this.series.length > 0 && this.labels.length > 0;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.hasData) this.state = 'empty';
    else if (!this.chart && this.state !== 'failed') this.state = 'loading';
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('kind') || changed.has('labels') || changed.has('series') || changed.has('heading'))
      void this.draw();
  }

  protected override render(): TemplateResult {
    const locale = this.locale;
    const failed = this.state === 'failed';
    return html`<figure part="chart" data-state=${this.state}>
      <figcaption part="chart-title">${this.heading}</figcaption>
      ${
        failed
          ? html`<p part="chart-failed">${statisticsMessages(locale, 'chart.failed')}</p>`
          : html`<div part="chart-box"><canvas part="chart-canvas" role="img" aria-label=${this.heading}></canvas></div>`
      }
      <ul class="visually-hidden">
        ${this.labels.map(
          (label, i) =>
            html`<li>${statisticsMessages(locale, 'chart.point', {
              label,
              values: this.series.map((s) => `${s.label} ${this.formatValue(s, s.values[i] ?? 0)}`).join(', '),
            })}</li>`,
        )}
      </ul>
      ${this.state === 'ready' ? html`<span class="theme-probe visually-hidden" aria-hidden="true" @transitionrun=${this.recolour}></span>` : nothing}
    </figure>`;
  }

  private formatValue(series: ChartSeries, value: number): string {
    return series.axis === 'amount' && series.currency
      ? formatAmount(this.locale, series.currency, String(value))
      : formatCount(this.locale, value);
  }

  private async draw(): Promise<void> {
    const seq = ++this.drawSeq;
    if (!this.hasData) {
      this.chart?.destroy();
      this.chart = null;
      return;
    }
    let runtime: typeof import('./chart-runtime.ts');
    try {
      runtime = await import('./chart-runtime.ts');
    } catch {
      if (seq === this.drawSeq) this.state = 'failed';
      return;
    }
    await this.updateComplete;
    const canvas = this.renderRoot.querySelector('canvas');
    if (seq !== this.drawSeq || !this.isConnected || !canvas) return;
    const config = this.config();
    // chart.js keeps a chart's type: a line that becomes bars (another grouping) is drawn anew.
    if (this.chart && this.chart.canvas === canvas && this.drawnKind === config.type) {
      this.chart.data = config.data;
      this.chart.options = config.options ?? {};
      this.chart.update();
    } else {
      this.chart?.destroy();
      this.chart = runtime.drawChart(canvas, config);
      this.drawnKind = config.type;
    }
    this.state = 'ready';
  }

  /** The portal's colours as the canvas needs them (resolved values, not var()). */
  private colours() {
    const style = getComputedStyle(this);
    const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const text = token('--kb-color-text', '#1b1f24');
    const muted = token('--kb-color-text-muted', '#5b6472');
    const palette = [
      token('--kb-color-link', token('--kb-color-primary', '#4f46e5')),
      token('--kb-color-accent-ui', token('--kb-color-accent', '#0284c7')),
      muted,
      text,
    ];
    return { palette, muted, grid: token('--kb-color-border', '#dde1e7') };
  }

  private config(): StatsChartConfig {
    const { palette, muted, grid } = this.colours();
    const locale = this.locale;
    const amounts = this.series.filter((s) => s.axis === 'amount');
    const left = this.series.filter((s) => s.axis === 'count');
    const right = this.series.filter((s) => s.axis !== 'count');
    // With both axes in use, one that draws a single series is named after it (which line goes with which scale).
    const title = (on: readonly ChartSeries[]) =>
      left.length && right.length && on.length === 1 ? { display: true, text: on[0]!.label, color: muted } : undefined;
    const axisCurrency = new Set(amounts.map((s) => s.currency)).size === 1 ? amounts[0]?.currency : undefined;
    const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    const axis = (position: 'left' | 'right', format: (n: number) => string, on: readonly ChartSeries[]) => ({
      display: on.length > 0,
      position,
      title: title(on),
      beginAtZero: true,
      grid: { color: grid, drawOnChartArea: position === 'left' },
      border: { color: grid },
      ticks: {
        color: muted,
        precision: position === 'left' || amounts.length === 0 ? 0 : undefined,
        callback: (v: string | number) => format(Number(v)),
      },
    });
    return {
      type: this.kind,
      data: {
        labels: this.labels,
        datasets: this.series.map((s, i) => {
          const colour = palette[i % palette.length]!;
          return {
            label: s.label,
            data: s.values,
            yAxisID: s.axis === 'count' ? 'y' : 'amount',
            borderColor: colour,
            backgroundColor: colour,
            borderWidth: 2,
            pointRadius: this.labels.length > 40 ? 0 : 3,
            tension: 0.25,
          };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reduced ? false : { duration: 250 },
        interaction: { mode: 'index', intersect: false },
        locale,
        scales: {
          x: {
            grid: { display: false },
            border: { color: grid },
            ticks: { color: muted, maxRotation: 0, autoSkip: true, autoSkipPadding: 12 },
          },
          y: axis('left', (n) => formatCount(locale, n), left),
          amount: axis(
            'right',
            (n) => (axisCurrency ? formatAmount(locale, axisCurrency, String(n)) : formatCount(locale, n)),
            right,
          ),
        },
        plugins: {
          legend: { labels: { color: muted, boxWidth: 12 } },
          tooltip: {
            callbacks: {
              label: (item) => {
                const s = this.series[item.datasetIndex];
                return s ? `${s.label}: ${this.formatValue(s, Number(item.raw))}` : '';
              },
            },
          },
        },
      },
    };
  }

  /** The theme changed (the probe's token colours moved): redraw in the new colours. */
  private readonly recolour = (): void => {
    if (!this.chart) return;
    const config = this.config();
    this.chart.data = config.data;
    this.chart.options = config.options ?? {};
    this.chart.update('none');
  };
}
