// 05.2 Which attention projections to adapt: LoRA on q+v, q+k+v or all four (q, k, v, o). Each adapted d×d
// projection adds r·d + d·r trainable numbers; the exercise counts them per layer and for the model, against the
// weights a full fine-tuning would train (attention and feed-forward, n_layers · 12·d²). Counting only, no training.
//   count   per adapted projection, per layer and in all, for each of the three choices
//   report  the notebook's printed table (thousands separators included), the shares, a table and a bar chart
#include <string>
#include <vector>

#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

// 1234567 → "1,234,567", like Python's f'{n:,}'.
std::string with_commas(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

struct AdaptedProjections {
  const char* name;
  int modules;  // how many of the layer's four projections get an adapter
};
constexpr AdaptedProjections kChoices[] = {{"q+v only", 2}, {"q+k+v only", 3}, {"q+k+v+o (all)", 4}};

struct Count {
  const char* name;
  long long per_layer, total;  // trainable LoRA parameters
  double percent_of_full;      // of the full fine-tuning count
};

std::vector<Count> count_choices(long long d_model, long long r, long long n_layers, long long base_params) {
  const long long per_module = r * d_model + d_model * r;  // A (r, d) + B (d, r)
  std::vector<Count> counts;
  for (const auto& choice : kChoices) {
    const long long per_layer = choice.modules * per_module, total = per_layer * n_layers;
    counts.push_back({choice.name, per_layer, total, 100.0 * double(total) / double(base_params)});
  }
  return counts;
}

Result report(const std::vector<Count>& counts, long long d_model, long long r, long long n_layers,
              long long base_params) {
  Result result;
  result.print(format("LoRA rank r=%lld, d_model=%lld, layers=%lld", r, d_model, n_layers));
  result.print("");
  result.print(format("%-20s %12s %14s", "Config", "Params/layer", "Total params"));
  result.print(std::string(48, '-'));
  json rows = json::array(), table = json::array(), labels = json::array(), totals = json::array();
  for (const Count& c : counts) {
    rows.push_back({{"name", c.name},
                    {"params_per_layer", c.per_layer},
                    {"total", c.total},
                    {"percent_of_full", c.percent_of_full}});
    table.push_back({c.name, c.per_layer, c.total, format("%.2f%%", c.percent_of_full)});
    labels.push_back(c.name);
    totals.push_back(c.total);
    result.print(format("%-20s %12s %14s", c.name, with_commas(c.per_layer).c_str(), with_commas(c.total).c_str()));
  }
  result.print("");
  result.print("Approx BERT-base attention+FFN params: " + with_commas(base_params));
  for (const Count& c : counts)
    result.print(format("%-20s: %.2f%% of full fine-tune params", c.name, c.percent_of_full));

  result.data["configs"] = rows;
  result.data["base_params"] = base_params;
  result.metrics["base_params"] = base_params;
  result.add_table(format("LoRA parameters at r = %lld, d_model = %lld, %lld layers", r, d_model, n_layers),
                   {"Config", "Params/layer", "Total params", "Share of full fine-tuning"}, table);
  result.add_chart("totals", bar_chart("Trainable LoRA parameters by adapted projections", "Config", "Total params",
                                       labels, {{"total", totals}}));
  result.insight = format(
      "Each adapted d×d projection adds 2·r·d parameters, so q+v, q+k+v and all four differ only by a factor of "
      "2 : 3 : 4: here %.2f%%, %.2f%% and %.2f%% of full fine-tuning%s",
      counts[0].percent_of_full, counts[1].percent_of_full, counts[2].percent_of_full,
      counts[2].percent_of_full < 1.0 ? ", so even all four stay under 1%."
                                      : ", so all four pass 1% at this rank: LoRA stays cheap only while r is much "
                                        "smaller than d.");
  return result;
}

Result run_lora_modules(const Params& params, const RunContext&) {
  const long long d_model = params.integer("d_model"), r = params.integer("r"), n_layers = params.integer("n_layers");
  if (r > d_model) fail_param("r", format("r must be at most d_model (%lld > %lld)", r, d_model));
  // The notebook hard-codes BERT-base here (12 layers of width 768); the lab uses the parameters.
  const long long base_params = n_layers * (4 * d_model * d_model + 2 * 4 * d_model * d_model);
  return report(count_choices(d_model, r, n_layers, base_params), d_model, r, n_layers, base_params);
}

}  // namespace

Exercise lora_modules_exercise() {
  return {"05.2",
          {size_param("d_model", 768, 1, 65536, "projection width d; capped at 65536"),
           size_param("r", 8, 1, 65536, "LoRA rank (at most d_model)"),
           size_param("n_layers", 12, 1, 1000, "transformer layers; capped at 1000")},
          run_lora_modules};
}

}  // namespace lab::exercises
