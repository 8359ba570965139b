// 01.2 Single-head vs multi-head attention on the same random input: both map (B, T, C) to (B, T, C); the
// multi-head layer splits the width into H heads of width C/H, each with its own attention map.
//   data    x ~ N(0, 1), (B*T, C), then the weights of both layers, from one seeded generator
//   model   one head over the full width (W_q, W_k, W_v, scale √C) and nn::MultiHeadAttention (scale √D, W_o)
//   report  sequence 0's maps, each head's mean row entropy against log T (uniform attention), the shapes
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <xtensor/xview.hpp>

#include "core/array_json.hpp"
#include "core/charts.hpp"
#include "core/exercise.hpp"
#include "core/exercises/attention_params.hpp"
#include "core/exercises/seed.hpp"
#include "core/nn/ops.hpp"
#include "core/nn/transformer.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

using nn::AttentionMaps;
using nn::Matrix;

// Mean entropy (nats) of the rows of one (T, T) map: log T for uniform rows, 0 for one-hot rows.
template <typename Map>
double mean_row_entropy(const Map& map) {
  const std::size_t rows = map.shape()[0], cols = map.shape()[1];
  double total = 0.0;
  for (std::size_t i = 0; i < rows; ++i) {
    for (std::size_t j = 0; j < cols; ++j) {
      const double a = map(i, j);
      if (a > 0.0) total -= a * std::log(a);
    }
  }
  return total / static_cast<double>(rows);
}

struct Outputs {
  int single_width = 0, multi_width = 0;  // C of each layer's output
  AttentionMaps single, heads;            // (B, 1, T, T) and (B, H, T, T)
};

Outputs run_both_layers(int batch, int seq_len, int d_model, int n_heads, NumpyRandom& rng) {
  const Matrix x = nn::randn_matrix(batch * seq_len, d_model, rng);  // (B*T, C)
  // Single head: W_q, W_k, W_v over the full width, one head of width C, scale √C.
  nn::Linear s_q("W_q", d_model, d_model, rng), s_k("W_k", d_model, d_model, rng), s_v("W_v", d_model, d_model, rng);
  // Multi-head: the same projections split into H heads of width D = C / H, scale √D, then W_o.
  nn::MultiHeadAttention multi_head("", d_model, n_heads, rng);

  nn::Tape tape(/*gradients=*/false);
  const nn::Var input = tape.constant(x);
  Outputs out;
  out.single_width = int(tape.value(nn::attention(tape, s_q.forward(tape, input), s_k.forward(tape, input),
                                                  s_v.forward(tape, input), {batch, seq_len, 1, false}, &out.single))
                             .cols());
  out.multi_width = int(tape.value(multi_head.forward(tape, input, batch, seq_len, &out.heads)).cols());
  return out;
}

