// Notebook 04, Text preprocessing: retrieval metrics, a bigram language model, a classic NLP pipeline, tokenizers and TF-IDF.
// Each exercise is a function `params -> Result` between `// == id` markers; the table at the bottom lists them.
#include <set>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercises/catalog.hpp"
#include "core/float_format.hpp"
#include "core/array_json.hpp"
#include "core/string_format.hpp"
#include "core/random/numpy_random.hpp"
#include "core/text/bigram_lm.hpp"
#include "core/text/bm25.hpp"
#include "core/text/classification_report.hpp"
#include "core/text/logistic_regression.hpp"
#include "core/text/preprocess.hpp"
#include "core/text/python_case.hpp"
#include "core/text/python_repr.hpp"
#include "core/text/ranking.hpp"
#include "core/text_params.hpp"
#include "core/text/tfidf_scratch.hpp"
#include "core/text/tfidf_vectorizer.hpp"
#include "core/text/tokenizers.hpp"
#include "core/text/unicode_classes.hpp"
#include "core/text/utf8.hpp"

namespace lab::exercises {

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', begin)) {
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  lines.push_back(text.substr(begin));
  return lines;
}

json index_list(const std::vector<std::size_t>& indices) {
  json out = json::array();
  for (std::size_t i : indices) out.push_back(i);
  return out;
}

// Python's f"{text:<width}" / f"{text:>width}": padding counts characters (code points), not bytes.
std::string pad_right(const std::string& text, std::size_t width) {
  const std::size_t length = text::count_code_points(text);
  return length >= width ? text : text + std::string(width - length, ' ');
}
std::string pad_left(const std::string& text, std::size_t width) {
  const std::size_t length = text::count_code_points(text);
  return length >= width ? text : std::string(width - length, ' ') + text;
}

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
      fail_param(param, path + "[1] must be the label 0 (negative) or 1 (positive), got " + label.dump());
    }
    out.labels.push_back(label.get<int>());
  }
  return out;
}

Eigen::MatrixXd dense(const std::vector<text::SparseVector>& rows, std::size_t columns) {  // (N, V)
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(columns));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (const auto& [column, value] : rows[r]) m(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(column)) = value;
  }
  return m;
}

