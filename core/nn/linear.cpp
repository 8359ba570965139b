#include "core/nn/linear.hpp"

#include <cmath>

#include "core/nn/matmul.hpp"

namespace lab::nn {

LinearWeights init_linear(int in_features, int out_features, NumpyRandom& rng) {
  const double bound = 1.0 / std::sqrt(static_cast<double>(in_features));
  LinearWeights layer{Matrix(out_features, in_features), RowVector(out_features)};
  for (Eigen::Index i = 0; i < layer.weight.size(); ++i) {
    layer.weight.data()[i] = static_cast<float>(rng.uniform(-bound, bound));
  }
  for (Eigen::Index i = 0; i < layer.bias.size(); ++i) layer.bias[i] = static_cast<float>(rng.uniform(-bound, bound));
  return layer;
}

Matrix linear_forward(ConstMatrixRef x, const LinearWeights& layer) {
  Matrix y(x.rows(), layer.weight.rows());  // (N, out)
  matmul_a_bt(x, layer.weight, y);  // x Wᵀ, summed in the same order on every target
  y.rowwise() += layer.bias;
  return y;
}

Matrix randn_matrix(int rows, int cols, NumpyRandom& rng) {
  Matrix m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = static_cast<float>(rng.randn());
  return m;
}

}  // namespace lab::nn
