// Notebook 02, BERT text classification: the warmup schedule, model sizes, gradient accumulation, attention on a
// misclassified negation, and class-weighted loss on imbalanced data.
// Each exercise is a function `params -> Result` between `// == id` markers; the table at the bottom lists them.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <string>
#include <vector>

#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercises/02_bert_classification/negation_corpus.hpp"
#include "core/exercises/catalog.hpp"
#include "core/exercises/training_budget.hpp"
#include "core/exercises/training_loop.hpp"
#include "core/float_format.hpp"
#include "core/array_json.hpp"
#include "core/string_format.hpp"
#include "core/nn/models.hpp"
#include "core/nn/optimizer.hpp"
#include "core/nn/schedule.hpp"
#include "core/random/numpy_random.hpp"

namespace lab::exercises {

namespace {

using nn::Matrix;

// == 02.1
// lr(step) = C^−½ · min(step^−½, step · warmup^−³ᐟ²): nn::warmup_learning_rate in core/nn/schedule.cpp.
Result run_warmup_schedule(const Params& params, const RunContext&) {
  const int warmup = params.count("warmup_steps");
  const int d_model = params.count("d_model");
  const int steps = params.count("steps");

  std::vector<double> lrs;
  json x = json::array();
  double peak = -1.0;
  int peak_step = 0;
  for (int step = 1; step <= steps; ++step) {
    lrs.push_back(nn::warmup_learning_rate(step, warmup, d_model));
    x.push_back(step);
    if (lrs.back() > peak) {  // first maximum, like Python's max()
      peak = lrs.back();
      peak_step = step;
    }
  }

  Result result;
  result.data["lr"] = to_json(lrs);
  result.metrics["peak_lr"] = peak;
  result.metrics["peak_step"] = peak_step;
  result.metrics["final_lr"] = lrs.back();
  json chart = line_chart("Warmup + Inverse-Sqrt LR Schedule (BERT-style)", "Training Step", "Learning Rate",
                          std::move(x), {{"learning rate", result.data["lr"]}});
  add_marker(chart, warmup, "warmup end (step " + std::to_string(warmup) + ")");
  result.add_chart(std::move(chart));
  result.print(format("Peak LR at step %d: %.6f", peak_step, peak));
  if (steps < warmup) {
    result.print(format("(the run ends at step %d, before warmup finishes at step %d)", steps, warmup));
  }
  result.insight =
      "Warmup keeps the first updates small while the embeddings and Adam's moment estimates are still noise; "
      "the rate peaks when warmup ends and then decays as 1/√step.";
  return result;
}

// == 02.2
// The notebook's approximate BERT-family parameter count (bias terms left out, as in the notebook):
//   embeddings  V·H + 512·H + 2·H        (token, position, segment)
//   per layer   4·H² + 2·m·H² + 4·H       (Q, K, V, O; the FFN of width m·H; two layer norms)
long long count_bert_params(long long n_layers, long long hidden, double ffn_mult, long long vocab) {
  const double embed = double(vocab) * hidden + 512.0 * hidden + 2.0 * hidden;
  const double per_layer = 4.0 * hidden * hidden + 2.0 * ffn_mult * hidden * hidden + 4.0 * hidden;
  return static_cast<long long>(std::llround(embed + n_layers * per_layer));
}

struct BertConfig {
  std::string name;
  long long n_layers, hidden, vocab;
  double ffn_mult;
  long long n_heads;  // only the measured latency uses it (attention heads of width hidden / n_heads)
};

// Reads one entry of `configs`, naming the offending path on a bad value.
BertConfig read_config(const std::string& name, const json& entry) {
  const std::string path = "configs." + name;
  if (!entry.is_object()) fail_param("configs", path + " must be an object like {\"n_layers\": 12, \"hidden\": 768}");
  for (const auto& item : entry.items()) {
    const std::string& key = item.key();
    if (key != "n_layers" && key != "hidden" && key != "ffn_mult" && key != "vocab" && key != "n_heads") {
      fail_param("configs", path + ": unknown key \"" + key + "\"; allowed: n_layers, hidden, ffn_mult, vocab, n_heads");
    }
  }
  auto integer = [&](const char* key, long long fallback, long long lo, long long hi, bool required) {
    if (!entry.contains(key)) {
      if (required) fail_param("configs", path + "." + key + " is required");
      return fallback;
    }
    const json& v = entry.at(key);
    const bool whole = v.is_number_integer() || (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>());
    if (!whole || v.get<double>() < lo || v.get<double>() > hi) {
      fail_param("configs", path + "." + key + format(" must be an integer between %lld and %lld (got ", lo, hi) +
                                v.dump() + ")");
    }
    return static_cast<long long>(v.get<double>());
  };
  BertConfig config{name, integer("n_layers", 0, 1, 128, true), integer("hidden", 0, 1, 16384, true),
                    integer("vocab", 30522, 1, 1000000, false), 4.0, 0};
  // Accepted like the notebook's signature; it does not change the count. Absent: BERT's heads of width 64.
  config.n_heads = integer("n_heads", config.hidden % 64 == 0 ? config.hidden / 64 : 1, 1, 256, false);
  if (entry.contains("ffn_mult")) {
    const json& v = entry.at("ffn_mult");
    if (!v.is_number() || v.get<double>() <= 0.0 || v.get<double>() > 64.0) {
      fail_param("configs", path + ".ffn_mult must be a number in (0, 64] (got " + v.dump() + ")");
    }
    config.ffn_mult = v.get<double>();
  }
  return config;
}

// Measured, not quoted: the forward time of `n_layers` post-LN encoder blocks (width `hidden`, FFN ffn_mult·hidden,
// n_heads heads) on one sequence of `tokens` tokens, in this process, on one thread. One block's weights serve
// every layer, so the arithmetic is that of the whole stack while memory stays one block's.
struct Latency {
  std::optional<double> ms;
  std::string not_measured;  // why, when ms is empty
};

constexpr double kLatencyBlockCap = 16e6;  // parameters of the one block built (64 MB)
constexpr double kLatencyWorkCap = 4e9;    // FLOP of one measured forward pass

using BlockCache = std::map<std::tuple<long long, int, long long>, std::unique_ptr<nn::TransformerBlock>>;

Latency measure_latency(const BertConfig& config, int tokens, BlockCache& blocks) {
  const int hidden = int(config.hidden), ffn = std::max(1, int(std::lround(config.ffn_mult * config.hidden)));
  const double block_params = 4.0 * hidden * (hidden + 1.0) + 2.0 * hidden * ffn + ffn + 5.0 * hidden;
  const double flops = 2.0 * block_params * tokens * config.n_layers;
  if (hidden % config.n_heads != 0) return {std::nullopt, format("n_heads %lld does not divide hidden", config.n_heads)};
  if (block_params > kLatencyBlockCap) return {std::nullopt, "one block would exceed 64 MB"};
  if (flops > kLatencyWorkCap) return {std::nullopt, "the forward pass would exceed 4 GFLOP"};
  auto& block = blocks[std::make_tuple(config.hidden, ffn, config.n_heads)];  // one per width: BERT-base and
  if (!block) {                                                                // DistilBERT share theirs
    NumpyRandom rng(0);
    block = std::make_unique<nn::TransformerBlock>("layer", hidden, int(config.n_heads), ffn, rng);
  }
  NumpyRandom rng(1);
  const Matrix x = nn::randn_matrix(tokens, hidden, rng);  // (T, H): one sequence
  auto forward = [&](int layers) {
    nn::Tape tape(/*gradients=*/false);
    nn::Var h = tape.constant(x);
    for (int l = 0; l < layers; ++l) h = block->forward(tape, h, 1, tokens);
    return tape.value(h)(0, 0);
  };
  forward(1);  // warm-up: first touch of the weights
  const auto start = std::chrono::steady_clock::now();
  forward(int(config.n_layers));
  return {std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(), ""};
}

Result run_parameter_counts(const Params& params, const RunContext&) {
  const json& given = params.value("configs");
  if (given.empty()) fail_param("configs", "configs must name at least one model");
  std::vector<BertConfig> configs;
  for (const auto& item : given.items()) configs.push_back(read_config(item.key(), item.value()));
  const std::string& baseline_name = params.text("baseline");
  const BertConfig* baseline = nullptr;
  for (const auto& config : configs) {
    if (config.name == baseline_name) baseline = &config;
  }
  if (!baseline) fail_param("baseline", "baseline \"" + baseline_name + "\" is not one of the configs");
  const double baseline_millions =
      count_bert_params(baseline->n_layers, baseline->hidden, baseline->ffn_mult, baseline->vocab) / 1e6;

  Result result;
  json models = json::array(), rows = json::array(), labels = json::array(), millions_series = json::array();
  result.print(format("%-15s %12s %14s", "Model", "Params (M)", "Relative Size"));
  result.print(std::string(43, '-'));
  for (const auto& config : configs) {
    const long long count = count_bert_params(config.n_layers, config.hidden, config.ffn_mult, config.vocab);
    const double millions = count / 1e6;
    const double relative = millions / baseline_millions;
    models.push_back({{"name", config.name}, {"params", count}, {"relative", relative}});
    rows.push_back({config.name, config.n_layers, config.hidden, count, format("%.1f", millions),
                    format("%.1f%%", 100.0 * relative)});
    labels.push_back(config.name);
    millions_series.push_back(millions);
    result.print(format("%-15s %12.1f %12.1f%%", config.name.c_str(), millions, 100.0 * relative));
  }
  // The lab's own latency: wall-clock, so in keys ending in _ms (the only values that may differ between runs).
  const int tokens = params.count("latency_tokens");
  const std::string scale = format("one sequence of %d tokens through n_layers post-LN encoder blocks of width "
                                   "hidden (FFN ffn_mult x hidden), forward only, one thread, float32, this machine",
                                   tokens);
  json timings = json::array();
  BlockCache blocks;
  for (std::size_t i = 0; i < configs.size() && tokens > 0; ++i) {
    const Latency latency = measure_latency(configs[i], tokens, blocks);
    timings.push_back({{"name", configs[i].name},
                       {"latency_ms", latency.ms ? json(*latency.ms) : json(nullptr)},
                       {"not_measured", latency.ms ? json(nullptr) : json(latency.not_measured)}});
  }
  json latency_rows = json::array();
  for (const auto& timing : timings) {
    latency_rows.push_back({timing["name"], timing["latency_ms"].is_null() ? json(timing["not_measured"])
                                                                          : json(format("%.2f", timing["latency_ms"].get<double>()))});
  }
  result.data["latency"] = {{"tokens", tokens}, {"scale", scale}, {"models", timings}};
  result.data["models"] = std::move(models);
  result.add_table("Parameter counts (relative to " + baseline_name + ")",
                   {"Model", "Layers", "Hidden", "Params", "Params (M)", "Relative size"}, std::move(rows));
  if (tokens > 0) {
    result.add_wall_clock_table("Measured here, this run (wall-clock): forward latency of " + scale,
                                {"Model", "Latency (ms)"}, std::move(latency_rows));
  }
  result.add_chart(bar_chart("Parameters by model", "Model", "Parameters (millions)", std::move(labels),
                             {{"parameters (M)", std::move(millions_series)}}));

  // Quoted, not measured: the notebook hard-codes these two rows and calls them synthetic.
  const json quoted = json::array({json::array({"BERT-base", 0.934, 42}), json::array({"DistilBERT", 0.910, 24})});
  result.data["quoted_benchmark"] = {
      {"source", "quoted by the notebook as 'synthetic, illustrative of real-world tradeoffs'; not measured here"},
      {"rows", quoted}};
  result.add_table("Quoted by the notebook (not measured here): SST-2 accuracy and inference time",
                   {"Model", "SST-2 accuracy (quoted)", "Inference ms (quoted)"}, quoted);
  result.print("");
  result.print("Quoted benchmark (the notebook's hard-coded figures, not measured here):");
  result.print(format("%-15s %10s %15s", "Model", "SST-2 Acc", "Inference (ms)"));
  result.print(std::string(42, '-'));
  result.print(format("%-15s %10.3f %15d", "BERT-base", 0.934, 42));
  result.print(format("%-15s %10.3f %15d", "DistilBERT", 0.910, 24));
  result.insight =
      "Parameters grow with layers × hidden²: halving the depth (DistilBERT) keeps 61% of BERT-base because the "
      "23M-parameter embedding table stays, while shrinking the width (BERT-tiny, H = 128) leaves 4%.";
  return result;
}

// == 02.3
// The notebook's SimpleClassifier: Linear(d, 64) → ReLU → Linear(64, classes), PyTorch's names net.0, net.2.
struct SimpleClassifier {
  nn::Linear hidden, output;
  SimpleClassifier(int features, int hidden_units, int classes, NumpyRandom& rng)
      : hidden("net.0", features, hidden_units, rng), output("net.2", hidden_units, classes, rng) {}
  nn::Var forward(nn::Tape& tape, nn::Var x) { return output.forward(tape, nn::relu(tape, hidden.forward(tape, x))); }
  nn::ParameterList parameters() { return {&hidden.weight, &hidden.bias, &output.weight, &output.bias}; }
};

std::vector<Matrix> gradients_of(const nn::ParameterList& parameters) {
  std::vector<Matrix> grads;
  for (const nn::Parameter* p : parameters) grads.push_back(p->grad);
  return grads;
}

Result run_gradient_accumulation(const Params& params, const RunContext&) {
  const int physical = params.count("physical_batch"), effective = params.count("effective_batch");
  const int features = params.count("features");
  if (effective % physical != 0) {
    fail_param("effective_batch", format("effective_batch must be a multiple of physical_batch (%d %% %d != 0)",
                                         effective, physical));
  }
  const int accumulation_steps = effective / physical;
  NumpyRandom rng(static_cast<std::uint32_t>(params.integer("seed")));
  SimpleClassifier model(features, 64, 2, rng);
  const nn::ParameterList parameters = model.parameters();
  nn::Adam adam(parameters, nn::AdamSettings{params.number("lr")});

  // The micro-batches, drawn like the notebook: x ~ N(0, 1) (physical, d), y uniform in {0, 1}.
  Matrix all_x(effective, features);  // (effective, d): every micro-batch, stacked, for the full-batch check
  std::vector<int> all_y;
  for (int s = 0; s < accumulation_steps; ++s) {
    all_x.middleRows(s * physical, physical) = nn::randn_matrix(physical, features, rng);
    for (int i = 0; i < physical; ++i) all_y.push_back(int(rng.randint(0, 2)));
  }

  // Accumulate: each micro-batch's loss divided by the number of steps, gradients summing in the parameters.
  adam.zero_grad();
  double total_loss = 0.0;
  std::vector<double> micro_losses;
  nn::Tape tape;
  for (int s = 0; s < accumulation_steps; ++s) {
    const std::vector<int> y(all_y.begin() + s * physical, all_y.begin() + (s + 1) * physical);
    tape.clear();  // the last step's nodes go; their storage stays for this step's
    const nn::Var logits = model.forward(tape, tape.constant(all_x.middleRows(s * physical, physical)));
    const nn::Var loss = nn::scale(tape, nn::cross_entropy(tape, logits, y), 1.0f / float(accumulation_steps));
    tape.backward(loss);  // adds to each parameter's .grad
    micro_losses.push_back(tape.item(loss));
    total_loss += tape.item(loss);
  }
  const std::vector<Matrix> accumulated = gradients_of(parameters);

  // The identity: one backward pass over all `effective` examples gives the same gradient.
  adam.zero_grad();
  nn::Tape full;
  const nn::Var full_loss = nn::cross_entropy(full, model.forward(full, full.constant(all_x)), all_y);
  full.backward(full_loss);
  double max_diff = 0.0, max_grad = 0.0;
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    max_diff = std::max(max_diff, double((accumulated[i] - parameters[i]->grad).cwiseAbs().maxCoeff()));
    max_grad = std::max(max_grad, double(parameters[i]->grad.cwiseAbs().maxCoeff()));
  }
  // One optimizer step with the accumulated gradients, as the notebook does.
  for (std::size_t i = 0; i < parameters.size(); ++i) parameters[i]->grad = accumulated[i];
  adam.step();
  adam.zero_grad();
  nn::Tape after(false);
  const float loss_after = after.item(nn::cross_entropy(after, model.forward(after, after.constant(all_x)), all_y));

