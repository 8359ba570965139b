// The home page's gallery: each exercise's headline figures from its default Result, computed by the lab's own
// module when the site is built (build-site.mjs writes them to gallery.json). The figures are the Result's first
// numeric metrics (wall-clock ones, ending in _ms, left out: they belong to the machine that built the site),
// and a small picture of its first line or bar chart: the first series, every k-th value (at most SPARK_POINTS).
export const HEADLINE_METRICS = 2;
export const SPARK_POINTS = 48;

export function galleryOf(lab, catalog) {
  return catalog.map((entry) => {
    const result = JSON.parse(lab.runExercise(entry.id, '{}', () => {}));
    if (result.error) throw new Error(`gallery: ${entry.id} with its defaults failed: ${result.error.message}`);
    const shown = Object.entries(result.metrics || {}).filter(([name]) => !name.endsWith('_ms'));
    const headline = shown.filter(([, value]) => typeof value === 'number').slice(0, HEADLINE_METRICS)
      .map(([name, value]) => ({ name, value }));
    // Where there is no number to show (02.2, 03.3, 04.4 have no metrics; 03.1, 03.4, 05.1 only true/false ones),
    // the first sentence of its insight.
    const sentence = headline.length ? null : firstSentence(result.insight || '');
    return { id: entry.id, title: result.title, headline, sentence, spark: sparkOf(result.charts || []) };
  });
}

function firstSentence(text) {
  const end = text.search(/[.!?](\s|$)/);
  const sentence = end < 0 ? text : text.slice(0, end + 1);
  return sentence.length > 160 ? `${sentence.slice(0, 159)}…` : sentence;
}

function sparkOf(charts) {
  const chart = charts.find((c) => c.type === 'line' || c.type === 'bar');
  const values = chart?.series?.[0]?.values;
  if (!values || values.length < 2) return null;
  const every = Math.ceil(values.length / SPARK_POINTS);
  const kept = values.filter((_, i) => i % every === 0 || i === values.length - 1);
  if (!kept.every((v) => typeof v === 'number' && Number.isFinite(v))) return null;
  return { type: chart.type, title: chart.title, values: kept };
}
