// 05.1 LoRA rank ablation: what a rank-r adapter costs (r·d + d·r trainable numbers per adapted d×d projection,
// counted for q and v at d_model) and what it buys, measured on a task whose best rank-r error is known in advance.
//   data    frozen q and v layers W₀ and a target update ΔW = U diag(σ) Vᵀ for each, σᵢ = e^(−i/8), x ~ N(0, I)
//   model   nn::LoRALinear adapters of rank r on both layers (core/nn/lora.cpp), a fresh pair per rank
//   train   full-batch Adam on the two layers' MSE (training_loop.hpp), one run per rank, progress across all runs
//   report  the counts, each rank's validation error against the Eckart–Young floor, the notebook's made-up curve
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/exercises/seed.hpp"
#include "core/exercises/training_budget.hpp"
#include "core/exercises/training_loop.hpp"
#include "core/float_format.hpp"
#include "core/nn/lora.hpp"
#include "core/nn/matmul.hpp"
#include "core/nn/ops.hpp"
#include "core/nn/optimizer.hpp"
#include "core/param_values.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

using nn::Matrix;

constexpr int kTrainSamples = 128, kValidationSamples = 256;

// The task: a frozen base layer W₀ must learn an update ΔW = U diag(σ) Vᵀ with singular values σᵢ = e^(−i/8)
// (random orthogonal U, V), from examples x ~ N(0, I), y = x (W₀ + ΔW)ᵀ. A rank-r adapter can at best capture
// the r largest σᵢ (Eckart–Young), so the validation error it can reach is known in advance.
// Gram–Schmidt on a Gaussian matrix, in double, fixed order. The columns are stored one after another (column j
// at q[j·n …]), so every sum below runs along contiguous memory; the numbers are drawn row by row.
Matrix random_orthogonal(int n, NumpyRandom& rng) {
  std::vector<double> q(std::size_t(n) * std::size_t(n));
  auto column = [&](int j) { return q.data() + std::size_t(j) * std::size_t(n); };
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) column(j)[i] = rng.randn();
  }
  for (int j = 0; j < n; ++j) {
    double* q_j = column(j);
    for (int pass = 0; pass < 2; ++pass) {  // twice, for orthogonality to working precision
      for (int k = 0; k < j; ++k) {
        const double* q_k = column(k);
        double dot = 0.0;
        for (int i = 0; i < n; ++i) dot += q_k[i] * q_j[i];
        for (int i = 0; i < n; ++i) q_j[i] -= dot * q_k[i];
      }
    }
    double norm = 0.0;
    for (int i = 0; i < n; ++i) norm += q_j[i] * q_j[i];
    norm = std::sqrt(norm);
    for (int i = 0; i < n; ++i) q_j[i] /= norm;
  }
  Matrix result(n, n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) result(i, j) = float(column(j)[i]);
  }
  return result;
}

double singular_value(int i) { return std::exp(-i / 8.0); }

// Σ_{i ≥ r} σᵢ² / Σ σᵢ²: the smallest relative error any rank-r update can reach on x ~ N(0, I).
double eckart_young_floor(int rank, int width) {
  double tail = 0.0, total = 0.0;
  for (int i = 0; i < width; ++i) {
    total += singular_value(i) * singular_value(i);
    if (i >= rank) tail += singular_value(i) * singular_value(i);
  }
  return tail / total;
}

struct AdapterTask {
  Matrix base_q, base_v;                          // W₀ (w, w), frozen
  Matrix x_train, x_val;                          // (N, w)
  Matrix y_train_q, y_train_v, y_val_q, y_val_v;  // x (W₀ + ΔW)ᵀ, (N, w)
};

Matrix times_transpose(const Matrix& x, const Matrix& w) {  // x wᵀ: (N, in) · (out, in)ᵀ → (N, out)
  Matrix y(x.rows(), w.rows());
  nn::matmul_a_bt(x, w, y);
  return y;
}

AdapterTask make_adapter_task(int width, NumpyRandom& rng) {
  AdapterTask task;
  auto update = [&]() {  // ΔW = U diag(0.25 σ) Vᵀ: ‖ΔW‖_F ≈ 0.53, against ‖W₀‖_F ≈ √(w/3)
    const Matrix u = random_orthogonal(width, rng), v = random_orthogonal(width, rng);
    Matrix scaled_u = u;
    for (int i = 0; i < width; ++i) scaled_u.col(i) *= float(0.25 * singular_value(i));
    return times_transpose(scaled_u, v);
  };
  const double bound = 1.0 / std::sqrt(double(width));
  task.base_q = nn::uniform_matrix(width, width, bound, rng);
  task.base_v = nn::uniform_matrix(width, width, bound, rng);
  const Matrix target_q = task.base_q + update(), target_v = task.base_v + update();
  task.x_train = nn::randn_matrix(kTrainSamples, width, rng);
  task.x_val = nn::randn_matrix(kValidationSamples, width, rng);
  task.y_train_q = times_transpose(task.x_train, target_q);
  task.y_train_v = times_transpose(task.x_train, target_v);
  task.y_val_q = times_transpose(task.x_val, target_q);
  task.y_val_v = times_transpose(task.x_val, target_v);
  return task;
}

