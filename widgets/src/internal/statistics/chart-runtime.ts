/**
 * The charting library, loaded only when a chart is about to be drawn: `<kb-stats-chart>` imports
 * this module dynamically, so chart.js (its line and bar charts, tree-shaken) is a lazy chunk of its
 * own and in neither the first load nor the statistics chunk. Registers just what the two chart
 * types use.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

export type StatsChartConfig = ChartConfiguration<'line' | 'bar', number[], string>;

/** Draws a chart on `canvas`; the caller destroys it (`chart.destroy()`) when the canvas goes away. */
export function drawChart(
  canvas: HTMLCanvasElement,
  config: StatsChartConfig,
): Chart<'line' | 'bar', number[], string> {
  return new Chart(canvas, config);
}

export type { Chart };