  Result result;
  result.metrics["scaled_loss_sum"] = total_loss;
  result.metrics["full_batch_loss"] = number(full.item(full_loss));
  result.metrics["max_grad_diff"] = max_diff;
  result.metrics["max_grad"] = max_grad;
  result.metrics["loss_after_step"] = number(loss_after);
  result.data["micro_step_losses"] = to_json(micro_losses);
  json labels = json::array();
  for (int s = 1; s <= accumulation_steps; ++s) labels.push_back("step " + std::to_string(s));
  json bars = bar_chart("Loss of each micro-batch, divided by the accumulation steps", "Micro-batch",
                        "loss / accumulation_steps", labels, {{"scaled loss", result.data["micro_step_losses"]}});
  set_note(bars, format("They sum to %.4f, the loss of the whole effective batch (%.4f).", total_loss,
                        full.item(full_loss)));
  result.add_chart(std::move(bars));

  result.print(format("Effective batch size: %d", effective));
  result.print(format("Physical batch size:  %d", physical));
  result.print(format("Accumulation steps:   %d", accumulation_steps));
  result.print(format("Scaled loss (sum of mini-step losses): %.4f", total_loss));
  result.print(format("Full-batch loss (one pass over all %d examples): %.4f", effective, full.item(full_loss)));
  result.print(format("Max |accumulated - full-batch gradient|: %.1e (largest gradient entry %.1e)", max_diff, max_grad));
  result.insight =
      "Dividing each micro-batch's loss by the number of accumulation steps makes the summed gradients equal the "
      "gradient of the mean loss over the whole effective batch, exactly: max_grad_diff is at most float rounding, "
      "never an approximation. Memory is that of one physical batch.";
  return result;
}

// == 02.4
// A small BERT-style classifier: token + position embeddings, post-LN blocks, and a linear head on [CLS]
// (the first position).
struct NegationClassifier {
  nn::Embedding embed;
  nn::Parameter positions;  // (T, C)
  std::vector<nn::TransformerBlock> blocks;
  nn::Linear head;
  NegationClassifier(int vocab, int seq_len, int d_model, int n_heads, int n_layers, NumpyRandom& rng)
      : embed("embed", vocab, d_model, rng), positions("pos", nn::normal_matrix(seq_len, d_model, 0.02, rng)),
        head("head", d_model, 2, rng) {
    blocks.reserve(std::size_t(n_layers));
    for (int l = 0; l < n_layers; ++l) {
      blocks.emplace_back("blocks." + std::to_string(l), d_model, n_heads, 2 * d_model, rng);
    }
  }
  // B sentences of T tokens → logits (B, 2); `last_attention` receives the last block's maps (B, H, T, T).
  nn::Var forward(nn::Tape& tape, const std::vector<int>& tokens, int batch, int seq_len, nn::AttentionMaps* last_attention) {
    std::vector<int> position_ids(static_cast<std::size_t>(seq_len));
    for (int t = 0; t < seq_len; ++t) position_ids[std::size_t(t)] = t;
    nn::Var h = nn::add(tape, embed.forward(tape, tokens), nn::embedding(tape, tape.parameter(positions), position_ids));
    for (std::size_t l = 0; l < blocks.size(); ++l) {
      h = blocks[l].forward(tape, h, batch, seq_len, l + 1 == blocks.size() ? last_attention : nullptr);
    }
    std::vector<int> cls_rows;  // row b*T of every sentence
    for (int b = 0; b < batch; ++b) cls_rows.push_back(b * seq_len);
    return head.forward(tape, nn::embedding(tape, h, cls_rows));  // (B, C) → (B, 2)
  }
  nn::ParameterList parameters() {
    nn::ParameterList list{&positions};
    embed.collect(list);
    for (auto& block : blocks) block.collect(list);
    head.collect(list);
    return list;
  }
};

// The notebook's figure, reproduced: random Dirichlet "attention" for 3 layers × 4 heads (np.random.seed(seed)),
// with the weight on "good" tripled in the last layer, then averaged over its heads. Illustrative, not a model.
std::vector<double> dirichlet_illustration(const std::vector<std::string>& words, std::uint32_t seed) {
  NumpyRandom rng(seed);
  const std::size_t n = words.size();
  std::vector<std::vector<double>> last_layer;
  for (int draw = 0; draw < 3 * 4; ++draw) {
    std::vector<double> row = rng.dirichlet(std::vector<double>(n, 1.0));
    if (draw >= 2 * 4) last_layer.push_back(row);
  }
  const auto good = std::find(words.begin(), words.end(), "good");
  std::vector<double> average(n, 0.0);
  for (auto& row : last_layer) {
    if (good != words.end()) {
      row[std::size_t(good - words.begin())] *= 3;
      const double total = numpy_sum(row);
      for (double& v : row) v /= total;
    }
    for (std::size_t j = 0; j < n; ++j) average[j] += row[j];
  }
  for (double& v : average) v /= 4.0;
  return average;
}

Result run_negation_attention(const Params& params, const RunContext& context) {
  std::vector<std::string> words;
  for (const auto& token : params.value("tokens")) {
    if (!token.is_string() || token.get<std::string>().empty() || token.get<std::string>().size() > 20) {
      fail_param("tokens", "tokens must be words of 1 to 20 characters, e.g. [\"[CLS]\", \"The\", \"movie\", ...]");
    }
    words.push_back(token.get<std::string>());
  }
  const int steps = params.count("steps"), seq_len = int(words.size());
  const auto seed = static_cast<std::uint32_t>(params.integer("seed"));
  const NegationCorpus& corpus = negation_corpus();
  std::vector<int> example;
  std::vector<std::string> unknown;
  for (const auto& w : words) {
    example.push_back(corpus.id_of(w));
    if (example.back() == 2 && w != "[UNK]") unknown.push_back(w);
  }

  // Held out: every fifth sentence, and the example itself, so the model is judged on sentences it never saw.
  std::vector<int> train_negated, train_plain, heldout;
  for (int i = 0; i < int(corpus.sentences.size()); ++i) {
    if (i % 5 == 4 || corpus.sentences[std::size_t(i)] == example) {
      heldout.push_back(i);
    } else {
      (corpus.negated[std::size_t(i)] ? train_negated : train_plain).push_back(i);
    }
  }
  const int T = int(corpus.sentences[0].size()), batch = 32, n_heads = 2;
  NumpyRandom rng(seed);
  NegationClassifier model(int(corpus.vocabulary.size()), T, 32, n_heads, 2, rng);
  nn::Adam adam(model.parameters(), nn::AdamSettings{params.number("lr")});

  auto p_positive = [&](const std::vector<int>& tokens, nn::AttentionMaps* attention) {
    nn::Tape tape(false);
    const Matrix logits = tape.value(model.forward(tape, tokens, 1, int(tokens.size()), attention));
    return 1.0 / (1.0 + std::exp(double(logits(0, 0)) - double(logits(0, 1))));  // softmax over two classes
  };
  LossCurve curve;
  json probability_steps = json::array(), probability_values = json::array();
  nn::Tape tape;
  for (int step = 1; step <= steps; ++step) {
    std::vector<int> tokens, labels;  // half negated sentences, half plain ones: negation must be learned
    for (int b = 0; b < batch; ++b) {
      const auto& pool = b % 2 == 0 ? train_negated : train_plain;
      const int index = pool[std::size_t(rng.randint(0, (long long)pool.size()))];
      const auto& sentence = corpus.sentences[std::size_t(index)];
      tokens.insert(tokens.end(), sentence.begin(), sentence.end());
      labels.push_back(corpus.labels[std::size_t(index)]);
    }
    tape.clear();  // the last step's nodes go; their storage stays for this step's
    const nn::Var loss = nn::cross_entropy(tape, model.forward(tape, tokens, batch, T, nullptr), labels);
    if (!curve.record(tape.item(loss))) break;
    adam.zero_grad();
    tape.backward(loss);
    adam.step();
    report_progress(context, step, steps, tape.item(loss));
    if (step % 10 == 0 || step == 1) {
      probability_steps.push_back(step);
      probability_values.push_back(p_positive(example, nullptr));
    }
  }

  // Held-out accuracy, overall and on negated sentences.
  int correct = 0, negated_total = 0, negated_correct = 0;
  for (int index : heldout) {
    const bool right = (p_positive(corpus.sentences[std::size_t(index)], nullptr) > 0.5) ==
                       (corpus.labels[std::size_t(index)] == 1);
    correct += right;
    if (corpus.negated[std::size_t(index)]) {
      ++negated_total;
      negated_correct += right;
    }
  }
  // The example: the last block's attention from [CLS] (row 0 of each head's map), averaged over the heads.
  nn::AttentionMaps attention;
  const double probability = p_positive(example, &attention);  // (1, H, T, T)
  std::vector<double> average(std::size_t(seq_len), 0.0);
  for (int h = 0; h < n_heads; ++h) {
    for (int j = 0; j < seq_len; ++j) average[std::size_t(j)] += attention(0, h, 0, j) / n_heads;
  }
  const std::optional<int> truth = corpus.label_of(words);
  const int predicted = probability > 0.5 ? 1 : 0;

  Result result;
  result.data["tokens"] = words;
  result.data["avg_attention"] = to_json(average);
  result.data["notebook_illustration"] = to_json(dirichlet_illustration(words, seed));
  result.data["unknown_tokens"] = unknown;
  result.data["p_positive_during_training"] = {{"steps", probability_steps}, {"p_positive", probability_values}};
  result.data["loss"] = curve.values_json();
  result.metrics["p_positive"] = probability;
  result.metrics["predicted_label"] = predicted == 1 ? "positive" : "negative";
  result.metrics["true_label"] = truth ? json(*truth == 1 ? "positive" : "negative") : json(nullptr);
  result.metrics["heldout_accuracy"] = double(correct) / double(heldout.size());
  result.metrics["heldout_negated_accuracy"] = negated_total ? json(double(negated_correct) / negated_total) : json(nullptr);
  report_divergence(result, curve, "Training");

  std::vector<int> highlight;
  for (int j = 0; j < seq_len; ++j) {
    const std::string w = words[std::size_t(j)];
    if (w == "not" || w == "good") highlight.push_back(j);
  }
  json measured = bar_chart("Avg Attention to [CLS] — Last Layer (a model trained here on negation sentences)", "Token",
                            "Attention Weight", words, {{"attention from [CLS]", result.data["avg_attention"]}});
  set_highlight(measured, highlight);
  set_note(measured, format("Measured: a 2-layer, 2-head encoder trained for %d steps on %d templated reviews; "
                            "mean over the last layer's heads. P(positive) = %.3f.", int(curve.values().size()),
                            int(train_negated.size() + train_plain.size()), probability));
  result.add_chart(std::move(measured));
  json illustration = bar_chart("The notebook's figure: Avg Attention to [CLS] — Last Layer", "Token",
                                "Attention Weight", words, {{"Dirichlet draw", result.data["notebook_illustration"]}});
  set_highlight(illustration, highlight);
  set_note(illustration, "illustrative: the notebook's random Dirichlet numbers with the weight on \"good\" tripled "
                         "by hand, not a model's attention");
  result.add_chart(std::move(illustration));
  json trajectory = line_chart("P(positive) for the example while training", "Step", "P(positive)", probability_steps,
                               {{"P(positive)", probability_values}});
  result.add_chart(std::move(trajectory));

  auto weight_of = [&](const char* word) -> std::string {
    for (int j = 0; j < seq_len; ++j) {
      if (words[std::size_t(j)] == word) return format("%.3f", average[std::size_t(j)]);
    }
    return "absent";
  };
  result.print(format("Held-out accuracy: %.1f%% (negated sentences: %.1f%%)", 100.0 * correct / double(heldout.size()),
                      negated_total ? 100.0 * negated_correct / negated_total : 0.0));
  result.print(format("Example prediction: %s (P(positive) = %.3f); by the rule it is %s",
                      predicted ? "positive" : "negative",
                      probability, truth ? (*truth ? "positive" : "negative") : "unknown (no single known adjective)"));
  result.print("Attention from [CLS], last layer, mean over heads: not " + weight_of("not") + ", good " +
               weight_of("good"));
  std::vector<int> order(static_cast<std::size_t>(seq_len));  // tokens by attention, largest first (ties: earlier token)
  for (int j = 0; j < seq_len; ++j) order[std::size_t(j)] = j;
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return average[std::size_t(a)] > average[std::size_t(b)]; });
  auto attended = [&](std::size_t rank) {
    const int j = order[std::min(rank, order.size() - 1)];
    return format("\"%s\" (%.2f)", words[std::size_t(j)].c_str(), average[std::size_t(j)]);
  };
  const std::string verdict = !truth ? "The rule gives no label for this sentence"
                              : *truth == predicted ? "Trained here on negations, the model gets this example right"
                                                    : "The model trained here gets this example wrong";
  result.insight = verdict + format(" (P(positive) = %.3f); its last layer's [CLS] attends mostly to ", probability) +
                   attended(0) + " and " + attended(1) +
                   ". The notebook's chart is Dirichlet noise with \"good\" tripled by hand: it pictures a negation "
                   "failure rather than measuring one. Attention is a hint, not an explanation: [CLS] also gathers "
                   "\"not\" through the earlier layer.";
  return result;
}

