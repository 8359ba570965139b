// The x86-64 SIMD types the float kernels run on, each as the `Lanes` that tiled.hpp expects. A kernel file
// includes this header and gets the types its instruction set flags allow: SSE (four lanes) always, AVX (eight)
// when compiled with -mavx2, AVX-512 (sixteen) when compiled with -mavx512f. They live in an anonymous namespace
// so each kernel file has its own copies, compiled with that file's flags.
// `Narrower` is the type a tile falls back to for the columns left over when fewer than one vector remain
// (void: none); SSE covers them with one vector of which it loads and stores only the first lanes, AVX-512 with
// one masked vector (tiled.hpp).
// Every lane sums its own C[i, j] in the reference order.
#pragma once

#include <immintrin.h>

namespace lab::nn::kernels {

namespace {

struct SseLanes {
  using Vector = __m128;  // 4 floats
  using Narrower = void;
  static constexpr int width = 4;
  static __m128 zero() { return _mm_setzero_ps(); }
  static __m128 load(const float* p) { return _mm_loadu_ps(p); }
  static void store(float* p, __m128 v) { _mm_storeu_ps(p, v); }
  static __m128 broadcast(const float* p) { return _mm_load1_ps(p); }
  static __m128 multiply(__m128 a, __m128 b) { return _mm_mul_ps(a, b); }
  static __m128 add(__m128 a, __m128 b) { return _mm_add_ps(a, b); }
  // The first N lanes of a row's last columns (movss, movlps), the other lanes zero (loads) or left alone (stores).
  static constexpr bool loads_first_lanes = true;
  template <int N>
  static __m128 load_first(const float* p) {
    const __m128 low = N >= 2 ? _mm_loadl_pi(_mm_setzero_ps(), reinterpret_cast<const __m64*>(p)) : _mm_load_ss(p);
    return N == 3 ? _mm_movelh_ps(low, _mm_load_ss(p + 2)) : low;
  }
  template <int N>
  static void store_first(float* p, __m128 v) {
    if constexpr (N == 1) _mm_store_ss(p, v);
    if constexpr (N >= 2) _mm_storel_pi(reinterpret_cast<__m64*>(p), v);
    if constexpr (N == 3) _mm_store_ss(p + 2, _mm_movehl_ps(v, v));
  }
};

#ifdef __AVX2__
struct Avx2Lanes {
  using Vector = __m256;  // 8 floats
  using Narrower = SseLanes;
  static constexpr int width = 8;
  static __m256 zero() { return _mm256_setzero_ps(); }
  static __m256 load(const float* p) { return _mm256_loadu_ps(p); }
  static void store(float* p, __m256 v) { _mm256_storeu_ps(p, v); }
  static __m256 broadcast(const float* p) { return _mm256_broadcast_ss(p); }
  static __m256 multiply(__m256 a, __m256 b) { return _mm256_mul_ps(a, b); }
  static __m256 add(__m256 a, __m256 b) { return _mm256_add_ps(a, b); }
};
#endif

#ifdef __AVX512F__
struct Avx512Lanes {
  using Vector = __m512;  // 16 floats
  using Narrower = void;  // the last columns: one masked vector (Mask below)
  static constexpr int width = 16;
  static __m512 zero() { return _mm512_setzero_ps(); }
  static __m512 load(const float* p) { return _mm512_loadu_ps(p); }
  static void store(float* p, __m512 v) { _mm512_storeu_ps(p, v); }
  static __m512 broadcast(const float* p) { return _mm512_set1_ps(*p); }
  static __m512 multiply(__m512 a, __m512 b) { return _mm512_mul_ps(a, b); }
  static __m512 add(__m512 a, __m512 b) { return _mm512_add_ps(a, b); }
  // the last columns of a row, fewer than sixteen: one vector with the lanes beyond them off
  using Mask = __mmask16;
  static __mmask16 first(int n) { return __mmask16((1u << n) - 1); }
  static __m512 load_masked(const float* p, __mmask16 lanes) { return _mm512_maskz_loadu_ps(lanes, p); }
  static void store_masked(float* p, __m512 v, __mmask16 lanes) { _mm512_mask_storeu_ps(p, lanes, v); }
};
#endif

}  // namespace

}  // namespace lab::nn::kernels
