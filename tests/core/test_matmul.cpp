// The matmul kernels: the tiled float kernel sums in exactly the plain i-k-j order (bit for bit), at every shape
// and stride, so the native and wasm builds agree; the transposed forms compute the right products.
#include <catch2/catch.hpp>

#include "core/nn/layers.hpp"
#include "core/nn/matmul.hpp"

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

}  // namespace

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

TEST_CASE("double precision uses the same plain order", "[matmul]") {
  lab::nn::MatrixOf<double> a(2, 3), b(3, 2), c(2, 2);
  a << 1, 2, 3, 4, 5, 6;
  b << 7, 8, 9, 10, 11, 12;
  lab::nn::matmul(a, b, c);
  CHECK(c(0, 0) == 58.0);
  CHECK(c(1, 1) == 154.0);
}
