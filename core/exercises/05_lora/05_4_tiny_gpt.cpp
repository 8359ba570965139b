// 05.4 Fine-tune a tiny GPT and measure its perplexity, exp(mean next-token cross-entropy), before and after, on
// its training tokens and on held-out tokens of the same kind. The causal mask is what keeps that honest: without
// it (the notebook's model) position t sees token t+1, the very one it must predict.
//   data    two independent corpora of 500 tokens drawn uniformly from 20 symbols: training and held-out
//   model   nn::TinyGPT (core/nn/models.cpp), n_layers blocks, causal or not
//   train   Adam on one random window of the training corpus per step (training_loop.hpp), the loss streamed live
//   report  the four perplexities against the 20 that uniform guessing gives, the loss curve, the leak if any
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/charts.hpp"
#include "core/exercise.hpp"
#include "core/exercises/attention_params.hpp"
#include "core/exercises/seed.hpp"
#include "core/exercises/training_budget.hpp"
#include "core/exercises/training_loop.hpp"
#include "core/nn/models.hpp"
#include "core/nn/ops.hpp"
#include "core/nn/optimizer.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

constexpr int kSymbols = 20, kCorpusTokens = 500;  // the notebook's corpus: 500 tokens drawn from 20 symbols

struct Corpora {
  std::vector<int> domain, heldout;  // (500) tokens each
};

Corpora draw_corpora(NumpyRandom& rng) {
  Corpora corpora{std::vector<int>(kCorpusTokens), std::vector<int>(kCorpusTokens)};
  for (int& t : corpora.domain) t = int(rng.randint(0, kSymbols));
  for (int& t : corpora.heldout) t = int(rng.randint(0, kSymbols));  // an independent draw of the same kind
  return corpora;
}

// exp(mean next-token cross-entropy) over the windows the notebook uses: starts 0, T, 2T, … while a full window
// and its next token fit. All windows go through the model as one batch.
double perplexity(nn::TinyGPT& model, const std::vector<int>& data, int seq_len) {
  std::vector<int> inputs, targets;  // (windows*T) each
  int windows = 0;
  for (int i = 0; i + seq_len < int(data.size()); i += seq_len, ++windows) {
    inputs.insert(inputs.end(), data.begin() + i, data.begin() + i + seq_len);
    targets.insert(targets.end(), data.begin() + i + 1, data.begin() + i + seq_len + 1);
  }
  nn::Tape tape(/*gradients=*/false);
  return std::exp(double(tape.item(nn::cross_entropy(tape, model.forward(tape, inputs, windows, seq_len), targets))));
}

struct Perplexities {
  double before = 0.0, after = 0.0;                  // on the training tokens (the notebook's measure)
  double heldout_before = 0.0, heldout_after = 0.0;  // on the held-out tokens
};

// One random window of the training corpus per step, as the notebook: its T tokens and the T that follow them.
LossCurve fine_tune(nn::TinyGPT& model, const std::vector<int>& domain, int seq_len, int steps, double lr,
                    const RunContext& context, NumpyRandom& rng) {
  nn::Adam adam(model.parameters(), nn::AdamSettings{lr});
  return train({steps}, adam, context, [&](nn::Tape& tape, int) {
    const int i = int(rng.randint(0, kCorpusTokens - seq_len - 1));
    const std::vector<int> x(domain.begin() + i, domain.begin() + i + seq_len);
    const std::vector<int> y(domain.begin() + i + 1, domain.begin() + i + seq_len + 1);
    return nn::cross_entropy(tape, model.forward(tape, x, 1, seq_len), y);
  });
}

