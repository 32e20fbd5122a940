/** sim/io/manifest: the scenario hash does not depend on key order; versions come from the installed packages. */
import { describe, expect, it } from 'vitest';
import { canonicalJson, packageVersions, projectPackage, scenarioHash } from '../../sim/io/manifest.js';

describe('io/manifest', () => {
  it('writes canonical JSON with keys sorted at every level and arrays kept in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
  });

  it('gives the same hash to the same scenario whatever the key order, and another to another', () => {
    const a = scenarioHash({ seed: 1, bank: { k: 30, rule: 'target' } });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(scenarioHash({ bank: { rule: 'target', k: 30 }, seed: 1 })).toBe(a);
    expect(scenarioHash({ seed: 2, bank: { k: 30, rule: 'target' } })).not.toBe(a);
  });

  it('reads the engine version and the installed versions of the runtime dependencies', () => {
    const pkg = projectPackage();
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(pkg.dependencies).toContain('yargs');
    const versions = packageVersions(['yargs', 'no-such-package-here']);
    expect(versions['yargs']).toMatch(/^18\./);
    expect(versions['no-such-package-here']).toBe('missing');
  });
});
