// What the training exercises (01.5, 02.3-02.5, 05.1, 05.4) share, so each reads as its lesson:
//   LossCurve        the loss per step; the first NaN or infinite loss marks the run as diverged (the exercise
//                    stops there and reports it instead of drawing garbage)
//   report_progress  one progress message per step, {"step", "total", "loss"}, for the page's live chart
//   check_budget     refuses, before allocating, a run whose memory or arithmetic is beyond the lab's caps
#pragma once

#include <string>
#include <vector>

#include "core/exercise.hpp"
#include "core/json.hpp"

namespace lab::exercises {

class LossCurve {
 public:
  bool record(double loss);  // false (and the step remembered) when the loss is NaN or infinite
  bool diverged() const { return diverged_step_ > 0; }
  int diverged_step() const { return diverged_step_; }  // 1-based; 0 when the run never diverged
  const std::vector<double>& values() const { return values_; }  // the finite losses, step 1 first
  json values_json() const;
  json steps_json() const;  // 1, 2, … for the chart's x axis

 private:
  std::vector<double> values_;
  int diverged_step_ = 0;
};

// Writes metrics.diverged (and diverged_step) and, if it diverged, a log line saying at which step and why.
void report_divergence(Result& result, const LossCurve& curve, const std::string& run_name);

void report_progress(const RunContext& context, int step, int total, double loss);

// The lab's caps for one run: 256 MB of training memory (the wasm heap may grow to 1-2 GB) and 100 GFLOP
// of arithmetic (about half a minute in a browser). Both are estimates made before anything is allocated.
constexpr double kMemoryCapBytes = 256.0 * 1024 * 1024;
constexpr double kWorkCapFlops = 100e9;

// Throws too_large naming `param` when `bytes` or `flops` is over its cap.
void check_budget(double bytes, double flops, const std::string& param, const std::string& what);

// Memory and arithmetic of a transformer: per token and block about 14 C + 2 F + H T activations (and as many
// gradients when training), the logits (V) twice, and every parameter four times (value, gradient, Adam's m
// and v). Evaluation passes keep activations only.
struct TransformerSize {
  double tokens_per_step = 0;  // B*T
  int width = 0, ff_dim = 0, vocab = 0, heads = 0, seq_len = 0, blocks = 0;
  double parameters = 0;
};
double transformer_training_bytes(const TransformerSize& size);            // one training step, parameters included
double transformer_training_flops(const TransformerSize& size, double steps);
double transformer_evaluation_bytes(const TransformerSize& size, double tokens);  // one forward pass over `tokens`
double transformer_evaluation_flops(const TransformerSize& size, double tokens);

}  // namespace lab::exercises
