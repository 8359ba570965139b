// 05.4 Fine-tune a tiny GPT and measure its perplexity, exp(mean next-token cross-entropy), before and after, on
// its training tokens and on held-out tokens. The causal mask is what keeps that honest: without it (the notebook's
// model) position t sees token t+1, the very one it must predict.
//   data    by default two independent corpora of 500 tokens drawn uniformly from 20 symbols, training and held
//           out; given a `corpus` text, its characters: the first 90% train, the last 10% are held out
//           (character_corpus.hpp)
//   model   nn::TinyGPT (core/nn/models.cpp), n_layers blocks, causal or not
//   train   Adam on one random window of the training tokens per step (training_loop.hpp), the loss streamed live
//   report  the four perplexities against uniform guessing (20 symbols, or the text's distinct characters), the
//           loss curve, the leak if any; with a text, samples drawn at `temperature` (gpt_sampling.hpp)
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/charts.hpp"
#include "core/exercise.hpp"
#include "core/exercises/05_lora/character_corpus.hpp"
#include "core/exercises/05_lora/gpt_sampling.hpp"
#include "core/exercises/05_lora/perplexity.hpp"
#include "core/exercises/attention_params.hpp"
#include "core/exercises/seed.hpp"
#include "core/exercises/training_budget.hpp"
#include "core/exercises/training_loop.hpp"
#include "core/float_format.hpp"
#include "core/nn/models.hpp"
#include "core/nn/ops.hpp"
#include "core/nn/optimizer.hpp"
#include "core/param_values.hpp"
#include "core/string_format.hpp"
#include "core/text/utf8.hpp"

