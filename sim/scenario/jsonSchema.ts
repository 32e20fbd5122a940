/**
 * scenarioJsonSchema() -> object: the JSON Schema of a scenario file, for editors (completion, hover
 * text, red squiggles), generated from the zod schema so the two never drift.
 *
 * On top of zod's own output it adds what a file may say that the Scenario type does not hold:
 * `extends` (a preset or a scenario file's path), and every dotted key (`demurrage.rate`) as a top-level
 * property with the same schema as the nested field.
 */
import { z } from 'zod';
import { FIELDS } from './fields.js';
import { PRESET_NAMES } from './presets.js';
import { ScenarioSchema } from './schema.js';

type Json = Record<string, unknown>;
const asJson = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});

export function scenarioJsonSchema(): object {
  const base = asJson(z.toJSONSchema(ScenarioSchema, { io: 'input' }));
  const properties = asJson(base['properties']);
  const dotted: Json = {};
  for (const f of FIELDS) {
    if (!f.group) continue;
    const nested = asJson(asJson(asJson(properties[f.group])['properties'])[f.path.slice(f.group.length + 1)]);
    dotted[f.path] = { ...nested, description: `${String(nested['description'] ?? '')} (dotted key: the same as ${f.path.slice(f.group.length + 1)} under ${f.group})` };
  }
  const ext = {
    type: 'string',
    description: `A preset (${PRESET_NAMES.join(', ')}) or a .yaml/.yml/.json file, its path relative to this file or absolute; the file overrides what it extends. Default: two-token`,
    examples: [...PRESET_NAMES],
    minLength: 1,
  };
  return {
    $schema: base['$schema'],
    title: 'abundance scenario',
    description:
      'One run of the abundance economy (docs/scenarios.md). Every field has a default; nested (demurrage: {rate: 0.08}) and dotted (demurrage.rate: 0.08) keys both work.',
    type: 'object',
    properties: { extends: ext, ...properties, ...dotted },
    additionalProperties: false,
  };
}
