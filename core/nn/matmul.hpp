// Matrix products with one summation order on every target, so the native CLI and the wasm module compute the
// same numbers: C[i, j] = A[i, 0] B[0, j] + A[i, 1] B[1, j] + ... is always summed k = 0, 1, 2, ... in order.
// SIMD runs across j (independent outputs), never across k, so vectorising cannot reorder a sum. (Eigen's own
// products block and reorder k differently for SSE, AVX and scalar code, which is why the lab does not use them
// where training would amplify the difference.)
//   matmul(A, B, C)         C (M, N) = A (M, K) · B (K, N)
//   matmul_a_bt(A, B, C)    C (M, N) = A (M, K) · Bᵀ, B (N, K)      x Wᵀ of a PyTorch Linear, Q Kᵀ of attention
//   matmul_a_bt(A, B, bias, C)  C (M, N) = A · Bᵀ + bias, bias (1, N) added to every row: a Linear, x Wᵀ + b
//   matmul_at_b(A, B, C)    C (M, N) = Aᵀ · B, A (K, M), B (K, N)     weight gradients dW = dYᵀ X
// The bias is added to each finished sum, as its tile of C is stored: C[i, j] = ((C[i, j] or 0) + Σ_k A[i, k] B[j, k]
// in order) + bias[j], the bits of the product followed by a separate pass adding the bias, in one pass over C.
// With Accumulate::add the product is added to C (gradients accumulate with +=); C must not overlap A or B.
// The float kernels (core/nn/kernels/, one file per instruction set) keep a tile of C in registers: SSE natively,
// eight-lane AVX2 on x86-64 CPUs that have it, wasm SIMD128 in the browser, plain floats in the scalar wasm build.
// Every kernel does one multiply and one add per lane, k in order, so all give the same bits.
#pragma once

#include "core/nn/matrix.hpp"

namespace lab::nn {

enum class Accumulate { overwrite, add };

void matmul(const ConstRefOf<float>& a, const ConstRefOf<float>& b, RefOf<float> c,
            Accumulate mode = Accumulate::overwrite);
void matmul(const ConstRefOf<double>& a, const ConstRefOf<double>& b, RefOf<double> c,
            Accumulate mode = Accumulate::overwrite);

void matmul_a_bt(const ConstRefOf<float>& a, const ConstRefOf<float>& b, RefOf<float> c,
                 Accumulate mode = Accumulate::overwrite);
void matmul_a_bt(const ConstRefOf<double>& a, const ConstRefOf<double>& b, RefOf<double> c,
                 Accumulate mode = Accumulate::overwrite);
void matmul_a_bt(const ConstRefOf<float>& a, const ConstRefOf<float>& b, const ConstRefOf<float>& bias, RefOf<float> c,
                 Accumulate mode = Accumulate::overwrite);
void matmul_a_bt(const ConstRefOf<double>& a, const ConstRefOf<double>& b, const ConstRefOf<double>& bias,
                 RefOf<double> c, Accumulate mode = Accumulate::overwrite);

void matmul_at_b(const ConstRefOf<float>& a, const ConstRefOf<float>& b, RefOf<float> c,
                 Accumulate mode = Accumulate::overwrite);
void matmul_at_b(const ConstRefOf<double>& a, const ConstRefOf<double>& b, RefOf<double> c,
                 Accumulate mode = Accumulate::overwrite);

// Whether float products run the eight-lane AVX2 kernel (or a wider one); tests switch it off to compare the
// kernels. Switched off, products run the four-lane SSE kernel.
bool matmul_uses_avx2();
void matmul_allow_avx2(bool allowed);
// Whether float products run the sixteen-lane AVX-512 kernel (where the CPU has it and AVX2 is allowed).
bool matmul_uses_avx512();
void matmul_allow_avx512(bool allowed);

// The arithmetic of every float product this thread has run, 2·m·n·k each: what the benchmarks divide by time
// to give an exercise's achieved rate.
double float_product_flops();

}  // namespace lab::nn
