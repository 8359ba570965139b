// The float kernel in plain C++, for any CPU and for the scalar wasm build: a tile of 4 rows × 4 columns of C in
// sixteen float variables, each summed over k in order.
#include "core/nn/kernels/tiled.hpp"

namespace lab::nn::kernels {

namespace {

struct PlainFloats {
  using Vector = float;
  using Narrower = void;
  static constexpr int width = 1;
  static float zero() { return 0.0f; }
  static float load(const float* p) { return *p; }
  static void store(float* p, float v) { *p = v; }
  static float broadcast(const float* p) { return *p; }
  static float multiply(float a, float b) { return a * b; }
  static float add(float a, float b) { return a + b; }
};

}  // namespace

void product_portable(const Product<float>& p) { product_tiled<PlainFloats, 4, 4>(p); }

}  // namespace lab::nn::kernels
