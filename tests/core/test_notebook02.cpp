// Notebook 02 exercises 02.1 and 02.2: the schedule's formula and peak, and the exact parameter counts.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>

#include "core/registry.hpp"
#include "run_exercise.hpp"

using lab::json;
using lab::testing::run_ok;

namespace {

double expected_lr(int step, int warmup, int d_model) {
  const double rising = step / std::pow(warmup, 1.5);
  const double falling = 1.0 / std::sqrt(double(step));
  return (rising < falling ? rising : falling) / std::sqrt(double(d_model));
}

}  // namespace

TEST_CASE("02.1 peaks at 0.003608 at step 100, as the notebook prints", "[02.1]") {
  const json result = run_ok("02.1");
  CHECK(result["metrics"]["peak_step"] == 100);
  CHECK(result["metrics"]["peak_lr"].get<double>() == Approx(0.0036084391824351613).epsilon(1e-12));
  CHECK(result["log"][0] == "Peak LR at step 100: 0.003608");
  REQUIRE(result["data"]["lr"].size() == 500);
  CHECK(result["charts"][0]["markers"][0]["x"] == 100);
}

TEST_CASE("02.1 follows lr = C^-1/2 min(step^-1/2, step warmup^-3/2) at every step", "[02.1]") {
  const int warmup = GENERATE(1, 7, 100, 400);
  const int d_model = GENERATE(64, 768);
  const json result = run_ok("02.1", {{"warmup_steps", warmup}, {"d_model", d_model}, {"steps", 450}});
  const json& lr = result["data"]["lr"];
  for (int step : {1, 2, 6, 7, 8, 99, 100, 101, 399, 400, 401, 450}) {
    CHECK(lr[step - 1].get<double>() == Approx(expected_lr(step, warmup, d_model)).epsilon(1e-12));
  }
  CHECK(result["metrics"]["peak_step"] == std::min(warmup, 450));
}

TEST_CASE("02.1 rises linearly during warmup", "[02.1]") {
  const json lr = run_ok("02.1", {{"warmup_steps", 50}})["data"]["lr"];
  CHECK(lr[9].get<double>() == Approx(10 * lr[0].get<double>()).epsilon(1e-12));
  CHECK(lr[49].get<double>() == Approx(50 * lr[0].get<double>()).epsilon(1e-12));
  CHECK(lr[199].get<double>() == Approx(lr[49].get<double>() / 2.0).epsilon(1e-12));  // 1/sqrt(step): 4x steps, half
}

TEST_CASE("02.2 counts BERT-base 108.8M, DistilBERT 66.3M and BERT-tiny 4.4M exactly", "[02.2]") {
  const json result = run_ok("02.2");
  const json& models = result["data"]["models"];
  REQUIRE(models.size() == 3);
  CHECK(models[0] == json{{"name", "BERT-base"},
                          {"params", 108807168},
                          {"relative", 1.0},
                          {"embedding_params", 30522 * 768 + 512 * 768 + 2 * 768}});
  CHECK(models[1]["name"] == "DistilBERT");
  CHECK(models[1]["params"] == 66321408);
  CHECK(models[2]["name"] == "BERT-tiny");
  CHECK(models[2]["params"] == 4366848);
  CHECK(result["log"][2] == "BERT-base              108.8        100.0%");
  CHECK(result["log"][3] == "DistilBERT              66.3         61.0%");
  CHECK(result["log"][4] == "BERT-tiny                4.4          4.0%");
  REQUIRE(result["tables"].size() == 3);
  CHECK(result["tables"][1]["wall_clock"] == true);  // the lab's own latency, measured this run
  CHECK(result["tables"][1]["rows"].size() == 3);
  CHECK(result["tables"][2]["title"].get<std::string>().find("not measured") != std::string::npos);
}

TEST_CASE("02.2 honours ffn_mult, vocab, the user's order and the baseline", "[02.2]") {
  const json configs = {{"small", {{"n_layers", 1}, {"hidden", 10}, {"ffn_mult", 2}, {"vocab", 100}}},
                        {"big", {{"n_layers", 2}, {"hidden", 10}, {"vocab", 100}}}};
  const json result = run_ok("02.2", {{"configs", configs}, {"baseline", "big"}});
  // small: 100*10 + 512*10 + 20 + (400 + 400 + 40) = 6980; big: 6140 + 2*(400 + 800 + 40) = 8620
  CHECK(result["data"]["models"][0]["name"] == "small");
  CHECK(result["data"]["models"][0]["params"] == 6980);
  CHECK(result["data"]["models"][1]["params"] == 8620);
  CHECK(result["data"]["models"][1]["relative"].get<double>() == 1.0);
}

