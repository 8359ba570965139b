#include "core/nn/positional_encoding.hpp"

#include <cmath>
#include <stdexcept>

namespace lab::nn {

Matrix positional_encoding(int seq_len, int d_model) {
  if (seq_len < 1 || d_model < 2 || d_model % 2 != 0) {
    throw std::invalid_argument("positional_encoding needs seq_len >= 1 and an even d_model >= 2");
  }
  const float rate = static_cast<float>(-std::log(10000.0) / d_model);  // one float32 scalar, as in PyTorch
  Matrix pe(seq_len, d_model);                                          // (T, C)
  for (int i = 0; i < d_model / 2; ++i) {
    const float frequency = std::exp(static_cast<float>(2 * i) * rate);
    for (int t = 0; t < seq_len; ++t) {
      const float angle = static_cast<float>(t) * frequency;
      pe(t, 2 * i) = std::sin(angle);
      pe(t, 2 * i + 1) = std::cos(angle);
    }
  }
  return pe;
}

}  // namespace lab::nn
