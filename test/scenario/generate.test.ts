/** The generated JSON Schema and reference page: up to date, and saying what a file may contain. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELDS, GROUPS } from '../../sim/scenario/fields.js';
import { REPO_ROOT, generatedFiles, scenarioDocsMarkdown, scenarioJsonSchema } from '../../sim/scenario/generate.js';

describe('scenario/generate', () => {
  it.each(generatedFiles().map((f) => [f.path, f.text] as const))('the committed %s equals a fresh generation (run npm run schema)', (path, text) => {
    expect(readFileSync(join(REPO_ROOT, path), 'utf8')).toBe(text);
  });

  it('the JSON Schema allows extends and every dotted key, and nothing else', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, { type?: string }>; additionalProperties: boolean };
    expect(schema.properties['extends']?.type).toBe('string');
    for (const f of FIELDS) if (f.group) expect(schema.properties[f.path], f.path).toBeDefined();
    expect(schema.additionalProperties).toBe(false);
  });

  it('the JSON Schema carries each field default and unit', () => {
    const props = (scenarioJsonSchema() as { properties: Record<string, Record<string, unknown>> }).properties;
    expect(props['demurrage.rate']).toMatchObject({ default: 0.06, unit: '1/year', minimum: 0, maximum: 1 });
    expect(props['calibration']).toMatchObject({ enum: ['source', '2009', '2020s'] });
  });

  it('the docs have a table per group and a row per field, with defaults and units', () => {
    const md = scenarioDocsMarkdown();
    for (const g of GROUPS) expect(md).toContain(`### \`${g.key}\``);
    for (const f of FIELDS) expect(md).toContain(`| \`${f.path}\` |`);
    expect(md).toContain('| `demurrage.rate` | `0.06` | 1/year | a number from 0 to 1 |');
    expect(md).toMatch(/## Presets[\s\S]*\| `gift` \|[\s\S]*\| `two-token` \|/);
  });

  it('every field has a unit and a description', () => {
    for (const f of FIELDS) {
      expect(f.unit, f.path).not.toBe('');
      expect(f.description, f.path).not.toBe('');
    }
  });
});
