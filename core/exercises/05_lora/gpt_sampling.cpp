#include "core/exercises/05_lora/gpt_sampling.hpp"

#include <algorithm>
#include <cmath>

namespace lab::exercises {

std::vector<int> sample_tokens(nn::TinyGPT& model, const std::vector<int>& prompt, int length, int seq_len,
                               double temperature, NumpyRandom& rng) {
  std::vector<int> text = prompt, generated;
  nn::Tape tape(/*gradients=*/false);
  for (int i = 0; i < length; ++i) {
    const int context = std::min(int(text.size()), seq_len);
    const std::vector<int> window(text.end() - context, text.end());
    tape.clear();
    const nn::Matrix logits = tape.value(model.forward(tape, window, 1, context));  // (T, V)
    const auto last = logits.row(context - 1);
    const double top = double(last.maxCoeff());
    std::vector<double> p(std::size_t(last.size()));
    double total = 0.0;
    for (std::size_t v = 0; v < p.size(); ++v) {
      p[v] = std::exp((double(last(Eigen::Index(v))) - top) / temperature);  // shifted by the maximum: no overflow
      total += p[v];
    }
    if (!std::isfinite(total) || total <= 0.0) break;  // NaN or infinite logits: a diverged model says nothing
    for (double& value : p) value /= total;
    const int next = int(rng.choice(p));
    text.push_back(next);
    generated.push_back(next);
  }
  return generated;
}

double sampling_tokens_processed(int samples, int length, int seq_len) { return double(samples) * length * seq_len; }

}  // namespace lab::exercises
