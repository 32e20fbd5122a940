/**
 * The check that an earlier sweep folder may be replaced (`merge --out`, `sweep --replace`) looks all
 * through runs/, not only at the top level: a file the user left in runs/, a folder of the user's beside
 * the run folders, or a file in a run folder refuses the replacement (exit 2, naming the path) with
 * nothing deleted, while a clean earlier sweep folder (temporary names and a run report included) is
 * still replaced. The defect: merging again into a merged folder deleted runs/notes.txt and
 * runs/gift-extra/data.csv.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputPath, OutputPathError } from '../../sim/io/outputPath.js';
import { mergeShards } from '../../sim/sweep/merge.js';
import { sweep } from '../../sim/sweep/run.js';
import { fileBytes } from '../helpers/tree.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-out-runs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const at = (...p: string[]): string => join(root, ...p);
const file = at('tiny.yaml');
writeFileSync(file, ['compare: [gift]', 'seeds: 2', 'seed: 4', 'agents: 10', 'days: 10', 'sweep:', '  bank.k: [7, 90]'].join('\n') + '\n');
const shards = [at('shard1'), at('shard2')];
const RUN = 'runs/gift/p000/r000';

function refusal(path: string): string {
  try {
    checkOutputPath(path, 'sweep', 'replace');
  } catch (error) {
    expect(error).toBeInstanceOf(OutputPathError);
    expect((error as OutputPathError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error(`${path} was accepted`);
}

describe('replacing an earlier sweep folder: runs/ is walked', { timeout: 300_000 }, () => {
  it('merging again replaces a clean merged folder, and refuses one holding files of the user in runs/, deleting nothing', async () => {
    for (const [i, dir] of shards.entries()) await sweep(file, { out: dir, workers: 1, shard: { index: i + 1, count: 2 } });
    const out = at('merged');
    await mergeShards(shards, { out });
    // a clean earlier sweep folder, with what the program may leave in it, is replaced
    mkdirSync(join(out, RUN, 'charts'));
    writeFileSync(join(out, RUN, 'charts', 'gini.svg'), '<svg/>');
    writeFileSync(join(out, RUN, 'charts', 'gini.vl.json'), '{}');
    writeFileSync(join(out, RUN, 'report.md'), '# run');
    mkdirSync(join(out, 'runs', 'gift', 'p001', 'r000.tmp-999999-ab12'));
    writeFileSync(join(out, 'runs', 'gift', 'p001', 'r000.tmp-999999-ab12', 'metrics.csv'), 'day\n');
    expect(checkOutputPath(out, 'sweep', 'replace')).toBe(out);
    await mergeShards(shards, { out });
    expect([...fileBytes(out).keys()].filter((f) => f.includes('charts') || f.includes('.tmp-'))).toEqual([]);

    // the defect as reported: a note in runs/ and a folder of the user's beside the run folders
    writeFileSync(join(out, 'runs', 'notes.txt'), 'mine');
    mkdirSync(join(out, 'runs', 'gift-extra'));
    writeFileSync(join(out, 'runs', 'gift-extra', 'data.csv'), 'a,b\n1,2\n');
    const before = fileBytes(root);
    let error: unknown;
    try {
      await mergeShards(shards, { out });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutputPathError);
    expect((error as OutputPathError).exitCode).toBe(2);
    expect((error as Error).message).toContain(out);
    expect((error as Error).message).toContain('runs/gift-extra, runs/notes.txt');
    expect((error as Error).message).toContain('nothing was written');
    expect(fileBytes(root)).toEqual(before);

    // one file of the user's inside a run folder, or inside its charts/, is enough
    rmSync(join(out, 'runs', 'notes.txt'));
    rmSync(join(out, 'runs', 'gift-extra'), { recursive: true });
    expect(checkOutputPath(out, 'sweep', 'replace')).toBe(out);
    writeFileSync(join(out, RUN, 'mine.csv'), 'x\n');
    expect(refusal(out)).toContain(`(${RUN}/mine.csv)`);
    rmSync(join(out, RUN, 'mine.csv'));
    mkdirSync(join(out, RUN, 'charts'));
    writeFileSync(join(out, RUN, 'charts', 'notes.txt'), 'x');
    expect(refusal(out)).toContain(`(${RUN}/charts/notes.txt)`);
    rmSync(join(out, RUN, 'charts'), { recursive: true });
    // a run folder the sweep did not list, a folder in a run folder, a link where a file was
    mkdirSync(join(out, 'runs', 'gift', 'p000', 'r009'));
    expect(refusal(out)).toContain('(runs/gift/p000/r009)');
    rmSync(join(out, 'runs', 'gift', 'p000', 'r009'), { recursive: true });
    mkdirSync(join(out, RUN, 'old'));
    expect(refusal(out)).toContain(`(${RUN}/old)`);
    rmSync(join(out, RUN, 'old'), { recursive: true });
    rmSync(join(out, RUN, 'manifest.json'));
    symlinkSync(file, join(out, RUN, 'manifest.json'));
    expect(refusal(out)).toContain(`(${RUN}/manifest.json)`);
    // `fill` (sweep --resume) deletes only its own files: not judged
    expect(checkOutputPath(out, 'sweep', 'fill')).toBe(out);
  });
});
