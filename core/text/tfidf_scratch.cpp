#include "core/text/tfidf_scratch.hpp"

#include <cmath>
#include <set>

#include "core/text/tokenizers.hpp"

namespace lab::text {

ScratchTfidf scratch_tfidf_fit(const std::vector<std::string>& documents, ScratchTfidfOptions options) {
  ScratchTfidf model;
  model.options = options;
  for (const std::string& document : documents) {
    const Tokens tokens = lowercase_whitespace_tokens(document);
    for (const std::string& term : std::set<std::string>(tokens.begin(), tokens.end())) {
      ++model.document_frequency[term];
    }
  }
  const std::size_t n = documents.size();
  for (const auto& [term, df] : model.document_frequency) {  // std::map: already sorted, like sorted()
    const bool frequent_enough = static_cast<long long>(df) >= options.min_df;
    const bool rare_enough = static_cast<double>(df) / static_cast<double>(n) <= options.max_df_ratio;
    if (frequent_enough && rare_enough) {
      model.vocabulary.push_back(term);
      model.idf.push_back(std::log(static_cast<double>(1 + n) / static_cast<double>(1 + df)) + 1.0);
    }
  }
  return model;
}

std::vector<std::vector<double>> scratch_tfidf_transform(const ScratchTfidf& model,
                                                         const std::vector<std::string>& documents) {
  std::vector<std::vector<double>> rows;
  for (const std::string& document : documents) {
    std::map<std::string, int> counts;
    for (const std::string& token : lowercase_whitespace_tokens(document)) ++counts[token];
    std::vector<double> row(model.vocabulary.size(), 0.0);
    double squared = 0.0;
    for (std::size_t i = 0; i < model.vocabulary.size(); ++i) {
      const auto found = counts.find(model.vocabulary[i]);
      if (found == counts.end()) continue;
      const double tf = model.options.sublinear_tf ? 1.0 + std::log(static_cast<double>(found->second))
                                                   : static_cast<double>(found->second);
      row[i] = tf * model.idf[i];
    }
    for (double v : row) squared += v * v;
    const double norm = std::sqrt(squared);
    if (norm > 0.0) {
      for (double& v : row) v /= norm;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace lab::text
