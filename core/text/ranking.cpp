#include "core/text/ranking.hpp"

#include <algorithm>
#include <numeric>

namespace lab::text {

std::vector<std::size_t> top_k(const std::vector<double>& scores, std::size_t k) {
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  order.resize(std::min(k, order.size()));
  return order;
}

std::vector<double> cosine_similarities(const SparseVector& query, const std::vector<SparseVector>& documents) {
  SparseVector q = query;
  l2_normalize(q);
  std::vector<double> out;
  out.reserve(documents.size());
  for (const SparseVector& document : documents) {
    SparseVector d = document;
    l2_normalize(d);
    out.push_back(dot(q, d));
  }
  return out;
}

double precision_at_k(const std::vector<std::size_t>& retrieved, const std::set<std::size_t>& relevant, std::size_t k) {
  std::set<std::size_t> hits;
  for (std::size_t i = 0; i < std::min(k, retrieved.size()); ++i) {
    if (relevant.count(retrieved[i])) hits.insert(retrieved[i]);
  }
  return static_cast<double>(hits.size()) / static_cast<double>(k);
}

}  // namespace lab::text
