#include "core/text/numpy_argsort.hpp"

#include <utility>

namespace lab::text {

namespace {

using Index = std::ptrdiff_t;

// NumPy's aheapsort_: `a` is 1-based over [first, first + n).
void heap_argsort(const std::int64_t* v, std::size_t* first, Index n) {
  std::size_t* a = first - 1;
  auto sift = [&](Index i, Index size, std::size_t held) {
    for (Index j = i << 1; j <= size;) {
      if (j < size && v[a[j]] < v[a[j + 1]]) ++j;
      if (v[held] < v[a[j]]) {
        a[i] = a[j];
        i = j;
        j += j;
      } else {
        break;
      }
    }
    a[i] = held;
  };
  for (Index l = n >> 1; l > 0; --l) sift(l, n, a[l]);
  while (n > 1) {
    const std::size_t held = a[n];
    a[n] = a[1];
    n -= 1;
    sift(1, n, held);
  }
}

int most_significant_bit(std::size_t n) {
  int depth = 0;
  while (n >>= 1) ++depth;
  return depth;
}

constexpr Index small_quicksort = 15;

}  // namespace

std::vector<std::size_t> numpy_argsort(const std::vector<std::int64_t>& values) {
  const Index num = static_cast<Index>(values.size());
  std::vector<std::size_t> order(values.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (num < 2) return order;
  const std::int64_t* v = values.data();
  std::size_t* pl = order.data();
  std::size_t* pr = pl + num - 1;
  std::vector<std::size_t*> stack;  // pairs (left, right) of the larger partitions still to sort
  std::vector<int> depths;
  int depth = most_significant_bit(values.size()) * 2;

  for (;;) {
    if (depth < 0) {
      heap_argsort(v, pl, pr - pl + 1);
    } else {
      while (pr - pl > small_quicksort) {
        std::size_t* pm = pl + ((pr - pl) >> 1);
        if (v[*pm] < v[*pl]) std::swap(*pm, *pl);
        if (v[*pr] < v[*pm]) std::swap(*pr, *pm);
        if (v[*pm] < v[*pl]) std::swap(*pm, *pl);
        const std::int64_t pivot = v[*pm];
        std::size_t* pi = pl;
        std::size_t* pj = pr - 1;
        std::swap(*pm, *pj);
        for (;;) {
          do ++pi;
          while (v[*pi] < pivot);
          do --pj;
          while (pivot < v[*pj]);
          if (pi >= pj) break;
          std::swap(*pi, *pj);
        }
        std::swap(*pi, *(pr - 1));
        if (pi - pl < pr - pi) {  // keep the smaller side, push the larger
          stack.push_back(pi + 1);
          stack.push_back(pr);
          pr = pi - 1;
        } else {
          stack.push_back(pl);
          stack.push_back(pi - 1);
          pl = pi + 1;
        }
        depths.push_back(--depth);
      }
      for (std::size_t* pi = pl + 1; pi <= pr; ++pi) {  // insertion sort
        const std::size_t held = *pi;
        const std::int64_t key = v[held];
        std::size_t* pj = pi;
        std::size_t* pk = pi - 1;
        while (pj > pl && key < v[*pk]) *pj-- = *pk--;
        *pj = held;
      }
    }
    if (stack.empty()) break;
    pr = stack.back();
    stack.pop_back();
    pl = stack.back();
    stack.pop_back();
    depth = depths.back();
    depths.pop_back();
  }
  return order;
}

}  // namespace lab::text
