/**
 * `abundance publish <reportsDir>`: one index.html linking every report.html below a folder, newest
 * first, each with its title (the report's <title>), its date (the `created` of the manifest.json beside
 * it, or of a sweep's timings.json, since a sweep's manifest holds nothing that varies) and its kind (run, comparison, sweep). Links are relative, so the folder can be moved, zipped or
 * served as it is; the index is one offline file like the reports, written atomically (a temporary file
 * renamed over the old index). Hidden folders, node_modules and temporary `*.tmp-*` folders are skipped.
 * An existing index.html that publish did not write (told by its table header, INDEX_MARK) is never
 * replaced: that is a ReportError (exit 2), nothing written.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { writeFileAtomically } from '../io/atomicFile.js';
import { join, relative, sep } from 'node:path';
import { ReportError } from './errors.js';
import { outputKindOf } from '../io/outputPath.js';
import { TIMINGS_JSON } from '../io/sweepTimings.js';
import { checkFolder } from './folder.js';
import { escapeHtml } from './html.js';

export interface PublishedReport {
  /** Relative URL of the report.html from the index. */
  href: string;
  /** The folder, relative to the index ('.' for the index's own folder). */
  folder: string;
  title: string;
  /** ISO date-time from the manifest, or undefined. */
  created: string | undefined;
  kind: 'sweep' | 'comparison' | 'run' | 'report';
}

const SKIP = (name: string): boolean => name.startsWith('.') || name === 'node_modules' || /\.tmp-/.test(name);

/** The <title> of an HTML file (its first 64 KB), entities decoded; the folder name when it has none. */
function titleOf(file: string, fallback: string): string {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(64 * 1024);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  const m = /<title>([^<]*)<\/title>/i.exec(buf.subarray(0, n).toString('utf8'));
  if (m === null || m[1]?.trim() === '') return fallback;
  return (m[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function jsonObjectOf(path: string): Record<string, unknown> | undefined {
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return typeof m === 'object' && m !== null && !Array.isArray(m) ? (m as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function createdOf(manifest: Record<string, unknown> | undefined): string | undefined {
  for (const key of ['created', 'createdAt', 'date']) {
    const v = manifest?.[key];
    if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return new Date(Date.parse(v)).toISOString();
  }
  return undefined;
}

/** Every report.html below `root` (itself included), newest first, then by folder. */
export function findReports(root: string): PublishedReport[] {
  const found: PublishedReport[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name === 'report.html')) {
      const folder = relative(root, dir).split(sep).join('/') || '.';
      // A run's manifest.json holds its date; a sweep's holds nothing that varies, so its date is in timings.json.
      const created = createdOf(jsonObjectOf(join(dir, 'manifest.json'))) ?? createdOf(jsonObjectOf(join(dir, TIMINGS_JSON)));
      found.push({
        href: [...(folder === '.' ? [] : folder.split('/')), 'report.html'].map(encodeURIComponent).join('/'),
        folder, title: titleOf(join(dir, 'report.html'), folder), created, kind: outputKindOf(dir) ?? 'report',
      });
    }
    for (const e of entries) if (e.isDirectory() && !SKIP(e.name)) walk(join(dir, e.name));
  };
  walk(root);
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return found.sort((a, b) => cmp(b.created ?? '', a.created ?? '') || cmp(a.folder, b.folder));
}

/** "2025-01-02 03:04 UTC", or "—" without a date. */
export const dateText = (iso: string | undefined): string => (iso === undefined ? '—' : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`);

const CSS = `body{font-family:"DejaVu Sans",Verdana,system-ui,sans-serif;line-height:1.5;color:#222;margin:0}
main{max-width:60rem;margin:0 auto;padding:1.5rem}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.35rem .6rem;text-align:left}td.date{white-space:nowrap;color:#555}td.kind,td.folder{color:#555}`;

export function indexHtml(title: string, reports: readonly PublishedReport[]): string {
  const rows = reports.map((r) => `<tr><td class="date">${escapeHtml(dateText(r.created))}</td><td><a href="${escapeHtml(r.href)}">${escapeHtml(r.title)}</a></td>` +
    `<td class="kind">${r.kind}</td><td class="folder"><code>${escapeHtml(r.folder)}</code></td></tr>`);
  return ['<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`, `<style>${CSS}</style>`, '</head>', '<body><main>', `<h1>${escapeHtml(title)}</h1>`,
    `<p>${reports.length} report${reports.length === 1 ? '' : 's'}, newest first.</p>`,
    '<table>', INDEX_MARK, '<tbody>', ...rows, '</tbody>', '</table>',
    '</main></body>', '</html>', ''].join('\n');
}

/** The table header of the index: how an index.html written by publish is told from another file. */
const INDEX_MARK = '<thead><tr><th>date</th><th>title</th><th>kind</th><th>folder</th></tr></thead>';

/** Write `<root>/index.html`; returns its path and the reports listed. */
export function publish(root: string): { file: string; reports: PublishedReport[] } {
  checkFolder(root);
  const reports = findReports(root);
  if (reports.length === 0) throw new ReportError(`${root}: no report.html below it (write one with "abundance run", "abundance compare-presets" or "abundance report")`);
  const file = join(root, 'index.html');
  if (existsSync(file)) {
    let old = '';
    try {
      old = readFileSync(file, 'utf8');
    } catch {
      // not readable (a folder, say): not ours
    }
    if (!old.includes(INDEX_MARK)) throw new ReportError(`${file}: exists and was not written by "abundance publish": it is not replaced (move it away, or publish another folder)`);
  }
  writeFileAtomically(file, indexHtml('Reports', reports));
  return { file, reports };
}
