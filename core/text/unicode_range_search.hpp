// Membership in a sorted table of disjoint code point ranges, by binary search. Shared by unicode_classes.cpp
// and python_case.cpp; nothing else.
#pragma once

#include <cstddef>

#include "core/text/unicode_tables.hpp"

namespace lab::text {

inline bool in_ranges(const tables::CodePointRange* ranges, std::size_t count, char32_t cp) {
  std::size_t lo = 0, hi = count;  // find the first range with last >= cp
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (ranges[mid].last < cp) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < count && ranges[lo].first <= cp;
}

}  // namespace lab::text
