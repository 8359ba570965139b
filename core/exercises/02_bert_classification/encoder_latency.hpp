// 02.2's own latency, measured here rather than quoted: how long n_layers post-LN encoder blocks of a model's width
// take on one short sequence, forward only, on one thread. The models' stacks are n_layers passes through one
// block each, so the lab times one block of each distinct shape (width, FFN, heads) and multiplies:
//   build    one block per shape (BERT-base and DistilBERT share theirs), weights from a fixed seed
//   warm up  one pass through each block (first touch of its weights), not counted
//   time     rounds of one pass through every block in turn (A B A B …), until the budget is spent, so every shape
//            is measured under the same conditions; at least one round
//   report   per model: n_layers × the median pass, and the spread of the passes (min, quartiles, max)
// Everything timed is wall-clock, so it lives in keys ending in _ms (contract.md); the caps on one block's size and
// on one forward pass's arithmetic decide what is not timed, and why.
#pragma once

#include <string>
#include <vector>

#include "core/exercise.hpp"
#include "core/json.hpp"

namespace lab::exercises {

struct EncoderShape {
  std::string name;  // the model's name in `configs`
  long long n_layers = 0, hidden = 0, n_heads = 0;
  double ffn_mult = 4.0;
};

// The timing budget of all rounds together (warm-up included): 150 ms, whatever the models.
constexpr double kLatencyBudgetMs = 150.0;

// data.latency.models: one entry per model, in order, {name, latency_ms, block_pass_ms: {min, q1, median, q3, max,
// passes}, not_measured}; latency_ms and block_pass_ms are null, and not_measured says why, for a model not timed.
// Progress: one message per block built, then one per tenth of the budget spent.
json measure_encoder_latencies(const std::vector<EncoderShape>& models, int tokens, const RunContext& context);

}  // namespace lab::exercises
