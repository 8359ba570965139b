// Heatmaps drawn straight from the data on a canvas: one pixel per cell into an offscreen image, scaled up without
// smoothing (a 512×512 matrix draws in a few milliseconds), with axis labels and ticks, a colour bar, and the
// value under the pointer. Colour maps follow matplotlib's Blues (sequential) and RdBu (diverging, white at 0).

const ANCHORS = {
  sequential: ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'],
  diverging: ['#67001f', '#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#f7f7f7', '#d1e5f0', '#92c5de', '#4393c3',
              '#2166ac', '#053061'],
};

const rampCache = new Map();
function ramp(name) {  // 256 [r, g, b] entries interpolated between the anchors
  if (rampCache.has(name)) return rampCache.get(name);
  const anchors = (ANCHORS[name] || ANCHORS.sequential).map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  const table = [];
  for (let i = 0; i < 256; i++) {
    const position = (i / 255) * (anchors.length - 1);
    const lower = Math.min(Math.floor(position), anchors.length - 2);
    const t = position - lower;
    table.push(anchors[lower].map((c, k) => Math.round(c + (anchors[lower + 1][k] - c) * t)));
  }
  rampCache.set(name, table);
  return table;
}

export function formatValue(value) {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  if (Number.isInteger(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e6)) return value.toExponential(3);
  return String(Number(value.toPrecision(5)));
}

