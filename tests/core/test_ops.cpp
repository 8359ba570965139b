// Every differentiable op against finite differences, in double precision: the analytic gradient of a random
// weighted sum of the op's output must equal (f(x + h) − f(x − h)) / 2h for every input element.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstring>
#include <functional>

#include "core/nn/attention.hpp"
#include "core/nn/layers.hpp"
#include "core/nn/matmul.hpp"
#include "core/nn/ops.hpp"
#include "core/random/numpy_random.hpp"

using namespace lab::nn;
using Mat = MatrixOf<double>;
using DTape = TapeOf<double>;

namespace {

Mat random(int rows, int cols, std::uint32_t seed, double spread = 1.0) {
  lab::NumpyRandom rng(seed);
  Mat m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = spread * rng.randn();
  return m;
}

// Reduces an op's output to a scalar with fixed random weights, so every output element matters differently.
Var weighted_sum(DTape& tape, Var out) {
  const Mat& value = tape.value(out);
  const Var weights = tape.constant(random(int(value.rows()), int(value.cols()), 777));
  return sum(tape, mul(tape, out, weights));
}

using Build = std::function<Var(DTape&, const std::vector<Var>&)>;

// Largest |analytic − numeric| / (1 + |numeric|) over every element of every input.
double gradient_error(std::vector<Mat> inputs, const Build& build) {
  std::vector<ParameterOf<double>> params;
  for (std::size_t i = 0; i < inputs.size(); ++i) params.emplace_back("input" + std::to_string(i), inputs[i]);
  auto loss_at = [&](bool gradients) {
    DTape tape(gradients);
    std::vector<Var> vars;
    for (auto& p : params) vars.push_back(tape.parameter(p));
    const Var loss = build(tape, vars);
    if (gradients) tape.backward(loss);
    return tape.item(loss);
  };
  loss_at(true);
  const double h = 1e-5;
  double worst = 0.0;
  for (auto& p : params) {
    const Mat analytic = p.grad;
    for (Eigen::Index i = 0; i < p.value.size(); ++i) {
      const double saved = p.value.data()[i];
      p.value.data()[i] = saved + h;
      const double up = loss_at(false);
      p.value.data()[i] = saved - h;
      const double down = loss_at(false);
      p.value.data()[i] = saved;
      const double numeric = (up - down) / (2 * h);
      worst = std::max(worst, std::fabs(analytic.data()[i] - numeric) / (1.0 + std::fabs(numeric)));
    }
  }
  return worst;
}

}  // namespace

TEST_CASE("matmul's gradient matches finite differences", "[ops][gradient]") {
  CHECK(gradient_error({random(3, 4, 1), random(4, 5, 2)}, [](DTape& t, const std::vector<Var>& x) {
          return weighted_sum(t, matmul(t, x[0], x[1]));
        }) < 1e-8);
}

TEST_CASE("linear's gradient matches finite differences, with and without bias", "[ops][gradient]") {
  CHECK(gradient_error({random(5, 3, 1), random(4, 3, 2), random(1, 4, 3)}, [](DTape& t, const std::vector<Var>& x) {
          return weighted_sum(t, linear(t, x[0], x[1], x[2]));
        }) < 1e-8);
  CHECK(gradient_error({random(5, 3, 1), random(4, 3, 2)}, [](DTape& t, const std::vector<Var>& x) {
          return weighted_sum(t, linear(t, x[0], x[1], Var{}));
        }) < 1e-8);
}

TEST_CASE("add broadcasts a row, or a (T, C) table over a (B*T, C) batch, and sums its gradient back",
          "[ops][gradient]") {
  const int table_rows = GENERATE(6, 1, 3);
  CHECK(gradient_error({random(6, 4, 1), random(table_rows, 4, 2)},
                       [](DTape& t, const std::vector<Var>& x) { return weighted_sum(t, add(t, x[0], x[1])); }) < 1e-8);
}

