// Optimizers that update a model's parameters from their gradients, written as PyTorch 1.13 writes them:
//   Adam (torch.optim.Adam defaults β₁ 0.9, β₂ 0.999, eps 1e-8), for step t = 1, 2, …:
//     m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²
//     p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + eps)
//   SGD: with momentum μ, b ← μ b + g (b = g at the first step), p ← p − lr · b; without, p ← p − lr · g
// Optional L2 weight decay adds wd · p to g first (PyTorch's `weight_decay`). Frozen parameters are skipped.
// Every update is elementwise in float32, so it is the same on every target.
#pragma once

#include <vector>

#include "core/nn/tape.hpp"

namespace lab::nn {

void zero_grad(const ParameterList& parameters);

struct AdamSettings {
  double lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight_decay = 0.0;
};

class Adam {
 public:
  explicit Adam(ParameterList parameters, AdamSettings settings = AdamSettings());
  void step();
  void zero_grad() { nn::zero_grad(parameters_); }
  void set_learning_rate(double lr) { settings_.lr = lr; }  // for a schedule (schedule.hpp)
  int steps_taken() const { return t_; }

 private:
  ParameterList parameters_;
  AdamSettings settings_;
  std::vector<Matrix> m_, v_;  // first and second moments, one per parameter
  int t_ = 0;
};

struct SgdSettings {
  double lr = 1e-2, momentum = 0.0, weight_decay = 0.0;
};

class Sgd {
 public:
  explicit Sgd(ParameterList parameters, SgdSettings settings);
  void step();
  void zero_grad() { nn::zero_grad(parameters_); }

 private:
  ParameterList parameters_;
  SgdSettings settings_;
  std::vector<Matrix> momentum_;
  bool started_ = false;
};

}  // namespace lab::nn
