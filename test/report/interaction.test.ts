/** sim/report/interaction: the legend selection, the hover layer, and the static form of a spec. */
import { describe, expect, it } from 'vitest';
import { hoverLayer, pickOpacity, pickParam, staticSpec, tip } from '../../sim/report/interaction.js';
import { compileSpec } from '../../sim/report/render.js';

const x = { field: 'day', type: 'quantitative', title: 'day' };
const y = { field: 'value', type: 'quantitative', title: 'goods' };
const color = { field: 'run', type: 'nominal' };
const spec = {
  data: { values: [{ run: 'a', day: 0, value: 1, name: 'hover-not-a-layer' }, { run: 'b', day: 1, value: 2 }] },
  concat: [0, 1].map((i) => ({
    layer: [
      { ...(i === 0 ? { params: [pickParam('run')] } : {}), mark: 'line', encoding: { x, y, color, opacity: pickOpacity(1, 0.15) } },
      hoverLayer(`p${i}.x`, x, y, color, [tip('run', 'run'), tip('value', 'goods', 'quantitative')]),
    ],
  })),
};

describe('report/interaction', () => {
  it('a chart with a legend selection and a hover layer per panel compiles without warnings', () => {
    expect(compileSpec(spec as never).warnings).toEqual([]);
  });

  it('hover selections get names vega accepts, unique per panel', () => {
    const names = spec.concat.map((p) => (p.layer[1] as { params: { name: string }[] }).params[0]?.name);
    expect(names).toEqual(['hover_p0_x', 'hover_p1_x']);
  });

  it('staticSpec drops the hover layers and nothing else, and leaves the data alone', () => {
    const s = staticSpec(spec);
    expect(s.concat.map((p) => p.layer.length)).toEqual([1, 1]);
    expect(s.concat[0]?.layer[0]).toEqual(spec.concat[0]?.layer[0]);
    expect(s.data).toEqual(spec.data);
    expect(spec.concat[0]?.layer).toHaveLength(2); // the input is not changed
    expect(compileSpec(s as never).warnings).toEqual([]);
  });

  it('tooltip fields with dots or brackets are escaped, so vega-lite does not read them as paths', () => {
    expect(tip('bank.k', 'bank.k')).toMatchObject({ field: 'bank\\.k', title: 'bank.k' });
    expect(tip('a[0]', 'x', 'quantitative')).toMatchObject({ field: 'a\\[0\\]', format: '.4~g' });
  });
});
