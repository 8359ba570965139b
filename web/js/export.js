// Exports: a chart as PNG, a Result as JSON, a table or a chart's data as CSV (each cell made safe by csv-cell.js).
import { csvCell } from './csv-cell.js';

export function download(filename, content, type) {
  const url = content.startsWith?.('data:') ? content : URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  if (!url.startsWith('data:')) setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function toCSV(columns, rows) {
  return [columns, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// A chart's data as {columns, rows}: the text alternative shown under "Show data" and exported as CSV.
export function chartTable(spec) {
  if (spec.type === 'heatmap') {
    const cols = spec.z[0]?.length ?? 0;
    const colNames = Array.from({ length: cols }, (_, c) => String(spec.x_ticks?.[c] ?? c));
    return {
      columns: [`${spec.y_label || 'row'} \\ ${spec.x_label || 'column'}`, ...colNames],
      rows: spec.z.map((row, r) => [spec.y_ticks?.[r] ?? r, ...row]),
    };
  }
  if (spec.type === 'line') {
    return {
      columns: [spec.x_label || 'x', ...spec.series.map((s) => s.name)],
      rows: spec.x.map((x, i) => [x, ...spec.series.map((s) => s.values[i])]),
    };
  }
  if (spec.type === 'bar') {
    return {
      columns: [spec.x_label || 'label', ...spec.series.map((s) => s.name)],
      rows: spec.labels.map((label, i) => [label, ...spec.series.map((s) => s.values[i])]),
    };
  }
  return {  // bar+line
    columns: [spec.x_label || 'label', spec.bars.name, spec.line.name],
    rows: spec.labels.map((label, i) => [label, spec.bars.values[i], spec.line.values[i]]),
  };
}

export const fileSafe = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
