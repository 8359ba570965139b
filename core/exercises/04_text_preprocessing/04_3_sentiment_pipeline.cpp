// 04.3 The classic NLP pipeline before transformers, on short product reviews labelled negative (0) or positive (1).
//   data       [text, label] pairs for training and testing
//   preprocess normalize (lowercase, no URLs or punctuation) → tokenize → drop stopwords → stem (text::preprocess)
//   features   TF-IDF over word 1- to 2-grams, the 200 most frequent (text::TfidfVectorizer), as dense rows
//   model      L2 logistic regression at scikit-learn's optimum (text::fit_logistic_regression)
//   report     scikit-learn's classification report on the test pairs, P(positive) of each, the strongest weights
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/float_format.hpp"
#include "core/param_values.hpp"
#include "core/string_format.hpp"
#include "core/text/classification_report.hpp"
#include "core/text/logistic_regression.hpp"
#include "core/text/preprocess.hpp"
#include "core/text/ranking.hpp"
#include "core/text/tfidf_vectorizer.hpp"

namespace lab::exercises {

namespace {

// [[text, label], ...] with label 0 or 1.
struct Labelled {
  std::vector<std::string> texts;
  std::vector<int> labels;
};

Labelled read_labelled(const json& pairs, const std::string& param) {
  Labelled out;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const std::string path = param + "[" + std::to_string(i) + "]";
    const json& pair = pairs[i];
    if (!pair.is_array() || pair.size() != 2) fail_param(param, path + " must be a pair [text, label]");
    out.texts.push_back(read_text(pair[0], param, path + "[0]", 1000));
    const json& label = pair[1];
    if (!label.is_number_integer() || (label.get<long long>() != 0 && label.get<long long>() != 1)) {
      fail_param(param, path + "[1] must be the label 0 (negative) or 1 (positive), got " + shown_value(label));
    }
    out.labels.push_back(label.get<int>());
  }
  return out;
}

std::vector<std::string> preprocess_all(const std::vector<std::string>& texts) {
  std::vector<std::string> out;
  for (const std::string& t : texts) out.push_back(text::preprocess(t));
  return out;
}

Eigen::MatrixXd dense(const std::vector<text::SparseVector>& rows, std::size_t columns) {  // (N, V)
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(columns));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (const auto& [column, value] : rows[r])
      m(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(column)) = value;
  }
  return m;
}

struct Pipeline {
  std::vector<std::string> train_pre, test_pre;  // the texts after preprocessing
  std::vector<std::string> features;             // TF-IDF's n-grams, sorted
  text::LogisticModel model;
  std::vector<int> predictions;   // (M) on the test texts
  Eigen::VectorXd probabilities;  // (M) P(label 1)
};

Pipeline run_pipeline(const Labelled& train, const Labelled& test, const Params& params) {
  Pipeline p;
  p.train_pre = preprocess_all(train.texts);
  p.test_pre = preprocess_all(test.texts);
  text::TfidfVectorizer vectorizer(
      text::TfidfOptions{1, params.count("ngram_max"), static_cast<std::size_t>(params.count("max_features")), false});
  std::vector<text::SparseVector> train_rows;
  try {
    train_rows = vectorizer.fit_transform(p.train_pre);
  } catch (const std::invalid_argument& e) {
    fail_input("train", std::string("after preprocessing, TF-IDF has an ") + e.what());
  }
  p.features = vectorizer.feature_names();
  const Eigen::MatrixXd X_train = dense(train_rows, p.features.size());                       // (N, V)
  const Eigen::MatrixXd X_test = dense(vectorizer.transform(p.test_pre), p.features.size());  // (M, V)
  p.model = text::fit_logistic_regression(X_train, train.labels, params.number("C"));
  p.predictions = text::predict(p.model, X_test);
  p.probabilities = text::predict_probability(p.model, X_test);
  return p;
}

// scikit-learn raises when a class is absent from both the test labels and the predictions (2 names, 1 class);
// the lab then passes labels=[0, 1] explicitly, as scikit-learn's message advises.
text::ClassificationReport score(const std::vector<int>& truth, const std::vector<int>& predictions) {
  std::set<int> present(truth.begin(), truth.end());
  present.insert(predictions.begin(), predictions.end());
  const std::vector<int> labels = present.size() == 2 ? std::vector<int>{} : std::vector<int>{0, 1};
  return text::classification_report(truth, predictions, labels, {"negative", "positive"});
}

// The five features that push hardest towards each class: rows [class, feature, weight].
json strongest_features(const Pipeline& p) {
  const std::size_t n_features = p.features.size();
  const std::vector<double> weights(p.model.coef.data(), p.model.coef.data() + p.model.coef.size());  // (V)
  const std::vector<std::size_t> order = text::top_k(weights, n_features);  // highest first, ties to the lower index
  json rows = json::array();
  for (std::size_t r = 0; r < std::min<std::size_t>(5, n_features); ++r) {
    rows.push_back({"positive", p.features[order[r]], format("%+.4f", weights[order[r]])});
  }
  for (std::size_t r = 0; r < std::min<std::size_t>(5, n_features); ++r) {
    const std::size_t j = order[n_features - 1 - r];
    rows.push_back({"negative", p.features[j], format("%+.4f", weights[j])});
  }
  return rows;
}

