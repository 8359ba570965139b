// Renders a Result (contract.md) into the page: headline metrics, the insight, every chart with its PNG/CSV
// export and its data as a table on demand, the tables, and what the lab printed (for some exercises the printed
// lines are the result: the extracted JSON, the tool loop's answer). Leaves out only the parts named in `hide`.
// Draws nothing it computes: every number comes from the core.
import { drawChart } from './charts.js';
import { chartTable, download, fileSafe, toCSV } from './export.js';
import { formatValue } from './heatmap.js';
import { strings } from './strings.js';
import { labelledPNG } from './png-export.js';
import { columnFormatter, metricText } from './number-format.js';
import { logScaleToggle, sharedHeatmapScales } from './chart-reading.js';

const MAX_TABLE_CELLS = 60;  // rows and columns shown inline; the CSV has everything

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}
export { element };

// byRow: each row is one quantity (compared runs' metrics, a column per run), so each row has one number format.
export function dataTable(columns, rows, caption, { byRow = false } = {}) {
  const table = element('table', { class: 'data' });
  if (caption) table.append(element('caption', { text: caption }));
  const head = element('tr');
  for (const column of columns.slice(0, MAX_TABLE_CELLS + 1)) head.append(element('th', { scope: 'col', text: String(column) }));
  table.append(element('thead', {}, head));
  const body = element('tbody');
  const formats = columns.map((_, i) => columnFormatter(rows.map((row) => row[i])));
  for (const row of rows.slice(0, MAX_TABLE_CELLS)) {
    const tr = element('tr');
    const rowFormat = byRow ? columnFormatter(row.slice(1)) : null;
    row.slice(0, MAX_TABLE_CELLS + 1).forEach((cell, i) => {
      const text = typeof cell === 'number' ? ((rowFormat || formats[i])?.(cell) ?? formatValue(cell)) : cell === null ? '—' :
        typeof cell === 'object' ? JSON.stringify(cell) : String(cell);
      tr.append(element(i === 0 ? 'th' : 'td', { class: typeof cell === 'number' ? 'num' : '', ...(i === 0 ? { scope: 'row' } : {}), text }));
    });
    body.append(tr);
  }
  table.append(body);
  const wrap = element('div', { class: 'table-wrap' }, table);
  if (rows.length > MAX_TABLE_CELLS || columns.length > MAX_TABLE_CELLS + 1) {
    wrap.append(element('p', { class: 'chart-note', text: strings.result.tableCut(MAX_TABLE_CELLS, rows.length, columns.length - 1) }));
  }
  return wrap;
}

function metricList(metrics) {
  const list = element('ul', { class: 'metrics', 'aria-label': strings.result.metrics });
  for (const [name, value] of Object.entries(metrics || {})) {
    const shown = typeof value === 'boolean' ? (value ? 'true' : 'false') : metricText(value) ?? formatValue(value);
    list.append(element('li', { class: 'metric', 'data-metric': name },
      element('span', { class: 'metric-name', text: name }),
      element('span', { class: 'metric-value', text: shown, title: String(value) })));
  }
  return list;
}

let firstChartMarked = false;

// Every chart drawn, by its card: a chart whose card was on the page and has left it is destroyed (its Chart.js
// instance, its ResizeObserver and its listeners released), so replacing a Result leaves nothing of the old one
// behind. A card not yet placed on the page is kept until it has been.
const drawnCharts = new Map();  // card element -> {handle from drawChart, shown: seen on the page}
export function releaseDetachedCharts() {
  for (const [card, entry] of drawnCharts) {
    if (card.isConnected) entry.shown = true;
    if (card.isConnected || !entry.shown) continue;
    entry.handle.destroy();
    drawnCharts.delete(card);
  }
}

