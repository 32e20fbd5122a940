/**
 * A sweep file's spec from YAML text, as sim/sweep/spec.ts builds it, and the lines of the
 * ScenarioError it throws instead: the tests of the sweep file's keys (spec, sample) read both.
 */
import { parse } from 'yaml';
import { expect } from 'vitest';
import { ScenarioError } from '../../sim/scenario/errors.js';
import { buildSpec, type SweepSpec } from '../../sim/sweep/spec.js';

export function sweepSpecReader(file: string, name: string): { spec: (yaml: string) => SweepSpec; lines: (yaml: string) => string[] } {
  const spec = (yaml: string): SweepSpec => buildSpec(parse(yaml), file, name);
  const lines = (yaml: string): string[] => {
    try {
      spec(yaml);
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      return (error as ScenarioError).message.split('\n');
    }
    throw new Error('expected a ScenarioError');
  };
  return { spec, lines };
}
