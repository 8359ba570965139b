// The tiled driver every float kernel shares: C is cut into tiles of R rows × V vectors of columns, each tile's
// sums stay in registers while k runs over the whole depth, and the edges (fewer rows, fewer columns) are tiles of
// the same code, down to one vector whose lanes past a row's last column go unused. The order inside each C[i, j] is
// product_plain's.
// A kernel file supplies `Lanes`, the SIMD type of its target, declared in that file's anonymous namespace:
//   using Vector = ...;  static constexpr int width;            lanes per vector (1 for plain floats)
//   using Narrower = ...;                                       a narrower Lanes for leftover columns, or void
//   zero(), load(const float*), store(float*, Vector), broadcast(const float*)   (one A value in every lane)
//   multiply(Vector, Vector), add(Vector, Vector)              one rounding each, never fused
// A Lanes whose instruction set masks lanes (AVX-512) may also supply, for the last columns of a row:
//   using Mask = ...;  first(int n)                             the first n lanes
//   load_masked(const float*, Mask), store_masked(float*, Vector, Mask)
// and then those columns are one masked tile instead of narrower vectors. A Lanes that can load
// and store a vector's first few lanes (SSE: movss, movlps; wasm SIMD128: v128.load64_zero, v128.store32_lane, ...)
// may instead say so and supply them:
//   static constexpr bool loads_first_lanes = true;
//   template <int N> load_first(const float*), template <int N> store_first(float*, Vector)   (N < width)
// and then the last columns are one tile of that many lanes, N fixed when the kernel is compiled.
// Every function here takes Lanes as a template argument, so each kernel file (compiled with its own instruction
// set flags) gets its own copies, which never mix with another file's.
#pragma once

#include <type_traits>

#include "core/nn/kernels/product.hpp"

