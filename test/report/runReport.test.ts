/**
 * sim/report/runReport: a run folder with its report: the report writer gets the run, titled with the
 * scenario name, and the files it writes are listed in manifest.json; report: false writes none.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate } from '../../sim/engine/simulate.js';
import { writeRun } from '../../sim/report/runReport.js';
import { loadScenarioFile } from '../../sim/scenario/file.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-run-report-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('report/runReport', () => {
  it('passes the run to the report writer, titled with the scenario name, and lists its files', async () => {
    const resolved = loadScenarioFile('gift', { overrides: { agents: 5, days: 5 }, set: ['name=mine'] });
    const seen: { title: string; runs: number; summary: number }[] = [];
    const run = await writeRun(join(root, 'a'), resolved, {}, {
      simulate,
      writeReport: async (dir, input) => {
        seen.push({ title: input.title, runs: input.runs.length, summary: input.summary.length });
        writeFileSync(join(dir, 'report.md'), '# mine\n');
        return { files: [join(dir, 'report.md')] };
      },
    });
    expect(seen).toEqual([{ title: 'mine', runs: 1, summary: 5 }]);
    expect(run.manifest.files).toContain('report.md');
  });

  it('writes no report with report: false', async () => {
    const resolved = loadScenarioFile('gift', { overrides: { agents: 5, days: 5 } });
    await writeRun(join(root, 'b'), resolved, { report: false }, { simulate });
    expect(readdirSync(join(root, 'b')).sort()).toEqual(['agents.csv', 'flows.csv', 'manifest.json', 'metrics.csv']);
  });
});
