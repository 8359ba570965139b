// Adam and SGD: the update rules, the PyTorch defaults, and five real Adam steps on the notebook's
// MiniTransformer matching torch.optim.Adam: from tests/reference/fixtures/mini_transformer_ce.json's weights to
// adam_steps.json (make_adam_steps.py wrote it). A missing reference file fails the test.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/json.hpp"
#include "core/nn/models.hpp"
#include "core/nn/optimizer.hpp"
#include "core/nn/schedule.hpp"
#include "reference_files.hpp"

using lab::json;
using namespace lab::nn;

TEST_CASE("Adam's first step moves every parameter by lr against its gradient's sign", "[optimizer]") {
  Parameter p("p", Matrix::Zero(1, 3));
  p.grad << 0.5f, -2.0f, 1e-3f;
  Adam adam({&p}, AdamSettings{0.01});
  adam.step();
  // m̂ = g, v̂ = g², so the step is lr · g / (|g| + eps)
  CHECK(p.value(0, 0) == Approx(-0.01).epsilon(1e-5));
  CHECK(p.value(0, 1) == Approx(0.01).epsilon(1e-5));
  CHECK(p.value(0, 2) == Approx(-0.01).epsilon(1e-4));
  CHECK(adam.steps_taken() == 1);
}

TEST_CASE("Adam skips frozen parameters and zero_grad clears gradients", "[optimizer]") {
  Parameter frozen("base.weight", Matrix::Ones(2, 2), false), trained("lora_B", Matrix::Ones(2, 2));
  frozen.grad.setOnes();
  trained.grad.setOnes();
  Adam adam({&frozen, &trained});
  adam.step();
  CHECK(frozen.value == Matrix::Ones(2, 2));
  CHECK(trained.value(0, 0) == Approx(1.0 - 1e-3));
  adam.zero_grad();
  CHECK(trained.grad.isZero());
}

TEST_CASE("SGD with momentum accumulates a velocity", "[optimizer]") {
  Parameter p("p", Matrix::Zero(1, 1));
  Sgd sgd({&p}, SgdSettings{0.1, 0.9});
  p.grad(0, 0) = 1.0f;
  sgd.step();  // b = 1
  CHECK(p.value(0, 0) == Approx(-0.1));
  sgd.step();  // b = 0.9 + 1 = 1.9
  CHECK(p.value(0, 0) == Approx(-0.29));
}

TEST_CASE("five Adam steps on the mini transformer match torch.optim.Adam", "[optimizer][fixture]") {
  const json fixture = lab_test::load_reference_json("fixtures/mini_transformer_ce.json");
  const json expected = lab_test::load_reference_json("adam_steps.json");

  lab::NumpyRandom rng(0);
  MiniTransformer model(10, 32, 2, 64, 4, rng);
  const ParameterList params = model.parameters();
  for (Parameter* p : params) {
    const json& data = fixture["params"][p->name]["data"];
    for (Eigen::Index i = 0; i < p->value.size(); ++i) p->value.data()[i] = data[std::size_t(i)].get<float>();
  }
  std::vector<int> tokens;
  for (const auto& row : fixture["inputs"]["tokens"]) {
    for (const auto& t : row) tokens.push_back(t.get<int>());
  }
  Adam adam(params, AdamSettings{1e-3});
  double worst_loss = 0;
  for (int step = 0; step <= 5; ++step) {
    Tape tape;
    const Var loss = cross_entropy(tape, model.forward(tape, tokens, 8), tokens);
    const double reference = expected["losses"][std::size_t(step)].get<double>();
    worst_loss = std::max(worst_loss, std::fabs(tape.item(loss) - reference) / reference);
    if (step == 5) break;
    adam.zero_grad();
    tape.backward(loss);
    adam.step();
  }
  // The key bias's true gradient is 0 (see test_models.cpp), so Adam moves it by ±lr on rounding noise in both
  // frameworks: it is left out here.
  double worst_weight = 0;
  for (const Parameter* p : params) {
    if (p->name == "block.attn.W_k.bias") continue;
    const json& after = expected["params_after"][p->name];
    for (Eigen::Index i = 0; i < p->value.size(); ++i) {
      worst_weight = std::max(worst_weight, double(std::fabs(p->value.data()[i] - after[std::size_t(i)].get<float>())));
    }
  }
  WARN("after 5 Adam steps: worst loss relative error " << worst_loss << ", worst weight difference " << worst_weight);
  CHECK(worst_loss < 1e-5);
  CHECK(worst_weight < 1e-5);  // each step moves a weight by ~1e-3
}

TEST_CASE("the warmup schedule peaks at the end of warmup", "[schedule]") {
  CHECK(warmup_learning_rate(100, 100, 768) == Approx(0.0036084391824351613).epsilon(1e-12));
  CHECK(warmup_learning_rate(50, 100, 768) == Approx(warmup_learning_rate(100, 100, 768) / 2).epsilon(1e-12));
  CHECK(warmup_learning_rate(400, 100, 768) == Approx(warmup_learning_rate(100, 100, 768) / 2).epsilon(1e-12));
}
