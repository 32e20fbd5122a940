/**
 * parseScenarioText(text, file) -> unknown: the YAML (or JSON, a subset of YAML) of a scenario file as
 * plain data, or a ScenarioError with the line and column of every syntax error.
 *
 * Pure (the yaml package has no node imports), so a browser can parse what a user pastes. Duplicate
 * keys are errors, and so is a second document (`---`): a file is one run.
 */
import { parseDocument } from 'yaml';
import { ScenarioError, errorOf, type ScenarioIssue } from './errors.js';

export function parseScenarioText(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues: ScenarioIssue[] = doc.errors.map((e) => {
      const pos = e.linePos?.[0];
      // prettyErrors appends " at line L, column C:" and a code excerpt; keep the first sentence only.
      const what = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
      const line = pos ? `${file}:${pos.line}:${pos.col}: invalid YAML at line ${pos.line}, column ${pos.col}: ${what}` : `${file}: invalid YAML: ${what}`;
      return { file, fieldPath: '', line };
    });
    throw errorOf(issues);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ScenarioError(`${file}: invalid YAML: ${error instanceof Error ? error.message : String(error)}`, file, '');
  }
}