TEST_CASE("a broadcast row's gradient sums each column's rows in order, bit for bit, at any width", "[ops][tape]") {
  // 32, 8 and 1 columns at a time (ops.cpp): widths that leave every kind of remainder
  const int width = GENERATE(1, 7, 8, 10, 31, 32, 33, 45, 64, 70);
  lab::NumpyRandom rng{std::uint32_t(width)};
  const Matrix x0 = normal_matrix(128, width, 1.0, rng), row0 = normal_matrix(1, width, 1.0, rng);
  const Matrix c = normal_matrix(128, width, 1.0, rng);
  Parameter row_param("row", row0);
  Tape tape;
  const Var out = add(tape, tape.constant(x0), tape.parameter(row_param));
  tape.backward(sum(tape, mul(tape, out, tape.constant(c))));
  Matrix expected = Matrix::Zero(1, width);  // d(row)[j] = c[0, j] + c[1, j] + ... in row order
  for (int r = 0; r < 128; ++r) {
    for (int j = 0; j < width; ++j) expected(0, j) += c(r, j);
  }
  const Matrix& d_row = row_param.grad;
  REQUIRE(d_row.cols() == width);
  CHECK(std::memcmp(d_row.data(), expected.data(), sizeof(float) * std::size_t(width)) == 0);
}

TEST_CASE("mul, scale, relu, gelu and tanh have the right elementwise derivatives", "[ops][gradient]") {
  const Mat a = random(4, 5, 1, 2.0), b = random(4, 5, 2);
  CHECK(gradient_error({a, b},
                       [](DTape& t, const std::vector<Var>& x) { return weighted_sum(t, mul(t, x[0], x[1])); }) < 1e-8);
  CHECK(gradient_error({a}, [](DTape& t, const std::vector<Var>& x) { return weighted_sum(t, scale(t, x[0], -2.5)); }) <
        1e-8);
  CHECK(gradient_error({a}, [](DTape& t, const std::vector<Var>& x) { return weighted_sum(t, relu(t, x[0])); }) < 1e-8);
  CHECK(gradient_error({a}, [](DTape& t, const std::vector<Var>& x) { return weighted_sum(t, gelu(t, x[0])); }) < 1e-8);
  CHECK(gradient_error({a}, [](DTape& t, const std::vector<Var>& x) { return weighted_sum(t, tanh(t, x[0])); }) < 1e-8);
}

TEST_CASE("gelu is PyTorch's exact form x·Φ(x)", "[ops]") {
  DTape tape;
  Mat x(1, 3);
  x << -1.0, 0.0, 2.0;
  const Mat y = tape.value(gelu(tape, tape.constant(x)));
  CHECK(y(0, 0) == Approx(-0.15865525393145707));
  CHECK(y(0, 1) == 0.0);
  CHECK(y(0, 2) == Approx(1.9544997361036416));
}

TEST_CASE("sum and mean reduce to one number and spread the gradient evenly", "[ops][gradient]") {
  CHECK(gradient_error({random(3, 4, 1)}, [](DTape& t, const std::vector<Var>& x) {
          return mul(t, sum(t, x[0]), sum(t, x[0]));  // (Σx)², so the gradient depends on x
        }) < 1e-8);
  CHECK(gradient_error({random(3, 4, 1)},
                       [](DTape& t, const std::vector<Var>& x) { return mul(t, mean(t, x[0]), sum(t, x[0])); }) < 1e-8);
}

TEST_CASE("reshape, transpose and columns move gradients back to where the values came from", "[ops][gradient]") {
  const Mat a = random(4, 6, 1);
  CHECK(gradient_error(
            {a}, [](DTape& t, const std::vector<Var>& x) { return weighted_sum(t, reshape(t, x[0], 8, 3)); }) < 1e-8);
  CHECK(gradient_error({a}, [](DTape& t, const std::vector<Var>& x) { return weighted_sum(t, transpose(t, x[0])); }) <
        1e-8);
  CHECK(gradient_error({a}, [](DTape& t, const std::vector<Var>& x) {
          return weighted_sum(t, mul(t, columns(t, x[0], 1, 3), columns(t, x[0], 3, 3)));  // overlapping slices
        }) < 1e-8);
}

