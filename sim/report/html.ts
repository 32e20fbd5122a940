/**
 * report.html: the same content as report.md in ONE file that opens offline. Charts are inline SVG
 * (no scripts, no external fonts or images), styling is an inline <style>, and every piece of text
 * from the input is escaped, since labels and summary lines come from scenario files.
 */
import type { ChartSpec } from './charts.js';
import { statsNote, statsTable } from './stats.js';
import type { ReportInput } from './write.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Only relative links become anchors: an offline report should not send the reader to the network. */
function safeHref(href: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') ? undefined : href;
}

/** Prefix the ids of an SVG so several inlined in one page cannot capture each other's references. */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

const CSS = `
body{font-family:"DejaVu Sans",Verdana,system-ui,sans-serif;line-height:1.5;color:#222;background:#fff;margin:0}
main{max-width:80rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.8rem;margin:0 0 .25rem}
.subtitle{color:#555;margin-top:0}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}
th,td{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto}
figure{margin:2rem 0}
figure svg{max-width:100%;height:auto;display:block}
figcaption{color:#444;font-size:.9rem;margin-top:.5rem}
`;

function htmlTable(header: string[], rows: string[][], numericFrom: number): string {
  const head = `<tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${i >= numericFrom ? ' class="num"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="scroll"><table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

/** `svgs[i]` is the rendered SVG of `charts[i]`. */
export function reportHtml(input: ReportInput, charts: ChartSpec[], svgs: string[]): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body><main>',
    `<h1>${escapeHtml(input.title)}</h1>`,
  ];
  if (input.subtitle !== undefined) out.push(`<p class="subtitle">${escapeHtml(input.subtitle)}</p>`);
  if (input.summary.length > 0) out.push(`<ul>\n${input.summary.map((l) => `<li>${escapeHtml(l)}</li>`).join('\n')}\n</ul>`);
  const stats = statsTable(input.runs);
  out.push('<h2>End-of-run statistics</h2>');
  out.push(`<p>${escapeHtml(statsNote(input.runs.map((r) => r.table)))}</p>`);
  out.push(htmlTable(stats.header, stats.rows, 2));
  out.push('<h2>Charts</h2>');
  charts.forEach((chart, i) => {
    const svg = scopeSvgIds(svgs[i] ?? '', `chart-${chart.id}`);
    out.push(`<figure id="${escapeHtml(chart.id)}" aria-label="${escapeHtml(chart.title)}">`, svg,
      `<figcaption><strong>${escapeHtml(chart.title)}.</strong> ${escapeHtml(chart.caption)}</figcaption>`, '</figure>');
  });
  const links = (input.links ?? []).map((l) => {
    const href = safeHref(l.href);
    return href === undefined
      ? `<li>${escapeHtml(l.label)}: <code>${escapeHtml(l.href)}</code></li>`
      : `<li><a href="${escapeHtml(href)}">${escapeHtml(l.label)}</a></li>`;
  });
  if (links.length > 0) out.push('<h2>Files</h2>', `<ul>\n${links.join('\n')}\n</ul>`);
  out.push('<h2>Provenance</h2>');
  out.push(htmlTable(['key', 'value'], Object.entries(input.provenance).map(([k, v]) => [k, String(v)]), 2));
  out.push('</main></body>', '</html>', '');
  return out.join('\n');
}
