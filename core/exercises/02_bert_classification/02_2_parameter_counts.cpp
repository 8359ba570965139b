// 02.2 Where BERT's parameters live: the notebook's count for each model of `configs` (BERT-base, DistilBERT and
// BERT-tiny by default), relative to a baseline, beside a latency the lab measures itself.
//   read     the configs, each named by its path when a value is wrong, and the baseline among them
//   count    embeddings V·H + 512·H + 2·H and, per layer, 4·H² + 2·m·H² + 4·H (biases left out, as in the notebook)
//   measure  the forward time of n_layers encoder blocks on one short sequence, here, on one thread: the median of
//            interleaved passes within a fixed budget, with their spread (wall-clock: encoder_latency.hpp)
//   report   the counts as a table, a bar chart and the notebook's printout; the notebook's quoted benchmark,
//            labelled as quoted
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/exercises/02_bert_classification/encoder_latency.hpp"
#include "core/param_values.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

// The notebook's approximate BERT-family parameter count (bias terms left out, as in the notebook):
//   embeddings  V·H + 512·H + 2·H        (token, position, segment)
//   per layer   4·H² + 2·m·H² + 4·H       (Q, K, V, O; the FFN of width m·H; two layer norms)
double count_embedding_params(long long hidden, long long vocab) {
  return double(vocab) * hidden + 512.0 * hidden + 2.0 * hidden;
}

long long count_bert_params(long long n_layers, long long hidden, double ffn_mult, long long vocab) {
  const double embed = count_embedding_params(hidden, vocab);
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
      fail_param("configs",
                 path + ": unknown key \"" + key + "\"; allowed: n_layers, hidden, ffn_mult, vocab, n_heads");
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
                                shown_value(v) + ")");
    }
    return static_cast<long long>(v.get<double>());
  };
  BertConfig config{name,
                    integer("n_layers", 0, 1, 128, true),
                    integer("hidden", 0, 1, 16384, true),
                    integer("vocab", 30522, 1, 1000000, false),
                    4.0,
                    0};
  // Accepted like the notebook's signature; it does not change the count. Absent: BERT's heads of width 64.
  config.n_heads = integer("n_heads", config.hidden % 64 == 0 ? config.hidden / 64 : 1, 1, 256, false);
  if (entry.contains("ffn_mult")) {
    const json& v = entry.at("ffn_mult");
    if (!v.is_number() || v.get<double>() <= 0.0 || v.get<double>() > 64.0) {
      fail_param("configs", path + ".ffn_mult must be a number in (0, 64] (got " + shown_value(v) + ")");
    }
    config.ffn_mult = v.get<double>();
  }
  return config;
}

std::vector<BertConfig> read_configs(const json& given) {
  if (given.empty()) fail_param("configs", "configs must name at least one model");
  std::vector<BertConfig> configs;
  for (const auto& item : given.items()) configs.push_back(read_config(item.key(), item.value()));
  return configs;
}

const BertConfig& find_baseline(const std::vector<BertConfig>& configs, const std::string& baseline_name) {
  const BertConfig* baseline = nullptr;
  for (const auto& config : configs) {
    if (config.name == baseline_name) baseline = &config;
  }
  if (!baseline) fail_param("baseline", "baseline \"" + baseline_name + "\" is not one of the configs");
  return *baseline;
}

struct ModelCount {
  const BertConfig* config;
  long long params, embedding_params;
  double millions, relative;  // relative: to the baseline's millions
};

std::vector<ModelCount> count_models(const std::vector<BertConfig>& configs, const BertConfig& baseline) {
  const double baseline_millions =
      count_bert_params(baseline.n_layers, baseline.hidden, baseline.ffn_mult, baseline.vocab) / 1e6;
  std::vector<ModelCount> counts;
  for (const auto& config : configs) {
    const long long count = count_bert_params(config.n_layers, config.hidden, config.ffn_mult, config.vocab);
    const double millions = count / 1e6;
    const long long embedding = std::llround(count_embedding_params(config.hidden, config.vocab));
    counts.push_back({&config, count, embedding, millions, millions / baseline_millions});
  }
  return counts;
}

// Quoted, not measured: the notebook hard-codes these two rows and calls them synthetic.
void report_quoted_benchmark(Result& result) {
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
}

