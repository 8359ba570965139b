#include "core/exercises/05_lora/perplexity.hpp"

#include <algorithm>
#include <cmath>

#include "core/nn/ops.hpp"

namespace lab::exercises {

// The batches' mean losses are averaged by their windows; one batch is used as it is.
double perplexity(nn::TinyGPT& model, const std::vector<int>& tokens, int seq_len) {
  const int per_batch = std::max(1, kEvaluationTokens / seq_len);
  const int windows = int((tokens.size() - 1) / std::size_t(seq_len));
  double weighted = 0.0;
  float single = 0.0f;
  for (int first = 0; first < windows; first += per_batch) {
    const int count = std::min(per_batch, windows - first);
    std::vector<int> inputs, targets;  // (count*T) each
    for (int w = first; w < first + count; ++w) {
      const auto start = tokens.begin() + std::ptrdiff_t(w) * seq_len;
      inputs.insert(inputs.end(), start, start + seq_len);
      targets.insert(targets.end(), start + 1, start + seq_len + 1);
    }
    nn::Tape tape(/*gradients=*/false);
    single = tape.item(nn::cross_entropy(tape, model.forward(tape, inputs, count, seq_len), targets));
    weighted += double(single) * count;
  }
  return std::exp(windows <= per_batch ? double(single) : weighted / windows);
}

}  // namespace lab::exercises