// The ranks to compare: whole numbers from 1 to min(d_model, task_width).
std::vector<int> read_ranks(const Params& params, int d_model, int width) {
  std::vector<int> ranks;
  for (const auto& r : params.value("ranks")) {
    if (!r.is_number_integer() || r.get<long long>() < 1 || r.get<long long>() > std::min(d_model, width)) {
      fail_param("ranks", format("ranks must be whole numbers from 1 to min(d_model, task_width) = %d (got ",
                                 std::min(d_model, width)) +
                              shown_value(r) + ")");
    }
    ranks.push_back(r.get<int>());
  }
  return ranks;
}

struct TrainedAdapters {
  double relative_val_error = 0.0;  // validation MSE / the frozen base's validation MSE
  bool diverged = false;
};

// Trains LoRA adapters of one rank on the q and v layers (full batch, Adam) and measures them on validation data.
TrainedAdapters train_adapters(const AdapterTask& task, int rank, double alpha, double lr, const TrainingLoop& loop,
                               const RunContext& context, NumpyRandom& rng) {
  const int width = int(task.base_q.rows());
  nn::LoRALinear q("q_proj", width, width, rank, alpha, rng), v("v_proj", width, width, rank, alpha, rng);
  q.base.weight.value = task.base_q;
  v.base.weight.value = task.base_v;
  nn::ParameterList list;
  q.collect(list);
  v.collect(list);
  nn::Adam adam(list, nn::AdamSettings{lr});
  // The step's inputs never change: x (N, w) and the frozen terms x W₀ᵀ (N, w). They are frozen leaves, like W₀
  // itself, which the tape reads where they are; as constants they would be copied onto the tape every step.
  nn::Parameter x_train("x_train", task.x_train, /*trainable=*/false);
  nn::Parameter frozen_q("frozen_q", times_transpose(task.x_train, task.base_q), /*trainable=*/false);
  nn::Parameter frozen_v("frozen_v", times_transpose(task.x_train, task.base_v), /*trainable=*/false);
  const LossCurve curve = train(loop, adam, context, [&](nn::Tape& tape, int) {
    const nn::Var x = tape.parameter(x_train);
    return nn::add(tape, nn::mse_loss(tape, q.forward(tape, x, tape.parameter(frozen_q)), task.y_train_q),
                   nn::mse_loss(tape, v.forward(tape, x, tape.parameter(frozen_v)), task.y_train_v));
  });

  auto validation_error = [&](nn::LoRALinear& layer, const Matrix& target, const Matrix& base) {
    nn::Tape tape(/*gradients=*/false);
    const Matrix adapted = tape.value(layer.forward(tape, tape.constant(task.x_val)));  // (N, w)
    const Matrix frozen = times_transpose(task.x_val, base);                            // (N, w)
    return std::make_pair(double((adapted - target).squaredNorm()), double((frozen - target).squaredNorm()));
  };
  const auto [q_err, q_base] = validation_error(q, task.y_val_q, task.base_q);
  const auto [v_err, v_base] = validation_error(v, task.y_val_v, task.base_v);
  return {(q_err + v_err) / (q_base + v_base), curve.diverged()};
}