TEST_CASE("embedding adds each position's gradient to its token's row, repeated tokens included", "[ops][gradient]") {
  CHECK(gradient_error({random(5, 3, 1)}, [](DTape& t, const std::vector<Var>& x) {
          return weighted_sum(t, embedding(t, x[0], {4, 0, 4, 2, 4, 1}));
        }) < 1e-8);
}

TEST_CASE("softmax over rows has the Jacobian diag(y) − y yᵀ", "[ops][gradient]") {
  CHECK(gradient_error({random(3, 5, 1, 2.0)},
                       [](DTape& t, const std::vector<Var>& x) { return weighted_sum(t, softmax(t, x[0])); }) < 1e-8);
}

TEST_CASE("layer norm's fused backward matches finite differences for x, gamma and beta", "[ops][gradient]") {
  CHECK(
      gradient_error({random(4, 6, 1, 3.0), random(1, 6, 2), random(1, 6, 3)}, [](DTape& t, const std::vector<Var>& x) {
        return weighted_sum(t, layer_norm(t, x[0], x[1], x[2]));
      }) < 1e-7);
}

TEST_CASE("attention's fused backward matches finite differences, causal or not, over batches and heads",
          "[ops][gradient]") {
  const bool causal = GENERATE(false, true);
  const AttentionShape shape{2, 3, 2, causal};  // B = 2, T = 3, H = 2, D = 2
  CHECK(
      gradient_error({random(6, 4, 1), random(6, 4, 2), random(6, 4, 3)}, [shape](DTape& t, const std::vector<Var>& x) {
        return weighted_sum(t, attention(t, x[0], x[1], x[2], shape));
      }) < 1e-8);
}

TEST_CASE("attention from one input (self-attention without projections) accumulates all three paths",
          "[ops][gradient]") {
  CHECK(gradient_error({random(4, 4, 5)}, [](DTape& t, const std::vector<Var>& x) {
          return weighted_sum(t, attention(t, x[0], x[0], x[0], AttentionShape{1, 4, 2, true}));
        }) < 1e-8);
}

TEST_CASE("attention hands back each head's weights, zero above the diagonal when causal", "[ops]") {
  DTape tape;
  AttentionMapsOf<double> maps;
  const Var x = tape.constant(random(6, 4, 1));
  attention(tape, x, x, x, AttentionShape{2, 3, 2, true}, &maps);
  REQUIRE(maps.shape() == std::array<std::size_t, 4>{2, 2, 3, 3});  // (B, H, T, T)
  for (std::size_t b = 0; b < 2; ++b) {
    for (std::size_t h = 0; h < 2; ++h) {
      for (std::size_t i = 0; i < 3; ++i) {
        double row_sum = 0;
        for (std::size_t j = 0; j < 3; ++j) row_sum += maps(b, h, i, j);
        CHECK(row_sum == Approx(1.0));
        for (std::size_t j = i + 1; j < 3; ++j) CHECK(maps(b, h, i, j) == 0.0);
      }
    }
  }
}

TEST_CASE("mse loss is the mean squared error and its gradient 2(p − t)/n", "[ops][gradient]") {
  const Mat target = random(3, 4, 9);
  CHECK(gradient_error({random(3, 4, 1)},
                       [&](DTape& t, const std::vector<Var>& x) { return mse_loss(t, x[0], target); }) < 1e-8);
  DTape tape;
  Mat p(1, 2), y(1, 2);
  p << 1.0, 3.0;
  y << 0.0, 1.0;
  CHECK(tape.item(mse_loss(tape, tape.constant(p), y)) == 2.5);
}

