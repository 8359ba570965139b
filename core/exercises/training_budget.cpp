#include "core/exercises/training_budget.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

void check_budget(double bytes, double flops, const std::string& param, const std::string& what) {
  if (bytes > kMemoryCapBytes) {
    fail_too_large(param, format("%s would need about %.0f MB; the lab's cap is %.0f MB (use smaller sizes)",
                                 what.c_str(), bytes / 1048576.0, kMemoryCapBytes / 1048576.0));
  }
  if (flops > kWorkCapFlops) {
    fail_too_large(param, format("%s would take about %.0f GFLOP of arithmetic; the lab's cap is %.0f GFLOP "
                                 "(a few seconds natively, more in a browser): use fewer steps or smaller sizes",
                                 what.c_str(), flops / 1e9, kWorkCapFlops / 1e9));
  }
}

void check_training_run(const TransformerSize& size, int steps, double evaluation_tokens, int evaluation_passes) {
  check_budget(std::max(transformer_training_bytes(size), transformer_evaluation_bytes(size, evaluation_tokens)),
               transformer_training_flops(size, steps) +
                   evaluation_passes * transformer_evaluation_flops(size, evaluation_tokens),
               "steps", "this training run");
}

namespace {

double activations_per_token(const TransformerSize& s) {
  return s.blocks * (14.0 * s.width + 2.0 * s.ff_dim + double(s.heads) * s.seq_len) + 2.0 * s.vocab;
}

double forward_flops_per_token(const TransformerSize& s) {
  // 2 FLOP per weight use: 2 (4 C² + 2 C F) per token and block, attention 4 T C, the head 2 C V
  return s.blocks * (8.0 * s.width * s.width + 4.0 * s.width * s.ff_dim + 4.0 * s.seq_len * s.width) +
         2.0 * s.width * s.vocab;
}

}  // namespace

double transformer_training_bytes(const TransformerSize& s) {
  return 4.0 * (2.0 * s.tokens_per_step * activations_per_token(s) + 4.0 * s.parameters);
}

double transformer_training_flops(const TransformerSize& s, double steps) {
  return 3.0 * forward_flops_per_token(s) * s.tokens_per_step * steps;  // backward ≈ twice the forward
}

double transformer_evaluation_bytes(const TransformerSize& s, double tokens) {
  return 4.0 * (tokens * activations_per_token(s) + 4.0 * s.parameters);
}

double transformer_evaluation_flops(const TransformerSize& s, double tokens) {
  return forward_flops_per_token(s) * tokens;
}

}  // namespace lab::exercises