Result report(const json& rows, int d_model, int width, int steps, bool diverged) {
  Result result;
  json labels = json::array(), counts = json::array(), measured = json::array(), floors = json::array(),
       illustrative = json::array();
  for (const auto& row : rows) {
    labels.push_back(std::to_string(row["r"].get<int>()));
    counts.push_back(row["params"]);
    measured.push_back(row["val_metric"]);
    floors.push_back(row["best_possible"]);
    illustrative.push_back(row["illustrative_ppl"]);
    result.print(format("r=%2d: trainable params=%6lld, val perplexity=%.2f (the notebook's illustrative formula)",
                        row["r"].get<int>(), row["params"].get<long long>(), row["illustrative_ppl"].get<double>()));
  }
  result.data["ranks"] = rows;
  result.data["val_metric"] =
      "validation MSE of the adapted q and v layers divided by the frozen base's (1 = the "
      "adapter learned nothing, 0 = perfect)";
  result.metrics["diverged"] = diverged;

  json ablation =
      bar_line_chart("LoRA Rank Ablation: Parameters vs measured validation error", "LoRA rank r", labels,
                     {"trainable params (d_model " + std::to_string(d_model) + ")", counts}, "Trainable Parameters",
                     {"relative validation MSE (measured)", measured}, "Validation MSE / base");
  set_note(ablation, format("Measured: q and v adapters of each rank trained for %d Adam steps on a width-%d task "
                            "whose update has singular values e^(-i/8).",
                            steps, width));
  result.add_chart("ablation", std::move(ablation));
  result.add_chart(
      "floor", line_chart("Measured error vs the best any rank-r update can do", "LoRA rank r", "Validation MSE / base",
                          labels, {{"measured", measured}, {"Eckart–Young floor", floors}}));
  json formula_chart = line_chart("The notebook's curve: 15 + 10·exp(−r/8)", "LoRA rank r", "Validation Perplexity",
                                  labels, {{"val perplexity (formula)", illustrative}});
  set_note(formula_chart, "illustrative: the notebook's formula, not a measurement");
  result.add_chart("notebook_formula", std::move(formula_chart));

  result.print(format("Measured (width %d, %d Adam steps on %d examples, validated on %d):", width, steps,
                      kTrainSamples, kValidationSamples));
  for (const auto& row : rows) {
    result.print(format("r=%2d: relative validation MSE %.4f (best possible %.4f)", row["r"].get<int>(),
                        row["val_metric"].is_number() ? row["val_metric"].get<double>() : NAN,
                        row["best_possible"].get<double>()));
  }
  result.insight =
      "Trainable parameters grow linearly with r (4·r·d for q and v), but what an adapter can learn is capped by "
      "how much of the update lives in its top r directions (the Eckart–Young floor)";
  if (rows.size() >= 2) {
    const json& a = rows[rows.size() - 2];
    const json& b = rows[rows.size() - 1];
    result.insight += format(
        ": here going from r = %d to r = %d multiplies the parameters by %.1f and takes the "
        "validation error from %.4f to %.4f",
        a["r"].get<int>(), b["r"].get<int>(),
        double(b["params"].get<long long>()) / double(a["params"].get<long long>()), a["val_metric"].get<double>(),
        b["val_metric"].get<double>());
  }
  result.insight += ". The notebook's perplexities come from a formula; the measured curve is real.";
  return result;
}

Result run_rank_ablation(const Params& params, const RunContext& context) {
  const int d_model = params.count("d_model"), width = params.count("task_width"), steps = params.count("steps");
  const double alpha = params.number("alpha"), lr = params.number("lr");
  const std::vector<int> ranks = read_ranks(params, d_model, width);
  double work = 0.0;  // two layers; the frozen product and both adapter factors, forward and backward
  for (int r : ranks) work += 2.0 * 2.0 * kTrainSamples * width * (width + 6.0 * r) * steps;
  check_budget(4.0 * (kTrainSamples + kValidationSamples) * width * 16.0, work, "steps", "this ablation");

  NumpyRandom rng = seeded_random(params);
  const AdapterTask task = make_adapter_task(width, rng);
  json rows = json::array();
  bool diverged = false;
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    const int r = ranks[i];
    const TrainingLoop loop{steps, 1, int(i) * steps, int(ranks.size()) * steps, format("r = %d", r)};
    const TrainedAdapters trained = train_adapters(task, r, alpha, lr, loop, context, rng);
    diverged = diverged || trained.diverged;
    rows.push_back({{"r", r},
                    {"params", 2LL * (r * d_model + d_model * r)},  // q and v adapters at d_model: A (r, d) + B (d, r)
                    {"val_metric", number(trained.relative_val_error)},
                    {"best_possible", eckart_young_floor(r, width)},
                    {"trained_params", 4LL * r * width},
                    {"illustrative_ppl", 15.0 + 10.0 * std::exp(-r / 8.0)}});  // the notebook's made-up perplexity
  }
  return report(rows, d_model, width, steps, diverged);
}

}  // namespace

Exercise rank_ablation_exercise() {
  return {"05.1",
          {size_param("d_model", 256, 1, 4096, "width of the counted q and v projections; capped at 4096"),
           array_param("ranks", json::array({4, 8, 16, 32}), 1, 8, "LoRA ranks to compare (1 to 8 of them)"),
           number_param("alpha", 16, 0.001, 1000, "LoRA alpha; the update is scaled by alpha / r"),
           size_param("task_width", 64, 4, 128, "width of the measured task's q and v layers; capped at 128"),
           size_param("steps", 150, 1, 2000,
                      "full-batch Adam steps per rank; capped at 2000 (runs over 256 MB or 50 GFLOP are refused)"),
           learning_rate_param(1e-2, "of the adapters"), seed_param(42, "seed of the task and the adapters")},
          run_rank_ablation};
}

}  // namespace lab::exercises
