/**
 * `abundance validate <scenario..>`: check scenario files without running anything. Prints
 * "ok: <file> (<preset>, N agents, D days)" per good file and the full message per bad one (file,
 * field path, what was expected, did-you-mean). Exit 2 if any file is bad.
 */
import { loadScenarioFile } from '../scenario/file.js';
import { ScenarioError } from '../scenario/errors.js';

export async function validateCommand(args: { scenario: string[] }): Promise<number> {
  let code = 0;
  for (const file of args.scenario) {
    try {
      const { scenario, preset } = loadScenarioFile(file);
      process.stdout.write(`ok: ${file} (${preset}, ${scenario.agents} agents, ${scenario.days} days)\n`);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      process.stderr.write(`${error.message}\n`);
      code = Math.max(code, error.exitCode);
    }
  }
  return code;
}
