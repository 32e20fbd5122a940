/**
 * The interactive parts of a chart, shared by every chart builder, and how they are left out of the
 * static drawing.
 *
 * - Legend selection: a point selection `pick` on the colour field, bound to the legend. Clicking an
 *   entry keeps its series opaque and fades the others (shift-click adds entries; a click on empty space
 *   clears it). Declared once, in the first layer of the first panel of a chart (vega-lite makes the
 *   legend clickable only for a selection in a panel's first layer); every panel's opacity tests it.
 * - Tooltips on lines: a hover layer of points over each line, with a `nearest` selection (vega finds
 *   the closest point to the pointer, so the reader need not hit a 1.5 px line); the point under the
 *   pointer shows, with a tooltip of its values. The layer is named `hover-...` and drawn only in the
 *   browser: `staticSpec` removes it before the SVG/PNG are drawn, since its points are invisible until
 *   hovered and would only make the static files several times larger.
 * - Your runs: each time panel has a layer `yours-...` over the named dataset `yours`, empty in the file;
 *   the "try it" panel (sim/report/tryit/) inserts a run's rows into every view through vega's API
 *   (`view.change('yours', changeset)`), drawn as dark lines with their own legend ("your runs"), and
 *   removes them the same way. Left out of the static drawing, like the hover layers.
 */

export const PICK = 'pick';

/** The `pick` parameter: a legend-bound point selection on `field`. */
export const pickParam = (field: string): object => ({ name: PICK, select: { type: 'point', fields: [field] }, bind: 'legend' });

/** Opacity `on` for picked series (all, while nothing is picked), `off` for the others. */
export const pickOpacity = (on: number, off: number): object => ({ condition: { param: PICK, value: on, empty: true }, value: off });

/** A tooltip field: `field` (escaped for vega-lite's dotted paths) under `title`. */
export function tip(field: string, title: string, type: 'quantitative' | 'nominal' | 'ordinal' = 'nominal'): object {
  return { field: field.replace(/[.[\]\\]/g, '\\$&'), type, title, ...(type === 'quantitative' ? { format: '.4~g' } : {}) };
}

/**
 * A layer of points at (x, y), one shown at a time, nearest the pointer, with `tooltip`. `id` names the
 * layer and its selection (unique within a chart); `color` is the series' colour encoding.
 */
export function hoverLayer(id: string, x: object, y: object, color: object | undefined, tooltip: object[]): object {
  const param = `hover_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
  return {
    name: `hover-${id}`,
    params: [{ name: param, select: { type: 'point', on: 'pointerover', nearest: true, clear: 'pointerout' } }],
    mark: { type: 'point', filled: true, size: 45 },
    encoding: {
      x, y,
      ...(color === undefined ? {} : { color }),
      opacity: { condition: { param, value: 1, empty: false }, value: 0 },
      tooltip,
    },
  };
}

/** The named dataset the "try it" panel fills with your runs' rows ({ yours, panel, day, value }). */
export const YOURS = 'yours';

/** The top-level `datasets` of a chart that draws your runs: `yours`, empty until a run is added. */
export const yoursDatasets = (): object => ({ [YOURS]: [] });

/** Dark, distinct strokes for your runs, so they stand out over the palette of the report's runs. */
export const YOURS_RANGE = ['#111111', '#8b0000', '#00008b', '#006400', '#4b0082'] as const;

/**
 * A layer of your runs' lines of `metric` (rows of `yours` whose panel is it), at (x, the field `value`
 * on the panel's y scale); clipped, since your run may be longer or wider than the report's axes.
 */
export function yoursLayer(metric: string, x: object, yTitle: string, yScale: object): object {
  // the legend's title shows only once a run is drawn (the dataset starts empty)
  const stroke = { field: YOURS, type: 'nominal', title: 'your runs', scale: { range: [...YOURS_RANGE] },
    legend: { titleOpacity: { expr: `length(data('${YOURS}')) > 0 ? 1 : 0` } } };
  return {
    name: `yours-${metric}`,
    data: { name: YOURS },
    transform: [{ filter: { field: 'panel', equal: metric } }],
    mark: { type: 'line', strokeWidth: 2, clip: true },
    encoding: {
      x, y: { field: 'value', type: 'quantitative', title: yTitle, scale: yScale }, stroke,
      tooltip: [tip(YOURS, 'your run'), tip('day', 'day (bin start)', 'quantitative'), tip('value', yTitle, 'quantitative')],
    },
  };
}

const isHoverLayer = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string' && /^(hover|yours)-/.test((v as { name: string }).name);

/** The spec without its hover layers and your runs' layers: what the static SVG and PNG draw (it looks the same). */
export function staticSpec<T>(spec: T): T {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.filter((x) => !isHoverLayer(x)).map(strip);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'data' ? x : strip(x)]));
  };
  return strip(spec) as T;
}
