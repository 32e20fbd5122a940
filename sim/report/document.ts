/**
 * A report as data: a title and an ordered list of blocks (headings, paragraphs, lists, tables, charts,
 * links). Every kind of report (a run, a comparison of presets, a sweep) is built as one of these, and
 * markdown.ts and html.ts each turn the same document into their format, so report.md and report.html
 * can never drift apart in content: they differ only in how a chart is shown (a PNG, or an interactive
 * Vega-Lite view over its static SVG). Pure: no node imports.
 */
import type { ChartSpec } from './charts.js';
import type { TryitStart } from './tryit/data.js';

export interface TableBlock {
  kind: 'table';
  header: string[];
  rows: string[][];
  /** Columns from this index on are numbers: right-aligned. */
  numericFrom: number;
  /** Optional CSS class per cell (same shape as `rows`), e.g. a verdict colour; '' for none. HTML only. */
  cellClass?: string[][];
}

export type Block =
  | { kind: 'heading'; level: 2 | 3; text: string; id?: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | TableBlock
  | { kind: 'chart'; chart: ChartSpec }
  | { kind: 'links'; links: { label: string; href: string }[] }
  /** The table of contents: a link to every level-2 heading of the document, in order. */
  | { kind: 'toc' }
  /** The "try it" panel (html.ts draws it when the page carries the engine; report.md says where it is). */
  | { kind: 'tryit' };

export interface ReportDoc {
  title: string;
  subtitle?: string;
  blocks: Block[];
  /** The scenarios the "try it" panel starts from (the report's own runs); the presets when absent. */
  tryit?: TryitStart;
  /** The program that wrote the page (`<meta name="generator">`), when a command must recognise its own file later. */
  generator?: string;
}

/**
 * A heading's anchor, as GitHub makes it for report.md (lower case; letters, digits, spaces, - and _
 * kept; spaces to -), so the table of contents links the same headings in report.md and report.html.
 */
export const anchorOf = (text: string): string =>
  text.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');

/** The level-2 headings a table of contents lists: text and anchor. */
export function tocEntries(doc: ReportDoc): { text: string; id: string }[] {
  return doc.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [{ text: b.text, id: b.id ?? anchorOf(b.text) }] : []));
}

export const toc = (): Block => ({ kind: 'toc' });

export const heading = (text: string, level: 2 | 3 = 2, id?: string): Block =>
  ({ kind: 'heading', level, text, ...(id === undefined ? {} : { id }) });

export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

export const list = (items: string[]): Block => ({ kind: 'list', items });

export const table = (header: string[], rows: string[][], numericFrom: number, cellClass?: string[][]): TableBlock =>
  ({ kind: 'table', header, rows, numericFrom, ...(cellClass === undefined ? {} : { cellClass }) });

/** A key/value table: the provenance of a report. */
export const keyValues = (entries: Record<string, string | number>): TableBlock =>
  table(['key', 'value'], Object.entries(entries).map(([k, v]) => [k, String(v)]), 2);

/** The charts of a document, in order. */
export function chartsOf(doc: ReportDoc): ChartSpec[] {
  return doc.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : []));
}
