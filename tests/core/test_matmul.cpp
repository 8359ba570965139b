// The matmul kernels: every float kernel (plain floats, SSE, AVX2) sums in exactly the plain i-k-j order (bit for
// bit), at every shape and stride, so the native and wasm builds agree; the transposed forms compute the right
// products. (The wasm SIMD128 kernel is held to the same bits by tests/node/: its product equals these.)
#include <catch2/catch.hpp>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "core/nn/kernels/product.hpp"
#include "core/nn/layers.hpp"
#include "core/nn/matmul.hpp"
#include "core/random/numpy_random.hpp"

using lab::nn::Accumulate;
using lab::nn::Matrix;

namespace {

// C = A B summed k = 0, 1, 2, ... for every element: the order the kernel promises.
Matrix plain_product(const Matrix& a, const Matrix& b) {
  Matrix c = Matrix::Zero(a.rows(), b.cols());
  for (Eigen::Index i = 0; i < a.rows(); ++i) {
    for (Eigen::Index k = 0; k < a.cols(); ++k) {
      for (Eigen::Index j = 0; j < b.cols(); ++j) c(i, j) += a(i, k) * b(k, j);
    }
  }
  return c;
}

Matrix random_matrix(int rows, int cols, std::uint32_t seed) {
  lab::NumpyRandom rng(seed);
  return lab::nn::randn_matrix(rows, cols, rng);
}

// Every float kernel this machine can run, by name.
struct NamedKernel {
  std::string name;
  std::function<void(const lab::nn::kernels::Product<float>&)> run;
};
std::vector<NamedKernel> float_kernels() {
  namespace k = lab::nn::kernels;
  std::vector<NamedKernel> all{{"portable", k::product_portable}};
#ifdef LAB_KERNEL_SSE
  all.push_back({"sse", k::product_sse});
  if (__builtin_cpu_supports("avx2")) all.push_back({"avx2", k::product_avx2});
  if (__builtin_cpu_supports("avx512f")) all.push_back({"avx512", k::product_avx512});
#endif
  return all;
}

bool same_bits(const std::vector<float>& x, const std::vector<float>& y) {
  return x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size() * sizeof(float)) == 0;
}

// One kernel against product_plain on C (M, N) = A (M, K) · B (K, N), with A stored as it is or transposed (K, M),
// C overwritten or added to, with and without a bias (N), and every matrix a block of a wider one (row strides
// larger than the widths). With a bias, the kernel must give the unbiased plain product followed by a separate
// pass adding bias[j] (the bias after the whole sum, never before it), and product_plain must give the same.
void check_kernel_on(const NamedKernel& kernel, int m, int n, int k, std::uint32_t seed) {
  lab::NumpyRandom rng(seed);
  const int pad = 3;
  std::vector<float> a(std::size_t(m + pad) * (k + pad)), b(std::size_t(k) * (n + pad)),
      start(std::size_t(m) * (n + pad)), bias(static_cast<std::size_t>(n));
  for (float& x : a) x = float(rng.randn());
  for (float& x : b) x = float(rng.randn());
  for (float& x : start) x = float(rng.randn());
  for (float& x : bias) x = float(rng.randn());
  for (const bool transposed : {false, true}) {
    for (const bool add : {false, true}) {
      lab::nn::kernels::Product<float> p{m,        n,       k,       a.data(), k + pad, 1,
                                         b.data(), n + pad, nullptr, n + pad,  add,     nullptr};
      if (transposed) {  // A stored (K, M + pad): A[i, k] at a[k * (M + pad) + i]
        p.a_row = 1;
        p.a_step = m + pad;
      }
      std::vector<float> expected = start, got = start;
      p.c = expected.data();
      lab::nn::kernels::product_plain(p);
      p.c = got.data();
      kernel.run(p);
      INFO(kernel.name << " M=" << m << " N=" << n << " K=" << k << (transposed ? " Aᵀ" : " A")
                       << (add ? " accumulate" : " overwrite"));
      REQUIRE(same_bits(got, expected));
      for (int i = 0; i < m; ++i) {  // the separate bias pass
        for (int j = 0; j < n; ++j) expected[std::size_t(i) * (n + pad) + j] += bias[std::size_t(j)];
      }
      p.bias = bias.data();
      std::vector<float> biased = start, plain_biased = start;
      p.c = biased.data();
      kernel.run(p);
      p.c = plain_biased.data();
      lab::nn::kernels::product_plain(p);
      INFO("with a bias");
      REQUIRE(same_bits(biased, expected));
      REQUIRE(same_bits(plain_biased, expected));
    }
  }
}

}  // namespace

