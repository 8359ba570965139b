// 02.4 What a classifier's [CLS] attends to on a negation ("The movie was not good at all"), measured on a model
// trained here, beside the notebook's figure (random Dirichlet numbers with "good" tripled by hand).
//   data    the example's tokens; 1600 templated reviews (negation_corpus.hpp), every fifth one and the example
//           held out
//   model   NegationClassifier: 2 post-LN blocks, 2 heads, width 32, a linear head on [CLS] (negation_classifier.hpp)
//   train   Adam on batches of 32 sentences, half negated, half plain; the example's P(positive) followed
//   report  held-out accuracy (and on negations), the last layer's attention from [CLS] averaged over the heads,
//           the notebook's illustration reproduced, and which tokens [CLS] attends to most
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <xtensor/xview.hpp>

#include "core/array_json.hpp"
#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/exercises/02_bert_classification/dirichlet_illustration.hpp"
#include "core/exercises/02_bert_classification/negation_classifier.hpp"
#include "core/exercises/02_bert_classification/negation_corpus.hpp"
#include "core/exercises/seed.hpp"
#include "core/exercises/training_loop.hpp"
#include "core/nn/optimizer.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

using nn::Matrix;

constexpr int kBatch = 32, kWidth = 32, kHeads = 2, kLayers = 2;  // sentences per step; the model's size

struct Example {
  std::vector<std::string> words;    // as given
  std::vector<int> tokens;           // their ids in the corpus's vocabulary
  std::vector<std::string> unknown;  // the words that became [UNK]
};

Example read_example(const json& given, const NegationCorpus& corpus) {
  Example example;
  for (const auto& token : given) {
    if (!token.is_string() || token.get<std::string>().empty() || token.get<std::string>().size() > 20) {
      fail_param("tokens", "tokens must be words of 1 to 20 characters, e.g. [\"[CLS]\", \"The\", \"movie\", ...]");
    }
    example.words.push_back(token.get<std::string>());
  }
  for (const auto& w : example.words) {
    example.tokens.push_back(corpus.id_of(w));
    if (example.tokens.back() == 2 && w != "[UNK]") example.unknown.push_back(w);
  }
  return example;
}

struct CorpusSplit {
  std::vector<int> train_negated, train_plain, heldout;  // sentence indices
};

// Held out: every fifth sentence, and the example itself, so the model is judged on sentences it never saw.
CorpusSplit split_corpus(const NegationCorpus& corpus, const std::vector<int>& example) {
  CorpusSplit split;
  for (int i = 0; i < int(corpus.sentences.size()); ++i) {
    if (i % 5 == 4 || corpus.sentences[std::size_t(i)] == example) {
      split.heldout.push_back(i);
    } else {
      (corpus.negated[std::size_t(i)] ? split.train_negated : split.train_plain).push_back(i);
    }
  }
  return split;
}

// P(positive) of B sentences of T tokens each, in one forward pass: the softmax over each row's two logits.
// `attention`, if given, receives the last block's maps from [CLS], (B, H, 1, T). Each sentence's row is computed as it
// would be alone (attention stays within a sentence; every product sums over k in one order), so batching changes no
// bit.
std::vector<double> p_positive(NegationClassifier& model, const std::vector<int>& tokens, int batch,
                               nn::AttentionMaps* attention = nullptr) {
  nn::Tape tape(false);
  const int seq_len = int(tokens.size()) / batch;
  const Matrix logits = tape.value(model.forward(tape, tokens, batch, seq_len, attention));  // (B, 2)
  std::vector<double> probabilities(std::size_t(batch), 0.0);                                // (B,)
  for (int b = 0; b < batch; ++b) {
    probabilities[std::size_t(b)] = 1.0 / (1.0 + std::exp(double(logits(b, 0)) - double(logits(b, 1))));
  }
  return probabilities;
}

struct Training {
  LossCurve curve;
  json probability_steps = json::array(), probability_values = json::array();  // the example's, every 10 steps
};

Training train_on_negations(NegationClassifier& model, const NegationCorpus& corpus, const CorpusSplit& split,
                            const std::vector<int>& example, int steps, double lr, NumpyRandom& rng,
                            const RunContext& context) {
  const int seq_len = int(corpus.sentences[0].size());
  nn::Adam adam(model.parameters(), nn::AdamSettings{lr});
  Training training;
  auto batch_loss = [&](nn::Tape& tape, int) {
    std::vector<int> tokens, labels;  // half negated sentences, half plain ones: negation must be learned
    for (int b = 0; b < kBatch; ++b) {
      const auto& pool = b % 2 == 0 ? split.train_negated : split.train_plain;
      const int index = pool[std::size_t(rng.randint(0, (long long)pool.size()))];
      const auto& sentence = corpus.sentences[std::size_t(index)];
      tokens.insert(tokens.end(), sentence.begin(), sentence.end());
      labels.push_back(corpus.labels[std::size_t(index)]);
    }
    return nn::cross_entropy(tape, model.forward(tape, tokens, kBatch, seq_len, nullptr), labels);
  };
  auto follow_example = [&](int step) {
    if (step % 10 == 0 || step == 1) {
      training.probability_steps.push_back(step);
      training.probability_values.push_back(p_positive(model, example, 1)[0]);
    }
  };
  training.curve = train({steps}, adam, context, batch_loss, follow_example);
  return training;
}

