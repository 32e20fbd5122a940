/**
 * The report writer: a report document -> files in a folder. Everything it writes is a function of its
 * input (no dates, no random ids), so the same input gives byte-identical files. Charts render
 * concurrently (vega asynchronously, resvg on worker threads) and are keyed by id, so the order of
 * completion never shows in the output. The files appear together (output.ts).
 *
 *   dir/charts/<id>.vl.json   the self-contained Vega-Lite spec, interactive (tooltips, legend selection)
 *   dir/charts/<id>.svg       the chart as vega draws it (the spec without its hover layers: interaction.ts)
 *   dir/charts/<id>.png       the SVG rasterised by resvg at 2x
 *   dir/report.md             Markdown with the PNGs
 *   dir/report.html           one offline HTML file: interactive charts over their static SVGs, and the
 *                             engine (tryit/), so a reader can run the model again and see it on the charts
 */
import { REPORT_FILES } from '../io/runFiles.js';
import { chartsOf, type ReportDoc } from './document.js';
import { reportHtml } from './html.js';
import { staticSpec } from './interaction.js';
import { reportScripts } from './libraries.js';
import { reportMarkdown } from './markdown.js';
import { checkReportTargets, writeReportFiles } from './output.js';
import type * as Render from './render.js';
import { runDoc, type ReportInput } from './runDoc.js';
import type { ClaimsResult } from './claims.js';
import { sweepDoc } from './sweep/doc.js';
import { engineBundle } from './tryit/bundle.js';
import { tryitData } from './tryit/data.js';
import { tryitPanel } from './tryit/page.js';
import { failedRunsBlocks } from './sweep/failed.js';
import type { SweepData } from './sweep/read.js';

export type { ReportInput } from './runDoc.js';

/** vega, vega-lite and resvg load when a report is first drawn: a command that draws none (a run, a sweep
 * without --report, validate) does not pay the ~0.4 CPU s of loading them at start. */
let renderModule: Promise<typeof Render> | undefined;
const render = (): Promise<typeof Render> => (renderModule ??= import('./render.js'));

/**
 * Render a document's charts and write report.md, report.html and charts/ into `dir` (which must exist),
 * with `extra` files (claims.json) committed together with them: nothing is written if rendering fails.
 */
export async function writeReportDoc(dir: string, doc: ReportDoc, extra: ReadonlyMap<string, string> = new Map()): Promise<{ files: string[] }> {
  checkReportTargets(dir, [REPORT_FILES.md, REPORT_FILES.html, ...extra.keys()]); // before minutes of rendering; again before the move
  const charts = chartsOf(doc);
  const ids = new Set(charts.map((c) => c.id));
  if (ids.size !== charts.length) throw new Error('writeReportDoc: chart ids must be distinct');
  const files = new Map<string, string | Uint8Array>();
  const svgs = new Map<string, string>();
  const engine = engineBundle(); // built while the charts render
  const { renderSvg, svgToPngAsync } = await render();
  const rendered = await Promise.all(charts.map(async (chart) => {
    const svg = await renderSvg(staticSpec(chart.spec));
    return { chart, svg, png: await svgToPngAsync(svg) };
  }));
  const bundle = await engine;
  for (const { chart, svg, png } of rendered) {
    files.set(`${REPORT_FILES.charts}/${chart.id}.vl.json`, JSON.stringify(chart.spec, null, 2) + '\n');
    files.set(`${REPORT_FILES.charts}/${chart.id}.svg`, svg);
    files.set(`${REPORT_FILES.charts}/${chart.id}.png`, png);
    svgs.set(chart.id, svg);
  }
  files.set(REPORT_FILES.md, reportMarkdown(doc));
  files.set(REPORT_FILES.html, reportHtml(doc, svgs, reportScripts(), tryitPanel({ bundle: bundle.code, data: tryitData(doc.tryit) })));
  for (const [rel, content] of extra) files.set(rel, content);
  return { files: writeReportFiles(dir, files) };
}

/** A document as one standalone HTML page (static SVGs, interactive charts, the engine), without files beside it. */
export async function reportPage(doc: ReportDoc): Promise<string> {
  const engine = engineBundle();
  const { renderSvg } = await render();
  const rendered = await Promise.all(chartsOf(doc).map(async (chart) => [chart.id, await renderSvg(staticSpec(chart.spec))] as const));
  const bundle = await engine;
  return reportHtml(doc, new Map(rendered), reportScripts(), tryitPanel({ bundle: bundle.code, data: tryitData(doc.tryit) }));
}

/** The report of a sweep folder (sweep/doc.ts) into it, with the claims' verdicts when given, and `extra` files. */
export async function writeSweepReport(dir: string, data: SweepData, claims?: ClaimsResult, extra?: ReadonlyMap<string, string>): Promise<{ files: string[] }> {
  const doc = sweepDoc(data, claims);
  // Right after the answer, before "Try it" and the charts: the numbers above and below miss these runs.
  const tryit = doc.blocks.findIndex((b) => b.kind === 'tryit');
  doc.blocks.splice(tryit > 0 ? tryit - 1 : doc.blocks.length, 0, ...failedRunsBlocks(dir));
  return writeReportDoc(dir, doc, extra);
}

/** The report of one run or of presets compared (runDoc.ts) into `dir`; returns the paths written. */
export async function writeReport(dir: string, input: ReportInput): Promise<{ files: string[] }> {
  return writeReportDoc(dir, runDoc(input));
}
