// 04.2 A bigram language model: each word predicted from the one before it.
//   data    training sentences (lowercased, split on whitespace, <s> and </s> at the ends)
//   model   text::BigramLM: pair counts with add-α smoothing, P(w2|w1) = (count + α) / (row total + α·|V|)
//   probe   P(w2 | w1) of the word pairs asked for
//   sample  sentences drawn word by word from <s>, with NumPy's generator
//   report  the sentences (each one copied, part of one or stitched from several training sentences), the probe
//           probabilities as a table and bars
#include <algorithm>
#include <string>
#include <vector>

#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/exercises/seed.hpp"
#include "core/float_format.hpp"
#include "core/param_values.hpp"
#include "core/string_format.hpp"
#include "core/text/bigram_lm.hpp"
#include "core/text/tokenizers.hpp"

namespace lab::exercises {

namespace {

struct Probe {
  std::string w1, w2;
  json probability;  // null for 0/0 (smoothing 0 and w1 never seen)
};

// [[w1, w2], ...]
std::vector<Probe> probe_pairs(const text::BigramLM& lm, const json& given) {
  std::vector<Probe> probes;
  for (std::size_t i = 0; i < given.size(); ++i) {
    const std::string path = "probes[" + std::to_string(i) + "]";
    if (!given[i].is_array() || given[i].size() != 2) fail_param("probes", path + " must be a pair [w1, w2]");
    const std::string& w1 = read_text(given[i][0], "probes", path + "[0]", 100);
    const std::string& w2 = read_text(given[i][1], "probes", path + "[1]", 100);
    probes.push_back({w1, w2, number(lm.prob(w1, w2))});
  }
  return probes;
}

std::vector<std::string> sample_sentences(const text::BigramLM& lm, int n_samples, int max_len, NumpyRandom& rng) {
  std::vector<std::string> sentences;
  for (int i = 0; i < n_samples; ++i) sentences.push_back(lm.generate(rng, "<s>", max_len));
  return sentences;
}

// How each sample relates to the training sentences: copied whole, a piece of one, or stitched from several.
enum class SampleKind { copied, piece, stitched };

SampleKind classify(const std::string& sample, const std::vector<text::Tokens>& sentences) {
  const text::Tokens words = text::whitespace_tokens(sample);
  bool piece = false;
  for (const text::Tokens& sentence : sentences) {
    if (sentence == words) return SampleKind::copied;
    piece = piece || (!words.empty() &&
                      std::search(sentence.begin(), sentence.end(), words.begin(), words.end()) != sentence.end());
  }
  return piece ? SampleKind::piece : SampleKind::stitched;
}

// The samples as a table, and the insight's evidence: how many are not training sentences, and the first stitched.
std::string report_samples(const std::vector<std::string>& samples, const std::vector<std::string>& corpus,
                           Result& result) {
  std::vector<text::Tokens> sentences;
  for (const std::string& sentence : corpus) sentences.push_back(text::lowercase_whitespace_tokens(sentence));
  json rows = json::array();
  int fresh = 0, first_stitched = -1;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const SampleKind kind = classify(samples[i], sentences);
    fresh += kind != SampleKind::copied;
    if (kind == SampleKind::stitched && first_stitched < 0) first_stitched = int(i);
    rows.push_back({int(i) + 1, samples[i], text::whitespace_tokens(samples[i]).size(),
                    kind == SampleKind::copied  ? "a training sentence, copied whole"
                    : kind == SampleKind::piece ? "part of one training sentence"
                                                : "stitched from several training sentences"});
  }
  result.metrics["new_sentences"] = fresh;
  result.add_table("Generated sentences", {"#", "sentence", "words", "against the training sentences"},
                   std::move(rows));
  const std::string count = format("%d of the %zu samples are not training sentences", fresh, samples.size());
  if (first_stitched >= 0) {
    return count + format(", and sample %d, \"", first_stitched + 1) + samples[std::size_t(first_stitched)] +
           "\", joins pieces of several";
  }
  return count + " (none here joins pieces of several: a small corpus leaves few ways to continue)";
}

Result report(const text::BigramLM& lm, double smoothing, const std::vector<Probe>& probes,
              const std::vector<std::string>& samples, const std::vector<std::string>& corpus) {
  Result result;
  json listed = json::array(), probe_probs = json::array(), probe_labels = json::array(), rows = json::array();
  for (const Probe& probe : probes) {
    const json& p = probe.probability;
    listed.push_back({{"w1", probe.w1}, {"w2", probe.w2}, {"probability", p}});
    probe_probs.push_back(p);
    probe_labels.push_back("P(" + probe.w2 + " | " + probe.w1 + ")");
    rows.push_back({probe.w1, probe.w2, p.is_null() ? json("undefined (0/0)") : json(format("%.4f", p.get<double>()))});
  }
  result.print("Generated sentences (bigram LM):");
  for (std::size_t i = 0; i < samples.size(); ++i) result.print(format("  %d: ", int(i) + 1) + samples[i]);
  result.insight =
      "A bigram model knows only the previous word, so it stitches fragments of training sentences "
      "together: " +
      report_samples(samples, corpus, result) +
      ". Smoothing gives unseen pairs a little probability, but sampling only ever picks words that "
      "followed the current one in training.";

  result.data["samples"] = samples;
  result.data["probe_probs"] = std::move(probe_probs);
  result.data["probes"] = std::move(listed);
  result.data["vocabulary_size"] = lm.vocabulary_size();
  result.metrics["vocabulary_size"] = lm.vocabulary_size();
  result.add_table("Probe probabilities P(w2 | w1)", {"w1", "w2", "P(w2 | w1)"}, std::move(rows));
  json chart = bar_chart("Smoothed bigram probabilities of the probes", "probe", "P(w2 | w1)", std::move(probe_labels),
                         {{"P(w2 | w1)", result.data["probe_probs"]}});
  set_note(chart, format("P(w2|w1) = (count(w1 w2) + %s) / (count(w1 ·) + %s × |V|), |V| = %zu with <s> and </s>",
                         python_float(smoothing).c_str(), python_float(smoothing).c_str(), lm.vocabulary_size()));
  result.add_chart("probe_probs", std::move(chart));
  return result;
}

Result run_bigram_model(const Params& params, const RunContext&) {
  const std::vector<std::string> corpus = read_text_list(params.value("corpus"), "corpus", 1000);
  text::BigramLM lm(params.number("smoothing"));
  lm.train(corpus);
  const std::vector<Probe> probes = probe_pairs(lm, params.value("probes"));
  NumpyRandom rng = seeded_random(params);
  const std::vector<std::string> samples =
      sample_sentences(lm, params.count("n_samples"), params.count("max_len"), rng);

  return report(lm, params.number("smoothing"), probes, samples, corpus);
}

}  // namespace

Exercise bigram_model_exercise() {
  const json corpus = {"the cat sat on the mat",
                       "the cat ate the rat",
                       "the rat ran away fast",
                       "machine learning is a powerful technique",
                       "deep learning uses neural networks",
                       "the model learns from data",
                       "data science is fun and rewarding",
                       "neural networks learn complex patterns",
                       "the algorithm converges to a solution"};
  const json probes = json::parse(
      R"json([["the", "cat"], ["the", "dog"], ["machine", "learning"], ["<s>", "the"], ["learning", "is"]])json");
  return {"04.2",
          {array_param("corpus", corpus, 1, 200,
                       "training sentences (lowercased, split on whitespace); at most 200, each at most 1,000 bytes"),
           number_param("smoothing", 0.1, 0.0, 10.0, "α, added to every pair count"),
           array_param("probes", probes, 0, 50, "word pairs [w1, w2] whose P(w2 | w1) to report; at most 50"),
           size_param("n_samples", 5, 1, 50, "sentences to generate; at most 50"),
           size_param("max_len", 15, 1, 100, "most words drawn per sentence; at most 100"),
           seed_param(7, "np.random.seed for the sampling")},
          run_bigram_model};
}

}  // namespace lab::exercises