TEST_CASE(
    "every float kernel gives the plain order's bits on ragged shapes, both A forms, overwrite and add, "
    "with and without a bias",
    "[matmul][kernels]") {
  const auto kernels = float_kernels();
  REQUIRE(kernels.size() >= 1);
  for (const NamedKernel& kernel : kernels) {
    for (int m = 1; m <= 13; ++m) {  // every small shape: each edge of every tile height (up to 12) and width
      for (int n = 1; n <= 19; ++n) {
        for (const int k : {1, 2, 5}) check_kernel_on(kernel, m, n, k, std::uint32_t(m * 10007 + n * 101 + k));
      }
    }
    for (const int m : {15, 16, 17, 31, 32, 33, 64, 67}) {  // full tiles and one past them
      for (const int n : {7, 8, 16, 17, 31, 32, 33, 48, 60, 67})
        check_kernel_on(kernel, m, n, 13, std::uint32_t(m * n));
    }
    lab::NumpyRandom rng(2026);
    for (int trial = 0; trial < 60; ++trial) {  // random shapes, each side 1..67
      const int m = 1 + int(rng.randint(0, 67)), n = 1 + int(rng.randint(0, 67)), k = 1 + int(rng.randint(0, 67));
      check_kernel_on(kernel, m, n, k, std::uint32_t(trial));
    }
  }
}

TEST_CASE("all three products give the plain bits with each kernel the CPU has, overwrite and add", "[matmul]") {
  const int m = GENERATE(1, 6, 13, 67), n = GENERATE(1, 9, 16, 67), k = GENERATE(1, 31, 67, 300);
  const Matrix a = random_matrix(m, k, 21), b = random_matrix(k, n, 22), start = random_matrix(m, n, 23);
  const Matrix at = a.transpose(), bt = b.transpose();  // Aᵀ (K, M), Bᵀ (N, K)
  Matrix expected = start;
  for (Eigen::Index i = 0; i < m; ++i) {
    for (Eigen::Index kk = 0; kk < k; ++kk) {
      for (Eigen::Index j = 0; j < n; ++j) expected(i, j) += a(i, kk) * b(kk, j);
    }
  }
  const Matrix product = plain_product(a, b);
  for (const int wide : {2, 1, 0}) {  // AVX-512 (where the CPU has it), AVX2, SSE
    lab::nn::matmul_allow_avx2(wide >= 1);
    lab::nn::matmul_allow_avx512(wide >= 2);
    Matrix c1(m, n), c2(m, n), c3(m, n), d1 = start, d2 = start, d3 = start;
    lab::nn::matmul(a, b, c1);
    lab::nn::matmul_a_bt(a, bt, c2);
    lab::nn::matmul_at_b(at, b, c3);
    lab::nn::matmul(a, b, d1, Accumulate::add);
    lab::nn::matmul_a_bt(a, bt, d2, Accumulate::add);
    lab::nn::matmul_at_b(at, b, d3, Accumulate::add);
    INFO("AVX2 allowed: " << (wide >= 1) << ", AVX-512 allowed: " << (wide >= 2));
    CHECK(c1 == product);
    CHECK(c2 == product);
    CHECK(c3 == product);
    CHECK(d1 == expected);
    CHECK(d2 == expected);
    CHECK(d3 == expected);
  }
  lab::nn::matmul_allow_avx2(true);
  lab::nn::matmul_allow_avx512(true);
}

TEST_CASE("the tiled float kernel equals the plain i-k-j loop bit for bit, at any shape", "[matmul]") {
  const int rows = GENERATE(1, 3, 4, 5, 17);
  const int depth = GENERATE(1, 7, 32, 300);  // 300 crosses the 256-long slices of k
  const int cols = GENERATE(1, 3, 4, 16, 21, 37);
  const Matrix a = random_matrix(rows, depth, 1), b = random_matrix(depth, cols, 2);
  Matrix c(rows, cols);
  lab::nn::matmul(a, b, c);
  CHECK(c == plain_product(a, b));
}

TEST_CASE("the four-lane kernel and the eight-lane AVX2 kernel give the same bits", "[matmul]") {
  const int rows = GENERATE(1, 5, 13);
  const int cols = GENERATE(3, 8, 16, 27);
  const Matrix a = random_matrix(rows, 300, 11), b = random_matrix(300, cols, 12),
               start = random_matrix(rows, cols, 13);
  Matrix wide = start, narrow = start;
  lab::nn::matmul(a, b, wide, Accumulate::add);
  lab::nn::matmul_allow_avx2(false);
  CHECK_FALSE(lab::nn::matmul_uses_avx2());
  lab::nn::matmul(a, b, narrow, Accumulate::add);
  lab::nn::matmul_allow_avx2(true);
  CHECK(wide == narrow);
  CHECK(narrow == [&] {
    Matrix c = start;
    for (Eigen::Index i = 0; i < rows; ++i) {
      for (Eigen::Index k = 0; k < 300; ++k) {
        for (Eigen::Index j = 0; j < cols; ++j) c(i, j) += a(i, k) * b(k, j);
      }
    }
    return c;
  }());
}

