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
      'export const quoted = "import.meta.url and import.meta.dirname in a string stay as written"; // and import.meta.url in a comment',
    ].join('\n'));
    const read = new Map<string, string>();
    const out = join(root, 'out');
    const result = await build({ ...BUNDLE_OPTIONS, entryPoints: [join(src, 'entry.ts')], outdir: out, plugins: [ownImportMeta(root, read)] });
    refuseImportMeta(result.warnings, 'entry');
    mkdirSync(out);
    const file = join(out, 'entry.mjs');
    writeFileSync(file, result.outputFiles[0]!.text);
    const { all, text, quoted } = (await import(pathToFileURL(file).href)) as { all: Record<string, string[]>; text: string; quoted: string };
    const expected = (path: string): string[] => [pathToFileURL(path).href, path, dirname(path)];
    expect(all).toEqual({ entry: expected(join(src, 'entry.ts')), a: expected(join(src, 'deep', 'a.ts')), b: expected(join(src, 'deep', 'er', 'b.ts')) });
    expect(text).toBe('import.meta is mentioned in a string');
    expect(quoted).toBe('import.meta.url and import.meta.dirname in a string stay as written');
    expect([...read.keys()].sort()).toEqual([join(src, 'deep', 'a.ts'), join(src, 'deep', 'er', 'b.ts'), join(src, 'entry.ts')]);
    expect(read.get(join(src, 'deep', 'a.ts'))).toBe(sourceHash(own));
  });

  it('treats a checkout installed under a node_modules folder as the project, and its packages beside it as packages', async () => {
    const installed = join(root, 'global', 'node_modules', 'abundance'); // npm i -g, or npx from the registry
    const pkg = join(root, 'global', 'node_modules', 'some-package');
    mkdirSync(join(installed, 'sim'), { recursive: true });
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'index.js'), 'export const where = typeof import.meta;\n');
    writeFileSync(join(pkg, 'package.json'), '{ "name": "some-package", "type": "module", "main": "index.js" }\n');
    const entry = join(installed, 'sim', 'entry.ts');
    writeFileSync(entry, "import { where as pkg } from '../../some-package/index.js';\nexport const own = [import.meta.url, pkg];\n");
    const read = new Map<string, string>();
    const result = await build({ ...BUNDLE_OPTIONS, entryPoints: [entry], outdir: join(installed, 'out'), plugins: [ownImportMeta(installed, read)] });
    expect([...read.keys()]).toEqual([entry]); // the project's file, not the package's
    const file = join(installed, 'out', 'entry.mjs');
    mkdirSync(dirname(file));
    writeFileSync(file, result.outputFiles[0]!.text);
    const { own } = (await import(pathToFileURL(file).href)) as { own: string[] };
    expect(own[0]).toBe(pathToFileURL(entry).href);
  });

  it('resolves a project file\'s ./x.js to its x.ts when both are there, as TypeScript and tsx do', async () => {
    const src = join(root, 'shadow');
    mkdirSync(src);
    writeFileSync(join(src, 'x.ts'), "export const from = 'x.ts';\n");
    writeFileSync(join(src, 'x.js'), "export const from = 'a stray x.js';\n");
    writeFileSync(join(src, 'entry.ts'), "export { from } from './x.js';\n");
    const read = new Map<string, string>();
    const result = await build({ ...BUNDLE_OPTIONS, entryPoints: [join(src, 'entry.ts')], outdir: join(src, 'out'), plugins: [ownImportMeta(root, read)] });
    const file = join(src, 'out', 'entry.mjs');
    mkdirSync(dirname(file));
    writeFileSync(file, result.outputFiles[0]!.text);
    expect(((await import(pathToFileURL(file).href)) as { from: string }).from).toBe('x.ts');
    expect([...read.keys()].sort()).toEqual([join(src, 'entry.ts'), join(src, 'x.ts')]);
  });

  it('refuses any other use of import.meta, naming every file and line', async () => {
    const file = join(root, 'other.ts');
    writeFileSync(file, "export const meta = import.meta;\nexport const where = import.meta.resolve('./x.js');\n");
    const result = await build({ ...BUNDLE_OPTIONS, entryPoints: [file], outdir: join(root, 'out2'), plugins: [ownImportMeta(root)] });
    expect(() => refuseImportMeta(result.warnings, 'other')).toThrow(/^other: a bundle may read import\.meta only as import\.meta\.url, \.filename or \.dirname \(it runs from the temporary folder\), not at .*other\.ts:1, .*other\.ts:2$/);
  });
});
