// What makes a chart read at any size and any parameters:
//   axisFormatter   one number format per axis (5.000e-4 never beside 0.001): every tick with the same style and
//                   the decimals its step needs
//   spansDecades    a line chart whose positive values span two decades or more starts on a log axis, with a
//                   "Log scale" toggle (logScaleToggle) under it
//   shortLabel      long category names are cut with an ellipsis on the axis (the tooltip shows them whole), and
//                   more than HORIZONTAL_AFTER categories turn the bars sideways, one row each
//   sharedHeatmapScales  heatmaps of one Result with the same axes, size and colour map (01.2's heads) share one
//                   colour scale, so one colour is one value in every panel
import { strings } from './strings.js';

export const HORIZONTAL_AFTER = 40;
export const LABEL_CHARS = 16;

export const shortLabel = (text, chars = LABEL_CHARS) => {
  const s = String(text ?? '');
  return s.length > chars ? `${s.slice(0, chars - 1)}…` : s;
};

// A Chart.js tick callback that writes every tick of its axis the same way.
export function axisFormatter() {
  return function format(value, index, ticks) {
    const values = ticks.map((t) => t.value).filter((v) => Number.isFinite(v));
    const biggest = Math.max(...values.map(Math.abs));
    const smallest = Math.min(...values.filter((v) => v !== 0).map(Math.abs));
    if (this?.type === 'logarithmic') {
      const mantissa = value / 10 ** Math.floor(Math.log10(value) + 1e-9);
      if (![1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6)) return '';
      return smallest < 1e-3 || biggest >= 1e6 ? value.toExponential(0) : String(Number(value.toPrecision(1)));
    }
    if (biggest >= 1e6 || (smallest < 1e-3 && biggest < 1e-2)) return value === 0 ? '0' : value.toExponential(1);
    const step = values.length > 1 ? Math.abs(values[1] - values[0]) : biggest || 1;
    const decimals = Math.min(8, Math.max(0, Math.ceil(-Math.log10(step) - 1e-9)));
    return value.toFixed(decimals);
  };
}

// True when a line chart's values are all positive and the largest is at least 100 times the smallest.
export function spansDecades(spec) {
  if (spec.type !== 'line') return false;
  const values = spec.series.flatMap((s) => s.values).filter((v) => typeof v === 'number');
  if (values.length < 2 || values.some((v) => v <= 0)) return false;
  return Math.max(...values) / Math.min(...values) >= 100;
}

// The checkbox under a line chart that spans decades; null for any other chart.
export function logScaleToggle(handle, spec) {
  if (!handle?.chart || !spansDecades(spec)) return null;
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.className = 'log-scale';
  box.checked = handle.chart.options.scales.y.type === 'logarithmic';
  box.addEventListener('change', () => {
    handle.chart.options.scales.y.type = box.checked ? 'logarithmic' : 'linear';
    handle.chart.update('none');
  });
  const label = document.createElement('label');
  label.className = 'log-scale-toggle';
  label.append(box, strings.chart.logScale);
  return label;
}

// The Result's charts, with heatmaps that are compared (same axes, size and colour map, two or more) on one scale.
export function sharedHeatmapScales(charts) {
  const groupOf = (spec) => (spec.type === 'heatmap'
    ? JSON.stringify([spec.x_label, spec.y_label, spec.colormap, spec.z.length, spec.z[0]?.length ?? 0]) : null);
  const groups = new Map();
  for (const spec of charts) {
    const key = groupOf(spec);
    if (key !== null) groups.set(key, [...(groups.get(key) || []), spec]);
  }
  const scales = new Map();
  for (const [key, specs] of groups) {
    if (specs.length < 2) continue;
    let lo = Infinity, hi = -Infinity;
    for (const spec of specs) {
      for (const row of spec.z) for (const v of row) if (typeof v === 'number') { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      if (Number.isFinite(spec.zmin)) lo = Math.min(lo, spec.zmin);
      if (Number.isFinite(spec.zmax)) hi = Math.max(hi, spec.zmax);
    }
    if (Number.isFinite(lo) && hi > lo) scales.set(key, { zmin: lo, zmax: hi });
  }
  return charts.map((spec) => (scales.has(groupOf(spec)) ? { ...spec, ...scales.get(groupOf(spec)) } : spec));
}
