/** `abundance publish <reportsDir>`: write `<reportsDir>/index.html` linking every report below it (sim/report/publish.ts). */
import { publish } from '../report/publish.js';

export function publishCommand(args: { reportsDir: string }): Promise<number> {
  const { file, reports } = publish(args.reportsDir);
  process.stdout.write(`index: ${file} (${reports.length} report${reports.length === 1 ? '' : 's'})\n`);
  return Promise.resolve(0);
}
