// 03.3 A BM25 retriever: rank a small corpus for each query, the retrieval step of RAG.
//   index     every document lowercased and split on whitespace, then text::Bm25Index with k1 and b
//             (core/text/bm25.cpp)
//   rank      each query's score for every document, the k best (ties to the lower index: core/text/ranking.cpp)
//   report    the notebook's printed rankings, the query terms the corpus knows, every score as a bar chart
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/array_json.hpp"
#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/param_values.hpp"
#include "core/string_format.hpp"
#include "core/text/bm25.hpp"
#include "core/text/ranking.hpp"
#include "core/text/tokenizers.hpp"

namespace lab::exercises {

namespace {

text::Bm25Index build_index(const std::vector<std::string>& corpus, double k1, double b) {
  std::vector<text::Tokens> documents;
  for (const std::string& doc : corpus) documents.push_back(text::lowercase_whitespace_tokens(doc));
  return text::Bm25Index(std::move(documents), k1, b);
}

struct Ranking {
  std::string query;
  json known_terms = json::array();    // the query's terms that occur in the corpus, in query order
  json unknown_terms = json::array();  // those that do not: they add nothing to any score
  std::vector<double> scores;          // (N) one per document
  std::vector<std::size_t> top;        // the k best documents, best first
};

Ranking rank(const text::Bm25Index& index, const std::string& query, int k) {
  Ranking ranking{query, json::array(), json::array(), {}, {}};
  const text::Tokens terms = text::lowercase_whitespace_tokens(query);
  for (const std::string& term : terms) {
    (index.knows(term) ? ranking.known_terms : ranking.unknown_terms).push_back(term);
  }
  ranking.scores = index.scores(terms);
  ranking.top = text::top_k(ranking.scores, k);
  return ranking;
}

Result report(const std::vector<std::string>& corpus, const std::vector<Ranking>& rankings, double average_length) {
  Result result;
  json listed = json::array(), rows = json::array(), labels = json::array(), term_rows = json::array();
  int with_unknown = 0;
  std::vector<Series> series;
  for (std::size_t d = 0; d < corpus.size(); ++d) labels.push_back("doc " + std::to_string(d));
  for (const Ranking& ranking : rankings) {
    const std::vector<double>& scores = ranking.scores;
    json hits = json::array();
    result.print("");
    result.print("Query: \"" + ranking.query + "\"");
    int place = 1;
    for (std::size_t doc : ranking.top) {
      hits.push_back({{"doc", doc}, {"score", scores[doc]}});
      rows.push_back({ranking.query, place, doc, format("%.3f", scores[doc]), corpus[doc]});
      result.print(format("  [%d] (score=%.3f) ", place++, scores[doc]) + corpus[doc]);
    }
    if (ranking.known_terms.empty()) {
      result.print("  (no query term occurs in the corpus: every score is 0, so the order is the corpus order)");
    }
    listed.push_back({{"query", ranking.query},
                      {"hits", std::move(hits)},
                      {"known_terms", ranking.known_terms},
                      {"unknown_terms", ranking.unknown_terms}});
    auto joined = [](const json& terms) {
      std::string out;
      for (const auto& term : terms) out += (out.empty() ? "" : ", ") + term.get<std::string>();
      return out.empty() ? std::string("none") : out;
    };
    term_rows.push_back({ranking.query, joined(ranking.known_terms), joined(ranking.unknown_terms)});
    with_unknown += !ranking.unknown_terms.empty();
    series.push_back({ranking.query, to_json(scores)});
  }
  result.data["rankings"] = std::move(listed);
  result.data["average_length"] = average_length;
  result.add_table("Top documents per query", {"query", "rank", "doc", "score", "text"}, std::move(rows));
  result.add_table("Query terms the corpus knows (lowercased, split on whitespace)",
                   {"query", "terms in the corpus", "terms it never contains (they add nothing)"},
                   std::move(term_rows));
  json chart = bar_chart("BM25 score of every document, per query", "document", "BM25 score", std::move(labels),
                         std::move(series));
  set_note(chart, "score = Σ idf(t)·tf·(k1+1) / (tf + k1·(1 − b + b·|d|/avgdl)) over the query's terms");
  result.add_chart("scores", std::move(chart));
  result.print("");
  result.print("Key insight: BM25 saturates TF (diminishing returns for repeated terms) unlike TF-IDF");
  result.insight =
      "BM25 rewards a query term less with each repetition (tf saturates at k1 + 1) and normalises by document "
      "length (b), so a long document does not win just by being long; idf favours rare terms. A term the corpus "
      "never contains adds nothing: " +
      (with_unknown == 0 ? format("here every term of the %zu queries occurs in the corpus.", rankings.size())
                         : format("here %d of the %zu queries hold such a term (see the table of known terms).",
                                  with_unknown, rankings.size()));
  return result;
}

Result run_bm25(const Params& params, const RunContext&) {
  const std::vector<std::string> corpus = read_text_list(params.value("corpus"), "corpus", 2000);
  const std::vector<std::string> queries = read_text_list(params.value("queries"), "queries", 500);
  const int k = params.count("k");
  if (static_cast<std::size_t>(k) > corpus.size()) {
    fail_param("k", format("k must be at most the number of documents (%zu), got %d", corpus.size(), k));
  }
  const text::Bm25Index index = build_index(corpus, params.number("k1"), params.number("b"));
  std::vector<Ranking> rankings;
  for (const std::string& query : queries) rankings.push_back(rank(index, query, k));

  return report(corpus, rankings, index.average_length());
}

}  // namespace

Exercise bm25_exercise() {
  const json corpus = {"machine learning models require large amounts of training data",
                       "deep learning neural networks learn representations automatically",
                       "natural language processing enables machines to understand text",
                       "transformers use attention mechanisms to process sequences",
                       "large language models are trained on internet-scale text data",
                       "retrieval augmented generation combines search with language models",
                       "fine tuning adapts pretrained models to specific tasks",
                       "embeddings represent words as dense vectors in high dimensional space"};
  return {"03.3",
          {array_param("corpus", corpus, 1, 200,
                       "the documents (lowercased, split on whitespace); at most 200, each at most 2,000 bytes"),
           array_param("queries", json{"language model training data", "attention transformer", "text embeddings"}, 1,
                       20, "the queries; at most 20, each at most 500 bytes"),
           size_param("k", 2, 1, 200, "documents returned per query; at most the number of documents"),
           number_param("k1", 1.5, 0.0, 10.0, "term-frequency saturation: 0 ignores tf, large values approach raw tf"),
           number_param("b", 0.75, 0.0, 1.0, "length normalisation: 0 none, 1 full")},
          run_bm25};
}

}  // namespace lab::exercises
