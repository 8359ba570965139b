// LAB_WIDEST_VECTORS, before a function's definition: on x86-64 builds the compiler makes the function in AVX-512
// and AVX2 copies as well as the SSE baseline, and the dynamic loader picks one per machine (target_clones), so its
// loops run sixteen or eight lanes wide where the CPU allows. Each copy gives the bits of the others: every
// operation is correctly rounded; -ffp-contract=off keeps multiplies and adds apart (and neither target enables
// fused multiply-adds); and without -ffast-math no compiler reorders a sum, so a row's sum still adds its
// elements one after another. Elsewhere (wasm, other CPUs) the macro is empty.
// LAB_WIDEST_VECTORS_TEMPLATE is the same before a function template. Clang does not clone templates yet, so with
// Clang it is empty: the sanitizer and fuzzing builds, which are Clang's here and are never timed, keep those
// functions in the SSE baseline.
#pragma once

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__EMSCRIPTEN__)
#define LAB_WIDEST_VECTORS __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define LAB_WIDEST_VECTORS
#endif

#if defined(__clang__)
#define LAB_WIDEST_VECTORS_TEMPLATE
#else
#define LAB_WIDEST_VECTORS_TEMPLATE LAB_WIDEST_VECTORS
#endif
