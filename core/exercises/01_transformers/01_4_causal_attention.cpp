// 01.4 Causal self-attention: scores above the diagonal are −∞ before the softmax, so token i attends only to
// tokens 0..i and every attention map is lower-triangular, with rows that still sum to 1.
//   data    one random sequence x ~ N(0, 1), (T, C)
//   model   nn::CausalSelfAttention: one W_qkv (C → 3C) chunked into Q | K | V, then W_o
//   report  every head's map, the largest weight above any diagonal, and whether every row sums to 1
#include <algorithm>
#include <cmath>
#include <string>

#include <xtensor/xview.hpp>

#include "core/array_json.hpp"
#include "core/charts.hpp"
#include "core/exercise.hpp"
#include "core/exercises/attention_params.hpp"
#include "core/exercises/seed.hpp"
#include "core/float_format.hpp"
#include "core/nn/transformer.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

using nn::Matrix;

struct CausalCheck {
  float max_upper = 0.0f;      // the largest weight any query gives a later key (0 when the mask works)
  double max_row_error = 0.0;  // max |Σⱼ A[i, j] − 1| over every row of every head
};

CausalCheck check_maps(const xt::xtensor<float, 3>& maps) {  // (H, T, T)
  CausalCheck check;
  const std::size_t heads = maps.shape()[0], seq_len = maps.shape()[1];
  for (std::size_t h = 0; h < heads; ++h) {
    for (std::size_t i = 0; i < seq_len; ++i) {
      double row_sum = 0.0;
      for (std::size_t j = 0; j < seq_len; ++j) {
        row_sum += maps(h, i, j);
        if (j > i) check.max_upper = std::max(check.max_upper, maps(h, i, j));
      }
      check.max_row_error = std::max(check.max_row_error, std::fabs(row_sum - 1.0));
    }
  }
  return check;
}

Result report(const xt::xtensor<float, 3>& maps, int output_width) {
  Result result;
  const int n_heads = int(maps.shape()[0]), seq_len = int(maps.shape()[1]);
  const CausalCheck check = check_maps(maps);
  result.data["attn"] = tensor_to_json(maps);
  result.data["output_shape"] = {1, seq_len, output_width};
  result.metrics["max_upper_triangle"] = number(check.max_upper);
  result.metrics["rows_sum_to_one"] = check.max_row_error < 1e-5;
  result.metrics["max_row_sum_error"] = check.max_row_error;

  const json labels = index_labels(seq_len);
  for (int h = 0; h < n_heads; ++h) {
    const bool zero = check.max_upper == 0.0f;
    json map = heatmap_chart(h == 0 && zero ? "Causal Attention (Head 0) — upper triangle is zero"
                                            : "Causal Attention (Head " + std::to_string(h) + ")",
                             result.data["attn"][h], "Key position", "Query position", Colormap::sequential);
    set_ticks(map, labels, labels);
    result.add_chart("head_" + std::to_string(h), std::move(map));
  }
  result.print("Max upper-triangle value: " + python_float(check.max_upper));
  result.insight = format(
      "Scores above the diagonal are set to −∞ before the softmax, so every weight a token would give to a later "
      "token is exactly 0 and each row still sums to 1: position i sees only positions 0..i. Measured over all %d "
      "heads of %d tokens: the largest weight above a diagonal is %s, and no row's sum is further than %.1e from 1.",
      n_heads, seq_len, python_float(check.max_upper).c_str(), check.max_row_error);
  return result;
}

Result run_causal_attention(const Params& params, const RunContext& context) {
  const int seq_len = params.count("seq_len"), d_model = params.count("d_model"), n_heads = params.count("n_heads");
  require_heads_divide(d_model, n_heads);

  NumpyRandom rng = seeded_random(params);
  nn::CausalSelfAttention layer("", d_model, n_heads, rng);
  const Matrix x = nn::randn_matrix(seq_len, d_model, rng);  // (T, C), batch 1
  nn::Tape tape(/*gradients=*/false);
  nn::AttentionMaps maps;                                                                   // (1, H, T, T)
  const Matrix out = tape.value(layer.forward(tape, tape.constant(x), 1, seq_len, &maps));  // (T, C)

  context.progress(1, 2, "checking and writing the maps");
  return report(xt::view(maps, 0), int(out.cols()));
}

}  // namespace

Exercise causal_attention_exercise() {
  return {"01.4",
          {size_param("seq_len", 6, 1, 256, "tokens; capped at 256"), width_param(64, 512), heads_param(4, 16),
           seed_param(0, "seed of the input and weights (the notebook does not reseed here)")},
          run_causal_attention};
}

}  // namespace lab::exercises