// == 02.5
struct ImbalancedData {
  Matrix x;            // (N, 16): class c is N(0, I) shifted by its centre in the first two features
  std::vector<int> y;  // N labels, class by class
};

ImbalancedData draw_imbalanced(const std::vector<int>& counts, NumpyRandom& rng) {
  const double centres[3][2] = {{0.0, 0.0}, {3.0, 0.0}, {1.5, 2.5}};
  int total = 0;
  for (int n : counts) total += n;
  ImbalancedData data{Matrix(total, 16), {}};
  int row = 0;
  for (int c = 0; c < 3; ++c) {
    for (int i = 0; i < counts[std::size_t(c)]; ++i, ++row) {  // np.random.randn(n, 16) + pad(centre), row by row
      for (int f = 0; f < 16; ++f) data.x(row, f) = float(rng.randn() + (f < 2 ? centres[c][f] : 0.0));
      data.y.push_back(c);
    }
  }
  return data;
}

struct ClassifierRun {
  std::vector<double> losses;
  std::vector<double> train_accuracy, test_accuracy;  // per class
  int diverged_step = 0;
};

std::vector<double> per_class_accuracy(SimpleClassifier& model, const ImbalancedData& data) {
  nn::Tape tape(false);
  const Matrix logits = tape.value(model.forward(tape, tape.constant(data.x)));
  std::vector<double> correct(3, 0.0), seen(3, 0.0);
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    Eigen::Index best = 0;
    logits.row(i).maxCoeff(&best);
    seen[std::size_t(data.y[std::size_t(i)])] += 1;
    correct[std::size_t(data.y[std::size_t(i)])] += best == data.y[std::size_t(i)];
  }
  for (int c = 0; c < 3; ++c) correct[std::size_t(c)] /= seen[std::size_t(c)];
  return correct;
}

