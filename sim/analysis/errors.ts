/**
 * AnalysisError: what `compare` and the claims throw when the folder or the request is wrong (no such
 * folder, not a sweep folder, a malformed sweep.json, incomplete runs, an unknown baseline or metric).
 * Like a bad scenario, it is the user's to fix, so the CLI prints the message and exits 2; nothing is
 * written. The message names the file, the field and what was expected, with a did-you-mean.
 */
import { closest } from '../scenario/suggest.js';
import { quoteChoices } from '../scenario/errors.js';

export class AnalysisError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisError';
  }
}

/** ` (did you mean "x"?)` for a near candidate, else '' . */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const near = closest(word, candidates);
  return near.length > 0 ? ` (did you mean ${quoteChoices(near)}?)` : '';
}

/** A short list of choices for a message: the first `max`, then "... (n in all)". */
export function listChoices(choices: readonly string[], max = 12): string {
  const shown = choices.slice(0, max).join(', ');
  return choices.length > max ? `${shown}, ... (${choices.length} in all)` : shown;
}
