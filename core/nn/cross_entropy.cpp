#include "core/nn/cross_entropy.hpp"

#include "core/nn/attention.hpp"

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
  probabilities = logits;
  std::vector<Scalar> log_normalizers;  // log Σⱼ exp(z[i, j]) per row
  softmax_rows(probabilities, false, &log_normalizers);
  Scalar weighted_nll = 0, weight_sum = 0;
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    const int y = targets[std::size_t(i)];
    const Scalar w = weight_of(class_weights, y);
    weighted_nll += w * (log_normalizers[std::size_t(i)] - logits(i, y));  // −log p[i, y]
    weight_sum += w;
  }
  return weighted_nll / weight_sum;
}

template <typename Scalar>
void cross_entropy_backward(const MatrixOf<Scalar>& probabilities, const std::vector<int>& targets,
                            const std::vector<Scalar>& class_weights, Scalar d_loss, MatrixOf<Scalar>& d_logits,
                            bool d_logits_unwritten) {
  Scalar weight_sum = 0;
  for (int y : targets) weight_sum += weight_of(class_weights, y);
  const Eigen::Index v = probabilities.cols();
  for (Eigen::Index i = 0; i < probabilities.rows(); ++i) {
    const int y = targets[std::size_t(i)];
    const Scalar factor = d_loss * weight_of(class_weights, y) / weight_sum;
    const Scalar* p = probabilities.data() + i * v;
    Scalar* dz = d_logits.data() + i * v;
    const Scalar before_y = d_logits_unwritten ? Scalar(0) : dz[y];
    if (d_logits_unwritten) {  // factor · (p − 0) is factor · p exactly
      for (Eigen::Index j = 0; j < v; ++j) dz[j] = Scalar(0) + factor * p[j];
    } else {
      for (Eigen::Index j = 0; j < v; ++j) dz[j] += factor * p[j];
    }
    dz[y] = before_y + factor * (p[y] - Scalar(1));  // the target's column: p − 1
  }
}

template float cross_entropy_forward<float>(const MatrixOf<float>&, const std::vector<int>&, const std::vector<float>&,
                                            MatrixOf<float>&);
template double cross_entropy_forward<double>(const MatrixOf<double>&, const std::vector<int>&,
                                              const std::vector<double>&, MatrixOf<double>&);
template void cross_entropy_backward<float>(const MatrixOf<float>&, const std::vector<int>&, const std::vector<float>&,
                                            float, MatrixOf<float>&, bool);
template void cross_entropy_backward<double>(const MatrixOf<double>&, const std::vector<int>&,
                                             const std::vector<double>&, double, MatrixOf<double>&, bool);

}  // namespace lab::nn
