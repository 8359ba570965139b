// 01.3 Two transformer blocks: the gradient norm of every parameter after one MSE backward pass, to see how the
// gradient signal changes with depth (and with where LayerNorm sits: post-LN, the notebook's, or pre-LN).
//   data    random inputs and targets, (B*T, C) each
//   model   nn::TransformerStack of n_blocks blocks (core/nn/models.hpp)
//   train   one forward and backward pass of the MSE loss; no optimizer step
//   report  ‖grad‖ of every parameter, and of each block's parameters together
#include <cmath>
#include <string>
#include <vector>

#include "core/charts.hpp"
#include "core/exercise.hpp"
#include "core/exercises/attention_params.hpp"
#include "core/exercises/seed.hpp"
#include "core/exercises/training_budget.hpp"
#include "core/float_format.hpp"
#include "core/nn/models.hpp"
#include "core/nn/ops.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

using nn::Matrix;

// Gradient norm of one tensor, summed in order in double: √(Σ g²).
double gradient_norm(const Matrix& grad) {
  double squares = 0.0;
  for (Eigen::Index i = 0; i < grad.size(); ++i) squares += double(grad.data()[i]) * grad.data()[i];
  return std::sqrt(squares);
}

Result report(const nn::ParameterList& parameters, int n_blocks, bool pre_ln, double loss) {
  Result result;
  json norms = json::object(), labels = json::array(), values = json::array();
  std::vector<double> block_squares(n_blocks, 0.0);  // ‖gradient of block b‖², all its tensors together
  for (const nn::Parameter* p : parameters) {
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
  result.metrics["loss"] = number(float(loss));
  result.metrics["first_block_grad_norm"] = first;
  result.metrics["last_block_grad_norm"] = last;
  result.metrics["first_to_last_ratio"] = first / last;

  const char* placement = pre_ln ? "pre-LN" : "post-LN";
  result.add_chart("grad_norms",
                   bar_chart("Gradient Norms by Layer", "Parameter", "Gradient Norm", labels, {{"‖grad‖", values}}));
  json per_block = bar_chart("Gradient norm of each block (all its parameters together)", "Block", "Gradient Norm",
                             block_labels, {{"‖grad‖", block_norms}});
  set_note(per_block, std::string(placement) + " blocks; one MSE backward pass on random data");
  result.add_chart("block_grad_norms", std::move(per_block));

  result.print(format("MSE loss: %.4f", loss));
  for (int b = 0; b < n_blocks; ++b)
    result.print(format("block%d gradient norm: %.4f", b + 1, std::sqrt(block_squares[b])));
  const double ratio = first / last;
  const char* direction = ratio < 0.95 ? "smaller than" : ratio > 1.05 ? "larger than" : "about the same as";
  result.insight =
      n_blocks == 1
          ? format(
                "With one %s block there is no depth to compare (its gradient norm is %.4f); raise n_blocks to "
                "test the notebook's caption, which says block1's gradients are smaller (vanishing).",
                placement, first)
          : format(
                "With %d %s blocks the first block's gradient norm is %.2f× the last block's, so here block1's "
                "gradients are %s the last block's. The notebook's caption says they are smaller (vanishing); "
                "compare norm \"post\" with \"pre\" as n_blocks grows. In post-LN every block's output passes "
                "through a LayerNorm on the way back, which rescales the gradient; pre-LN keeps a clean residual "
                "path to the early blocks.",
                n_blocks, placement, ratio, direction);
  return result;
}

Result run_gradient_norms(const Params& params, const RunContext& context) {
  const int d_model = params.count("d_model"), n_heads = params.count("n_heads"), ff_dim = params.count("ff_dim");
  const int n_blocks = params.count("n_blocks"), seq_len = params.count("seq_len"), batch = params.count("batch");
  const bool pre_ln = params.text("norm") == "pre";
  require_heads_divide(d_model, n_heads);
  const TransformerSize size{double(batch) * seq_len,
                             d_model,
                             ff_dim,
                             d_model,
                             n_heads,
                             seq_len,
                             n_blocks,
                             double(n_blocks) * (4.0 * d_model * d_model + 2.0 * d_model * ff_dim)};
  check_budget(transformer_training_bytes(size), transformer_training_flops(size, 1), "n_blocks", "this model");

  NumpyRandom rng = seeded_random(params);
  context.progress(0, 3, "drawing the weights");
  nn::TransformerStack model(d_model, n_heads, ff_dim, n_blocks,
                             pre_ln ? nn::NormPlacement::pre : nn::NormPlacement::post, rng);
  const Matrix x = nn::randn_matrix(batch * seq_len, d_model, rng);       // (B*T, C)
  const Matrix target = nn::randn_matrix(batch * seq_len, d_model, rng);  // (B*T, C)
  nn::Tape tape;
  context.progress(1, 3, "the forward pass");
  const nn::Var loss = nn::mse_loss(tape, model.forward(tape, tape.constant(x), batch, seq_len), target);
  context.progress(2, 3, "the backward pass");
  tape.backward(loss);

  return report(model.parameters(), n_blocks, pre_ln, tape.item(loss));
}

}  // namespace

Exercise gradient_norms_exercise() {
  return {"01.3",
          {width_param(64, 512), heads_param(4, 16),
           size_param("ff_dim", 128, 1, 2048, "feed-forward width; capped at 2048"),
           size_param("n_blocks", 2, 1, 12,
                      "blocks stacked (the notebook has 2); capped at 12 (runs over 256 MB or 50 GFLOP are refused)"),
           choice_param("norm", "post", {"post", "pre"},
                        "where LayerNorm sits: \"post\" (the notebook: after each residual add) or \"pre\" (before "
                        "each sub-layer, with a final ln_f)"),
           size_param("seq_len", 10, 1, 128, "tokens per sequence; capped at 128"),
           size_param("batch", 2, 1, 16, "sequences; capped at 16"),
           seed_param(0, "seed of the weights, inputs and targets")},
          run_gradient_norms};
}

}  // namespace lab::exercises
