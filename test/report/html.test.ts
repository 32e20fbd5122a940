/** sim/report/html: one offline page; input text escaped; specs and libraries inlined safely. */
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../sim/report/charts.js';
import { heading, list, table, type ReportDoc } from '../../sim/report/document.js';
import { BOOT_SCRIPT, reportHtml, scriptJson, scriptSource } from '../../sim/report/html.js';

const scripts = { vega: 'var vega={};', vegaLite: 'var vegaLite={};', vegaEmbed: 'var vegaEmbed=function(){};' };
const chart: ChartSpec = { id: 'c1', title: 'A <chart>', caption: 'look & see', spec: { data: { values: [{ t: '</script><b>' }] }, mark: 'point' } as never };
const doc: ReportDoc = {
  title: 'T & <t>',
  blocks: [heading('Claims'), table(['claim', 'verdict'], [['C1', 'supported']], 2, [['', 'supported']]), list(['one']), { kind: 'chart', chart }],
};

describe('report/html', () => {
  it('scriptJson never contains "<", so no value can close the script element', () => {
    const text = scriptJson({ a: '</script><!-- x', b: '\u2028' });
    expect(text.includes('<')).toBe(false);
    expect(JSON.parse(text)).toEqual({ a: '</script><!-- x', b: '\u2028' });
  });

  it('scriptSource refuses a library that would end its script element early', () => {
    expect(() => scriptSource('lib', 'a="</script>"')).toThrow(/lib/);
    expect(scriptSource('lib', 'a=1')).toBe('a=1');
  });

  it('a page with charts inlines each library once, the spec as JSON, and the static SVG as fallback', () => {
    const html = reportHtml(doc, new Map([['c1', '<svg id="x"><clipPath id="clip1"/></svg>']]), scripts);
    expect(html).toContain('<title>T &amp; &lt;t&gt;</title>');
    for (const s of Object.values(scripts)) expect(html.split(s).length - 1).toBe(1);
    expect(html).toContain('<div class="static"><svg id="chart-c1-x"><clipPath id="chart-c1-clip1"/></svg></div>');
    expect(html).toContain('<script type="application/json" id="spec-c1">{"data":{"values":[{"t":"\\u003c/script>\\u003cb>"}]},"mark":"point"}</script>');
    expect(html).toContain('<td class="supported">supported</td>');
    expect(html).toContain('<strong>A &lt;chart&gt;.</strong> look &amp; see');
  });

  it('a page without charts loads no library and is ready at once', () => {
    const html = reportHtml({ title: 't', blocks: [list(['x'])] }, new Map(), scripts);
    expect(html).not.toContain('var vega');
    expect(html).toContain("document.body.setAttribute('data-ready', '1')");
  });

  it('the boot script keeps the static charts and says so when vega-embed is missing', () => {
    const logged: string[] = [];
    const body = { attrs: new Map<string, string>(), setAttribute(k: string, v: string) { this.attrs.set(k, v); } };
    const run = new Function('document', 'console', 'vegaEmbed', BOOT_SCRIPT);
    run({ body, querySelectorAll: () => { throw new Error('must not draw'); } }, { error: (m: string) => logged.push(m) }, undefined);
    expect(logged).toEqual(['vega-embed did not load: the charts stay static']);
    expect(body.attrs.get('data-ready')).toBe('1');
  });
});
