// A sparse row of a document-term matrix: (column, value) pairs in increasing column order, as the TF-IDF code
// produces them, with the two operations retrieval needs: the dot product and the L2 norm.
// Leaves out sparse matrices as such: a matrix here is a std::vector of rows.
#pragma once

#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

namespace lab::text {

using SparseVector = std::vector<std::pair<std::size_t, double>>;

inline double squared_norm(const SparseVector& row) {
  double sum = 0.0;
  for (const auto& entry : row) sum += entry.second * entry.second;
  return sum;
}

// Σ a_j b_j over the columns both rows hold (both sorted by column).
inline double dot(const SparseVector& a, const SparseVector& b) {
  double sum = 0.0;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      sum += a[i++].second * b[j++].second;
    }
  }
  return sum;
}

// Divides a row by its L2 norm; a zero row stays zero (scikit-learn's normalize()).
inline void l2_normalize(SparseVector& row) {
  const double norm = std::sqrt(squared_norm(row));
  if (norm == 0.0) return;
  for (auto& entry : row) entry.second /= norm;
}

}  // namespace lab::text
