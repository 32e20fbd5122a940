/** docs/cli.md: up to date with the parser, and listing every command, positional and option yargs holds. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_DOCS_PATH, cliCommands, cliDocsMarkdown } from '../../sim/cli/docsCli.js';
import { REPO_ROOT } from '../../sim/scenario/generate.js';

describe('cli/docsCli', () => {
  it(`the committed ${CLI_DOCS_PATH} equals a fresh generation (run npm run docs:cli)`, () => {
    const committed = readFileSync(join(REPO_ROOT, CLI_DOCS_PATH), 'utf8');
    expect(committed === cliDocsMarkdown(), `${CLI_DOCS_PATH} is stale: run npm run docs:cli and commit it`).toBe(true);
  });

  it('reads every command of the parser, in order, with its positionals and options', () => {
    const commands = cliCommands();
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(['run', 'validate', 'presets', 'compare-presets', 'viability', 'sweep', 'compare', 'report', 'publish']));
    const run = commands.find((c) => c.name === 'run');
    expect(run?.usage).toBe('run <scenario>');
    expect(run?.positionals).toEqual([expect.objectContaining({ name: 'scenario', type: 'string', required: true, repeatable: false })]);
    expect(run?.options.map((o) => o.name)).toEqual(['seed', 'days', 'agents', 'set', 'out', 'audit', 'report', 'quiet']);
    expect(run?.options.find((o) => o.name === 'set')).toMatchObject({ repeatable: true, default: undefined });
    expect(commands.find((c) => c.name === 'validate')?.positionals[0]).toMatchObject({ name: 'scenario', repeatable: true });
    const viability = commands.find((c) => c.name === 'viability');
    expect(viability?.options.find((o) => o.name === 'workers')).toMatchObject({ default: 2, accepts: 'a whole number >= 1' });
    expect(viability?.options.find((o) => o.name === 'seeds')).toMatchObject({ default: '1,2,3' });
  });

  it('writes each option as a row with its type, default, what it accepts and its description', () => {
    const md = cliDocsMarkdown();
    for (const command of cliCommands()) {
      expect(md).toContain(`## \`abundance ${command.usage}\``);
      for (const option of command.options) expect(md, `${command.name} --${option.name}`).toMatch(new RegExp(`^\\| \`--${option.name}\``, 'm'));
    }
    expect(md).toContain('| `--report`, `--no-report` | boolean | `true` |  | Write charts and report.md/.html (--no-report to skip) |');
    expect(md).toContain('| `--days` | string | `1095` | a whole number &gt;= 1095 |');
    expect(md).toContain('| `--help`, `-h` | boolean |');
  });

  it('is the same text however wide the terminal is', () => {
    const columns = process.stdout.columns;
    try {
      process.stdout.columns = 40;
      const narrow = cliDocsMarkdown();
      process.stdout.columns = 200;
      expect(cliDocsMarkdown()).toBe(narrow);
    } finally {
      process.stdout.columns = columns;
    }
  });
});
