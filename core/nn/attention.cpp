#include "core/nn/attention.hpp"

#include <algorithm>
#include <cmath>

#include "core/nn/matmul.hpp"
#include "core/nn/widest_vectors.hpp"

namespace lab::nn {

namespace {

template <typename Scalar>
LAB_WIDEST_VECTORS_TEMPLATE void softmax_rows_any(RefOf<Scalar>& scores, bool causal,
                                                  std::vector<Scalar>* log_normalizers) {
  const Eigen::Index cols = scores.cols();
  if (log_normalizers) log_normalizers->resize(std::size_t(scores.rows()));
  for (Eigen::Index i = 0; i < scores.rows(); ++i) {
    Scalar* row = scores.row(i).data();
    const Eigen::Index valid = causal ? std::min<Eigen::Index>(i + 1, cols) : cols;
    Scalar max = row[0];
    for (Eigen::Index j = 1; j < valid; ++j) max = std::max(max, row[j]);
    Scalar sum = 0;
    for (Eigen::Index j = 0; j < valid; ++j) {
      row[j] = std::exp(row[j] - max);
      sum += row[j];
    }
    for (Eigen::Index j = 0; j < valid; ++j) row[j] /= sum;
    for (Eigen::Index j = valid; j < cols; ++j) row[j] = 0;  // exp(−∞) = 0 exactly
    if (log_normalizers) (*log_normalizers)[std::size_t(i)] = max + std::log(sum);
  }
}

template <typename Scalar>
LAB_WIDEST_VECTORS_TEMPLATE void softmax_rows_backward_any(const ConstRefOf<Scalar>& y, const ConstRefOf<Scalar>& dy,
                                                           RefOf<Scalar>& dx) {
  for (Eigen::Index i = 0; i < y.rows(); ++i) {
    Scalar dot = 0;  // rowsum(dy ∘ y)
    for (Eigen::Index j = 0; j < y.cols(); ++j) dot += dy(i, j) * y(i, j);
    for (Eigen::Index j = 0; j < y.cols(); ++j) dx(i, j) += y(i, j) * (dy(i, j) - dot);
  }
}

template <typename Scalar>
void attention_forward_any(const ConstRefOf<Scalar>& q, const ConstRefOf<Scalar>& k, const ConstRefOf<Scalar>& v,
                           Scalar scale, bool causal, RefOf<Scalar>& weights, RefOf<Scalar>& out) {
  matmul_a_bt(q, k, weights);  // S = Q Kᵀ  (T, T)
  weights /= scale;
  softmax_rows(weights, causal);
  matmul(weights, v, out);  // O = A V  (T, D)
}

template <typename Scalar>
void attention_backward_any(const ConstRefOf<Scalar>& q, const ConstRefOf<Scalar>& k, const ConstRefOf<Scalar>& v,
                            const ConstRefOf<Scalar>& weights, const ConstRefOf<Scalar>& d_out, Scalar scale,
                            RefOf<Scalar>& d_q, RefOf<Scalar>& d_k, RefOf<Scalar>& d_v, Accumulate mode) {
  const Eigen::Index queries = weights.rows(), keys = weights.cols();
  matmul_at_b(weights, d_out, d_v, mode);  // dV += Aᵀ dO
  // Two (Tq, T) scratch matrices, kept between calls: a training step calls this once per sequence and head with
  // the same shape, so after the first call nothing is allocated.
  thread_local MatrixOf<Scalar> d_weights, d_scores;
  d_weights.resize(queries, keys);  // dA = dO Vᵀ  (Tq, T)
  matmul_a_bt(d_out, v, d_weights);
  d_scores.setZero(queries, keys);  // dS: masked entries have A = 0, so dS = 0 there
  softmax_rows_backward(weights, d_weights, d_scores);
  d_scores /= scale;
  matmul(d_scores, k, d_q, mode);       // dQ += dS K / scale
  matmul_at_b(d_scores, q, d_k, mode);  // dK += dSᵀ Q / scale
}

}  // namespace

void softmax_rows(RefOf<float> scores, bool causal, std::vector<float>* log_normalizers) {
  softmax_rows_any<float>(scores, causal, log_normalizers);
}
void softmax_rows(RefOf<double> scores, bool causal, std::vector<double>* log_normalizers) {
  softmax_rows_any<double>(scores, causal, log_normalizers);
}

void softmax_rows_backward(const ConstRefOf<float>& y, const ConstRefOf<float>& dy, RefOf<float> dx) {
  softmax_rows_backward_any<float>(y, dy, dx);
}
void softmax_rows_backward(const ConstRefOf<double>& y, const ConstRefOf<double>& dy, RefOf<double> dx) {
  softmax_rows_backward_any<double>(y, dy, dx);
}

void attention_forward(const ConstRefOf<float>& q, const ConstRefOf<float>& k, const ConstRefOf<float>& v, float scale,
                       bool causal, RefOf<float> weights, RefOf<float> out) {
  attention_forward_any<float>(q, k, v, scale, causal, weights, out);
}
void attention_forward(const ConstRefOf<double>& q, const ConstRefOf<double>& k, const ConstRefOf<double>& v,
                       double scale, bool causal, RefOf<double> weights, RefOf<double> out) {
  attention_forward_any<double>(q, k, v, scale, causal, weights, out);
}

void attention_backward(const ConstRefOf<float>& q, const ConstRefOf<float>& k, const ConstRefOf<float>& v,
                        const ConstRefOf<float>& weights, const ConstRefOf<float>& d_out, float scale, RefOf<float> d_q,
                        RefOf<float> d_k, RefOf<float> d_v, Accumulate mode) {
  attention_backward_any<float>(q, k, v, weights, d_out, scale, d_q, d_k, d_v, mode);
}
void attention_backward(const ConstRefOf<double>& q, const ConstRefOf<double>& k, const ConstRefOf<double>& v,
                        const ConstRefOf<double>& weights, const ConstRefOf<double>& d_out, double scale,
                        RefOf<double> d_q, RefOf<double> d_k, RefOf<double> d_v, Accumulate mode) {
  attention_backward_any<double>(q, k, v, weights, d_out, scale, d_q, d_k, d_v, mode);
}

}  // namespace lab::nn
