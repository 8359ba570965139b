// Notebook 05, LLM fine-tuning with LoRA: rank ablation, which projections to adapt, early stopping, a tiny GPT, and merging.
// Each exercise is a function `params -> Result` between `// == id` markers; the table at the bottom lists them.
#include <algorithm>
#include <chrono>
#include <optional>
#include <cmath>
#include <string>
#include <vector>

#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercises/catalog.hpp"
#include "core/exercises/training_budget.hpp"
#include "core/exercises/training_loop.hpp"
#include "core/float_format.hpp"
#include "core/array_json.hpp"
#include "core/string_format.hpp"
#include "core/nn/lora.hpp"
#include "core/nn/matmul.hpp"
#include "core/nn/models.hpp"
#include "core/nn/optimizer.hpp"
#include "core/random/numpy_random.hpp"

namespace lab::exercises {

namespace {

using nn::Matrix;

// 1234567 → "1,234,567", like Python's f'{n:,}'.
std::string with_commas(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

// == 05.1
// The measured ablation's task: a frozen base layer W₀ must learn an update ΔW = U diag(σ) Vᵀ with singular
// values σᵢ = e^(−i/8) (random orthogonal U, V), from examples x ~ N(0, I), y = x (W₀ + ΔW)ᵀ. A rank-r adapter can
// at best capture the r largest σᵢ (Eckart–Young), so the validation error it can reach is known in advance.
Matrix random_orthogonal(int n, NumpyRandom& rng) {  // Gram–Schmidt on a Gaussian matrix, in double, fixed order
  nn::MatrixOf<double> q(n, n);
  for (Eigen::Index i = 0; i < q.size(); ++i) q.data()[i] = rng.randn();
  for (int j = 0; j < n; ++j) {
    for (int pass = 0; pass < 2; ++pass) {  // twice, for orthogonality to working precision
      for (int k = 0; k < j; ++k) {
        double dot = 0.0;
        for (int i = 0; i < n; ++i) dot += q(i, k) * q(i, j);
        for (int i = 0; i < n; ++i) q(i, j) -= dot * q(i, k);
      }
    }
    double norm = 0.0;
    for (int i = 0; i < n; ++i) norm += q(i, j) * q(i, j);
    norm = std::sqrt(norm);
    for (int i = 0; i < n; ++i) q(i, j) /= norm;
  }
  return q.cast<float>();
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
  Matrix base_q, base_v;     // W₀ (w, w), frozen
  Matrix x_train, x_val;     // (N, w)
  Matrix y_train_q, y_train_v, y_val_q, y_val_v;  // x (W₀ + ΔW)ᵀ
};

AdapterTask make_adapter_task(int width, int train_samples, int val_samples, NumpyRandom& rng) {
  AdapterTask task;
  auto update = [&]() {  // ΔW = U diag(0.25 σ) Vᵀ: ‖ΔW‖_F ≈ 0.53, against ‖W₀‖_F ≈ √(w/3)
    const Matrix u = random_orthogonal(width, rng), v = random_orthogonal(width, rng);
    Matrix scaled_u = u;
    for (int i = 0; i < width; ++i) scaled_u.col(i) *= float(0.25 * singular_value(i));
    Matrix delta(width, width);
    nn::matmul_a_bt(scaled_u, v, delta);
    return delta;
  };
  const double bound = 1.0 / std::sqrt(double(width));
  task.base_q = nn::uniform_matrix(width, width, bound, rng);
  task.base_v = nn::uniform_matrix(width, width, bound, rng);
  const Matrix target_q = task.base_q + update(), target_v = task.base_v + update();
  task.x_train = nn::randn_matrix(train_samples, width, rng);
  task.x_val = nn::randn_matrix(val_samples, width, rng);
  auto apply = [](const Matrix& x, const Matrix& w) {
    Matrix y(x.rows(), w.rows());
    nn::matmul_a_bt(x, w, y);
    return y;
  };
  task.y_train_q = apply(task.x_train, target_q);
  task.y_train_v = apply(task.x_train, target_v);
  task.y_val_q = apply(task.x_val, target_q);
  task.y_val_v = apply(task.x_val, target_v);
  return task;
}

struct AdapterResult {
  double relative_val_error;  // validation MSE / the frozen base's validation MSE
  std::vector<double> losses;
  int diverged_step;
};

// Trains LoRA adapters of one rank on the q and v layers (full batch, Adam) and measures them on validation data.
AdapterResult train_adapters(const AdapterTask& task, int rank, double alpha, int steps, double lr, NumpyRandom& rng) {
  const int width = int(task.base_q.rows());
  nn::LoRALinear q("q_proj", width, width, rank, alpha, rng), v("v_proj", width, width, rank, alpha, rng);
  q.base.weight.value = task.base_q;
  v.base.weight.value = task.base_v;
  nn::ParameterList list;
  q.collect(list);
  v.collect(list);
  nn::Adam adam(list, nn::AdamSettings{lr});
  LossCurve curve;
  nn::Tape tape;
  for (int step = 1; step <= steps; ++step) {
    tape.clear();  // the last step's nodes go; their storage stays for this step's
    const nn::Var x = tape.constant(task.x_train);
    const nn::Var loss = nn::add(tape, nn::mse_loss(tape, q.forward(tape, x), task.y_train_q),
                                 nn::mse_loss(tape, v.forward(tape, x), task.y_train_v));
    if (!curve.record(tape.item(loss))) break;
    adam.zero_grad();
    tape.backward(loss);
    adam.step();
  }
  auto validation_error = [&](nn::LoRALinear& layer, const Matrix& target, const Matrix& base) {
    nn::Tape tape(false);
    const Matrix adapted = tape.value(layer.forward(tape, tape.constant(task.x_val)));
    Matrix frozen(task.x_val.rows(), width);
    nn::matmul_a_bt(task.x_val, base, frozen);
    return std::make_pair(double((adapted - target).squaredNorm()), double((frozen - target).squaredNorm()));
  };
  const auto [q_err, q_base] = validation_error(q, task.y_val_q, task.base_q);
  const auto [v_err, v_base] = validation_error(v, task.y_val_v, task.base_v);
  return {(q_err + v_err) / (q_base + v_base), curve.values(), curve.diverged_step()};
}

Result run_rank_ablation(const Params& params, const RunContext& context) {
  const int d_model = params.count("d_model"), width = params.count("task_width"), steps = params.count("steps");
  const double alpha = params.number("alpha"), lr = params.number("lr");
  std::vector<int> ranks;
  for (const auto& r : params.value("ranks")) {
    if (!r.is_number_integer() || r.get<long long>() < 1 || r.get<long long>() > std::min(d_model, width)) {
      fail_param("ranks", format("ranks must be whole numbers from 1 to min(d_model, task_width) = %d (got ",
                                 std::min(d_model, width)) + r.dump() + ")");
    }
    ranks.push_back(r.get<int>());
  }
  const int train_samples = 128, val_samples = 256;
  double work = 0.0;  // two layers; the frozen product and both adapter factors, forward and backward
  for (int r : ranks) work += 2.0 * 2.0 * train_samples * width * (width + 6.0 * r) * steps;
  check_budget(4.0 * (train_samples + val_samples) * width * 16.0, work, "steps", "this ablation");

  NumpyRandom rng(static_cast<std::uint32_t>(params.integer("seed")));
  const AdapterTask task = make_adapter_task(width, train_samples, val_samples, rng);
  Result result;
  json rows = json::array(), labels = json::array(), counts = json::array(), measured = json::array(),
       floors = json::array(), illustrative = json::array();
  bool diverged = false;
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    const int r = ranks[i];
    const long long count = 2LL * (r * d_model + d_model * r);  // q and v adapters at d_model: A (r, d) + B (d, r)
    const double formula = 15.0 + 10.0 * std::exp(-r / 8.0);   // the notebook's made-up perplexity
    const AdapterResult trained = train_adapters(task, r, alpha, steps, lr, rng);
    diverged = diverged || trained.diverged_step > 0;
    const double floor = eckart_young_floor(r, width);
    rows.push_back({{"r", r}, {"params", count}, {"val_metric", number(trained.relative_val_error)},
                    {"best_possible", floor}, {"trained_params", 4LL * r * width}, {"illustrative_ppl", formula}});
    labels.push_back(std::to_string(r));
    counts.push_back(count);
    measured.push_back(number(trained.relative_val_error));
    floors.push_back(floor);
    illustrative.push_back(formula);
    result.print(format("r=%2d: trainable params=%6lld, val perplexity=%.2f (the notebook's illustrative formula)", r,
                        count, formula));
    report_progress(context, int(i) + 1, int(ranks.size()), trained.losses.empty() ? 0.0 : trained.losses.back());
  }
  result.data["ranks"] = rows;
  result.data["val_metric"] = "validation MSE of the adapted q and v layers divided by the frozen base's (1 = the "
                              "adapter learned nothing, 0 = perfect)";
  result.metrics["diverged"] = diverged;

  json ablation = bar_line_chart("LoRA Rank Ablation: Parameters vs measured validation error", "LoRA rank r", labels,
                                 {"trainable params (d_model " + std::to_string(d_model) + ")", counts},
                                 "Trainable Parameters", {"relative validation MSE (measured)", measured},
                                 "Validation MSE / base");
  set_note(ablation, format("Measured: q and v adapters of each rank trained for %d Adam steps on a width-%d task "
                            "whose update has singular values e^(-i/8).", steps, width));
  result.add_chart(std::move(ablation));
  json versus = line_chart("Measured error vs the best any rank-r update can do", "LoRA rank r",
                           "Validation MSE / base", labels, {{"measured", measured}, {"Eckart–Young floor", floors}});
  result.add_chart(std::move(versus));
  json formula_chart = line_chart("The notebook's curve: 15 + 10·exp(−r/8)", "LoRA rank r", "Validation Perplexity",
                                  labels, {{"val perplexity (formula)", illustrative}});
  set_note(formula_chart, "illustrative: the notebook's formula, not a measurement");
  result.add_chart(std::move(formula_chart));

  result.print(format("Measured (width %d, %d Adam steps on %d examples, validated on %d):", width, steps,
                      train_samples, val_samples));
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
    result.insight += format(": here going from r = %d to r = %d multiplies the parameters by %.1f and takes the "
                             "validation error from %.4f to %.4f",
                             a["r"].get<int>(), b["r"].get<int>(), double(b["params"].get<long long>()) /
                             double(a["params"].get<long long>()), a["val_metric"].get<double>(),
                             b["val_metric"].get<double>());
  }
  result.insight += ". The notebook's perplexities come from a formula; the measured curve is real.";
  return result;
}

// == 05.2
Result run_lora_modules(const Params& params, const RunContext&) {
  const long long d_model = params.integer("d_model"), r = params.integer("r"), n_layers = params.integer("n_layers");
  if (r > d_model) fail_param("r", format("r must be at most d_model (%lld > %lld)", r, d_model));
  struct Config {
    const char* name;
    int modules;  // q+v, q+k+v, q+k+v+o
  };
  const Config configs[] = {{"q+v only", 2}, {"q+k+v only", 3}, {"q+k+v+o (all)", 4}};
  const long long per_module = r * d_model + d_model * r;  // A (r, d) + B (d, r)
  // The notebook hard-codes BERT-base here (12 layers of width 768); the lab uses the parameters.
  const long long base_params = n_layers * (4 * d_model * d_model + 2 * 4 * d_model * d_model);

  Result result;
  result.print(format("LoRA rank r=%lld, d_model=%lld, layers=%lld", r, d_model, n_layers));
  result.print("");
  result.print(format("%-20s %12s %14s", "Config", "Params/layer", "Total params"));
  result.print(std::string(48, '-'));
  json rows = json::array(), table = json::array(), labels = json::array(), totals = json::array();
  for (const auto& config : configs) {
    const long long per_layer = config.modules * per_module, total = per_layer * n_layers;
    const double share = 100.0 * double(total) / double(base_params);
    rows.push_back({{"name", config.name}, {"params_per_layer", per_layer}, {"total", total}, {"percent_of_full", share}});
    table.push_back({config.name, per_layer, total, format("%.2f%%", share)});
    labels.push_back(config.name);
    totals.push_back(total);
    result.print(format("%-20s %12s %14s", config.name, with_commas(per_layer).c_str(), with_commas(total).c_str()));
  }
  result.print("");
  result.print("Approx BERT-base attention+FFN params: " + with_commas(base_params));
  for (const auto& row : rows) {
    result.print(format("%-20s: %.2f%% of full fine-tune params", row["name"].get<std::string>().c_str(),
                        row["percent_of_full"].get<double>()));
  }
  result.data["configs"] = rows;
  result.data["base_params"] = base_params;
  result.metrics["base_params"] = base_params;
  result.add_table(format("LoRA parameters at r = %lld, d_model = %lld, %lld layers", r, d_model, n_layers),
                   {"Config", "Params/layer", "Total params", "Share of full fine-tuning"}, table);
  result.add_chart(bar_chart("Trainable LoRA parameters by adapted projections", "Config", "Total params", labels,
                             {{"total", totals}}));
  result.insight = format(
      "Each adapted d×d projection adds 2·r·d parameters, so q+v, q+k+v and all four differ only by a factor of "
      "2 : 3 : 4, and even all four stay under 1%% of full fine-tuning (%.2f%% here).",
      rows[2]["percent_of_full"].get<double>());
  return result;
}

// == 05.3
// The notebook's EarlyStopping: an epoch counts as progress only if it beats the best by more than min_delta;
// after `patience` epochs without progress, training stops.
struct EarlyStopping {
  int patience;
  double min_delta;
  double best_ppl = INFINITY;
  int counter = 0, best_epoch = 0;

