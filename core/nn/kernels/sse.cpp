// The float kernel for x86-64 with SSE (four lanes, the width of wasm SIMD128, on every x86-64 CPU): tiles of
// 2 rows × 16 columns, eight accumulators, four B vectors and one broadcast A value in the 16 XMM registers.
#include "core/nn/kernels/product.hpp"

#ifdef LAB_KERNEL_SSE
#include <xmmintrin.h>

#include "core/nn/kernels/tiled.hpp"

namespace lab::nn::kernels {

namespace {

struct SseLanes {
  using Vector = __m128;  // 4 floats
  static constexpr int width = 4;
  static __m128 zero() { return _mm_setzero_ps(); }
  static __m128 load(const float* p) { return _mm_loadu_ps(p); }
  static void store(float* p, __m128 v) { _mm_storeu_ps(p, v); }
  static __m128 broadcast(const float* p) { return _mm_load1_ps(p); }
  static __m128 multiply(__m128 a, __m128 b) { return _mm_mul_ps(a, b); }
  static __m128 add(__m128 a, __m128 b) { return _mm_add_ps(a, b); }
};

}  // namespace

void product_sse(const Product<float>& p) { product_tiled<SseLanes, 2, 4>(p); }

}  // namespace lab::nn::kernels
#endif