TEST_CASE("cross-entropy with and without class weights matches finite differences and PyTorch's weighted mean",
          "[ops][gradient]") {
  const std::vector<int> targets = {2, 0, 1, 2, 2};
  const std::vector<double> weights = {0.5, 2.0, 8.0};
  CHECK(gradient_error({random(5, 3, 1, 3.0)},
                       [&](DTape& t, const std::vector<Var>& x) { return cross_entropy(t, x[0], targets); }) < 1e-8);
  CHECK(gradient_error({random(5, 3, 1, 3.0)}, [&](DTape& t, const std::vector<Var>& x) {
          return cross_entropy(t, x[0], targets, weights);
        }) < 1e-8);
  // Uniform logits: every −log p is log 3, so any weighting gives log 3.
  DTape tape;
  CHECK(tape.item(cross_entropy(tape, tape.constant(Mat::Zero(5, 3)), targets, weights)) == Approx(std::log(3.0)));
}

TEST_CASE("cross-entropy stays finite for huge logits", "[ops]") {
  DTape tape;
  Mat logits(1, 2);
  logits << 1000.0, -1000.0;
  CHECK(tape.item(cross_entropy(tape, tape.constant(logits), {1})) == Approx(2000.0));
}

TEST_CASE("parameters keep their gradient across backward passes until zero_grad", "[tape]") {
  ParameterOf<double> w("w", random(2, 2, 1));
  const Mat x = random(3, 2, 2);
  for (int pass = 0; pass < 2; ++pass) {
    DTape tape;
    const Var loss = sum(tape, linear(tape, tape.constant(x), tape.parameter(w), Var{}));
    tape.backward(loss);
  }
  // d Σ(x Wᵀ) / dW[o, i] = Σ_n x[n, i], twice
  for (int o = 0; o < 2; ++o) {
    for (int i = 0; i < 2; ++i) CHECK(w.grad(o, i) == Approx(2 * x.col(i).sum()));
  }
  w.zero_grad();
  CHECK(w.grad.isZero());
}

TEST_CASE("a frozen parameter and an evaluation tape record no gradient", "[tape]") {
  ParameterOf<double> frozen("base.weight", random(2, 2, 1), /*trainable=*/false);
  ParameterOf<double> trained("lora_B", random(2, 2, 2));
  DTape tape;
  const Var x = tape.constant(random(3, 2, 3));
  const Var y =
      add(tape, linear(tape, x, tape.parameter(frozen), Var{}), linear(tape, x, tape.parameter(trained), Var{}));
  tape.backward(sum(tape, y));
  CHECK(frozen.grad.isZero());
  CHECK_FALSE(trained.grad.isZero());

  DTape evaluation(/*gradients=*/false);
  const Var z = linear(evaluation, evaluation.constant(random(3, 2, 3)), evaluation.parameter(trained), Var{});
  CHECK_FALSE(evaluation.needs_grad(z));
}

TEST_CASE("a gradient is written whole by the first rule to reach it and added to by the rest, bit for bit", "[tape]") {
  lab::NumpyRandom rng(5);
  const Matrix u0 = normal_matrix(5, 6, 1.0, rng), w0 = normal_matrix(6, 6, 1.0, rng);
  const Matrix c_product = normal_matrix(5, 6, 1.0, rng);
  Matrix c_add = normal_matrix(5, 6, 1.0, rng);
  c_add(0, 0) = -0.0f;  // its gradient share is −0, which adding to zeros turns into +0
  for (const bool product_first : {true, false}) {
    INFO("the product's rule runs " << (product_first ? "first" : "second"));
    Parameter u_param("u", u0), w_param("w", w0);
    Tape tape;
    const Var u = scale(tape, tape.parameter(u_param), 1.0f);  // an intermediate (5, 6): its gradient is the test's
    const Var w = tape.parameter(w_param);
    const Var unused = relu(tape, u);  // reached by no rule: its gradient reads zeros
    // backward runs rules newest first, so the node recorded last reaches u first
    Var by_product, by_add;
    if (product_first) {
      by_add = add(tape, u, tape.constant(Matrix::Zero(1, 6)));
      by_product = matmul(tape, u, w);
    } else {
      by_product = matmul(tape, u, w);
      by_add = add(tape, u, tape.constant(Matrix::Zero(1, 6)));
    }
    const Var loss =
        sum(tape, add(tape, mul(tape, by_product, tape.constant(c_product)), mul(tape, by_add, tape.constant(c_add))));
    tape.backward(loss);

    Matrix add_share = c_add;
    add_share(0, 0) = 0.0f;  // +0
    Matrix expected(5, 6);   // du = d(by_product) wᵀ and d(by_add), in the order the rules ran
    if (product_first) {
      matmul_a_bt(c_product, w0, expected);
      expected += add_share;
    } else {
      expected = add_share;
      matmul_a_bt(c_product, w0, expected, Accumulate::add);
    }
    const Matrix& du = tape.grad(u);
    CHECK(std::memcmp(du.data(), expected.data(), sizeof(float) * std::size_t(du.size())) == 0);
    CHECK_FALSE(std::signbit(tape.grad(by_add)(0, 0)));
    CHECK(tape.grad(unused).isZero(0.0f));
  }
}

