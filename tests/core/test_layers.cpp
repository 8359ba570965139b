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

TEST_CASE("uniform_matrix draws rng.uniform(−bound, bound) for each number in turn, over several blocks", "[layers]") {
  NumpyRandom in_blocks(3), one_by_one(3);
  const Matrix m = uniform_matrix(37, 29, 0.125, in_blocks);  // 1073 numbers: four blocks and a part
  for (Eigen::Index i = 0; i < m.size(); ++i) REQUIRE(m.data()[i] == float(one_by_one.uniform(-0.125, 0.125)));
  CHECK(in_blocks.next_uint32() == one_by_one.next_uint32());
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

TEST_CASE("a block's first-token output is forward()'s first rows, and trains the same weights", "[layers]") {
  for (const NormPlacement norm : {NormPlacement::post, NormPlacement::pre}) {
    NumpyRandom rng(4);
    const int batch = 3, seq_len = 5;
    const Matrix x = normal_matrix(batch * seq_len, 8, 1.0, rng);
    TransformerBlock block("b", 8, 2, 16, rng, norm);
    const ParameterList params = [&] {
      ParameterList list;
      block.collect(list);
      return list;
    }();
    // The loss reads the first token of each sequence: Σ of those rows times fixed weights, so every row counts.
    const Matrix weights = normal_matrix(batch, 8, 1.0, rng);
    auto train_once = [&](bool first_only, Matrix& first_rows, AttentionMaps& maps) {
      for (Parameter* p : params) p->zero_grad();
      Tape tape;
      const Var input = tape.constant(x);
      Var first;
      if (first_only) {
        first = block.forward_first_token(tape, input, batch, seq_len, &maps);
      } else {
        std::vector<int> rows;
        for (int b = 0; b < batch; ++b) rows.push_back(b * seq_len);
        first = embedding(tape, block.forward(tape, input, batch, seq_len, &maps), rows);
      }
      first_rows = tape.value(first);
      tape.backward(sum(tape, mul(tape, first, tape.constant(weights))));
      std::vector<Matrix> grads;
      for (Parameter* p : params) grads.push_back(p->grad);
      return grads;
    };
    Matrix all_rows, first_rows;
    AttentionMaps all_maps, first_maps;
    const std::vector<Matrix> expected = train_once(false, all_rows, all_maps);
    const std::vector<Matrix> got = train_once(true, first_rows, first_maps);
    CHECK(first_rows.rows() == batch);
    CHECK(first_rows == all_rows);  // the same products in the same order: the same bits
    REQUIRE(first_maps.shape()[2] == 1);
    for (int b = 0; b < batch; ++b) {
      for (int h = 0; h < 2; ++h) {
        for (int j = 0; j < seq_len; ++j) CHECK(first_maps(b, h, 0, j) == all_maps(b, h, 0, j));
      }
    }
    for (std::size_t i = 0; i < params.size(); ++i) {  // only the order of a few sums differs
      INFO(params[i]->name);
      CHECK(got[i].isApprox(expected[i], 1e-5f));
      CHECK(expected[i].norm() > 0);
    }
  }
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
