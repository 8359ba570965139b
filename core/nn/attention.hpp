// Scaled dot-product attention for one head, forward and backward: the kernel every attention layer of the lab
// calls (heads, batches and the Q/K/V projections are the callers' business: they pass blocks of larger matrices).
//   S = Q Kᵀ / scale   (Tq, T)    scores; with `causal`, S[i, j] = −∞ for j > i (token i cannot see the future)
//   A = softmax_rows(S)            weights; masked entries are exact zeros, each row sums to 1
//   O = A V            (Tq, D)    output
// Q holds the queries of the first Tq ≤ T tokens (usually all T; a classifier reading only [CLS] needs one).
// Backward, given dO:
//   dV += Aᵀ dO,  dA = dO Vᵀ,  dS = A ∘ (dA − rowsum(dA ∘ A)),  dQ += dS K / scale,  dK += dSᵀ Q / scale
// Every sum runs in a fixed order (matmul.hpp) and exp is std::exp per element, so all targets agree.
#pragma once

#include <vector>

#include "core/nn/matmul.hpp"
#include "core/nn/matrix.hpp"

namespace lab::nn {

// Softmax of each row in place, over its first `valid(i)` entries only; the rest become exact zeros.
// With causal = false every entry is valid; with causal = true row i keeps entries 0..i. Computed as
// exp(sⱼ − max) / Σ exp(sₖ − max), so large scores cannot overflow; `log_normalizers`, if given, receives each
// row's log Σ exp(sₖ) = max + log Σ exp(sₖ − max) (cross-entropy's −log p[y] is that minus s_y).
void softmax_rows(RefOf<float> scores, bool causal, std::vector<float>* log_normalizers = nullptr);
void softmax_rows(RefOf<double> scores, bool causal, std::vector<double>* log_normalizers = nullptr);

// y = softmax_rows(x): dx += y ∘ (dy − rowsum(dy ∘ y)).  (T, N) each.
void softmax_rows_backward(const ConstRefOf<float>& y, const ConstRefOf<float>& dy, RefOf<float> dx);
void softmax_rows_backward(const ConstRefOf<double>& y, const ConstRefOf<double>& dy, RefOf<double> dx);

// q (Tq, D), k and v (T, D) → weights (Tq, T), out (Tq, D). `scale` divides the scores (√D in the notebook).
void attention_forward(const ConstRefOf<float>& q, const ConstRefOf<float>& k, const ConstRefOf<float>& v, float scale,
                       bool causal, RefOf<float> weights, RefOf<float> out);
void attention_forward(const ConstRefOf<double>& q, const ConstRefOf<double>& k, const ConstRefOf<double>& v,
                       double scale, bool causal, RefOf<double> weights, RefOf<double> out);

// Adds this head's gradients to d_q (Tq, D), d_k and d_v (T, D), given the forward's weights (Tq, T) and d_out (Tq, D);
// with Accumulate::overwrite it writes them instead (each sum from +0: the same bits as adding to zeros).
void attention_backward(const ConstRefOf<float>& q, const ConstRefOf<float>& k, const ConstRefOf<float>& v,
                        const ConstRefOf<float>& weights, const ConstRefOf<float>& d_out, float scale, RefOf<float> d_q,
                        RefOf<float> d_k, RefOf<float> d_v, Accumulate mode = Accumulate::add);
void attention_backward(const ConstRefOf<double>& q, const ConstRefOf<double>& k, const ConstRefOf<double>& v,
                        const ConstRefOf<double>& weights, const ConstRefOf<double>& d_out, double scale,
                        RefOf<double> d_q, RefOf<double> d_k, RefOf<double> d_v, Accumulate mode = Accumulate::add);

}  // namespace lab::nn
