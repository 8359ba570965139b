// The parameters of the exercises that build attention layers (01.2-01.5, 05.4): the model width C and the head
// count H, and the rule that ties them: each head is C / H wide, so H must divide C.
#pragma once

#include "core/params.hpp"

namespace lab::exercises {

ParamSpec width_param(long long default_value, long long cap);  // "d_model", a multiple of n_heads
ParamSpec heads_param(long long default_value, long long cap);  // "n_heads"

// bad_param on n_heads when C % H != 0: "d_model must be divisible by n_heads (64 % 6 != 0)".
void require_heads_divide(int d_model, int n_heads);

}  // namespace lab::exercises
