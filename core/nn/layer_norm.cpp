#include "core/nn/layer_norm.hpp"

#include <cmath>
#include <vector>

namespace lab::nn {

template <typename Scalar>
void layer_norm_forward(const MatrixOf<Scalar>& x, const MatrixOf<Scalar>& gamma, const MatrixOf<Scalar>& beta,
                        Scalar eps, MatrixOf<Scalar>& y, LayerNormSaved<Scalar>& saved) {
  const Eigen::Index n = x.rows(), c = x.cols();
  y.resize(n, c);
  saved.mean.resize(n, 1);
  saved.rstd.resize(n, 1);
  for (Eigen::Index i = 0; i < n; ++i) {
    const Scalar* row = x.row(i).data();
    Scalar sum = 0;
    for (Eigen::Index j = 0; j < c; ++j) sum += row[j];
    const Scalar mean = sum / Scalar(c);
    Scalar squares = 0;
    for (Eigen::Index j = 0; j < c; ++j) squares += (row[j] - mean) * (row[j] - mean);
    const Scalar rstd = Scalar(1) / std::sqrt(squares / Scalar(c) + eps);
    for (Eigen::Index j = 0; j < c; ++j) y(i, j) = (row[j] - mean) * rstd * gamma(0, j) + beta(0, j);
    saved.mean(i, 0) = mean;
    saved.rstd(i, 0) = rstd;
  }
}

template <typename Scalar>
void layer_norm_backward(const MatrixOf<Scalar>& x, const MatrixOf<Scalar>& gamma, const LayerNormSaved<Scalar>& saved,
                         const MatrixOf<Scalar>& dy, MatrixOf<Scalar>* dx, MatrixOf<Scalar>* d_gamma,
                         MatrixOf<Scalar>* d_beta) {
  const Eigen::Index n = x.rows(), c = x.cols();
  std::vector<Scalar> x_hat(std::size_t(c), Scalar(0));
  const Scalar* g_scale = gamma.data();
  for (Eigen::Index i = 0; i < n; ++i) {
    const Scalar mean = saved.mean(i, 0), rstd = saved.rstd(i, 0);
    const Scalar* x_row = x.row(i).data();
    const Scalar* dy_row = dy.row(i).data();
    Scalar g_mean = 0, g_xhat_mean = 0;  // mean(g) and mean(g x̂), g = dy γ: summed in order
    for (Eigen::Index j = 0; j < c; ++j) {
      x_hat[std::size_t(j)] = (x_row[j] - mean) * rstd;
      const Scalar g = dy_row[j] * g_scale[j];
      g_mean += g;
      g_xhat_mean += g * x_hat[std::size_t(j)];
    }
    g_mean /= Scalar(c);
    g_xhat_mean /= Scalar(c);
    if (dx) {
      Scalar* dx_row = dx->row(i).data();
      for (Eigen::Index j = 0; j < c; ++j) {
        dx_row[j] += rstd * (dy_row[j] * g_scale[j] - g_mean - x_hat[std::size_t(j)] * g_xhat_mean);
      }
    }
    if (d_gamma) {
      for (Eigen::Index j = 0; j < c; ++j) d_gamma->data()[j] += dy_row[j] * x_hat[std::size_t(j)];
    }
    if (d_beta) {
      for (Eigen::Index j = 0; j < c; ++j) d_beta->data()[j] += dy_row[j];
    }
  }
}

template void layer_norm_forward<float>(const MatrixOf<float>&, const MatrixOf<float>&, const MatrixOf<float>&, float,
                                        MatrixOf<float>&, LayerNormSaved<float>&);
template void layer_norm_forward<double>(const MatrixOf<double>&, const MatrixOf<double>&, const MatrixOf<double>&,
                                         double, MatrixOf<double>&, LayerNormSaved<double>&);
template void layer_norm_backward<float>(const MatrixOf<float>&, const MatrixOf<float>&, const LayerNormSaved<float>&,
                                         const MatrixOf<float>&, MatrixOf<float>*, MatrixOf<float>*, MatrixOf<float>*);
template void layer_norm_backward<double>(const MatrixOf<double>&, const MatrixOf<double>&,
                                          const LayerNormSaved<double>&, const MatrixOf<double>&, MatrixOf<double>*,
                                          MatrixOf<double>*, MatrixOf<double>*);

}  // namespace lab::nn
