/**
 * report.md: title, subtitle, summary, the end-of-run numbers, each chart as a PNG with its caption,
 * links and provenance. Plain GitHub-flavoured Markdown, readable as text and rendered on GitHub.
 */
import type { ChartSpec } from './charts.js';
import { statsNote, statsTable } from './stats.js';
import type { ReportInput } from './write.js';

/** Text safe inside a Markdown table cell: no pipes or line breaks. */
const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `|${header.map((_, i) => (i < 2 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

export function reportMarkdown(input: ReportInput, charts: ChartSpec[]): string {
  const out: string[] = [`# ${input.title}`, ''];
  if (input.subtitle !== undefined) out.push(`*${input.subtitle}*`, '');
  if (input.summary.length > 0) out.push(...input.summary.map((line) => `- ${line}`), '');
  const stats = statsTable(input.runs);
  out.push(`## End-of-run statistics`, '', statsNote(input.runs.map((r) => r.table)), '');
  out.push(...table(stats.header, stats.rows), '');
  out.push('## Charts', '');
  for (const chart of charts) {
    out.push(`### ${chart.title}`, '', `![${chart.title}](charts/${chart.id}.png)`, '', chart.caption, '');
  }
  if (input.links !== undefined && input.links.length > 0) {
    out.push('## Files', '', ...input.links.map((l) => `- [${l.label}](${l.href})`), '');
  }
  out.push('## Provenance', '');
  out.push(...table(['key', 'value'], Object.entries(input.provenance).map(([k, v]) => [k, String(v)])), '');
  return out.join('\n');
}