struct HeldOut {
  int total = 0, correct = 0;                  // every held-out sentence
  int negated_total = 0, negated_correct = 0;  // those with "not"
};

// The held-out sentences in batches of a training step's size (all have the corpus's nine tokens).
std::vector<double> heldout_p_positive(NegationClassifier& model, const NegationCorpus& corpus,
                                       const std::vector<int>& heldout) {
  std::vector<double> probabilities;  // (n,)
  for (std::size_t first = 0; first < heldout.size(); first += kBatch) {
    const std::size_t last = std::min(heldout.size(), first + kBatch);
    std::vector<int> tokens;  // (B*T)
    for (std::size_t i = first; i < last; ++i) {
      const auto& sentence = corpus.sentences[std::size_t(heldout[i])];
      tokens.insert(tokens.end(), sentence.begin(), sentence.end());
    }
    const std::vector<double> batch = p_positive(model, tokens, int(last - first));  // (B,)
    probabilities.insert(probabilities.end(), batch.begin(), batch.end());
  }
  return probabilities;
}

HeldOut evaluate_heldout(NegationClassifier& model, const NegationCorpus& corpus, const std::vector<int>& heldout) {
  HeldOut counts;
  counts.total = int(heldout.size());
  const std::vector<double> probabilities = heldout_p_positive(model, corpus, heldout);  // (n,)
  for (std::size_t i = 0; i < heldout.size(); ++i) {
    const int index = heldout[i];
    const bool right = (probabilities[i] > 0.5) == (corpus.labels[std::size_t(index)] == 1);
    counts.correct += right;
    if (corpus.negated[std::size_t(index)]) {
      ++counts.negated_total;
      counts.negated_correct += right;
    }
  }
  return counts;
}

struct ExampleAttention {
  double probability = 0.0;     // P(positive)
  std::vector<double> average;  // (T,) the last block's attention from [CLS], averaged over the heads
};

// The example: the last block's attention from [CLS] (row 0 of each head's map), averaged over the heads.
ExampleAttention attention_from_cls(NegationClassifier& model, const std::vector<int>& example) {
  nn::AttentionMaps attention;  // (1, H, 1, T): row 0 of each head
  ExampleAttention cls{p_positive(model, example, 1, &attention)[0], std::vector<double>(example.size(), 0.0)};
  for (int h = 0; h < kHeads; ++h) {
    const auto from_cls = xt::view(attention, 0, h, 0);  // (T,): what [CLS], the first query, gives each key
    for (std::size_t j = 0; j < example.size(); ++j) cls.average[j] += from_cls(j) / kHeads;
  }
  return cls;
}

void add_charts(const std::vector<std::string>& words, int steps_run, int train_sentences, double probability,
                Result& result) {
  std::vector<int> highlight;
  for (int j = 0; j < int(words.size()); ++j) {
    if (words[std::size_t(j)] == "not" || words[std::size_t(j)] == "good") highlight.push_back(j);
  }
  json measured = bar_chart("Avg Attention to [CLS] — Last Layer (a model trained here on negation sentences)", "Token",
                            "Attention Weight", words, {{"attention from [CLS]", result.data["avg_attention"]}});
  set_highlight(measured, highlight);
  set_note(measured, format("Measured: a 2-layer, 2-head encoder trained for %d steps on %d templated reviews; "
                            "mean over the last layer's heads. P(positive) = %.3f.",
                            steps_run, train_sentences, probability));
  result.add_chart("avg_attention", std::move(measured));
  json illustration = bar_chart("The notebook's figure: Avg Attention to [CLS] — Last Layer", "Token",
                                "Attention Weight", words, {{"Dirichlet draw", result.data["notebook_illustration"]}});
  set_highlight(illustration, highlight);
  const bool has_good = std::find(words.begin(), words.end(), "good") != words.end();
  set_note(illustration, has_good ? "illustrative: the notebook's random Dirichlet numbers with the weight on \"good\" "
                                    "tripled by hand, not a model's attention"
                                  : "illustrative: the notebook's random Dirichlet numbers (it triples the weight on "
                                    "\"good\", absent here), not a model's attention");
  result.add_chart("notebook_illustration", std::move(illustration));
  const json& trajectory = result.data["p_positive_during_training"];
  result.add_chart("p_positive_during_training",
                   line_chart("P(positive) for the example while training", "Step", "P(positive)", trajectory["steps"],
                              {{"P(positive)", trajectory["p_positive"]}}));
}

