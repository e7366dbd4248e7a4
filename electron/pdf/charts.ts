// The evaluation's charts for the documents: the page's nivo component rendered to an SVG string
// (pdfmake draws SVG natively), and the same SVG rasterised to PNG by resvg (WebAssembly, no
// native module) for the Word document, with the PDF's embedded font so both read alike.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { BarChart, CHART_WIDTH, chartHeight, ChartRow } from '../shared/bar-chart';

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

export function chartSvg(rows: readonly ChartRow[], title: string): ChartSvg {
  const markup = renderToStaticMarkup(createElement(BarChart, { rows, title, fontFamily: 'Roboto' }));
  // nivo wraps its <svg> in a <div>: the documents want the SVG alone.
  const svg = /<svg[\s\S]*<\/svg>/.exec(markup)?.[0];
  if (!svg) throw new Error('chart: no SVG rendered');
  return { svg, width: CHART_WIDTH, height: chartHeight(rows.length) };
}

const FONT = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto', 'Roboto-Regular.ttf');
let wasm: Promise<void> | null = null;

/** The chart as a PNG at twice its size (sharp when printed). */
export async function chartPng(chart: ChartSvg): Promise<Buffer> {
  wasm ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  await wasm;
  const image = new Resvg(chart.svg, {
    fitTo: { mode: 'width', value: chart.width * 2 },
    font: { fontBuffers: [readFileSync(FONT)], defaultFontFamily: 'Roboto', sansSerifFamily: 'Roboto', loadSystemFonts: false },
    background: '#ffffff',
  });
  return Buffer.from(image.render().asPng());
}