TEST_CASE("accumulating adds the product to what C held, in the same order", "[matmul]") {
  const Matrix a = random_matrix(6, 9, 3), b = random_matrix(9, 20, 4), start = random_matrix(6, 20, 5);
  Matrix c = start;
  lab::nn::matmul(a, b, c, Accumulate::add);
  Matrix expected = start;
  for (Eigen::Index i = 0; i < 6; ++i) {
    for (Eigen::Index k = 0; k < 9; ++k) {
      for (Eigen::Index j = 0; j < 20; ++j) expected(i, j) += a(i, k) * b(k, j);
    }
  }
  CHECK(c == expected);
}

TEST_CASE("A·Bᵀ and Aᵀ·B equal the plain product of the transposed matrix", "[matmul]") {
  const Matrix a = random_matrix(7, 5, 6), b = random_matrix(11, 5, 7), a2 = random_matrix(5, 7, 8);
  Matrix c(7, 11), d(7, 11);
  lab::nn::matmul_a_bt(a, b, c);
  CHECK(c == plain_product(a, b.transpose()));
  lab::nn::matmul_at_b(a2, b.transpose(), d);
  CHECK(d == plain_product(a2.transpose(), b.transpose()));
}

TEST_CASE("blocks of larger matrices (one attention head's columns) multiply in place", "[matmul]") {
  const Matrix qkv = random_matrix(6, 12, 9);  // (T, 3C) with C = 4: heads of width 2 are column blocks
  Matrix out = Matrix::Constant(6, 6, 42.0f);
  lab::nn::matmul_a_bt(qkv.block(0, 2, 6, 2), qkv.block(0, 6, 6, 2), out);
  const Matrix q = qkv.block(0, 2, 6, 2), k = qkv.block(0, 6, 6, 2);
  CHECK(out == plain_product(q, k.transpose()));
  Matrix wide = Matrix::Zero(6, 12);
  lab::nn::matmul(qkv.leftCols(4), Matrix::Identity(4, 4), wide.middleCols(4, 4));
  CHECK(wide.middleCols(4, 4) == qkv.leftCols(4));
  CHECK(wide.leftCols(4).isZero());
}

TEST_CASE("A·Bᵀ of few rows against a wide B (run as its transpose) gives the plain bits, in blocks, overwrite and add",
          "[matmul]") {
  const int m = GENERATE(4, 5, 7, 8, 9, 13, 16, 17), n = GENERATE(40, 67, 300), k = GENERATE(33, 300);
  // A, B and C as blocks of larger matrices, so every stride differs from the block's width.
  const Matrix a_store = random_matrix(m + 1, k + 3, 31), b_store = random_matrix(n + 2, k + 3, 32);
  const Matrix start = random_matrix(m, n, 33);
  const auto a = a_store.block(1, 2, m, k);
  const auto b = b_store.block(2, 1, n, k);
  Matrix expected = start;
  for (Eigen::Index i = 0; i < m; ++i) {
    for (Eigen::Index kk = 0; kk < k; ++kk) {
      for (Eigen::Index j = 0; j < n; ++j) expected(i, j) += a(i, kk) * b(j, kk);
    }
  }
  const Matrix product = plain_product(a, b.transpose());
  for (const int wide : {2, 1, 0}) {  // AVX-512 (where the CPU has it), AVX2, SSE
    lab::nn::matmul_allow_avx2(wide >= 1);
    lab::nn::matmul_allow_avx512(wide >= 2);
    Matrix c_store = Matrix::Constant(m + 2, n + 3, 7.0f), d_store = Matrix::Constant(m + 2, n + 3, 7.0f);
    d_store.block(1, 2, m, n) = start;
    lab::nn::matmul_a_bt(a, b, c_store.block(1, 2, m, n));
    lab::nn::matmul_a_bt(a, b, d_store.block(1, 2, m, n), Accumulate::add);
    INFO("m " << m << ", n " << n << ", k " << k << ", AVX2 allowed: " << (wide >= 1)
              << ", AVX-512 allowed: " << (wide >= 2));
    CHECK(Matrix(c_store.block(1, 2, m, n)) == product);
    CHECK(Matrix(d_store.block(1, 2, m, n)) == expected);
    c_store.block(1, 2, m, n).setConstant(7.0f);  // nothing outside the block was written
    CHECK((c_store.array() == 7.0f).all());
  }
  lab::nn::matmul_allow_avx2(true);
  lab::nn::matmul_allow_avx512(true);
}

