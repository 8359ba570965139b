#include "core/exercises/02_bert_classification/encoder_latency.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "core/error.hpp"
#include "core/exercises/training_budget.hpp"
#include "core/nn/transformer.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

using nn::Matrix;
using Clock = std::chrono::steady_clock;

constexpr double kLatencyBlockCap = 16e6;  // parameters of one block built (64 MB)
constexpr double kLatencyWorkCap = 4e9;    // FLOP of one model's forward pass (n_layers blocks)
constexpr int kMaxRounds = 200;            // enough for a steady median; small models stop here, not at the budget
constexpr int kBudgetTicks = 10;           // progress messages while timing: one per tenth of the budget

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// One block shape, built once, and the passes timed through it.
struct TimedBlock {
  std::unique_ptr<nn::TransformerBlock> block;
  Matrix x;                    // (T, H): the one sequence
  std::vector<double> passes;  // ms, one per round
};

using ShapeKey = std::tuple<long long, int, long long>;  // hidden, FFN width, heads

// Why a model is not timed, or "" when it is.
std::string why_not_timed(const EncoderShape& model, int ffn, int tokens) {
  const double hidden = double(model.hidden);
  const double block_params = 4.0 * hidden * (hidden + 1.0) + 2.0 * hidden * ffn + ffn + 5.0 * hidden;
  if (model.hidden % model.n_heads != 0) return format("n_heads %lld does not divide hidden", model.n_heads);
  if (block_params > kLatencyBlockCap) return "one block would exceed 64 MB";
  if (2.0 * block_params * tokens * model.n_layers > kLatencyWorkCap) return "the forward pass would exceed 4 GFLOP";
  return "";
}

// Every block is held while all are timed in turn, so their memory adds up: each block's weights and gradients
// (float32) and its input, plus one forward pass's activations (about 14 H + 2 F + heads T floats per token) for
// the largest. Refused (too_large, naming configs) above the lab's 256 MB, before anything is built.
void require_blocks_fit(const std::set<ShapeKey>& shapes, int tokens) {
  double held = 0.0, largest_pass = 0.0;
  for (const auto& [hidden, ffn, heads] : shapes) {
    const double h = double(hidden), f = double(ffn);
    const double block_params = 4.0 * h * (h + 1.0) + 2.0 * h * f + f + 5.0 * h;
    held += 4.0 * (2.0 * block_params + double(tokens) * h);
    largest_pass = std::max(largest_pass, 4.0 * double(tokens) * (14.0 * h + 2.0 * f + double(heads) * tokens));
  }
  const double total = held + largest_pass;
  if (total > kMemoryCapBytes) {
    fail_too_large("configs", format("timing %zu block shapes at once would hold about %.0f MB, over the lab's cap of "
                                     "%.0f MB; give fewer or narrower configs, or latency_tokens 0 to time none",
                                     shapes.size(), total / (1024.0 * 1024.0), kMemoryCapBytes / (1024.0 * 1024.0)));
  }
}

double forward_ms(TimedBlock& timed, int tokens) {
  const auto start = Clock::now();
  nn::Tape tape(/*gradients=*/false);
  const nn::Var h = timed.block->forward(tape, tape.constant(timed.x), 1, tokens);
  volatile float keep = tape.value(h)(0, 0);  // the result is used, so the pass cannot be skipped
  (void)keep;
  return ms_since(start);
}

// The value at fraction q of the sorted samples, interpolated linearly between neighbours (NumPy's default).
double quantile(const std::vector<double>& sorted, double q) {
  const double position = q * double(sorted.size() - 1);
  const std::size_t below = std::size_t(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (position - double(below)) * (sorted[above] - sorted[below]);
}

json spread(std::vector<double> passes) {
  std::sort(passes.begin(), passes.end());
  return {{"min", passes.front()},        {"q1", quantile(passes, 0.25)}, {"median", quantile(passes, 0.5)},
          {"q3", quantile(passes, 0.75)}, {"max", passes.back()},         {"passes", passes.size()}};
}

}  // namespace

json measure_encoder_latencies(const std::vector<EncoderShape>& models, int tokens, const RunContext& context) {
  json timings = json::array();
  if (tokens <= 0) return timings;
  std::map<ShapeKey, TimedBlock> blocks;  // one per shape, in a fixed order
  std::vector<std::string> not_timed;
  std::vector<ShapeKey> keys;
  for (const EncoderShape& model : models) {
    const int ffn = std::max(1, int(std::lround(model.ffn_mult * double(model.hidden))));
    not_timed.push_back(why_not_timed(model, ffn, tokens));
    keys.emplace_back(model.hidden, ffn, model.n_heads);
  }
  std::set<ShapeKey> distinct;
  for (std::size_t i = 0; i < models.size(); ++i) {
    if (not_timed[i].empty()) distinct.insert(keys[i]);
  }
  require_blocks_fit(distinct, tokens);
  const int shapes = int(distinct.size());
  const int total = shapes + kBudgetTicks;
  for (std::size_t i = 0; i < models.size(); ++i) {
    if (!not_timed[i].empty() || blocks.count(keys[i])) continue;
    const auto [hidden, ffn, heads] = keys[i];
    NumpyRandom weights(0), inputs(1);
    TimedBlock& timed = blocks[keys[i]];
    timed.block = std::make_unique<nn::TransformerBlock>("layer", int(hidden), int(heads), ffn, weights);
    timed.x = nn::randn_matrix(tokens, int(hidden), inputs);
    const int built = int(blocks.size());
    context.progress(built, total, built < shapes ? "building the blocks" : "timing the blocks");
  }

  const auto start = Clock::now();
  for (auto& [key, timed] : blocks) forward_ms(timed, tokens);  // warm-up: first touch of the weights
  double last_round = 0.0;
  int tick = 0;
  for (int round = 0; round < kMaxRounds && !blocks.empty(); ++round) {
    if (round > 0 && ms_since(start) + last_round > kLatencyBudgetMs) break;  // the next round would overrun
    const auto round_start = Clock::now();
    for (auto& [key, timed] : blocks) timed.passes.push_back(forward_ms(timed, tokens));
    last_round = ms_since(round_start);
    const int spent = std::min(kBudgetTicks, int(kBudgetTicks * ms_since(start) / kLatencyBudgetMs));
    for (; tick < spent; ++tick) context.progress(shapes + tick + 1, total, "timing the blocks");
  }
  for (; tick < kBudgetTicks && !blocks.empty(); ++tick) {  // rounds ran out first
    context.progress(shapes + tick + 1, total, "timing the blocks");
  }

  for (std::size_t i = 0; i < models.size(); ++i) {
    json entry = {{"name", models[i].name}, {"layers", models[i].n_layers}};
    if (not_timed[i].empty()) {
      const json pass = spread(blocks.at(keys[i]).passes);
      entry["latency_ms"] = double(models[i].n_layers) * pass["median"].get<double>();
      entry["block_pass_ms"] = pass;
      entry["not_measured"] = nullptr;
    } else {
      entry["latency_ms"] = nullptr;
      entry["block_pass_ms"] = nullptr;
      entry["not_measured"] = not_timed[i];
    }
    timings.push_back(std::move(entry));
  }
  return timings;
}

}  // namespace lab::exercises