// The log lines and the insight: the prediction against the rule, and the two tokens [CLS] attends to most.
void report_example(const std::vector<std::string>& words, const ExampleAttention& example, const HeldOut& heldout,
                    const std::optional<int>& truth, Result& result) {
  const std::vector<double>& average = example.average;
  const int predicted = example.probability > 0.5 ? 1 : 0;
  auto weight_of = [&](const char* word) -> std::string {
    for (std::size_t j = 0; j < words.size(); ++j) {
      if (words[j] == word) return format("%.3f", average[j]);
    }
    return "absent";
  };
  result.print(format("Held-out accuracy: %.1f%% (negated sentences: %.1f%%)",
                      100.0 * heldout.correct / double(heldout.total),
                      heldout.negated_total ? 100.0 * heldout.negated_correct / heldout.negated_total : 0.0));
  result.print(format("Example prediction: %s (P(positive) = %.3f); by the rule it is %s",
                      predicted ? "positive" : "negative", example.probability,
                      truth ? (*truth ? "positive" : "negative") : "unknown (no single known adjective)"));
  result.print("Attention from [CLS], last layer, mean over heads: not " + weight_of("not") + ", good " +
               weight_of("good"));
  std::vector<int> order(words.size());  // tokens by attention, largest first (ties: earlier token)
  for (std::size_t j = 0; j < order.size(); ++j) order[j] = int(j);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return average[std::size_t(a)] > average[std::size_t(b)]; });
  auto attended = [&](std::size_t rank) {
    const int j = order[std::min(rank, order.size() - 1)];
    return format("\"%s\" (%.2f)", words[std::size_t(j)].c_str(), average[std::size_t(j)]);
  };
  const std::string verdict = !truth                ? "The rule gives no label for this sentence"
                              : *truth == predicted ? "Trained here on negations, the model gets this example right"
                                                    : "The model trained here gets this example wrong";
  const bool has_not = std::find(words.begin(), words.end(), "not") != words.end();
  result.insight = verdict +
                   format(" (P(positive) = %.3f); its last layer's [CLS] attends mostly to ", example.probability) +
                   attended(0) + " and " + attended(1) +
                   ". The notebook's chart is Dirichlet noise with \"good\" tripled by hand: it pictures a negation "
                   "failure rather than measuring one. Attention is a hint, not an explanation: " +
                   (has_not ? "[CLS] can also gather \"not\" through the earlier layer, so its weight here does not "
                              "say how much the negation counts."
                            : "[CLS] can also gather a word through the earlier layer.");
}

Result report(const Example& input, const CorpusSplit& split, const Training& training, const HeldOut& heldout,
              const ExampleAttention& example, const std::vector<double>& illustration) {
  Result result;
  const std::optional<int> truth = negation_corpus().label_of(input.words);
  result.data["tokens"] = input.words;
  result.data["avg_attention"] = to_json(example.average);
  result.data["notebook_illustration"] = to_json(illustration);
  result.data["unknown_tokens"] = input.unknown;
  result.data["p_positive_during_training"] = {{"steps", training.probability_steps},
                                               {"p_positive", training.probability_values}};
  result.data["loss"] = training.curve.values_json();
  result.metrics["p_positive"] = example.probability;
  result.metrics["predicted_label"] = example.probability > 0.5 ? "positive" : "negative";
  result.metrics["true_label"] = truth ? json(*truth == 1 ? "positive" : "negative") : json(nullptr);
  result.metrics["heldout_accuracy"] = double(heldout.correct) / double(heldout.total);
  result.metrics["heldout_negated_accuracy"] =
      heldout.negated_total ? json(double(heldout.negated_correct) / heldout.negated_total) : json(nullptr);
  report_divergence(result, training.curve, "Training");
  add_charts(input.words, int(training.curve.values().size()),
             int(split.train_negated.size() + split.train_plain.size()), example.probability, result);
  report_example(input.words, example, heldout, truth, result);
  return result;
}

Result run_negation_attention(const Params& params, const RunContext& context) {
  const NegationCorpus& corpus = negation_corpus();
  const Example input = read_example(params.value("tokens"), corpus);
  const CorpusSplit split = split_corpus(corpus, input.tokens);

  NumpyRandom rng = seeded_random(params);
  NegationClassifier model(int(corpus.vocabulary.size()), int(corpus.sentences[0].size()), kWidth, kHeads, kLayers,
                           rng);
  const Training training =
      train_on_negations(model, corpus, split, input.tokens, params.count("steps"), params.number("lr"), rng, context);
  const HeldOut heldout = evaluate_heldout(model, corpus, split.heldout);
  const ExampleAttention example = attention_from_cls(model, input.tokens);
  const std::vector<double> illustration = dirichlet_illustration(input.words, seeded_random(params));

  return report(input, split, training, heldout, example, illustration);
}

}  // namespace

Exercise negation_attention_exercise() {
  return {
      "02.4",
      {array_param("tokens", json::array({"[CLS]", "The", "movie", "was", "not", "good", "at", "all", "[SEP]"}), 2, 9,
                   "the example, one word per item (case-insensitive; unknown words become [UNK]); 2 to 9 "
                   "tokens, the first is pooled as [CLS]"),
       size_param("steps", 200, 1, 700, "Adam steps of 32 sentences each; capped at 700"), learning_rate_param(3e-3),
       seed_param(42, "seed of the model, the batches and the notebook's illustration")},
      run_negation_attention};
}

}  // namespace lab::exercises
