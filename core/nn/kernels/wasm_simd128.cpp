// The float kernel for wasm SIMD128 (four lanes): tiles of 4 rows × 8 columns, each A value loaded straight into
// all four lanes (v128.load32_splat). Eight accumulators, two B vectors and one A vector: few enough that V8,
// which allocates registers without reordering, keeps them all in the 16 XMM registers of an x86-64 host (a
// 4 × 16 tile spills and runs at a third of the speed). A row's last one to three columns are one vector too, of
// which only the first lanes are loaded and stored.
#include "core/nn/kernels/product.hpp"

#ifdef LAB_KERNEL_WASM_SIMD128
#include <wasm_simd128.h>

#include "core/nn/kernels/tiled.hpp"

namespace lab::nn::kernels {

namespace {

struct WasmLanes {
  using Vector = v128_t;  // 4 floats
  using Narrower = void;
  static constexpr int width = 4;
  static v128_t zero() { return wasm_f32x4_splat(0.0f); }
  static v128_t load(const float* p) { return wasm_v128_load(p); }
  static void store(float* p, v128_t v) { wasm_v128_store(p, v); }
  static v128_t broadcast(const float* p) { return wasm_v128_load32_splat(p); }
  static v128_t multiply(v128_t a, v128_t b) { return wasm_f32x4_mul(a, b); }
  static v128_t add(v128_t a, v128_t b) { return wasm_f32x4_add(a, b); }
  // The first N lanes of a row's last columns, the other lanes zero (loads) or left alone (stores).
  static constexpr bool loads_first_lanes = true;
  template <int N>
  static v128_t load_first(const float* p) {
    if constexpr (N == 1) return wasm_v128_load32_zero(p);
    if constexpr (N == 2) return wasm_v128_load64_zero(p);
    if constexpr (N == 3) return wasm_v128_load32_lane(p + 2, wasm_v128_load64_zero(p), 2);
  }
  template <int N>
  static void store_first(float* p, v128_t v) {
    if constexpr (N == 1) wasm_v128_store32_lane(p, v, 0);
    if constexpr (N >= 2) wasm_v128_store64_lane(p, v, 0);
    if constexpr (N == 3) wasm_v128_store32_lane(p + 2, v, 2);
  }
};

}  // namespace

void product_wasm_simd128(const Product<float>& p) { product_tiled<WasmLanes, 4, 2>(p); }

}  // namespace lab::nn::kernels
#endif
