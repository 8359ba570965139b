// The float kernel for x86-64 CPUs with AVX2 (eight lanes): tiles of 6 rows × 16 columns, twelve accumulators,
// two B vectors and one broadcast A value in the 16 YMM registers; four leftover columns take one SSE vector.
// Only this file is compiled with -mavx2 (not -mfma: still one multiply and one add per lane), and matmul.cpp
// calls it only when the CPU reports AVX2.
#include "core/nn/kernels/product.hpp"

#ifdef LAB_KERNEL_AVX2
#ifndef __AVX2__
#error "core/nn/kernels/avx2.cpp must be compiled with -mavx2 (CMakeLists.txt sets it for this file)"
#endif
#include "core/nn/kernels/tiled.hpp"
#include "core/nn/kernels/x86_lanes.hpp"

namespace lab::nn::kernels {

void product_avx2(const Product<float>& p) { product_tiled<Avx2Lanes, 6, 2>(p); }

}  // namespace lab::nn::kernels
#endif