// == 04.1
// TF-IDF (scikit-learn's defaults) with cosine similarity vs BM25, scored by precision@k on labelled queries.
Result run_retrieval_precision(const Params& params, const RunContext&) {
  const std::vector<std::string> docs = read_text_list(params.value("docs"), "docs", 2000);
  const int k = params.count("k");
  if (static_cast<std::size_t>(k) > docs.size()) {
    fail_param("k", format("k must be at most the number of documents (%zu), got %d", docs.size(), k));
  }
  struct Query {
    std::string text;
    std::set<std::size_t> relevant;
  };
  std::vector<Query> queries;
  const json& eval_set = params.value("eval_set");
  for (std::size_t i = 0; i < eval_set.size(); ++i) {
    const std::string path = "eval_set[" + std::to_string(i) + "]";
    const json& entry = eval_set[i];
    if (!entry.is_object() || !entry.contains("query") || !entry.contains("relevant") || entry.size() != 2) {
      fail_param("eval_set", path + " must be an object {\"query\": ..., \"relevant\": [doc, ...]} and nothing else");
    }
    Query query{read_text(entry["query"], "eval_set", path + ".query", 500), {}};
    if (!entry["relevant"].is_array() || entry["relevant"].empty()) {
      fail_param("eval_set", path + ".relevant must be a non-empty array of document indices");
    }
    for (std::size_t j = 0; j < entry["relevant"].size(); ++j) {
      const json& doc = entry["relevant"][j];
      if (!doc.is_number_integer() || doc.get<long long>() < 0 || doc.get<long long>() >= static_cast<long long>(docs.size())) {
        fail_param("eval_set", path + ".relevant[" + std::to_string(j) + "]" +
                                   format(" must be a document index between 0 and %zu (got ", docs.size() - 1) +
                                   doc.dump() + ")");
      }
      query.relevant.insert(doc.get<std::size_t>());
    }
    queries.push_back(std::move(query));
  }

  text::TfidfVectorizer tfidf;
  std::vector<text::SparseVector> doc_vectors;
  try {
    doc_vectors = tfidf.fit_transform(docs);
  } catch (const std::invalid_argument& e) {
    fail_input("docs", std::string("TF-IDF cannot be fitted: ") + e.what() + " (no word of 2+ characters)");
  }
  std::vector<text::Tokens> tokenized;
  for (const std::string& doc : docs) tokenized.push_back(text::lowercase_whitespace_tokens(doc));
  const text::Bm25Index bm25(std::move(tokenized), 1.5, 0.75);

  Result result;
  json per_query = json::array(), rows = json::array(), labels = json::array();
  std::vector<double> tfidf_p, bm25_p;
  for (const Query& query : queries) {
    const std::vector<double> tfidf_scores = text::cosine_similarities(tfidf.transform({query.text})[0], doc_vectors);
    const std::vector<double> bm25_scores = bm25.scores(text::lowercase_whitespace_tokens(query.text));
    const std::vector<std::size_t> tfidf_top = text::top_k(tfidf_scores, k), bm25_top = text::top_k(bm25_scores, k);
    const double tp = text::precision_at_k(tfidf_top, query.relevant, k);
    const double bp = text::precision_at_k(bm25_top, query.relevant, k);
    tfidf_p.push_back(tp);
    bm25_p.push_back(bp);
    json relevant = index_list({query.relevant.begin(), query.relevant.end()});
    per_query.push_back({{"query", query.text}, {"relevant", relevant}, {"tfidf_top", index_list(tfidf_top)},
                         {"bm25_top", index_list(bm25_top)}, {"tfidf_precision", tp}, {"bm25_precision", bp},
                         {"tfidf_scores", to_json(tfidf_scores)}, {"bm25_scores", to_json(bm25_scores)}});
    rows.push_back({query.text, relevant.dump(), index_list(tfidf_top).dump(), index_list(bm25_top).dump(),
                    format("%.2f", tp), format("%.2f", bp)});
    labels.push_back(query.text);
    result.print(format("Query: \"%s\" | TF-IDF P@%d: %.2f | BM25 P@%d: %.2f", query.text.c_str(), k, tp, k, bp));
  }
  // np.mean: NumPy's pairwise sum, then one division
  const double mean_tfidf = numpy_sum(tfidf_p) / static_cast<double>(tfidf_p.size());
  const double mean_bm25 = numpy_sum(bm25_p) / static_cast<double>(bm25_p.size());
  result.print("");
  result.print(format("Mean P@%d: TF-IDF=%.3f, BM25=%.3f", k, mean_tfidf, mean_bm25));
  result.data["per_query"] = std::move(per_query);
  result.data["vocabulary"] = tfidf.feature_names();
  result.metrics["mean_precision_tfidf"] = mean_tfidf;
  result.metrics["mean_precision_bm25"] = mean_bm25;
  result.add_table(format("Top %d documents per query", k), {"query", "relevant", "TF-IDF top", "BM25 top",
                                                             format("TF-IDF P@%d", k), format("BM25 P@%d", k)},
                   std::move(rows));
  json chart = bar_chart(format("Precision@%d per query", k), "query", format("P@%d", k), std::move(labels),
                         {{"TF-IDF (cosine)", to_json(tfidf_p)}, {"BM25", to_json(bm25_p)}});
  set_note(chart, "P@k = relevant documents among the top k, divided by k; ties in score go to the lower index");
  result.add_chart(std::move(chart));
  result.insight =
      "With the notebook's data both retrievers put every relevant document on top, yet the mean P@3 is only "
      "0.417: P@k is capped by the number of relevant documents (a query with one relevant document scores at "
      "most 1/k), so compare retrievers on the same queries, never against 1.";
  return result;
}

