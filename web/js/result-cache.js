// The Results shown so far, so back/forward shows a run again without recomputing: least recently used first out,
// at most `maxEntries` Results and at most `maxNumbers` numbers in their charts and tables all together (two
// 512 × 512 attention maps are half a million numbers, about 4 MB of JavaScript heap), so the page's memory stays
// bounded however many runs a learner makes. A Result larger than the whole budget is not kept.

// How many numbers a Result's charts and tables hold (what dominates its size in memory).
export function resultNumbers(result) {
  let count = 0;
  for (const chart of result?.charts || []) {
    if (chart.type === 'heatmap') count += (chart.z || []).reduce((sum, row) => sum + row.length, 0);
    else if (chart.type === 'bar+line') count += 2 * (chart.labels?.length ?? 0);
    else count += (chart.series || []).reduce((sum, series) => sum + series.values.length, chart.x?.length ?? 0);
  }
  for (const table of result?.tables || []) count += (table.rows || []).reduce((sum, row) => sum + row.length, 0);
  return count;
}

export class ResultCache {
  constructor({ maxEntries = 16, maxNumbers = 1_500_000 } = {}) {
    this.maxEntries = maxEntries;
    this.maxNumbers = maxNumbers;
    this.entries = new Map();  // key -> {value, numbers}, oldest use first
    this.numbers = 0;
  }

  get size() { return this.entries.size; }

  has(key) { return this.entries.has(key); }

  // The value, now the most recently used; undefined when not kept.
  get(key) {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  // value: {result, ms}
  set(key, value) {
    this.delete(key);
    const numbers = resultNumbers(value.result);
    if (numbers > this.maxNumbers) return;
    this.entries.set(key, { value, numbers });
    this.numbers += numbers;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.numbers <= this.maxNumbers) break;
      this.delete(oldest);
    }
  }

  delete(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.numbers -= entry.numbers;
    this.entries.delete(key);
  }
}
