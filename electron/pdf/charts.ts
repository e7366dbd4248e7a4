// The evaluation's charts for the documents: the page's nivo component rendered to an SVG string
// (pdfmake draws SVG natively), and the same SVG rasterised to PNG by resvg (WebAssembly, no
// native module) for the Word document, with the PDF's embedded font so both read alike.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { BarChart, CHART_WIDTH, chartHeight } from '../charts/bar-chart';
import type { ChartRow } from '../shared/report-document';

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

// A report draws the same charts for its PDF and its Word version, and again when exported twice:
// each chart is rendered and rasterised once, then served from these small caches (a few dozen
// charts at most; the oldest go first).
const CACHE_SIZE = 48;
const svgCache = new Map<string, ChartSvg>();
const pngCache = new Map<string, Promise<Buffer>>();

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const made = make();
  cache.set(key, made);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return made;
}

export function chartSvg(rows: readonly ChartRow[], title: string): ChartSvg {
  return remember(svgCache, JSON.stringify([title, rows]), () => renderChartSvg(rows, title));
}

function renderChartSvg(rows: readonly ChartRow[], title: string): ChartSvg {
  const markup = renderToStaticMarkup(createElement(BarChart, { rows, title, fontFamily: 'Roboto' }));
  // nivo wraps its <svg> in a <div>: the documents want the SVG alone.
  const svg = /<svg[\s\S]*<\/svg>/.exec(markup)?.[0];
  if (!svg) throw new Error('chart: no SVG rendered');
  return { svg, width: CHART_WIDTH, height: chartHeight(rows.length) };
}

const FONT = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto', 'Roboto-Regular.ttf');
let wasm: Promise<void> | null = null;
let font: Buffer | null = null;

/** The chart as a PNG at twice its size (sharp when printed). */
export function chartPng(chart: ChartSvg): Promise<Buffer> {
  return remember(pngCache, chart.svg, () =>
    rasterise(chart).catch((error: unknown) => {
      // A failure is not remembered: the next export tries again.
      pngCache.delete(chart.svg);
      throw error;
    }),
  );
}

async function rasterise(chart: ChartSvg): Promise<Buffer> {
  wasm ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  await wasm;
  font ??= readFileSync(FONT);
  const image = new Resvg(chart.svg, {
    fitTo: { mode: 'width', value: chart.width * 2 },
    font: { fontBuffers: [font], defaultFontFamily: 'Roboto', sansSerifFamily: 'Roboto', loadSystemFonts: false },
    background: '#ffffff',
  });
  return Buffer.from(image.render().asPng());
}