// == 04.2
// Count bigrams, smooth them, and sample sentences word by word with NumPy's generator.
Result run_bigram_model(const Params& params, const RunContext&) {
  const std::vector<std::string> corpus = read_text_list(params.value("corpus"), "corpus", 1000);
  text::BigramLM lm(params.number("smoothing"));
  lm.train(corpus);

  Result result;
  json probes = json::array(), probe_probs = json::array(), probe_labels = json::array(), rows = json::array();
  const json& given = params.value("probes");
  for (std::size_t i = 0; i < given.size(); ++i) {
    const std::string path = "probes[" + std::to_string(i) + "]";
    if (!given[i].is_array() || given[i].size() != 2) fail_param("probes", path + " must be a pair [w1, w2]");
    const std::string& w1 = read_text(given[i][0], "probes", path + "[0]", 100);
    const std::string& w2 = read_text(given[i][1], "probes", path + "[1]", 100);
    const json p = number(lm.prob(w1, w2));  // null for 0/0 (smoothing 0 and w1 never seen)
    probes.push_back({{"w1", w1}, {"w2", w2}, {"probability", p}});
    probe_probs.push_back(p);
    probe_labels.push_back("P(" + w2 + " | " + w1 + ")");
    rows.push_back({w1, w2, p.is_null() ? json("undefined (0/0)") : json(format("%.4f", p.get<double>()))});
  }

  NumpyRandom rng(static_cast<std::uint32_t>(params.integer("seed")));
  json samples = json::array();
  result.print("Generated sentences (bigram LM):");
  for (int i = 0; i < params.count("n_samples"); ++i) {
    const std::string sentence = lm.generate(rng, "<s>", params.count("max_len"));
    samples.push_back(sentence);
    result.print(format("  %d: ", i + 1) + sentence);
  }
  result.data["samples"] = std::move(samples);
  result.data["probe_probs"] = std::move(probe_probs);
  result.data["probes"] = std::move(probes);
  result.data["vocabulary_size"] = lm.vocabulary_size();
  result.metrics["vocabulary_size"] = lm.vocabulary_size();
  result.add_table("Probe probabilities P(w2 | w1)", {"w1", "w2", "P(w2 | w1)"}, std::move(rows));
  json chart = bar_chart("Smoothed bigram probabilities of the probes", "probe", "P(w2 | w1)",
                         std::move(probe_labels), {{"P(w2 | w1)", result.data["probe_probs"]}});
  set_note(chart, format("P(w2|w1) = (count(w1 w2) + %s) / (count(w1 ·) + %s × |V|), |V| = %zu with <s> and </s>",
                         python_float(params.number("smoothing")).c_str(),
                         python_float(params.number("smoothing")).c_str(), lm.vocabulary_size()));
  result.add_chart(std::move(chart));
  result.insight =
      "A bigram model knows only the previous word, so it stitches fragments of training sentences together "
      "(\"data science is a powerful technique\"). Smoothing gives unseen pairs a little probability, but sampling "
      "only ever picks words that followed the current one in training.";
  return result;
}

