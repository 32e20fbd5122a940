/**
 * sim/report/claims (and the claims.json schema of sim/io/claimsJson.ts): the format of docs/sweeps.md is accepted, a malformed one is refused
 * with the file, the field path, what was expected and a did-you-mean, and the claims section shows
 * each verdict with the numbers behind it.
 */
import { describe, expect, it } from 'vitest';
import { claimsAnswer, claimsBlocks, ClaimsResultSchema } from '../../sim/report/claims.js';
import type { TableBlock } from '../../sim/report/document.js';
import { parseOrThrow, ReportError } from '../../sim/report/errors.js';
import { claimsFixture } from './sweep/fixture.js';

const DOC_EXAMPLE = { protocol: 'MODEL.md section 9', sweep: 'claims', point: 'base',
  window: 'W: the last 365 days of each run; P: days 90-1094; E: days 90-454 (markup_change); out_max: days >= 90',
  defaults: { judged: true, failures: [] }, notes: [], claims: [
  { id: 'C1', title: 'giving away is unsustainable', verdict: 'supported',
    reason: 'one line: why this verdict, or the failed viability criterion and the runs behind it',
    tests: [{ label: 'gift - two-token: goods per head', statistic: 'stat_goods_per_head', predicted: '< 0',
      point: 'base', part: 'defaults', presets: ['gift', 'two-token'], runs: 'viable', n: 30, mean: -0.1, ci95_lo: -0.2, ci95_hi: -0.05, holds: true, outcome: 'holds' }],
    directions: [{ direction: 'participation.piMin', points: ['s-participation.piMin-0.5'], holds: true, note: '' }] }],
  beside: [{ name: 'price_level', label: 'benchmark-deflated price index (price / own cost)', unit: 'x cost', note: '1 + mu0 by the pricing rule',
    preset: 'peer-bank', n: 30, mean: 1.05, ci95_lo: 1.05, ci95_hi: 1.05 }] };

describe('report/claims', () => {
  it('accepts the example of docs/sweeps.md and null numbers where there is no interval', () => {
    expect(ClaimsResultSchema.parse(DOC_EXAMPLE)).toEqual(DOC_EXAMPLE);
    expect(ClaimsResultSchema.parse(claimsFixture()).claims[1]?.tests[0]?.ci95_lo).toBeNull();
  });

  it('a mistyped verdict names the file and the field and suggests the verdict meant', () => {
    const bad = structuredClone(DOC_EXAMPLE);
    bad.claims[0]!.verdict = 'suported';
    expect(() => parseOrThrow(ClaimsResultSchema, bad, 'sw/claims.json')).toThrow(ReportError);
    expect(() => parseOrThrow(ClaimsResultSchema, bad, 'sw/claims.json'))
      .toThrow('sw/claims.json: claims[0].verdict: expected "supported" or "refuted" or "undecided" or "not judged", got "suported"; did you mean "supported"?');
  });

  it('a missing or mistyped number is reported at its path', () => {
    const bad = structuredClone(DOC_EXAMPLE) as { claims: { tests: Record<string, unknown>[] }[] };
    delete bad.claims[0]!.tests[0]!['n'];
    bad.claims[0]!.tests[0]!['mean'] = 'low';
    let message = '';
    try { parseOrThrow(ClaimsResultSchema, bad, 'claims.json'); } catch (e) { message = (e as Error).message; }
    expect(message.split('\n')).toEqual([
      'claims.json: claims[0].tests[0].n: expected a number, got nothing (the field is missing)',
      'claims.json: claims[0].tests[0].mean: expected a number, got "low"',
    ]);
  });

  it('the claims section: verdict, the numbers that decided it and the reason; per claim its tests and directions; the numbers beside', () => {
    const claims = ClaimsResultSchema.parse(claimsFixture());
    const blocks = claimsBlocks(claims);
    const tables = blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tables[0]?.header).toEqual(['claim', 'title', 'verdict', 'numbers that decided it', 'reason']);
    expect(tables[0]?.rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['C1', 'supported', 'gift - two-token: goods per head: -0.1 [-0.2, -0.05], holds'],
      ['C4', 'undecided', 'peer-bank: trend of funded_share, %/year: 0.31 [—, —], no data'],
    ]);
    expect(tables[0]?.cellClass?.map((r) => r[2])).toEqual(['supported', 'undecided']);
    expect(tables[1]?.rows[0]).toEqual(['gift - two-token: goods per head', 'stat_goods_per_head', '< 0', 'defaults', 'base', 'viable', '3', '-0.1', '[-0.2, -0.05]', 'yes']);
    expect(tables[2]?.rows[0]).toEqual(['participation.piMin', 's-participation.piMin-0.5', 'yes', '—']);
    expect(tables[3]?.rows[0]?.slice(5)).toEqual(['all', '1', '0.31', '[—, —]', 'no']);
    expect(tables[4]?.rows[0]).toEqual(['token price of an hour', 'peer-bank', 'tokens per MH', '3', '1', '[1, 1]']);
    expect(blocks.at(-1)).toEqual({ kind: 'list', items: ['token price of an hour: 1 at par'] }); // each number's note once
    expect(blocks.some((b) => b.kind === 'list' && b.items[0] === "horizon: the statistics over W depend on the run's length")).toBe(true);
  });

  it('the answer at the top of a report: each claim with its verdict and its one-line reason, and nothing more', () => {
    const claims = ClaimsResultSchema.parse(claimsFixture());
    const blocks = claimsAnswer(claims);
    expect(blocks).toHaveLength(1);
    const t = blocks[0] as TableBlock;
    expect(t.header).toEqual(['claim', 'title', 'verdict', 'reason']);
    expect(t.rows).toEqual(claims.claims.map((c) => [c.id, c.title, c.verdict, c.reason]));
    expect(t.rows.map((r) => r[2])).toEqual(['supported', 'undecided']);
    expect(t.cellClass?.map((r) => r[2])).toEqual(['supported', 'undecided']);
    expect(claimsAnswer(undefined)).toEqual([{ kind: 'paragraph', text: 'The claims were not evaluated for this sweep: the folder has no claims.json.' }]);
  });

  it('defaults not judged: the section says why before the table', () => {
    const claims = ClaimsResultSchema.parse({ ...(claimsFixture() as object), defaults: { judged: false, failures: ['two-token at base: 2 of 3 runs viable (90 % needed)'] } });
    expect(claimsBlocks(claims).some((b) => b.kind === 'paragraph' && b.text === 'The defaults are not judged: two-token at base: 2 of 3 runs viable (90 % needed).')).toBe(true);
  });

  it('without a claims result the section says the claims were not evaluated', () => {
    const blocks = claimsBlocks(undefined);
    expect(blocks.some((b) => b.kind === 'paragraph' && b.text.includes('not evaluated'))).toBe(true);
    expect(blocks.some((b) => b.kind === 'table')).toBe(false);
  });
});