namespace lab::nn::kernels {

// Which lanes of each vector a tile uses: every lane (Whole), the first N (First<N>), or a Lanes::Mask, for the
// last columns of a row. Lanes beyond the first N or the mask are never read (so never past the end of a row of B
// or C; they hold zeros) and never written.
struct Whole {};
template <int N>
struct First {
  static constexpr int count = N;
};
template <typename Used>
struct is_first : std::false_type {};
template <int N>
struct is_first<First<N>> : std::true_type {};

template <typename Lanes, typename Used>
typename Lanes::Vector load_lanes(const float* p, Used lanes) {
  if constexpr (std::is_same_v<Used, Whole>)
    return Lanes::load(p);
  else if constexpr (is_first<Used>::value)
    return Lanes::template load_first<Used::count>(p);
  else
    return Lanes::load_masked(p, lanes);
}
template <typename Lanes, typename Used>
void store_lanes(float* p, typename Lanes::Vector v, Used lanes) {
  if constexpr (std::is_same_v<Used, Whole>)
    Lanes::store(p, v);
  else if constexpr (is_first<Used>::value)
    Lanes::template store_first<Used::count>(p, v);
  else
    Lanes::store_masked(p, v, lanes);
}

// C[i .. i+R, j .. j+V·width] (R, V·width), or with a mask its first columns only: every lane sums its own C[i, j]
// over k = 0, 1, 2, ...
template <typename Lanes, int R, int V, typename Used = Whole>
inline void product_tile(const Product<float>& p, int i, int j, Used lanes = {}) {
  using Vector = typename Lanes::Vector;
  constexpr int width = Lanes::width;
  Vector sums[R][V];
  for (int r = 0; r < R; ++r) {
    float* c_row = p.c + (i + r) * p.ldc + j;
    for (int v = 0; v < V; ++v) sums[r][v] = p.add ? load_lanes<Lanes>(c_row + width * v, lanes) : Lanes::zero();
  }
  const float* a = p.a + i * p.a_row;  // A[i, k], advancing along k
  const float* b = p.b + j;            // B[k, j], advancing down the rows
  for (int k = 0; k < p.depth; ++k, a += p.a_step, b += p.ldb) {
    Vector b_k[V];
    for (int v = 0; v < V; ++v) b_k[v] = load_lanes<Lanes>(b + width * v, lanes);
    for (int r = 0; r < R; ++r) {
      const Vector a_rk = Lanes::broadcast(a + r * p.a_row);
      for (int v = 0; v < V; ++v) sums[r][v] = Lanes::add(sums[r][v], Lanes::multiply(a_rk, b_k[v]));
    }
  }
  if (p.bias) {  // C[i, j] = (sum over k) + bias[j]
    for (int v = 0; v < V; ++v) {
      const Vector bias_v = load_lanes<Lanes>(p.bias + j + width * v, lanes);
      for (int r = 0; r < R; ++r) sums[r][v] = Lanes::add(sums[r][v], bias_v);
    }
  }
  for (int r = 0; r < R; ++r) {
    float* c_row = p.c + (i + r) * p.ldc + j;
    for (int v = 0; v < V; ++v) store_lanes<Lanes>(c_row + width * v, sums[r][v], lanes);
  }
}

template <typename Lanes, typename = void>
struct has_masked_tail : std::false_type {};
template <typename Lanes>
struct has_masked_tail<Lanes, std::void_t<typename Lanes::Mask>> : std::true_type {};

template <typename Lanes, typename = void>
struct has_first_lanes : std::false_type {};
template <typename Lanes>
struct has_first_lanes<Lanes, std::enable_if_t<Lanes::loads_first_lanes>> : std::true_type {};

// The last `left` columns (1 ≤ left ≤ N) of rows i .. i+R, from column j: one tile of the first `left` lanes. Called
// with N = width − 1; at each N either exactly N columns are left or fewer, so exactly one count matches.
template <typename Lanes, int R, int N>
void product_first_lanes(const Product<float>& p, int i, int j, int left) {
  if constexpr (N >= 1) {
    if (left == N) return product_tile<Lanes, R, 1>(p, i, j, First<N>{});
    product_first_lanes<Lanes, R, N - 1>(p, i, j, left);
  }
}

// Rows i .. i+R across columns j, j+1, ...: wide tiles, then one-vector tiles, then the rest in one masked tile
// (when Lanes masks) or one tile of its first lanes (when Lanes loads those), or in Lanes::Narrower vectors (when
// the kernel has a narrower type). A Lanes of one float has no columns left over.
template <typename Lanes, int R, int V>
void product_rows(const Product<float>& p, int i, int j = 0) {
  constexpr int width = Lanes::width;
  for (; j + V * width <= p.cols; j += V * width) product_tile<Lanes, R, V>(p, i, j);
  if constexpr (V > 1) {
    for (; j + width <= p.cols; j += width) product_tile<Lanes, R, 1>(p, i, j);
  }
  using Narrower = typename Lanes::Narrower;
  if constexpr (has_masked_tail<Lanes>::value) {
    if (j < p.cols) product_tile<Lanes, R, 1>(p, i, j, Lanes::first(p.cols - j));
  } else if constexpr (has_first_lanes<Lanes>::value) {
    if (j < p.cols) product_first_lanes<Lanes, R, width - 1>(p, i, j, p.cols - j);
  } else if constexpr (!std::is_void_v<Narrower>) {
    product_rows<Narrower, R, 1>(p, i, j);
  } else {
    static_assert(width == 1,
                  "a Lanes of several floats needs a Mask, first lanes or a Narrower for a row's last columns");
  }
}

// The last rows (fewer than a full tile's R): one tile of exactly that height. Called with R - 1 first; at each
// height the rows left are at most R, so exactly one height matches.
template <typename Lanes, int R, int V>
void product_last_rows(const Product<float>& p, int i) {
  if constexpr (R >= 1) {
    if (p.rows - i == R) return product_rows<Lanes, R, V>(p, i);
    product_last_rows<Lanes, R - 1, V>(p, i);
  }
}

// The whole product in tiles of R rows × V vectors.
template <typename Lanes, int R, int V>
void product_tiled(const Product<float>& p) {
  int i = 0;
  for (; i + R <= p.rows; i += R) product_rows<Lanes, R, V>(p, i);
  product_last_rows<Lanes, R - 1, V>(p, i);
}

}  // namespace lab::nn::kernels
