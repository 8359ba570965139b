// The models against PyTorch: with the weights of tests/reference/fixtures/*.json loaded by name, the loss and every
// parameter's gradient match what PyTorch 1.13 computed (make_pytorch_fixtures.py, on the notebook's own classes)
// within 1e-4 relative. A missing fixture fails the test.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "core/json.hpp"
#include "core/nn/models.hpp"
#include "reference_files.hpp"

using lab::json;
using namespace lab::nn;
using lab::NumpyRandom;

namespace {

Matrix matrix_from(const json& nested, int rows, int cols) {  // any nesting, row-major
  Matrix m(rows, cols);
  Eigen::Index i = 0;
  auto fill = [&](auto&& self, const json& node) -> void {
    if (node.is_array()) {
      for (const auto& child : node) self(self, child);
    } else {
      m.data()[i++] = node.get<float>();
    }
  };
  fill(fill, nested);
  REQUIRE(i == m.size());
  return m;
}

// Loads every parameter by its PyTorch name; the model must have exactly the fixture's parameters.
void load_parameters(const ParameterList& params, const json& fixture) {
  REQUIRE(params.size() == fixture["params"].size());
  for (Parameter* p : params) {
    INFO(p->name);
    REQUIRE(fixture["params"].contains(p->name));
    const json& entry = fixture["params"][p->name];
    REQUIRE(std::size_t(p->value.size()) == entry["data"].size());
    p->value = matrix_from(entry["data"], int(p->value.rows()), int(p->value.cols()));
    p->zero_grad();
  }
}

struct Agreement {
  double loss_error = 0;      // |loss − PyTorch| / |PyTorch|
  double worst_gradient = 0;  // max over tensors of max|g − g_torch| / max|g_torch|
  double worst_norm = 0;      // max over tensors of ‖g − g_torch‖ / ‖g_torch‖
  std::string worst_name;
};

// A key bias's gradient is exactly zero in exact arithmetic (adding the same b·q to every score of a row leaves
// the softmax unchanged); PyTorch's ~1e-10 there is rounding, so such tensors must be ~0 here too, not "equal".
bool zero_by_symmetry(const Parameter& p, const json& fixture) {
  return fixture["grad_norms"][p.name].get<double>() < 1e-6;
}

Agreement compare(const ParameterList& params, float loss, const json& fixture) {
  Agreement a;
  a.loss_error = std::fabs(loss - fixture["loss"].get<double>()) / std::fabs(fixture["loss"].get<double>());
  for (const Parameter* p : params) {
    INFO(p->name);
    if (zero_by_symmetry(*p, fixture)) {
      CHECK(p->grad.norm() < 1e-6f);
      continue;
    }
    const Matrix expected = matrix_from(fixture["grads"][p->name], int(p->value.rows()), int(p->value.cols()));
    const double relative = (p->grad - expected).cwiseAbs().maxCoeff() / expected.cwiseAbs().maxCoeff();
    if (relative > a.worst_gradient) {
      a.worst_gradient = relative;
      a.worst_name = p->name;
    }
    a.worst_norm = std::max(a.worst_norm, double((p->grad - expected).norm() / expected.norm()));
    CHECK(p->grad.norm() == Approx(fixture["grad_norms"][p->name].get<double>()).epsilon(1e-4));
  }
  WARN("loss relative error " << a.loss_error << ", worst gradient " << a.worst_gradient << " (" << a.worst_name
                              << "), worst gradient norm " << a.worst_norm);
  return a;
}

}  // namespace

TEST_CASE("01.3's two post-LN blocks match PyTorch's MSE loss and every gradient", "[models][fixture]") {
  const json fixture = lab_test::load_reference_json("fixtures/two_block_mse.json");
  NumpyRandom rng(0);
  TransformerStack model(64, 4, 128, 2, NormPlacement::post, rng);
  const ParameterList params = model.parameters();
  load_parameters(params, fixture);
  Tape tape;
  const Var x = tape.constant(matrix_from(fixture["inputs"]["x"], 20, 64));  // (B*T, C) = (2*10, 64)
  const Var loss = mse_loss(tape, model.forward(tape, x, 2, 10), matrix_from(fixture["inputs"]["target"], 20, 64));
  tape.backward(loss);
  const Agreement a = compare(params, tape.item(loss), fixture);
  CHECK(a.loss_error < 1e-4);
  CHECK(a.worst_gradient < 1e-4);
}

