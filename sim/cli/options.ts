/**
 * Option definitions shared by the commands. Numbers are parsed here rather than by yargs, because
 * yargs turns `--seed abc` into NaN silently; a bad number must be a usage error (exit 2) that says
 * which flag and what it got.
 */
import type { Options } from 'yargs';
import { folderSafe } from '../scenario/names.js';

/** A numeric flag: `--name <n>`, rejected unless it is a finite number. */
export function numberOption(name: string, describe: string, defaultValue?: number): Options {
  return {
    type: 'string',
    describe,
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
    coerce: (value: unknown): number | undefined => {
      if (value === undefined || typeof value === 'number') return value;
      const text = Array.isArray(value) ? String(value[value.length - 1]) : String(value);
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) throw new Error(`--${name} expects a number, got "${text}"`);
      return n;
    },
  };
}

/** Run names become folder names: keep letters, digits, dot, dash and underscore (sim/scenario/names.ts). */
export function safeName(name: string): string {
  return folderSafe(name, 'run');
}
