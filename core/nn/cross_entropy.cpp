#include "core/nn/cross_entropy.hpp"

#include <algorithm>
#include <cmath>

namespace lab::nn {

namespace {

template <typename Scalar>
Scalar weight_of(const std::vector<Scalar>& class_weights, int target) {
  return class_weights.empty() ? Scalar(1) : class_weights[std::size_t(target)];
}

}  // namespace

template <typename Scalar>
Scalar cross_entropy_forward(const MatrixOf<Scalar>& logits, const std::vector<int>& targets,
                             const std::vector<Scalar>& class_weights, MatrixOf<Scalar>& probabilities) {
  const Eigen::Index n = logits.rows(), v = logits.cols();
  probabilities.resize(n, v);
  Scalar weighted_nll = 0, weight_sum = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const Scalar* z = logits.row(i).data();
    Scalar* p = probabilities.row(i).data();
    Scalar max = z[0];
    for (Eigen::Index j = 1; j < v; ++j) max = std::max(max, z[j]);
    Scalar sum = 0;
    for (Eigen::Index j = 0; j < v; ++j) {
      p[j] = std::exp(z[j] - max);
      sum += p[j];
    }
    for (Eigen::Index j = 0; j < v; ++j) p[j] /= sum;
    const int y = targets[std::size_t(i)];
    const Scalar w = weight_of(class_weights, y);
    weighted_nll += w * (std::log(sum) - (z[y] - max));
    weight_sum += w;
  }
  return weighted_nll / weight_sum;
}

template <typename Scalar>
void cross_entropy_backward(const MatrixOf<Scalar>& probabilities, const std::vector<int>& targets,
                            const std::vector<Scalar>& class_weights, Scalar d_loss, MatrixOf<Scalar>& d_logits) {
  Scalar weight_sum = 0;
  for (int y : targets) weight_sum += weight_of(class_weights, y);
  for (Eigen::Index i = 0; i < probabilities.rows(); ++i) {
    const int y = targets[std::size_t(i)];
    const Scalar factor = d_loss * weight_of(class_weights, y) / weight_sum;
    for (Eigen::Index j = 0; j < probabilities.cols(); ++j) {
      d_logits(i, j) += factor * (probabilities(i, j) - (j == y ? Scalar(1) : Scalar(0)));
    }
  }
}

template float cross_entropy_forward<float>(const MatrixOf<float>&, const std::vector<int>&,
                                            const std::vector<float>&, MatrixOf<float>&);
template double cross_entropy_forward<double>(const MatrixOf<double>&, const std::vector<int>&,
                                              const std::vector<double>&, MatrixOf<double>&);
template void cross_entropy_backward<float>(const MatrixOf<float>&, const std::vector<int>&, const std::vector<float>&,
                                            float, MatrixOf<float>&);
template void cross_entropy_backward<double>(const MatrixOf<double>&, const std::vector<int>&,
                                             const std::vector<double>&, double, MatrixOf<double>&);

}  // namespace lab::nn