Result report(const Labelled& test, const Pipeline& p, const text::ClassificationReport& scores, double C) {
  Result result;
  result.print("Pipeline: normalize → tokenize → stopwords → stem → TF-IDF → LogReg");
  result.print_lines(scores.text());

  json probs = json::array(), bar_labels = json::array(), rows = json::array();
  std::vector<int> wrong;
  for (Eigen::Index i = 0; i < p.probabilities.size(); ++i) {
    probs.push_back(p.probabilities[i]);
    bar_labels.push_back(test.texts[i]);
    if (p.predictions[i] != test.labels[i]) wrong.push_back(static_cast<int>(i));
    rows.push_back(
        {test.texts[i], p.test_pre[i], test.labels[i], p.predictions[i], format("%.4f", p.probabilities[i])});
  }
  const double lowest = p.probabilities.size() ? p.probabilities.minCoeff() : 0.0;
  const double highest = p.probabilities.size() ? p.probabilities.maxCoeff() : 0.0;
  result.insight = format(
      "Each step throws information away on purpose (case, punctuation, stopwords, suffixes) so that %zu short "
      "reviews are enough to learn which of the %zu kept stems and stem n-grams signal sentiment: here %.0f%% of "
      "the %zu test sentences are classified correctly. L2 regularisation (C = %s; the smaller C, the stronger) "
      "keeps the weights small on so little data: here P(positive) runs from %.3f to %.3f.",
      p.train_pre.size(), p.features.size(), 100.0 * scores.micro.precision, test.texts.size(), python_float(C).c_str(),
      lowest, highest);
  result.data["train_preprocessed"] = p.train_pre;
  result.data["test_preprocessed"] = p.test_pre;
  result.data["features"] = p.features;
  result.data["predictions"] = p.predictions;
  result.data["probabilities"] = probs;
  result.data["report"] = scores.to_dict();
  result.data["report_warnings"] = scores.warnings;
  result.data["intercept"] = p.model.intercept;
  result.metrics["accuracy"] = scores.micro.precision;
  result.metrics["features"] = p.features.size();
  result.metrics["newton_iterations"] = p.model.iterations;
  result.metrics["gradient_max"] = p.model.gradient_max;
  result.add_table("Test sentences", {"text", "preprocessed", "label", "predicted", "P(positive)"}, std::move(rows));
  result.add_table("Strongest features (logistic regression weights)", {"pushes towards", "feature", "weight"},
                   strongest_features(p));
  json chart = bar_chart("P(positive) for each test sentence", "test sentence", "P(positive)", std::move(bar_labels),
                         {{"P(positive)", probs}});
  set_highlight(chart, wrong);
  set_note(chart, "predicted positive when P > 0.5; highlighted bars are misclassified");
  result.add_chart("probabilities", std::move(chart));
  return result;
}

Result run_sentiment_pipeline(const Params& params, const RunContext&) {
  const Labelled train = read_labelled(params.value("train"), "train");
  const Labelled test = read_labelled(params.value("test"), "test");
  if (std::set<int>(train.labels.begin(), train.labels.end()).size() < 2) {
    fail_param("train", "train must hold both labels, 0 and 1: logistic regression needs two classes");
  }
  const Pipeline pipeline = run_pipeline(train, test, params);
  const text::ClassificationReport scores = score(test.labels, pipeline.predictions);

  return report(test, pipeline, scores, params.number("C"));
}

}  // namespace

Exercise sentiment_pipeline_exercise() {
  json train = json::array();
  const json train_once = json::parse(R"json([
    ["This product is amazing and works perfectly", 1],
    ["Terrible quality, completely broken on arrival", 0],
    ["Great value for the price, highly recommended", 1],
    ["Worst purchase ever, waste of money", 0],
    ["Excellent customer service and fast shipping", 1],
    ["Stopped working after one day, very disappointed", 0],
    ["Outstanding quality and beautiful design", 1],
    ["Poor build quality, not as described", 0]
  ])json");
  for (int repeat = 0; repeat < 5; ++repeat) {  // the notebook's train_data = [...] * 5
    for (const auto& pair : train_once) train.push_back(pair);
  }
  const json test = json::parse(R"json([
    ["Really love this product, working great", 1],
    ["Broken and useless, terrible", 0],
    ["Good quality and fast delivery", 1],
    ["Not working at all, very bad", 0]
  ])json");
  return {"04.3",
          {array_param("train", train, 2, 300,
                       "training pairs [text, label] with label 0 (negative) or 1 (positive), both present; the "
                       "default is the notebook's 8 reviews repeated 5 times; at most 300 pairs of 1,000 bytes"),
           array_param("test", test, 1, 200, "test pairs [text, label]; at most 200"),
           size_param("max_features", 200, 1, 1000, "TF-IDF keeps the most frequent n-grams; at most 1,000"),
           integer_param("ngram_max", 2, 1, 3, "longest word n-gram (ngram_range = (1, ngram_max))"),
           number_param("C", 1.0, 0.0001, 10000.0, "inverse L2 strength of the logistic regression")},
          run_sentiment_pipeline};
}

}  // namespace lab::exercises
