// One bar chart for the evaluation, drawn by nivo (a maintained charting library on d3): the page
// renders it in the browser, the annual report renders the same component to an SVG string in the
// main process. Horizontal bars (typology labels are long), the period beside the one before it.
// React and nivo only, no Node, no window: the renderer and the main process both import it.
import { Bar } from '@nivo/bar';
import type { ChartRow } from '../shared/report-document';

export const CURRENT_KEY = 'Période';
export const PREVIOUS_KEY = 'Période précédente';
const COLORS = { [CURRENT_KEY]: '#1f5c99', [PREVIOUS_KEY]: '#9bb7d4' } as const;

export const CHART_WIDTH = 640;
const ROW_HEIGHT = 34;
const LABEL_MAX = 42;

export const chartHeight = (rows: number) => 60 + Math.max(1, rows) * ROW_HEIGHT;

const short = (label: string) => (label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label);

/** Whole-number ticks: nobody is counted in halves. */
export function integerTicks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  const step = top <= 8 ? 1 : Math.ceil(top / 5);
  const ticks: number[] = [];
  for (let t = 0; t <= top; t += step) ticks.push(t);
  if (ticks[ticks.length - 1]! < top) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}

export interface BarChartProps {
  rows: readonly ChartRow[];
  title: string;
  fontFamily?: string;
}

export function BarChart({ rows, title, fontFamily = 'inherit' }: BarChartProps) {
  // nivo draws the first row at the bottom of a horizontal chart: reverse to read from the top.
  const data = [...rows].reverse().map((r) => ({ label: short(r.label), [CURRENT_KEY]: r.value, [PREVIOUS_KEY]: r.previous }));
  const ticks = integerTicks(Math.max(0, ...rows.map((r) => Math.max(r.value, r.previous))));
  const text = { fontFamily, fontSize: 11, fill: '#222222' };
  return (
    <Bar
      width={CHART_WIDTH}
      height={chartHeight(rows.length)}
      data={data}
      keys={[CURRENT_KEY, PREVIOUS_KEY]}
      indexBy="label"
      layout="horizontal"
      groupMode="grouped"
      valueScale={{ type: 'linear', min: 0, max: ticks[ticks.length - 1] }}
      margin={{ top: 10, right: 24, bottom: 50, left: 260 }}
      padding={0.25}
      innerPadding={2}
      colors={({ id }) => COLORS[id as keyof typeof COLORS]}
      axisBottom={{ tickValues: ticks, tickSize: 4 }}
      axisLeft={{ tickSize: 0, tickPadding: 8 }}
      gridXValues={ticks}
      enableGridY={false}
      labelSkipWidth={14}
      labelTextColor="#ffffff"
      theme={{ text, axis: { ticks: { text } }, labels: { text: { ...text, fill: '#ffffff' } }, legends: { text } }}
      legends={[
        {
          dataFrom: 'keys',
          anchor: 'bottom-left',
          direction: 'row',
          translateX: -250,
          translateY: 46,
          itemWidth: 150,
          itemHeight: 14,
          symbolSize: 12,
        },
      ]}
      animate={false}
      isInteractive={false}
      role="img"
      ariaLabel={title}
    />
  );
}
