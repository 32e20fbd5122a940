/**
 * `abundance viability` (`npm run viability`): the protocol of MODEL.md section 13. Each preset at its
 * defaults, 1,000 agents, 10 years, seeds 1-3, two runs at a time on worker threads; then every
 * criterion with its measured value per run, and a verdict line. Exit code 0 when every criterion
 * holds, 1 otherwise, so scripts can gate on it.
 *
 * `--abundance`: the abundance stress of the same section. Only the presets with money (those whose
 * resolved institutions have money, not a list of names), each with costs falling three times as fast:
 * `rnd.zeta` x3 and `learning.priorYears` / 3 on the preset's own resolved values (a `--set` of either
 * is multiplied too), and `learning.floor` 0.02.
 */
import { loadScenarioFile } from '../scenario/file.js';
import { checkMemory } from '../io/memory.js';
import { eachRunMetrics } from '../io/tempRuns.js';
import { viability, type Criterion } from '../metrics/viability.js';
import { presetList } from './options.js';
import { viabilityScope } from '../analysis/runDigest.js';
import { tidy } from '../sweep/forms.js';
import type { Scenario } from '../scenario/schema.js';

export interface ViabilityArgs {
  presets: string;
  seeds: string;
  agents: number;
  days: number;
  workers: number;
  set?: string[] | undefined;
  /** The abundance stress (MODEL.md section 13): presets with money, costs falling three times as fast. */
  abundance?: boolean;
}

/** The abundance stress: what it changes, on top of each preset's resolved scenario. */
export const ABUNDANCE_STRESS = { zetaTimes: 3, priorYearsOver: 3, floor: 0.02 } as const;

/** The `--set` flags of the abundance stress for one resolved scenario (applied after the user's). */
export function abundanceFlags(s: Scenario): string[] {
  return [
    `rnd.zeta=${tidy(s.rnd.zeta * ABUNDANCE_STRESS.zetaTimes)}`,
    `learning.priorYears=${tidy(s.learning.priorYears / ABUNDANCE_STRESS.priorYearsOver)}`,
    `learning.floor=${ABUNDANCE_STRESS.floor}`,
  ];
}

interface Outcome { preset: string; seed: number; criteria: Criterion[]; seconds: number }

export async function viabilityCommand(args: ViabilityArgs): Promise<number> {
  const seeds = args.seeds.split(',').map(Number); // checked by its option: whole numbers, at least one
  const set = args.set ?? [];
  const load = (preset: string, seed: number, flags: string[]) => loadScenarioFile(preset, { overrides: { agents: args.agents, days: args.days, seed }, set: flags });
  let presets = presetList(args.presets).map((preset) => ({ preset, set }));
  const header: string[] = [];
  if (args.abundance === true) {
    const withMoney = presets.map(({ preset }) => ({ preset, scenario: load(preset, seeds[0]!, set).scenario })).filter((p) => viabilityScope(p.scenario).money);
    if (withMoney.length === 0) {
      process.stderr.write(`abundance: viability --abundance stresses the presets with money, and none of ${args.presets} has money\n`);
      return 2;
    }
    const fixed = withMoney.find((p) => p.scenario.learning.priorGoods !== 'auto');
    if (fixed !== undefined) {
      // X0 in goods overrides priorYears, so dividing priorYears would stress nothing.
      process.stderr.write(`abundance: viability --abundance divides learning.priorYears, but ${fixed.preset} sets learning.priorGoods (${fixed.scenario.learning.priorGoods}), which overrides it; leave priorGoods at auto\n`);
      return 2;
    }
    presets = withMoney.map(({ preset, scenario }) => ({ preset, set: [...set, ...abundanceFlags(scenario)] }));
    header.push(`Abundance stress (MODEL.md section 13): rnd.zeta x${ABUNDANCE_STRESS.zetaTimes}, learning.priorYears / ${ABUNDANCE_STRESS.priorYearsOver}, learning.floor ${ABUNDANCE_STRESS.floor}, on each preset's own values; presets with money only.`);
    for (const { preset, scenario } of withMoney) {
      const stressed = load(preset, seeds[0]!, presets.find((p) => p.preset === preset)!.set).scenario;
      header.push(`- ${preset}: rnd.zeta ${scenario.rnd.zeta} -> ${stressed.rnd.zeta}, learning.priorYears ${scenario.learning.priorYears} -> ${stressed.learning.priorYears}, learning.floor ${scenario.learning.floor} -> ${stressed.learning.floor}`);
    }
    header.push('');
  }
  const jobs = presets.flatMap(({ preset, set: flags }) => seeds.map((seed) => ({ preset, seed, resolved: load(preset, seed, flags) })));
  checkMemory(jobs.map((j) => j.resolved), args.workers);
  process.stderr.write(`viability${args.abundance === true ? ' (abundance stress)' : ''}: ${jobs.length} runs of ${args.agents} agents x ${args.days} days, ${args.workers} at a time\n`);
  const outcomes: Outcome[] = new Array(jobs.length);
  await eachRunMetrics(jobs.map((j) => j.resolved.scenario), args.workers, (table, k, seconds) => {
    const job = jobs[k]!;
    const criteria = viability(table, viabilityScope(job.resolved.scenario));
    outcomes[k] = { preset: job.preset, seed: job.seed, criteria, seconds };
    process.stderr.write(`  ${job.preset} seed ${job.seed}: ${criteria.every((c) => c.pass) ? 'viable' : 'NOT viable'} (${seconds.toFixed(0)} s)\n`);
  });
  process.stdout.write(header.map((h) => `${h}\n`).join('') + table(outcomes) + '\n');
  const failed = outcomes.flatMap((o) => o.criteria.filter((c) => c.applies && !c.pass).map((c) => `${o.preset} seed ${o.seed}: ${c.name} (${c.measured}; needs ${c.rule})`));
  process.stdout.write(failed.length === 0 ? '\nAll criteria hold for every run.\n' : `\nFailed:\n${failed.map((f) => `- ${f}`).join('\n')}\n`);
  return failed.length === 0 ? 0 : 1;
}

/** A Markdown table: one row per criterion, one column per run. */
function table(outcomes: Outcome[]): string {
  const head = `| criterion | rule | ${outcomes.map((o) => `${o.preset} s${o.seed}`).join(' | ')} |`;
  const rule = `|---|---|${outcomes.map(() => '---').join('|')}|`;
  const names = outcomes[0]?.criteria ?? [];
  const rows = names.map((c, i) => `| ${c.name} | ${c.rule} | ${outcomes.map((o) => {
    const x = o.criteria[i]!;
    return x.applies ? `${x.measured} ${x.pass ? 'ok' : 'FAIL'}` : 'n/a';
  }).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}
