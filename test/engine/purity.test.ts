import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The folders whose code must run in a browser: no Node module, no file or process I/O. */
const CORE = ['engine', 'agents', 'economy', 'markets', 'money', 'metrics', 'sensitivity'];
const PURE_SCENARIO = ['schema.ts', 'resolve.ts', 'presets.ts', 'crossField.ts'];

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('engine purity', () => {
  it('the simulation core imports no Node module', () => {
    const files = [
      ...CORE.flatMap((dir) => readdirSync(join('sim', dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join('sim', dir, f))),
      ...PURE_SCENARIO.map((f) => join('sim', 'scenario', f)),
    ];
    expect(files.length).toBeGreaterThan(20);
    const offending = files.flatMap((f) => imports(f).filter((m) => m.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'worker_threads'].includes(m) || m.includes('/io/')).map((m) => `${f}: ${m}`));
    expect(offending).toEqual([]);
  });
});