Result report(const Outputs& out, int batch, int seq_len, int d_model, int n_heads) {
  Result result;
  const auto single_map = xt::view(out.single, 0, 0);          // (T, T) of sequence 0
  const xt::xtensor<float, 3> heads = xt::view(out.heads, 0);  // (H, T, T) of sequence 0
  std::vector<double> head_entropy;
  for (int h = 0; h < n_heads; ++h) head_entropy.push_back(mean_row_entropy(xt::view(heads, h)));

  result.data["output_shape"] = {batch, seq_len, out.single_width};
  result.data["multi_head_output_shape"] = {batch, seq_len, out.multi_width};
  result.data["attention_shape"] = {batch, n_heads, seq_len, seq_len};
  result.data["attn_single"] = tensor_to_json(xt::xtensor<float, 2>(single_map));
  result.data["attn_heads"] = tensor_to_json(heads);
  result.data["head_entropy"] = to_json(head_entropy);
  const double single_entropy = mean_row_entropy(single_map), uniform = std::log(static_cast<double>(seq_len));
  result.metrics["single_head_entropy"] = single_entropy;
  result.metrics["uniform_entropy"] = uniform;
  const auto [lowest, highest] = std::minmax_element(head_entropy.begin(), head_entropy.end());
  result.insight = format(
      "Both layers map (B, T, C) to (B, T, C), but multi-head attention gives each of its %d heads its own "
      "attention map over a %d-wide slice. These weights are untrained, so the heads differ only by chance: "
      "their mean row entropies run from %.3f to %.3f nats (the single head's: %.3f), against log T = %.3f for "
      "uniform attention over %d tokens. Training is what makes heads specialise.",
      n_heads, d_model / n_heads, *lowest, *highest, single_entropy, uniform, seq_len);

  const json labels = index_labels(seq_len);
  json single_chart =
      heatmap_chart("Single-Head", result.data["attn_single"], "Key position", "Query position", Colormap::sequential);
  set_ticks(single_chart, labels, labels);
  result.add_chart("single_head", std::move(single_chart));
  for (int h = 0; h < n_heads; ++h) {
    json head_chart = heatmap_chart("Head " + std::to_string(h + 1), result.data["attn_heads"][h], "Key position",
                                    "Query position", Colormap::sequential);
    set_ticks(head_chart, labels, labels);
    result.add_chart("head_" + std::to_string(h + 1), std::move(head_chart));
  }

  auto share_of_uniform = [&](double entropy) { return uniform > 0.0 ? json(entropy / uniform) : json(nullptr); };
  json entropy_labels = json::array({"single head"}), entropy_values = json::array({single_entropy}),
       entropy_rows =
           json::array({json::array({"single head", d_model, single_entropy, share_of_uniform(single_entropy)})});
  for (int h = 0; h < n_heads; ++h) {
    entropy_labels.push_back("Head " + std::to_string(h + 1));
    entropy_values.push_back(head_entropy[std::size_t(h)]);
    entropy_rows.push_back({"Head " + std::to_string(h + 1), d_model / n_heads, head_entropy[std::size_t(h)],
                            share_of_uniform(head_entropy[std::size_t(h)])});
  }
  const json uniform_values(std::vector<double>(std::size_t(n_heads) + 1, uniform));  // the ceiling, beside each
  json entropy_chart =
      bar_chart("Mean attention entropy of each head (sequence 0)", "Head", "entropy (nats)", std::move(entropy_labels),
                {{"mean row entropy", std::move(entropy_values)}, {"log T (uniform)", uniform_values}});
  set_note(entropy_chart,
           format("log T = %.3f nats is uniform attention over all %d tokens; 0 would be each query attending to "
                  "a single key.",
                  uniform, seq_len));
  result.add_chart("head_entropy", std::move(entropy_chart));
  result.add_table(format("Mean row entropy of each head against log T = %.3f (uniform)", uniform),
                   {"Head", "width", "mean row entropy (nats)", "share of log T"}, std::move(entropy_rows));

  const std::string shape = format("(%d, %d, %d)", batch, seq_len, d_model);
  result.print("Single-head output shape: " + shape);
  result.print("Multi-head output shape:  " + shape);
  result.print(format("MHA attention shape:      (%d, %d, %d, %d)", batch, n_heads, seq_len, seq_len));
  return result;
}

Result run_single_vs_multi_head(const Params& params, const RunContext& context) {
  const int seq_len = params.count("seq_len"), d_model = params.count("d_model");
  const int n_heads = params.count("n_heads"), batch = params.count("batch");
  require_heads_divide(d_model, n_heads);
  NumpyRandom rng = seeded_random(params);
  const Outputs out = run_both_layers(batch, seq_len, d_model, n_heads, rng);
  context.progress(1, 2, "writing the maps");  // H + 1 maps of T × T numbers
  return report(out, batch, seq_len, d_model, n_heads);
}

}  // namespace

Exercise single_vs_multi_head_exercise() {
  return {"01.2",
          {size_param("seq_len", 10, 1, 256, "tokens per sequence; capped at 256"), width_param(64, 512),
           size_param("n_heads", 4, 1, 16, "attention heads H; capped at 16"),
           size_param("batch", 2, 1, 8, "sequences in the batch; maps are shown for the first; capped at 8"),
           seed_param(42, "seed of the inputs and weights")},
          run_single_vs_multi_head};
}

}  // namespace lab::exercises
