// Entry of a sweep worker thread (see sim/sweep/worker.ts), loaded by piscina. Worker threads do not
// inherit the tsx loader of the main thread (nor vitest's), so the worker registers tsx itself before
// loading the TypeScript, as sim/io/simWorker.boot.js does.
import { register } from 'tsx/esm/api';

register();
const { default: runOne } = await import('./worker.ts');
export default runOne;
