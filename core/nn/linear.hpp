// A fully connected layer's weights and forward pass, with PyTorch's layout and default initialisation:
//   y = x Wᵀ + b,  W (out, in), b (out); W and b ~ U(−1/√in, 1/√in), drawn W first, row by row, then b.
// This is the forward-only form used by the attention demos (01.2, 01.4); the trainable layer is in layers.hpp.
#pragma once

#include "core/nn/matrix.hpp"
#include "core/random/numpy_random.hpp"

namespace lab::nn {

struct LinearWeights {
  Matrix weight;   // (out, in)
  RowVector bias;  // (out)
};

LinearWeights init_linear(int in_features, int out_features, NumpyRandom& rng);

// x (N, in) → (N, out)
Matrix linear_forward(ConstMatrixRef x, const LinearWeights& layer);

// A (rows, cols) matrix of independent standard normals, row by row: torch.randn's shape, our generator.
Matrix randn_matrix(int rows, int cols, NumpyRandom& rng);

}  // namespace lab::nn