// == 04.3
// normalize -> stopwords -> stem -> TF-IDF (1-2-grams, 200 features) -> logistic regression -> report.
Result run_sentiment_pipeline(const Params& params, const RunContext&) {
  const Labelled train = read_labelled(params.value("train"), "train");
  const Labelled test = read_labelled(params.value("test"), "test");
  if (std::set<int>(train.labels.begin(), train.labels.end()).size() < 2) {
    fail_param("train", "train must hold both labels, 0 and 1: logistic regression needs two classes");
  }
  std::vector<std::string> train_pre, test_pre;
  for (const std::string& t : train.texts) train_pre.push_back(text::preprocess(t));
  for (const std::string& t : test.texts) test_pre.push_back(text::preprocess(t));

  text::TfidfVectorizer vectorizer(text::TfidfOptions{1, params.count("ngram_max"),
                                                      static_cast<std::size_t>(params.count("max_features")), false});
  std::vector<text::SparseVector> train_rows;
  try {
    train_rows = vectorizer.fit_transform(train_pre);
  } catch (const std::invalid_argument& e) {
    fail_input("train", std::string("after preprocessing, TF-IDF has an ") + e.what());
  }
  const std::size_t n_features = vectorizer.feature_names().size();
  const Eigen::MatrixXd X_train = dense(train_rows, n_features);                      // (N, V)
  const Eigen::MatrixXd X_test = dense(vectorizer.transform(test_pre), n_features);  // (M, V)
  const text::LogisticModel model = text::fit_logistic_regression(X_train, train.labels, params.number("C"));
  const std::vector<int> predictions = text::predict(model, X_test);
  const Eigen::VectorXd probabilities = text::predict_probability(model, X_test);  // (M) P(label 1)

  // scikit-learn raises when a class is absent from both the test labels and the predictions (2 names, 1 class);
  // the lab then passes labels=[0, 1] explicitly, as scikit-learn's message advises.
  std::set<int> present(test.labels.begin(), test.labels.end());
  present.insert(predictions.begin(), predictions.end());
  const std::vector<int> labels = present.size() == 2 ? std::vector<int>{} : std::vector<int>{0, 1};
  const text::ClassificationReport report =
      text::classification_report(test.labels, predictions, labels, {"negative", "positive"});

  Result result;
  result.print("Pipeline: normalize → tokenize → stopwords → stem → TF-IDF → LogReg");
  for (const std::string& line : lines_of(report.text())) result.print(line);
  json probs = json::array(), bar_labels = json::array(), rows = json::array();
  std::vector<int> wrong;
  for (Eigen::Index i = 0; i < probabilities.size(); ++i) {
    probs.push_back(probabilities[i]);
    bar_labels.push_back(test.texts[i]);
    if (predictions[i] != test.labels[i]) wrong.push_back(static_cast<int>(i));
    rows.push_back({test.texts[i], test_pre[i], test.labels[i], predictions[i], format("%.4f", probabilities[i])});
  }
  result.data["train_preprocessed"] = train_pre;
  result.data["test_preprocessed"] = test_pre;
  result.data["features"] = vectorizer.feature_names();
  result.data["predictions"] = predictions;
  result.data["probabilities"] = probs;
  result.data["report"] = report.to_dict();
  result.data["report_warnings"] = report.warnings;
  result.data["intercept"] = model.intercept;
  result.metrics["accuracy"] = report.micro.precision;
  result.metrics["features"] = n_features;
  result.metrics["newton_iterations"] = model.iterations;
  result.metrics["gradient_max"] = model.gradient_max;
  result.add_table("Test sentences", {"text", "preprocessed", "label", "predicted", "P(positive)"}, std::move(rows));

  // The features that push hardest towards each class.
  std::vector<std::size_t> order(n_features);
  for (std::size_t j = 0; j < n_features; ++j) order[j] = j;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return model.coef[a] > model.coef[b]; });
  json weights = json::array();
  for (std::size_t r = 0; r < std::min<std::size_t>(5, n_features); ++r) {
    weights.push_back({"positive", vectorizer.feature_names()[order[r]], format("%+.4f", model.coef[order[r]])});
  }
  for (std::size_t r = 0; r < std::min<std::size_t>(5, n_features); ++r) {
    const std::size_t j = order[n_features - 1 - r];
    weights.push_back({"negative", vectorizer.feature_names()[j], format("%+.4f", model.coef[j])});
  }
  result.add_table("Strongest features (logistic regression weights)", {"pushes towards", "feature", "weight"},
                   std::move(weights));
  json chart = bar_chart("P(positive) for each test sentence", "test sentence", "P(positive)", std::move(bar_labels),
                         {{"P(positive)", probs}});
  set_highlight(chart, wrong);
  set_note(chart, "predicted positive when P > 0.5; highlighted bars are misclassified");
  result.add_chart(std::move(chart));
  result.insight =
      "Each step throws information away on purpose (case, punctuation, stopwords, suffixes) so that 40 short "
      "reviews are enough to learn which stems and stem pairs signal sentiment; the probabilities stay modest "
      "because L2 regularisation (C = 1) keeps the weights small on so little data.";
  return result;
}

