// Each op: the forward computes the value and records a node; the lambda beside it is the node's backward rule,
// with the math in one comment line. Rules read values from the tape and add (+=) into the inputs' gradients,
// skipping inputs that need none.
#include "core/nn/ops.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <utility>

#include <xtensor/xadapt.hpp>

#include "core/nn/attention.hpp"
#include "core/nn/cross_entropy.hpp"
#include "core/nn/layer_norm.hpp"
#include "core/nn/matmul.hpp"
#include "core/nn/widest_vectors.hpp"

namespace lab::nn {

namespace {

// A new node's value: `expression` evaluated into storage the tape recycles from earlier steps.
template <typename Scalar, typename Expression>
MatrixOf<Scalar> evaluate(TapeOf<Scalar>& tape, const Eigen::MatrixBase<Expression>& expression) {
  MatrixOf<Scalar> out = tape.allocate(expression.rows(), expression.cols());
  out = expression;
  return out;
}

// out = a (R, C) + b's rows repeated down it, b (R_b, C) with R_b dividing R (a bias when R_b = 1). One pass;
// `a` may be `out` itself.
template <typename Scalar>
void add_repeated_rows(const MatrixOf<Scalar>& a, const MatrixOf<Scalar>& b, MatrixOf<Scalar>& out) {
  const Eigen::Index block = b.size();
  const Scalar* bs = b.data();
  const Scalar* as = a.data();
  Scalar* os = out.data();
  for (Eigen::Index first = 0; first < out.size(); first += block) {
    for (Eigen::Index j = 0; j < block; ++j) os[first + j] = as[first + j] + bs[j];
  }
}

// `Columns` columns at a time from column j on, their running sums kept in registers down all the rows instead of
// loaded and stored at each row; returns the first column not summed. Every element still adds its rows in order.
template <int Columns, typename Scalar>
Eigen::Index sum_columns(const Scalar* ds, Eigen::Index repeats, Eigen::Index block, Scalar* dbs, Eigen::Index j) {
  for (; j + Columns <= block; j += Columns) {
    Scalar sums[Columns];
    for (int k = 0; k < Columns; ++k) sums[k] = dbs[j + k];
    for (Eigen::Index r = 0; r < repeats; ++r) {
      const Scalar* row = ds + r * block + j;
      for (int k = 0; k < Columns; ++k) sums[k] += row[k];
    }
    for (int k = 0; k < Columns; ++k) dbs[j + k] = sums[k];
  }
  return j;
}

// db (R_b, C) += the sum, in order, of d's (R, C) rows that used each of b's rows (the backward of the above).
// Each column's sum is one chain of dependent adds (a Linear's bias in the copy task: 128 rows), so 32 columns go
// down the rows together, eight chains of four lanes in flight instead of four.
template <typename Scalar>
LAB_WIDEST_VECTORS_TEMPLATE void sum_repeated_rows(const MatrixOf<Scalar>& d, MatrixOf<Scalar>& db) {
  const Eigen::Index block = db.size();
  if (block == 0) return;  // a Linear of no outputs: nothing to sum
  const Eigen::Index repeats = d.size() / block;
  Eigen::Index j = sum_columns<32>(d.data(), repeats, block, db.data(), 0);
  j = sum_columns<8>(d.data(), repeats, block, db.data(), j);
  sum_columns<1>(d.data(), repeats, block, db.data(), j);
}

// v's gradient += a product, which `product(into, mode)` computes. A gradient nothing has reached yet gets the
// product written over it instead (Accumulate::overwrite starts each sum from +0, as adding to zeros does): the
// same bits, without zeroing it first.
template <typename Scalar, typename Product>
void add_product_to_grad(TapeOf<Scalar>& t, Var v, Product product) {
  if (MatrixOf<Scalar>* fresh = t.unwritten_grad(v)) {
    product(*fresh, Accumulate::overwrite);
  } else {
    product(t.grad(v), Accumulate::add);
  }
}

// v's gradient += share(i) for every element i (in row-major order). A gradient nothing has reached yet gets
// 0 + share(i) written over it instead (tape.hpp's unwritten_grad): the same bits, without zeroing it first.
template <typename Scalar, typename Share>
void add_to_grad(TapeOf<Scalar>& t, Var v, Share share) {
  if (MatrixOf<Scalar>* fresh = t.unwritten_grad(v)) {
    Scalar* g = fresh->data();
    for (Eigen::Index i = 0; i < fresh->size(); ++i) g[i] = Scalar(0) + share(i);
  } else {
    MatrixOf<Scalar>& grad = t.grad(v);
    Scalar* g = grad.data();
    for (Eigen::Index i = 0; i < grad.size(); ++i) g[i] += share(i);
  }
}

}  // namespace

template <typename Scalar>
Var matmul(TapeOf<Scalar>& tape, Var a, Var b) {
  MatrixOf<Scalar> out = tape.allocate(tape.value(a).rows(), tape.value(b).cols());
  nn::matmul(tape.value(a), tape.value(b), out);
  // dA += dOut Bᵀ,  dB += Aᵀ dOut
  return tape.record(std::move(out), {a, b}, [a, b](TapeOf<Scalar>& t, Var self) {
    const MatrixOf<Scalar>& d = t.grad(self);
    if (t.needs_grad(a)) {
      add_product_to_grad(t, a, [&](MatrixOf<Scalar>& da, Accumulate mode) { matmul_a_bt(d, t.value(b), da, mode); });
    }
    if (t.needs_grad(b)) {
      add_product_to_grad(t, b, [&](MatrixOf<Scalar>& db, Accumulate mode) { matmul_at_b(t.value(a), d, db, mode); });
    }
  });
}

template <typename Scalar>
Var linear(TapeOf<Scalar>& tape, Var x, Var weight, Var bias) {
  const bool has_bias = bias.id >= 0;
  MatrixOf<Scalar> out = tape.allocate(tape.value(x).rows(), tape.value(weight).rows());  // (N, out)
  if (has_bias) {
    matmul_a_bt(tape.value(x), tape.value(weight), tape.value(bias), out);  // x Wᵀ + b, the bias added in the store
  } else {
    matmul_a_bt(tape.value(x), tape.value(weight), out);  // x Wᵀ
  }
  // dX += dY W,  dW += dYᵀ X,  db += Σ_rows dY
  auto rule = [x, weight, bias, has_bias](TapeOf<Scalar>& t, Var self) {
    const MatrixOf<Scalar>& dy = t.grad(self);
    if (t.needs_grad(x)) {
      add_product_to_grad(t, x, [&](MatrixOf<Scalar>& dx, Accumulate mode) { matmul(dy, t.value(weight), dx, mode); });
    }
    if (t.needs_grad(weight)) {
      add_product_to_grad(t, weight,
                          [&](MatrixOf<Scalar>& dw, Accumulate mode) { matmul_at_b(dy, t.value(x), dw, mode); });
    }
    if (has_bias && t.needs_grad(bias)) sum_repeated_rows(dy, t.grad(bias));
  };
  return has_bias ? tape.record(std::move(out), {x, weight, bias}, rule)
                  : tape.record(std::move(out), {x, weight}, rule);
}

template <typename Scalar>
Var add(TapeOf<Scalar>& tape, Var a, Var b) {
  const MatrixOf<Scalar>& av = tape.value(a);
  const MatrixOf<Scalar>& bv = tape.value(b);
  assert(bv.cols() == av.cols() && av.rows() % bv.rows() == 0);
  MatrixOf<Scalar> out = tape.allocate(av.rows(), av.cols());
  add_repeated_rows(av, bv, out);
  // dA += dOut,  dB[r] += Σ of dOut's rows that used b's row r
  return tape.record(std::move(out), {a, b}, [a, b](TapeOf<Scalar>& t, Var self) {
    const MatrixOf<Scalar>& d = t.grad(self);
    const Scalar* ds = d.data();
    if (t.needs_grad(a)) add_to_grad(t, a, [ds](Eigen::Index i) { return ds[i]; });
    if (t.needs_grad(b)) sum_repeated_rows(d, t.grad(b));
  });
}

template <typename Scalar>
Var mul(TapeOf<Scalar>& tape, Var a, Var b) {
  MatrixOf<Scalar> out = evaluate(tape, tape.value(a).cwiseProduct(tape.value(b)));
  // dA += dOut ∘ B,  dB += dOut ∘ A
  return tape.record(std::move(out), {a, b}, [a, b](TapeOf<Scalar>& t, Var self) {
    const Scalar* d = t.grad(self).data();
    const Scalar* as = t.value(a).data();
    const Scalar* bs = t.value(b).data();
    if (t.needs_grad(a)) add_to_grad(t, a, [d, bs](Eigen::Index i) { return d[i] * bs[i]; });
    if (t.needs_grad(b)) add_to_grad(t, b, [d, as](Eigen::Index i) { return d[i] * as[i]; });
  });
}

template <typename Scalar>
Var scale(TapeOf<Scalar>& tape, Var a, Scalar factor) {
  MatrixOf<Scalar> out = evaluate(tape, tape.value(a) * factor);
  // dA += factor · dOut
  return tape.record(std::move(out), {a}, [a, factor](TapeOf<Scalar>& t, Var self) {
    const Scalar* d = t.grad(self).data();
    add_to_grad(t, a, [d, factor](Eigen::Index i) { return d[i] * factor; });
  });
}

template <typename Scalar>
Var relu(TapeOf<Scalar>& tape, Var a) {
  MatrixOf<Scalar> out = evaluate(tape, tape.value(a).cwiseMax(Scalar(0)));
  // dA += dOut where a > 0
  return tape.record(std::move(out), {a}, [a](TapeOf<Scalar>& t, Var self) {
    // Added to the gradient (zeroed first if nothing has reached it).
    const Scalar* xs = t.value(a).data();
    const Scalar* ds = t.grad(self).data();
    Scalar* das = t.grad(a).data();
    const Eigen::Index n = t.value(a).size();
    for (Eigen::Index i = 0; i < n; ++i) {
      const Scalar g = ds[i];  // read whatever the sign, so the loop is a plain select the compiler vectorises
      das[i] += xs[i] > Scalar(0) ? g : Scalar(0);
    }
  });
}

template <typename Scalar>
Var gelu(TapeOf<Scalar>& tape, Var a) {
  const Scalar inv_sqrt2 = Scalar(0.70710678118654752440), inv_sqrt_2pi = Scalar(0.39894228040143267794);
  MatrixOf<Scalar> out = evaluate(tape, tape.value(a));
  for (Eigen::Index i = 0; i < out.size(); ++i) {
    const Scalar x = out.data()[i];
    out.data()[i] = Scalar(0.5) * x * (Scalar(1) + std::erf(x * inv_sqrt2));
  }
  // dA += dOut · (Φ(x) + x φ(x))
  return tape.record(std::move(out), {a}, [a, inv_sqrt2, inv_sqrt_2pi](TapeOf<Scalar>& t, Var self) {
    const Scalar* xs = t.value(a).data();
    const Scalar* ds = t.grad(self).data();
    add_to_grad(t, a, [xs, ds, inv_sqrt2, inv_sqrt_2pi](Eigen::Index i) {
      const Scalar v = xs[i];
      const Scalar cdf = Scalar(0.5) * (Scalar(1) + std::erf(v * inv_sqrt2));
      const Scalar pdf = inv_sqrt_2pi * std::exp(Scalar(-0.5) * v * v);
      return ds[i] * (cdf + v * pdf);
    });
  });
}

template <typename Scalar>
Var tanh(TapeOf<Scalar>& tape, Var a) {
  MatrixOf<Scalar> out = evaluate(tape, tape.value(a));
  for (Eigen::Index i = 0; i < out.size(); ++i) out.data()[i] = std::tanh(out.data()[i]);
  // dA += dOut · (1 − y²)
  return tape.record(std::move(out), {a}, [a](TapeOf<Scalar>& t, Var self) {
    const Scalar* ys = t.value(self).data();
    const Scalar* ds = t.grad(self).data();
    add_to_grad(t, a, [ys, ds](Eigen::Index i) { return ds[i] * (Scalar(1) - ys[i] * ys[i]); });
  });
}

namespace {

template <typename Scalar>
Scalar sum_in_order(const MatrixOf<Scalar>& m) {  // element 0, 1, 2, ...: the same on every target
  Scalar total = 0;
  for (Eigen::Index i = 0; i < m.size(); ++i) total += m.data()[i];
  return total;
}

}  // namespace

template <typename Scalar>
Var sum(TapeOf<Scalar>& tape, Var a) {
  MatrixOf<Scalar> out = tape.allocate(1, 1);
  out(0, 0) = sum_in_order(tape.value(a));
  // dA += dOut (every element)
  return tape.record(std::move(out), {a}, [a](TapeOf<Scalar>& t, Var self) {
    const Scalar g = t.grad(self)(0, 0);
    add_to_grad(t, a, [g](Eigen::Index) { return g; });
  });
}

template <typename Scalar>
Var mean(TapeOf<Scalar>& tape, Var a) {
  const Scalar n = Scalar(tape.value(a).size());
  MatrixOf<Scalar> out = tape.allocate(1, 1);
  out(0, 0) = sum_in_order(tape.value(a)) / n;
  // dA += dOut / n
  return tape.record(std::move(out), {a}, [a, n](TapeOf<Scalar>& t, Var self) {
    const Scalar g = t.grad(self)(0, 0) / n;
    add_to_grad(t, a, [g](Eigen::Index) { return g; });
  });
}

template <typename Scalar>
Var reshape(TapeOf<Scalar>& tape, Var a, int rows, int cols) {
  const MatrixOf<Scalar>& x = tape.value(a);
  assert(Eigen::Index(rows) * cols == x.size());
  MatrixOf<Scalar> out = evaluate(tape, Eigen::Map<const MatrixOf<Scalar>>(x.data(), rows, cols));
  // dA += dOut read back in A's shape
  return tape.record(std::move(out), {a}, [a](TapeOf<Scalar>& t, Var self) {
    const Scalar* d = t.grad(self).data();  // the same elements in the same order
    add_to_grad(t, a, [d](Eigen::Index i) { return d[i]; });
  });
}

template <typename Scalar>
Var transpose(TapeOf<Scalar>& tape, Var a) {
  MatrixOf<Scalar> out = evaluate(tape, tape.value(a).transpose());
  // dA += dOutᵀ
  return tape.record(std::move(out), {a}, [a](TapeOf<Scalar>& t, Var self) { t.grad(a) += t.grad(self).transpose(); });
}

template <typename Scalar>
Var columns(TapeOf<Scalar>& tape, Var a, int first, int count) {
  MatrixOf<Scalar> out = evaluate(tape, tape.value(a).middleCols(first, count));
  // dA[:, first:first+count] += dOut
  return tape.record(std::move(out), {a}, [a, first, count](TapeOf<Scalar>& t, Var self) {
    t.grad(a).middleCols(first, count) += t.grad(self);
  });
}

template <typename Scalar>
Var embedding(TapeOf<Scalar>& tape, Var table, const std::vector<int>& tokens) {
  const MatrixOf<Scalar>& weights = tape.value(table);
  MatrixOf<Scalar> out = tape.allocate(Eigen::Index(tokens.size()), weights.cols());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    assert(tokens[i] >= 0 && tokens[i] < weights.rows());
    out.row(Eigen::Index(i)) = weights.row(tokens[i]);
  }
  // dTable[token] += dOut[i] for each position i, in order
  return tape.record(std::move(out), {table}, [table, tokens](TapeOf<Scalar>& t, Var self) {
    const MatrixOf<Scalar>& d = t.grad(self);
    MatrixOf<Scalar>& dt = t.grad(table);
    for (std::size_t i = 0; i < tokens.size(); ++i) dt.row(tokens[i]) += d.row(Eigen::Index(i));
  });
}

