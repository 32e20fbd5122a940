/**
 * Option definitions shared by the commands. Flag values are checked here, in yargs' coerce, rather
 * than where they are used: yargs turns `--seed abc` into NaN silently, and a check inside a command
 * would throw a plain error (exit 1) after work may have started. A bad flag must be a usage error
 * (exit 2, nothing written) that says which flag, what it expected and what it got.
 */
import type { Options } from 'yargs';
import { unknownPresetText } from '../scenario/chain.js';
import { folderSafe } from '../scenario/names.js';
import { PRESET_NAMES } from '../scenario/presets.js';
import { parseShard, type Shard } from '../sweep/shard.js';

/** Bounds of a numeric flag: a whole number, and its least and greatest values. */
export interface NumberRule { integer?: boolean; min?: number; max?: number }

/** What each checked flag accepts, in words, keyed by its coerce function: docs/cli.md reads it (acceptedText). */
const ACCEPTS = new WeakMap<object, string>();

/** `coerce` made a flag that accepts `text`. */
function accepting<F extends object>(coerce: F, text: string): F {
  ACCEPTS.set(coerce, text);
  return coerce;
}

/** What a flag defined here accepts ("a whole number >= 1"), from its coerce function; undefined for any other. */
export function acceptedText(coerce: unknown): string | undefined {
  return typeof coerce === 'function' ? ACCEPTS.get(coerce) : undefined;
}

/** The last value of a repeated flag, as text. */
const lastText = (value: unknown): string => (Array.isArray(value) ? String(value[value.length - 1]) : String(value));

/** A numeric flag: `--name <n>`, rejected unless it is a finite number within `rule`. */
export function numberOption(name: string, describe: string, defaultValue?: number, rule: NumberRule = {}): Options {
  return {
    type: 'string',
    describe,
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
    coerce: accepting((value: unknown): number | undefined => {
      if (value === undefined || typeof value === 'number') return value;
      const text = lastText(value);
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) throw new Error(`--${name} expects a number, got "${text}"`);
      const bad = (rule.integer === true && !Number.isInteger(n)) || (rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max);
      if (bad) throw new Error(`--${name} expects ${ruleText(rule)}, got ${text}`);
      return n;
    }, ruleText(rule)),
  };
}

/** A comma-separated list of numbers (a calibration axis), checked when parsed: a usage error otherwise. */
export function numberList(name: string): (value: unknown) => string {
  return accepting((value: unknown): string => {
    const text = lastText(value);
    const bad = text.split(',').find((x) => x.trim() === '' || !Number.isFinite(Number(x)));
    if (bad !== undefined) throw new Error(`--${name} expects comma-separated numbers, got "${text}"`);
    return text;
  }, 'comma-separated numbers');
}

function ruleText(rule: NumberRule): string {
  const noun = rule.integer === true ? 'a whole number' : 'a number';
  if (rule.min !== undefined && rule.max !== undefined) return `${noun} from ${rule.min} to ${rule.max}`;
  if (rule.min !== undefined) return `${noun} >= ${rule.min}`;
  if (rule.max !== undefined) return `${noun} <= ${rule.max}`;
  return noun;
}

/** The items of a comma-separated flag, trimmed, blanks dropped. */
const items = (text: string): string[] => text.split(',').map((s) => s.trim()).filter((s) => s !== '');

/** `gift,two-token` -> ['gift', 'two-token'], blanks and repeats dropped. */
export function presetList(text: string): string[] {
  return [...new Set(items(text))];
}

/**
 * `--presets a,b`: preset names only (each becomes a folder, runs/<preset>, so a path is no preset
 * here); at least one; an unknown name gets a did-you-mean.
 */
export function presetsOption(describe: string): Options {
  return {
    type: 'string',
    describe,
    default: PRESET_NAMES.join(','),
    coerce: accepting((value: unknown): string => {
      const text = lastText(value);
      const names = presetList(text);
      if (names.length === 0) throw new Error(`--presets expects preset names separated by commas (${PRESET_NAMES.join(', ')}), got "${text}"`);
      for (const name of names) if (!PRESET_NAMES.includes(name)) throw new Error(`--presets: ${unknownPresetText(name).replace(/; a file path needs[^)]*/, '')}`);
      return names.join(',');
    }, `comma-separated preset names: ${PRESET_NAMES.join(', ')}`),
  };
}

/** `--seeds 1,2,3`: at least one seed, each a whole number a scenario's `seed` accepts. */
export function seedsOption(describe: string, defaultValue: string): Options {
  return {
    type: 'string',
    describe,
    default: defaultValue,
    coerce: accepting((value: unknown): string => {
      const text = lastText(value);
      const seeds = items(text);
      const bad = seeds.find((s) => !/^\d+$/.test(s) || Number(s) > SEED_MAX);
      if (seeds.length === 0 || bad !== undefined) {
        throw new Error(`--seeds expects whole numbers from 0 to ${SEED_MAX} separated by commas, got "${text}"`);
      }
      return seeds.join(',');
    }, `comma-separated whole numbers from 0 to ${SEED_MAX}`),
  };
}

/** The largest seed, as the scenario schema's `seed` field allows. */
const SEED_MAX = 2 ** 32 - 1;

/** Run names become folder names: keep letters, digits, dot, dash and underscore (sim/scenario/names.ts). */
export function safeName(name: string): string {
  return folderSafe(name, 'run');
}

/** `--shard i/n`: shard i of n (sim/sweep/shard.ts), checked when parsed. */
export function shardOption(describe: string): Options {
  return {
    type: 'string',
    describe,
    coerce: accepting((value: unknown): Shard | undefined => (value === undefined ? undefined : parseShard(lastText(value))), 'i/n, whole numbers with 1 <= i <= n'),
  };
}
