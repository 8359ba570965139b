// NumPy's default np.argsort (kind="quicksort") of an int64 array, step for step: NumPy 1.24's introsort
// (median-of-three partitions, insertion sort below 16 items, heapsort past 2·log2(n) levels). It is not stable,
// and scikit-learn's max_features keeps `(-tfs).argsort()[:limit]`, so which of several equally frequent terms
// survive depends on exactly this order. Leaves out the other dtypes and sort kinds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lab::text {

std::vector<std::size_t> numpy_argsort(const std::vector<std::int64_t>& values);

}  // namespace lab::text