template <typename Scalar>
Var softmax(TapeOf<Scalar>& tape, Var a) {
  MatrixOf<Scalar> out = evaluate(tape, tape.value(a));
  softmax_rows(out, false);
  // dA += y ∘ (dy − rowsum(dy ∘ y))
  return tape.record(std::move(out), {a}, [a](TapeOf<Scalar>& t, Var self) {
    softmax_rows_backward(t.value(self), t.grad(self), t.grad(a));
  });
}

template <typename Scalar>
Var layer_norm(TapeOf<Scalar>& tape, Var x, Var gamma, Var beta, Scalar eps) {
  MatrixOf<Scalar> out = tape.allocate(tape.value(x).rows(), tape.value(x).cols());
  LayerNormSaved<Scalar> saved;
  layer_norm_forward(tape.value(x), tape.value(gamma), tape.value(beta), eps, out, saved);
  // layer_norm.hpp: dx += r (g − mean(g) − x̂ mean(g x̂)), dγ += Σ dy x̂, dβ += Σ dy
  return tape.record(std::move(out), {x, gamma, beta},
                     [x, gamma, beta, saved = std::move(saved)](TapeOf<Scalar>& t, Var self) {
                       MatrixOf<Scalar>* dx = t.needs_grad(x) ? t.unwritten_grad(x) : nullptr;
                       const bool dx_unwritten = dx != nullptr;
                       if (!dx && t.needs_grad(x)) dx = &t.grad(x);
                       layer_norm_backward(t.value(x), t.value(gamma), saved, t.grad(self), dx,
                                           t.needs_grad(gamma) ? &t.grad(gamma) : nullptr,
                                           t.needs_grad(beta) ? &t.grad(beta) : nullptr, dx_unwritten);
                     });
}

