// scikit-learn's TfidfVectorizer (1.2) for the options the course uses, with the same vocabulary, the same idf and
// the same rows (to the last few bits):
//   analyze   doc.lower() (Python's, python_case.hpp), tokens (?u)\b\w\w+\b, then word n-grams joined by " "
//   fit       vocabulary = every n-gram seen, sorted; max_features keeps the most frequent (summed counts), ties
//             broken by NumPy's unstable argsort exactly as scikit-learn does (numpy_argsort.hpp)
//   idf       ln((1 + n) / (1 + df)) + 1 (smooth_idf=True)
//   rows      tf (or 1 + ln tf with sublinear_tf) · idf, each row divided by its L2 norm
// Unknown terms are ignored by transform; a document with none gives a zero row.
// Leaves out stop words, min_df/max_df, char n-grams, binary, use_idf=False and the other norms.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/text/sparse_vector.hpp"
#include "core/text/tokenizers.hpp"

namespace lab::text {

struct TfidfOptions {
  int ngram_min = 1, ngram_max = 1;         // ngram_range
  std::optional<std::size_t> max_features;  // nullopt = keep every term
  bool sublinear_tf = false;
};

class TfidfVectorizer {
 public:
  explicit TfidfVectorizer(TfidfOptions options = {}) : options_(options) {}

  // Learns the vocabulary and idf; throws std::invalid_argument("empty vocabulary; ...") when no document has a
  // token of two or more word characters, as scikit-learn raises ValueError.
  std::vector<SparseVector> fit_transform(const std::vector<std::string>& documents);
  std::vector<SparseVector> transform(const std::vector<std::string>& documents) const;

  Tokens analyze(std::string_view document) const;                             // lowercase -> tokens -> n-grams
  const std::vector<std::string>& feature_names() const { return features_; }  // sorted
  const std::vector<double>& idf() const { return idf_; }                      // by feature index

 private:
  SparseVector count_row(std::string_view document) const;  // raw counts over the fitted vocabulary
  SparseVector weight_row(SparseVector counts) const;       // tf (or sublinear) · idf, L2-normalised

  TfidfOptions options_;
  std::vector<std::string> features_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<double> idf_;
};

}  // namespace lab::text
