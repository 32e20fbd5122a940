/** `abundance presets`: the named institutions a scenario can start from, one per line with its description. */
import { listPresets } from '../scenario/presets.js';

export async function presetsCommand(): Promise<number> {
  const presets = listPresets();
  const width = Math.max(0, ...presets.map((p) => p.name.length));
  for (const p of presets) process.stdout.write(`${p.name.padEnd(width)}  ${p.description}\n`);
  return 0;
}