template <typename Scalar>
Var attention(TapeOf<Scalar>& tape, Var q, Var k, Var v, AttentionShape shape, AttentionMapsOf<Scalar>* maps) {
  const MatrixOf<Scalar>& qv = tape.value(q);
  const int T = shape.seq_len, Tq = shape.queries > 0 ? shape.queries : T, H = shape.n_heads, D = int(qv.cols()) / H;
  assert(Tq <= T && qv.rows() == Eigen::Index(shape.batch) * Tq && qv.cols() == Eigen::Index(H) * D);
  assert(tape.value(k).rows() == Eigen::Index(shape.batch) * T);
  const Scalar scale = std::sqrt(Scalar(D));
  MatrixOf<Scalar> out = tape.allocate(qv.rows(), qv.cols());           // (B*Tq, C)
  MatrixOf<Scalar> all_weights(Eigen::Index(shape.batch) * H * Tq, T);  // (B*H*Tq, T)
  for (int b = 0; b < shape.batch; ++b) {
    for (int h = 0; h < H; ++h) {
      attention_forward(qv.block(b * Tq, h * D, Tq, D), tape.value(k).block(b * T, h * D, T, D),
                        tape.value(v).block(b * T, h * D, T, D), scale, shape.causal,
                        all_weights.middleRows((b * H + h) * Tq, Tq), out.block(b * Tq, h * D, Tq, D));
    }
  }
  if (maps) {  // (B*H*Tq, T) row-major is (B, H, Tq, T)
    const std::array<std::size_t, 4> shape4 = {std::size_t(shape.batch), std::size_t(H), std::size_t(Tq),
                                               std::size_t(T)};
    *maps = xt::adapt(all_weights.data(), std::size_t(all_weights.size()), xt::no_ownership(), shape4);
  }
  // attention.hpp, per (sequence, head): dV += Aᵀ dO, dS = softmax′(dO Vᵀ), dQ += dS K/√D, dK += dSᵀ Q/√D
  return tape.record(
      std::move(out), {q, k, v},
      [q, k, v, shape, T, Tq, H, D, scale, saved = std::move(all_weights)](TapeOf<Scalar>& t, Var self) {
        const MatrixOf<Scalar>& d_out = t.grad(self);
        MatrixOf<Scalar> unused_q, unused_k, unused_v;  // sinks for inputs that need no gradient
        auto sink = [&](Var input, MatrixOf<Scalar>& unused) -> MatrixOf<Scalar>& {
          if (t.needs_grad(input)) return t.grad(input);
          unused.setZero(t.value(input).rows(), t.value(input).cols());
          return unused;
        };
        // Each (sequence, head) block of dq, dk, dv is reached once, so when all three are distinct gradients
        // nothing has reached yet they are written whole (overwrite: each sum starts from +0, as adding to zeros
        // does); otherwise they are added to.
        const bool write_whole = q.id != k.id && k.id != v.id && q.id != v.id && t.needs_grad(q) && t.needs_grad(k) &&
                                 t.needs_grad(v) && t.grad_unwritten(q) && t.grad_unwritten(k) && t.grad_unwritten(v);
        const Accumulate mode = write_whole ? Accumulate::overwrite : Accumulate::add;
        MatrixOf<Scalar>& dq = write_whole ? *t.unwritten_grad(q) : sink(q, unused_q);
        MatrixOf<Scalar>& dk = write_whole ? *t.unwritten_grad(k) : sink(k, unused_k);
        MatrixOf<Scalar>& dv = write_whole ? *t.unwritten_grad(v) : sink(v, unused_v);
        for (int b = 0; b < shape.batch; ++b) {
          for (int h = 0; h < H; ++h) {
            attention_backward(t.value(q).block(b * Tq, h * D, Tq, D), t.value(k).block(b * T, h * D, T, D),
                               t.value(v).block(b * T, h * D, T, D), saved.middleRows((b * H + h) * Tq, Tq),
                               d_out.block(b * Tq, h * D, Tq, D), scale, dq.block(b * Tq, h * D, Tq, D),
                               dk.block(b * T, h * D, T, D), dv.block(b * T, h * D, T, D), mode);
          }
        }
      });
}

