/**
 * cliDocsMarkdown() -> string: docs/cli.md, the reference of the command line, generated from the
 * parser main.ts runs (`commandLine`): every command in the order it is defined, its positional
 * arguments, and every option with its type, default, what it accepts and its description, as yargs
 * holds them. `npm run docs:cli` (this file run as a script) rewrites the page; a test fails if the
 * committed page differs from a fresh generation, so it never drifts from the parser.
 *
 * The commands and descriptions are read through yargs' internal methods (the command handlers and
 * the usage descriptions, as yargs' own help reads them; yargs 18). The page is formatted here, not
 * from yargs' help text: no terminal width, no version, no date, so the same parser gives the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs, { type Argv, type Options } from 'yargs';
import { commandLine } from './main.js';
import { acceptedText } from './options.js';

/** The page, from the repository root. */
export const CLI_DOCS_PATH = 'docs/cli.md';

/** One positional argument or option, as yargs defines it. */
export interface CliOption {
  name: string;
  aliases: string[];
  type: string;
  /** Taken more than once (`array`), or a variadic positional. */
  repeatable: boolean;
  default: unknown;
  accepts: string;
  describe: string;
}

/** One command: `run <scenario>`, its description, positionals and options. */
export interface CliCommand {
  name: string;
  usage: string;
  describe: string;
  positionals: (CliOption & { required: boolean })[];
  options: CliOption[];
}

/** The parts of yargs' internals read here (yargs 18's command handlers and usage descriptions). */
interface Handler {
  original: string;
  description: string | false;
  builder: ((y: Argv) => Argv) | Record<string, unknown>;
  demanded: { cmd: string[]; variadic: boolean }[];
  optional: { cmd: string[]; variadic: boolean }[];
}
interface Internals {
  getInternalMethods(): {
    getCommandInstance(): { getCommandHandlers(): Record<string, Handler> };
    getUsageInstance(): { getDescriptions(): Record<string, string | undefined> };
  };
}
/** What `getOptions()` returns (untyped in @types/yargs). */
interface ParsedOptions {
  key: Record<string, boolean>;
  alias: Record<string, string[]>;
  array: string[];
  boolean: string[];
  count: string[];
  number: string[];
  string: string[];
  choices: Record<string, unknown[]>;
  default: Record<string, unknown>;
  hiddenOptions: string[];
}

/** yargs' own options, documented once under "Every command" rather than in each table. */
const BUILT_IN = new Set(['help', 'version']);

const internals = (y: Argv): ReturnType<Internals['getInternalMethods']> => (y as unknown as Internals).getInternalMethods();
const parsedOptions = (y: Argv): ParsedOptions => (y as unknown as { getOptions(): ParsedOptions }).getOptions();

/**
 * A fresh parser that keeps the coerce function of each option defined on it: yargs turns a coerce
 * into middleware and keeps no way back to it, and what a checked flag accepts is known by its coerce
 * (acceptedText). `positional` defines its option through `option`, so both are seen.
 */
function recordingParser(): { y: Argv; coerce: Map<string, unknown> } {
  const y = yargs([]);
  const coerce = new Map<string, unknown>();
  const option = y.option.bind(y);
  const recording = ((key: string, opts?: Options) => {
    if (typeof key === 'string' && opts?.coerce !== undefined) coerce.set(key, opts.coerce);
    return option(key, opts ?? {});
  }) as Argv['option'];
  Object.assign(y, { option: recording, options: recording });
  return { y, coerce };
}

/** yargs keeps its built-in descriptions as `__yargsString__:Show help`, for translation. */
const descriptionOf = (y: Argv, key: string): string =>
  (internals(y).getUsageInstance().getDescriptions()[key] ?? '').replace(/^__yargsString__:/, '');

function typeOf(o: ParsedOptions, key: string): string {
  if (o.boolean.includes(key)) return 'boolean';
  if (o.count.includes(key)) return 'count';
  if (o.number.includes(key)) return 'number';
  if (o.string.includes(key)) return 'string';
  return 'any';
}

/** The options yargs holds on `y` (after a command's builder ran on it), built-in ones left out unless asked for. */
function optionsOf(y: Argv, keys: readonly string[], coerce: ReadonlyMap<string, unknown> = new Map()): CliOption[] {
  const o = parsedOptions(y);
  return keys.map((key) => {
    const choices = o.choices[key];
    return {
      name: key,
      aliases: o.alias[key] ?? [],
      type: typeOf(o, key),
      repeatable: o.array.includes(key),
      default: o.default[key],
      accepts: choices !== undefined ? `one of ${choices.map((c) => JSON.stringify(c)).join(', ')}` : acceptedText(coerce.get(key)) ?? '',
      describe: descriptionOf(y, key),
    };
  });
}

