// The basic trainable layers, mirroring PyTorch's nn.Linear, nn.Embedding and nn.LayerNorm: their parameters
// (named as named_parameters() names them), PyTorch's default initialisation drawn from the lab's seeded
// generator, and a forward pass that records on a tape. Attention and the transformer block are in
// transformer.hpp; whole models in models.hpp; LoRA in lora.hpp.
#pragma once

#include <string>
#include <vector>

#include "core/nn/ops.hpp"
#include "core/random/numpy_random.hpp"

namespace lab::nn {

std::string join_name(const std::string& prefix,
                      const std::string& leaf);  // ("block1.attn", "W_q") → "block1.attn.W_q"

Matrix uniform_matrix(int rows, int cols, double bound, NumpyRandom& rng);  // U(−bound, bound), row by row
Matrix normal_matrix(int rows, int cols, double std, NumpyRandom& rng);     // N(0, std²), row by row
inline Matrix randn_matrix(int rows, int cols, NumpyRandom& rng) {          // torch.randn's shape, our generator
  return normal_matrix(rows, cols, 1.0, rng);
}

// y = x Wᵀ + b. W (out, in) and b (1, out) ~ U(−1/√in, 1/√in), W drawn first.
class Linear {
 public:
  Linear(const std::string& name, int in_features, int out_features, NumpyRandom& rng, bool with_bias = true);
  Var forward(Tape& tape, Var x);  // (N, in) → (N, out)
  void collect(ParameterList& list);

  Parameter weight;  // (out, in)
  Parameter bias;    // (1, out); unused when the layer has no bias
  bool has_bias;
};

// Row lookup: token t → weight[t]. weight (V, C) ~ N(0, 1).
class Embedding {
 public:
  Embedding(const std::string& name, int vocab, int dim, NumpyRandom& rng);
  Var forward(Tape& tape, const std::vector<int>& tokens);  // N tokens → (N, C)
  void collect(ParameterList& list);

  Parameter weight;  // (V, C)
};

// Normalise each row, then scale by γ (ones) and shift by β (zeros); eps 1e-5.
class LayerNorm {
 public:
  LayerNorm(const std::string& name, int dim);
  Var forward(Tape& tape, Var x);  // (N, C) → (N, C)
  void collect(ParameterList& list);

  Parameter weight;  // γ (1, C)
  Parameter bias;    // β (1, C)
};

std::size_t count_parameters(const ParameterList& list, bool trainable_only = true);

}  // namespace lab::nn
