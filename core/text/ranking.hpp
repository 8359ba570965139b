// Ranking documents by a score and measuring the ranking:
//   top_k                 the k best documents, highest score first; equal scores keep document order (the lower
//                         index first), as Python's stable sorted() and NumPy's argsort of up to 16 items do
//   cosine_similarities   scikit-learn's cosine_similarity(query, documents): both sides L2-normalised, then dot
//   precision_at_k        |top k ∩ relevant| / k
// Leaves out other metrics (recall, MAP, nDCG) and approximate search.
#pragma once

#include <cstddef>
#include <set>
#include <vector>

#include "core/text/sparse_vector.hpp"

namespace lab::text {

std::vector<std::size_t> top_k(const std::vector<double>& scores, std::size_t k);
std::vector<double> cosine_similarities(const SparseVector& query, const std::vector<SparseVector>& documents);
double precision_at_k(const std::vector<std::size_t>& retrieved, const std::set<std::size_t>& relevant, std::size_t k);

}  // namespace lab::text
