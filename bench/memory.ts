/**
 * Where a run's memory goes, per agent: simulate a preset for `agents` x `days` (simulate itself, with a
 * sink that drops the rows), then walk its World as the last day leaves it and sum the bytes of every
 * typed array under each of its fields (the four per-agent windows together), and report the JS heap
 * after a full collection. The table of docs/performance.md, "Memory per agent". A benchmark, not a
 * test: run it with the collector exposed, so the heap figure is what is live.
 *
 *   node --expose-gc --import tsx bench/memory.ts [preset = two-token] [agents = 100000] [days = 100]
 */
import { loadScenarioFile } from '../sim/scenario/file.js';
import { simulate } from '../sim/engine/simulate.js';
import type { World } from '../sim/engine/world.js';
import { DROP_ROWS as drop } from '../sim/engine/sink.js';

const [preset = 'two-token', agentsArg = '100000', daysArg = '100'] = process.argv.slice(2);
const { scenario } = loadScenarioFile(preset, { overrides: { agents: Number(agentsArg), days: Number(daysArg), seed: 1 } });
let world: World | undefined;
simulate(scenario, drop, { onDay: (day, days, w) => { if (day === days - 1) world = w; } });
const w = world!;

/** The per-agent trailing windows (sim/metrics/rolling.ts), counted as one part. */
const WINDOW_FIELDS = new Set(['workDemand', 'workRho', 'netRho', 'receipts30']);
const bytes = new Map<string, number>();
const seen = new Set<unknown>();
function walk(o: unknown, part: string, depth: number): void {
  if (o === null || typeof o !== 'object' || seen.has(o) || depth > 6) return;
  seen.add(o);
  if (ArrayBuffer.isView(o)) {
    bytes.set(part, (bytes.get(part) ?? 0) + o.byteLength);
    return;
  }
  for (const [k, v] of Object.entries(o as object)) {
    const name = depth > 0 ? part : WINDOW_FIELDS.has(k) ? 'windows' : k;
    walk(v, name, depth + 1);
  }
}
walk(w, '', 0);
(globalThis as { gc?: () => void }).gc?.();
const n = w.n;
const rows = [...bytes].filter(([, b]) => b / n >= 0.5).sort((a, b) => b[1] - a[1]);
const typed = rows.reduce((s, [, b]) => s + b, 0);
const heap = process.memoryUsage().heapUsed;
const lines = [
  `${preset}, ${n} agents after ${scenario.days} days: bytes per agent`,
  '',
  '| part of the World | bytes per agent |',
  '|---|---:|',
  ...rows.map(([part, b]) => `| ${part} | ${Math.round(b / n).toLocaleString('en-US')} |`),
  `| typed arrays in all | ${Math.round(typed / n).toLocaleString('en-US')} |`,
  `| JS heap in use${(globalThis as { gc?: unknown }).gc === undefined ? ' (run with --expose-gc for the live heap)' : ''} | ${Math.round(heap / n).toLocaleString('en-US')} |`,
  '',
  `Peak RSS of this process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (Node and the engine's code included: about 115 MB for one agent).`,
];
process.stdout.write(lines.join('\n') + '\n');
