/**
 * The report of one run or of presets compared on one seed, as a document read top-down: a table of
 * contents; the answer (the headline numbers: the summary lines); the "try it" panel that runs the
 * model again over the charts; one chart per CHART_DEFS entry with something to draw; then the detail
 * (the end-of-run statistics, the run's files, the provenance). runInput.ts builds the input from a run
 * folder or a comparison; this file only lays it out.
 */
import { chartSpecs, type ReportRun } from './charts.js';
import { heading, keyValues, list, paragraph, table, toc, type Block, type ReportDoc } from './document.js';
import { statsNote, statsTable } from './stats.js';
import type { TryitStart } from './tryit/data.js';

export interface ReportInput {
  title: string;
  subtitle?: string;
  /** One per preset; in comparisons each is a colour, in this order. */
  runs: ReportRun[];
  /** Lines shown first, e.g. the five-line summary. */
  summary: string[];
  /** Seeds, versions, scenario hashes...: shown as a key/value table, in insertion order. */
  provenance: Record<string, string | number>;
  /** Related files (relative hrefs such as "metrics.csv"). */
  links?: { label: string; href: string }[];
  /** Where the "try it" panel starts: the runs' resolved scenarios, the size and seed for the presets. */
  tryit?: TryitStart;
}

export function runDoc(input: ReportInput): ReportDoc {
  const stats = statsTable(input.runs);
  const blocks: Block[] = [
    toc(),
    heading('Headline numbers'),
    list(input.summary),
    heading('Try it'),
    { kind: 'tryit' },
    heading('Charts'),
    ...chartSpecs(input.runs).map((chart): Block => ({ kind: 'chart', chart })),
    heading('End-of-run statistics'),
    paragraph(statsNote(input.runs.map((r) => r.table))),
    table(stats.header, stats.rows, 2),
  ];
  const links = input.links ?? [];
  if (links.length > 0) blocks.push(heading('Files'), { kind: 'links', links });
  blocks.push(heading('Provenance'), keyValues(input.provenance));
  return {
    title: input.title, ...(input.subtitle === undefined ? {} : { subtitle: input.subtitle }), blocks,
    ...(input.tryit === undefined ? {} : { tryit: input.tryit }),
  };
}
