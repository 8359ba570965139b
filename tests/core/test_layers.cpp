// The layers and LoRA: PyTorch's initialisation ranges, the block's two norm placements, and LoRA's counts,
// frozen base and merge.
#include <catch2/catch.hpp>

#include "core/nn/lora.hpp"
#include "core/nn/transformer.hpp"

using namespace lab::nn;
using lab::NumpyRandom;

TEST_CASE("Linear draws U(−1/√in, 1/√in) and computes x Wᵀ + b", "[layers]") {
  NumpyRandom rng(0);
  Linear layer("fc", 16, 5, rng);
  CHECK(layer.weight.name == "fc.weight");
  CHECK(layer.bias.name == "fc.bias");
  CHECK(layer.weight.value.rows() == 5);
  CHECK(layer.weight.value.cwiseAbs().maxCoeff() <= 0.25f);
  Tape tape(false);
  const Matrix y = tape.value(layer.forward(tape, tape.constant(Matrix::Zero(2, 16))));
  CHECK(y.row(1) == layer.bias.value.row(0));
}

TEST_CASE("LayerNorm gives each row mean 0 and variance 1 before γ and β", "[layers]") {
  NumpyRandom rng(1);
  LayerNorm norm("ln", 8);
  Tape tape(false);
  const Matrix y = tape.value(norm.forward(tape, tape.constant(normal_matrix(3, 8, 5.0, rng))));
  for (int i = 0; i < 3; ++i) {
    CHECK(y.row(i).mean() == Approx(0.0).margin(1e-6));
    CHECK(y.row(i).squaredNorm() / 8 == Approx(1.0).epsilon(1e-4));
  }
}

TEST_CASE("post-LN blocks end in a LayerNorm, pre-LN blocks on the residual stream", "[layers]") {
  NumpyRandom rng(2);
  const Matrix x = normal_matrix(4, 8, 3.0, rng);
  TransformerBlock post("b", 8, 2, 16, rng, NormPlacement::post), pre("b", 8, 2, 16, rng, NormPlacement::pre);
  Tape tape(false);
  const Matrix y_post = tape.value(post.forward(tape, tape.constant(x), 1, 4));
  const Matrix y_pre = tape.value(pre.forward(tape, tape.constant(x), 1, 4));
  CHECK(y_post.row(0).mean() == Approx(0.0).margin(1e-5));  // γ = 1, β = 0: normalised
  CHECK(std::fabs(y_pre.row(0).mean()) > 1e-3);             // x + attn + ff: not normalised
}

TEST_CASE("LoRA trains r·(in + out) numbers, starts as the base layer, and merges exactly", "[lora]") {
  NumpyRandom rng(3);
  LoRALinear layer("q_proj", 256, 256, 4, 16.0, rng);
  CHECK(layer.trainable_parameters() == 2048);  // two of these give 05.1's 4096 at r = 4
  CHECK(layer.scale == 4.0f);
  ParameterList list;
  layer.collect(list);
  REQUIRE(list.size() == 3);
  CHECK(list[0]->name == "q_proj.lora_A");
  CHECK(list[2]->name == "q_proj.base.weight");
  CHECK_FALSE(list[2]->trainable);
  CHECK(count_parameters(list) == 2048);

  const Matrix x = normal_matrix(5, 256, 1.0, rng);
  Tape tape;
  const Var y = layer.forward(tape, tape.constant(x));
  Matrix base(5, 256);
  base = x * layer.base.weight.value.transpose();
  CHECK((tape.value(y) - base).cwiseAbs().maxCoeff() < 1e-5f);  // B = 0
  tape.backward(sum(tape, y));
  CHECK(layer.base.weight.grad.isZero());
  CHECK_FALSE(layer.lora_B.grad.isZero());
  CHECK(layer.lora_A.grad.isZero());  // dA = s Bᵀ dY x = 0 while B = 0

  layer.lora_B.value = normal_matrix(256, 4, 0.05, rng);
  Tape again(false);
  const Matrix adapter = again.value(layer.forward(again, again.constant(x)));
  const Matrix merged = x * layer.merged_weight().transpose();
  CHECK((adapter - merged).cwiseAbs().maxCoeff() < 1e-5f);
  CHECK((adapter - base).cwiseAbs().maxCoeff() > 1e-3f);  // the adapter now changes the output
}