// == 04.4
// Three tokenizers on hard cases: str.split(), the word regex with Python's Unicode \w, and ASCII alphanumerics.
Result run_tokenization(const Params& params, const RunContext&) {
  struct Case {
    std::string name, text;
  };
  std::vector<Case> cases;
  const json& given = params.value("cases");
  for (std::size_t i = 0; i < given.size(); ++i) {
    const std::string path = "cases[" + std::to_string(i) + "]";
    const json& c = given[i];
    if (!c.is_object() || !c.contains("name") || !c.contains("text") || c.size() != 2) {
      fail_param("cases", path + " must be an object {\"name\": ..., \"text\": ...} and nothing else");
    }
    cases.push_back({read_text(c["name"], "cases", path + ".name", 60),
                     read_text(c["text"], "cases", path + ".text", 2000)});
  }
  const int detail = params.count("detail_case");
  if (static_cast<std::size_t>(detail) >= cases.size()) {
    fail_param("detail_case", format("detail_case must be the index of a case, below %zu (got %d)", cases.size(), detail));
  }

  Result result;
  json listed = json::array(), rows = json::array(), labels = json::array(), whitespace = json::array(),
       regex = json::array(), aggressive = json::array();
  result.print(pad_right("Case", 15) + " " + pad_left("Whitespace", 10) + " " + pad_left("Regex", 10) + " " +
               pad_left("Aggressive", 12));
  result.print(std::string(50, '-'));
  for (const Case& c : cases) {
    const text::Tokens w = text::whitespace_tokens(c.text), r = text::word_regex_tokens(c.text),
                       a = text::ascii_alnum_tokens(c.text);
    listed.push_back({{"name", c.name}, {"whitespace", w}, {"regex", r}, {"aggressive", a}});
    rows.push_back({c.name, w.size(), r.size(), a.size()});
    labels.push_back(c.name);
    whitespace.push_back(w.size());
    regex.push_back(r.size());
    aggressive.push_back(a.size());
    result.print(pad_right(c.name, 15) + " " + pad_left(std::to_string(w.size()), 10) + " " +
                 pad_left(std::to_string(r.size()), 10) + " " + pad_left(std::to_string(a.size()), 12));
  }
  const Case& shown = cases[detail];
  result.print("");
  result.print("Detailed analysis for " + text::python_lower(shown.name) + " case:");
  result.print("  Whitespace tokens: " + text::python_repr_list(text::whitespace_tokens(shown.text)));
  result.print("  Regex tokens:      " + text::python_repr_list(text::word_regex_tokens(shown.text)));
  result.print("  Key insight: regex tokenizer strips emoji; aggressive strips unicode entirely.");
  result.print("  For multilingual or emoji-rich text, use sentencepiece or tiktoken.");

  json token_rows = json::array();  // every token list, as Python would print it
  for (const auto& c : listed) {
    for (const char* tokenizer : {"whitespace", "regex", "aggressive"}) {
      token_rows.push_back({c["name"], tokenizer, text::python_repr_list(c[tokenizer].get<text::Tokens>())});
    }
  }
  result.data["cases"] = std::move(listed);
  result.data["unicode_version"] = text::unicode_version();
  result.add_table("Token counts", {"case", "whitespace", "regex", "aggressive"}, std::move(rows));
  result.add_table("Tokens, case by case", {"case", "tokenizer", "tokens"}, std::move(token_rows));
  json chart = bar_chart("Tokens per case and tokenizer", "case", "tokens", std::move(labels),
                         {{"str.split()", whitespace}, {"\\b\\w+(?:'\\w+)?\\b", regex}, {"[a-zA-Z0-9]+", aggressive}});
  set_note(chart, std::string("Python's rules: Unicode whitespace, \\w = letters and digits of every script and '_' "
                              "(Unicode ") + text::unicode_version() + ")");
  result.add_chart(std::move(chart));
  result.insight =
      "Whitespace splitting keeps punctuation glued to words, the word regex keeps letters of every script but "
      "drops emoji and splits at apostrophes it does not expect, and [a-zA-Z0-9]+ silently deletes every "
      "non-ASCII letter (München becomes M and nchen).";
  return result;
}

