/**
 * report.md: a report document (document.ts) as plain GitHub-flavoured Markdown, readable as text and
 * rendered on GitHub and wikis. Each chart is its PNG (charts/<id>.png) under a heading, with its caption.
 */
import { tocEntries, type Block, type ReportDoc } from './document.js';

/** Text safe inside a Markdown table cell: no pipes or line breaks. */
export const mdCell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function mdTable(header: string[], rows: string[][], numericFrom: number): string[] {
  return [
    `| ${header.map(mdCell).join(' | ')} |`,
    `|${header.map((_, i) => (i < numericFrom ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ];
}

/** What report.md says where report.html has the "try it" panel. */
export const TRYIT_MD = 'report.html has a panel that runs the model again in the browser with the values you choose (the preset, agents, days, seed and a few knobs) and draws your run over its charts; its metrics download as a metrics.csv.';

function mdBlock(b: Block, toc: { text: string; id: string }[]): string[] {
  switch (b.kind) {
    case 'toc': return toc.length === 0 ? [] : [...toc.map((e, i) => `${i + 1}. [${e.text}](#${e.id})`), ''];
    case 'tryit': return [TRYIT_MD, ''];
    case 'heading': return [`${'#'.repeat(b.level)} ${b.text}`, ''];
    case 'paragraph': return [b.text, ''];
    case 'list': return b.items.length === 0 ? [] : [...b.items.map((i) => `- ${i}`), ''];
    case 'table': return [...mdTable(b.header, b.rows, b.numericFrom), ''];
    case 'chart': {
      const c = b.chart;
      return [`### ${c.title}`, '', `![${c.title}](charts/${c.id}.png)`, '', c.caption, ''];
    }
    case 'links': return b.links.length === 0 ? [] : [...b.links.map((l) => `- [${l.label}](${l.href})`), ''];
  }
}

export function reportMarkdown(doc: ReportDoc): string {
  const out: string[] = [`# ${doc.title}`, ''];
  if (doc.subtitle !== undefined) out.push(`*${doc.subtitle}*`, '');
  const toc = tocEntries(doc);
  for (const b of doc.blocks) out.push(...mdBlock(b, toc));
  return out.join('\n');
}
