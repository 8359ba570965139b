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
#include "core/exercises/training.hpp"
#include "core/json_numbers.hpp"
#include "core/nn/attention.hpp"
#include "core/nn/models.hpp"
#include "core/nn/optimizer.hpp"
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

  NumpyRandom rng(static_cast<std::uint32_t>(params.integer("seed")));
  const Matrix x = nn::randn_matrix(batch * seq_len, d_model, rng);  // (B*T, C)
  // Single head: W_q, W_k, W_v over the full width, one head of width C, scale √C.
  nn::Linear s_q("W_q", d_model, d_model, rng), s_k("W_k", d_model, d_model, rng), s_v("W_v", d_model, d_model, rng);
  // Multi-head: the same projections split into H heads of width D = C / H, scale √D, then W_o.
  nn::MultiHeadAttention multi_head("", d_model, n_heads, rng);

  nn::Tape tape(/*gradients=*/false);
  const nn::Var input = tape.constant(x);
  Matrix single_weights, head_weights;  // (B*T, T) and (B*H*T, T): every sequence's maps
  const Matrix single_out = tape.value(nn::attention(tape, s_q.forward(tape, input), s_k.forward(tape, input),
                                                     s_v.forward(tape, input), {batch, seq_len, 1, false},
                                                     &single_weights));
  const Matrix multi_out = tape.value(multi_head.forward(tape, input, batch, seq_len, &head_weights));  // (B*T, C)
  const Matrix attn_single = single_weights.topRows(seq_len);  // (T, T) of sequence 0
  xt::xtensor<float, 3> attn_heads({std::size_t(n_heads), std::size_t(seq_len), std::size_t(seq_len)});  // (H, T, T)
  std::vector<double> head_entropy(n_heads, 0.0);
  for (int h = 0; h < n_heads; ++h) {  // sequence 0's heads are rows h*T … h*T + T − 1
    const Matrix head = head_weights.middleRows(h * seq_len, seq_len);
    std::copy(head.data(), head.data() + head.size(), &attn_heads(h, 0, 0));
    head_entropy[h] = mean_row_entropy(head);
  }

  Result result;
  const json output_shape = {batch, seq_len, static_cast<int>(single_out.cols())};
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

// == 01.3
// Gradient norm of one tensor, summed in order in double: √(Σ g²).
double gradient_norm(const Matrix& grad) {
  double squares = 0.0;
  for (Eigen::Index i = 0; i < grad.size(); ++i) squares += double(grad.data()[i]) * grad.data()[i];
  return std::sqrt(squares);
}