TEST_CASE("attention writes its inputs' gradients whole when nothing has reached them, bit for bit", "[tape]") {
  lab::NumpyRandom rng(6);
  const AttentionShape shape{2, 3, 2, true};  // B 2, T 3, H 2: (6, 4) inputs, D 2
  const Matrix q0 = normal_matrix(6, 4, 1.0, rng), k0 = normal_matrix(6, 4, 1.0, rng),
               v0 = normal_matrix(6, 4, 1.0, rng);
  const Matrix c = normal_matrix(6, 4, 1.0, rng);
  for (const bool shared : {false, true}) {  // distinct q, k, v; or one input as all three (then added to)
    INFO((shared ? "q = k = v" : "distinct q, k, v"));
    Parameter qp("q", q0), kp("k", k0), vp("v", v0);
    Tape tape;
    const Var q = scale(tape, tape.parameter(qp), 1.0f);
    const Var k = shared ? q : scale(tape, tape.parameter(kp), 1.0f);
    const Var v = shared ? q : scale(tape, tape.parameter(vp), 1.0f);
    AttentionMaps maps;
    tape.backward(sum(tape, mul(tape, attention(tape, q, k, v, shape, &maps), tape.constant(c))));

    // The same rule by hand, per (sequence, head), adding into zeros (into one matrix when q = k = v).
    const Matrix& kv = shared ? q0 : k0;
    const Matrix& vv = shared ? q0 : v0;
    auto by_hand = [&](Matrix& dq, Matrix& dk, Matrix& dv) {
      for (int b = 0; b < 2; ++b) {
        for (int h = 0; h < 2; ++h) {
          Matrix weights(3, 3);
          for (int i = 0; i < 3; ++i) {
            for (int j = 0; j < 3; ++j) weights(i, j) = maps(b, h, i, j);
          }
          attention_backward(q0.block(b * 3, h * 2, 3, 2), kv.block(b * 3, h * 2, 3, 2), vv.block(b * 3, h * 2, 3, 2),
                             weights, c.block(b * 3, h * 2, 3, 2), std::sqrt(2.0f), dq.block(b * 3, h * 2, 3, 2),
                             dk.block(b * 3, h * 2, 3, 2), dv.block(b * 3, h * 2, 3, 2));
        }
      }
    };
    auto same_bits = [](const Matrix& a, const Matrix& b) {
      return std::memcmp(a.data(), b.data(), sizeof(float) * std::size_t(a.size())) == 0;
    };
    if (shared) {
      Matrix total = Matrix::Zero(6, 4);
      by_hand(total, total, total);
      CHECK(same_bits(tape.grad(q), total));
    } else {
      Matrix dq = Matrix::Zero(6, 4), dk = Matrix::Zero(6, 4), dv = Matrix::Zero(6, 4);
      by_hand(dq, dk, dv);
      CHECK(same_bits(tape.grad(q), dq));
      CHECK(same_bits(tape.grad(k), dk));
      CHECK(same_bits(tape.grad(v), dv));
      CHECK(dq.norm() > 0);
      CHECK(dk.norm() > 0);
      CHECK(dv.norm() > 0);
    }
  }
}