TEST_CASE("02.2 names the path of a bad config", "[02.2][errors]") {
  CHECK(lab::run_exercise("02.2", {{"configs", {{"x", {{"n_layers", 2}}}}}})["error"]["message"] ==
        "configs.x.hidden is required");
  CHECK(lab::run_exercise("02.2", {{"configs", {{"x", {{"n_layers", 2}, {"hidden", "big"}}}}}})["error"]["message"] ==
        "configs.x.hidden must be an integer between 1 and 16384 (got \"big\")");
  CHECK(lab::run_exercise("02.2", {{"baseline", "GPT"}})["error"]["message"] ==
        "baseline \"GPT\" is not one of the configs");
}

TEST_CASE("02.2 measures its own latency, in keys ending in _ms, and says at what scale", "[02.2]") {
  json progress = json::array();
  const json result =
      lab::run_exercise("02.2", json::object(), [&](const json& update) { progress.push_back(update); });
  const json& latency = result["data"]["latency"];
  CHECK(latency["tokens"] == 8);
  CHECK(latency["scale"].get<std::string>().find("8 tokens") != std::string::npos);
  CHECK(latency["budget_ms"] == 150.0);
  REQUIRE(latency["models"].size() == 3);
  for (const auto& model : latency["models"]) {
    // n_layers × the median pass through one block, with the spread of the passes beside it
    const json& pass = model["block_pass_ms"];
    CHECK(model["latency_ms"].get<double>() == Approx(model["layers"].get<double>() * pass["median"].get<double>()));
    CHECK(pass["min"].get<double>() > 0.0);
    CHECK(pass["min"] <= pass["q1"]);
    CHECK(pass["q1"] <= pass["median"]);
    CHECK(pass["median"] <= pass["q3"]);
    CHECK(pass["q3"] <= pass["max"]);
    CHECK(pass["passes"].get<int>() >= 1);
  }
  // BERT-base and DistilBERT share one block, so the same passes: their latencies differ by the layer count alone.
  CHECK(latency["models"][0]["block_pass_ms"] == latency["models"][1]["block_pass_ms"]);
  CHECK(latency["models"][0]["latency_ms"].get<double>() ==
        Approx(2.0 * latency["models"][1]["latency_ms"].get<double>()));
  const json& table = result["tables"][1];
  CHECK(table["wall_clock"] == true);
  CHECK(table["columns"][2] == "one block: min (ms)");
  // Progress: the two blocks built, then ten tenths of the budget, ending at the total.
  REQUIRE(progress.size() == 12);
  for (std::size_t i = 0; i < progress.size(); ++i) {
    CHECK(progress[i]["step"] == int(i) + 1);
    CHECK(progress[i]["total"] == 12);
  }
  CHECK(run_ok("02.2", {{"latency_tokens", 0}})["data"]["latency"]["models"].empty());
  const json wide =
      run_ok("02.2", {{"configs", {{"huge", {{"n_layers", 2}, {"hidden", 4096}}}}}, {"baseline", "huge"}});
  CHECK(wide["data"]["latency"]["models"][0]["latency_ms"].is_null());
  CHECK(wide["data"]["latency"]["models"][0]["not_measured"] == "one block would exceed 64 MB");
}

TEST_CASE("02.3 accumulated gradients equal one full-batch backward pass", "[02.3]") {
  const json result = run_ok("02.3");
  // Exactly 0 with micro-batches of 8, not just small: both ways add the same per-example terms in the same order.
  CHECK(result["metrics"]["max_grad_diff"].get<double>() == 0.0);
  CHECK(result["metrics"]["scaled_loss_sum"].get<double>() ==
        Approx(result["metrics"]["full_batch_loss"].get<double>()).epsilon(1e-6));
  CHECK(result["log"][0] == "Effective batch size: 64");
  CHECK(result["log"][1] == "Physical batch size:  8");
  CHECK(result["log"][2] == "Accumulation steps:   8");
  CHECK(result["log"][3].get<std::string>().rfind("Scaled loss (sum of mini-step losses): 0.", 0) == 0);
  CHECK(result["charts"][0]["labels"].size() == 8);
  // Six micro-batches of 8: the scale 1/6 is not a power of two, and the identity still holds.
  const json six = run_ok("02.3", {{"physical_batch", 8}, {"effective_batch", 48}});
  CHECK(six["metrics"]["max_grad_diff"].get<double>() == 0.0);
  CHECK(lab::run_exercise("02.3", {{"effective_batch", 60}})["error"]["message"] ==
        "effective_batch must be a multiple of physical_batch (60 % 8 != 0)");
}

