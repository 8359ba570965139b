// Every differentiable operation of the lab: each call computes its forward value now and records one tape node
// whose backward rule (in ops.cpp, right beside the forward) adds the gradient to its inputs later. The fused ops
// (layer norm, attention, softmax + cross-entropy) are single nodes whose math lives in their own kernel files.
// All matrices are 2-D: a batch of B sequences of T tokens is flattened to rows, (B*T, C). Shapes in comments use
// B batch, T tokens, C width, H heads, D = C/H head width, V vocabulary, N rows.
// An optional input (a Linear without bias) is Var{}.
#pragma once

#include <vector>

#include "core/nn/attention_maps.hpp"
#include "core/nn/tape.hpp"

namespace lab::nn {

template <typename Scalar>
Var matmul(TapeOf<Scalar>& tape, Var a, Var b);  // (M, K) · (K, N) → (M, N)
// x (N, in) · weightᵀ (in, out) + bias (1, out) → (N, out): PyTorch's F.linear; bias may be Var{}.
template <typename Scalar>
Var linear(TapeOf<Scalar>& tape, Var x, Var weight, Var bias);
// a (R, C) + b (R_b, C) where R_b divides R: b's rows repeat down a, so a (1, C) bias adds to every row and a
// (T, C) positional table adds to every sequence of a (B*T, C) batch.
template <typename Scalar>
Var add(TapeOf<Scalar>& tape, Var a, Var b);
template <typename Scalar>
Var mul(TapeOf<Scalar>& tape, Var a, Var b);  // elementwise, same shapes
template <typename Scalar>
Var scale(TapeOf<Scalar>& tape, Var a, Scalar factor);
template <typename Scalar>
Var relu(TapeOf<Scalar>& tape, Var a);
template <typename Scalar>
Var gelu(TapeOf<Scalar>& tape, Var a);  // exact: x Φ(x), PyTorch's default
template <typename Scalar>
Var tanh(TapeOf<Scalar>& tape, Var a);
template <typename Scalar>
Var sum(TapeOf<Scalar>& tape, Var a);  // → (1, 1)
template <typename Scalar>
Var mean(TapeOf<Scalar>& tape, Var a);  // → (1, 1)
template <typename Scalar>
Var reshape(TapeOf<Scalar>& tape, Var a, int rows, int cols);  // row-major order kept
template <typename Scalar>
Var transpose(TapeOf<Scalar>& tape, Var a);
template <typename Scalar>
Var columns(TapeOf<Scalar>& tape, Var a, int first, int count);  // PyTorch's chunk/slice
// table (V, C), tokens N indices → (N, C)
template <typename Scalar>
Var embedding(TapeOf<Scalar>& tape, Var table, const std::vector<int>& tokens);
template <typename Scalar>
Var softmax(TapeOf<Scalar>& tape, Var a);  // over each row
// x (N, C), γ and β (1, C) → (N, C)
template <typename Scalar>
Var layer_norm(TapeOf<Scalar>& tape, Var x, Var gamma, Var beta, Scalar eps = Scalar(1e-5));

struct AttentionShape {
  int batch = 1, seq_len = 1, n_heads = 1;
  bool causal = false;
  int queries = 0;  // Tq: q holds the first Tq tokens of each sequence (0: all T of them)
};
// q (B*Tq, C), k and v (B*T, C) → (B*Tq, C). The multi-head split (B, T, C) → (B, H, T, D) is a view, not a copy:
// head h of sequence b is the (T, D) block of k and v at rows b*T, columns h*D (D = C/H), and of q the (Tq, D)
// block at rows b*Tq; each head attends within its own sequence with scale √D (with `causal`, query i sees keys
// 0..i, which is why q must hold each sequence's *first* Tq tokens); writing each head's output into its block is
// the merge back to (B, Tq, C).
// If `maps` is given it receives every head's attention map, (B, H, Tq, T) (attention_maps.hpp).
template <typename Scalar>
Var attention(TapeOf<Scalar>& tape, Var q, Var k, Var v, AttentionShape shape, AttentionMapsOf<Scalar>* maps = nullptr);

// mean((prediction − target)²) → (1, 1); prediction and target the same shape
template <typename Scalar>
Var mse_loss(TapeOf<Scalar>& tape, Var prediction, const MatrixOf<Scalar>& target);
// logits (N, V), targets N classes → (1, 1); class_weights empty or V numbers (cross_entropy.hpp)
template <typename Scalar>
Var cross_entropy(TapeOf<Scalar>& tape, Var logits, const std::vector<int>& targets,
                  const std::vector<Scalar>& class_weights = {});

}  // namespace lab::nn
