// One matrix product as every kernel sees it, the reference order, and the kernels the lab has for floats.
//   C (rows, cols) = A (rows, depth) · B (depth, cols), or C += that product when `add` is set;
//   then, when `bias` (cols) is given, bias[j] is added to every C[i, j] (a Linear's bias, fused into the store).
// A's element (i, k) is a[i * a_row + k * a_step], so one kernel reads A or Aᵀ; B and C are row-major with row
// strides ldb and ldc. Every kernel computes each C[i, j] exactly as product_plain does: start from C[i, j] (add)
// or 0, then for k = 0, 1, 2, ... in order add the rounded product A[i, k] · B[k, j] (one multiply, then one add;
// no fused multiply-add, the project compiles with -ffp-contract=off), and last add bias[j] if there is a bias.
// SIMD runs across j, never across k, so every kernel gives the same bits. Choosing a kernel for the machine is
// matmul.cpp's job; this file only declares them.
#pragma once

#include <cstddef>

namespace lab::nn::kernels {

template <typename Scalar>
struct Product {
  int rows, cols, depth;
  const Scalar* a;
  std::ptrdiff_t a_row, a_step;
  const Scalar* b;
  std::ptrdiff_t ldb;
  Scalar* c;
  std::ptrdiff_t ldc;
  bool add;
  const Scalar* bias;  // (cols), added after the whole sum; nullptr: none
};

// The reference order, written plainly: for each output row, k = 0, 1, 2, ..., each adding A[i, k] · B[k, :].
// The double-precision products use it as it is; the tests hold every float kernel to it.
template <typename Scalar>
void product_plain(const Product<Scalar>& p) {
  for (int i = 0; i < p.rows; ++i) {
    Scalar* c_row = p.c + i * p.ldc;
    if (!p.add) {
      for (int j = 0; j < p.cols; ++j) c_row[j] = Scalar(0);
    }
    for (int k = 0; k < p.depth; ++k) {
      const Scalar a_ik = p.a[i * p.a_row + k * p.a_step];
      const Scalar* b_row = p.b + k * p.ldb;
      for (int j = 0; j < p.cols; ++j) c_row[j] += a_ik * b_row[j];
    }
    if (p.bias) {
      for (int j = 0; j < p.cols; ++j) c_row[j] += p.bias[j];
    }
  }
}

// Plain C++ on any CPU (and the scalar wasm build): a tile of C in ordinary float variables.
void product_portable(const Product<float>& p);

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__EMSCRIPTEN__)
#define LAB_KERNEL_SSE 1
#define LAB_KERNEL_AVX2 1
#define LAB_KERNEL_AVX512 1
// SSE: four lanes, the width of wasm SIMD128 (every x86-64 CPU has it).
void product_sse(const Product<float>& p);
// AVX2: eight lanes; its file alone is compiled with -mavx2, and it runs only where the CPU has AVX2.
void product_avx2(const Product<float>& p);
// AVX-512: sixteen lanes; its file alone is compiled with -mavx512f, and it runs only where the CPU has AVX-512F.
void product_avx512(const Product<float>& p);
#endif

#if defined(__wasm_simd128__)
#define LAB_KERNEL_WASM_SIMD128 1
// wasm SIMD128: four lanes, in a tile small enough for V8 to keep in registers.
void product_wasm_simd128(const Product<float>& p);
#endif

}  // namespace lab::nn::kernels
