// The float kernel for x86-64 CPUs with AVX-512 (sixteen lanes): tiles of 12 rows × 32 columns, 24 accumulators,
// two B vectors and one broadcast A value in the 32 ZMM registers; the last columns of a row (fewer than sixteen)
// are one vector with the lanes beyond them masked off.
// Only this file is compiled with -mavx512f, and matmul.cpp calls it only when the CPU reports AVX-512F.
// -mavx512f also allows fused multiply-add instructions, but the project's -ffp-contract=off keeps every
// multiply and add apart, so the bits are the other kernels' (the tests compare them).
#include "core/nn/kernels/product.hpp"

#ifdef LAB_KERNEL_AVX512
#ifndef __AVX512F__
#error "core/nn/kernels/avx512.cpp must be compiled with -mavx512f (CMakeLists.txt sets it for this file)"
#endif
#include "core/nn/kernels/tiled.hpp"
#include "core/nn/kernels/x86_lanes.hpp"

namespace lab::nn::kernels {

void product_avx512(const Product<float>& p) { product_tiled<Avx512Lanes, 12, 2>(p); }

}  // namespace lab::nn::kernels
#endif