Result run_gradient_norms(const Params& params, const RunContext&) {
  const int d_model = params.count("d_model"), n_heads = params.count("n_heads"), ff_dim = params.count("ff_dim");
  const int n_blocks = params.count("n_blocks"), seq_len = params.count("seq_len"), batch = params.count("batch");
  const bool pre_ln = params.text("norm") == "pre";
  require_heads_divide(d_model, n_heads);
  const TransformerSize size{double(batch) * seq_len, d_model, ff_dim, d_model, n_heads, seq_len, n_blocks,
                             double(n_blocks) * (4.0 * d_model * d_model + 2.0 * d_model * ff_dim)};
  check_budget(transformer_training_bytes(size), transformer_training_flops(size, 1), "n_blocks", "this model");

  NumpyRandom rng(static_cast<std::uint32_t>(params.integer("seed")));
  nn::TransformerStack model(d_model, n_heads, ff_dim, n_blocks, pre_ln ? nn::NormPlacement::pre : nn::NormPlacement::post,
                             rng);
  const Matrix x = nn::randn_matrix(batch * seq_len, d_model, rng);       // (B*T, C)
  const Matrix target = nn::randn_matrix(batch * seq_len, d_model, rng);  // (B*T, C)
  nn::Tape tape;
  const nn::Var loss = nn::mse_loss(tape, model.forward(tape, tape.constant(x), batch, seq_len), target);
  tape.backward(loss);

  Result result;
  json norms = json::object(), labels = json::array(), values = json::array();
  std::vector<double> block_squares(n_blocks, 0.0);  // ‖gradient of block b‖², all its tensors together
  for (const nn::Parameter* p : model.parameters()) {
    const double norm = gradient_norm(p->grad);
    norms[p->name] = norm;
    labels.push_back(p->name);
    values.push_back(norm);
    if (p->name.rfind("block", 0) == 0) block_squares[std::stoi(p->name.substr(5)) - 1] += norm * norm;
  }
  json block_labels = json::array(), block_norms = json::array();
  for (int b = 0; b < n_blocks; ++b) {
    block_labels.push_back("block" + std::to_string(b + 1));
    block_norms.push_back(std::sqrt(block_squares[b]));
  }
  const double first = std::sqrt(block_squares.front()), last = std::sqrt(block_squares.back());
  result.data["grad_norms"] = norms;
  result.data["block_grad_norms"] = block_norms;
  result.metrics["loss"] = number(tape.item(loss));
  result.metrics["first_block_grad_norm"] = first;
  result.metrics["last_block_grad_norm"] = last;
  result.metrics["first_to_last_ratio"] = first / last;

  result.add_chart(bar_chart("Gradient Norms by Layer", "Parameter", "Gradient Norm", labels, {{"‖grad‖", values}}));
  json per_block = bar_chart("Gradient norm of each block (all its parameters together)", "Block", "Gradient Norm",
                             block_labels, {{"‖grad‖", block_norms}});
  set_note(per_block, std::string(pre_ln ? "pre-LN" : "post-LN") + " blocks; one MSE backward pass on random data");
  result.add_chart(std::move(per_block));

  result.print(format("MSE loss: %.4f", tape.item(loss)));
  for (int b = 0; b < n_blocks; ++b) result.print(format("block%d gradient norm: %.4f", b + 1, std::sqrt(block_squares[b])));
  const char* placement = pre_ln ? "pre-LN" : "post-LN";
  result.insight = format(
      "With %d %s blocks the first block's gradient norm is %.2f× the last block's. The notebook's caption says "
      "block1's gradients are smaller (vanishing); measure it: compare norm \"post\" with \"pre\" at n_blocks 12. "
      "In post-LN every block's output passes through a LayerNorm on the way back, which rescales the gradient; "
      "pre-LN keeps a clean residual path, so gradients reach early blocks undiminished.",
      n_blocks, placement, first / last);
  return result;
}

