/**
 * The "try it" panel of report.html and explore.html: the form (the preset, agents, days, seed and the
 * knobs of data.ts, each with its unit, range and meaning from the schema), and the script that runs it.
 *
 *   Run -> every field checked against its range (a refused value is named beside its field, and
 *   nothing runs) -> the chosen scenario with the fields set -> a Web Worker from a Blob URL of the
 *   engine bundle (so it works from file://), which first makes the schema's checks between fields
 *   (sim/scenario/crossField.ts, so the page refuses what `abundance validate` refuses, with its
 *   message, beside the field it names, and nothing runs) -> progress bar (Cancel terminates the worker) -> the run's
 *   rows inserted into the `yours` dataset of every chart (interaction.ts), a row in "your runs" with
 *   its metrics.csv to download and a Remove button.
 *
 * Pure: the page's HTML and script as text; html.ts places them. Standard web APIs only, no network.
 * The form's `data-state` (idle, running, done, refused, cancelled, failed) and `data-runs` are what a
 * test waits for.
 */
import { escapeHtml, scriptJson, scriptSource, type PagePanel } from '../html.js';
import type { TryField, TryitData } from './data.js';

/** What the page needs to carry the engine: the bundle (bundle.ts) and the panel's data (data.ts). */
export interface TryitPage {
  bundle: string;
  data: TryitData;
}

function fieldHtml(f: TryField): string {
  const id = `try-${f.path.replace(/\./g, '-')}`;
  const title = `${f.description} (${f.unit}); ${f.expected}`;
  const control = f.options !== undefined
    ? `<select id="${id}" data-path="${escapeHtml(f.path)}">${f.options.map((o) => `<option>${escapeHtml(o)}</option>`).join('')}</select>`
    : `<input id="${id}" data-path="${escapeHtml(f.path)}" type="text" inputmode="decimal" size="10">`;
  return [
    `<div class="try-field"><label for="${id}" title="${escapeHtml(title)}"><code>${escapeHtml(f.path)}</code></label> ${control}`,
    ` <span class="try-unit">${escapeHtml(f.unit)}</span>`,
    `<div class="try-help">${escapeHtml(f.description)}; ${escapeHtml(f.expected)}.</div>`,
    `<div class="try-error" id="${id}-error" role="alert"></div></div>`,
  ].join('');
}

/** The panel's markup (the "try it" block of the document). */
export function tryitHtml(data: TryitData): string {
  const options = data.scenarios.map((s, i) => `<option value="${i}">${escapeHtml(s.label)}</option>`).join('');
  return [
    '<form id="tryit" class="tryit" data-state="idle" data-runs="0" novalidate>',
    '<p>Run the model again in your browser with other values: the run goes on in the background (500 agents for 3 years take a few seconds), its lines are drawn over every chart over time below ("your runs", within the report\'s days), and its metrics.csv downloads in the format of <code>abundance run</code>. Its numbers are the command line\'s for the same scenario and seed, to the last digit.</p>',
    `<div class="try-field"><label for="try-scenario">preset (start from)</label> <select id="try-scenario">${options}</select></div>`,
    '<div class="try-fields">',
    ...data.fields.map(fieldHtml),
    '</div>',
    '<p><button type="submit" id="try-run">Run</button> <button type="button" id="try-cancel" disabled>Cancel</button> ',
    '<progress id="try-progress" max="1" value="0"></progress> <span id="try-status" role="status"></span></p>',
    '<div id="try-runs"></div>',
    '</form>',
  ].join('\n');
}

export const TRYIT_CSS = `
.tryit{background:#f6f8fa;border:1px solid #ddd;padding:.5rem 1rem;margin:1rem 0}
.try-fields{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:.25rem 1.5rem}
.try-field{margin:.3rem 0}.try-field label{display:inline-block;min-width:10rem}
.try-help{color:#555;font-size:.8rem}.try-unit{color:#555;font-size:.85rem}
.try-error{color:#a12a2a;font-size:.85rem}.try-error:empty{display:none}
input.refused,select.refused{border:2px solid #a12a2a}
#try-runs ul{margin:.25rem 0}
`;

