// The notebook's SimpleClassifier, the small network of 02.3 (d → 64 → 2) and 02.5 (16 → 32 → 3):
//   Linear(features, hidden_units) → ReLU → Linear(hidden_units, classes), with PyTorch's names net.0 and net.2.
// Its weights come from the exercise's generator, in that order (net.0 weight, bias, then net.2's).
#pragma once

#include "core/nn/layers.hpp"
#include "core/random/numpy_random.hpp"

namespace lab::exercises {

struct SimpleClassifier {
  nn::Linear hidden, output;

  SimpleClassifier(int features, int hidden_units, int classes, NumpyRandom& rng);
  nn::Var forward(nn::Tape& tape, nn::Var x);  // (N, features) → logits (N, classes)
  nn::ParameterList parameters();              // net.0.weight, net.0.bias, net.2.weight, net.2.bias
};

}  // namespace lab::exercises
