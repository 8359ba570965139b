// The float kernel for x86-64 CPUs with AVX2 (eight lanes): tiles of 6 rows × 16 columns, twelve accumulators,
// two B vectors and one broadcast A value in the 16 YMM registers. Only this file is compiled with -mavx2 (not
// -mfma: still one multiply and one add per lane), and matmul.cpp calls it only when the CPU reports AVX2.
#include "core/nn/kernels/product.hpp"

#ifdef LAB_KERNEL_AVX2
#ifndef __AVX2__
#error "core/nn/kernels/avx2.cpp must be compiled with -mavx2 (CMakeLists.txt sets it for this file)"
#endif
#include <immintrin.h>

#include "core/nn/kernels/tiled.hpp"

namespace lab::nn::kernels {

namespace {

struct Avx2Lanes {
  using Vector = __m256;  // 8 floats
  static constexpr int width = 8;
  static __m256 zero() { return _mm256_setzero_ps(); }
  static __m256 load(const float* p) { return _mm256_loadu_ps(p); }
  static void store(float* p, __m256 v) { _mm256_storeu_ps(p, v); }
  static __m256 broadcast(const float* p) { return _mm256_broadcast_ss(p); }
  static __m256 multiply(__m256 a, __m256 b) { return _mm256_mul_ps(a, b); }
  static __m256 add(__m256 a, __m256 b) { return _mm256_add_ps(a, b); }
};

}  // namespace

void product_avx2(const Product<float>& p) { product_tiled<Avx2Lanes, 6, 2>(p); }

}  // namespace lab::nn::kernels
#endif
