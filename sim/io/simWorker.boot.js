// Entry of the simulation worker thread (see sim/io/simWorker.ts). Worker threads do not inherit the
// tsx loader of the main thread, so the worker registers it itself before loading the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./simWorker.ts');
