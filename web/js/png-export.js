// A chart saved as PNG carries what it says on the page: its title above, and its caption below (where a chart is
// illustrative, the caption says so), on white, at the canvas's own resolution. The axis titles are drawn in the
// chart itself.

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif';

// Words of `text` in lines no wider than `width` on context g.
function wrap(g, text, width) {
  const lines = [];
  let line = '';
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && g.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

// canvas: the drawn chart; spec: its title and note. Returns a data: URL of the labelled image.
export function labelledPNG(canvas, spec) {
  const scale = canvas.width / Math.max(1, canvas.clientWidth || canvas.width);
  const pad = Math.round(12 * scale);
  const titleSize = Math.round(15 * scale);
  const noteSize = Math.round(12 * scale);
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = `600 ${titleSize}px ${FONT}`;
  const titleLines = wrap(measure, spec.title || '', canvas.width - 2 * pad);
  measure.font = `${noteSize}px ${FONT}`;
  const noteLines = spec.note ? wrap(measure, spec.note, canvas.width - 2 * pad) : [];
  const titleHeight = titleLines.length * titleSize * 1.3 + pad;
  const noteHeight = noteLines.length ? noteLines.length * noteSize * 1.35 + pad : 0;
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = Math.round(canvas.height + titleHeight + noteHeight + pad);
  const g = out.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, out.width, out.height);
  g.fillStyle = '#1b1e23';
  g.textBaseline = 'top';
  g.font = `600 ${titleSize}px ${FONT}`;
  titleLines.forEach((line, i) => g.fillText(line, pad, pad + i * titleSize * 1.3));
  g.drawImage(canvas, 0, titleHeight);
  g.font = `${noteSize}px ${FONT}`;
  g.fillStyle = '#4b5563';
  noteLines.forEach((line, i) => g.fillText(line, pad, titleHeight + canvas.height + pad / 2 + i * noteSize * 1.35));
  return out.toDataURL('image/png');
}
