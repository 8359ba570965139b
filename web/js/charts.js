// Draws one chart of a Result (core/charts.hpp describes the four kinds) into a box:
//   line, bar, bar+line  with Chart.js (axis titles, legend, tooltips, vertical markers, highlighted bars)
//   heatmap              with heatmap.js
// Returns {canvas, toPNG(), append(values)?, destroy()}; append() extends a streaming line chart live.
/* global Chart */
import { drawHeatmap } from './heatmap.js';
import { strings } from './strings.js';
import { HORIZONTAL_AFTER, axisFormatter, shortLabel, spansDecades } from './chart-reading.js';

// Okabe-Ito colours: distinguishable with colour-vision deficiencies.
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const HIGHLIGHT = '#D55E00';

// Vertical rules with a label (the end of warmup, the best epoch, ...).
const markerPlugin = {
  id: 'labMarkers',
  afterDatasetsDraw(chart, _args, options) {
    const markers = options.markers || [];
    if (!markers.length) return;
    const { ctx, chartArea, scales } = chart;
    ctx.save();
    markers.forEach((marker, i) => {
      const x = scales.x.getPixelForValue(marker.x);
      if (!Number.isFinite(x) || x < chartArea.left - 1 || x > chartArea.right + 1) return;
      ctx.strokeStyle = PALETTE[(i + 1) % PALETTE.length];
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = '#1b1e23';
      ctx.font = '11px system-ui, sans-serif';
      const right = x + 4 + ctx.measureText(marker.label).width < chartArea.right;
      ctx.textAlign = right ? 'left' : 'right';
      ctx.fillText(marker.label, right ? x + 4 : x - 4, chartArea.top + 12 + 14 * i);
    });
    ctx.restore();
  },
};

const axisTitle = (text) => ({ display: Boolean(text), text, font: { size: 12 } });

function lineConfig(spec) {
  const numericX = spec.x.every((x) => typeof x === 'number');
  const datasets = spec.series.map((series, i) => ({
    label: series.name,
    data: series.values.map((y, k) => ({ x: numericX ? spec.x[k] : k, y })),
    borderColor: PALETTE[i % PALETTE.length],
    backgroundColor: PALETTE[i % PALETTE.length],
    borderWidth: 2,
    pointRadius: series.values.length > 60 ? 0 : 3,
    spanGaps: spec.span_gaps === true,  // compared runs on one x axis: a run without a point there is skipped
  }));
  return {
    type: 'line',
    data: { datasets },
    options: {
      parsing: false,
      scales: {
        x: numericX
          ? { type: 'linear', title: axisTitle(spec.x_label), ticks: { maxTicksLimit: 11 } }
          : { type: 'linear', title: axisTitle(spec.x_label), ticks: { stepSize: 1, callback: (v) => spec.x[v] ?? '' } },
        y: { type: spansDecades(spec) ? 'logarithmic' : 'linear', title: axisTitle(spec.y_label), ticks: { callback: axisFormatter() } },
      },
      plugins: {
        legend: { display: spec.series.length > 1 },
        labMarkers: { markers: (spec.markers || []).map((m) => ({ ...m, x: numericX ? m.x : spec.x.indexOf(m.x) })) },
        tooltip: { callbacks: { title: (items) => `${spec.x_label || 'x'}: ${numericX ? items[0].parsed.x : spec.x[items[0].parsed.x]}` } },
      },
    },
  };
}

function barConfig(spec) {
  const highlight = new Set(spec.highlight || []);
  const datasets = spec.series.map((series, i) => ({
    label: series.name,
    data: series.values,
    backgroundColor: spec.series.length === 1
      ? series.values.map((_, k) => (highlight.has(k) ? HIGHLIGHT : PALETTE[0]))
      : PALETTE[i % PALETTE.length],
    minBarLength: 2,  // a bar at zero still shows
  }));
  // Many categories: sideways, one row each (the box grows to fit); long names cut, whole in the tooltip.
  const sideways = spec.labels.length > HORIZONTAL_AFTER;
  const categories = { title: axisTitle(spec.x_label),
    ticks: { autoSkip: !sideways && spec.labels.length > 30, maxRotation: 60, callback: (v) => shortLabel(spec.labels[v], sideways ? 28 : 16) } };
  const values = { title: axisTitle(spec.y_label), beginAtZero: true, ticks: { callback: axisFormatter() } };
  return {
    type: 'bar',
    sideways,
    data: { labels: spec.labels, datasets },
    options: {
      indexAxis: sideways ? 'y' : 'x',
      scales: sideways ? { y: categories, x: values } : { x: categories, y: values },
      plugins: { legend: { display: spec.series.length > 1 } },
    },
  };
}

function barLineConfig(spec) {
  return {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: [
        { type: 'bar', label: spec.bars.name, data: spec.bars.values, backgroundColor: 'rgba(0, 114, 178, 0.6)', yAxisID: 'y', order: 2 },
        { type: 'line', label: spec.line.name, data: spec.line.values, borderColor: PALETTE[1], backgroundColor: PALETTE[1],
          borderWidth: 2, pointRadius: 4, yAxisID: 'y1', order: 1 },
      ],
    },
    options: {
      scales: {
        x: { title: axisTitle(spec.x_label) },
        y: { position: 'left', beginAtZero: true, title: axisTitle(spec.bars.axis_label), ticks: { callback: axisFormatter() } },
        y1: { position: 'right', title: axisTitle(spec.line.axis_label), grid: { drawOnChartArea: false },
              ticks: { callback: axisFormatter() } },
      },
      plugins: { legend: { display: true } },
    },
  };
}

export function drawChart(box, spec) {
  if (spec.type === 'heatmap') return drawHeatmap(box, spec);
  if (typeof Chart === 'undefined') throw new Error(strings.chart.noChartJs);
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', strings.chart.ariaLabel(spec.title, spec.type));
  box.append(canvas);
  const config = spec.type === 'line' ? lineConfig(spec) : spec.type === 'bar' ? barConfig(spec) : barLineConfig(spec);
  if (config.sideways) box.style.height = `${Math.max(300, 14 * spec.labels.length * Math.max(1, spec.series.length) + 80)}px`;
  delete config.sideways;
  config.options = { ...config.options, responsive: true, maintainAspectRatio: false, animation: false,
                     interaction: { mode: 'nearest', intersect: false } };
  config.plugins = [markerPlugin];
  const chart = new Chart(canvas, config);
  return {
    canvas,
    chart,
    append(points) {  // streaming: extend the first series with [{x, y}, ...]
      chart.data.datasets[0].data.push(...points);
      chart.update('none');
    },
    toPNG() {  // on white, like the heatmaps
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const g = copy.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, copy.width, copy.height);
      g.drawImage(canvas, 0, 0);
      return copy.toDataURL('image/png');
    },
    destroy: () => chart.destroy(),
  };
}

// A live loss chart for progress updates that arrive before the Result (training exercises).
export function liveLossSpec() {
  return { type: 'line', title: strings.chart.liveTitle, x_label: strings.chart.step, y_label: strings.chart.loss, x: [],
           series: [{ name: 'loss', values: [] }], markers: [] };
}
