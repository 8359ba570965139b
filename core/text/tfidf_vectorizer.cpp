#include "core/text/tfidf_vectorizer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "core/text/numpy_argsort.hpp"
#include "core/text/python_case.hpp"

namespace lab::text {

Tokens TfidfVectorizer::analyze(std::string_view document) const {
  const Tokens tokens = sklearn_tokens(python_lower(document));
  if (options_.ngram_max == 1 && options_.ngram_min == 1) return tokens;
  // scikit-learn's _word_ngrams: the unigrams first (if asked for), then every n-gram for n = 2, 3, ...
  Tokens grams;
  int n_min = options_.ngram_min;
  if (n_min == 1) {
    grams = tokens;
    n_min = 2;
  }
  const int n_tokens = static_cast<int>(tokens.size());
  for (int n = n_min; n <= std::min(options_.ngram_max, n_tokens); ++n) {
    for (int i = 0; i + n <= n_tokens; ++i) {
      std::string gram = tokens[i];
      for (int k = 1; k < n; ++k) gram += " " + tokens[i + k];
      grams.push_back(std::move(gram));
    }
  }
  return grams;
}

std::vector<SparseVector> TfidfVectorizer::fit_transform(const std::vector<std::string>& documents) {
  // Count every n-gram per document; std::map keeps the features in sorted (code point) order.
  std::vector<std::map<std::string, std::int64_t>> counts(documents.size());
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> totals;  // term -> (document frequency, total count)
  for (std::size_t d = 0; d < documents.size(); ++d) {
    for (const std::string& gram : analyze(documents[d])) ++counts[d][gram];
    for (const auto& [term, count] : counts[d]) {
      auto& total = totals[term];
      total.first += 1;
      total.second += count;
    }
  }
  if (totals.empty()) throw std::invalid_argument("empty vocabulary; perhaps the documents only contain stop words");

  std::vector<std::string> sorted_terms;
  std::vector<std::int64_t> document_frequency, negated_total;
  for (const auto& [term, total] : totals) {
    sorted_terms.push_back(term);
    document_frequency.push_back(total.first);
    negated_total.push_back(-total.second);
  }
  std::vector<bool> keep(sorted_terms.size(), true);
  if (options_.max_features && sorted_terms.size() > *options_.max_features) {
    // (-tfs[mask]).argsort()[:limit]: the most frequent terms, ties in NumPy's own order.
    const std::vector<std::size_t> order = numpy_argsort(negated_total);
    std::fill(keep.begin(), keep.end(), false);
    for (std::size_t r = 0; r < *options_.max_features; ++r) keep[order[r]] = true;
  }

  features_.clear();
  index_.clear();
  idf_.clear();
  const double n = static_cast<double>(documents.size()) + 1.0;  // smooth_idf: one extra document holding every term
  for (std::size_t t = 0; t < sorted_terms.size(); ++t) {
    if (!keep[t]) continue;
    index_[sorted_terms[t]] = features_.size();
    features_.push_back(sorted_terms[t]);
    idf_.push_back(std::log(n / (static_cast<double>(document_frequency[t]) + 1.0)) + 1.0);
  }

  std::vector<SparseVector> rows;
  rows.reserve(documents.size());
  for (const auto& document_counts : counts) {
    SparseVector row;
    for (const auto& [term, count] : document_counts) {
      const auto found = index_.find(term);
      if (found != index_.end()) row.emplace_back(found->second, static_cast<double>(count));
    }
    std::sort(row.begin(), row.end());
    rows.push_back(weight_row(std::move(row)));
  }
  return rows;
}

SparseVector TfidfVectorizer::count_row(std::string_view document) const {
  std::map<std::size_t, std::int64_t> counts;
  for (const std::string& gram : analyze(document)) {
    const auto found = index_.find(gram);
    if (found != index_.end()) ++counts[found->second];
  }
  SparseVector row;
  for (const auto& [column, count] : counts) row.emplace_back(column, static_cast<double>(count));
  return row;
}

SparseVector TfidfVectorizer::weight_row(SparseVector row) const {
  for (auto& [column, value] : row) {
    const double tf = options_.sublinear_tf ? std::log(value) + 1.0 : value;
    value = tf * idf_[column];
  }
  l2_normalize(row);
  return row;
}

std::vector<SparseVector> TfidfVectorizer::transform(const std::vector<std::string>& documents) const {
  std::vector<SparseVector> rows;
  rows.reserve(documents.size());
  for (const auto& document : documents) rows.push_back(weight_row(count_row(document)));
  return rows;
}

}  // namespace lab::text
