/**
 * sim/report/sweep/doc (+ writeSweepReport): the sweep report's content, checked against the fixture's
 * files: the summary, the claims, viability per cell, the end-of-run table, the provenance; and the same
 * folder written twice gives byte-identical report files.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ClaimsResultSchema } from '../../../sim/report/claims.js';
import type { Block, TableBlock } from '../../../sim/report/document.js';
import { sweepDoc } from '../../../sim/report/sweep/doc.js';
import { readSweepFolder } from '../../../sim/report/sweep/read.js';
import { formatStat } from '../../../sim/report/stats.js';
import { writeSweepReport } from '../../../sim/report/write.js';
import { claimsFixture } from './fixture.js';
import { cellValues, csvObjects, fixtureDir, meanOf } from './helpers.js';

const dir = fixtureDir({ presets: ['gift', 'two-token'], sensitivity: { 'bank.k': [7, 90] }, defaults: { 'bank.k': 30 }, replicates: 3, days: 40 });
afterAll(() => rmSync(dirname(dir), { recursive: true, force: true }));
const claims = ClaimsResultSchema.parse(claimsFixture());

const tableAfter = (blocks: Block[], title: string): TableBlock | undefined => {
  const i = blocks.findIndex((b) => b.kind === 'heading' && b.text === title);
  return blocks.slice(i).find((b): b is TableBlock => b.kind === 'table');
};

describe('report/sweep/doc', () => {
  it('reads top-down: contents, the answer (verdicts with their reasons, the runs counted), try it, the charts, then the detail', async () => {
    const doc = sweepDoc(await readSweepFolder(dir), claims);
    const runs = csvObjects(join(dir, 'runs.csv'));
    expect(doc.blocks[0]).toEqual({ kind: 'toc' });
    const answer = tableAfter(doc.blocks, 'Answer');
    expect(answer?.header).toEqual(['claim', 'title', 'verdict', 'reason']);
    expect(answer?.rows.map((r) => [r[0], r[2], r[3]])).toEqual(claims.claims.map((c) => [c.id, c.verdict, c.reason]));
    const summary = doc.blocks.find((b) => b.kind === 'list');
    const items = summary?.kind === 'list' ? summary.items : [];
    expect(items[0]).toContain(`= ${runs.length} runs; ${runs.length} in runs.csv, ${runs.filter((r) => r['viable'] === '1').length} viable`);
    expect(tableAfter(doc.blocks, 'Claims in detail')?.rows.map((r) => r[2])).toEqual(['supported', 'undecided']);
    const h2 = doc.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [b.text] : []));
    expect(h2).toEqual(['Answer', 'Try it', 'Over time, across replicates', 'Per swept parameter', 'Claims in detail', 'Viability', 'End-of-run statistics', 'Files', 'Provenance']);
    const firstChart = doc.blocks.findIndex((b) => b.kind === 'chart');
    const lastChart = doc.blocks.findLastIndex((b) => b.kind === 'chart');
    expect(doc.blocks.findIndex((b) => b.kind === 'tryit')).toBeLessThan(firstChart);
    expect(doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Claims in detail')).toBeGreaterThan(lastChart);
    expect(doc.title).toBe('Sweep: fixture');
  });

  it('counts viable runs and failed criteria per point and preset', async () => {
    const doc = sweepDoc(await readSweepFolder(dir));
    const rows = tableAfter(doc.blocks, 'Viability')?.rows ?? [];
    expect(rows[0]).toEqual(['base', 'gift', '2 / 3', 'producers out (1), funded share (1)']);
    expect(rows[1]).toEqual(['base', 'two-token', '3 / 3', '—']);
    expect(rows).toHaveLength(6); // 3 points x 2 presets
  });

  it('the end-of-run table gives each preset the mean and interval of runs.csv at the reference point', async () => {
    const doc = sweepDoc(await readSweepFolder(dir));
    const t = tableAfter(doc.blocks, 'End-of-run statistics');
    expect(t?.header).toEqual(['metric', 'unit', 'gift', 'two-token']);
    const goods = t?.rows.find((r) => r[0] === 'goods released, cumulative');
    expect(goods?.[3]?.startsWith(`${formatStat(meanOf(cellValues(dir, 'two-token', 'base', 'goods_total')))} [`)).toBe(true);
    expect(t?.rows.find((r) => r[0] === 'money supply CH')?.[2]).toBe('—');
  });

  it('the provenance names the sweep file and hash, the seeds, the engine and the manifests read', async () => {
    const doc = sweepDoc(await readSweepFolder(dir));
    const rows = new Map((tableAfter(doc.blocks, 'Provenance')?.rows ?? []).map((r) => [r[0], r[1]]));
    const plan = JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8'));
    expect(rows.get('sweep file')).toBe(plan.file);
    expect(rows.get('sweep file sha256')).toBe(plan.fileHash);
    expect(rows.get('replicate seeds')).toBe('r000: 1000, r001: 1007, r002: 1014');
    expect(rows.get('engine version')).toBe('0.1.0');
    expect(rows.get('created')).toBe('2025-01-02T03:04:05.000Z');
    expect(rows.get('run manifests')).toMatch(new RegExp(`^${plan.runs.length} of ${plan.runs.length} runs, digest [0-9a-f]{16}$`));
    expect(rows.get('sweep.json sha256')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the same folder gives byte-identical report files', { timeout: 120_000 }, async () => {
    const copy = join(dirname(dir), 'copy');
    cpSync(dir, copy, { recursive: true });
    const a = await writeSweepReport(dir, await readSweepFolder(dir), claims);
    await writeSweepReport(copy, await readSweepFolder(copy), claims);
    expect(a.files.length).toBeGreaterThan(10);
    for (const f of a.files) {
      const rel = f.slice(dir.length);
      expect(readFileSync(join(copy, rel)).equals(readFileSync(f)), rel).toBe(true);
    }
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('| C1 | giving away is unsustainable | supported |');
    expect(md).toContain('1. [Answer](#answer)');
    expect(md.indexOf('## Answer')).toBeLessThan(md.indexOf('![Sweeping bank.k]'));
    expect(md.indexOf('![Sweeping bank.k]')).toBeLessThan(md.indexOf('## Claims in detail'));
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<a href="#claims-in-detail">Claims in detail</a>');
    expect(html).toContain('<h2 id="claims-in-detail">Claims in detail</h2>');
    expect(md).toContain('![Sweeping bank.k](charts/param-bank.k.png)');
  });
});