// == 01.4
Result run_causal_attention(const Params& params, const RunContext&) {
  const int seq_len = params.count("seq_len");
  const int d_model = params.count("d_model");
  const int n_heads = params.count("n_heads");
  require_heads_divide(d_model, n_heads);

  NumpyRandom rng(static_cast<std::uint32_t>(params.integer("seed")));
  nn::CausalSelfAttention layer("", d_model, n_heads, rng);  // one W_qkv (C → 3C), chunked into Q | K | V; W_o
  const Matrix x = nn::randn_matrix(seq_len, d_model, rng);  // (T, C), batch 1
  nn::Tape tape(/*gradients=*/false);
  Matrix weights;  // (H*T, T): head h's map in rows h*T … h*T + T − 1
  const Matrix out = tape.value(layer.forward(tape, tape.constant(x), 1, seq_len, &weights));  // (T, C)

  xt::xtensor<float, 3> attn({std::size_t(n_heads), std::size_t(seq_len), std::size_t(seq_len)});  // (H, T, T)
  float max_upper = 0.0f;
  double max_row_error = 0.0;
  for (int h = 0; h < n_heads; ++h) {
    for (int i = 0; i < seq_len; ++i) {
      double row_sum = 0.0;
      for (int j = 0; j < seq_len; ++j) {
        const float a = weights(h * seq_len + i, j);
        attn(h, i, j) = a;
        row_sum += a;
        if (j > i) max_upper = std::max(max_upper, a);
      }
      max_row_error = std::max(max_row_error, std::fabs(row_sum - 1.0));
    }
  }

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

// == 01.5
Result run_copy_task(const Params& params, const RunContext& context) {
  const int vocab = params.count("vocab"), d_model = params.count("d_model"), n_heads = params.count("n_heads");
  const int ff_dim = params.count("ff_dim"), seq_len = params.count("seq_len"), batch = params.count("batch");
  const int steps = params.count("steps");
  require_heads_divide(d_model, n_heads);
  const TransformerSize size{double(batch) * seq_len, d_model, ff_dim, vocab, n_heads, seq_len, 1,
                             4.0 * d_model * d_model + 2.0 * d_model * ff_dim + 2.0 * vocab * d_model};
  const int test_count = 100;  // fresh sequences for the accuracy, one forward pass after training
  check_budget(std::max(transformer_training_bytes(size), transformer_evaluation_bytes(size, test_count * seq_len)),
               transformer_training_flops(size, steps) + transformer_evaluation_flops(size, test_count * seq_len),
               "steps", "this training run");

  NumpyRandom rng(static_cast<std::uint32_t>(params.integer("seed")));
  nn::MiniTransformer model(vocab, d_model, n_heads, ff_dim, seq_len, rng);
  nn::Adam adam(model.parameters(), nn::AdamSettings{params.number("lr")});
  auto random_sequences = [&](int count) {  // tokens 1 … vocab−1, like torch.randint(1, vocab, (count, T))
    std::vector<int> tokens(std::size_t(count) * seq_len);
    for (int& t : tokens) t = int(rng.randint(1, vocab));
    return tokens;
  };

  LossCurve curve;
  {
    nn::Tape tape;  // one tape for the run, freed before the evaluation below
    for (int step = 1; step <= steps; ++step) {
      const std::vector<int> source = random_sequences(batch);  // the target is the source: copy it
      tape.clear();  // the last step's nodes go; their storage stays for this step's
      const nn::Var loss = nn::cross_entropy(tape, model.forward(tape, source, batch), source);
      if (!curve.record(tape.item(loss))) break;
      adam.zero_grad();
      tape.backward(loss);
      adam.step();
      report_progress(context, step, steps, tape.item(loss));
    }
  }

  // Accuracy on 100 fresh sequences: the argmax of every position's logits against the input token.
  const std::vector<int> test = random_sequences(test_count);
  nn::Tape evaluation(/*gradients=*/false);
  const Matrix logits = evaluation.value(model.forward(evaluation, test, test_count));  // (100*T, V)
  std::vector<int> predicted(test.size());
  int correct = 0;
  std::vector<int> correct_at(seq_len, 0);
  for (std::size_t i = 0; i < test.size(); ++i) {
    Eigen::Index best = 0;
    logits.row(Eigen::Index(i)).maxCoeff(&best);  // first maximum, like torch.argmax
    predicted[i] = int(best);
    if (predicted[i] == test[i]) {
      ++correct;
      ++correct_at[i % std::size_t(seq_len)];
    }
  }
  const double accuracy = double(correct) / double(test.size());

  Result result;
  result.data["loss"] = curve.values_json();
  json per_position = json::array();
  for (int t = 0; t < seq_len; ++t) per_position.push_back(double(correct_at[t]) / test_count);
  result.data["accuracy_per_position"] = per_position;
  result.metrics["accuracy"] = accuracy;
  result.metrics["final_loss"] = curve.values().empty() ? json(nullptr) : number(curve.values().back());
  result.metrics["steps_run"] = int(curve.values().size());
  report_divergence(result, curve, "Training");

  json chart = line_chart("Copy Task Training Loss", "Step", "Cross-Entropy Loss", curve.steps_json(),
                          {{"training loss", result.data["loss"]}});
  chart["stream"] = "loss";
  result.add_chart(std::move(chart));
  json rows = json::array();
  for (int s = 0; s < 5; ++s) {
    std::string input, output;
    for (int t = 0; t < seq_len; ++t) {
      input += (t ? " " : "") + std::to_string(test[std::size_t(s * seq_len + t)]);
      output += (t ? " " : "") + std::to_string(predicted[std::size_t(s * seq_len + t)]);
    }
    rows.push_back({input, output, input == output ? "copied" : "wrong"});
  }
  result.add_table("Five of the 100 test sequences", {"input", "model output", "result"}, std::move(rows));

  result.print(format("Copy task accuracy: %.2f%%", 100.0 * accuracy));
  result.insight = format(
      "After %d Adam steps the model copies %.2f%% of the tokens of 100 sequences it never saw. Copying is easy "
      "for a transformer: the residual stream carries each token straight to its own output position, so the "
      "block mostly has to learn to read its embedding back out.",
      int(curve.values().size()), 100.0 * accuracy);
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
      {"core/nn/transformer.cpp", "core/nn/attention.cpp", "core/nn/ops.cpp", "core/nn/layers.cpp",
       "core/nn/matmul.cpp"},
      run_single_vs_multi_head});

  list.push_back(Exercise{
      "01.3", "Two transformer blocks: gradient norm per parameter",
      "Stack post-LN transformer blocks (attention, then a feed-forward network, each followed by add & "
      "LayerNorm), push random inputs through, take one MSE backward pass and measure the gradient norm of every "
      "parameter, to see how the gradient signal changes with depth.",
      {size_param("d_model", 64, 1, 512, "model width C; must be divisible by n_heads; capped at 512"),
       size_param("n_heads", 4, 1, 16, "attention heads; capped at 16"),
       size_param("ff_dim", 128, 1, 2048, "feed-forward width; capped at 2048"),
       size_param("n_blocks", 2, 1, 12, "blocks stacked (the notebook has 2); capped at 12 (runs over 256 MB or 100 GFLOP are refused)"),
       choice_param("norm", "post", {"post", "pre"},
                    "where LayerNorm sits: \"post\" (the notebook: after each residual add) or \"pre\" (before "
                    "each sub-layer, with a final ln_f)"),
       size_param("seq_len", 10, 1, 128, "tokens per sequence; capped at 128"),
       size_param("batch", 2, 1, 16, "sequences; capped at 16"),
       integer_param("seed", 0, 0, 4294967295LL, "seed of the weights, inputs and targets")},
      "",
      "The notebook only plots the norms and asserts in its caption that block1's are smaller ('vanishing "
      "gradient'). The lab prints the per-block norms and lets you test the claim: n_blocks up to 12, and "
      "norm \"pre\" for pre-LN blocks (with the usual final LayerNorm ln_f), the arrangement that keeps a clean "
      "residual path. Its weights come from the lab's seeded generator, not PyTorch's; "
      "the lab's tests load PyTorch's own weights for this model and match its loss and every gradient "
      "(relative error below 1e-6).",
      {"core/nn/models.cpp", "core/nn/transformer.cpp", "core/nn/layers.cpp", "core/nn/ops.cpp",
       "core/nn/layer_norm.cpp", "core/nn/attention.cpp", "core/nn/matmul.cpp", "core/nn/tape.cpp"},
      run_gradient_norms});

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
      {"core/nn/transformer.cpp", "core/nn/attention.cpp", "core/nn/ops.cpp", "core/nn/layers.cpp",
       "core/nn/matmul.cpp"},
      run_causal_attention});

  list.push_back(Exercise{
      "01.5", "Train a mini transformer on the copy task",
      "A one-block transformer (token embedding plus a learned position vector, post-LN attention and "
      "feed-forward, a linear head) learns to output its own input sequence. Each step draws a fresh batch of "
      "random sequences, computes the cross-entropy of every position and takes one Adam step; at the end the "
      "model is tested on 100 sequences it has never seen.",
      {size_param("vocab", 10, 2, 1000, "vocabulary size V (tokens are drawn from 1..V-1); capped at 1000"),
       size_param("d_model", 32, 1, 256, "model width C; must be divisible by n_heads; capped at 256"),
       size_param("n_heads", 2, 1, 16, "attention heads; capped at 16"),
       size_param("ff_dim", 64, 1, 1024, "feed-forward width; capped at 1024"),
       size_param("seq_len", 4, 1, 64, "tokens per sequence; capped at 64"),
       size_param("batch", 32, 1, 256, "sequences per step; capped at 256"),
       size_param("steps", 500, 1, 5000, "Adam steps; capped at 5000 (runs over 256 MB or 100 GFLOP are refused)"),
       number_param("lr", 1e-3, 1e-6, 1.0, "Adam learning rate, between 1e-6 and 1"),
       integer_param("seed", 0, 0, 4294967295LL, "seed of the weights and of every batch")},
      "Copy task accuracy: 100.00%",
      "The loss curve streams to the page while the model trains. The weights and batches come from the lab's "
      "seeded generator, not PyTorch's, so the curve differs from the notebook's figure while the result (100% "
      "on fresh sequences) is the same. The lab's tests load PyTorch's own weights for this model and match its "
      "loss and gradients, and five Adam steps of torch.optim.Adam. A run whose loss turns "
      "NaN or infinite stops and says so. Memory for the largest sizes is bounded: a run needing more than 256 MB "
      "or 100 GFLOP is refused before it starts.",
      {"core/nn/models.cpp", "core/nn/transformer.cpp", "core/nn/layers.cpp", "core/nn/optimizer.cpp",
       "core/nn/ops.cpp", "core/nn/cross_entropy.cpp", "core/nn/layer_norm.cpp", "core/nn/attention.cpp",
       "core/nn/matmul.cpp", "core/nn/tape.cpp", "core/exercises/training.cpp"},
      run_copy_task});

  return list;
}

}  // namespace lab::exercises