TEST_CASE("A·Bᵀ + bias gives the bits of A·Bᵀ followed by a separate bias pass, on both paths, in every kernel",
          "[matmul][bias]") {
  // Ragged shapes 1…67, a depth past the 256-long slices of k (the bias must come after the last slice only, not
  // at each), and few rows against a wide B (the product run as its transpose).
  const int m = GENERATE(1, 4, 5, 13, 16, 67), n = GENERATE(1, 9, 16, 17, 40, 67), k = GENERATE(1, 31, 67, 300);
  const Matrix a_store = random_matrix(m + 1, k + 3, 41), b_store = random_matrix(n + 2, k + 3, 42);
  const Matrix start = random_matrix(m, n, 43), bias_store = random_matrix(2, n + 1, 44);
  const auto a = a_store.block(1, 2, m, k);
  const auto b = b_store.block(2, 1, n, k);
  const auto bias = bias_store.block(1, 1, 1, n);
  for (const int wide : {2, 1, 0}) {  // AVX-512 (where the CPU has it), AVX2, SSE
    lab::nn::matmul_allow_avx2(wide >= 1);
    lab::nn::matmul_allow_avx512(wide >= 2);
    for (const Accumulate mode : {Accumulate::overwrite, Accumulate::add}) {
      Matrix expected = start;
      lab::nn::matmul_a_bt(a, b, expected, mode);
      for (Eigen::Index i = 0; i < m; ++i) {
        for (Eigen::Index j = 0; j < n; ++j) expected(i, j) += bias(0, j);
      }
      Matrix c_store = Matrix::Constant(m + 2, n + 3, 7.0f);
      c_store.block(1, 2, m, n) = start;
      lab::nn::matmul_a_bt(a, b, bias, c_store.block(1, 2, m, n), mode);
      INFO("m " << m << ", n " << n << ", k " << k << ", AVX2 allowed: " << (wide >= 1)
                << ", AVX-512 allowed: " << (wide >= 2) << (mode == Accumulate::add ? ", add" : ", overwrite"));
      const Matrix got = c_store.block(1, 2, m, n);
      CHECK(std::memcmp(got.data(), expected.data(), sizeof(float) * std::size_t(got.size())) == 0);
      c_store.block(1, 2, m, n).setConstant(7.0f);  // nothing outside the block was written
      CHECK((c_store.array() == 7.0f).all());
    }
  }
  lab::nn::matmul_allow_avx2(true);
  lab::nn::matmul_allow_avx512(true);
  // The double product (the reference order itself) adds its bias the same way.
  const lab::nn::MatrixOf<double> ad = a.cast<double>(), bd = b.cast<double>(), biasd = bias.cast<double>();
  lab::nn::MatrixOf<double> plain(m, n), biased(m, n);
  lab::nn::matmul_a_bt(ad, bd, plain);
  lab::nn::matmul_a_bt(ad, bd, biasd, biased);
  plain.rowwise() += biasd.row(0);
  CHECK(biased == plain);
}

TEST_CASE("double precision uses the same plain order", "[matmul]") {
  lab::nn::MatrixOf<double> a(2, 3), b(3, 2), c(2, 2);
  a << 1, 2, 3, 4, 5, 6;
  b << 7, 8, 9, 10, 11, 12;
  lab::nn::matmul(a, b, c);
  CHECK(c(0, 0) == 58.0);
  CHECK(c(1, 1) == 154.0);
}

TEST_CASE("float products count their arithmetic, 2·m·n·k each, in every form and over long sums", "[matmul]") {
  const Matrix a = random_matrix(7, 300, 10), b = random_matrix(300, 21, 11), bt = random_matrix(37, 300, 12);
  Matrix c(7, 21), d(7, 37), e(300, 300);
  const double before = lab::nn::float_product_flops();
  lab::nn::matmul(a, b, c);  // k = 300 runs in two slices: still counted once
  CHECK(lab::nn::float_product_flops() - before == 2.0 * 7 * 21 * 300);
  lab::nn::matmul_a_bt(a, bt, d, Accumulate::add);  // 7 rows against 37: run as its transpose, 8 columns wide
  CHECK(lab::nn::float_product_flops() - before == 2.0 * 7 * 21 * 300 + 2.0 * 7 * 37 * 300);
  lab::nn::matmul_at_b(a, a, e);  // A (7, 300): Aᵀ·A is (300, 300), summed over 7
  CHECK(lab::nn::float_product_flops() - before == 2.0 * 7 * 21 * 300 + 2.0 * 7 * 37 * 300 + 2.0 * 300 * 300 * 7);
}