TEST_CASE("01.4's causal self-attention matches PyTorch's loss and gradients", "[models][fixture]") {
  const json fixture = lab_test::load_reference_json("fixtures/causal_attention_mse.json");
  NumpyRandom rng(0);
  CausalSelfAttention layer("", 16, 4, rng);
  ParameterList params;
  layer.collect(params);
  load_parameters(params, fixture);
  Tape tape;
  const Var x = tape.constant(matrix_from(fixture["inputs"]["x"], 12, 16));  // (2*6, 16)
  const Var loss = mse_loss(tape, layer.forward(tape, x, 2, 6), matrix_from(fixture["inputs"]["target"], 12, 16));
  tape.backward(loss);
  const Agreement a = compare(params, tape.item(loss), fixture);
  CHECK(a.loss_error < 1e-4);
  CHECK(a.worst_gradient < 1e-4);
}

TEST_CASE("01.5's mini transformer matches PyTorch's cross-entropy and gradients", "[models][fixture]") {
  const json fixture = lab_test::load_reference_json("fixtures/mini_transformer_ce.json");
  NumpyRandom rng(0);
  MiniTransformer model(10, 32, 2, 64, 4, rng);
  const ParameterList params = model.parameters();
  load_parameters(params, fixture);
  std::vector<int> tokens;
  for (const auto& row : fixture["inputs"]["tokens"]) {
    for (const auto& t : row) tokens.push_back(t.get<int>());
  }
  Tape tape;
  const Var loss = cross_entropy(tape, model.forward(tape, tokens, 8), tokens);
  tape.backward(loss);
  const Agreement a = compare(params, tape.item(loss), fixture);
  CHECK(a.loss_error < 1e-4);
  CHECK(a.worst_gradient < 1e-4);
}

TEST_CASE("parameter names and order follow PyTorch's named_parameters()", "[models]") {
  NumpyRandom rng(0);
  TransformerStack stack(8, 2, 16, 3, NormPlacement::post, rng);
  const ParameterList params = stack.parameters();
  REQUIRE(params.size() == 3 * 16 + 2);
  CHECK(params[0]->name == "block1.attn.W_q.weight");
  CHECK(params[8]->name == "block1.ff.0.weight");
  CHECK(params[15]->name == "block1.ln2.bias");
  CHECK(params[32]->name == "block3.attn.W_q.weight");
  CHECK(params.back()->name == "out.bias");
  TransformerStack pre(8, 2, 16, 1, NormPlacement::pre, rng);
  CHECK(pre.parameters()[16]->name == "ln_f.weight");

  TinyGPT gpt(50, 8, 2, 2, 32, true, rng);
  const ParameterList g = gpt.parameters();
  CHECK(g[0]->name == "embed.weight");
  CHECK(g[1]->name == "pos_embed.weight");
  CHECK(g[2]->name == "blocks.0.attn.W_q.weight");
  CHECK(g.back()->name == "head.weight");  // no bias
  CHECK(count_parameters(g) ==
        50 * 8 + 32 * 8 + 2 * (4 * (64 + 8) + (8 * 32 + 32) + (32 * 8 + 8) + 4 * 8) + 2 * 8 + 8 * 50);
}

TEST_CASE("a causal TinyGPT's logits at position t do not depend on later tokens", "[models]") {
  const bool causal = GENERATE(true, false);
  NumpyRandom rng(1);
  TinyGPT gpt(20, 16, 2, 2, 8, causal, rng);
  std::vector<int> a = {1, 2, 3, 4, 5, 6}, b = {1, 2, 3, 9, 9, 9};
  Tape tape(false);
  const Matrix la = tape.value(gpt.forward(tape, a, 1, 6)), lb = tape.value(gpt.forward(tape, b, 1, 6));
  const float prefix_change = (la.topRows(3) - lb.topRows(3)).cwiseAbs().maxCoeff();
  if (causal) {
    CHECK(prefix_change == 0.0f);
  } else {
    CHECK(prefix_change > 1e-4f);  // without the mask, the first positions see the changed future
  }
}