  bool step(double val_ppl, int epoch) {  // true: stop now
    if (val_ppl < best_ppl - min_delta) {
      best_ppl = val_ppl;
      counter = 0;
      best_epoch = epoch;
      return false;
    }
    return ++counter >= patience;
  }
};

// The notebook's simulated U-shaped curve: np.random.seed(seed), falling until epoch 8, then rising, with noise.
std::vector<double> simulated_val_ppls(int epochs, std::uint32_t seed) {
  NumpyRandom rng(seed);
  std::vector<double> ppls;
  for (int ep = 0; ep < epochs; ++ep) {
    ppls.push_back(ep < 8 ? 30 - 2.5 * ep + rng.randn() * 0.5 : 11 + 0.8 * (ep - 8) + rng.randn() * 0.5);
  }
  return ppls;
}

Result run_early_stopping(const Params& params, const RunContext&) {
  std::vector<double> ppls;
  const bool simulated = params.value("val_ppls").empty();
  if (simulated) {
    ppls = simulated_val_ppls(params.count("epochs"), static_cast<std::uint32_t>(params.integer("seed")));
  } else {
    for (const auto& v : params.value("val_ppls")) {
      if (!v.is_number() || !std::isfinite(v.get<double>())) {
        fail_param("val_ppls", "val_ppls must be numbers (got " + v.dump() + ")");
      }
      ppls.push_back(v.get<double>());
    }
  }
  EarlyStopping stopper{params.count("patience"), params.number("min_delta")};
  std::optional<int> stopped_at;
  for (int epoch = 0; epoch < int(ppls.size()); ++epoch) {
    if (stopper.step(ppls[std::size_t(epoch)], epoch)) {
      stopped_at = epoch;
      break;
    }
  }
  const int n_epochs = int(ppls.size());
  const int wasted = (stopped_at ? *stopped_at : n_epochs) - stopper.best_epoch - 1;  // the notebook's count

  Result result;
  result.data["best_epoch"] = stopper.best_epoch;
  result.data["best_ppl"] = stopper.best_ppl;
  result.data["stopped_at"] = stopped_at ? json(*stopped_at) : json(nullptr);
  result.data["val_ppls"] = to_json(ppls);
  result.data["simulated"] = simulated;
  result.metrics["best_epoch"] = stopper.best_epoch;
  result.metrics["best_ppl"] = stopper.best_ppl;
  result.metrics["stopped_at"] = result.data["stopped_at"];
  result.metrics["epochs_skipped"] = stopped_at ? n_epochs - *stopped_at - 1 : 0;

  json epochs = json::array(), seen = json::array(), unseen = json::array();
  for (int e = 0; e < n_epochs; ++e) {
    epochs.push_back(e);
    const bool run = !stopped_at || e <= *stopped_at;
    seen.push_back(run ? json(ppls[std::size_t(e)]) : json(nullptr));
    unseen.push_back(!run || (stopped_at && e == *stopped_at) ? json(ppls[std::size_t(e)]) : json(nullptr));
  }
  json chart = line_chart(format("Early Stopping with Patience=%d", stopper.patience), "Epoch", "Perplexity", epochs,
                          {{"Val Perplexity", seen}, {"after the stop (never run)", unseen}});
  add_marker(chart, stopper.best_epoch, format("Best epoch (%d)", stopper.best_epoch));
  if (stopped_at) add_marker(chart, *stopped_at, format("Early stop (%d)", *stopped_at));
  if (simulated) set_note(chart, "simulated: the notebook's U-shaped curve with NumPy noise, not a training run");
  result.add_chart(std::move(chart));

  result.print(format("Best epoch: %d, Best PPL: %.2f", stopper.best_epoch, stopper.best_ppl));
  result.print("Stopped at epoch: " + (stopped_at ? std::to_string(*stopped_at) : std::string("None")) +
               format(" (saved %d wasted epochs)", wasted));
  result.insight = stopped_at
      ? format("Validation perplexity bottomed out at epoch %d; after %d epochs without a gain of more than %g, "
               "training stopped at epoch %d and skipped the last %d of %d epochs.",
               stopper.best_epoch, stopper.patience, stopper.min_delta, *stopped_at, n_epochs - *stopped_at - 1, n_epochs)
      : format("Perplexity never stalled for %d epochs in a row, so training ran all %d epochs.", stopper.patience,
               n_epochs);
  return result;
}

// == 05.4
// exp(mean next-token cross-entropy) over the windows the notebook uses: starts 0, T, 2T, … while a full window
// and its next token fit. All windows go through the model as one batch.
double perplexity(nn::TinyGPT& model, const std::vector<int>& data, int seq_len) {
  std::vector<int> inputs, targets;
  int windows = 0;
  for (int i = 0; i + seq_len < int(data.size()); i += seq_len, ++windows) {
    inputs.insert(inputs.end(), data.begin() + i, data.begin() + i + seq_len);
    targets.insert(targets.end(), data.begin() + i + 1, data.begin() + i + seq_len + 1);
  }
  nn::Tape tape(false);
  return std::exp(double(tape.item(nn::cross_entropy(tape, model.forward(tape, inputs, windows, seq_len), targets))));
}

Result run_tiny_gpt(const Params& params, const RunContext& context) {
  const int vocab = params.count("vocab"), d_model = params.count("d_model"), n_heads = params.count("n_heads");
  const int n_layers = params.count("n_layers"), seq_len = params.count("seq_len"), steps = params.count("steps");
  const bool causal = params.boolean("causal");
  const int symbols = 20, corpus_tokens = 500;  // the notebook's corpus: 500 tokens drawn from 20 symbols
  if (d_model % n_heads != 0) {
    fail_param("n_heads", format("d_model must be divisible by n_heads (%d %% %d != 0)", d_model, n_heads));
  }
  const TransformerSize size{double(seq_len), d_model, 4 * d_model, vocab, n_heads, seq_len, n_layers,
                             double(n_layers) * 12.0 * d_model * d_model + 2.0 * vocab * d_model};
  const double corpus_windows = double(corpus_tokens);  // a perplexity pass reads one corpus as one batch
  check_budget(std::max(transformer_training_bytes(size), transformer_evaluation_bytes(size, corpus_windows)),
               transformer_training_flops(size, steps) + 4.0 * transformer_evaluation_flops(size, corpus_windows),
               "steps", "this training run");

  NumpyRandom rng(static_cast<std::uint32_t>(params.integer("seed")));
  std::vector<int> domain(corpus_tokens), heldout(corpus_tokens);
  for (int& t : domain) t = int(rng.randint(0, symbols));
  for (int& t : heldout) t = int(rng.randint(0, symbols));  // an independent draw of the same kind
  nn::TinyGPT model(vocab, d_model, n_heads, n_layers, std::max(32, seq_len), causal, rng);
  const double before = perplexity(model, domain, seq_len), heldout_before = perplexity(model, heldout, seq_len);

  nn::Adam adam(model.parameters(), nn::AdamSettings{params.number("lr")});
  LossCurve curve;
  nn::Tape tape;
  for (int step = 1; step <= steps; ++step) {  // one random window per step, as the notebook
    const int i = int(rng.randint(0, corpus_tokens - seq_len - 1));
    const std::vector<int> x(domain.begin() + i, domain.begin() + i + seq_len);
    const std::vector<int> y(domain.begin() + i + 1, domain.begin() + i + seq_len + 1);
    tape.clear();  // the last step's nodes go; their storage stays for this step's
    const nn::Var loss = nn::cross_entropy(tape, model.forward(tape, x, 1, seq_len), y);
    if (!curve.record(tape.item(loss))) break;
    adam.zero_grad();
    tape.backward(loss);
    adam.step();
    report_progress(context, step, steps, tape.item(loss));
  }
  const double after = perplexity(model, domain, seq_len), heldout_after = perplexity(model, heldout, seq_len);

  Result result;
  result.metrics["ppl_before"] = before;
  result.metrics["ppl_after"] = after;
  result.metrics["ppl_heldout_before"] = heldout_before;
  result.metrics["ppl_heldout_after"] = heldout_after;
  result.metrics["uniform_ppl"] = symbols;
  result.metrics["final_loss"] = curve.values().empty() ? json(nullptr) : number(curve.values().back());
  report_divergence(result, curve, "Fine-tuning");
  result.data["loss"] = curve.values_json();
  json chart = line_chart(format("Fine-tuning loss (one %d-token window per step)", seq_len), "Step", "Cross-Entropy Loss",
                          curve.steps_json(), {{"training loss", result.data["loss"]}});
  chart["stream"] = "loss";
  result.add_chart(std::move(chart));
  result.add_chart(bar_chart("Perplexity before and after fine-tuning", "Data", "Perplexity",
                             {"training tokens", "held-out tokens"},
                             {{"before", {before, heldout_before}}, {"after", {after, heldout_after}}}));
  result.add_table(causal ? "Perplexity (causal mask: each position sees only the past)"
                          : "Perplexity (no causal mask, as in the notebook: each position also sees the next token)",
                   {"Data", "Before", "After"},
                   {{"training tokens (the notebook's measure)", format("%.2f", before), format("%.2f", after)},
                    {"held-out tokens", format("%.2f", heldout_before), format("%.2f", heldout_after)}});

  result.print(format("Domain corpus perplexity BEFORE fine-tuning: %.2f", before));
  result.print(format("Domain corpus perplexity AFTER  fine-tuning: %.2f", after));
  result.print(format("Improvement: %.1f%%", 100.0 * (before - after) / before));
  result.print(format("Held-out perplexity BEFORE / AFTER: %.2f / %.2f (uniform guessing over %d symbols: %d)",
                      heldout_before, heldout_after, symbols, symbols));
  result.insight =
      causal ? format("The tokens are drawn uniformly from %d symbols, so no model can beat perplexity %d on new "
                      "data. With the causal mask the held-out perplexity ends at %.1f: what fine-tuning learned is "
                      "which %d symbols occur%s, nothing more.",
                      symbols, symbols, heldout_after, symbols,
                      after < symbols ? format(" (and, at %.1f on its training tokens, some of them by heart)", after).c_str()
                                      : "")
             : format("Without a causal mask every position can attend to the next token, the very one it must "
                      "predict: training perplexity falls to %.2f and held-out perplexity to %.2f, far below the %d "
                      "that uniformly random tokens allow. That is the leak, not learning.",
                      after, heldout_after, symbols);
  return result;
}

// == 05.5
Result run_merge_equivalence(const Params& params, const RunContext&) {
  const int in = params.count("in_features"), out = params.count("out_features"), r = params.count("r");
  const int samples = params.count("samples");
  if (r > std::min(in, out)) fail_param("r", format("r must be at most min(in_features, out_features) = %d (got %d)",
                                                    std::min(in, out), r));
  NumpyRandom rng(static_cast<std::uint32_t>(params.integer("seed")));
  nn::LoRALinear layer("layer", in, out, r, params.number("alpha"), rng);
  layer.base.weight.value = nn::randn_matrix(out, in, rng) * 0.02f;  // the notebook's W, A, then B
  layer.lora_A.value = nn::randn_matrix(r, in, rng) * 0.01f;
  layer.lora_B.value = nn::randn_matrix(out, r, rng) * float(params.number("b_std"));  // 0 = the notebook's zeros
  const Matrix x = nn::randn_matrix(samples, in, rng);  // (N, in)

  nn::Tape tape(false);
  const Matrix adapter = tape.value(layer.forward(tape, tape.constant(x)));  // x Wᵀ + s (x Aᵀ) Bᵀ
  const Matrix merged_weight = layer.merged_weight();                         // W + s B A
  Matrix merged(samples, out);
  nn::matmul_a_bt(x, merged_weight, merged);
  const Matrix difference = (adapter - merged).cwiseAbs();
  double total = 0.0;
  for (Eigen::Index i = 0; i < difference.size(); ++i) total += difference.data()[i];
  const double max_diff = difference.maxCoeff(), mean_diff = total / double(difference.size());

  // Both against the exact answer, computed in double: each path's own float32 rounding.
  const nn::MatrixOf<double> exact = x.cast<double>() * (layer.base.weight.value.cast<double>() +
                                     double(layer.scale) * layer.lora_B.value.cast<double>() *
                                     layer.lora_A.value.cast<double>()).transpose();
  const double adapter_error = (adapter.cast<double>() - exact).cwiseAbs().maxCoeff();
  const double merged_error = (merged.cast<double>() - exact).cwiseAbs().maxCoeff();
  double b_squares = 0.0;  // ‖B‖², in order
  const float* b = layer.lora_B.value.data();
  for (Eigen::Index i = 0; i < layer.lora_B.value.size(); ++i) b_squares += double(b[i]) * b[i];

  // Time both paths: the adapter's three matmuls against the merged layer's one (the mean of up to 20 runs,
  // stopping after 200 ms).
  auto time_ms = [](auto&& work) {
    const auto start = std::chrono::steady_clock::now();
    double elapsed = 0.0;
    int runs = 0;
    while (runs < 20 && (runs == 0 || elapsed < 200.0)) {
      work();
      ++runs;
      elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    }
    return elapsed / runs;
  };
  const double adapter_ms = time_ms([&] {
    nn::Tape t(false);
    return t.value(layer.forward(t, t.constant(x)))(0, 0);
  });
  const double merged_ms = time_ms([&] {
    Matrix y(samples, out);
    nn::matmul_a_bt(x, merged_weight, y);
    return y(0, 0);
  });

  Result result;
  result.metrics["max_abs_diff"] = max_diff;
  result.metrics["mean_abs_diff"] = mean_diff;
  result.metrics["b_norm"] = std::sqrt(b_squares);
  result.metrics["adapter_error_vs_exact"] = adapter_error;
  result.metrics["merged_error_vs_exact"] = merged_error;
  result.metrics["max_abs_output"] = double(adapter.cwiseAbs().maxCoeff());
  result.metrics["adapter_ms"] = adapter_ms;
  result.metrics["merged_ms"] = merged_ms;
  result.add_chart(bar_chart("Largest deviation from the exact (float64) output", "Path", "max |error|",
                             {"base + adapter", "merged", "adapter vs merged"},
                             {{"float32", {adapter_error, merged_error, max_diff}}}));
  result.print(format("Merge equivalence test (%d samples):", samples));
  result.print(format("  Max absolute difference:  %.2e", max_diff));
  result.print(format("  Mean absolute difference: %.2e", mean_diff));
  result.print(std::string("  Numerically equivalent:   ") + (max_diff < 1e-5 ? "True" : "False"));
  result.print(format("  ||B|| = %.4f; each path's own max error against float64: adapter %.2e, merged %.2e",
                      std::sqrt(b_squares), adapter_error, merged_error));
  result.insight =
      b_squares > 0.0
          ? "With a non-zero B the two paths really differ in how they round (three float32 products against one), "
            "yet they agree to about float32 precision: W + s·B·A is the same linear map, and the merged layer "
            "needs one matmul instead of three."
          : "With B = 0 (the notebook's initialisation) both paths compute exactly x·Wᵀ, so a zero difference "
            "proves nothing; set b_std above 0 to test the merge for real.";
  return result;
}

}  // namespace

