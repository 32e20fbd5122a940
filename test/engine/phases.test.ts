/**
 * The day's page: every phase is named steps (no lambda with logic in phases.ts), and the table of the
 * day in docs/architecture.md is PHASES as it is (copied from PHASES; this test says when it drifts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PHASES, WINDOWS } from '../../sim/engine/phases.js';

/** The markdown rows of the day: phase, its steps, what it does. */
export function dayTable(): string {
  return [...PHASES, WINDOWS].map((p, k) => {
    const n = p === WINDOWS ? 'after check' : String(k + 1);
    return `| ${n} | \`${p.name}\` | ${p.steps.map((s) => `\`${s.name}\``).join(', ')} | ${p.text.replaceAll('|', '/')} |`;
  }).join('\n');
}

describe('engine/phases', () => {
  it('every step is a named function', () => {
    for (const p of [...PHASES, WINDOWS]) for (const s of p.steps) expect(s.name, p.name).toMatch(/^[a-zA-Z]\w+$/);
  });

  it('docs/architecture.md lists the day as PHASES has it', () => {
    const doc = readFileSync('docs/architecture.md', 'utf8');
    expect(doc).toContain(dayTable());
  });
});
