// 02.5 Class-weighted cross-entropy on an imbalanced 3-class set (1000, 200 and 50 examples by default): each
// example's loss weighted by N / (3 n_c), the inverse frequency of its class, so every class counts equally.
//   data    NumPy's draws: class c is N(0, I) in 16 features, shifted by its centre in the first two; a second
//           draw of the same sizes is held out
//   model   the notebook's SimpleClassifier 16 → 32 → 3 (simple_classifier.hpp), built afresh for each run
//   train   full-batch Adam for `epochs` steps, first with the class weights, then without (training_loop.hpp)
//   report  per-class accuracy of both runs on the training set (as the notebook measures it) and held out
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/array_json.hpp"
#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/exercises/02_bert_classification/simple_classifier.hpp"
#include "core/exercises/seed.hpp"
#include "core/exercises/training_budget.hpp"
#include "core/exercises/training_loop.hpp"
#include "core/nn/optimizer.hpp"
#include "core/param_values.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

using nn::Matrix;

std::vector<int> read_class_counts(const Params& params) {
  std::vector<int> counts;
  for (const auto& c : params.value("class_counts")) {
    if (!c.is_number_integer() || c.get<long long>() < 1 || c.get<long long>() > 20000) {
      fail_param("class_counts", "class_counts must be three whole numbers between 1 and 20000 (got " +
                                     shown_value(params.value("class_counts")) + ")");
    }
    counts.push_back(c.get<int>());
  }
  return counts;
}

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

// Inverse frequency: N / (3 n_c), so each class's examples weigh 1/3 of the loss together.
std::vector<float> inverse_frequency_weights(const std::vector<int>& counts) {
  const double total = double(counts[0] + counts[1] + counts[2]);
  std::vector<float> weights;
  for (int n : counts) weights.push_back(float(total / (3.0 * n)));
  return weights;
}

