// Sinusoidal positional encoding: the formula entry by entry, odd and tiny sizes, and the distance property.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/nn/positional_encoding.hpp"

using lab::nn::Matrix;

TEST_CASE("each entry is sin or cos of position times its frequency", "[positional_encoding]") {
  const int d_model = GENERATE(2, 6, 64, 130);
  const int seq_len = GENERATE(1, 7, 50);
  const Matrix pe = lab::nn::positional_encoding(seq_len, d_model);
  REQUIRE(pe.rows() == seq_len);
  REQUIRE(pe.cols() == d_model);
  for (int t = 0; t < seq_len; ++t) {
    for (int i = 0; i < d_model / 2; ++i) {
      const double w = std::exp(2.0 * i * -std::log(10000.0) / d_model);
      CHECK(pe(t, 2 * i) == Approx(std::sin(t * w)).margin(2e-5));
      CHECK(pe(t, 2 * i + 1) == Approx(std::cos(t * w)).margin(2e-5));
    }
  }
}

TEST_CASE("position 0 is [0, 1, 0, 1, ...]", "[positional_encoding]") {
  const Matrix pe = lab::nn::positional_encoding(3, 10);
  for (int c = 0; c < 10; ++c) CHECK(pe(0, c) == (c % 2 == 0 ? 0.0f : 1.0f));
}

TEST_CASE("PE[a]·PE[b] depends only on |a - b|", "[positional_encoding]") {
  const Matrix pe = lab::nn::positional_encoding(40, 32);
  for (int distance : {0, 1, 5, 17}) {
    const float reference = pe.row(0).dot(pe.row(distance));
    for (int a = 1; a + distance < 40; a += 3)
      CHECK(pe.row(a).dot(pe.row(a + distance)) == Approx(reference).margin(1e-4));
  }
}

TEST_CASE("odd or zero widths are refused", "[positional_encoding]") {
  CHECK_THROWS(lab::nn::positional_encoding(5, 63));
  CHECK_THROWS(lab::nn::positional_encoding(0, 64));
}