template <typename Scalar>
Var mse_loss(TapeOf<Scalar>& tape, Var prediction, const MatrixOf<Scalar>& target) {
  const MatrixOf<Scalar>& p = tape.value(prediction);
  assert(p.rows() == target.rows() && p.cols() == target.cols());
  const Scalar n = Scalar(p.size());
  Scalar total = 0;
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    const Scalar e = p.data()[i] - target.data()[i];
    total += e * e;
  }
  MatrixOf<Scalar> out = tape.allocate(1, 1);
  out(0, 0) = total / n;
  // dP += dLoss · 2 (p − target) / n
  return tape.record(std::move(out), {prediction}, [prediction, target, n](TapeOf<Scalar>& t, Var self) {
    const Scalar factor = Scalar(2) * t.grad(self)(0, 0) / n;
    const Scalar* predicted = t.value(prediction).data();
    const Scalar* wanted = target.data();
    add_to_grad(t, prediction,
                [factor, predicted, wanted](Eigen::Index i) { return factor * (predicted[i] - wanted[i]); });
  });
}

template <typename Scalar>
Var cross_entropy(TapeOf<Scalar>& tape, Var logits, const std::vector<int>& targets,
                  const std::vector<Scalar>& class_weights) {
  assert(Eigen::Index(targets.size()) == tape.value(logits).rows());
  assert(std::all_of(targets.begin(), targets.end(),
                     [&](int y) { return y >= 0 && Eigen::Index(y) < tape.value(logits).cols(); }));
  MatrixOf<Scalar> probabilities;
  MatrixOf<Scalar> out = tape.allocate(1, 1);
  out(0, 0) = cross_entropy_forward(tape.value(logits), targets, class_weights, probabilities);
  // cross_entropy.hpp: dz[i] += dLoss · wᵢ/Σw · (p[i] − onehot(yᵢ))
  return tape.record(std::move(out), {logits},
                     [logits, targets, class_weights, p = std::move(probabilities)](TapeOf<Scalar>& t, Var self) {
                       const Scalar d_loss = t.grad(self)(0, 0);
                       if (MatrixOf<Scalar>* fresh = t.unwritten_grad(logits)) {
                         cross_entropy_backward(p, targets, class_weights, d_loss, *fresh, /*d_logits_unwritten=*/true);
                       } else {
                         cross_entropy_backward(p, targets, class_weights, d_loss, t.grad(logits));
                       }
                     });
}

