/**
 * What the report of a run folder and of a comparison of presets says, from the facts their manifests
 * keep. One function per kind, used both when the folder is first written (sim/io/runFolder.ts,
 * sim/cli/comparePresets.ts) and when `abundance report <dir>` rebuilds it from the folder alone
 * (folder.ts), so a rebuilt report is byte-identical to the first one.
 */
import { summaryLines } from './summary.js';
import { RUN_FILES } from '../io/runFiles.js';
import type { ReportInput } from './runDoc.js';
import type { MetricsTable } from '../io/metricsCsv.js';
import type { Scenario } from '../scenario/schema.js';

/** The manifest fields of a run folder that its report shows. */
export interface RunFacts {
  name: string;
  preset: string;
  /** The scenario file or preset the run came from. */
  origin: string;
  seed: number;
  agents: number;
  days: number;
  scenarioHash: string;
  engineVersion: string;
  /** The resolved scenario (manifest.json keeps it): where the report's "try it" panel starts. */
  scenario?: Scenario;
}

export function runReportInput(run: RunFacts, table: MetricsTable): ReportInput {
  const runs = [{ label: run.name, table }];
  return {
    title: run.name,
    subtitle: `${run.preset} preset, ${run.agents} agents, ${run.days} days, seed ${run.seed}`,
    runs,
    summary: summaryLines(runs),
    provenance: {
      scenario: run.origin,
      preset: run.preset,
      seed: run.seed,
      agents: run.agents,
      days: run.days,
      'scenario hash': run.scenarioHash.slice(0, 16),
      'engine version': run.engineVersion,
    },
    links: [...Object.values(RUN_FILES), 'manifest.json'].map((f) => ({ label: f, href: f })),
    tryit: {
      scenarios: run.scenario === undefined ? [] : [{ label: `${run.name} (this run)`, scenario: run.scenario }],
      size: { agents: run.agents, days: run.days, seed: run.seed },
    },
  };
}

/** The manifest fields of a compare-presets folder that its report shows; `runs` in preset order. */
export interface ComparisonFacts {
  seed: number;
  agents: number;
  days: number;
  engineVersion: string;
  runs: { label: string; table: MetricsTable; scenarioHash: string }[];
}

export function comparisonReportInput(c: ComparisonFacts): ReportInput {
  const names = c.runs.map((r) => r.label);
  const runs = c.runs.map(({ label, table }) => ({ label, table }));
  return {
    title: `Presets compared: ${names.join(' vs ')}`,
    subtitle: `${c.agents} agents, ${c.days} days, seed ${c.seed} (the same seed for every preset)`,
    runs,
    summary: summaryLines(runs),
    provenance: {
      presets: names.join(', '),
      seed: c.seed,
      agents: c.agents,
      days: c.days,
      'engine version': c.engineVersion,
      ...Object.fromEntries(c.runs.map((r) => [`scenario hash (${r.label})`, r.scenarioHash.slice(0, 16)])),
    },
    links: names.flatMap((n) => [
      { label: `${n}: run report`, href: `runs/${n}/report.html` },
      { label: `${n}: metrics.csv`, href: `runs/${n}/metrics.csv` },
    ]),
    // compare-presets runs each preset at this size and seed: the panel's presets are these runs
    tryit: { scenarios: [], size: { agents: c.agents, days: c.days, seed: c.seed } },
  };
}
