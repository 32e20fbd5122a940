/**
 * The README as a front door, and the documentation's links: README.md stays within 10 KB (the rest
 * lives in docs/), and every relative link in README.md and docs/*.md leads to a file that exists, and
 * to a heading of it when the link names one (`reports.md#output-folders`), so moving a section
 * cannot leave a link behind.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../sim/scenario/generate.js';

const README_MAX_BYTES = 10_240;

const PAGES = ['README.md', ...readdirSync(join(REPO_ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

/** The text a reader sees as prose: fenced blocks and inline code removed (their brackets are not links). */
const prose = (md: string): string => md.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '``');

/** The targets of `[text](target)` and `![alt](target)` that are not web addresses. */
function relativeLinks(md: string): string[] {
  return [...prose(md).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((m) => m[1] ?? '')
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** GitHub's anchors of a page's headings: text lower-cased, punctuation but - and _ dropped, spaces to -, repeats numbered. */
function headingAnchors(md: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of md.replace(/^```[\s\S]*?^```/gm, '').split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading === null) continue;
    const slug = (heading[1] ?? '').replace(/`/g, '').toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

describe('README.md and docs/', () => {
  it(`README.md is at most ${README_MAX_BYTES} bytes: what does not fit the front door belongs in docs/`, () => {
    const bytes = readFileSync(join(REPO_ROOT, 'README.md')).length;
    expect(bytes, `README.md is ${bytes} bytes; move a section to a docs/ page and link it`).toBeLessThanOrEqual(README_MAX_BYTES);
  });

  it.each(PAGES)('every relative link in %s leads to an existing file (and heading)', (page) => {
    const md = readFileSync(join(REPO_ROOT, page), 'utf8');
    const broken: string[] = [];
    for (const link of relativeLinks(md)) {
      const [path = '', anchor] = link.split('#');
      const target = path === '' ? join(REPO_ROOT, page) : join(REPO_ROOT, dirname(page), decodeURIComponent(path));
      if (!existsSync(target)) {
        broken.push(`${link}: no file ${relative(REPO_ROOT, target)}`);
      } else if (anchor !== undefined && anchor !== '' && target.endsWith('.md') && !headingAnchors(readFileSync(target, 'utf8')).has(anchor)) {
        broken.push(`${link}: no heading #${anchor} in ${relative(REPO_ROOT, target)}`);
      }
    }
    expect(broken, `broken links in ${page}`).toEqual([]);
  });

  it('finds links and anchors as GitHub does', () => {
    expect(relativeLinks('[a](docs/x.md) ![c](img/y.svg) [w](https://e.org) `[k](not, a link)`\n```\n[z](fenced.md)\n```\n[b](#top)'))
      .toEqual(['docs/x.md', 'img/y.svg', '#top']);
    expect([...headingAnchors('# Top\n## `abundance sweep <file>`\n## Top\n')]).toEqual(['top', 'abundance-sweep-file', 'top-1']);
  });
});
