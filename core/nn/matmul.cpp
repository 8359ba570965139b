#include "core/nn/matmul.hpp"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <vector>

namespace lab::nn {

namespace {

// C (rows, cols) = or += A (rows, depth) · B (depth, cols). A's element (i, k) is a[i * a_row + k * a_step], so
// the same kernel reads A or Aᵀ; B and C are row-major with row strides ldb and ldc.
template <typename Scalar>
struct Product {
  int rows, cols, depth;
  const Scalar* a;
  Eigen::Index a_row, a_step;
  const Scalar* b;
  Eigen::Index ldb;
  Scalar* c;
  Eigen::Index ldc;
  bool add;
};

// The reference order, written plainly: for each output row, k = 0, 1, 2, ..., each adding A[i, k] · B[k, :].
// The float kernel below computes exactly these sums, four rows and sixteen columns at a time.
template <typename Scalar>
void product_plain(const Product<Scalar>& p) {
  for (int i = 0; i < p.rows; ++i) {
    Scalar* c_row = p.c + i * p.ldc;
    if (!p.add) std::fill(c_row, c_row + p.cols, Scalar(0));
    for (int k = 0; k < p.depth; ++k) {
      const Scalar a_ik = p.a[i * p.a_row + k * p.a_step];
      const Scalar* b_row = p.b + k * p.ldb;
      for (int j = 0; j < p.cols; ++j) c_row[j] += a_ik * b_row[j];
    }
  }
}

// float32: a tile of R rows × 4V columns of C stays in SIMD registers while k runs over the depth. GCC's and
// clang's vector extension: four lanes, each an ordinary float multiply and add (no fused multiply-add: the
// project compiles with -ffp-contract=off), so every lane does what product_plain does for its C[i, j].
typedef float Float4 __attribute__((vector_size(16)));

inline Float4 load4(const float* p) {
  Float4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store4(float* p, Float4 v) { std::memcpy(p, &v, sizeof v); }

template <int R, int V>
void float_tile(const Product<float>& p, int i, int j) {
  Float4 acc[R][V];
  for (int r = 0; r < R; ++r) {
    for (int v = 0; v < V; ++v) acc[r][v] = p.add ? load4(p.c + (i + r) * p.ldc + j + 4 * v) : Float4{0, 0, 0, 0};
  }
  for (int k = 0; k < p.depth; ++k) {
    const float* b_row = p.b + k * p.ldb + j;
    Float4 b[V];
    for (int v = 0; v < V; ++v) b[v] = load4(b_row + 4 * v);
    for (int r = 0; r < R; ++r) {
      const float s = p.a[(i + r) * p.a_row + k * p.a_step];
      const Float4 a = {s, s, s, s};
      for (int v = 0; v < V; ++v) acc[r][v] += a * b[v];
    }
  }
  for (int r = 0; r < R; ++r) {
    for (int v = 0; v < V; ++v) store4(p.c + (i + r) * p.ldc + j + 4 * v, acc[r][v]);
  }
}

template <int R>
void float_rows(const Product<float>& p, int i) {
  int j = 0;
  for (; j + 16 <= p.cols; j += 16) float_tile<R, 4>(p, i, j);
  for (; j + 4 <= p.cols; j += 4) float_tile<R, 1>(p, i, j);
  for (; j < p.cols; ++j) {  // the last columns one at a time, same order
    for (int r = 0; r < R; ++r) {
      float sum = p.add ? p.c[(i + r) * p.ldc + j] : 0.0f;
      for (int k = 0; k < p.depth; ++k) sum += p.a[(i + r) * p.a_row + k * p.a_step] * p.b[k * p.ldb + j];
      p.c[(i + r) * p.ldc + j] = sum;
    }
  }
}

// x86-64 machines with AVX2 (the native CLI on most PCs) get the same tiles eight lanes wide, chosen at run time.
// Still one multiply and one add per lane (no FMA), so the results are bit for bit those of the code above.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__EMSCRIPTEN__)
#define LAB_AVX2_KERNEL 1
typedef float Float8 __attribute__((vector_size(32)));

__attribute__((target("avx2"), always_inline)) inline Float8 load8(const float* p) {
  Float8 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
__attribute__((target("avx2"), always_inline)) inline void store8(float* p, Float8 v) { std::memcpy(p, &v, sizeof v); }

template <int R, int V>
__attribute__((target("avx2"))) void float_tile8(const Product<float>& p, int i, int j) {
  Float8 acc[R][V];
  for (int r = 0; r < R; ++r) {
    for (int v = 0; v < V; ++v) acc[r][v] = p.add ? load8(p.c + (i + r) * p.ldc + j + 8 * v) : Float8{};
  }
  for (int k = 0; k < p.depth; ++k) {
    const float* b_row = p.b + k * p.ldb + j;
    Float8 b[V];
    for (int v = 0; v < V; ++v) b[v] = load8(b_row + 8 * v);
    for (int r = 0; r < R; ++r) {
      const float s = p.a[(i + r) * p.a_row + k * p.a_step];
      const Float8 a = {s, s, s, s, s, s, s, s};
      for (int v = 0; v < V; ++v) acc[r][v] += a * b[v];
    }
  }
  for (int r = 0; r < R; ++r) {
    for (int v = 0; v < V; ++v) store8(p.c + (i + r) * p.ldc + j + 8 * v, acc[r][v]);
  }
}

template <int R>
__attribute__((target("avx2"))) void float_rows8(const Product<float>& p, int i) {
  int j = 0;
  for (; j + 16 <= p.cols; j += 16) float_tile8<R, 2>(p, i, j);
  for (; j + 8 <= p.cols; j += 8) float_tile8<R, 1>(p, i, j);
  for (; j + 4 <= p.cols; j += 4) float_tile<R, 1>(p, i, j);
  for (; j < p.cols; ++j) {
    for (int r = 0; r < R; ++r) {
      float sum = p.add ? p.c[(i + r) * p.ldc + j] : 0.0f;
      for (int k = 0; k < p.depth; ++k) sum += p.a[(i + r) * p.a_row + k * p.a_step] * p.b[k * p.ldb + j];
      p.c[(i + r) * p.ldc + j] = sum;
    }
  }
}

__attribute__((target("avx2"))) void product_tiled_avx2(const Product<float>& p) {
  int i = 0;
  for (; i + 4 <= p.rows; i += 4) float_rows8<4>(p, i);
  for (; i < p.rows; ++i) float_rows8<1>(p, i);
}
#endif

bool& avx2_allowed() {
  static bool allowed = true;
  return allowed;
}

bool avx2_available() {
#ifdef LAB_AVX2_KERNEL
  static const bool available = __builtin_cpu_supports("avx2");
  return available;
#else
  return false;
#endif
}

void product_tiled(const Product<float>& p) {
#ifdef LAB_AVX2_KERNEL
  if (avx2_allowed() && avx2_available()) return product_tiled_avx2(p);
#endif
  int i = 0;
  for (; i + 4 <= p.rows; i += 4) float_rows<4>(p, i);
  for (; i < p.rows; ++i) float_rows<1>(p, i);
}

void run(const Product<float>& p) {
  // Long sums go in slices of 256 k's so B's rows stay in cache; each slice adds to C where the previous one
  // stopped, so the order of the sum is unchanged.
  constexpr int slice = 256;
  if (p.depth == 0 && !p.add) {
    for (int i = 0; i < p.rows; ++i) std::fill(p.c + i * p.ldc, p.c + i * p.ldc + p.cols, 0.0f);
  }
  for (int k0 = 0; k0 < p.depth; k0 += slice) {
    Product<float> part = p;
    part.depth = std::min(slice, p.depth - k0);
    part.a = p.a + k0 * p.a_step;
    part.b = p.b + k0 * p.ldb;
    part.add = p.add || k0 > 0;
    product_tiled(part);
  }
}

void run(const Product<double>& p) { product_plain(p); }

template <typename Scalar>
Product<Scalar> product_of(const ConstRefOf<Scalar>& b, RefOf<Scalar>& c, Accumulate mode) {
  return Product<Scalar>{
      int(c.rows()), int(c.cols()),   int(b.rows()),          nullptr, 0, 0, b.data(), b.outerStride(),
      c.data(),      c.outerStride(), mode == Accumulate::add};
}

template <typename Scalar>
void matmul_any(const ConstRefOf<Scalar>& a, const ConstRefOf<Scalar>& b, RefOf<Scalar> c, Accumulate mode) {
  assert(a.cols() == b.rows() && c.rows() == a.rows() && c.cols() == b.cols());
  Product<Scalar> p = product_of<Scalar>(b, c, mode);
  p.a = a.data();
  p.a_row = a.outerStride();
  p.a_step = 1;
  run(p);
}

template <typename Scalar>
void matmul_at_b_any(const ConstRefOf<Scalar>& a, const ConstRefOf<Scalar>& b, RefOf<Scalar> c, Accumulate mode) {
  assert(a.rows() == b.rows() && c.rows() == a.cols() && c.cols() == b.cols());
  Product<Scalar> p = product_of<Scalar>(b, c, mode);
  p.a = a.data();  // Aᵀ[i, k] = A[k, i]
  p.a_row = 1;
  p.a_step = a.outerStride();
  run(p);
}

template <typename Scalar>
void matmul_a_bt_any(const ConstRefOf<Scalar>& a, const ConstRefOf<Scalar>& b, RefOf<Scalar> c, Accumulate mode) {
  assert(a.cols() == b.cols() && c.rows() == a.rows() && c.cols() == b.rows());
  // Sixteen rows of B at a time are copied into a (K, 16) panel (exact), so the kernel walks that panel's rows as
  // it walks any B; each panel serves every row of A while it sits in cache.
  constexpr int panel = 16;
  const int depth = int(b.cols()), cols = int(b.rows());
  thread_local std::vector<Scalar> packed;
  packed.resize(std::size_t(depth) * panel);
  for (int j0 = 0; j0 < cols; j0 += panel) {
    const int width = std::min(panel, cols - j0);
    for (int k = 0; k < depth; ++k) {
      for (int j = 0; j < width; ++j) packed[std::size_t(k) * width + j] = b(j0 + j, k);
    }
    Product<Scalar> p{int(c.rows()), width, depth,         a.data(),        a.outerStride(),        1,
                      packed.data(), width, c.data() + j0, c.outerStride(), mode == Accumulate::add};
    run(p);
  }
}

}  // namespace

bool matmul_uses_avx2() { return avx2_allowed() && avx2_available(); }
void matmul_allow_avx2(bool allowed) { avx2_allowed() = allowed; }

void matmul(const ConstRefOf<float>& a, const ConstRefOf<float>& b, RefOf<float> c, Accumulate mode) {
  matmul_any<float>(a, b, c, mode);
}
void matmul(const ConstRefOf<double>& a, const ConstRefOf<double>& b, RefOf<double> c, Accumulate mode) {
  matmul_any<double>(a, b, c, mode);
}
void matmul_a_bt(const ConstRefOf<float>& a, const ConstRefOf<float>& b, RefOf<float> c, Accumulate mode) {
  matmul_a_bt_any<float>(a, b, c, mode);
}
void matmul_a_bt(const ConstRefOf<double>& a, const ConstRefOf<double>& b, RefOf<double> c, Accumulate mode) {
  matmul_a_bt_any<double>(a, b, c, mode);
}
void matmul_at_b(const ConstRefOf<float>& a, const ConstRefOf<float>& b, RefOf<float> c, Accumulate mode) {
  matmul_at_b_any<float>(a, b, c, mode);
}
void matmul_at_b(const ConstRefOf<double>& a, const ConstRefOf<double>& b, RefOf<double> c, Accumulate mode) {
  matmul_at_b_any<double>(a, b, c, mode);
}

}  // namespace lab::nn