namespace lab::exercises {

namespace {

constexpr int kSymbols = 20, kCorpusTokens = 500;     // the notebook's corpus: 500 tokens drawn from 20 symbols
constexpr int kSamples = 3, kSampleCharacters = 200;  // drawn from a model trained on a text

struct Corpora {
  std::vector<int> domain, heldout;  // (500) tokens each
};

Corpora draw_corpora(NumpyRandom& rng) {
  Corpora corpora{std::vector<int>(kCorpusTokens), std::vector<int>(kCorpusTokens)};
  for (int& t : corpora.domain) t = int(rng.randint(0, kSymbols));
  for (int& t : corpora.heldout) t = int(rng.randint(0, kSymbols));  // an independent draw of the same kind
  return corpora;
}

struct Perplexities {
  double before = 0.0, after = 0.0;                  // on the training tokens (the notebook's measure)
  double heldout_before = 0.0, heldout_after = 0.0;  // on the held-out tokens
};

// One random window of the training corpus per step, as the notebook: its T tokens and the T that follow them.
// `progress_total` counts the run's work after training too (the samples drawn from a text), 0 when there is none.
LossCurve fine_tune(nn::TinyGPT& model, const std::vector<int>& domain, int seq_len, int steps, double lr,
                    const RunContext& context, NumpyRandom& rng, int progress_total = 0) {
  nn::Adam adam(model.parameters(), nn::AdamSettings{lr});
  return train({steps, 1, 0, progress_total}, adam, context, [&](nn::Tape& tape, int) {
    const int i = int(rng.randint(0, (long long)domain.size() - seq_len - 1));
    const std::vector<int> x(domain.begin() + i, domain.begin() + i + seq_len);
    const std::vector<int> y(domain.begin() + i + 1, domain.begin() + i + seq_len + 1);
    return nn::cross_entropy(tape, model.forward(tape, x, 1, seq_len), y);
  });
}

// What both kinds of run report: the four perplexities against `uniform` (what guessing uniformly scores), the loss
// curve, the bars and the table; `unit` is "token" or "character", `training_data` names what the training
// perplexity was measured on.
Result report_perplexities(const Perplexities& p, const LossCurve& curve, int seq_len, bool causal, int uniform,
                           const char* unit, const std::string& training_data) {
  Result result;
  result.metrics = {{"ppl_before", p.before},
                    {"ppl_after", p.after},
                    {"ppl_heldout_before", p.heldout_before},
                    {"ppl_heldout_after", p.heldout_after},
                    {"uniform_ppl", uniform},
                    {"final_loss", curve.final_value_json()}};
  report_divergence(result, curve, "Fine-tuning");
  result.data["loss"] = curve.values_json();
  json chart = line_chart(format("Fine-tuning loss (one %d-%s window per step)", seq_len, unit), "Step",
                          "Cross-Entropy Loss", curve.steps_json(), {{"training loss", result.data["loss"]}});
  chart["stream"] = "loss";
  result.add_chart("loss", std::move(chart));
  result.add_chart("perplexity",
                   bar_chart("Perplexity before and after fine-tuning", "Data", "Perplexity",
                             {format("training %ss", unit), format("held-out %ss", unit)},
                             {{"before", {p.before, p.heldout_before}}, {"after", {p.after, p.heldout_after}}}));
  result.add_table(causal ? "Perplexity (causal mask: each position sees only the past)"
                          : "Perplexity (no causal mask, as in the notebook: each position also sees the next token)",
                   {"Data", "Before", "After"},
                   {{training_data, format("%.2f", p.before), format("%.2f", p.after)},
                    {format("held-out %ss", unit), format("%.2f", p.heldout_before), format("%.2f", p.heldout_after)}});
  return result;
}

// The notebook's run: random tokens over 20 symbols, its printed lines, and what its numbers can and cannot mean.
Result report(const Perplexities& p, const LossCurve& curve, int seq_len, bool causal) {
  Result result =
      report_perplexities(p, curve, seq_len, causal, kSymbols, "token", "training tokens (the notebook's measure)");
  result.print(format("Domain corpus perplexity BEFORE fine-tuning: %.2f", p.before));
  result.print(format("Domain corpus perplexity AFTER  fine-tuning: %.2f", p.after));
  result.print(format("Improvement: %.1f%%", 100.0 * (p.before - p.after) / p.before));
  result.print(format("Held-out perplexity BEFORE / AFTER: %.2f / %.2f (uniform guessing over %d symbols: %d)",
                      p.heldout_before, p.heldout_after, kSymbols, kSymbols));
  // It has learned which symbols occur once training closed at least half the gap between the untrained model's
  // held-out perplexity and the 20 of the symbols.
  const bool learned_symbols = p.heldout_after < 0.5 * (p.heldout_before + kSymbols);
  result.insight =
      !causal ? format(
                    "Without a causal mask every position can attend to the next token, the very one it must "
                    "predict: training perplexity falls to %.2f and held-out perplexity to %.2f, far below the %d "
                    "that uniformly random tokens allow. That is the leak, not learning.",
                    p.after, p.heldout_after, kSymbols)
      : learned_symbols
          ? format(
                "The tokens are drawn uniformly from %d symbols, so no model can beat perplexity %d on new "
                "data. With the causal mask the held-out perplexity ends at %.1f: what fine-tuning learned is "
                "which %d symbols occur%s, nothing more.",
                kSymbols, kSymbols, p.heldout_after, kSymbols,
                p.after < kSymbols
                    ? format(" (and, at %.1f on its training tokens, some of them by heart)", p.after).c_str()
                    : "")
          : format(
                "The tokens are drawn uniformly from %d symbols, so no model can beat perplexity %d on new data. "
                "With the causal mask the held-out perplexity ends at %.1f, from %.1f before training: the model has "
                "not yet learned even which %d symbols occur (more steps help).",
                kSymbols, kSymbols, p.heldout_after, p.heldout_before, kSymbols);
  return result;
}

// A character-level run on the learner's text: what was held out, the perplexities against the uniform baseline
// (the text's distinct characters), the samples.
Result report_text(const CharacterCorpus& corpus, const Perplexities& p, const LossCurve& curve,
                   const std::vector<std::string>& samples, const std::string& prompt, double temperature, int seq_len,
                   bool causal) {
  const int n = corpus.characters(), held = int(corpus.heldout.size()), v = int(corpus.vocabulary.size());
  Result result = report_perplexities(p, curve, seq_len, causal, v, "character",
                                      format("training text (its first %d characters)", held));
  result.data["split"] = {
      {"characters", n},
      {"train_characters", n - held},
      {"heldout_characters", held},
      {"heldout_share", kHeldoutPercent / 100.0},
      {"heldout", format("the last %d%% of the text: characters %d to %d", kHeldoutPercent, n - held + 1, n)},
      {"training_measure",
       format("perplexity on training text: its first %d characters, as many as are held out", held)}};
  result.data["vocabulary"] = text::encode_utf8(corpus.vocabulary);
  result.data["samples"] = samples;
  result.data["sampling"] = {
      {"prompt", prompt}, {"temperature", temperature}, {"samples", kSamples}, {"characters", kSampleCharacters}};
  json rows = json::array();
  for (std::size_t i = 0; i < samples.size(); ++i) rows.push_back({int(i) + 1, prompt, samples[i]});
  result.add_table(format("Samples at temperature %s, each continuing the held-out text's first %d characters",
                          python_float(temperature).c_str(), int(text::count_code_points(prompt))),
                   {"#", "prompt (held-out text)", "continuation (generated)"}, std::move(rows));
  result.print(format("Character-level TinyGPT on the given text: %d characters, %d distinct", n, v));
  result.print(
      format("Training text: the first %d characters; held out: the last %d (%d%%)", n - held, held, kHeldoutPercent));
  result.print(format("Training-text perplexity BEFORE / AFTER fine-tuning: %.2f / %.2f", p.before, p.after));
  result.print(format("Held-out perplexity BEFORE / AFTER: %.2f / %.2f (uniform guessing over %d characters: %d)",
                      p.heldout_before, p.heldout_after, v, v));
  for (std::size_t i = 0; i < samples.size(); ++i) {  // one log line each: a line break in the text shows as ↵
    std::string line = format("Sample %zu: ", i + 1);
    for (char c : prompt + samples[i]) line += c == '\n' ? std::string("↵") : std::string(1, c);
    result.print(line);
  }
  result.insight =
      !causal ? format(
                    "Without a causal mask every position can attend to the next character, the very one it must "
                    "predict: held-out perplexity falls to %.2f against %d for uniform guessing, which is the "
                    "leak, not learning; the samples, drawn one character at a time with no future to read, show "
                    "what the model really knows.",
                    p.heldout_after, v)
      : p.heldout_after < p.heldout_before && p.heldout_after < v
          ? format(
                "On the held-out last %d%% of the text (%d characters the model never trained on), perplexity "
                "fell from %.2f to %.2f, against %d for guessing uniformly among its %d distinct characters: the "
                "model learned which characters are common and which tend to follow which, and that carries over "
                "to new text. On its training text it reached %.2f.",
                kHeldoutPercent, held, p.heldout_before, p.heldout_after, v, v, p.after)
          : format(
                "On the held-out last %d%% of the text (%d characters) perplexity went from %.2f to %.2f, not "
                "below the %d of uniform guessing among its distinct characters: nothing learned here carries "
                "over to new text yet (more steps, or a longer text, usually help).",
                kHeldoutPercent, held, p.heldout_before, p.heldout_after, v);
  return result;
}

// The model's size for the budget: n_layers blocks of 12 C² and the embedding and head, V·C each.
TransformerSize tiny_gpt_size(const Params& params, int vocab) {
  const int d_model = params.count("d_model"), n_layers = params.count("n_layers"), seq_len = params.count("seq_len");
  return {double(seq_len),
          d_model,
          4 * d_model,
          vocab,
          params.count("n_heads"),
          seq_len,
          n_layers,
          double(n_layers) * 12.0 * d_model * d_model + 2.0 * vocab * d_model};
}

Result run_on_text(const std::string& text, const Params& params, const RunContext& context) {
  const int seq_len = params.count("seq_len"), steps = params.count("steps");
  const CharacterCorpus corpus = read_character_corpus(text, seq_len);
  const int v = int(corpus.vocabulary.size()), held = int(corpus.heldout.size());
  const TransformerSize size = tiny_gpt_size(params, v);
  const double training = transformer_training_flops(size, steps);
  const double measuring =
      2.0 * transformer_evaluation_flops(size, 2.0 * held) +  // before and after, two stretches
      transformer_evaluation_flops(size, sampling_tokens_processed(kSamples, kSampleCharacters, seq_len));
  check_budget(std::max(transformer_training_bytes(size),
                        transformer_evaluation_bytes(size, std::max(1, kEvaluationTokens / seq_len) * seq_len)),
               training + measuring, training >= measuring ? "steps" : "corpus", "this training run");

  NumpyRandom rng = seeded_random(params);
  nn::TinyGPT model(v, size.width, size.heads, size.blocks, std::max(32, seq_len), params.boolean("causal"), rng);
  const std::vector<int> training_stretch(corpus.train.begin(), corpus.train.begin() + held);
  Perplexities p;
  p.before = perplexity(model, training_stretch, seq_len);
  p.heldout_before = perplexity(model, corpus.heldout, seq_len);
  const LossCurve curve =
      fine_tune(model, corpus.train, seq_len, steps, params.number("lr"), context, rng, steps + kSamples);
  p.after = perplexity(model, training_stretch, seq_len);
  p.heldout_after = perplexity(model, corpus.heldout, seq_len);

  const std::vector<int> prompt(corpus.heldout.begin(), corpus.heldout.begin() + seq_len);
  const double temperature = params.number("temperature");
  std::vector<std::string> samples;
  for (int i = 0; i < kSamples && !curve.diverged(); ++i) {  // a diverged model has nothing to say
    context.progress(steps + i, steps + kSamples, "drawing samples");
    samples.push_back(corpus.decode(sample_tokens(model, prompt, kSampleCharacters, seq_len, temperature, rng)));
  }
  return report_text(corpus, p, curve, samples, corpus.decode(prompt), temperature, seq_len, params.boolean("causal"));
}

Result run_tiny_gpt(const Params& params, const RunContext& context) {
  const int vocab = params.count("vocab"), d_model = params.count("d_model"), n_heads = params.count("n_heads");
  const int n_layers = params.count("n_layers"), seq_len = params.count("seq_len"), steps = params.count("steps");
  const bool causal = params.boolean("causal");
  require_heads_divide(d_model, n_heads);
  const std::string& text = utf8_text(params, "corpus");
  if (!text.empty()) return run_on_text(text, params, context);
  const TransformerSize size = tiny_gpt_size(params, vocab);
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
          {size_param("vocab", 50, 20, 1000,
                      "vocabulary size, at least the random corpus's 20 symbols; capped at 1000 (with a corpus text "
                      "the vocabulary is its distinct characters)"),
           width_param(64, 192), heads_param(2, 16), size_param("n_layers", 2, 1, 8, "transformer blocks; capped at 8"),
           size_param("seq_len", 16, 1, 64, "tokens per window; capped at 64"),
           size_param("steps", 200, 1, 2000,
                      "Adam steps, one window each; capped at 2000 (runs over 256 MB or 50 GFLOP are refused)"),
           learning_rate_param(3e-3),
           boolean_param("causal", true,
                         "mask future positions (a real GPT); false reproduces the notebook's model, which can see "
                         "the token it must predict"),
           seed_param(0, "seed of the corpus, the weights, the windows and the samples"),
           string_param("corpus", "", kMaxCorpusBytes,
                        "a text to train on, character by character (its last 10% held out); empty = the notebook's "
                        "500 random tokens over 20 symbols. UTF-8, at least 10 x seq_len + 1 characters, at most "
                        "1,000 distinct ones and 50,000 bytes"),
           number_param("temperature", 1.0, 0.05, 5.0,
                        "softmax temperature of the samples drawn after training on a corpus (1 = the model as "
                        "trained, lower = its likeliest characters, higher = closer to uniform)")},
          run_tiny_gpt};
}

}  // namespace lab::exercises
