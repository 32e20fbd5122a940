/**
 * The "try it" run, inside a Web Worker of report.html / explore.html (bundle.ts bundles this file with
 * esbuild into the page; the panel starts it from a Blob URL, so it works from file://).
 *
 *   { scenario, label } -> the schema's checks between fields (crossField.ts, the CLI's messages): an
 *   issue posts { refused: the issues } and nothing runs -> simulate (the engine, as the CLI runs it) ->
 *   { progress } ... -> { done: metrics.csv text (byte for byte the CLI's), the chart rows of the run }
 *
 * It imports only the simulation core and the pure formatting and binning of the report: no zod, no
 * yaml, no Node module. The scenario comes resolved (the page embeds it as JSON and checks the changed
 * fields against the schema's ranges, fields.ts); the checks between fields run here, as the schema
 * runs them; a run the engine refuses (an invariant) posts { error }. Cancel is the page terminating the worker.
 */
import { simulate } from '../../engine/simulate.js';
import type { RunSink } from '../../engine/sink.js';
import type { Scenario } from '../../scenario/schema.js';
import { crossFieldIssues, type CrossFieldIssue } from '../../scenario/crossField.js';
import { COLUMNS } from '../../metrics/columns.js';
import { metricsCsvText } from '../../io/metricsText.js';
import { binMeans, binningFor } from '../aggregate.js';
import { CHART_DEFS } from '../chartDefs.js';
import { FAN_METRICS } from '../sweep/metrics.js';

/** What the page asks. */
export interface TryRequest { scenario: Scenario; label: string }

/** A row of the charts' `yours` dataset: the bin means of one metric of one of your runs. */
export interface YourRow { yours: string; panel: string; day: number; value: number | null }

export type TryMessage =
  | { kind: 'progress'; day: number; days: number }
  | { kind: 'done'; csv: string; rows: YourRow[]; wallMs: number }
  | { kind: 'error'; message: string }
  /** The scenario breaks a check between fields (the CLI would refuse it): nothing was run. */
  | { kind: 'refused'; issues: CrossFieldIssue[] };

/** The metrics a chart of a report draws over time: the run charts' panels and the sweep's fans. */
const DRAWN: readonly string[] = [...new Set([...CHART_DEFS.flatMap((d) => d.panels.map((p) => p.metric)), ...FAN_METRICS])];

const round6 = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : Number(v.toPrecision(6)));

/** The bin means of the drawn metrics, binned as a run report of the same length bins them (charts.ts). */
export function yourRows(label: string, rows: readonly Float64Array[]): YourRow[] {
  const day = COLUMNS.findIndex((c) => c.name === 'day');
  const days = rows.map((r, i) => r[day] ?? i);
  const span = days.length === 0 ? 0 : (days[days.length - 1] ?? 0) - (days[0] ?? 0) + 1;
  const binning = binningFor(span);
  const out: YourRow[] = [];
  for (const metric of DRAWN) {
    const j = COLUMNS.findIndex((c) => c.name === metric);
    if (j < 0) continue;
    const binned = binMeans(days, rows.map((r) => r[j] ?? NaN), binning.days);
    if (!binned.y.some((v) => v !== null)) continue;
    binned.x.forEach((x, i) => out.push({ yours: label, panel: metric, day: x, value: round6(binned.y[i] ?? null) }));
  }
  return out;
}

/** Run a request, posting progress about every 100 ms and the result at the end (or what refuses it). */
export function runRequest(req: TryRequest, post: (m: TryMessage) => void): void {
  const rows: Float64Array[] = [];
  const sink: RunSink = { metrics: (row) => void rows.push(Float64Array.from(row)), agent: () => {}, flow: () => {} };
  let last = 0;
  try {
    const issues = crossFieldIssues(req.scenario);
    if (issues.length > 0) {
      post({ kind: 'refused', issues });
      return;
    }
    const result = simulate(req.scenario, sink, {
      onDay: (day, days) => {
        const now = performance.now();
        if (now - last < 100 && day + 1 < days) return;
        last = now;
        post({ kind: 'progress', day: day + 1, days });
      },
    });
    post({ kind: 'done', csv: metricsCsvText(rows), rows: yourRows(req.label, rows), wallMs: result.wallMs });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

/** The worker's global scope, as much of it as this file uses (the project's lib has no DOM types). */
interface WorkerScope {
  onmessage: ((e: { data: TryRequest }) => void) | null;
  postMessage(m: TryMessage): void;
}

const scope = globalThis as unknown as Partial<WorkerScope>;
if (typeof scope.postMessage === 'function' && 'onmessage' in scope) {
  scope.onmessage = (e) => runRequest(e.data, (m) => scope.postMessage?.(m));
}