TEST_CASE("02.4 shows a trained model's real attention beside the notebook's illustration, reproduced exactly",
          "[02.4]") {
  const json result = run_ok("02.4");
  const json& attention = result["data"]["avg_attention"];
  REQUIRE(attention.size() == 9);
  double total = 0.0;
  for (const auto& a : attention) total += a.get<double>();
  CHECK(total == Approx(1.0).epsilon(1e-5));
  CHECK(result["metrics"]["true_label"] == "negative");
  CHECK(result["metrics"]["predicted_label"] == "negative");
  CHECK(result["metrics"]["heldout_accuracy"].get<double>() > 0.9);
  CHECK(result["metrics"]["heldout_negated_accuracy"].get<double>() > 0.9);
  CHECK(result["charts"][0]["highlight"] == json::array({4, 5}));
  CHECK(result["charts"][1]["note"].get<std::string>().rfind("illustrative", 0) == 0);

  std::ifstream in(std::string(LAB_SOURCE_DIR) + "/tests/reference/notebook02_attention.json");
  REQUIRE(in.good());
  const json expected = json::parse(in)["avg_attn"];
  const json& illustration = result["data"]["notebook_illustration"];
  for (std::size_t i = 0; i < 9; ++i) {
    CHECK(illustration[i].get<double>() == Approx(expected[i].get<double>()).epsilon(1e-12));
  }
}

TEST_CASE("02.4 takes any short sentence, flags unknown words and judges the prediction by the rule", "[02.4]") {
  const json sentence = {"[CLS]", "the", "plot", "is", "not", "bad", "wow", "[SEP]"};
  const json result = run_ok("02.4", {{"tokens", sentence}, {"steps", 60}});
  CHECK(result["data"]["unknown_tokens"] == json::array({"wow"}));
  CHECK(result["metrics"]["true_label"] == "positive");
  CHECK(result["data"]["avg_attention"].size() == 8);
  CHECK(run_ok("02.4", {{"tokens", {"[CLS]", "hello"}}, {"steps", 5}})["metrics"]["true_label"].is_null());
  CHECK(lab::run_exercise("02.4", {{"tokens", {"[CLS]", 3}}})["error"]["param"] == "tokens");
  CHECK(lab::run_exercise(
            "02.4", {{"tokens", json::array({"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"})}})["error"]["code"] ==
        "too_large");
}

TEST_CASE("02.5 weights the loss by inverse frequency and lifts the minority class", "[02.5]") {
  const json result = run_ok("02.5");
  CHECK(result["log"][0] == "Class weights: tensor([0.4167, 2.0833, 8.3333])");
  CHECK(result["log"][2] == "                     Class 0 (n=1000)  Class 1 (n=200)  Class 2 (n=50)");
  CHECK(result["log"][3].get<std::string>().rfind("Weighted loss:   ", 0) == 0);
  const std::string notebook_row = "Weighted loss:           82.50%          90.00%          98.00%";
  CHECK(result["log"][3].get<std::string>().size() == notebook_row.size());
  const json& weights = result["data"]["class_weights"];
  CHECK(weights[0].get<double>() == Approx(1250.0 / 3000.0).epsilon(1e-6));
  CHECK(weights[2].get<double>() == Approx(1250.0 / 150.0).epsilon(1e-6));
  const json& weighted = result["data"]["per_class_accuracy"]["weighted"];
  const json& unweighted = result["data"]["per_class_accuracy"]["unweighted"];
  CHECK(weighted[2].get<double>() > unweighted[2].get<double>() + 0.5);
  CHECK(weighted[1].get<double>() > unweighted[1].get<double>());
  CHECK(unweighted[0].get<double>() > 0.95);
  CHECK(result["data"]["loss"]["weighted"].size() == 30);
  CHECK(result["charts"][0]["series"].size() == 2);
  CHECK(result["data"]["heldout_per_class_accuracy"]["weighted"].size() == 3);
  CHECK(lab::run_exercise("02.5", {{"class_counts", {0, 10, 10}}})["error"]["message"] ==
        "class_counts must be three whole numbers between 1 and 20000 (got [0,10,10])");
}
