/**
 * ReportError: what `abundance report` and `abundance publish` throw when their input is wrong (no such
 * folder, a folder that is not a run, comparison or sweep, a malformed sweep.json or claims.json). The
 * CLI prints the message and exits 2; nothing has been written by then, since every input is read and
 * checked before the first file is touched.
 */
import type { z } from 'zod';
import { parseWith } from '../io/fileSchema.js';

export class ReportError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}

/** Parse `data` with `schema`, or throw a ReportError listing every issue (sim/io/fileSchema.ts words them). */
export function parseOrThrow<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  try {
    return parseWith(schema, data, file) as T;
  } catch (error) {
    throw new ReportError((error as Error).message);
  }
}