// One chart in its card. Returns the handle from drawChart (for live updates).
export function chartCard(container, spec, stem) {
  releaseDetachedCharts();
  const wide = (spec.type === 'heatmap' && (spec.z[0]?.length ?? 0) >= 40) || (spec.type === 'line' && spec.x.length > 150);
  const card = element('figure', { class: `chart-card${wide ? ' wide' : ''}`, 'data-chart-type': spec.type });
  const title = element('h4', { text: spec.title });
  const box = element('div', { class: 'chart-box' });
  card.append(title, box);
  container.append(card);
  const handle = drawChart(box, spec);
  drawnCharts.set(card, { handle, shown: card.isConnected });
  if (!firstChartMarked) {
    firstChartMarked = true;
    performance.mark('lab:first-chart');
  }
  if (spec.note) card.append(element('figcaption', { class: 'chart-note', text: spec.note }));
  const name = `${stem}-${fileSafe(spec.title)}`;
  const png = element('button', { type: 'button', class: 'small', text: strings.result.downloadPng });
  png.addEventListener('click', () => download(`${name}.png`, labelledPNG(handle.canvas, spec), 'image/png'));
  const csv = element('button', { type: 'button', class: 'small', text: strings.result.downloadCsv });
  csv.addEventListener('click', () => {
    const { columns, rows } = chartTable(spec);
    download(`${name}.csv`, toCSV(columns, rows), 'text/csv');
  });
  const show = element('button', { type: 'button', class: 'small', 'aria-expanded': 'false', text: strings.result.showData });
  const dataBox = element('div', { class: 'chart-data' });
  dataBox.hidden = true;
  show.addEventListener('click', () => {
    if (!dataBox.childElementCount) {
      const { columns, rows } = chartTable(spec);
      dataBox.append(dataTable(columns, rows, strings.result.dataCaption(spec.title)));
    }
    dataBox.hidden = !dataBox.hidden;
    show.setAttribute('aria-expanded', String(!dataBox.hidden));
    show.textContent = dataBox.hidden ? strings.result.showData : strings.result.hideData;
  });
  card.append(element('div', { class: 'chart-actions' }, png, csv, show, logScaleToggle(handle, spec)), dataBox);
  return handle;
}

// hide: a Set of parts to leave out ('toolbar', 'metrics', 'insight', 'charts', 'tables', 'log').
export function renderResult(container, result, { ms, variant, hide = new Set() } = {}) {
  container.replaceChildren();
  releaseDetachedCharts();
  const shows = (part) => !hide.has(part);
  const stem = `lab-${result.id}`;
  const toolbar = element('div', { class: 'result-toolbar' });
  if (ms !== undefined) {
    toolbar.append(element('span', { class: 'timing', text: strings.result.computedIn(ms, variant) }));
  }
  const json = element('button', { type: 'button', class: 'small', text: strings.result.downloadJson });
  json.addEventListener('click', () => download(`${stem}.json`, JSON.stringify(result, null, 2), 'application/json'));
  toolbar.append(json);

  container.append(element('h3', { text: strings.result.heading }));
  if (shows('toolbar')) container.append(toolbar);
  if (shows('metrics')) container.append(metricList(result.metrics));
  if (result.insight && shows('insight')) container.append(element('p', { class: 'insight' }, element('strong', { text: strings.result.insight }), result.insight));

  if (result.charts?.length && shows('charts')) {
    const charts = element('div', { class: 'charts' });
    container.append(element('h3', { text: strings.result.charts }), charts);
    for (const spec of sharedHeatmapScales(result.charts)) chartCard(charts, spec, stem);
  }
  if (result.tables?.length && shows('tables')) {
    container.append(element('h3', { text: strings.result.tables }));
    result.tables.forEach((table, i) => {
      container.append(dataTable(table.columns, table.rows, table.title));
      const csv = element('button', { type: 'button', class: 'small', text: strings.result.downloadCsv });
      csv.addEventListener('click', () => download(`${stem}-table-${i + 1}.csv`, toCSV(table.columns, table.rows), 'text/csv'));
      container.append(element('div', { class: 'chart-actions' }, csv));
    });
  }
  if (result.log?.length && shows('log')) {
    container.append(element('h3', { class: 'printed', text: strings.result.printed }), element('pre', { class: 'log', tabindex: '0', 'aria-label': strings.result.printedLabel }, result.log.join('\n')));
  }
}