std::vector<double> per_class_accuracy(SimpleClassifier& model, const ImbalancedData& data) {
  nn::Tape tape(false);
  const Matrix logits = tape.value(model.forward(tape, tape.constant(data.x)));  // (N, 3)
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

struct ClassifierRun {
  LossCurve curve;
  std::vector<double> train_accuracy, test_accuracy;  // per class
};

// Full-batch Adam on the whole training set, with or without class weights (the notebook's train_classifier).
// `loop` places this run's steps in the exercise's progress: the weighted run first, then the unweighted one.
ClassifierRun train_classifier(const ImbalancedData& train_set, const ImbalancedData& test_set,
                               const std::vector<float>& weights, const TrainingLoop& loop, double lr, NumpyRandom& rng,
                               const RunContext& context) {
  SimpleClassifier model(16, 32, 3, rng);
  nn::Adam adam(model.parameters(), nn::AdamSettings{lr});
  const LossCurve curve = train(loop, adam, context, [&](nn::Tape& tape, int) {
    const nn::Var logits = model.forward(tape, tape.constant(train_set.x));  // (N, 3)
    return nn::cross_entropy(tape, logits, train_set.y, weights);
  });
  return {curve, per_class_accuracy(model, train_set), per_class_accuracy(model, test_set)};
}

void add_charts(const std::vector<int>& counts, const std::vector<float>& weights, int epochs, Result& result) {
  json epochs_axis = json::array();
  for (int e = 1; e <= epochs; ++e) epochs_axis.push_back(e);
  json curves =
      line_chart("Training loss, with and without class weights", "Epoch", "Cross-Entropy Loss", epochs_axis,
                 {{"weighted", result.data["loss"]["weighted"]}, {"unweighted", result.data["loss"]["unweighted"]}});
  const auto [lightest, heaviest] = std::minmax_element(weights.begin(), weights.end());
  set_note(curves, *lightest == *heaviest
                       ? format("Every class weight is %.4f here, so the two losses are on the same scale.", *lightest)
                       : format("The two losses are on different scales: the weighted one multiplies each example's "
                                "loss by its class weight, from %.4f to %.4f.",
                                *lightest, *heaviest));
  result.add_chart("loss", std::move(curves));
  json labels = json::array();
  for (int c = 0; c < 3; ++c) labels.push_back(format("Class %d (n=%d)", c, counts[std::size_t(c)]));
  json bars =
      bar_chart("Per-class accuracy on the training set (as the notebook measures it)", "Class", "Accuracy", labels,
                {{"weighted loss", result.data["per_class_accuracy"]["weighted"]},
                 {"unweighted loss", result.data["per_class_accuracy"]["unweighted"]}});
  result.add_chart("per_class_accuracy", std::move(bars));
  json heldout =
      bar_chart("Per-class accuracy on a fresh draw of the same sizes (held out)", "Class", "Accuracy", labels,
                {{"weighted loss", result.data["heldout_per_class_accuracy"]["weighted"]},
                 {"unweighted loss", result.data["heldout_per_class_accuracy"]["unweighted"]}});
  result.add_chart("heldout_per_class_accuracy", std::move(heldout));
}

// What the two runs show, in their own numbers: which class is rarest, what it scores with and without the weights,
// and what that costs the commonest class (nothing to say about imbalance when the classes are equally large).
std::string class_weights_insight(const std::vector<int>& counts, const ClassifierRun& weighted,
                                  const ClassifierRun& unweighted) {
  const int rarest = int(std::min_element(counts.begin(), counts.end()) - counts.begin());
  const int commonest = int(std::max_element(counts.begin(), counts.end()) - counts.begin());
  const auto rare = std::size_t(rarest), common = std::size_t(commonest);
  if (counts[rare] == counts[common]) {
    return format(
        "The classes are equally large (%d examples each), so every inverse-frequency weight is 1 and both runs "
        "minimise the same loss: class %d scores %.0f%% with the weights and %.0f%% without (the two runs differ only "
        "in their initial weights). Make one class rare to see what the weights are for.",
        counts[0], rarest, 100.0 * weighted.train_accuracy[rare], 100.0 * unweighted.train_accuracy[rare]);
  }
  // Compared as printed, in whole percent, so the sentence never says "lift it to 100%" from 100%.
  auto percent = [](double accuracy) { return int(std::lround(100.0 * accuracy)); };
  const int rare_with = percent(weighted.train_accuracy[rare]), rare_without = percent(unweighted.train_accuracy[rare]);
  const int common_with = percent(weighted.train_accuracy[common]);
  const int common_without = percent(unweighted.train_accuracy[common]);
  std::string text =
      format("Without weights the loss is dominated by class %d's %d examples, ", commonest, counts[common]) +
      format(rare_without >= 90 ? "yet the rarest class, %d (%d examples), still gets %d%% accuracy here"
                                : "and the rarest class, %d (%d examples), gets %d%% accuracy",
             rarest, counts[rare], rare_without) +
      "; inverse-frequency weights make each class count equally in the loss";
  text += rare_with > rare_without   ? format(" and lift it to %d%%", rare_with)
          : rare_with < rare_without ? format(", yet here it falls to %d%%", rare_with)
                                     : format(", and here it stays at %d%%", rare_with);
  text += common_with < common_without
              ? format(", at some cost to class %d (%d%% against %d%% without weights).", commonest, common_with,
                       common_without)
              : format(", while class %d keeps %d%% (%d%% without weights).", commonest, common_with, common_without);
  return text;
}

Result report(const std::vector<int>& counts, const std::vector<float>& weights, const ClassifierRun& weighted,
              const ClassifierRun& unweighted, int epochs) {
  Result result;
  result.data["class_weights"] = to_json(weights);
  result.data["per_class_accuracy"] = {{"weighted", to_json(weighted.train_accuracy)},
                                       {"unweighted", to_json(unweighted.train_accuracy)}};
  result.data["heldout_per_class_accuracy"] = {{"weighted", to_json(weighted.test_accuracy)},
                                               {"unweighted", to_json(unweighted.test_accuracy)}};
  result.data["loss"] = {{"weighted", weighted.curve.values_json()}, {"unweighted", unweighted.curve.values_json()}};
  result.metrics["minority_accuracy_weighted"] = weighted.train_accuracy[2];
  result.metrics["minority_accuracy_unweighted"] = unweighted.train_accuracy[2];
  const bool diverged = weighted.curve.diverged() || unweighted.curve.diverged();
  result.metrics["diverged"] = diverged;
  result.metrics["diverged_step"] = weighted.curve.diverged()     ? json(weighted.curve.diverged_step())
                                    : unweighted.curve.diverged() ? json(unweighted.curve.diverged_step())
                                                                  : json(nullptr);
  add_charts(counts, weights, epochs, result);

  result.print(format("Class weights: tensor([%.4f, %.4f, %.4f])", weights[0], weights[1], weights[2]));
  result.print("");
  result.print(format("%-20s Class 0 (n=%d)  Class 1 (n=%d)  Class 2 (n=%d)", "", counts[0], counts[1], counts[2]));
  auto row = [](const char* name, const std::vector<double>& a) {
    return format("%s %13.2f%%  %13.2f%%  %13.2f%%", name, 100.0 * a[0], 100.0 * a[1], 100.0 * a[2]);
  };
  result.print(row("Weighted loss:  ", weighted.train_accuracy));
  result.print(row("Unweighted loss:", unweighted.train_accuracy));
  if (diverged) {
    result.print("A run diverged (its loss became NaN or infinite) and stopped early; try a smaller learning rate.");
  }
  result.insight = class_weights_insight(counts, weighted, unweighted);
  return result;
}

Result run_class_weights(const Params& params, const RunContext& context) {
  const std::vector<int> counts = read_class_counts(params);
  const int epochs = params.count("epochs");
  const double lr = params.number("lr");
  const double examples = double(counts[0]) + counts[1] + counts[2];
  // Two runs of `epochs` full-batch steps through 16 → 32 → 3, forward and backward (about 3× the forward).
  check_budget(4.0 * examples * (2 * 16 + 8 * 32 + 8 * 3), 2.0 * epochs * examples * 6.0 * (16 * 32 + 32 * 3), "epochs",
               "this training run");
  NumpyRandom rng = seeded_random(params);
  const ImbalancedData train_set = draw_imbalanced(counts, rng);  // np.random.seed(0) then the notebook's draws
  const std::vector<float> weights = inverse_frequency_weights(counts);
  const ImbalancedData test_set = draw_imbalanced(counts, rng);  // a fresh draw of the same sizes, held out

  // progress: 1 … 2·epochs, the weighted run first
  const TrainingLoop first{epochs, 1, 0, 2 * epochs, "weighted loss"},
      second{epochs, 1, epochs, 2 * epochs, "unweighted loss"};
  const ClassifierRun weighted = train_classifier(train_set, test_set, weights, first, lr, rng, context);
  const ClassifierRun unweighted = train_classifier(train_set, test_set, {}, second, lr, rng, context);

  return report(counts, weights, weighted, unweighted, epochs);
}

}  // namespace

Exercise class_weights_exercise() {
  return {"02.5",
          {array_param("class_counts", json::array({1000, 200, 50}), 3, 3,
                       "examples of classes 0, 1, 2 (centres (0,0), (3,0), (1.5,2.5) in the first two of 16 features); "
                       "each 1 to 20000"),
           size_param("epochs", 30, 1, 1000,
                      "full-batch Adam steps; capped at 1000 (runs over 256 MB or 50 GFLOP are refused)"),
           learning_rate_param(5e-3), seed_param(0, "seed of the data (NumPy's RandomState) and the weights")},
          run_class_weights};
}

}  // namespace lab::exercises
