// Notebook 04.5's TF-IDF written from scratch (the class TFIDFScratch), to compare with scikit-learn's:
//   tokens      doc.lower().split()
//   vocabulary  terms with df >= min_df and df / N <= max_df_ratio, sorted
//   idf         ln((1 + N) / (1 + df)) + 1
//   rows        tf (raw count, or 1 + ln count when sublinear) · idf, divided by the row's L2 norm (zero rows stay 0)
// Leaves out n-grams and max_features (tfidf_vectorizer.hpp has the scikit-learn version).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace lab::text {

struct ScratchTfidfOptions {
  bool sublinear_tf = true;
  long long min_df = 2;
  double max_df_ratio = 0.9;
};

struct ScratchTfidf {
  ScratchTfidfOptions options;
  std::vector<std::string> vocabulary;                    // sorted
  std::vector<double> idf;                                // by vocabulary index
  std::map<std::string, std::size_t> document_frequency;  // of every term seen, kept or not
};

ScratchTfidf scratch_tfidf_fit(const std::vector<std::string>& documents, ScratchTfidfOptions options);
std::vector<std::vector<double>> scratch_tfidf_transform(const ScratchTfidf& model,
                                                         const std::vector<std::string>& documents);  // (N, V)

}  // namespace lab::text