// == 04.5
// TF-IDF by hand: document frequencies, DF thresholds, smoothed IDF, sublinear TF, L2-normalised rows.
Result run_tfidf_scratch(const Params& params, const RunContext&) {
  const std::vector<std::string> docs = read_text_list(params.value("docs"), "docs", 1000);
  const text::ScratchTfidfOptions options{params.boolean("sublinear_tf"), params.integer("min_df"),
                                          params.number("max_df_ratio")};
  const text::ScratchTfidf model = text::scratch_tfidf_fit(docs, options);
  const std::vector<std::vector<double>> matrix = text::scratch_tfidf_transform(model, docs);  // (N, V)

  Result result;
  json idf = json::object(), idf_values = json::array(), rows = json::array(), terms = json::array();
  for (std::size_t i = 0; i < model.vocabulary.size(); ++i) {
    idf[model.vocabulary[i]] = model.idf[i];
    idf_values.push_back(model.idf[i]);
  }
  for (const auto& row : matrix) rows.push_back(to_json(row));
  const std::size_t n = docs.size();
  for (const auto& [term, df] : model.document_frequency) {
    const bool kept = idf.contains(term);
    const std::string why = kept ? "kept"
                            : static_cast<long long>(df) < options.min_df
                                ? format("dropped: df %zu < min_df %lld", df, options.min_df)
                                : format("dropped: df/N = %zu/%zu > %s", df, n, python_float(options.max_df_ratio).c_str());
    terms.push_back({term, df, kept ? json(format("%.4f", idf[term].get<double>())) : json(""), why});
  }

  // sorted(idf.items(), key=-idf)[:5] and key=idf: stable, so equal IDFs keep the vocabulary's (sorted) order.
  std::vector<std::size_t> by_idf(model.vocabulary.size());
  for (std::size_t i = 0; i < by_idf.size(); ++i) by_idf[i] = i;
  auto listing = [&](bool descending) {
    std::vector<std::size_t> order = by_idf;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return descending ? model.idf[a] > model.idf[b] : model.idf[a] < model.idf[b];
    });
    std::string out = "[";
    for (std::size_t r = 0; r < std::min<std::size_t>(5, order.size()); ++r) {
      out += (r ? ", (" : "(") + text::python_repr_str(model.vocabulary[order[r]]) + ", " +
             python_float(model.idf[order[r]]) + ")";
    }
    return out + "]";
  };
  result.print(format("Vocabulary size (after min_df=%lld filter): %zu", options.min_df, model.vocabulary.size()));
  result.print(format("Matrix shape: (%zu, %zu)", n, model.vocabulary.size()));
  result.print("Top terms by IDF (rare/informative): " + listing(true));
  result.print("Bottom terms by IDF (common/filtered): " + listing(false));
  result.print("Key insight: sublinear_tf reduces dominance of repeated terms; min_df removes hapax legomena");

  result.data["vocab"] = model.vocabulary;
  result.data["idf"] = idf;
  result.data["matrix"] = rows;
  result.metrics["vocabulary_size"] = model.vocabulary.size();
  result.add_table("Document frequency of every term", {"term", "df", "idf", "outcome"}, std::move(terms));
  json vocabulary_labels = result.data["vocab"];
  if (!model.vocabulary.empty() && model.vocabulary.size() <= 300) {  // beyond that the charts cannot be read
    result.add_chart(bar_chart("IDF of the kept terms", "term", "idf = ln((1 + N)/(1 + df)) + 1", vocabulary_labels,
                               {{"idf", idf_values}}));
    json doc_labels = json::array();
    for (std::size_t d = 0; d < n; ++d) doc_labels.push_back("doc " + std::to_string(d));
    json heatmap = heatmap_chart("TF-IDF matrix (rows L2-normalised)", rows, "term", "document", Colormap::sequential);
    set_ticks(heatmap, vocabulary_labels, doc_labels);
    result.add_chart(std::move(heatmap));
  }
  result.insight =
      "Document frequency thresholds decide the vocabulary before any weighting: min_df drops words seen in too "
      "few documents, max_df_ratio words seen almost everywhere. Smoothed IDF then ranks what is left by rarity, "
      "and sublinear TF (1 + ln tf) keeps a repeated word from dominating its row.";
  return result;
}

}  // namespace

