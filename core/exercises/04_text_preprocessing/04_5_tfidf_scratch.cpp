// 04.5 TF-IDF from scratch, the notebook's TFIDFScratch: document frequencies decide the vocabulary, then rarity
// and term counts decide the weights.
//   data     the documents, lowercased and split on whitespace
//   fit      df of every word; keep df ≥ min_df and df/N ≤ max_df_ratio; idf = ln((1 + N)/(1 + df)) + 1
//            (text::scratch_tfidf_fit)
//   weigh    tf (1 + ln tf when sublinear) · idf, each row divided by its length (text::scratch_tfidf_transform)
//   report   the notebook's lines, every word's df and fate, the idf bars and the matrix as a heatmap
#include <algorithm>
#include <string>
#include <vector>

#include "core/array_json.hpp"
#include "core/charts.hpp"
#include "core/exercise.hpp"
#include "core/float_format.hpp"
#include "core/param_values.hpp"
#include "core/string_format.hpp"
#include "core/text/python_repr.hpp"
#include "core/text/tfidf_scratch.hpp"

namespace lab::exercises {

namespace {

// Why each word seen is in the vocabulary or not: rows [term, df, idf or "", outcome].
json document_frequency_rows(const text::ScratchTfidf& model, const json& idf, std::size_t n_docs) {
  const text::ScratchTfidfOptions& options = model.options;
  json terms = json::array();
  for (const auto& [term, df] : model.document_frequency) {
    const bool kept = idf.contains(term);
    const std::string why =
        kept ? "kept"
        : static_cast<long long>(df) < options.min_df
            ? format("dropped: df %zu < min_df %lld", df, options.min_df)
            : format("dropped: df/N = %zu/%zu > %s", df, n_docs, python_float(options.max_df_ratio).c_str());
    terms.push_back({term, df, kept ? json(format("%.4f", idf[term].get<double>())) : json(""), why});
  }
  return terms;
}

// sorted(idf.items(), key=-idf)[:5] or key=idf, as Python prints it: stable, so equal IDFs keep the vocabulary's
// (sorted) order.
std::string five_by_idf(const text::ScratchTfidf& model, bool descending) {
  std::vector<std::size_t> order(model.vocabulary.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return descending ? model.idf[a] > model.idf[b] : model.idf[a] < model.idf[b];
  });
  std::string out = "[";
  for (std::size_t r = 0; r < std::min<std::size_t>(5, order.size()); ++r) {
    out += (r ? ", (" : "(") + text::python_repr_str(model.vocabulary[order[r]]) + ", " +
           python_float(model.idf[order[r]]) + ")";
  }
  return out + "]";
}

Result report(const text::ScratchTfidf& model, const std::vector<std::vector<double>>& matrix) {
  Result result;
  const std::size_t n = matrix.size(), vocabulary_size = model.vocabulary.size();
  json idf = json::object(), idf_values = json::array(), rows = json::array();
  for (std::size_t i = 0; i < vocabulary_size; ++i) {
    idf[model.vocabulary[i]] = model.idf[i];
    idf_values.push_back(model.idf[i]);
  }
  for (const auto& row : matrix) rows.push_back(to_json(row));

  result.print(format("Vocabulary size (after min_df=%lld filter): %zu", model.options.min_df, vocabulary_size));
  result.print(format("Matrix shape: (%zu, %zu)", n, vocabulary_size));
  result.print("Top terms by IDF (rare/informative): " + five_by_idf(model, true));
  result.print("Bottom terms by IDF (common/filtered): " + five_by_idf(model, false));
  result.print("Key insight: sublinear_tf reduces dominance of repeated terms; min_df removes hapax legomena");
  std::size_t too_rare = 0, too_common = 0;
  for (const auto& [term, df] : model.document_frequency) {
    if (idf.contains(term)) continue;
    (static_cast<long long>(df) < model.options.min_df ? too_rare : too_common) += 1;
  }
  result.insight = format(
      "Document frequency thresholds decide the vocabulary before any weighting: here %zu of the %zu words survive, "
      "min_df = %lld drops %zu seen in too few documents and max_df_ratio = %s drops %zu seen in too many. Smoothed "
      "IDF then ranks what is left by rarity, and %s.",
      vocabulary_size, model.document_frequency.size(), model.options.min_df, too_rare,
      python_float(model.options.max_df_ratio).c_str(), too_common,
      model.options.sublinear_tf ? "sublinear TF (1 + ln tf) keeps a repeated word from dominating its row"
                                 : "with sublinear_tf off the raw counts let a repeated word dominate its row");
  result.metrics["words_seen"] = model.document_frequency.size();

  result.data["vocab"] = model.vocabulary;
  result.data["idf"] = idf;
  result.data["matrix"] = rows;
  result.metrics["vocabulary_size"] = vocabulary_size;
  result.add_table("Document frequency of every term", {"term", "df", "idf", "outcome"},
                   document_frequency_rows(model, idf, n));
  json vocabulary_labels = result.data["vocab"];
  if (vocabulary_size > 0 && vocabulary_size <= 300) {  // beyond that the charts cannot be read
    result.add_chart("idf", bar_chart("IDF of the kept terms", "term", "idf = ln((1 + N)/(1 + df)) + 1",
                                      vocabulary_labels, {{"idf", idf_values}}));
    json doc_labels = json::array();
    for (std::size_t d = 0; d < n; ++d) doc_labels.push_back("doc " + std::to_string(d));
    json heatmap = heatmap_chart("TF-IDF matrix (rows L2-normalised)", rows, "term", "document", Colormap::sequential);
    set_ticks(heatmap, vocabulary_labels, doc_labels);
    result.add_chart("matrix", std::move(heatmap));
  }
  return result;
}

Result run_tfidf_scratch(const Params& params, const RunContext&) {
  const std::vector<std::string> docs = read_text_list(params.value("docs"), "docs", 1000);
  const text::ScratchTfidfOptions options{params.boolean("sublinear_tf"), params.integer("min_df"),
                                          params.number("max_df_ratio")};
  const text::ScratchTfidf model = text::scratch_tfidf_fit(docs, options);
  const std::vector<std::vector<double>> matrix = text::scratch_tfidf_transform(model, docs);  // (N, V)

  return report(model, matrix);
}

}  // namespace

Exercise tfidf_scratch_exercise() {
  const json docs = {
      "machine learning algorithm data model training", "deep learning neural network model architecture",
      "natural language text processing transformer model", "data science statistics regression model analysis",
      "machine learning data preprocessing feature engineering"};
  return {"04.5",
          {array_param("docs", docs, 1, 100,
                       "the documents (lowercased, split on whitespace); at most 100, each at most 1,000 bytes; the "
                       "charts are drawn for vocabularies of up to 300 words"),
           boolean_param("sublinear_tf", true, "use 1 + ln(tf) instead of the raw count"),
           integer_param("min_df", 2, 1, 1000, "keep words found in at least this many documents"),
           number_param("max_df_ratio", 0.9, 0.0, 1.0, "keep words found in at most this share of documents")},
          run_tfidf_scratch};
}

}  // namespace lab::exercises
