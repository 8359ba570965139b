// Several runs of one exercise drawn together: the runs a learner kept ("Keep this run") and the current one, or a
// sweep from the URL (#01.5&compare=lr:0.001,0.01 runs 01.5 once per value, the rest as in the hash).
//   line charts   every run's series on one chart, each named by the parameters that differ between the runs
//   bar charts    grouped: one bar per run at each label
//   heatmaps and bar+line charts   side by side, heatmaps on one colour scale
//   metrics       a table with a column per run; tables get a leading "run" column; JSON and CSV carry every run
// Charts are matched by their key (the same at any parameters). Nothing here computes a result: the values are
// the core's, only placed side by side.
import { chartCard, dataTable, element } from './result-view.js';
import { chartTable, download, toCSV } from './export.js';
import { strings } from './strings.js';
import { decodeParams } from './url-state.js';

export const COMPARE_OPTION = 'compare';
export const MAX_COMPARED_RUNS = 8;

// Splits at the commas that are outside brackets, braces and quotes: "[1,2],[3]" -> ["[1,2]", "[3]"].
export function splitTopLevel(text) {
  const items = [];
  let depth = 0, quoted = false, start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      items.push(text.slice(start, i));
      start = i + 1;
    }
  }
  items.push(text.slice(start));
  return items.map((item) => item.trim());
}

// The hash's compare option, "NAME:V1,V2,…", against the exercise's parameters:
// {name, values (typed as the hash types them)} or {problem} with a sentence saying what is allowed.
export function parseCompare(text, specs) {
  const colon = text.indexOf(':');
  const name = colon < 0 ? text.trim() : text.slice(0, colon).trim();
  const spec = specs.find((s) => s.name === name);
  if (!spec) return { problem: strings.compareRuns.unknownName(name, specs.map((s) => s.name)) };
  const texts = colon < 0 ? [] : splitTopLevel(text.slice(colon + 1)).filter((item) => item !== '');
  if (texts.length < 2) return { problem: strings.compareRuns.tooFew(name) };
  if (texts.length > MAX_COMPARED_RUNS) return { problem: strings.compareRuns.tooMany(texts.length, MAX_COMPARED_RUNS) };
  const values = texts.map((item) => {
    if (spec.type === 'string' && item.startsWith('"')) {
      try { return JSON.parse(item); } catch { return item; }
    }
    return decodeParams({ [name]: item }, specs)[name];
  });
  return { name, values };
}

// Takes the compare option out of the hash's raw parameters: {raw (the rest), compareText (or null)}.
export function takeCompare(raw) {
  const rest = { ...raw };
  const compareText = Object.hasOwn(rest, COMPARE_OPTION) ? rest[COMPARE_OPTION] : null;
  delete rest[COMPARE_OPTION];
  return { raw: rest, compareText };
}

const valueText = (value) => (typeof value === 'object' ? JSON.stringify(value) : String(value));

