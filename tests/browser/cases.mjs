// Non-default parameters per exercise for the browser tests: each page test opens the exercise from a URL with
// these, and compares what the page shows with the native CLI's Result for the same parameters.
// An exercise missing here is still tested, with its seed changed (or its defaults).
export const cases = {
  '01.1': { seq_len: 30, d_model: 16 },
  '01.2': { seq_len: 8, n_heads: 2, seed: 7 },
  '01.3': { n_blocks: 6, norm: 'pre' },
  '01.4': { seq_len: 9, n_heads: 2, seed: 3 },
  '01.5': { steps: 150, lr: 0.003, seed: 1 },
  '02.1': { warmup_steps: 50, steps: 300 },
  '02.2': { baseline: 'DistilBERT' },
  '02.3': { physical_batch: 16, effective_batch: 64 },
  '02.4': { seed: 7, steps: 120 },
  '02.5': { epochs: 50, class_counts: [500, 100, 25] },
  '03.1': { text: 'Sure! ```json\n{"order_id": "X-9", "customer": {"name": "Bo", "email": "bo@example.com"}, "items": [{"sku": "A", "qty": "2", "price": 1.5}]}\n```' },
  '03.2': { tool_calls: [{ name: 'get_weather', args: { city: 'SF', date: '2025-01-15' } }, { name: 'get_stock', args: { symbol: 'ACME' } }] },
  '03.3': { k: 3, k1: 1.2 },
  '03.4': { problem: 'Tom has 10 marbles. He finds 4 more and then loses 3. How many does he have?' },
  '03.5': { max_tokens: 60 },
  '04.1': { k: 2 },
  '04.2': { seed: 11, smoothing: 0.5 },
  '04.3': { C: 0.5 },
  '04.4': { cases: [{ name: 'Greek', text: 'Καλημέρα κόσμε! Η ώρα είναι 5.' }, { name: 'Emoji', text: 'I ❤️ NLP 🤖! café_au_lait' }], detail_case: 1 },
  '04.5': { sublinear_tf: false, min_df: 1 },
  '05.1': { ranks: [2, 8, 32], steps: 100 },
  '05.2': { d_model: 512, r: 16, n_layers: 6 },
  '05.3': { patience: 2 },
  '05.4': { causal: false, steps: 120 },
  '05.5': { r: 4, b_std: 0.05 },
};

export function paramsFor(exercise) {
  if (cases[exercise.id]) return cases[exercise.id];
  const seed = exercise.params.find((spec) => spec.name === 'seed');
  return seed ? { seed: seed.default + 1 } : {};
}
