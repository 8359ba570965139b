// Notebook 01 exercises through the registry: the notebook's printed figures at the defaults, and what a wrong
// implementation would get wrong at other sizes.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/registry.hpp"
#include "run_exercise.hpp"

using lab::json;
using lab::testing::run_ok;

TEST_CASE("01.1 prints the notebook's self-similarity 32.0 and PE[0]·PE[10] = 21.0516300201416", "[01.1]") {
  const json result = run_ok("01.1");
  CHECK(result["metrics"]["self_similarity"].get<double>() == 32.0);
  CHECK(result["metrics"]["sim_0_10"].get<double>() == Approx(21.0516300201416).epsilon(1e-7));
  CHECK(result["log"][0] == "Diagonal (self-similarity): 32.0");
  CHECK(result["log"][1] == "Off-diagonal (pos 0 vs 10): 21.0516300201416");
  CHECK(result["data"]["pe"].size() == 50);
  CHECK(result["data"]["pe"][0].size() == 64);
  REQUIRE(result["charts"].size() >= 2);
  CHECK(result["charts"][0]["type"] == "heatmap");
  CHECK(result["charts"][0]["colormap"] == "diverging");
  CHECK(result["charts"][1]["z"].size() == 50);
}

TEST_CASE("01.1 has no PE[0]·PE[10] when there are 10 positions or fewer", "[01.1]") {
  const json result = run_ok("01.1", {{"seq_len", 10}, {"d_model", 6}});
  CHECK(result["metrics"]["sim_0_10"].is_null());
  CHECK(result["metrics"]["self_similarity"].get<double>() == 3.0);  // C/2 ones
  CHECK(run_ok("01.1", {{"seq_len", 11}, {"d_model", 6}})["metrics"]["sim_0_10"].is_number());
}

TEST_CASE("01.1 refuses an odd d_model with a reason", "[01.1][errors]") {
  const json error = lab::run_exercise("01.1", {{"d_model", 63}});
  CHECK(error["error"]["code"] == "bad_param");
  CHECK(error["error"]["param"] == "d_model");
  CHECK(error["error"]["message"] == "d_model must be even: each frequency fills a sine and a cosine column (got 63)");
}

TEST_CASE("01.2 keeps the shape (B, T, C) and gives H maps whose rows sum to 1", "[01.2]") {
  const json result = run_ok("01.2");
  CHECK(result["data"]["output_shape"] == json::array({2, 10, 64}));
  CHECK(result["data"]["attention_shape"] == json::array({2, 4, 10, 10}));
  CHECK(result["log"][0] == "Single-head output shape: (2, 10, 64)");
  CHECK(result["log"][2] == "MHA attention shape:      (2, 4, 10, 10)");
  REQUIRE(result["charts"].size() == 6);  // the single head, four heads, and every head's entropy
  const json& entropy = result["charts"][5];
  CHECK(entropy["type"] == "bar");
  CHECK(entropy["labels"] == json({"single head", "Head 1", "Head 2", "Head 3", "Head 4"}));
  CHECK(entropy["series"][0]["values"][0] == result["metrics"]["single_head_entropy"]);
  for (int h = 0; h < 4; ++h) CHECK(entropy["series"][0]["values"][h + 1] == result["data"]["head_entropy"][h]);
  for (const auto& ceiling : entropy["series"][1]["values"]) CHECK(ceiling == result["metrics"]["uniform_entropy"]);
  CHECK(result["tables"][0]["rows"].size() == 5);
  const json& heads = result["data"]["attn_heads"];
  REQUIRE(heads.size() == 4);
  for (const auto& head : heads) {
    for (const auto& row : head) {
      double sum = 0.0;
      for (const auto& v : row) sum += v.get<double>();
      CHECK(sum == Approx(1.0).margin(1e-5));
    }
  }
  CHECK(heads[0] != heads[1]);  // separate projections per head
}

TEST_CASE("01.2 at odd sizes: 3 heads of width 7, one token, batch 1", "[01.2]") {
  const json result = run_ok("01.2", {{"d_model", 21}, {"n_heads", 3}, {"seq_len", 1}, {"batch", 1}});
  CHECK(result["data"]["attention_shape"] == json::array({1, 3, 1, 1}));
  for (const auto& head : result["data"]["attn_heads"]) CHECK(head[0][0].get<double>() == 1.0);
}

TEST_CASE("01.2 and 01.4 refuse d_model not divisible by n_heads", "[01.2][01.4][errors]") {
  for (const char* id : {"01.2", "01.4"}) {
    const json error = lab::run_exercise(id, {{"d_model", 64}, {"n_heads", 6}});
    CHECK(error["error"]["message"] == "d_model must be divisible by n_heads (64 % 6 != 0)");
    CHECK(error["error"]["param"] == "n_heads");
  }
}

TEST_CASE("01.2's seed changes the maps and the same seed repeats them", "[01.2]") {
  CHECK(run_ok("01.2", {{"seed", 1}})["data"]["attn_single"] != run_ok("01.2", {{"seed", 2}})["data"]["attn_single"]);
  CHECK(run_ok("01.2", {{"seed", 1}})["data"]["attn_single"] == run_ok("01.2", {{"seed", 1}})["data"]["attn_single"]);
}