std::vector<Exercise> notebook04() {
  std::vector<Exercise> list;

  const json docs_041 = {"python machine learning scikit learn",
                         "deep learning pytorch neural network training",
                         "natural language processing text classification",
                         "data science statistics regression analysis",
                         "computer vision image recognition convolutional",
                         "reinforcement learning reward optimization policy",
                         "transformer bert attention nlp fine tuning",
                         "clustering kmeans unsupervised learning data",
                         "recommendation system collaborative filtering",
                         "time series forecasting lstm recurrent network"};
  const json eval_set = json::parse(R"json([
    {"query": "neural network deep learning", "relevant": [1]},
    {"query": "nlp text transformer", "relevant": [2, 6]},
    {"query": "unsupervised clustering", "relevant": [7]},
    {"query": "time series lstm", "relevant": [9]}
  ])json");
  list.push_back(Exercise{"04.1",
      {array_param("docs", docs_041, 1, 200, "the documents; at most 200, each at most 2,000 bytes"),
       array_param("eval_set", eval_set, 1, 50,
                   "labelled queries: [{\"query\": ..., \"relevant\": [document index, ...]}]; at most 50"),
       size_param("k", 3, 1, 200, "how many top documents count; at most the number of documents")},
      run_retrieval_precision});

  const json corpus_042 = {"the cat sat on the mat", "the cat ate the rat", "the rat ran away fast",
                           "machine learning is a powerful technique", "deep learning uses neural networks",
                           "the model learns from data", "data science is fun and rewarding",
                           "neural networks learn complex patterns", "the algorithm converges to a solution"};
  const json probes = json::parse(
      R"json([["the", "cat"], ["the", "dog"], ["machine", "learning"], ["<s>", "the"], ["learning", "is"]])json");
  list.push_back(Exercise{"04.2",
      {array_param("corpus", corpus_042, 1, 200, "training sentences (lowercased, split on whitespace); at most 200, each at most 1,000 bytes"),
       number_param("smoothing", 0.1, 0.0, 10.0, "α, added to every pair count"),
       array_param("probes", probes, 0, 50, "word pairs [w1, w2] whose P(w2 | w1) to report; at most 50"),
       size_param("n_samples", 5, 1, 50, "sentences to generate; at most 50"),
       size_param("max_len", 15, 1, 100, "most words drawn per sentence; at most 100"),
       integer_param("seed", 7, 0, 4294967295LL, "np.random.seed for the sampling")},
      run_bigram_model});

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
  list.push_back(Exercise{"04.3",
      {array_param("train", train, 2, 300,
                   "training pairs [text, label] with label 0 (negative) or 1 (positive), both present; the default is "
                   "the notebook's 8 reviews repeated 5 times; at most 300 pairs of 1,000 bytes"),
       array_param("test", test, 1, 200, "test pairs [text, label]; at most 200"),
       size_param("max_features", 200, 1, 1000, "TF-IDF keeps the most frequent n-grams; at most 1,000"),
       integer_param("ngram_max", 2, 1, 3, "longest word n-gram (ngram_range = (1, ngram_max))"),
       number_param("C", 1.0, 0.0001, 10000.0, "inverse L2 strength of the logistic regression")},
      run_sentiment_pipeline});

  const json cases = json::parse(R"json([
    {"name": "URL", "text": "Visit https://www.example.com/path?q=hello&lang=en for more info!"},
    {"name": "Emoji", "text": "Great job! 🎉🚀 Really loved it 😍 #awesome"},
    {"name": "Code", "text": "Run `model.fit(X_train, y_train)` or use model.predict(X_test)"},
    {"name": "Mixed lang", "text": "This is a café in München. Встреча в 5pm."},
    {"name": "Contractions", "text": "It's a can't-miss, won't-fail, I'd-do-it-again experience."},
    {"name": "Numbers", "text": "The stock rose 3.14% to $1,234.56 on 2024-01-15."}
  ])json");
  list.push_back(Exercise{"04.4",
      {array_param("cases", cases, 1, 20, "[{\"name\": ..., \"text\": ...}]; at most 20, texts of at most 2,000 bytes"),
       size_param("detail_case", 1, 0, 19, "index of the case whose tokens are listed (the notebook lists case 1, Emoji)")},
      run_tokenization});

  const json docs_045 = {"machine learning algorithm data model training",
                         "deep learning neural network model architecture",
                         "natural language text processing transformer model",
                         "data science statistics regression model analysis",
                         "machine learning data preprocessing feature engineering"};
  list.push_back(Exercise{"04.5",
      {array_param("docs", docs_045, 1, 100,
                   "the documents (lowercased, split on whitespace); at most 100, each at most 1,000 bytes; the charts "
                   "are drawn for vocabularies of up to 300 words"),
       boolean_param("sublinear_tf", true, "use 1 + ln(tf) instead of the raw count"),
       integer_param("min_df", 2, 1, 1000, "keep words found in at least this many documents"),
       number_param("max_df_ratio", 0.9, 0.0, 1.0, "keep words found in at most this share of documents")},
      run_tfidf_scratch});

  return list;
}

}  // namespace lab::exercises