// Full-batch Adam on the whole training set, with or without class weights (the notebook's train_classifier).
ClassifierRun train_classifier(const ImbalancedData& train, const ImbalancedData& test, const std::vector<float>& weights,
                               int epochs, double lr, NumpyRandom& rng, const RunContext& context, int progress_offset,
                               int progress_total) {
  SimpleClassifier model(16, 32, 3, rng);
  nn::Adam adam(model.parameters(), nn::AdamSettings{lr});
  LossCurve curve;
  nn::Tape tape;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    tape.clear();  // the last step's nodes go; their storage stays for this step's
    const nn::Var loss = nn::cross_entropy(tape, model.forward(tape, tape.constant(train.x)), train.y, weights);
    if (!curve.record(tape.item(loss))) break;
    adam.zero_grad();
    tape.backward(loss);
    adam.step();
    report_progress(context, progress_offset + epoch, progress_total, tape.item(loss));
  }
  return {curve.values(), per_class_accuracy(model, train), per_class_accuracy(model, test), curve.diverged_step()};
}

Result run_class_weights(const Params& params, const RunContext& context) {
  std::vector<int> counts;
  for (const auto& c : params.value("class_counts")) {
    if (!c.is_number_integer() || c.get<long long>() < 1 || c.get<long long>() > 20000) {
      fail_param("class_counts", "class_counts must be three whole numbers between 1 and 20000 (got " +
                                     params.value("class_counts").dump() + ")");
    }
    counts.push_back(c.get<int>());
  }
  const int epochs = params.count("epochs");
  const double lr = params.number("lr");
  const double examples = double(counts[0]) + counts[1] + counts[2];
  // Two runs of `epochs` full-batch steps through 16 → 32 → 3, forward and backward (about 3× the forward).
  check_budget(4.0 * examples * (2 * 16 + 8 * 32 + 8 * 3), 2.0 * epochs * examples * 6.0 * (16 * 32 + 32 * 3),
               "epochs", "this training run");
  NumpyRandom rng(static_cast<std::uint32_t>(params.integer("seed")));
  const ImbalancedData train = draw_imbalanced(counts, rng);  // np.random.seed(0) then the notebook's draws
  const double total = double(counts[0] + counts[1] + counts[2]);
  std::vector<float> weights;  // inverse frequency: N / (3 n_c)
  for (int n : counts) weights.push_back(float(total / (3.0 * n)));

  const ImbalancedData test = draw_imbalanced(counts, rng);  // a fresh draw of the same sizes, for held-out accuracy
  const ClassifierRun weighted = train_classifier(train, test, weights, epochs, lr, rng, context, 0, 2 * epochs);
  const ClassifierRun unweighted = train_classifier(train, test, {}, epochs, lr, rng, context, epochs, 2 * epochs);

  Result result;
  result.data["class_weights"] = to_json(weights);
  result.data["per_class_accuracy"] = {{"weighted", to_json(weighted.train_accuracy)},
                                       {"unweighted", to_json(unweighted.train_accuracy)}};
  result.data["heldout_per_class_accuracy"] = {{"weighted", to_json(weighted.test_accuracy)},
                                               {"unweighted", to_json(unweighted.test_accuracy)}};
  result.data["loss"] = {{"weighted", to_json(weighted.losses)}, {"unweighted", to_json(unweighted.losses)}};
  result.metrics["minority_accuracy_weighted"] = weighted.train_accuracy[2];
  result.metrics["minority_accuracy_unweighted"] = unweighted.train_accuracy[2];
  result.metrics["diverged"] = weighted.diverged_step > 0 || unweighted.diverged_step > 0;
  result.metrics["diverged_step"] = weighted.diverged_step > 0 ? json(weighted.diverged_step)
                                    : unweighted.diverged_step > 0 ? json(unweighted.diverged_step) : json(nullptr);

  json epochs_axis = json::array();
  for (int e = 1; e <= epochs; ++e) epochs_axis.push_back(e);
  json curves = line_chart("Training loss, with and without class weights", "Epoch", "Cross-Entropy Loss", epochs_axis,
                           {{"weighted", result.data["loss"]["weighted"]},
                            {"unweighted", result.data["loss"]["unweighted"]}});
  set_note(curves, "The two losses are on different scales: the weighted one counts each minority example up to "
                   "8× more.");
  result.add_chart(std::move(curves));
  json labels = json::array();
  for (int c = 0; c < 3; ++c) labels.push_back(format("Class %d (n=%d)", c, counts[std::size_t(c)]));
  json bars = bar_chart("Per-class accuracy on the training set (as the notebook measures it)", "Class", "Accuracy",
                        labels, {{"weighted loss", result.data["per_class_accuracy"]["weighted"]},
                                 {"unweighted loss", result.data["per_class_accuracy"]["unweighted"]}});
  result.add_chart(std::move(bars));
  json heldout = bar_chart("Per-class accuracy on a fresh draw of the same sizes (held out)", "Class", "Accuracy", labels,
                           {{"weighted loss", result.data["heldout_per_class_accuracy"]["weighted"]},
                            {"unweighted loss", result.data["heldout_per_class_accuracy"]["unweighted"]}});
  result.add_chart(std::move(heldout));

  result.print(format("Class weights: tensor([%.4f, %.4f, %.4f])", weights[0], weights[1], weights[2]));
  result.print("");
  result.print(format("%-20s Class 0 (n=%d)  Class 1 (n=%d)  Class 2 (n=%d)", "", counts[0], counts[1], counts[2]));
  auto row = [](const char* name, const std::vector<double>& a) {
    return format("%s %13.2f%%  %13.2f%%  %13.2f%%", name, 100.0 * a[0], 100.0 * a[1], 100.0 * a[2]);
  };
  result.print(row("Weighted loss:  ", weighted.train_accuracy));
  result.print(row("Unweighted loss:", unweighted.train_accuracy));
  if (weighted.diverged_step || unweighted.diverged_step) {
    result.print("A run diverged (its loss became NaN or infinite) and stopped early; try a smaller learning rate.");
  }
  result.insight = format(
      "Without weights the loss is dominated by the %d majority examples, and the minority class gets %.0f%% "
      "accuracy; inverse-frequency weights make each class count equally in the loss and lift it to %.0f%%, "
      "at some cost to the majority class (%.0f%% vs %.0f%%).",
      counts[0], 100.0 * unweighted.train_accuracy[2], 100.0 * weighted.train_accuracy[2],
      100.0 * weighted.train_accuracy[0],
      100.0 * unweighted.train_accuracy[0]);
  return result;
}

