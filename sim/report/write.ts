/**
 * The report writer: runs -> a report directory. It is the one file of sim/report that writes files;
 * everything it writes is a function of its input (no dates, no random ids), so the same runs give
 * byte-identical charts. Charts render concurrently (vega asynchronously, resvg on worker threads)
 * and are written under their ids, so the order of completion never shows in the output.
 *
 *   dir/charts/<id>.vl.json   the self-contained Vega-Lite spec
 *   dir/charts/<id>.svg       the chart as vega draws it
 *   dir/charts/<id>.png       the SVG rasterised by resvg at 2x
 *   dir/report.md             Markdown with the PNGs
 *   dir/report.html           one offline HTML file with the SVGs inlined
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chartSpecs, type ReportRun } from './charts.js';
import { reportHtml } from './html.js';
import { reportMarkdown } from './markdown.js';
import { renderSvg, svgToPngAsync } from './render.js';

export interface ReportInput {
  title: string;
  subtitle?: string;
  /** One per preset; in comparisons each is a colour, in this order. */
  runs: ReportRun[];
  /** Lines shown first, e.g. claim verdicts. */
  summary: string[];
  /** Seeds, versions, scenario hashes...: shown as a key/value table, in insertion order. */
  provenance: Record<string, string | number>;
  /** Related files (relative hrefs such as "metrics.csv"). */
  links?: { label: string; href: string }[];
}

/** Write the report into `dir` (which must exist); returns the paths written, `dir` joined to each. */
export async function writeReport(dir: string, input: ReportInput): Promise<{ files: string[] }> {
  const charts = chartSpecs(input.runs);
  await mkdir(join(dir, 'charts'), { recursive: true });
  const rendered = await Promise.all(charts.map(async (chart) => {
    const svg = await renderSvg(chart.spec);
    const png = await svgToPngAsync(svg);
    const base = join('charts', chart.id);
    await Promise.all([
      writeFile(join(dir, `${base}.vl.json`), JSON.stringify(chart.spec, null, 2) + '\n'),
      writeFile(join(dir, `${base}.svg`), svg),
      writeFile(join(dir, `${base}.png`), png),
    ]);
    return { svg, files: [`${base}.vl.json`, `${base}.svg`, `${base}.png`] };
  }));
  await writeFile(join(dir, 'report.md'), reportMarkdown(input, charts));
  await writeFile(join(dir, 'report.html'), reportHtml(input, charts, rendered.map((r) => r.svg)));
  const files = [...rendered.flatMap((r) => r.files), 'report.md', 'report.html'];
  return { files: files.map((f) => join(dir, f)) };
}
