// The home page's gallery: each exercise's headline figures from its default Result, computed by the lab's own
// module when the site is built (build-site.mjs writes them to gallery.json). The figures are the Result's first
// metrics (wall-clock ones, ending in _ms, left out: they belong to the machine that built the site).
export const HEADLINE_METRICS = 2;

export function galleryOf(lab, catalog) {
  return catalog.map((entry) => {
    const result = JSON.parse(lab.runExercise(entry.id, '{}', () => {}));
    if (result.error) throw new Error(`gallery: ${entry.id} with its defaults failed: ${result.error.message}`);
    const headline = Object.entries(result.metrics || {})
      .filter(([name, value]) => !name.endsWith('_ms') && (typeof value === 'number' || typeof value === 'boolean'))
      .slice(0, HEADLINE_METRICS)
      .map(([name, value]) => ({ name, value }));
    return { id: entry.id, title: result.title, headline };
  });
}
