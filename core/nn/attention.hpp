// Scaled dot-product attention for one head, the kernel every attention layer of the lab calls:
//   S = Q Kᵀ / √d   (T, T)       scores; with `causal`, S[i, j] = −∞ for j > i (token i cannot see the future)
//   A = softmax_rows(S)           weights; masked entries are exact zeros, each row sums to 1
//   O = A V         (T, D)        output
// Heads, batches and the Q/K/V projections are the callers' business (they pass blocks of larger matrices).
#pragma once

#include "core/nn/matrix.hpp"

namespace lab::nn {

// Softmax of each row in place, over its first `valid(i)` entries only; the rest become exact zeros.
// With causal = false every entry is valid; with causal = true row i keeps entries 0..i.
void softmax_rows(MatrixRef scores, bool causal);

// q, k, v: (T, D) → weights (T, T), out (T, D). `scale` divides the scores (√d in the notebook).
void attention_forward(ConstMatrixRef q, ConstMatrixRef k, ConstMatrixRef v, float scale, bool causal,
                       MatrixRef weights, MatrixRef out);

}  // namespace lab::nn
