// BM25 exactly as notebook 03.3 writes it, over documents already split into tokens:
//   idf(t)      = ln((N − df(t) + 0.5) / (df(t) + 0.5) + 1)
//   score(q, d) = Σ_{t in q, df(t) > 0} idf(t) · tf(t,d)·(k1 + 1) / (tf(t,d) + k1·(1 − b + b·|d| / avgdl))
// A query term that appears twice counts twice (the notebook loops over the query's tokens); unknown terms add 0.
// Leaves out tokenisation (the notebook's is lowercase + str.split(): lowercase_whitespace_tokens) and ranking
// (ranking.hpp).
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/text/tokenizers.hpp"

namespace lab::text {

class Bm25Index {
 public:
  Bm25Index(std::vector<Tokens> documents, double k1 = 1.5, double b = 0.75);

  double score(const Tokens& query, std::size_t document) const;
  std::vector<double> scores(const Tokens& query) const;  // one per document, in document order

  std::size_t size() const { return documents_.size(); }
  double average_length() const { return average_length_; }
  std::size_t document_frequency(const std::string& term) const;
  double idf(const std::string& term) const;  // for a known term
  bool knows(const std::string& term) const { return document_frequency_.count(term) > 0; }

 private:
  std::vector<Tokens> documents_;
  std::vector<std::unordered_map<std::string, int>> term_counts_;
  std::unordered_map<std::string, std::size_t> document_frequency_;
  double k1_, b_, average_length_ = 0.0;
};

}  // namespace lab::text