function tickStep(count, room) {  // a 1-2-5 step that fits about `room` labels
  const raw = Math.max(1, count / Math.max(1, room));
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

export function drawHeatmap(box, spec) {
  const z = spec.z || [];
  const rows = z.length;
  const cols = rows ? z[0].length : 0;
  let lo = spec.zmin, hi = spec.zmax;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = Infinity; hi = -Infinity;
    for (const row of z) for (const v of row) if (typeof v === 'number') { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
  }
  const colours = ramp(spec.colormap);

  // The cells, one pixel each.
  const cells = document.createElement('canvas');
  cells.width = Math.max(1, cols);
  cells.height = Math.max(1, rows);
  const image = cells.getContext('2d').createImageData(cells.width, cells.height);
  const span = hi - lo || 1;
  for (let r = 0; r < rows; r++) {
    const row = z[r];
    for (let c = 0; c < cols; c++) {
      const v = row[c];
      const offset = (r * cols + c) * 4;
      if (typeof v !== 'number') {
        image.data.set([200, 200, 200, 255], offset);
        continue;
      }
      const rgb = colours[Math.max(0, Math.min(255, Math.round(((v - lo) / span) * 255)))];
      image.data[offset] = rgb[0]; image.data[offset + 1] = rgb[1]; image.data[offset + 2] = rgb[2]; image.data[offset + 3] = 255;
    }
  }
  cells.getContext('2d').putImageData(image, 0, 0);

  const canvas = document.createElement('canvas');
  canvas.className = 'heatmap-canvas';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${spec.title}: heatmap of ${rows} rows (${spec.y_label}) by ${cols} columns (${spec.x_label}), values from ${formatValue(lo)} to ${formatValue(hi)}. Use "Show data" for the numbers.`);
  const tip = document.createElement('div');
  tip.className = 'heatmap-tip';
  tip.hidden = true;
  box.classList.add('heatmap-box');
  box.append(canvas, tip);

  const xNames = spec.x_ticks && cols <= 60 ? spec.x_ticks.map(String) : null;
  const yNames = spec.y_ticks && rows <= 60 ? spec.y_ticks.map(String) : null;
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = '11px system-ui, sans-serif';
  const widest = (names) => Math.max(0, ...(names || []).map((name) => measure.measureText(name).width));
  // The right margin holds the colour bar (14 + 12 px) and its three labels whole.
  const barLabels = [formatValue(hi), formatValue((lo + hi) / 2), formatValue(lo)];
  const margin = { left: Math.min(140, Math.max(40, widest(yNames) + 24)), right: Math.max(78, 36 + widest(barLabels)), top: 8, bottom: 46 };
  let plot = { x: 0, y: 0, w: 0, h: 0 };

  function draw() {
    const width = Math.max(260, Math.floor(box.clientWidth || 420));
    let w = width - margin.left - margin.right;
    const h = Math.round(rows === cols ? Math.min(w, 420) : Math.max(140, Math.min(380, (w * rows) / Math.max(1, cols))));
    if (rows === cols) w = h;
    // Named columns that do not fit side by side are written at an angle, and thinned if even that is too tight.
    const cell = w / Math.max(1, cols);
    const xWidest = widest(xNames);
    const slanted = xNames !== null && xWidest > cell - 4;
    const bottom = slanted ? Math.min(120, xWidest * 0.75 + 30) : 46;
    plot = { x: margin.left, y: margin.top, w, h };
    const height = h + margin.top + bottom;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    const g = canvas.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.fillStyle = '#fff';
    g.fillRect(0, 0, width, height);
    g.imageSmoothingEnabled = false;
    g.drawImage(cells, plot.x, plot.y, w, h);
    g.strokeStyle = '#6b7686';
    g.lineWidth = 1;
    g.strokeRect(plot.x - 0.5, plot.y - 0.5, w + 1, h + 1);

    g.fillStyle = '#1b1e23';
    g.font = '11px system-ui, sans-serif';
    // Ticks: the exercise's names where it gave them, else a 1-2-5 step of indices.
    const xStep = xNames ? Math.max(1, Math.ceil(13 / cell)) : tickStep(cols, w / 46);
    for (let c = 0; c < cols; c += xStep) {
      const x = plot.x + ((c + 0.5) * w) / cols;
      const label = xNames ? xNames[c] : String(c);
      if (slanted) {
        g.save();
        g.translate(x, plot.y + h + 6);
        g.rotate(-Math.PI / 4);
        g.textAlign = 'right'; g.textBaseline = 'middle';
        g.fillText(label.length > 16 ? `${label.slice(0, 15)}…` : label, 0, 0);
        g.restore();
      } else {
        g.textAlign = 'center'; g.textBaseline = 'top';
        g.fillText(label, x, plot.y + h + 4);
      }
    }
    const yStep = yNames ? Math.max(1, Math.ceil(13 / (h / Math.max(1, rows)))) : tickStep(rows, h / 20);
    g.textAlign = 'right'; g.textBaseline = 'middle';
    for (let r = 0; r < rows; r += yStep) {
      const y = plot.y + ((r + 0.5) * h) / rows;
      g.fillText(yNames ? yNames[r] : String(r), plot.x - 5, y);
    }
    // Axis titles.
    g.font = '12px system-ui, sans-serif';
    g.textAlign = 'center'; g.textBaseline = 'bottom';
    g.fillText(spec.x_label || '', plot.x + w / 2, height - 4);
    g.save();
    g.translate(12, plot.y + h / 2);
    g.rotate(-Math.PI / 2);
    g.textBaseline = 'middle';
    g.fillText(spec.y_label || '', 0, 0);
    g.restore();
    // Colour bar with its scale.
    const barX = plot.x + w + 14;
    for (let i = 0; i < h; i++) {
      const rgb = colours[Math.max(0, Math.min(255, Math.round((1 - i / Math.max(1, h - 1)) * 255)))];
      g.fillStyle = `rgb(${rgb[0]},${rgb[1]},${rgb[2]})`;
      g.fillRect(barX, plot.y + i, 12, 1);
    }
    g.strokeRect(barX - 0.5, plot.y - 0.5, 13, h + 1);
    g.fillStyle = '#1b1e23';
    g.font = '11px system-ui, sans-serif';
    g.textAlign = 'left';
    g.textBaseline = 'top'; g.fillText(formatValue(hi), barX + 16, plot.y);
    g.textBaseline = 'middle'; g.fillText(formatValue((lo + hi) / 2), barX + 16, plot.y + h / 2);
    g.textBaseline = 'bottom'; g.fillText(formatValue(lo), barX + 16, plot.y + h);
  }

  const listening = new AbortController();  // destroy() removes both listeners
  canvas.addEventListener('mousemove', (event) => {
    const bounds = canvas.getBoundingClientRect();
    const x = event.clientX - bounds.left;
    const y = event.clientY - bounds.top;
    const c = Math.floor(((x - plot.x) / plot.w) * cols);
    const r = Math.floor(((y - plot.y) / plot.h) * rows);
    if (r < 0 || c < 0 || r >= rows || c >= cols) { tip.hidden = true; return; }
    const rowName = spec.y_ticks ? spec.y_ticks[r] : r;
    const colName = spec.x_ticks ? spec.x_ticks[c] : c;
    tip.textContent = `${spec.y_label || 'row'} ${rowName}, ${spec.x_label || 'column'} ${colName}: ${formatValue(z[r][c])}`;
    tip.style.left = `${x}px`;
    tip.style.top = `${y}px`;
    tip.hidden = false;
  }, { signal: listening.signal });
  canvas.addEventListener('mouseleave', () => { tip.hidden = true; }, { signal: listening.signal });

  draw();
  let lastWidth = box.clientWidth;
  const observer = new ResizeObserver(() => {
    if (Math.abs(box.clientWidth - lastWidth) < 2) return;
    lastWidth = box.clientWidth;
    requestAnimationFrame(draw);
  });
  observer.observe(box);

  return {
    canvas,
    toPNG: () => canvas.toDataURL('image/png'),
    destroy: () => {
      observer.disconnect();
      listening.abort();
    },
  };
}
