#include "core/text/bm25.hpp"

#include <cmath>
#include <unordered_set>

namespace lab::text {

Bm25Index::Bm25Index(std::vector<Tokens> documents, double k1, double b)
    : documents_(std::move(documents)), k1_(k1), b_(b) {
  double total_length = 0.0;  // np.mean of the lengths: an exact integer sum, then one division
  for (const Tokens& document : documents_) {
    total_length += static_cast<double>(document.size());
    std::unordered_map<std::string, int> counts;
    for (const std::string& token : document) ++counts[token];
    for (const auto& entry : counts) ++document_frequency_[entry.first];
    term_counts_.push_back(std::move(counts));
  }
  if (!documents_.empty()) average_length_ = total_length / static_cast<double>(documents_.size());
}

std::size_t Bm25Index::document_frequency(const std::string& term) const {
  const auto found = document_frequency_.find(term);
  return found == document_frequency_.end() ? 0 : found->second;
}

double Bm25Index::idf(const std::string& term) const {
  const double n = static_cast<double>(documents_.size());
  const double df = static_cast<double>(document_frequency(term));
  return std::log((n - df + 0.5) / (df + 0.5) + 1.0);
}

double Bm25Index::score(const Tokens& query, std::size_t document) const {
  const auto& counts = term_counts_.at(document);
  const double length = static_cast<double>(documents_[document].size());
  double total = 0.0;
  for (const std::string& term : query) {
    if (!knows(term)) continue;
    const auto found = counts.find(term);
    const double tf = found == counts.end() ? 0.0 : found->second;
    // Same operations in the same order as the notebook's Python.
    const double tf_norm = tf * (k1_ + 1.0) / (tf + k1_ * (1.0 - b_ + b_ * length / average_length_));
    total += idf(term) * tf_norm;
  }
  return total;
}

std::vector<double> Bm25Index::scores(const Tokens& query) const {
  std::vector<double> out;
  out.reserve(documents_.size());
  for (std::size_t d = 0; d < documents_.size(); ++d) out.push_back(score(query, d));
  return out;
}

}  // namespace lab::text
