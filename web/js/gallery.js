// The home page's gallery: beside each exercise in the notebook cards, its headline figures from its default
// Result, or the first sentence of its insight where it has none (gallery.json, computed by the lab's own module
// when the site was built: scripts/gallery.mjs). Only
// placed here, never computed; without the file the cards stay plain links.
import { element } from './result-view.js';
import { formatValue } from './heatmap.js';

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
    if (!entry.headline.length) {
      if (entry.sentence) link.parentElement.append(element('span', { class: 'headline sentence', 'data-id': entry.id, text: entry.sentence }));
      continue;
    }
    link.parentElement.append(element('span', { class: 'headline', 'data-id': entry.id },
      ...entry.headline.flatMap(({ name, value }, i) => [i ? ' · ' : '',
        element('span', { class: 'headline-name', text: `${name} ` }),
        element('span', { class: 'headline-value', title: String(value), text: typeof value === 'boolean' ? String(value) : formatValue(value) })])));
  }
}
