// The float kernel for x86-64 with SSE (four lanes, the width of wasm SIMD128, on every x86-64 CPU): tiles of
// 2 rows × 16 columns, eight accumulators, four B vectors and one broadcast A value in the 16 XMM registers.
#include "core/nn/kernels/product.hpp"

#ifdef LAB_KERNEL_SSE
#include "core/nn/kernels/tiled.hpp"
#include "core/nn/kernels/x86_lanes.hpp"

namespace lab::nn::kernels {

void product_sse(const Product<float>& p) { product_tiled<SseLanes, 2, 4>(p); }

}  // namespace lab::nn::kernels
#endif
