/**
 * sim/io/bundle: in a bundle, each module's import.meta.url, .filename and .dirname still name its own
 * source file (modules find files relative to themselves), and the files a build read are recorded with
 * their hashes, for the command line's stamp.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_OPTIONS, ownImportMeta, refuseImportMeta } from '../../sim/io/bundle.js';
import { sourceHash } from '../../sim/io/bundleCache.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('io/bundle: import.meta in a bundle names each module\'s own source', () => {
  it('gives every module of a bundle its own url, filename and dirname, and records what it read', async () => {
    const src = join(root, 'src');
    mkdirSync(join(src, 'deep', 'er'), { recursive: true });
    const own = 'export const own: string[] = [import.meta.url, import.meta.filename, import.meta.dirname];\n';
    writeFileSync(join(src, 'deep', 'a.ts'), own);
    writeFileSync(join(src, 'deep', 'er', 'b.ts'), own);
    writeFileSync(join(src, 'entry.ts'), [
      "import { own as a } from './deep/a.js';",
      "import { own as b } from './deep/er/b.js';",
      'export const all = { entry: [import.meta.url, import.meta.filename, import.meta.dirname], a, b };',
      "export const text = 'import.meta is mentioned in a string';",
    ].join('\n'));
    const read = new Map<string, string>();
    const out = join(root, 'out');
    const result = await build({ ...BUNDLE_OPTIONS, entryPoints: [join(src, 'entry.ts')], outdir: out, plugins: [ownImportMeta(read)] });
    refuseImportMeta(result.warnings, 'entry');
    mkdirSync(out);
    const file = join(out, 'entry.mjs');
    writeFileSync(file, result.outputFiles[0]!.text);
    const { all, text } = (await import(pathToFileURL(file).href)) as { all: Record<string, string[]>; text: string };
    const expected = (path: string): string[] => [pathToFileURL(path).href, path, dirname(path)];
    expect(all).toEqual({ entry: expected(join(src, 'entry.ts')), a: expected(join(src, 'deep', 'a.ts')), b: expected(join(src, 'deep', 'er', 'b.ts')) });
    expect(text).toBe('import.meta is mentioned in a string');
    expect([...read.keys()].sort()).toEqual([join(src, 'deep', 'a.ts'), join(src, 'deep', 'er', 'b.ts'), join(src, 'entry.ts')]);
    expect(read.get(join(src, 'deep', 'a.ts'))).toBe(sourceHash(own));
  });

  it('refuses any other use of import.meta, naming every file and line', async () => {
    const file = join(root, 'other.ts');
    writeFileSync(file, "export const meta = import.meta;\nexport const where = import.meta.resolve('./x.js');\n");
    const result = await build({ ...BUNDLE_OPTIONS, entryPoints: [file], outdir: join(root, 'out2'), plugins: [ownImportMeta()] });
    expect(() => refuseImportMeta(result.warnings, 'other')).toThrow(/^other: a bundle may read import\.meta only as import\.meta\.url, \.filename or \.dirname \(it runs from the temporary folder\), not at .*other\.ts:1, .*other\.ts:2$/);
  });
});
