// Times the lab's float products (core/nn/matmul.hpp) and prints one JSON line per kernel and shape:
//   {"kernel": "sse", "form": "A·B", "m": 64, "n": 64, "k": 64, "gflops": 43.1, "bits": "9f0c..."}
// The same source runs natively (kernels "sse" and, where the CPU has it, "avx2") and as wasm under Node
// (kernel "wasm-simd" or "wasm-scalar", named by LAB_BENCH_KERNEL at build time). `bits` is a hash of the exact
// bits of one product of fixed inputs, so runs on different targets can be compared: equal hashes, equal bits.
// Each figure is the best of several timed rounds after a warm-up (V8 first runs wasm in its baseline compiler
// at about half speed). Each kernel's rows end with its width's multiply-and-add peak (mul_add_peak.hpp):
//   {"kernel": "sse", "lanes": 4, "peak": 24.0}
// Usage: bench_matmul [--short]   (--short: one quick round, for the test run)
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "bench/mul_add_peak.hpp"
#include "core/json.hpp"
#include "core/nn/layers.hpp"
#include "core/nn/matmul.hpp"
#include "core/random/numpy_random.hpp"

namespace {

using lab::nn::Matrix;

enum class Form { a_b, a_bt, at_b };

struct Shape {
  Form form;
  int m, n, k;        // C (m, n), summed over k
  const char* where;  // what in the lab multiplies this shape
};

const char* form_name(Form form) {
  switch (form) {
    case Form::a_b: return "A·B";
    case Form::a_bt: return "A·Bᵀ";
    case Form::at_b: return "Aᵀ·B";
  }
  return "";
}

// The square sizes of the issue, then the products one step of 01.5 (the copy task) makes at its defaults:
// B*T = 128 tokens, width C = 32, feed-forward F = 64, and its attention: 64 heads of 4 tokens × 16 dimensions, each
// making six products this small a step; two of 02.4's (9 tokens); then two of 02.2's timed passes (one sequence of
// 8 tokens through a wide Linear, where A·Bᵀ runs as its transpose); and 01.5's logits and three ragged shapes, whose
// last columns are less than a vector (the hashes of tests/node/matmul-bits.test.mjs hold those edges to one set of
// bits in every kernel).
std::vector<Shape> shapes() {
  return {
      {Form::a_b, 32, 32, 32, "square"},
      {Form::a_b, 64, 64, 64, "square"},
      {Form::a_b, 128, 128, 128, "square"},
      {Form::a_b, 256, 256, 256, "square"},
      {Form::a_bt, 128, 32, 32, "01.5 Q, K, V and output projections x Wᵀ (128, 32)·(32, 32)ᵀ, four a step"},
      {Form::a_bt, 128, 96, 32, "Q, K, V as one projection (128, 32)·(96, 32)ᵀ (01.5 runs them apart)"},
      {Form::a_bt, 128, 64, 32, "01.5 feed-forward in (128, 32)·(64, 32)ᵀ"},
      {Form::a_b, 128, 32, 64, "01.5 feed-forward in, input gradient dY W (128, 64)·(64, 32)"},
      {Form::at_b, 64, 32, 128, "01.5 feed-forward in, weight gradient dYᵀ X (128, 64)ᵀ·(128, 32)"},
      {Form::a_bt, 128, 10, 32, "01.5 logits x Wᵀ (128, 32)·(10, 32)ᵀ: ten columns, a vector's last two lanes unused"},
      {Form::a_b, 67, 67, 67, "ragged: 67 = 64 + 3 rows, columns and terms, every kernel's edge tiles"},
      {Form::a_bt, 67, 67, 67, "ragged, A·Bᵀ"},
      {Form::at_b, 67, 67, 67, "ragged, Aᵀ·B"},
      {Form::a_bt, 4, 4, 16, "01.5 attention scores of one head Q Kᵀ (4, 16)·(4, 16)ᵀ; and dA = dO Vᵀ"},
      {Form::a_b, 4, 16, 4, "01.5 attention output of one head A V (4, 4)·(4, 16); and dQ = dS K"},
      {Form::at_b, 4, 16, 4, "01.5 attention gradient dV = Aᵀ dO (4, 4)ᵀ·(4, 16); and dK = dSᵀ Q"},
      {Form::a_bt, 9, 9, 16, "02.4 attention scores of one head Q Kᵀ (9, 16)·(9, 16)ᵀ"},
      {Form::a_b, 9, 16, 9, "02.4 attention output of one head P V (9, 9)·(9, 16)"},
      {Form::a_bt, 8, 3072, 768, "02.2 BERT-base feed-forward in, 8 tokens (8, 768)·(3072, 768)ᵀ"},
      {Form::a_bt, 8, 512, 128, "02.2 BERT-tiny feed-forward in, 8 tokens (8, 128)·(512, 128)ᵀ"}};
}

Matrix random_matrix(int rows, int cols, std::uint32_t seed) {
  lab::NumpyRandom rng(seed);
  return lab::nn::randn_matrix(rows, cols, rng);
}

struct Operands {
  Matrix a, b, c;
};

// A and B stored as the form reads them: A (m, k) or (k, m) for Aᵀ·B; B (k, n) or (n, k) for A·Bᵀ.
Operands operands(const Shape& s) {
  Operands o;
  o.a = s.form == Form::at_b ? random_matrix(s.k, s.m, 1) : random_matrix(s.m, s.k, 1);
  o.b = s.form == Form::a_bt ? random_matrix(s.n, s.k, 2) : random_matrix(s.k, s.n, 2);
  o.c = Matrix::Zero(s.m, s.n);
  return o;
}

void multiply(const Shape& s, Operands& o) {
  switch (s.form) {
    case Form::a_b: lab::nn::matmul(o.a, o.b, o.c); break;
    case Form::a_bt: lab::nn::matmul_a_bt(o.a, o.b, o.c); break;
    case Form::at_b: lab::nn::matmul_at_b(o.a, o.b, o.c); break;
  }
}

// FNV-1a over C's bytes, as 16 hex digits.
std::string bits_of(const Matrix& c) {
  std::uint64_t hash = 1469598103934665603ull;
  const auto* bytes = reinterpret_cast<const unsigned char*>(c.data());
  for (std::size_t i = 0; i < std::size_t(c.size()) * sizeof(float); ++i) hash = (hash ^ bytes[i]) * 1099511628211ull;
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Timed rounds per figure: one in the short mode (the test run), else seven, of which the best counts.
int timed_rounds(bool quick) { return quick ? 1 : 7; }

// GFLOP/s of one shape: rounds of `reps` products, each round long enough to time (~20 ms), the best round kept.
double measure(const Shape& s, bool quick) {
  Operands o = operands(s);
  const double flops = 2.0 * s.m * s.n * s.k;
  int reps = 1;
  for (;;) {  // find a round length of about 20 ms; this is also the warm-up
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < reps; ++r) multiply(s, o);
    if (quick || seconds_since(start) > 0.02) break;
    reps *= 2;
  }
  const int rounds = timed_rounds(quick);
  double best = 1e30;
  for (int round = 0; round < rounds; ++round) {
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < reps; ++r) multiply(s, o);
    best = std::min(best, seconds_since(start) / reps);
  }
  return flops / best / 1e9;
}