// The two scalar types the lab compiles the ops for.
#define LAB_INSTANTIATE_OPS(S)                                                               \
  template Var matmul<S>(TapeOf<S>&, Var, Var);                                              \
  template Var linear<S>(TapeOf<S>&, Var, Var, Var);                                         \
  template Var add<S>(TapeOf<S>&, Var, Var);                                                 \
  template Var mul<S>(TapeOf<S>&, Var, Var);                                                 \
  template Var scale<S>(TapeOf<S>&, Var, S);                                                 \
  template Var relu<S>(TapeOf<S>&, Var);                                                     \
  template Var gelu<S>(TapeOf<S>&, Var);                                                     \
  template Var tanh<S>(TapeOf<S>&, Var);                                                     \
  template Var sum<S>(TapeOf<S>&, Var);                                                      \
  template Var mean<S>(TapeOf<S>&, Var);                                                     \
  template Var reshape<S>(TapeOf<S>&, Var, int, int);                                        \
  template Var transpose<S>(TapeOf<S>&, Var);                                                \
  template Var columns<S>(TapeOf<S>&, Var, int, int);                                        \
  template Var embedding<S>(TapeOf<S>&, Var, const std::vector<int>&);                       \
  template Var softmax<S>(TapeOf<S>&, Var);                                                  \
  template Var layer_norm<S>(TapeOf<S>&, Var, Var, Var, S);                                  \
  template Var attention<S>(TapeOf<S>&, Var, Var, Var, AttentionShape, AttentionMapsOf<S>*); \
  template Var mse_loss<S>(TapeOf<S>&, Var, const MatrixOf<S>&);                             \
  template Var cross_entropy<S>(TapeOf<S>&, Var, const std::vector<int>&, const std::vector<S>&);

LAB_INSTANTIATE_OPS(float)
LAB_INSTANTIATE_OPS(double)

}  // namespace lab::nn
