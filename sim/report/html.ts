/**
 * report.html: a report document (document.ts) as ONE file that opens offline, with interactive charts.
 *
 * Each chart is its static SVG (drawn by vega in node, so the page reads without JavaScript, and while
 * the scripts load) next to its Vega-Lite spec in a JSON <script>. The three libraries (vega, vega-lite,
 * vega-embed; ~0.8 MB minified) are inlined once, at the end of the page; a small boot script then draws
 * every spec with vega-embed (tooltips, legend selection) and swaps it in for the static SVG, which stays
 * if anything fails. The tooltip ignores the pointer (CSS), or a pointer moving down-right onto it would
 * leave the chart and hide it. When every chart is done, <body> gets `data-ready="1"` (the browser test waits for
 * it). No network: no external scripts, fonts or images; links are relative. Pure: the library sources
 * are passed in (libraries.ts reads them), and every piece of input text is escaped.
 */
import type { ChartSpec } from './charts.js';
import { anchorOf, tocEntries, type Block, type ReportDoc, type TableBlock } from './document.js';

/** The "try it" panel of a page (sim/report/tryit/page.ts): its markup, CSS and scripts (after the charts' boot). */
export interface PagePanel {
  html: string;
  css: string;
  scripts: string[];
}

/** The minified libraries, inlined in this order (vega-lite and vega-embed use the `vega` global). */
export interface ReportScripts {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Only relative links become anchors: an offline report should not send the reader to the network. */
export function safeHref(href: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') ? undefined : href;
}

/** Prefix the ids of an SVG so several inlined in one page cannot capture each other's references. */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

/** JSON that is safe inside <script>: no "<" at all, so neither "</script" nor "<!--" can occur. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A library's source inlined in <script>: refused if it could end the element early. */
export function scriptSource(name: string, source: string): string {
  if (/<\/script|<!--/i.test(source)) throw new Error(`${name}: cannot be inlined, it contains "</script" or "<!--"`);
  return source;
}

/** Draws every `.vis[data-spec]` with vega-embed; keeps the static SVG if a chart fails. */
export const BOOT_SCRIPT = `(function () {
  if (typeof vegaEmbed !== 'function') {
    console.error('vega-embed did not load: the charts stay static');
    document.body.setAttribute('data-ready', '1');
    return;
  }
  var figures = Array.prototype.slice.call(document.querySelectorAll('.vis[data-spec]'));
  var views = window.abundanceViews = {};
  // Every time chart has the dataset of your runs (interaction.ts), empty until the try-it panel fills it;
  // vega warns of the infinite extent of its empty "value" field. That one warning is expected: dropped.
  var base = vega.logger(vega.Warn);
  var quiet = /^Infinite extent for field "value": \\[Infinity, -Infinity\\]$/;
  var logger = {
    level: function (l) { if (arguments.length === 0) return base.level(); base.level(l); return logger; },
    error: function () { base.error.apply(base, arguments); return logger; },
    warn: function () { if (!quiet.test(Array.prototype.join.call(arguments, ' '))) base.warn.apply(base, arguments); return logger; },
    info: function () { base.info.apply(base, arguments); return logger; },
    debug: function () { base.debug.apply(base, arguments); return logger; }
  };
  var done = figures.map(function (el) {
    var spec = JSON.parse(document.getElementById(el.getAttribute('data-spec')).textContent);
    var view = document.createElement('div');
    view.className = 'view';
    view.style.display = 'none';
    el.appendChild(view);
    return vegaEmbed(view, spec, { mode: 'vega-lite', renderer: 'svg', actions: false, logger: logger }).then(function (result) {
      views[el.getAttribute('data-spec').slice(5)] = result.view; // by chart id, for the try-it panel
      var old = el.querySelector('.static');
      if (old) el.removeChild(old);
      view.style.display = '';
      el.classList.add('interactive');
    }).catch(function (error) {
      el.removeChild(view);
      console.error('chart ' + el.getAttribute('data-spec') + ': ' + error);
    });
  });
  Promise.all(done).then(function () { document.body.setAttribute('data-ready', '1'); });
})();`;

const CSS = `
body{font-family:"DejaVu Sans",Verdana,system-ui,sans-serif;line-height:1.5;color:#222;background:#fff;margin:0}
main{max-width:80rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.8rem;margin:0 0 .25rem}
.subtitle{color:#555;margin-top:0}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}
th,td{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.supported{background:#dff0d8}td.refuted{background:#f6d5d5}td.undecided{background:#fcf3cf}td.not-judged{background:#eee}
td.holds{color:#2b6b2b}td.fails{color:#a12a2a}
.scroll{overflow-x:auto}
figure{margin:2rem 0}
.vis svg{max-width:100%;height:auto;display:block}
.toc{background:#f6f6f6;padding:.5rem 1rem;margin:1rem 0;display:inline-block}
.toc ol{margin:.25rem 0;padding-left:1.5rem}
figcaption{color:#444;font-size:.9rem;margin-top:.5rem}
#vg-tooltip-element{pointer-events:none}
`;

/** What the "try it" section says in a page that does not carry the engine. */
const TRYIT_ABSENT = '<p>This page does not carry the engine, so it cannot run the model again.</p>';

function htmlTable(b: TableBlock): string {
  const head = `<tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = b.rows.map((r, i) => `<tr>${r.map((c, j) => {
    const classes = [j >= b.numericFrom ? 'num' : '', b.cellClass?.[i]?.[j] ?? ''].filter((s) => s !== '').join(' ');
    return `<td${classes === '' ? '' : ` class="${escapeHtml(classes)}"`}>${escapeHtml(c)}</td>`;
  }).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

function htmlFigure(chart: ChartSpec, svg: string): string {
  const id = escapeHtml(chart.id);
  return [
    `<figure id="${id}" class="chart" aria-label="${escapeHtml(chart.title)}">`,
    `<div class="vis" data-spec="spec-${id}"><div class="static">${scopeSvgIds(svg, `chart-${chart.id}`)}</div></div>`,
    `<script type="application/json" id="spec-${id}">${scriptJson(chart.spec)}</script>`,
    `<figcaption><strong>${escapeHtml(chart.title)}.</strong> ${escapeHtml(chart.caption)}</figcaption>`,
    '</figure>',
  ].join('\n');
}

function htmlToc(entries: { text: string; id: string }[]): string {
  if (entries.length === 0) return '';
  return `<nav class="toc" aria-label="Contents"><strong>Contents</strong>\n<ol>\n${entries.map((e) => `<li><a href="#${escapeHtml(e.id)}">${escapeHtml(e.text)}</a></li>`).join('\n')}\n</ol></nav>`;
}

interface Context {
  svgOf: (id: string) => string;
  toc: { text: string; id: string }[];
  tryit: string;
}

function htmlBlock(b: Block, ctx: Context): string {
  switch (b.kind) {
    case 'heading': return `<h${b.level} id="${escapeHtml(b.id ?? anchorOf(b.text))}">${escapeHtml(b.text)}</h${b.level}>`;
    case 'toc': return htmlToc(ctx.toc);
    case 'tryit': return ctx.tryit;
    case 'paragraph': return `<p>${escapeHtml(b.text)}</p>`;
    case 'list': return b.items.length === 0 ? '' : `<ul>\n${b.items.map((l) => `<li>${escapeHtml(l)}</li>`).join('\n')}\n</ul>`;
    case 'table': return htmlTable(b);
    case 'chart': return htmlFigure(b.chart, ctx.svgOf(b.chart.id));
    case 'links': {
      if (b.links.length === 0) return '';
      const items = b.links.map((l) => {
        const href = safeHref(l.href);
        return href === undefined
          ? `<li>${escapeHtml(l.label)}: <code>${escapeHtml(l.href)}</code></li>`
          : `<li><a href="${escapeHtml(href)}">${escapeHtml(l.label)}</a></li>`;
      });
      return `<ul>\n${items.join('\n')}\n</ul>`;
    }
  }
}

/** `svgs` maps a chart id to its static SVG. */
export function reportHtml(doc: ReportDoc, svgs: ReadonlyMap<string, string>, scripts: ReportScripts, panel?: PagePanel): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(doc.generator === undefined ? [] : [`<meta name="generator" content="${escapeHtml(doc.generator)}">`]),
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${CSS}${panel?.css ?? ''}</style>`,
    '</head>',
    '<body><main>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
  ];
  if (doc.subtitle !== undefined) out.push(`<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`);
  const ctx: Context = { svgOf: (id) => svgs.get(id) ?? '', toc: tocEntries(doc), tryit: panel?.html ?? TRYIT_ABSENT };
  for (const b of doc.blocks) {
    const html = htmlBlock(b, ctx);
    if (html !== '') out.push(html);
  }
  out.push('</main>');
  const hasCharts = doc.blocks.some((b) => b.kind === 'chart');
  if (hasCharts) {
    out.push(`<script>${scriptSource('vega', scripts.vega)}</script>`);
    out.push(`<script>${scriptSource('vega-lite', scripts.vegaLite)}</script>`);
    out.push(`<script>${scriptSource('vega-embed', scripts.vegaEmbed)}</script>`);
    out.push(`<script>${BOOT_SCRIPT}</script>`);
  } else {
    out.push(`<script>document.body.setAttribute('data-ready', '1');</script>`);
  }
  if (panel !== undefined) out.push(...panel.scripts);
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