json default_bert_configs() {
  return {{"BERT-base", {{"n_layers", 12}, {"hidden", 768}}},
          {"DistilBERT", {{"n_layers", 6}, {"hidden", 768}}},
          {"BERT-tiny", {{"n_layers", 2}, {"hidden", 128}}}};
}

}  // namespace

std::vector<Exercise> notebook02() {
  std::vector<Exercise> list;

  list.push_back(Exercise{"02.1",
      {integer_param("warmup_steps", 100, 1, 1000000, "steps of linear warmup"),
       integer_param("d_model", 768, 1, 65536, "model width C; scales the whole curve by C^−½"),
       size_param("steps", 500, 1, 100000, "steps to simulate (one value each); capped at 100000")},
      run_warmup_schedule});

  list.push_back(Exercise{"02.2",
      {object_param("configs", default_bert_configs(), 12,
                    "models to count: name -> {n_layers, hidden, ffn_mult? (4), vocab? (30522)}; at most 12"),
       string_param("baseline", "BERT-base", 64, "the config the relative sizes are measured against"),
       size_param("latency_tokens", 8, 0, 64,
                     "tokens of the one sequence whose forward pass the lab times (0 = no timing); at most 64")},
      run_parameter_counts});

  list.push_back(Exercise{"02.3",
      {size_param("physical_batch", 8, 1, 1024, "examples per micro-batch; capped at 1024"),
       size_param("effective_batch", 64, 1, 8192,
                  "examples per optimizer step (a multiple of physical_batch); capped at 8192"),
       size_param("features", 128, 1, 1024, "input features d of the classifier d → 64 → 2; capped at 1024"),
       number_param("lr", 1e-3, 1e-6, 1.0, "Adam learning rate of the one step taken"),
       integer_param("seed", 0, 0, 4294967295LL, "seed of the weights and the random batches")},
      run_gradient_accumulation});

  list.push_back(Exercise{"02.4",
      {array_param("tokens", json::array({"[CLS]", "The", "movie", "was", "not", "good", "at", "all", "[SEP]"}), 2, 9,
                   "the example, one word per item (case-insensitive; unknown words become [UNK]); 2 to 9 tokens, "
                   "the first is pooled as [CLS]"),
       size_param("steps", 200, 1, 2000, "Adam steps of 32 sentences each; capped at 2000"),
       number_param("lr", 3e-3, 1e-6, 1.0, "Adam learning rate"),
       integer_param("seed", 42, 0, 4294967295LL, "seed of the model, the batches and the notebook's illustration")},
      run_negation_attention});

  list.push_back(Exercise{"02.5",
      {array_param("class_counts", json::array({1000, 200, 50}), 3, 3,
                   "examples of classes 0, 1, 2 (centres (0,0), (3,0), (1.5,2.5) in the first two of 16 features); "
                   "each 1 to 20000"),
       size_param("epochs", 30, 1, 2000, "full-batch Adam steps; capped at 2000 (runs over 256 MB or 100 GFLOP are refused)"),
       number_param("lr", 5e-3, 1e-6, 1.0, "Adam learning rate"),
       integer_param("seed", 0, 0, 4294967295LL, "seed of the data (NumPy's RandomState) and the weights")},
      run_class_weights});

  return list;
}

}  // namespace lab::exercises
