// Layer normalisation of each row, forward and backward (PyTorch's nn.LayerNorm(C): biased variance, eps 1e-5):
//   μ = mean(x),  σ² = mean((x − μ)²),  r = 1 / √(σ² + eps),  x̂ = (x − μ) r,  y = x̂ ∘ γ + β
// Backward (as llm.c's layernorm_backward), with g = dy ∘ γ:
//   dx += r (g − mean(g) − x̂ ∘ mean(g ∘ x̂)),  dγ += Σ_rows dy ∘ x̂,  dβ += Σ_rows dy
// Shapes: x, y, dy, dx (N, C); γ, β (1, C); the saved statistics μ, r (N, 1).
#pragma once

#include "core/nn/matrix.hpp"

namespace lab::nn {

template <typename Scalar>
struct LayerNormSaved {
  MatrixOf<Scalar> mean;  // (N, 1)
  MatrixOf<Scalar> rstd;  // (N, 1): 1 / √(σ² + eps)
};

template <typename Scalar>
void layer_norm_forward(const MatrixOf<Scalar>& x, const MatrixOf<Scalar>& gamma, const MatrixOf<Scalar>& beta,
                        Scalar eps, MatrixOf<Scalar>& y, LayerNormSaved<Scalar>& saved);

// Adds to dx, d_gamma and d_beta; a null pointer skips that gradient. With `dx_unwritten`, dx holds nothing yet
// (the tape's unwritten_grad): it gets 0 + its gradient written, the same bits as adding to zeros.
template <typename Scalar>
void layer_norm_backward(const MatrixOf<Scalar>& x, const MatrixOf<Scalar>& gamma, const LayerNormSaved<Scalar>& saved,
                         const MatrixOf<Scalar>& dy, MatrixOf<Scalar>* dx, MatrixOf<Scalar>* d_gamma,
                         MatrixOf<Scalar>* d_beta, bool dx_unwritten = false);

}  // namespace lab::nn