TEST_CASE("01.4's upper triangle is exactly 0 in every head, at any size", "[01.4]") {
  const int seq_len = GENERATE(1, 6, 31);
  const json result = run_ok("01.4", {{"seq_len", seq_len}, {"d_model", 24}, {"n_heads", 3}});
  CHECK(result["metrics"]["max_upper_triangle"].get<double>() == 0.0);
  CHECK(result["metrics"]["rows_sum_to_one"] == true);
  const json& attn = result["data"]["attn"];
  REQUIRE(attn.size() == 3);
  for (const auto& head : attn) {
    for (int i = 0; i < seq_len; ++i) {
      for (int j = i + 1; j < seq_len; ++j) CHECK(head[i][j].get<double>() == 0.0);
      CHECK(head[i][0].get<double>() > 0.0);  // the past is always visible
    }
  }
  CHECK(result["log"][0] == "Max upper-triangle value: 0.0");
}

TEST_CASE("01.3 measures every parameter's gradient norm under PyTorch's names, in named_parameters() order",
          "[01.3]") {
  const json result = run_ok("01.3");
  const json& norms = result["data"]["grad_norms"];
  REQUIRE(norms.size() == 34);  // 2 blocks × 16 tensors + out.weight, out.bias
  auto it = norms.begin();
  CHECK(it.key() == "block1.attn.W_q.weight");
  CHECK(norms.contains("block2.ff.2.bias"));
  CHECK((--norms.end()).key() == "out.bias");
  for (const auto& item : norms.items()) {
    INFO(item.key());
    if (item.key().find("attn.W_k.bias") != std::string::npos) {
      CHECK(item.value().get<double>() < 1e-6);  // a key bias shifts every score of a row equally: no gradient
    } else {
      CHECK(item.value().get<double>() > 1e-6);
    }
  }
  CHECK(result["charts"][0]["type"] == "bar");
  CHECK(result["charts"][0]["labels"].size() == 34);
  CHECK(result["data"]["block_grad_norms"].size() == 2);
  CHECK(result["metrics"]["first_to_last_ratio"].get<double>() ==
        Approx(result["metrics"]["first_block_grad_norm"].get<double>() /
               result["metrics"]["last_block_grad_norm"].get<double>()));
}

TEST_CASE("01.3 stacks up to 12 blocks, post-LN or pre-LN with a final ln_f", "[01.3]") {
  const json deep = run_ok("01.3", {{"n_blocks", 12}, {"norm", "pre"}, {"d_model", 16}, {"ff_dim", 32}});
  CHECK(deep["data"]["grad_norms"].contains("block12.ln2.bias"));
  CHECK(deep["data"]["grad_norms"].contains("ln_f.weight"));
  CHECK(deep["data"]["block_grad_norms"].size() == 12);
  CHECK_FALSE(run_ok("01.3")["data"]["grad_norms"].contains("ln_f.weight"));
  const json error = lab::run_exercise("01.3", {{"n_blocks", 13}});
  CHECK(error["error"]["code"] == "too_large");
  CHECK(error["error"]["param"] == "n_blocks");
  CHECK(lab::run_exercise("01.3", {{"norm", "middle"}})["error"]["message"] ==
        "norm must be one of \"post\", \"pre\" (got \"middle\")");
}

TEST_CASE("01.5 learns the copy task: 100% on 100 fresh sequences, as the notebook prints", "[01.5]") {
  const json result = run_ok("01.5");
  CHECK(result["metrics"]["accuracy"].get<double>() == 1.0);
  CHECK(result["log"][0] == "Copy task accuracy: 100.00%");
  const json& loss = result["data"]["loss"];
  REQUIRE(loss.size() == 500);
  CHECK(loss[0].get<double>() > 2.0);  // about ln 9 at the start
  CHECK(result["metrics"]["final_loss"].get<double>() == loss[499].get<double>());
  CHECK(result["metrics"]["final_loss"].get<double>() < 0.05);
  CHECK(result["metrics"]["diverged"] == false);
  CHECK(result["charts"][0]["stream"] == "loss");
  CHECK(result["charts"][0]["series"][0]["values"].size() == 500);
}

TEST_CASE("01.5 streams one progress message per step, carrying the loss the curve will show", "[01.5]") {
  std::vector<json> updates;
  const json result =
      lab::run_exercise("01.5", {{"steps", 20}}, [&](const json& update) { updates.push_back(update); });
  REQUIRE(updates.size() == 20);
  CHECK(updates[0]["step"] == 1);
  CHECK(updates[19]["total"] == 20);
  for (int i = 0; i < 20; ++i) CHECK(updates[i]["loss"] == result["data"]["loss"][i]);
}

TEST_CASE("01.5 refuses zero, negative and absurd settings with a reason", "[01.5][errors]") {
  CHECK(lab::run_exercise("01.5", {{"lr", 0}})["error"]["message"] == "lr must be between 1e-06 and 1 (got 0)");
  CHECK(lab::run_exercise("01.5", {{"lr", -0.1}})["error"]["code"] == "bad_param");
  CHECK(lab::run_exercise("01.5", {{"steps", 0}})["error"]["param"] == "steps");
  CHECK(lab::run_exercise("01.5", {{"batch", 100000}})["error"]["code"] == "too_large");
  CHECK(lab::run_exercise("01.5", {{"d_model", 30}, {"n_heads", 4}})["error"]["message"] ==
        "d_model must be divisible by n_heads (30 % 4 != 0)");
  const json huge = lab::run_exercise(
      "01.5", {{"steps", 5000}, {"batch", 256}, {"seq_len", 64}, {"d_model", 256}, {"ff_dim", 1024}, {"vocab", 1000}});
  CHECK(huge["error"]["code"] == "too_large");
  CHECK(huge["error"]["message"].get<std::string>().find("cap") != std::string::npos);
}
