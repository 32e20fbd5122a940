/**
 * The browser builds of vega, vega-lite and vega-embed, read from node_modules once per process, for
 * report.html to inline. Their packages export no subpaths, so each build folder is found from the
 * package's entry point (all three keep the minified UMD bundle beside it, in build/). The installed
 * versions are what the locked package-lock.json gives, so the same install inlines the same bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ReportScripts } from './html.js';

const require = createRequire(import.meta.url);

function buildFile(pkg: string, file: string): string {
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new Error(`report.html needs the package "${pkg}" (npm ci installs it)`);
  }
  return readFileSync(join(dirname(entry), file), 'utf8');
}

let cached: ReportScripts | undefined;

export function reportScripts(): ReportScripts {
  cached ??= {
    vega: buildFile('vega', 'vega.min.js'),
    vegaLite: buildFile('vega-lite', 'vega-lite.min.js'),
    vegaEmbed: buildFile('vega-embed', 'vega-embed.min.js'),
  };
  return cached;
}
