/**
 * Vega-Lite spec -> SVG -> PNG, headless (no browser, no canvas): vega's 'none' renderer writes the
 * SVG and resvg rasterises it. resvg draws no text unless fonts are loaded, so system fonts are loaded
 * and DejaVu Sans is the default face (TOOLCHAIN.md 5.1). Output depends only on the spec.
 */
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

type Logger = NonNullable<NonNullable<Parameters<typeof compile>[1]>['logger']>;

/** Compile to Vega, collecting vega-lite's warnings instead of printing them. */
export function compileSpec(spec: TopLevelSpec): { vega: vega.Spec; warnings: string[] } {
  const warnings: string[] = [];
  let level = 0;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: readonly unknown[]) { throw new Error(args.map(String).join(' ')); },
    warn(...args: readonly unknown[]) { warnings.push(args.map(String).join(' ')); return logger; },
    info() { return logger; },
    debug() { return logger; },
  } as unknown as Logger;
  return { vega: compile(spec, { logger }).spec, warnings };
}

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compileSpec(spec).vega), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const PNG_OPTIONS: ResvgRenderOptions = {
  background: 'white',
  fitTo: { mode: 'zoom', value: 2 },
  font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
};

export function svgToPng(svg: string): Uint8Array {
  return new Uint8Array(new Resvg(svg, PNG_OPTIONS).render().asPng());
}

/** As svgToPng, off the main thread, so several charts rasterise at once. */
export async function svgToPngAsync(svg: string): Promise<Uint8Array> {
  return new Uint8Array((await renderAsync(svg, PNG_OPTIONS)).asPng());
}
