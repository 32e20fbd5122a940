/**
 * The generated scenario files: the JSON Schema for editors and the reference page, both from the
 * zod schema. `npm run schema` (this file run as a script) rewrites them; a test fails if the
 * committed ones differ from a fresh generation, so they never drift from the validator.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioDocsMarkdown } from './docsMarkdown.js';
import { scenarioJsonSchema } from './jsonSchema.js';

export { scenarioDocsMarkdown } from './docsMarkdown.js';
export { scenarioJsonSchema } from './jsonSchema.js';

/** The repository root (two levels above this file). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Each generated file: its path from the repository root and its exact text. */
export function generatedFiles(): { path: string; text: string }[] {
  return [
    { path: 'scenarios/scenario.schema.json', text: `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n` },
    { path: 'docs/scenarios.md', text: scenarioDocsMarkdown() },
  ];
}

function main(): void {
  for (const file of generatedFiles()) {
    const target = join(REPO_ROOT, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
    process.stdout.write(`wrote ${file.path}\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
