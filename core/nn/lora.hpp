// LoRA (Hu et al. 2021): a frozen weight W₀ plus a trainable low-rank update, as the notebook's LoRALinear:
//   y = x W₀ᵀ + s · (x Aᵀ) Bᵀ,   A (r, in) ~ N(0, 0.01²),  B (out, r) = 0,  s = α / r
// Only A and B train: r · (in + out) numbers instead of in · out. After training, the update folds into one
// weight, W = W₀ + s · B A, so inference costs one matmul again (merged_weight, 05.5).
// Parameter names as PyTorch's: lora_A, lora_B, base.weight (the module's own parameters come first).
#pragma once

#include <string>

#include "core/nn/layers.hpp"

namespace lab::nn {

class LoRALinear {
 public:
  LoRALinear(const std::string& name, int in_features, int out_features, int rank, double alpha, NumpyRandom& rng);
  Var forward(Tape& tape, Var x);  // (N, in) → (N, out)
  // The same with the frozen term x W₀ᵀ (N, out) given: a caller whose x and W₀ never change computes it once.
  Var forward(Tape& tape, Var x, Var frozen);
  Matrix merged_weight() const;  // W₀ + s · B A  (out, in)
  void collect(ParameterList& list);
  std::size_t trainable_parameters() const { return std::size_t(lora_A.value.size() + lora_B.value.size()); }

  Linear base;       // base.weight (out, in), frozen, no bias
  Parameter lora_A;  // (r, in)
  Parameter lora_B;  // (out, r)
  float scale;       // α / r
};

}  // namespace lab::nn