/** The panel's script: plain ES2020 for the browser, run after the charts' boot script. */
export const TRYIT_SCRIPT = `(function () {
  var form = document.getElementById('tryit');
  if (!form) return;
  var data = JSON.parse(document.getElementById('tryit-data').textContent);
  var workerUrl = URL.createObjectURL(new Blob([document.getElementById('tryit-worker').textContent], { type: 'text/javascript' }));
  var pick = document.getElementById('try-scenario');
  var runButton = document.getElementById('try-run');
  var cancelButton = document.getElementById('try-cancel');
  var bar = document.getElementById('try-progress');
  var status = document.getElementById('try-status');
  var list = document.getElementById('try-runs');
  var worker = null;
  var count = 0;
  var runs = [];
  function control(path) { return form.querySelector('[data-path="' + path + '"]'); }
  function errorOf(path) { return document.getElementById('try-' + path.replace(/\\./g, '-') + '-error'); }
  function get(o, path) { return path.split('.').reduce(function (v, k) { return v != null && Object.prototype.hasOwnProperty.call(v, k) ? v[k] : undefined; }, o); }
  function set(o, path, value) {
    var keys = path.split('.');
    var last = keys.pop();
    var at = keys.reduce(function (v, k) { return v[k]; }, o);
    at[last] = value;
  }
  function setState(s) { form.setAttribute('data-state', s); }
  /** Show a refusal beside the field at path; false if the panel has no such field. */
  function refuse(path, text) {
    var c = control(path);
    if (!c) return false;
    errorOf(path).textContent = path + ': ' + text;
    c.classList.add('refused');
    c.setAttribute('aria-invalid', 'true');
    return true;
  }
  function fill() {
    var s = data.scenarios[Number(pick.value)].scenario;
    data.fields.forEach(function (f) { var v = get(s, f.path); control(f.path).value = v === undefined ? '' : String(v); });
    clearErrors();
  }
  function clearErrors() {
    data.fields.forEach(function (f) { errorOf(f.path).textContent = ''; control(f.path).classList.remove('refused'); control(f.path).removeAttribute('aria-invalid'); });
  }
  /** The value of a field, or the reason it is refused (the schema's range, as fields.ts reads it). */
  function check(f, text) {
    var t = String(text).trim();
    if (f.options) return f.options.indexOf(t) >= 0 ? { value: t } : { error: 'expected ' + f.expected + ', got "' + t + '"' };
    var got = t === '' ? 'nothing' : '"' + t + '"';
    if (t === '' || !/^[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?$/.test(t)) return { error: 'expected ' + f.expected + ', got ' + got };
    var v = Number(t);
    var bad = !Number.isFinite(v) || (f.integer && !Number.isInteger(v))
      || (f.min && (f.min.inclusive ? v < f.min.value : v <= f.min.value))
      || (f.max && (f.max.inclusive ? v > f.max.value : v >= f.max.value));
    return bad ? { error: 'expected ' + f.expected + ', got ' + t } : { value: v };
  }
  function views() { return window.abundanceViews || {}; }
  function withYours(fn) {
    var all = views();
    Object.keys(all).forEach(function (id) {
      var view = all[id];
      try { view.data('yours'); } catch (e) { return; } // a chart without a time axis draws no runs
      fn(view);
    });
  }
  function addRows(rows) {
    withYours(function (view) {
      view.change('yours', vega.changeset().insert(rows.map(function (r) { return Object.assign({}, r); }))).run();
    });
  }
  function removeRun(label) {
    withYours(function (view) { view.change('yours', vega.changeset().remove(function (d) { return d.yours === label; })).run(); });
    runs = runs.filter(function (r) { return r.label !== label; });
    showRuns();
  }
  function showRuns() {
    form.setAttribute('data-runs', String(runs.length));
    list.innerHTML = '';
    if (runs.length === 0) return;
    var head = document.createElement('strong');
    head.textContent = 'Your runs';
    var ul = document.createElement('ul');
    runs.forEach(function (r) {
      var li = document.createElement('li');
      li.setAttribute('data-run', r.label);
      li.appendChild(document.createTextNode(r.label + ': ' + r.text + ' (' + (r.wallMs / 1000).toFixed(1) + ' s) '));
      var a = document.createElement('a');
      a.href = r.url;
      a.download = 'metrics.csv';
      a.className = 'try-csv';
      a.textContent = 'metrics.csv';
      li.appendChild(a);
      li.appendChild(document.createTextNode(' '));
      var rm = document.createElement('button');
      rm.type = 'button';
      rm.className = 'try-remove';
      rm.textContent = 'Remove';
      rm.addEventListener('click', function () { URL.revokeObjectURL(r.url); removeRun(r.label); });
      li.appendChild(rm);
      ul.appendChild(li);
    });
    list.appendChild(head);
    list.appendChild(ul);
  }
  function finish(state, text) {
    if (worker) worker.terminate();
    worker = null;
    runButton.disabled = false;
    cancelButton.disabled = true;
    status.textContent = text;
    setState(state);
  }
  pick.addEventListener('change', fill);
  cancelButton.addEventListener('click', function () { bar.value = 0; finish('cancelled', 'Cancelled: nothing was drawn.'); });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (worker) return;
    clearErrors();
    bar.value = 0;
    var scenario = JSON.parse(JSON.stringify(data.scenarios[Number(pick.value)].scenario));
    var refused = 0;
    var changed = [];
    data.fields.forEach(function (f) {
      var c = control(f.path);
      var r = check(f, c.value);
      if (r.error !== undefined) {
        refused++;
        refuse(f.path, r.error);
        return;
      }
      if (r.value !== get(scenario, f.path)) changed.push(f.path + '=' + r.value);
      set(scenario, f.path, r.value);
    });
    if (refused > 0) {
      finish('refused', 'Nothing was run: ' + refused + ' value' + (refused === 1 ? ' is' : 's are') + ' out of range (see beside the field).');
      return;
    }
    var label = 'your run ' + (++count);
    var text = data.scenarios[Number(pick.value)].label + ', ' + scenario.agents + ' agents, ' + scenario.days + ' days, seed ' + scenario.seed
      + (changed.length > 0 ? '; ' + changed.join(', ') : '');
    runButton.disabled = true;
    cancelButton.disabled = false;
    bar.value = 0;
    status.textContent = label + ': day 0 of ' + scenario.days;
    setState('running');
    worker = new Worker(workerUrl);
    worker.onmessage = function (e) {
      var m = e.data;
      if (m.kind === 'progress') {
        bar.value = m.day / m.days;
        status.textContent = label + ': day ' + m.day + ' of ' + m.days;
      } else if (m.kind === 'done') {
        bar.value = 1;
        addRows(m.rows);
        runs.push({ label: label, text: text, wallMs: m.wallMs, url: URL.createObjectURL(new Blob([m.csv], { type: 'text/csv' })) });
        showRuns();
        finish('done', label + ' drawn over the charts (' + (m.wallMs / 1000).toFixed(1) + ' s).');
      } else if (m.kind === 'refused') {
        // the checks between fields (crossField.ts), made in the worker before the engine starts: nothing ran
        count--;
        var elsewhere = m.issues.filter(function (i) { return !refuse(i.path.join('.'), i.message); })
          .map(function (i) { return i.path.join('.') + ': ' + i.message; });
        finish('refused', 'Nothing was run: the command line refuses this scenario ('
          + (elsewhere.length > 0 ? elsewhere.join('; ') : 'see beside the field') + ').');
      } else {
        finish('failed', label + ' stopped: ' + m.message);
      }
    };
    worker.onerror = function (e) { finish('failed', label + ' failed: ' + (e.message || 'the worker stopped')); };
    worker.postMessage({ scenario: scenario, label: label });
  });
  fill();
})();`;

/** The panel for html.ts: its markup, its CSS, and its scripts: the data, the engine (run only in a worker), the panel. */
export function tryitPanel(page: TryitPage): PagePanel {
  return {
    html: tryitHtml(page.data),
    css: TRYIT_CSS,
    scripts: [
      `<script type="application/json" id="tryit-data">${scriptJson(page.data)}</script>`,
      `<script type="text/plain" id="tryit-worker">${scriptSource('the engine bundle', page.bundle)}</script>`,
      `<script>${TRYIT_SCRIPT}</script>`,
    ],
  };
}
