#include "core/nn/matmul.hpp"

#include <algorithm>
#include <cassert>
#include <type_traits>
#include <vector>

#include "core/nn/kernels/product.hpp"

namespace lab::nn {

namespace {

using kernels::Product;

bool& avx2_allowed() {
  static bool allowed = true;
  return allowed;
}

bool avx2_available() {
#ifdef LAB_KERNEL_AVX2
  static const bool available = __builtin_cpu_supports("avx2");
  return available;
#else
  return false;
#endif
}

bool& avx512_allowed() {
  static bool allowed = true;
  return allowed;
}

bool avx512_available() {
#ifdef LAB_KERNEL_AVX512
  static const bool available = __builtin_cpu_supports("avx512f");
  return available;
#else
  return false;
#endif
}

// The float kernel for this target: AVX-512 or AVX2 where the CPU has it, else SSE on x86-64, SIMD128 in the
// SIMD wasm build, plain floats anywhere else. All sum in the same order (kernels/product.hpp), so the choice
// changes the speed, never the bits.
void product_float(const Product<float>& p) {
#ifdef LAB_KERNEL_AVX512
  if (matmul_uses_avx512()) return kernels::product_avx512(p);
#endif
#ifdef LAB_KERNEL_AVX2
  if (matmul_uses_avx2()) return kernels::product_avx2(p);
#endif
#if defined(LAB_KERNEL_SSE)
  kernels::product_sse(p);
#elif defined(LAB_KERNEL_WASM_SIMD128)
  kernels::product_wasm_simd128(p);
#else
  kernels::product_portable(p);
#endif
}

thread_local double float_flops = 0;  // float_product_flops()

// `counted_cols`: the columns the caller asked for, which the padded transposed product below exceeds.
void run(const Product<float>& p, int counted_cols) {
  float_flops += 2.0 * p.rows * counted_cols * p.depth;
  // Long sums go in slices of 256 k's so B's rows stay in cache; each slice adds to C where the previous one
  // stopped, so the order of the sum is unchanged. The bias goes with the last slice only: after the whole sum.
  constexpr int slice = 256;
  if (p.depth == 0) {  // no products: C = (C or 0) + bias
    for (int i = 0; i < p.rows; ++i) {
      float* c_row = p.c + i * p.ldc;
      if (!p.add) std::fill(c_row, c_row + p.cols, 0.0f);
      if (p.bias) {
        for (int j = 0; j < p.cols; ++j) c_row[j] += p.bias[j];
      }
    }
  }
  // One slice (every product of the copy task): p as it is. Copying it into `part` below reads back, in wide loads,
  // what the caller has just stored field by field, which stalls; for attention's 4 × 16 heads that stall cost a
  // third of the product.
  if (p.depth > 0 && p.depth <= slice) return product_float(p);
  for (int k0 = 0; k0 < p.depth; k0 += slice) {
    Product<float> part = p;
    part.depth = std::min(slice, p.depth - k0);
    part.a = p.a + k0 * p.a_step;
    part.b = p.b + k0 * p.ldb;
    part.add = p.add || k0 > 0;
    part.bias = k0 + part.depth == p.depth ? p.bias : nullptr;
    product_float(part);
  }
}

void run(const Product<float>& p) { run(p, p.cols); }
void run(const Product<double>& p, int = 0) { kernels::product_plain(p); }

template <typename Scalar>
Product<Scalar> product_of(const ConstRefOf<Scalar>& b, RefOf<Scalar>& c, Accumulate mode) {
  return Product<Scalar>{
      int(c.rows()), int(c.cols()),   int(b.rows()),           nullptr, 0, 0, b.data(), b.outerStride(),
      c.data(),      c.outerStride(), mode == Accumulate::add, nullptr};
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

// A · Bᵀ (+ bias) for an A of few rows (one short sequence through a wide Linear: x (8, 768) · W (3072, 768)ᵀ):
// packing B would copy all of W for a handful of rows, so the product is computed as its transpose instead,
//   Cᵀ (N, M) = B (N, K) · Aᵀ (K, M),
// which reads B as it is stored and packs only A. Aᵀ is packed with its columns rounded up to a multiple of four
// (zeros beyond M) for floats, so every float kernel covers them with whole vectors; the extra columns of Cᵀ are never
// read. Cᵀ goes to scratch and is copied into C (after C has been copied into it, to add to); the bias, one value
// per row of Cᵀ, is added in that copy. Each C[i, j] is still (C[i, j] or 0) + A[i, 0] B[j, 0] + A[i, 1] B[j, 1]
// + ... in order, + bias[j]: the same bits as the packed-B path.
template <typename Scalar>
void matmul_a_bt_transposed(const ConstRefOf<Scalar>& a, const ConstRefOf<Scalar>& b, const Scalar* bias,
                            RefOf<Scalar>& c, Accumulate mode) {
  const int rows = int(a.rows()), depth = int(a.cols()), cols = int(b.rows());
  const int lanes = std::is_same_v<Scalar, float> ? 4 : 1;  // the double product has no vectors to fill
  const int width = (rows + lanes - 1) / lanes * lanes;
  thread_local std::vector<Scalar> packed, transposed;
  packed.assign(std::size_t(depth) * width, Scalar(0));  // Aᵀ (K, width)
  for (int i = 0; i < rows; ++i) {
    for (int k = 0; k < depth; ++k) packed[std::size_t(k) * width + i] = a(i, k);
  }
  transposed.resize(std::size_t(cols) * width);  // Cᵀ (N, width)
  const bool add = mode == Accumulate::add;
  if (add) {
    for (int j = 0; j < cols; ++j) {
      for (int i = 0; i < rows; ++i) transposed[std::size_t(j) * width + i] = c(i, j);
    }
  }
  Product<Scalar> p{cols,  width, depth,  b.data(), b.outerStride(), 1, packed.data(), width, transposed.data(),
                    width, add,   nullptr};
  run(p, rows);
  for (int i = 0; i < rows; ++i) {
    if (bias) {
      for (int j = 0; j < cols; ++j) c(i, j) = transposed[std::size_t(j) * width + i] + bias[j];
    } else {
      for (int j = 0; j < cols; ++j) c(i, j) = transposed[std::size_t(j) * width + i];
    }
  }
}

// Whether A · Bᵀ should run as its transpose: when packing Aᵀ and copying Cᵀ back moves fewer numbers than packing
// B would (A has few rows against B's), and A has at least a vector's worth of rows.
bool transposing_is_cheaper(long long rows, long long depth, long long cols) {
  return rows >= 4 && rows * (depth + 2 * cols) < cols * depth;
}

// The panel (K, width) of rows j0 .. j0 + width of B (N, K), transposed: panel[k, j] = B[j0 + j, k]. Four rows of B
// at a time, each read along k in order, their four values at each k written side by side. `Width` is the panel's
// width when the compiler should know it (a full panel), or 0 to take `width` at run time (the last, narrower one).
template <int Width, typename Scalar>
void pack_panel(const Scalar* b, std::ptrdiff_t ldb, int depth, int width_at_run_time, Scalar* panel) {
  const int width = Width > 0 ? Width : width_at_run_time;
  int j = 0;
  for (; j + 4 <= width; j += 4) {
    const Scalar *b0 = b + j * ldb, *b1 = b0 + ldb, *b2 = b1 + ldb, *b3 = b2 + ldb;
    Scalar* out = panel + j;
    for (int k = 0; k < depth; ++k, out += width) {
      out[0] = b0[k];
      out[1] = b1[k];
      out[2] = b2[k];
      out[3] = b3[k];
    }
  }
  for (; j < width; ++j) {
    const Scalar* b_j = b + j * ldb;
    Scalar* out = panel + j;
    for (int k = 0; k < depth; ++k, out += width) *out = b_j[k];
  }
}

template <typename Scalar>
void matmul_a_bt_any(const ConstRefOf<Scalar>& a, const ConstRefOf<Scalar>& b, const Scalar* bias, RefOf<Scalar> c,
                     Accumulate mode) {
  assert(a.cols() == b.cols() && c.rows() == a.rows() && c.cols() == b.rows());
  if (transposing_is_cheaper(a.rows(), a.cols(), b.rows())) {
    return matmul_a_bt_transposed<Scalar>(a, b, bias, c, mode);
  }
  // Thirty-two rows of B at a time are copied into a (K, 32) panel (exact), so the kernel walks that panel's rows as
  // it walks any B; each panel serves every row of A while it sits in cache. 32 columns are two AVX-512 vectors,
  // the width of that kernel's widest tile (12 × 32), and whole tiles of every other kernel. The kernel adds the
  // bias's values as it stores each finished tile.
  constexpr int panel = 32;
  const int depth = int(b.cols()), cols = int(b.rows());
  thread_local std::vector<Scalar> packed;
  packed.resize(std::size_t(depth) * panel);
  for (int j0 = 0; j0 < cols; j0 += panel) {
    const int width = std::min(panel, cols - j0);
    const Scalar* b_rows = b.data() + std::ptrdiff_t(j0) * b.outerStride();
    if (width == panel) {
      pack_panel<panel>(b_rows, b.outerStride(), depth, panel, packed.data());
    } else {
      pack_panel<0>(b_rows, b.outerStride(), depth, width, packed.data());
    }
    Product<Scalar> p{
        int(c.rows()), width, depth,         a.data(),        a.outerStride(),         1,
        packed.data(), width, c.data() + j0, c.outerStride(), mode == Accumulate::add, bias ? bias + j0 : nullptr};
    run(p);
  }
}

}  // namespace

bool matmul_uses_avx2() { return avx2_allowed() && avx2_available(); }
void matmul_allow_avx2(bool allowed) { avx2_allowed() = allowed; }
bool matmul_uses_avx512() { return avx2_allowed() && avx512_allowed() && avx512_available(); }
void matmul_allow_avx512(bool allowed) { avx512_allowed() = allowed; }
double float_product_flops() { return float_flops; }

void matmul(const ConstRefOf<float>& a, const ConstRefOf<float>& b, RefOf<float> c, Accumulate mode) {
  matmul_any<float>(a, b, c, mode);
}
void matmul(const ConstRefOf<double>& a, const ConstRefOf<double>& b, RefOf<double> c, Accumulate mode) {
  matmul_any<double>(a, b, c, mode);
}
void matmul_a_bt(const ConstRefOf<float>& a, const ConstRefOf<float>& b, RefOf<float> c, Accumulate mode) {
  matmul_a_bt_any<float>(a, b, nullptr, c, mode);
}
void matmul_a_bt(const ConstRefOf<double>& a, const ConstRefOf<double>& b, RefOf<double> c, Accumulate mode) {
  matmul_a_bt_any<double>(a, b, nullptr, c, mode);
}
void matmul_a_bt(const ConstRefOf<float>& a, const ConstRefOf<float>& b, const ConstRefOf<float>& bias, RefOf<float> c,
                 Accumulate mode) {
  assert(bias.rows() == 1 && bias.cols() == b.rows());
  matmul_a_bt_any<float>(a, b, bias.data(), c, mode);
}
void matmul_a_bt(const ConstRefOf<double>& a, const ConstRefOf<double>& b, const ConstRefOf<double>& bias,
                 RefOf<double> c, Accumulate mode) {
  assert(bias.rows() == 1 && bias.cols() == b.rows());
  matmul_a_bt_any<double>(a, b, bias.data(), c, mode);
}
void matmul_at_b(const ConstRefOf<float>& a, const ConstRefOf<float>& b, RefOf<float> c, Accumulate mode) {
  matmul_at_b_any<float>(a, b, c, mode);
}
void matmul_at_b(const ConstRefOf<double>& a, const ConstRefOf<double>& b, RefOf<double> c, Accumulate mode) {
  matmul_at_b_any<double>(a, b, c, mode);
}

}  // namespace lab::nn
