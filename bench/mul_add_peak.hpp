// The most multiplies and adds one core does per second at one vector width: the ceiling the product table's rates
// are read against. `Chains` independent chains of x = x·m + c on vectors of `Width` floats (one multiply, then one
// add, never fused: the product kernels' two instructions), all in registers, no memory. A product's inner loop is
// those same two instructions plus loads, so a kernel's GFLOP/s ÷ this peak is the share of the arithmetic units
// it keeps busy. Twelve chains cover each instruction's latency on the widths here; each figure is the best of
// several timed rounds.
#pragma once

namespace lab::bench {

// A steady clock in seconds. It lives in mul_add_peak.cpp, built with the default instruction set, so the files
// built with AVX2 or AVX-512 instantiate nothing of the standard library that another file could end up using.
double seconds_now();

// The x86-64 widths beyond SSE, each in a file of its own built with that instruction set
// (mul_add_peak_avx2.cpp, mul_add_peak_avx512.cpp); call each only where the CPU has it.
#if defined(__x86_64__) && !defined(__EMSCRIPTEN__)
double mul_add_peak_avx2(int rounds);    // 8 lanes
double mul_add_peak_avx512(int rounds);  // 16 lanes
#endif

namespace {  // every file that includes this gets its own copies, built with that file's instruction set

template <int Width>
struct Floats {
  typedef float type __attribute__((vector_size(Width * sizeof(float))));  // Width floats in one register
};
template <>
struct Floats<1> {
  using type = float;
};

// Seconds for `iterations` steps of every chain; `sink` keeps the result, so the loop is not removed. Never
// inlined: V8 runs a wasm function in its baseline compiler first and uses its optimised code from a later call
// on, so each round must be a call of its own.
template <int Width, int Chains>
__attribute__((noinline)) double time_chains(long iterations, float& sink) {
  using Vector = typename Floats<Width>::type;
  const Vector m = Vector{} + 0.999999f, c = Vector{} + 1e-7f;  // x stays near 1: no overflow, no denormals
  Vector x[Chains];
  for (int i = 0; i < Chains; ++i) x[i] = Vector{} + (1.0f + float(i) * 1e-3f);
  const double start = seconds_now();
  for (long t = 0; t < iterations; ++t) {
    for (int i = 0; i < Chains; ++i) x[i] = x[i] * m + c;
  }
  const double seconds = seconds_now() - start;
  Vector total = x[0];
  for (int i = 1; i < Chains; ++i) total += x[i];
  if constexpr (Width == 1) {
    sink += total;
  } else {
    sink += total[0];
  }
  return seconds;
}

// GFLOP/s (two per lane per step) of the best of `rounds` rounds of about 20 ms each.
template <int Width, int Chains = 12>
double mul_add_peak(int rounds) {
  float sink = 0;
  long iterations = 1 << 10;
  while (time_chains<Width, Chains>(iterations, sink) < 0.02) iterations *= 2;  // also the warm-up
  double best = 1e30;
  for (int round = 0; round < rounds; ++round) {
    const double seconds = time_chains<Width, Chains>(iterations, sink);
    if (seconds < best) best = seconds;
  }
  volatile float keep = sink;
  (void)keep;
  return 2.0 * Width * Chains * double(iterations) / best / 1e9;
}

}  // namespace

}  // namespace lab::bench
