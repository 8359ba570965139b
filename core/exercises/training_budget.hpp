// What a run may cost, checked before anything is allocated: the lab refuses (too_large, naming the parameter to
// lower) a run whose memory or arithmetic is beyond its caps, instead of exhausting a browser tab. The estimates
// for transformers serve 01.3, 01.5 and 05.4; other exercises count their own arrays.
#pragma once

#include <string>

namespace lab::exercises {

// The lab's caps for one run: 256 MB of training memory (the wasm heap may grow to 1-2 GB) and 50 GFLOP
// of arithmetic (a few seconds natively, several in a browser). Both are estimates made before anything is allocated.
constexpr double kMemoryCapBytes = 256.0 * 1024 * 1024;
constexpr double kWorkCapFlops = 50e9;

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
double transformer_training_bytes(const TransformerSize& size);  // one training step, parameters included
double transformer_training_flops(const TransformerSize& size, double steps);
double transformer_evaluation_bytes(const TransformerSize& size, double tokens);  // one forward pass over `tokens`
double transformer_evaluation_flops(const TransformerSize& size, double tokens);

// A training run of `steps` steps and then `evaluation_passes` forward passes over `evaluation_tokens` tokens
// (01.5 tests on 100 sequences once, 05.4 measures perplexity four times): its memory is the larger of one training
// step and one evaluation pass, its arithmetic the sum of all of them. Refused naming "steps".
void check_training_run(const TransformerSize& size, int steps, double evaluation_tokens, int evaluation_passes);

}  // namespace lab::exercises
