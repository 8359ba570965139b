// Every row's sums run over its columns in order 0, 1, …, C−1, as the formulas in layer_norm.hpp read. A row's sum
// is a chain of dependent additions, so the rows are taken `kRowBlock` at a time: the block is copied column by
// column into a (C, kRowBlock) scratch, where lane k of each column is row k, and the sums then run down that
// scratch with every row's chain in a lane of its own. Each row still adds its own numbers in the same order (the
// same bits on every target, whatever the vector width), and the compiler vectorises across the rows. The
// elementwise passes run along a row, where the compiler vectorises them too. The last N mod kRowBlock rows go one
// by one through the same code with a block of one. Natively both passes are built at every x86-64 width and run
// at the machine's widest (widest_vectors.hpp).
#include "core/nn/layer_norm.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/nn/widest_vectors.hpp"

namespace lab::nn {

namespace {

constexpr int kRowBlock = 8;

// The (C, R) scratch of R rows of `rows` (C columns each, contiguous): column j of the block is R numbers in a row.
template <int R, typename Scalar>
const Scalar* columns_side_by_side(const Scalar* rows, Eigen::Index c, std::vector<Scalar>& scratch) {
  scratch.resize(std::size_t(c) * R);
  for (int k = 0; k < R; ++k) {
    for (Eigen::Index j = 0; j < c; ++j) scratch[std::size_t(j * R + k)] = rows[k * c + j];
  }
  return scratch.data();
}

// μ and r of R rows of x (C columns each, contiguous).
template <int R, typename Scalar>
void row_statistics(const Scalar* x, Eigen::Index c, Scalar eps, Scalar* mean, Scalar* rstd) {
  thread_local std::vector<Scalar> scratch;
  const Scalar* xt = columns_side_by_side<R>(x, c, scratch);  // (C, R)
  Scalar sum[R], squares[R], mu[R];
  for (int k = 0; k < R; ++k) sum[k] = squares[k] = 0;
  for (Eigen::Index j = 0; j < c; ++j) {
    for (int k = 0; k < R; ++k) sum[k] += xt[j * R + k];
  }
  for (int k = 0; k < R; ++k) mu[k] = sum[k] / Scalar(c);
  for (Eigen::Index j = 0; j < c; ++j) {
    for (int k = 0; k < R; ++k) {
      const Scalar centred = xt[j * R + k] - mu[k];
      squares[k] += centred * centred;
    }
  }
  for (int k = 0; k < R; ++k) {
    mean[k] = mu[k];
    rstd[k] = Scalar(1) / std::sqrt(squares[k] / Scalar(c) + eps);
  }
}

}  // namespace

template <typename Scalar>
LAB_WIDEST_VECTORS_TEMPLATE void layer_norm_forward(const MatrixOf<Scalar>& x, const MatrixOf<Scalar>& gamma,
                                                    const MatrixOf<Scalar>& beta, Scalar eps, MatrixOf<Scalar>& y,
                                                    LayerNormSaved<Scalar>& saved) {
  const Eigen::Index n = x.rows(), c = x.cols();
  y.resize(n, c);
  saved.mean.resize(n, 1);
  saved.rstd.resize(n, 1);
  Scalar* mean = saved.mean.data();
  Scalar* rstd = saved.rstd.data();
  Eigen::Index i = 0;
  for (; i + kRowBlock <= n; i += kRowBlock) {
    row_statistics<kRowBlock>(x.data() + i * c, c, eps, mean + i, rstd + i);
  }
  for (; i < n; ++i) row_statistics<1>(x.data() + i * c, c, eps, mean + i, rstd + i);
  const Scalar* g = gamma.data();
  const Scalar* b = beta.data();
  for (i = 0; i < n; ++i) {
    const Scalar* x_row = x.data() + i * c;
    Scalar* y_row = y.data() + i * c;
    const Scalar mu = mean[i], r = rstd[i];
    for (Eigen::Index j = 0; j < c; ++j) y_row[j] = (x_row[j] - mu) * r * g[j] + b[j];
  }
}

template <typename Scalar>
LAB_WIDEST_VECTORS_TEMPLATE void layer_norm_backward(const MatrixOf<Scalar>& x, const MatrixOf<Scalar>& gamma,
                                                     const LayerNormSaved<Scalar>& saved, const MatrixOf<Scalar>& dy,
                                                     MatrixOf<Scalar>* dx, MatrixOf<Scalar>* d_gamma,
                                                     MatrixOf<Scalar>* d_beta, bool dx_unwritten) {
  // Two sums per row, interleaved in one loop, so their chains overlap; the rows go one by one.
  const Eigen::Index n = x.rows(), c = x.cols();
  thread_local std::vector<Scalar> x_hat_storage;
  x_hat_storage.resize(std::size_t(c));
  Scalar* x_hat = x_hat_storage.data();
  const Scalar* g_scale = gamma.data();
  Scalar* dg = d_gamma ? d_gamma->data() : nullptr;
  Scalar* db = d_beta ? d_beta->data() : nullptr;
  for (Eigen::Index i = 0; i < n; ++i) {
    const Scalar mean = saved.mean(i, 0), rstd = saved.rstd(i, 0);
    const Scalar* x_row = x.data() + i * c;
    const Scalar* dy_row = dy.data() + i * c;
    Scalar g_mean = 0, g_xhat_mean = 0;  // mean(g) and mean(g x̂), g = dy γ: summed in order
    for (Eigen::Index j = 0; j < c; ++j) {
      x_hat[j] = (x_row[j] - mean) * rstd;
      const Scalar g = dy_row[j] * g_scale[j];
      g_mean += g;
      g_xhat_mean += g * x_hat[j];
    }
    g_mean /= Scalar(c);
    g_xhat_mean /= Scalar(c);
    if (dx) {
      Scalar* dx_row = dx->data() + i * c;
      if (dx_unwritten) {  // dx_row holds nothing yet: 0 + the gradient, as if it held zeros
        for (Eigen::Index j = 0; j < c; ++j) {
          dx_row[j] = Scalar(0) + rstd * (dy_row[j] * g_scale[j] - g_mean - x_hat[j] * g_xhat_mean);
        }
      } else {
        for (Eigen::Index j = 0; j < c; ++j) {
          dx_row[j] += rstd * (dy_row[j] * g_scale[j] - g_mean - x_hat[j] * g_xhat_mean);
        }
      }
    }
    if (dg && db) {  // rows in order, so dγ and dβ add them in order
      for (Eigen::Index j = 0; j < c; ++j) {
        dg[j] += dy_row[j] * x_hat[j];
        db[j] += dy_row[j];
      }
    } else if (dg) {
      for (Eigen::Index j = 0; j < c; ++j) dg[j] += dy_row[j] * x_hat[j];
    } else if (db) {
      for (Eigen::Index j = 0; j < c; ++j) db[j] += dy_row[j];
    }
  }
}

template void layer_norm_forward<float>(const MatrixOf<float>&, const MatrixOf<float>&, const MatrixOf<float>&, float,
                                        MatrixOf<float>&, LayerNormSaved<float>&);
template void layer_norm_forward<double>(const MatrixOf<double>&, const MatrixOf<double>&, const MatrixOf<double>&,
                                         double, MatrixOf<double>&, LayerNormSaved<double>&);
template void layer_norm_backward<float>(const MatrixOf<float>&, const MatrixOf<float>&, const LayerNormSaved<float>&,
                                         const MatrixOf<float>&, MatrixOf<float>*, MatrixOf<float>*, MatrixOf<float>*,
                                         bool);
template void layer_norm_backward<double>(const MatrixOf<double>&, const MatrixOf<double>&,
                                          const LayerNormSaved<double>&, const MatrixOf<double>&, MatrixOf<double>*,
                                          MatrixOf<double>*, MatrixOf<double>*, bool);

}  // namespace lab::nn
