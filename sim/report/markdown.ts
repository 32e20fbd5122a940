/**
 * report.md: a report document (document.ts) as plain GitHub-flavoured Markdown, readable as text and
 * rendered on GitHub and wikis. Each chart is its PNG (charts/<id>.png) under a heading, with its caption.
 */
import type { Block, ReportDoc } from './document.js';

/** Text safe inside a Markdown table cell: no pipes or line breaks. */
export const mdCell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function mdTable(header: string[], rows: string[][], numericFrom: number): string[] {
  return [
    `| ${header.map(mdCell).join(' | ')} |`,
    `|${header.map((_, i) => (i < numericFrom ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ];
}

function mdBlock(b: Block): string[] {
  switch (b.kind) {
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
  for (const b of doc.blocks) out.push(...mdBlock(b));
  return out.join('\n');
}
