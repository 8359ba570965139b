#include "core/exercises/attention_params.hpp"

#include <string>

#include "core/error.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

ParamSpec width_param(long long default_value, long long cap) {
  return size_param("d_model", default_value, 1, cap,
                    "model width C; must be divisible by n_heads; capped at " + std::to_string(cap));
}

ParamSpec heads_param(long long default_value, long long cap) {
  return size_param("n_heads", default_value, 1, cap, "attention heads; capped at " + std::to_string(cap));
}

void require_heads_divide(int d_model, int n_heads) {
  if (d_model % n_heads != 0) {
    fail_param("n_heads", format("d_model must be divisible by n_heads (%d %% %d != 0)", d_model, n_heads));
  }
}

}  // namespace lab::exercises
