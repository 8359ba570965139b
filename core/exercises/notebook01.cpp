// Notebook 01, transformers from scratch: positional encoding, single- vs multi-head attention, gradient norms
// through two blocks, causal attention, and a mini transformer trained on the copy task.
// Each exercise is a function `params -> Result` between `// == id` markers (the page shows that span as its
// code), then the table at the bottom lists the five with their parameters and texts.
#include <cmath>
#include <string>
#include <vector>

#include <xtensor/xtensor.hpp>

#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercises/notebooks.hpp"
#include "core/json_numbers.hpp"
#include "core/nn/attention.hpp"
#include "core/nn/linear.hpp"
#include "core/nn/positional_encoding.hpp"
#include "core/random/numpy_random.hpp"

namespace lab::exercises {

namespace {

using nn::Matrix;

json index_labels(int n) {
  json labels = json::array();
  for (int i = 0; i < n; ++i) labels.push_back(std::to_string(i));
  return labels;
}

void require_heads_divide(int d_model, int n_heads) {
  if (d_model % n_heads != 0) {
    fail_param("n_heads", format("d_model must be divisible by n_heads (%d %% %d != 0)", d_model, n_heads));
  }
}

// Mean entropy (nats) of the rows of an attention matrix: log T for uniform rows, 0 for one-hot rows.
double mean_row_entropy(const Matrix& weights) {
  double total = 0.0;
  for (Eigen::Index i = 0; i < weights.rows(); ++i) {
    for (Eigen::Index j = 0; j < weights.cols(); ++j) {
      const double a = weights(i, j);
      if (a > 0.0) total -= a * std::log(a);
    }
  }
  return total / static_cast<double>(weights.rows());
}

// == 01.1
Result run_positional_encoding(const Params& params, const RunContext&) {
  const int seq_len = params.count("seq_len");
  const int d_model = params.count("d_model");
  if (d_model % 2 != 0) {
    fail_param("d_model", format("d_model must be even: each frequency fills a sine and a cosine column (got %d)",
                                 d_model));
  }
  const Matrix pe = nn::positional_encoding(seq_len, d_model);  // (T, C)
  Matrix similarity(seq_len, seq_len);                          // (T, T) = PE PEᵀ
  similarity.noalias() = pe * pe.transpose();

  Result result;
  result.metrics["self_similarity"] = number(similarity(0, 0));
  result.metrics["sim_0_10"] = seq_len > 10 ? number(similarity(0, 10)) : json(nullptr);
  result.data["pe"] = matrix_to_json(pe);
  result.data["similarity"] = matrix_to_json(similarity);
  result.data["similarity_to_position_0"] = matrix_to_json(similarity.row(0));

  json pe_map = heatmap_chart("Positional Encoding Matrix (seq x d_model)", result.data["pe"], "Dimension",
                              "Position", Colormap::diverging);
  result.add_chart(std::move(pe_map));
  result.add_chart(heatmap_chart("PE Similarity Matrix (position vs position)", result.data["similarity"],
                                 "Position", "Position", Colormap::sequential));
  json row = line_chart("Similarity of position 0 to every position", "Position", "PE[0] · PE[t]",
                        index_labels(seq_len), {{"PE[0] · PE[t]", result.data["similarity_to_position_0"][0]}});
  set_note(row, "PE[a]·PE[b] = Σᵢ cos((a−b)·wᵢ): it depends only on the distance and falls from C/2 at distance 0, "
                "though not monotonically.");
  result.add_chart(std::move(row));

  result.print("Diagonal (self-similarity): " + python_float(similarity(0, 0)));
  if (seq_len > 10) {
    result.print("Off-diagonal (pos 0 vs 10): " + python_float(similarity(0, 10)));
  } else {
    result.print("Off-diagonal (pos 0 vs 10): not defined, seq_len <= 10");
  }
  result.insight =
      "Sine on even dimensions and cosine on odd ones give every position a unique fingerprint; the dot product "
      "PE[a]·PE[b] depends only on the distance |a−b|, so nearby positions look alike and relative offsets are "
      "learnable.";
  return result;
}

// == 01.2
Result run_single_vs_multi_head(const Params& params, const RunContext&) {
  const int seq_len = params.count("seq_len");
  const int d_model = params.count("d_model");
  const int n_heads = params.count("n_heads");
  const int batch = params.count("batch");
  require_heads_divide(d_model, n_heads);
  const int d_head = d_model / n_heads;

  NumpyRandom rng(static_cast<std::uint32_t>(params.integer("seed")));
  const Matrix x = nn::randn_matrix(batch * seq_len, d_model, rng);  // (B*T, C)
  // Single head: W_q, W_k, W_v over the full width, scale √C.
  const nn::LinearWeights s_q = nn::init_linear(d_model, d_model, rng);
  const nn::LinearWeights s_k = nn::init_linear(d_model, d_model, rng);
  const nn::LinearWeights s_v = nn::init_linear(d_model, d_model, rng);
  // Multi-head: the same projections split into H heads of width D = C / H, scale √D, then W_o.
  const nn::LinearWeights m_q = nn::init_linear(d_model, d_model, rng);
  const nn::LinearWeights m_k = nn::init_linear(d_model, d_model, rng);
  const nn::LinearWeights m_v = nn::init_linear(d_model, d_model, rng);
  const nn::LinearWeights m_o = nn::init_linear(d_model, d_model, rng);

  const Matrix sq = nn::linear_forward(x, s_q), sk = nn::linear_forward(x, s_k), sv = nn::linear_forward(x, s_v);
  const Matrix mq = nn::linear_forward(x, m_q), mk = nn::linear_forward(x, m_k), mv = nn::linear_forward(x, m_v);
  Matrix single_out(batch * seq_len, d_model);  // (B*T, C)
  Matrix heads_out(batch * seq_len, d_model);   // (B*T, C): heads side by side before W_o
  Matrix weights(seq_len, seq_len);             // (T, T)
  Matrix attn_single;                           // (T, T) of batch 0
  xt::xtensor<float, 3> attn_heads({std::size_t(n_heads), std::size_t(seq_len), std::size_t(seq_len)});  // (H, T, T)
  std::vector<double> head_entropy(n_heads, 0.0);
  const float single_scale = std::sqrt(static_cast<float>(d_model));
  const float head_scale = std::sqrt(static_cast<float>(d_head));
  for (int b = 0; b < batch; ++b) {
    const int t0 = b * seq_len;
    nn::attention_forward(sq.middleRows(t0, seq_len), sk.middleRows(t0, seq_len), sv.middleRows(t0, seq_len),
                          single_scale, false, weights, single_out.middleRows(t0, seq_len));
    if (b == 0) attn_single = weights;
    for (int h = 0; h < n_heads; ++h) {
      nn::attention_forward(mq.block(t0, h * d_head, seq_len, d_head), mk.block(t0, h * d_head, seq_len, d_head),
                            mv.block(t0, h * d_head, seq_len, d_head), head_scale, false, weights,
                            heads_out.block(t0, h * d_head, seq_len, d_head));
      if (b == 0) {
        std::copy(weights.data(), weights.data() + weights.size(), &attn_heads(h, 0, 0));
        head_entropy[h] = mean_row_entropy(weights);
      }
    }
  }
  const Matrix multi_out = nn::linear_forward(heads_out, m_o);  // (B*T, C)

  Result result;
  const json output_shape = {batch, seq_len, d_model};
  result.data["output_shape"] = output_shape;
  result.data["multi_head_output_shape"] = {batch, seq_len, static_cast<int>(multi_out.cols())};
  result.data["attention_shape"] = {batch, n_heads, seq_len, seq_len};
  result.data["attn_single"] = matrix_to_json(attn_single);
  result.data["attn_heads"] = tensor_to_json(attn_heads);
  result.data["head_entropy"] = to_json(head_entropy);
  result.metrics["single_head_entropy"] = mean_row_entropy(attn_single);
  result.metrics["uniform_entropy"] = std::log(static_cast<double>(seq_len));

  json labels = index_labels(seq_len);
  json single_map = heatmap_chart("Single-Head", result.data["attn_single"], "Key position", "Query position",
                                  Colormap::sequential);
  set_ticks(single_map, labels, labels);
  result.add_chart(std::move(single_map));
  for (int h = 0; h < n_heads; ++h) {
    json head_map = heatmap_chart("Head " + std::to_string(h + 1), result.data["attn_heads"][h], "Key position",
                                  "Query position", Colormap::sequential);
    set_ticks(head_map, labels, labels);
    result.add_chart(std::move(head_map));
  }

  const std::string shape = format("(%d, %d, %d)", batch, seq_len, d_model);
  result.print("Single-head output shape: " + shape);
  result.print("Multi-head output shape:  " + shape);
  result.print(format("MHA attention shape:      (%d, %d, %d, %d)", batch, n_heads, seq_len, seq_len));
  result.insight =
      "Both layers map (B, T, C) to (B, T, C), but multi-head attention gives each of its H heads its own "
      "attention map over a C/H-wide slice. These weights are untrained, so the heads differ only by chance; "
      "training is what makes them specialise.";
  return result;
}

// == 01.4
Result run_causal_attention(const Params& params, const RunContext&) {
  const int seq_len = params.count("seq_len");
  const int d_model = params.count("d_model");
  const int n_heads = params.count("n_heads");
  require_heads_divide(d_model, n_heads);
  const int d_head = d_model / n_heads;

  NumpyRandom rng(static_cast<std::uint32_t>(params.integer("seed")));
  const nn::LinearWeights w_qkv = nn::init_linear(d_model, 3 * d_model, rng);  // one projection, then chunk(3)
  const nn::LinearWeights w_o = nn::init_linear(d_model, d_model, rng);
  const Matrix x = nn::randn_matrix(seq_len, d_model, rng);  // (T, C), batch 1
  const Matrix qkv = nn::linear_forward(x, w_qkv);           // (T, 3C): Q | K | V

  Matrix heads_out(seq_len, d_model);  // (T, C)
  Matrix weights(seq_len, seq_len);    // (T, T)
  xt::xtensor<float, 3> attn({std::size_t(n_heads), std::size_t(seq_len), std::size_t(seq_len)});  // (H, T, T)
  const float scale = std::sqrt(static_cast<float>(d_head));
  float max_upper = 0.0f;
  double max_row_error = 0.0;
  for (int h = 0; h < n_heads; ++h) {
    nn::attention_forward(qkv.middleCols(h * d_head, d_head), qkv.middleCols(d_model + h * d_head, d_head),
                          qkv.middleCols(2 * d_model + h * d_head, d_head), scale, /*causal=*/true, weights,
                          heads_out.middleCols(h * d_head, d_head));
    for (int i = 0; i < seq_len; ++i) {
      double row_sum = 0.0;
      for (int j = 0; j < seq_len; ++j) {
        attn(h, i, j) = weights(i, j);
        row_sum += weights(i, j);
        if (j > i) max_upper = std::max(max_upper, weights(i, j));
      }
      max_row_error = std::max(max_row_error, std::fabs(row_sum - 1.0));
    }
  }
  const Matrix out = nn::linear_forward(heads_out, w_o);  // (T, C)

  Result result;
  result.data["attn"] = tensor_to_json(attn);
  result.data["output_shape"] = {1, seq_len, static_cast<int>(out.cols())};
  result.metrics["max_upper_triangle"] = number(max_upper);
  result.metrics["rows_sum_to_one"] = max_row_error < 1e-5;  // |Σⱼ A[i, j] − 1| < 1e-5 in every row of every head
  json labels = index_labels(seq_len);
  for (int h = 0; h < n_heads; ++h) {
    json map = heatmap_chart(h == 0 ? "Causal Attention (Head 0) — upper triangle is zero"
                                    : "Causal Attention (Head " + std::to_string(h) + ")",
                             result.data["attn"][h], "Key position", "Query position", Colormap::sequential);
    set_ticks(map, labels, labels);
    result.add_chart(std::move(map));
  }
  result.print("Max upper-triangle value: " + python_float(max_upper));
  result.insight =
      "Scores above the diagonal are set to −∞ before the softmax, so every weight a token would give to a later "
      "token is exactly 0 and each row still sums to 1: position i sees only positions 0..i.";
  return result;
}

}  // namespace

std::vector<Exercise> notebook01() {
  std::vector<Exercise> list;

  list.push_back(Exercise{
      "01.1", "Sinusoidal positional encoding",
      "Attention has no notion of order, so the transformer adds a position signal to each token embedding. The "
      "sinusoidal encoding gives dimension pair (2i, 2i+1) a sine and a cosine of frequency w_i = 10000^(−2i/C): "
      "fast waves in the first columns, slow ones in the last. The similarity matrix PE·PEᵀ shows the result: "
      "the dot product of two positions depends only on how far apart they are.",
      {size_param("seq_len", 50, 1, 512, "positions (rows); capped at 512 to keep the maps drawable"),
       size_param("d_model", 64, 2, 512, "model width (columns), even; capped at 512")},
      "Diagonal (self-similarity): 32.0\nOff-diagonal (pos 0 vs 10): 21.0516300201416",
      "Adds a line chart of PE[0]·PE[t]: the notebook says similarity 'decays with distance', and the chart shows "
      "it does so with ripples, not monotonically.",
      {"core/nn/positional_encoding.cpp"},
      run_positional_encoding});

  list.push_back(Exercise{
      "01.2", "Single-head vs multi-head attention",
      "A single attention head compares every query with every key over the full model width. Multi-head "
      "attention splits the width into H slices and runs H smaller attentions side by side, each with its own "
      "map, then mixes their outputs with W_o. Both keep the shape (B, T, C).",
      {size_param("seq_len", 10, 1, 256, "tokens per sequence; capped at 256"),
       size_param("d_model", 64, 1, 512, "model width C; must be divisible by n_heads; capped at 512"),
       size_param("n_heads", 4, 1, 16, "attention heads H; capped at 16"),
       size_param("batch", 2, 1, 8, "sequences in the batch; maps are shown for the first; capped at 8"),
       integer_param("seed", 42, 0, 4294967295LL, "seed of the inputs and weights")},
      "Single-head output shape: torch.Size([2, 10, 64])\nMulti-head output shape:  torch.Size([2, 10, 64])\n"
      "MHA attention shape:      torch.Size([2, 4, 10, 10])",
      "The weights come from the lab's seeded generator, not PyTorch's, so the maps differ from the notebook's "
      "figure while the shapes match. The notebook calls the heads 'specialised'; untrained, they differ only by "
      "chance (compare each head's entropy with log T).",
      {"core/nn/attention.cpp", "core/nn/linear.cpp"},
      run_single_vs_multi_head});

  list.push_back(Exercise{
      "01.3", "Two transformer blocks: gradient norm per parameter",
      "Stack two post-LN transformer blocks, push random inputs through, and measure the gradient norm of every "
      "parameter after one MSE backward pass, to see how gradients change with depth.",
      {}, "", "", {}, nullptr});

  list.push_back(Exercise{
      "01.4", "Causal (autoregressive) self-attention",
      "A language model must not peek at the tokens it is about to predict. Causal attention sets every score "
      "above the diagonal to −∞ before the softmax, so token i attends only to tokens 0..i and the upper triangle "
      "of each attention map is exactly zero.",
      {size_param("seq_len", 6, 1, 256, "tokens; capped at 256"),
       size_param("d_model", 64, 1, 512, "model width C; must be divisible by n_heads; capped at 512"),
       size_param("n_heads", 4, 1, 16, "attention heads; capped at 16"),
       integer_param("seed", 0, 0, 4294967295LL, "seed of the input and weights (the notebook does not reseed here)")},
      "Max upper-triangle value: 0.0",
      "Checks every head, not only head 0, and also reports how far any row's sum is from 1.",
      {"core/nn/attention.cpp", "core/nn/linear.cpp"},
      run_causal_attention});

  list.push_back(Exercise{
      "01.5", "Train a mini transformer on the copy task",
      "Train a one-block transformer to copy its input sequence with Adam and cross-entropy, watch the loss "
      "fall, and measure accuracy on fresh sequences.",
      {}, "Copy task accuracy: 100.00%", "", {}, nullptr});

  return list;
}

}  // namespace lab::exercises
