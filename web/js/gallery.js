// The home page's gallery: beside each exercise in the notebook cards, its headline figures from its default
// Result (with a small picture of its first chart), or the first sentence of its insight where it has none (gallery.json, computed by the lab's own module
// when the site was built: scripts/gallery.mjs). Only
// placed here, never computed; without the file the cards stay plain links.
import { element } from './result-view.js';
import { metricText } from './number-format.js';

let gallery = null;  // fetched once per visit

export async function addHeadlines(container) {
  try {
    gallery = gallery || await (await fetch('gallery.json')).json();
  } catch {
    return;
  }
  for (const entry of gallery) {
    const link = container.querySelector(`a[href="#${CSS.escape(entry.id)}"]`);
    if (!link || link.parentElement.querySelector('.headline')) continue;
    if (entry.spark) link.parentElement.append(spark(entry.spark));
    if (!entry.headline.length) {
      if (entry.sentence) link.parentElement.append(element('span', { class: 'headline sentence', 'data-id': entry.id, text: entry.sentence }));
      continue;
    }
    link.parentElement.append(element('span', { class: 'headline', 'data-id': entry.id },
      ...entry.headline.flatMap(({ name, value }, i) => [i ? ' · ' : '',
        element('span', { class: 'headline-name', text: `${name} ` }),
        element('span', { class: 'headline-value', title: String(value), text: metricText(value) ?? String(value) })])));
  }
}

const SVG = 'http://www.w3.org/2000/svg';

// A 120 × 28 picture of a few values (a line, or bars from zero), scaled to their own range; decorative, since the
// figures beside it are the text.
function spark({ type, values }) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('viewBox', '0 0 120 28');
  svg.setAttribute('aria-hidden', 'true');
  const lo = Math.min(0, ...values) === 0 && type === 'bar' ? 0 : Math.min(...values);
  const hi = Math.max(...values);
  const y = (v) => 26 - ((v - lo) / (hi - lo || 1)) * 24;
  const x = (i) => 1 + (i * 118) / Math.max(1, values.length - 1);
  if (type === 'bar') {
    const width = Math.max(1, 118 / values.length - 1);
    values.forEach((v, i) => {
      const bar = document.createElementNS(SVG, 'rect');
      const top = Math.min(y(v), 25);
      bar.setAttribute('x', String(1 + (i * 118) / values.length));
      bar.setAttribute('y', String(top));
      bar.setAttribute('width', String(width));
      bar.setAttribute('height', String(Math.max(1, 26 - top)));
      svg.append(bar);
    });
  } else {
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('points', values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' '));
    svg.append(line);
  }
  return svg;
}