// The measured latency as a wall-clock table: one row per model, the spread of its block passes beside the latency.
void report_latency(const json& timings, int tokens, Result& result) {
  const std::string scale = format(
      "one sequence of %d tokens through post-LN encoder blocks of the model's width (FFN ffn_mult x hidden), "
      "forward only, one thread, float32, this machine; latency = n_layers x the median time of one block, timed in "
      "interleaved passes (one block of each width in turn) within %.0f ms",
      tokens, kLatencyBudgetMs);
  json rows = json::array();
  for (const auto& timing : timings) {
    if (timing["latency_ms"].is_null()) {
      rows.push_back({timing["name"], timing["layers"], "not timed: " + timing["not_measured"].get<std::string>(), "",
                      "", "", ""});
      continue;
    }
    const json& pass = timing["block_pass_ms"];
    auto ms = [](const json& value) {  // three significant digits: no clock is finer than that here
      const double v = value.get<double>();
      return format(v >= 10.0 ? "%.1f" : v >= 1.0 ? "%.2f" : "%.3f", v);
    };
    rows.push_back({timing["name"], timing["layers"], ms(pass["min"]), ms(pass["median"]), ms(pass["max"]),
                    pass["passes"], format("%.2f", timing["latency_ms"].get<double>())});
  }
  // The lab's own latency: wall-clock, so in keys ending in _ms (the only values that may differ between runs).
  result.data["latency"] = {{"tokens", tokens}, {"scale", scale}, {"budget_ms", kLatencyBudgetMs}, {"models", timings}};
  if (tokens > 0) {
    result.add_wall_clock_table("Measured here, this run (wall-clock): forward latency of " + scale,
                                {"Model", "Layers", "one block: min (ms)", "median (ms)", "max (ms)", "passes",
                                 "latency = layers x median (ms)"},
                                std::move(rows));
  }
}

// What the counts say, in this run's numbers: every model against the baseline, and how much of the baseline is
// its embedding table, which depth does not shrink.
std::string counts_insight(const std::vector<ModelCount>& counts, const std::string& baseline_name) {
  const ModelCount* baseline = nullptr;
  for (const ModelCount& model : counts) {
    if (model.config->name == baseline_name) baseline = &model;
  }
  std::string text = format(
      "Parameters grow with layers × hidden², but the embedding table (V·H, plus positions and segments) does not "
      "shrink with depth: %s has %.1fM parameters, %.1fM of them embeddings.",
      baseline_name.c_str(), baseline->millions, baseline->embedding_params / 1e6);
  std::string others;
  for (const ModelCount& model : counts) {
    if (&model == baseline) continue;
    others += format("%s%s (%lld layers, H = %lld) has %.1f%%", others.empty() ? "" : "; ", model.config->name.c_str(),
                     model.config->n_layers, model.config->hidden, 100.0 * model.relative);
  }
  if (!others.empty()) {
    text += format(" Against its %lld layers at H = %lld: ", baseline->config->n_layers, baseline->config->hidden) +
            others + ".";
  }
  return text;
}

Result report(const std::vector<ModelCount>& counts, const json& timings, int tokens,
              const std::string& baseline_name) {
  Result result;
  json models = json::array(), rows = json::array(), labels = json::array(), millions_series = json::array();
  result.print(format("%-15s %12s %14s", "Model", "Params (M)", "Relative Size"));
  result.print(std::string(43, '-'));
  for (const ModelCount& model : counts) {
    const BertConfig& config = *model.config;
    models.push_back({{"name", config.name},
                      {"params", model.params},
                      {"relative", model.relative},
                      {"embedding_params", model.embedding_params}});
    rows.push_back({config.name, config.n_layers, config.hidden, model.params, format("%.1f", model.millions),
                    format("%.1f%%", 100.0 * model.relative)});
    labels.push_back(config.name);
    millions_series.push_back(model.millions);
    result.print(format("%-15s %12.1f %12.1f%%", config.name.c_str(), model.millions, 100.0 * model.relative));
  }
  result.data["models"] = std::move(models);
  result.add_table("Parameter counts (relative to " + baseline_name + ")",
                   {"Model", "Layers", "Hidden", "Params", "Params (M)", "Relative size"}, std::move(rows));
  report_latency(timings, tokens, result);
  result.add_chart("params", bar_chart("Parameters by model", "Model", "Parameters (millions)", std::move(labels),
                                       {{"parameters (M)", std::move(millions_series)}}));
  report_quoted_benchmark(result);
  result.insight = counts_insight(counts, baseline_name);
  return result;
}

Result run_parameter_counts(const Params& params, const RunContext& context) {
  const std::vector<BertConfig> configs = read_configs(params.value("configs"));
  const std::string& baseline_name = params.text("baseline");
  const std::vector<ModelCount> counts = count_models(configs, find_baseline(configs, baseline_name));
  const int tokens = params.count("latency_tokens");
  std::vector<EncoderShape> shapes;
  for (const BertConfig& config : configs) {
    shapes.push_back({config.name, config.n_layers, config.hidden, config.n_heads, config.ffn_mult});
  }
  const json timings = measure_encoder_latencies(shapes, tokens, context);
  return report(counts, timings, tokens, baseline_name);
}

json default_bert_configs() {
  return {{"BERT-base", {{"n_layers", 12}, {"hidden", 768}}},
          {"DistilBERT", {{"n_layers", 6}, {"hidden", 768}}},
          {"BERT-tiny", {{"n_layers", 2}, {"hidden", 128}}}};
}

}  // namespace

Exercise parameter_counts_exercise() {
  return {"02.2",
          {object_param("configs", default_bert_configs(), 12,
                        "models to count: name -> {n_layers, hidden, ffn_mult? (4), vocab? (30522)}; at most 12"),
           string_param("baseline", "BERT-base", 64, "the config the relative sizes are measured against"),
           size_param("latency_tokens", 8, 0, 64,
                      "tokens of the one sequence whose forward pass the lab times (0 = no timing); at most 64")},
          run_parameter_counts};
}

}  // namespace lab::exercises