void report_peak(const std::string& kernel, int lanes, double gflops) {
  std::cout << lab::json{{"kernel", kernel}, {"lanes", lanes}, {"peak", gflops}}.dump() << std::endl;
}

void report(const std::string& kernel, bool quick) {
  for (const Shape& s : shapes()) {
    Operands o = operands(s);
    multiply(s, o);
    const std::string bits = bits_of(o.c);
    const double gflops = measure(s, quick);
    std::cout << lab::json{{"kernel", kernel}, {"form", form_name(s.form)}, {"m", s.m},         {"n", s.n},
                           {"k", s.k},         {"where", s.where},          {"gflops", gflops}, {"bits", bits}}
                     .dump()
              << std::endl;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--short") == 0;
  const int rounds = timed_rounds(quick);
#ifdef LAB_BENCH_KERNEL
  report(LAB_BENCH_KERNEL, quick);
#ifdef __wasm_simd128__
  report_peak(LAB_BENCH_KERNEL, 4, lab::bench::mul_add_peak<4>(rounds));
#else
  report_peak(LAB_BENCH_KERNEL, 1, lab::bench::mul_add_peak<1>(rounds));
#endif
#elif defined(__x86_64__)
  lab::nn::matmul_allow_avx2(false);
  report("sse", quick);
  report_peak("sse", 4, lab::bench::mul_add_peak<4>(rounds));
  lab::nn::matmul_allow_avx2(true);
  lab::nn::matmul_allow_avx512(false);
  if (lab::nn::matmul_uses_avx2()) {
    report("avx2", quick);
    report_peak("avx2", 8, lab::bench::mul_add_peak_avx2(rounds));
  }
  lab::nn::matmul_allow_avx512(true);
  if (lab::nn::matmul_uses_avx512()) {
    report("avx512", quick);
    report_peak("avx512", 16, lab::bench::mul_add_peak_avx512(rounds));
  }
#else
  report("portable", quick);
  report_peak("portable", 1, lab::bench::mul_add_peak<1>(rounds));
#endif
  return 0;
}