/** Every command of `parser`, in the order defined, with what its builder declares. */
export function cliCommands(parser: Argv = commandLine([]).parser): CliCommand[] {
  return Object.entries(internals(parser).getCommandInstance().getCommandHandlers()).map(([name, handler]) => {
    const { y, coerce } = recordingParser();
    if (typeof handler.builder === 'function') handler.builder(y);
    else y.options(handler.builder as Record<string, Options>);
    const o = parsedOptions(y);
    const positional = [...handler.demanded.map((p) => ({ ...p, required: true })), ...handler.optional.map((p) => ({ ...p, required: false }))];
    const positionalNames = new Set(positional.map((p) => p.cmd[0] ?? ''));
    const byName = new Map(optionsOf(y, [...positionalNames], coerce).map((p) => [p.name, p]));
    return {
      name,
      usage: handler.original,
      describe: handler.description === false ? '' : handler.description,
      positionals: positional.map((p) => {
        const option = byName.get(p.cmd[0] ?? '');
        if (option === undefined) throw new Error(`command ${name}: positional ${p.cmd.join('|')} has no definition`);
        return { ...option, repeatable: p.variadic, required: p.required };
      }),
      options: optionsOf(y, Object.keys(o.key).filter((k) => !BUILT_IN.has(k) && !positionalNames.has(k) && !o.hiddenOptions.includes(k)), coerce),
    };
  });
}

/** A table cell: no pipes or line breaks, and `<name>` kept as text rather than read as HTML. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const code = (v: unknown): string => (v === undefined ? '' : `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``);

/** `--report` (`--no-report`): yargs negates any boolean, which is how one with a true default is turned off. */
function flag(option: CliOption): string {
  const names = [option.name, ...option.aliases].map((n) => `\`${n.length === 1 ? '-' : '--'}${n}\``);
  if (option.type === 'boolean' && option.default === true) names.push(`\`--no-${option.name}\``);
  return names.join(', ');
}

const typeText = (option: CliOption): string => (option.repeatable ? `${option.type}, repeatable` : option.type);

function commandSection(command: CliCommand, more: string | undefined): string[] {
  const lines = [`## \`abundance ${command.usage}\``, '', cell(`${command.describe}.`.replace(/\.\.$/, '.'))];
  if (more !== undefined) lines.push('', `More: ${more}.`);
  if (command.positionals.length > 0) {
    lines.push('', '| positional | type | required | description |', '| --- | --- | --- | --- |');
    for (const p of command.positionals) {
      lines.push(`| \`${p.name}\` | ${typeText(p)} | ${p.required ? 'yes' : 'no'} | ${cell(p.describe)} |`);
    }
  }
  if (command.options.length > 0) {
    lines.push('', '| option | type | default | accepts | description |', '| --- | --- | --- | --- | --- |');
    for (const o of command.options) {
      lines.push(`| ${flag(o)} | ${typeText(o)} | ${code(o.default)} | ${cell(o.accepts)} | ${cell(o.describe)} |`);
    }
  }
  return lines;
}

/** Where each command's behaviour is told in full; a command missing here simply has no link. */
const MORE: Record<string, string> = {
  run: '[reports.md](reports.md) (the run folder), [presets.md](presets.md) (presets and scenario files)',
  validate: '[scenarios.md](scenarios.md) (every field)',
  presets: '[presets.md](presets.md)',
  'compare-presets': '[reports.md](reports.md)',
  viability: '[viability.md](viability.md)',
  'scan-directions': '[sweeps.md](sweeps.md), "The viability scan"',
  calibrate: '[model.md](model.md), "Calibration"',
  compare: '[claims.md](claims.md), section 9, and [sweeps.md](sweeps.md), "compare.csv"',
  report: '[reports.md](reports.md)',
  publish: '[reports.md](reports.md)',
  sweep: '[sweeps.md](sweeps.md)',
};

/** docs/cli.md for `parser` (the CLI's own by default). */
export function cliDocsMarkdown(parser: Argv = commandLine([]).parser): string {
  const commands = cliCommands(parser);
  const global = optionsOf(parser, Object.keys(parsedOptions(parser).key));
  const lines = [
    '# Command line',
    '',
    '> Generated from the yargs definitions in `sim/cli/main.ts` by `npm run docs:cli`; do not edit by hand.',
    '',
    '`npx abundance <command> [options]` (or `npm run abundance -- <command> ...`; `npx tsx sim/cli/main.ts`',
    'without the bin script). `abundance --help` and `abundance <command> --help` print these definitions.',
    'Numbers, lists of seeds and preset names are checked when the command line is parsed: a bad value is a',
    'usage error.',
    '',
    'Exit codes: 0 done; 2 usage error (unknown command or flag, missing argument, bad number), invalid',
    'scenario or refused output folder ([reports.md](reports.md), "Output folders"), with nothing written;',
    '1 any other error (a broken invariant, say); 130 interrupted by Ctrl-C (143 SIGTERM, 129 SIGHUP).',
    '',
    '## Commands',
    '',
    '| command | what it does |',
    '| --- | --- |',
    ...commands.map((c) => `| [\`${c.usage}\`](#${anchor(c.usage)}) | ${cell(c.describe)} |`),
    '',
    '## Every command',
    '',
    '| option | type | default | accepts | description |',
    '| --- | --- | --- | --- | --- |',
    ...global.map((o) => `| ${flag(o)} | ${typeText(o)} | ${code(o.default)} | ${cell(o.accepts)} | ${cell(o.describe)} |`),
  ];
  for (const command of commands) lines.push('', ...commandSection(command, MORE[command.name]));
  return `${lines.join('\n')}\n`;
}

/** GitHub's anchor of the heading `abundance <usage>` in code: lower case, punctuation but - and _ dropped, spaces to -. */
function anchor(usage: string): string {
  return `abundance ${usage}`.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}

/** The repository root (two levels above this file). */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(join(REPO_ROOT, CLI_DOCS_PATH), cliDocsMarkdown());
  process.stdout.write(`wrote ${CLI_DOCS_PATH}\n`);
}