Result report(const Perplexities& p, const LossCurve& curve, int seq_len, bool causal) {
  Result result;
  result.metrics = {{"ppl_before", p.before},
                    {"ppl_after", p.after},
                    {"ppl_heldout_before", p.heldout_before},
                    {"ppl_heldout_after", p.heldout_after},
                    {"uniform_ppl", kSymbols},  // what guessing uniformly among the symbols scores
                    {"final_loss", curve.final_value_json()}};
  report_divergence(result, curve, "Fine-tuning");
  result.data["loss"] = curve.values_json();
  json chart = line_chart(format("Fine-tuning loss (one %d-token window per step)", seq_len), "Step",
                          "Cross-Entropy Loss", curve.steps_json(), {{"training loss", result.data["loss"]}});
  chart["stream"] = "loss";
  result.add_chart(std::move(chart));
  result.add_chart(bar_chart("Perplexity before and after fine-tuning", "Data", "Perplexity",
                             {"training tokens", "held-out tokens"},
                             {{"before", {p.before, p.heldout_before}}, {"after", {p.after, p.heldout_after}}}));
  result.add_table(causal ? "Perplexity (causal mask: each position sees only the past)"
                          : "Perplexity (no causal mask, as in the notebook: each position also sees the next token)",
                   {"Data", "Before", "After"},
                   {{"training tokens (the notebook's measure)", format("%.2f", p.before), format("%.2f", p.after)},
                    {"held-out tokens", format("%.2f", p.heldout_before), format("%.2f", p.heldout_after)}});

  result.print(format("Domain corpus perplexity BEFORE fine-tuning: %.2f", p.before));
  result.print(format("Domain corpus perplexity AFTER  fine-tuning: %.2f", p.after));
  result.print(format("Improvement: %.1f%%", 100.0 * (p.before - p.after) / p.before));
  result.print(format("Held-out perplexity BEFORE / AFTER: %.2f / %.2f (uniform guessing over %d symbols: %d)",
                      p.heldout_before, p.heldout_after, kSymbols, kSymbols));
  result.insight =
      causal ? format(
                   "The tokens are drawn uniformly from %d symbols, so no model can beat perplexity %d on new "
                   "data. With the causal mask the held-out perplexity ends at %.1f: what fine-tuning learned is "
                   "which %d symbols occur%s, nothing more.",
                   kSymbols, kSymbols, p.heldout_after, kSymbols,
                   p.after < kSymbols
                       ? format(" (and, at %.1f on its training tokens, some of them by heart)", p.after).c_str()
                       : "")
             : format(
                   "Without a causal mask every position can attend to the next token, the very one it must "
                   "predict: training perplexity falls to %.2f and held-out perplexity to %.2f, far below the %d "
                   "that uniformly random tokens allow. That is the leak, not learning.",
                   p.after, p.heldout_after, kSymbols);
  return result;
}

Result run_tiny_gpt(const Params& params, const RunContext& context) {
  const int vocab = params.count("vocab"), d_model = params.count("d_model"), n_heads = params.count("n_heads");
  const int n_layers = params.count("n_layers"), seq_len = params.count("seq_len"), steps = params.count("steps");
  const bool causal = params.boolean("causal");
  require_heads_divide(d_model, n_heads);
  const TransformerSize size{
      double(seq_len), d_model, 4 * d_model, vocab,
      n_heads,         seq_len, n_layers,    double(n_layers) * 12.0 * d_model * d_model + 2.0 * vocab * d_model};
  check_training_run(size, steps, kCorpusTokens, 4);  // perplexity before and after, on two corpora, one batch each

  NumpyRandom rng = seeded_random(params);
  const Corpora corpora = draw_corpora(rng);
  nn::TinyGPT model(vocab, d_model, n_heads, n_layers, std::max(32, seq_len), causal, rng);
  Perplexities p;
  p.before = perplexity(model, corpora.domain, seq_len);
  p.heldout_before = perplexity(model, corpora.heldout, seq_len);
  const LossCurve curve = fine_tune(model, corpora.domain, seq_len, steps, params.number("lr"), context, rng);
  p.after = perplexity(model, corpora.domain, seq_len);
  p.heldout_after = perplexity(model, corpora.heldout, seq_len);

  return report(p, curve, seq_len, causal);
}

}  // namespace

Exercise tiny_gpt_exercise() {
  return {"05.4",
          {size_param("vocab", 50, 20, 1000, "vocabulary size, at least the corpus's 20 symbols; capped at 1000"),
           width_param(64, 256), heads_param(2, 16), size_param("n_layers", 2, 1, 8, "transformer blocks; capped at 8"),
           size_param("seq_len", 16, 1, 64, "tokens per window; capped at 64"),
           size_param("steps", 200, 1, 3000,
                      "Adam steps, one window each; capped at 3000 (runs over 256 MB or 100 GFLOP are refused)"),
           learning_rate_param(3e-3),
           boolean_param("causal", true,
                         "mask future positions (a real GPT); false reproduces the notebook's model, which can see "
                         "the token it must predict"),
           seed_param(0, "seed of the corpus, the weights and the windows")},
          run_tiny_gpt};
}

}  // namespace lab::exercises