// "&compare=lr:0.001,0.01", each value URI-encoded (a comma inside an array stays inside it).
export function compareHash({ name, values }) {
  return `&${COMPARE_OPTION}=${encodeURIComponent(name)}:${values.map((v) => encodeURIComponent(valueText(v))).join(',')}`;
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const shorten = (text) => (text.length > 28 ? `${text.slice(0, 27)}…` : text);

// Each run's name: the parameters whose values differ between the runs ("lr=0.001, steps=200"), or "run N".
export function runLabels(runs) {
  const names = [...new Set(runs.flatMap((run) => Object.keys(run.result.params || {})))];
  const differing = names.filter((name) => runs.some((run) => !same(run.result.params?.[name], runs[0].result.params?.[name])));
  return runs.map((run, i) => (differing.length
    ? differing.map((name) => `${name}=${shorten(valueText(run.result.params?.[name]))}`).join(', ')
    : strings.compareRuns.runNumber(i + 1)));
}

// The union of the runs' x values: numbers sorted, names in the order they first appear.
function unionOf(lists) {
  const all = lists.flat();
  if (all.every((x) => typeof x === 'number')) return [...new Set(all)].sort((a, b) => a - b);
  return [...new Set(all)];
}

function aligned(x, values, union) {
  const at = new Map(x.map((key, i) => [key, values[i]]));
  return union.map((key) => (at.has(key) ? at.get(key) : null));
}

const seriesName = (label, spec, series) => (spec.series.length > 1 ? `${label} · ${series.name}` : label);

// One line chart with every run's series over the union of their x values (gaps where a run has no point).
export function overlayLines(entries) {
  const current = entries[entries.length - 1].spec;  // the newest run's title, labels and caption
  const x = unionOf(entries.map((e) => e.spec.x));
  const series = entries.flatMap(({ label, spec }) => spec.series.map((s) => ({
    name: seriesName(label, spec, s), values: aligned(spec.x, s.values, x) })));
  const markers = entries.every((e) => same(e.spec.markers || [], current.markers || [])) ? current.markers || [] : [];
  return { ...current, x, series, markers, span_gaps: true };
}

// One bar chart with the runs' bars grouped at each label.
export function groupBars(entries) {
  const current = entries[entries.length - 1].spec;
  const labels = unionOf(entries.map((e) => e.spec.labels));
  const series = entries.flatMap(({ label, spec }) => spec.series.map((s) => ({
    name: seriesName(label, spec, s), values: aligned(spec.labels, s.values, labels) })));
  return { ...current, labels, series, highlight: [] };
}

// Heatmaps side by side share one colour scale, so equal colours are equal values in every panel.
function sharedScale(entries) {
  let lo = Infinity, hi = -Infinity;
  for (const { spec } of entries) {
    for (const row of spec.z) for (const v of row) if (typeof v === 'number') { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    if (Number.isFinite(spec.zmin)) lo = Math.min(lo, spec.zmin);
    if (Number.isFinite(spec.zmax)) hi = Math.max(hi, spec.zmax);
  }
  return Number.isFinite(lo) ? { zmin: lo, zmax: hi } : {};
}

// Rows of several runs' tables of one shape, each row led by its run's name.
function withRunColumn(parts) {
  return {
    columns: [strings.compareRuns.runColumn, ...parts[0].columns],
    rows: parts.flatMap(({ label, columns, rows }) => rows.map((row) => [label, ...row.slice(0, columns.length)])),
  };
}

function sideBySide(container, entries, stem) {
  const scale = entries[0].spec.type === 'heatmap' ? sharedScale(entries) : {};
  const group = element('div', { class: 'compare-side-by-side', 'data-chart-key': entries[0].spec.key || '' });
  container.append(group);
  for (const { label, spec } of entries) chartCard(group, { ...spec, ...scale, title: `${spec.title} · ${label}` }, stem);
  const csv = element('button', { type: 'button', class: 'small', text: strings.compareRuns.csvAllRuns });
  csv.addEventListener('click', () => {
    const { columns, rows } = withRunColumn(entries.map(({ label, spec }) => ({ label, ...chartTable(spec) })));
    download(`${stem}-${entries[0].spec.key || 'chart'}-all-runs.csv`, toCSV(columns, rows), 'text/csv');
  });
  group.append(element('div', { class: 'chart-actions compare-group-actions' }, csv));
}

const chartKey = (spec, i) => spec.key || `${spec.type}-${i}`;

// runs: [{result}] in the order they were made, the current one last. Draws into container (replacing it).
export function renderComparison(container, runs, { ms, variant, hide = new Set() } = {}) {
  container.replaceChildren();
  const shows = (part) => !hide.has(part);
  const labels = runLabels(runs);
  const current = runs[runs.length - 1].result;
  const stem = `lab-${current.id}-compared`;

  const toolbar = element('div', { class: 'result-toolbar' });
  if (ms !== undefined) toolbar.append(element('span', { class: 'timing', text: strings.result.computedIn(ms, variant) }));
  const json = element('button', { type: 'button', class: 'small', text: strings.result.downloadJson });
  json.addEventListener('click', () => download(`${stem}.json`, JSON.stringify({
    compared: runs.map((run, i) => ({ label: labels[i], result: run.result })) }, null, 2), 'application/json'));
  toolbar.append(json);
  container.append(element('h3', { text: strings.compareRuns.heading(runs.length) }));
  container.append(element('p', { class: 'compare-runs', 'data-compared': String(runs.length) },
    strings.compareRuns.namedBy, ...labels.flatMap((label, i) => [i ? ' · ' : '', element('strong', { text: label })])));
  if (shows('toolbar')) container.append(toolbar);

  if (shows('metrics')) {
    const names = [...new Set(runs.flatMap((run) => Object.keys(run.result.metrics || {})))];
    const rows = names.map((name) => [name, ...runs.map((run) => run.result.metrics?.[name] ?? null)]);
    const table = dataTable([strings.compareRuns.metricColumn, ...labels], rows, strings.compareRuns.metricsCaption, { byRow: true });
    table.classList.add('compare-metrics');
    container.append(table);
  }
  if (shows('insight')) {
    const list = element('ul', { class: 'compare-insights' });
    const byText = new Map();  // runs whose insights say the same are named together
    runs.forEach((run, i) => {
      if (run.result.insight) byText.set(run.result.insight, [...(byText.get(run.result.insight) || []), labels[i]]);
    });
    for (const [text, names] of byText) list.append(element('li', {}, element('strong', { text: `${names.join(', ')}: ` }), text));
    if (list.childElementCount) container.append(element('div', { class: 'insight' }, element('strong', { text: strings.result.insight }), list));
  }

  if (shows('charts')) {
    const byKey = new Map();
    runs.forEach((run, r) => (run.result.charts || []).forEach((spec, i) => {
      const key = chartKey(spec, i);
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key).push({ label: labels[r], spec });
    }));
    if (byKey.size) {
      const charts = element('div', { class: 'charts' });
      container.append(element('h3', { text: strings.result.charts }), charts);
      for (const entries of byKey.values()) {
        const { type } = entries[0].spec;
        const sameType = entries.every((e) => e.spec.type === type);
        if (sameType && type === 'line') chartCard(charts, overlayLines(entries), stem);
        else if (sameType && type === 'bar') chartCard(charts, groupBars(entries), stem);
        else sideBySide(charts, entries, stem);
      }
    }
  }

  if (shows('tables')) {
    const byTitle = new Map();
    runs.forEach((run, r) => (run.result.tables || []).forEach((table, i) => {
      const key = `${table.title ?? i}|${JSON.stringify(table.columns)}`;
      if (!byTitle.has(key)) byTitle.set(key, []);
      byTitle.get(key).push({ label: labels[r], ...table });
    }));
    if (byTitle.size) container.append(element('h3', { text: strings.result.tables }));
    let n = 0;
    for (const parts of byTitle.values()) {
      const { columns, rows } = withRunColumn(parts);
      container.append(dataTable(columns, rows, parts[0].title));
      const csv = element('button', { type: 'button', class: 'small', text: strings.result.downloadCsv });
      const index = ++n;
      csv.addEventListener('click', () => download(`${stem}-table-${index}.csv`, toCSV(columns, rows), 'text/csv'));
      container.append(element('div', { class: 'chart-actions' }, csv));
    }
  }

  if (shows('log') && runs.some((run) => run.result.log?.length)) {
    container.append(element('h3', { class: 'printed', text: strings.result.printed }));
    runs.forEach((run, i) => {
      const details = element('details', { class: 'compare-log' }, element('summary', { text: labels[i] }),
        element('pre', { class: 'log', tabindex: '0', 'aria-label': `${strings.result.printedLabel}: ${labels[i]}` }, (run.result.log || []).join('\n')));
      if (i === runs.length - 1) details.open = true;
      container.append(details);
    });
  }
}

// The live loss chart of a run while runs are kept: this run's loss grows on top of the kept runs' finished
// curves (their streamed chart), each named as in the comparison. null when no kept run streamed a loss.
export function liveOverKept(kept, params, liveSpec) {
  const labels = runLabels([...kept, { result: { params } }]);
  const entries = kept.map((run, i) => ({ label: labels[i], spec: (run.result.charts || []).find((c) => c.stream) }))
    .filter((entry) => entry.spec && entry.spec.type === 'line');
  if (!entries.length) return null;
  const merged = overlayLines(entries);
  // The live series comes first (append() extends the first series), empty until the first report.
  merged.series.unshift({ name: `${labels[labels.length - 1]} ${strings.compareRuns.live}`, values: [] });
  return { ...merged, title: liveSpec.title, key: 'live', markers: [] };
}