std::vector<Exercise> notebook05() {
  std::vector<Exercise> list;

  list.push_back(Exercise{"05.1",
      {size_param("d_model", 256, 1, 4096, "width of the counted q and v projections; capped at 4096"),
       array_param("ranks", json::array({4, 8, 16, 32}), 1, 8, "LoRA ranks to compare (1 to 8 of them)"),
       number_param("alpha", 16, 0.001, 1000, "LoRA alpha; the update is scaled by alpha / r"),
       size_param("task_width", 64, 4, 128, "width of the measured task's q and v layers; capped at 128"),
       size_param("steps", 150, 1, 3000, "full-batch Adam steps per rank; capped at 3000 (runs over 256 MB or 100 GFLOP are refused)"),
       number_param("lr", 1e-2, 1e-6, 1.0, "Adam learning rate of the adapters"),
       integer_param("seed", 42, 0, 4294967295LL, "seed of the task and the adapters")},
      run_rank_ablation});

  list.push_back(Exercise{"05.2",
      {size_param("d_model", 768, 1, 65536, "projection width d; capped at 65536"),
       size_param("r", 8, 1, 65536, "LoRA rank (at most d_model)"),
       size_param("n_layers", 12, 1, 1000, "transformer layers; capped at 1000")},
      run_lora_modules});

  list.push_back(Exercise{"05.3",
      {array_param("val_ppls", json::array(), 0, 10000,
                   "validation perplexity per epoch; empty = the notebook's simulated curve (NumPy, seed)"),
       size_param("epochs", 20, 1, 10000, "epochs of the simulated curve; capped at 10000"),
       integer_param("patience", 3, 1, 10000, "epochs without improvement before stopping"),
       number_param("min_delta", 0.001, 0, 1e9, "smallest decrease that counts as an improvement"),
       integer_param("seed", 1, 0, 4294967295LL, "NumPy seed of the simulated curve")},
      run_early_stopping});

  list.push_back(Exercise{"05.4",
      {size_param("vocab", 50, 20, 1000, "vocabulary size, at least the corpus's 20 symbols; capped at 1000"),
       size_param("d_model", 64, 1, 256, "model width; must be divisible by n_heads; capped at 256"),
       size_param("n_heads", 2, 1, 16, "attention heads; capped at 16"),
       size_param("n_layers", 2, 1, 8, "transformer blocks; capped at 8"),
       size_param("seq_len", 16, 1, 64, "tokens per window; capped at 64"),
       size_param("steps", 200, 1, 3000, "Adam steps, one window each; capped at 3000 (runs over 256 MB or 100 GFLOP are refused)"),
       number_param("lr", 3e-3, 1e-6, 1.0, "Adam learning rate"),
       boolean_param("causal", true,
                     "mask future positions (a real GPT); false reproduces the notebook's model, which can see "
                     "the token it must predict"),
       integer_param("seed", 0, 0, 4294967295LL, "seed of the corpus, the weights and the windows")},
      run_tiny_gpt});

  list.push_back(Exercise{"05.5",
      {size_param("in_features", 128, 1, 2048, "input width; capped at 2048 (the largest run needs under 200 MB)"),
       size_param("out_features", 64, 1, 2048, "output width; capped at 2048"),
       size_param("r", 8, 1, 4096, "LoRA rank (at most the smaller width)"),
       number_param("alpha", 16, 0.001, 1000, "LoRA alpha; the update is scaled by alpha / r"),
       number_param("b_std", 0.01, 0, 10, "standard deviation of B's entries; 0 = the notebook's all-zero B"),
       size_param("samples", 100, 1, 1000, "input rows; capped at 1000"),
       integer_param("seed", 42, 0, 4294967295LL, "seed of W, A, B and the inputs")},
      run_merge_equivalence});

  return list;
}

}  // namespace lab::exercises
