// The attention kernel: softmax rows, causal zeros, and the output as a weighted average of values.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/nn/attention.hpp"
#include "core/nn/layers.hpp"

using lab::nn::Matrix;

TEST_CASE("softmax rows are positive and sum to 1", "[attention]") {
  lab::NumpyRandom rng(3);
  Matrix scores = lab::nn::randn_matrix(7, 7, rng) * 5.0f;
  const Matrix original = scores;
  lab::nn::softmax_rows(scores, false);
  for (int i = 0; i < 7; ++i) {
    CHECK(scores.row(i).sum() == Approx(1.0f).margin(1e-6));
    double denominator = 0.0;
    for (int j = 0; j < 7; ++j) denominator += std::exp(double(original(i, j)));
    for (int j = 0; j < 7; ++j)
      CHECK(scores(i, j) == Approx(std::exp(double(original(i, j))) / denominator).epsilon(1e-5));
  }
}

TEST_CASE("softmax is stable for huge scores", "[attention]") {
  Matrix scores(1, 3);
  scores << 1000.0f, 1000.0f, -1000.0f;
  lab::nn::softmax_rows(scores, false);
  CHECK(scores(0, 0) == Approx(0.5f));
  CHECK(scores(0, 2) == 0.0f);
}

TEST_CASE("causal attention puts exact zeros above the diagonal and rows still sum to 1", "[attention]") {
  const int seq_len = GENERATE(1, 2, 6, 33);
  lab::NumpyRandom rng(seq_len);
  const Matrix q = lab::nn::randn_matrix(seq_len, 8, rng), k = lab::nn::randn_matrix(seq_len, 8, rng),
               v = lab::nn::randn_matrix(seq_len, 8, rng);
  Matrix weights(seq_len, seq_len), out(seq_len, 8);
  lab::nn::attention_forward(q, k, v, std::sqrt(8.0f), true, weights, out);
  for (int i = 0; i < seq_len; ++i) {
    CHECK(weights.row(i).sum() == Approx(1.0f).margin(1e-6));
    for (int j = i + 1; j < seq_len; ++j) CHECK(weights(i, j) == 0.0f);
  }
  // The first token can only attend to itself, so its output is its own value vector.
  for (int c = 0; c < 8; ++c) CHECK(out(0, c) == Approx(v(0, c)));
}

TEST_CASE("zero queries attend uniformly, so the output is the mean of the values", "[attention]") {
  lab::NumpyRandom rng(5);
  const Matrix q = Matrix::Zero(4, 3), k = lab::nn::randn_matrix(4, 3, rng), v = lab::nn::randn_matrix(4, 3, rng);
  Matrix weights(4, 4), out(4, 3);
  lab::nn::attention_forward(q, k, v, 1.0f, false, weights, out);
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < 4; ++j) CHECK(weights(i, j) == Approx(0.25f));
    for (int c = 0; c < 3; ++c) CHECK(out(i, c) == Approx(v.col(c).mean()).margin(1e-6));
  }
}
