#include "core/nn/attention.hpp"

#include <algorithm>
#include <cmath>

namespace lab::nn {

void softmax_rows(MatrixRef scores, bool causal) {
  const Eigen::Index cols = scores.cols();
  for (Eigen::Index i = 0; i < scores.rows(); ++i) {
    float* row = scores.row(i).data();
    const Eigen::Index valid = causal ? std::min<Eigen::Index>(i + 1, cols) : cols;
    float max = row[0];
    for (Eigen::Index j = 1; j < valid; ++j) max = std::max(max, row[j]);
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < valid; ++j) {
      row[j] = std::exp(row[j] - max);
      sum += row[j];
    }
    for (Eigen::Index j = 0; j < valid; ++j) row[j] /= sum;
    for (Eigen::Index j = valid; j < cols; ++j) row[j] = 0.0f;  // exp(−∞) = 0 exactly
  }
}

void attention_forward(ConstMatrixRef q, ConstMatrixRef k, ConstMatrixRef v, float scale, bool causal,
                       MatrixRef weights, MatrixRef out) {
  weights.noalias() = q * k.transpose();  // (T, T)
  weights /= scale;
  softmax_rows(weights, causal);
  out.noalias() = weights * v;  // (T, D)
}

}  // namespace lab::nn
