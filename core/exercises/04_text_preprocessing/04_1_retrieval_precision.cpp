// 04.1 TF-IDF vs BM25, scored by precision@k: two classic retrievers rank the same documents for labelled queries.
//   data    the documents and the labelled queries: each query with the indices of its relevant documents
//   model   text::TfidfVectorizer (scikit-learn's defaults) with cosine similarity, and text::Bm25Index (k1 1.5,
//           b 0.75) over lowercase whitespace tokens
//   rank    each query's k best documents by both, and P@k = relevant documents among them / k
//   report  every query's rankings and P@k, the mean P@k of each retriever
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/array_json.hpp"
#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/param_values.hpp"
#include "core/random/numpy_random.hpp"
#include "core/string_format.hpp"
#include "core/text/bm25.hpp"
#include "core/text/ranking.hpp"
#include "core/text/tfidf_vectorizer.hpp"
#include "core/text/tokenizers.hpp"

namespace lab::exercises {

namespace {

struct Query {
  std::string text;
  std::set<std::size_t> relevant;  // document indices
};

// [{"query": ..., "relevant": [doc, ...]}, ...], every index a document of the corpus.
std::vector<Query> read_eval_set(const json& eval_set, std::size_t n_docs) {
  std::vector<Query> queries;
  for (std::size_t i = 0; i < eval_set.size(); ++i) {
    const std::string path = "eval_set[" + std::to_string(i) + "]";
    const json& entry = eval_set[i];
    require_object_with_keys(entry, "eval_set", path, {"query", "relevant"},
                             R"({"query": ..., "relevant": [doc, ...]})");
    Query query{read_text(entry["query"], "eval_set", path + ".query", 500), {}};
    if (!entry["relevant"].is_array() || entry["relevant"].empty()) {
      fail_param("eval_set", path + ".relevant must be a non-empty array of document indices");
    }
    for (std::size_t j = 0; j < entry["relevant"].size(); ++j) {
      const json& doc = entry["relevant"][j];
      if (!doc.is_number_integer() || doc.get<long long>() < 0 ||
          doc.get<long long>() >= static_cast<long long>(n_docs)) {
        fail_param("eval_set", path + ".relevant[" + std::to_string(j) + "]" +
                                   format(" must be a document index between 0 and %zu (got ", n_docs - 1) +
                                   shown_value(doc) + ")");
      }
      query.relevant.insert(doc.get<std::size_t>());
    }
    queries.push_back(std::move(query));
  }
  return queries;
}

struct Retrievers {
  text::TfidfVectorizer tfidf;                  // fitted on the documents
  std::vector<text::SparseVector> doc_vectors;  // (N, V) TF-IDF rows
  text::Bm25Index bm25;
};

Retrievers index_documents(const std::vector<std::string>& docs) {
  text::TfidfVectorizer tfidf;
  std::vector<text::SparseVector> doc_vectors;
  try {
    doc_vectors = tfidf.fit_transform(docs);
  } catch (const std::invalid_argument& e) {
    fail_input("docs", std::string("TF-IDF cannot be fitted: ") + e.what() + " (no word of 2+ characters)");
  }
  std::vector<text::Tokens> tokenized;
  for (const std::string& doc : docs) tokenized.push_back(text::lowercase_whitespace_tokens(doc));
  return {std::move(tfidf), std::move(doc_vectors), text::Bm25Index(std::move(tokenized), 1.5, 0.75)};
}

struct Ranking {
  std::vector<double> scores;    // (N) one per document
  std::vector<std::size_t> top;  // the k best, highest first; ties to the lower index
  double precision = 0.0;        // P@k
};

Ranking rank(std::vector<double> scores, const Query& query, int k) {
  std::vector<std::size_t> top = text::top_k(scores, k);
  const double precision = text::precision_at_k(top, query.relevant, k);
  return {std::move(scores), std::move(top), precision};
}

struct QueryResult {
  Ranking tfidf, bm25;
};

QueryResult run_query(const Retrievers& retrievers, const Query& query, int k) {
  return {
      rank(text::cosine_similarities(retrievers.tfidf.transform({query.text})[0], retrievers.doc_vectors), query, k),
      rank(retrievers.bm25.scores(text::lowercase_whitespace_tokens(query.text)), query, k)};
}

Result report(const std::vector<Query>& queries, const std::vector<QueryResult>& results,
              const std::vector<std::string>& vocabulary, int k) {
  Result result;
  json per_query = json::array(), rows = json::array(), labels = json::array();
  std::vector<double> tfidf_p, bm25_p;
  for (std::size_t q = 0; q < queries.size(); ++q) {
    const Query& query = queries[q];
    const Ranking &tfidf = results[q].tfidf, &bm25 = results[q].bm25;
    tfidf_p.push_back(tfidf.precision);
    bm25_p.push_back(bm25.precision);
    const json relevant = query.relevant, tfidf_top = tfidf.top, bm25_top = bm25.top;
    per_query.push_back({{"query", query.text},
                         {"relevant", relevant},
                         {"tfidf_top", tfidf_top},
                         {"bm25_top", bm25_top},
                         {"tfidf_precision", tfidf.precision},
                         {"bm25_precision", bm25.precision},
                         {"tfidf_scores", to_json(tfidf.scores)},
                         {"bm25_scores", to_json(bm25.scores)}});
    rows.push_back({query.text, relevant.dump(), tfidf_top.dump(), bm25_top.dump(), format("%.2f", tfidf.precision),
                    format("%.2f", bm25.precision)});
    labels.push_back(query.text);
    result.print(format("Query: \"%s\" | TF-IDF P@%d: %.2f | BM25 P@%d: %.2f", query.text.c_str(), k, tfidf.precision,
                        k, bm25.precision));
  }
  // np.mean: NumPy's pairwise sum, then one division
  const double mean_tfidf = numpy_sum(tfidf_p) / static_cast<double>(tfidf_p.size());
  const double mean_bm25 = numpy_sum(bm25_p) / static_cast<double>(bm25_p.size());
  result.print("");
  result.print(format("Mean P@%d: TF-IDF=%.3f, BM25=%.3f", k, mean_tfidf, mean_bm25));
  // The best any ranking can score: a query with n relevant documents reaches at most min(n, k) / k.
  std::vector<double> ceilings;
  for (const Query& query : queries) ceilings.push_back(double(std::min<std::size_t>(query.relevant.size(), k)) / k);
  const double ceiling = numpy_sum(ceilings) / static_cast<double>(ceilings.size());
  const bool tfidf_best = mean_tfidf >= ceiling - 1e-12, bm25_best = mean_bm25 >= ceiling - 1e-12;
  result.metrics["best_possible_mean_precision"] = ceiling;
  result.insight =
      format(
          "Mean P@%d is %.3f for TF-IDF and %.3f for BM25, against %.3f, the most any ranking can reach on these "
          "queries: ",
          k, mean_tfidf, mean_bm25, ceiling) +
      (tfidf_best && bm25_best ? std::string("both put every relevant document they can on top")
       : tfidf_best            ? std::string("TF-IDF reaches it, BM25 does not")
       : bm25_best             ? std::string("BM25 reaches it, TF-IDF does not")
                               : std::string("neither reaches it")) +
      (ceiling < 1.0 ? format(". P@k is capped by the number of relevant documents (a query with one relevant "
                              "document scores at most 1/%d), so compare retrievers on the same queries, never "
                              "against 1.",
                              k)
                     : format(". Every query here has at least %d relevant document%s, so P@%d can reach 1.", k,
                              k == 1 ? "" : "s", k));
  result.data["per_query"] = std::move(per_query);
  result.data["vocabulary"] = vocabulary;
  result.metrics["mean_precision_tfidf"] = mean_tfidf;
  result.metrics["mean_precision_bm25"] = mean_bm25;
  result.add_table(format("Top %d documents per query", k),
                   {"query", "relevant", "TF-IDF top", "BM25 top", format("TF-IDF P@%d", k), format("BM25 P@%d", k)},
                   std::move(rows));
  json chart = bar_chart(format("Precision@%d per query", k), "query", format("P@%d", k), std::move(labels),
                         {{"TF-IDF (cosine)", to_json(tfidf_p)}, {"BM25", to_json(bm25_p)}});
  set_note(chart, "P@k = relevant documents among the top k, divided by k; ties in score go to the lower index");
  result.add_chart("precision", std::move(chart));
  return result;
}

Result run_retrieval_precision(const Params& params, const RunContext&) {
  const std::vector<std::string> docs = read_text_list(params.value("docs"), "docs", 2000);
  const int k = params.count("k");
  if (static_cast<std::size_t>(k) > docs.size()) {
    fail_param("k", format("k must be at most the number of documents (%zu), got %d", docs.size(), k));
  }
  const std::vector<Query> queries = read_eval_set(params.value("eval_set"), docs.size());
  const Retrievers retrievers = index_documents(docs);
  std::vector<QueryResult> results;
  for (const Query& query : queries) results.push_back(run_query(retrievers, query, k));

  return report(queries, results, retrievers.tfidf.feature_names(), k);
}

}  // namespace

Exercise retrieval_precision_exercise() {
  const json docs = {"python machine learning scikit learn",
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
  return {"04.1",
          {array_param("docs", docs, 1, 200, "the documents; at most 200, each at most 2,000 bytes"),
           array_param("eval_set", eval_set, 1, 50,
                       "labelled queries: [{\"query\": ..., \"relevant\": [document index, ...]}]; at most 50"),
           size_param("k", 3, 1, 200, "how many top documents count; at most the number of documents")},
          run_retrieval_precision};
}

}  // namespace lab::exercises
