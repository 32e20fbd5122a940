/**
 * scenarioDocsMarkdown() -> string: docs/scenarios.md, the reference of scenario files, generated from
 * the schema (a table per group: path, default, unit, accepted values, meaning) with the rules of
 * extends, dotted keys, overrides and --set, and the presets.
 *
 * Generated, like vega-lite's docs, so the page cannot disagree with the validator; a test checks
 * that the committed page equals a fresh generation.
 */
import { FIELDS, GROUPS, type Field } from './fields.js';
import { listPresets } from './presets.js';
import { resolveScenario } from './resolve.js';
import { INSTITUTION_COMBOS } from './schema.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (v: unknown): string => (v === undefined ? '' : `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``);

function table(fields: readonly Field[]): string[] {
  return [
    '| field | default | unit | accepts | meaning |',
    '| --- | --- | --- | --- | --- |',
    ...fields.map((f) => `| \`${f.path}\` | ${code(f.default)} | ${cell(f.unit)} | ${cell(f.expected)} | ${cell(f.description)} |`),
  ];
}

/** The real messages for a small broken file, so the examples on the page are never stale. */
function exampleErrors(): string {
  const file = { agents: 0, calibration: '2021', demurage: { rate: 0.1 }, rate: 0.1 };
  try {
    resolveScenario(file, 'my.yaml', { set: ['demurrage.rat=0.1'] });
    return '(no error?)';
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return text.replace(/ Valid top-level keys: .*$/gm, ' Valid top-level keys: ...');
  }
}

const intro = (): string => `# Scenario files

> Generated from \`sim/scenario/schema.ts\` by \`npm run schema\`; do not edit by hand.
> Editors: \`scenarios/scenario.schema.json\` is the JSON Schema of these files.

A scenario file is YAML (or JSON) describing one run. Every field has a default, so a file says only
what differs from the preset it extends:

\`\`\`yaml
extends: two-token          # a preset, or a .yaml/.yml/.json file relative to this one (./base.yaml) or absolute
name: high-demurrage
seed: 7
demurrage.rate: 0.12        # dotted key ...
bank:                       # ... or nested: both work, and mix
  rule: peak
\`\`\`

## How a file is resolved

1. **extends.** \`extends: <preset>\` builds on a preset; \`extends: ./other.yaml\` on another file,
   read relative to the file that names it (a path needs \`./\`, a \`/\` or a \`.yaml\` extension). Chains
   are allowed; a cycle is an error that shows the loop. A file without \`extends\` builds on \`two-token\`.
   \`name\` defaults to the root preset's name.
2. **Dotted keys.** \`demurrage.rate: 0.08\` at the top level is \`demurrage: {rate: 0.08}\`. Both forms
   may be used for one group and are merged; the same field given twice in one file is an error.
3. **Layers,** later ones winning: the preset, the files of the chain from the root down, the CLI's
   options (\`--seed 7 --days 730 --agents 500\`), then each \`--set path=value\` in order
   (\`--set demurrage.rate=0.08\`; the value is read as a YAML scalar: number, boolean or text).
4. **Values.** Numbers must be finite (\`.inf\` and \`.nan\` are rejected). A number written in a text
   field is read as its text (\`calibration: 2009\`). An empty group (\`bank:\` with nothing under it)
   changes nothing.
5. **Validation.** Everything wrong with a file is reported at once, one line per issue, naming the
   file (or flag), the field path, what was expected and what was found, with a did-you-mean for
   unknown keys (also for a key in the wrong group) and for unknown options:

\`\`\`text
${exampleErrors()}
\`\`\`
`;

function presetsSection(): string[] {
  const rows = listPresets().map((p) => `| \`${p.name}\` | ${cell(p.description)} |`);
  const combos = Object.entries(INSTITUTION_COMBOS).map(
    ([money, c]) => `- \`institutions.money: ${money}\` needs \`inputs: ${c.inputs}\` and \`pricing: ${c.pricing}\` (as in \`${c.preset}\`).`,
  );
  return [
    '## Presets',
    '',
    'A preset is a named combination of institutions (MODEL.md section 4); `abundance presets` lists them.',
    '',
    '| preset | what it is |',
    '| --- | --- |',
    ...rows,
    '',
    '## Checks across fields',
    '',
    ...combos,
    '- `genres.liked` must be at most `genres.count`.',
    '- `pc.hazardFromYears` must be at most `pc.maxAgeYears`.',
    '',
  ];
}

export function scenarioDocsMarkdown(): string {
  const lines = [intro(), ...presetsSection(), '## Fields', '', '### Run', '', ...table(FIELDS.filter((f) => !f.group)), ''];
  for (const g of GROUPS) {
    lines.push(`### \`${g.key}\``, '', `${g.description}.`, '', ...table(FIELDS.filter((f) => f.group === g.key)), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
