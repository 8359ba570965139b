// Sinusoidal positional encoding (Vaswani et al. 2017), computed in float32 the way PyTorch does:
//   w_i = exp(2i · (−ln 10000 / C)),  PE[t, 2i] = sin(t · w_i),  PE[t, 2i+1] = cos(t · w_i)
// Each position gets a unique pattern of phases; PE[a]·PE[b] depends only on |a − b|. C must be even.
#pragma once

#include "core/nn/matrix.hpp"

namespace lab::nn {

Matrix positional_encoding(int seq_len, int d_model);  // (T, C)

}  // namespace lab::nn
