// Notebook 02 exercises 02.1 and 02.2: the schedule's formula and peak, and the exact parameter counts.
#include <catch2/catch.hpp>

#include <cmath>

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
  CHECK(models[0] == json{{"name", "BERT-base"}, {"params", 108807168}, {"relative", 1.0}});
  CHECK(models[1]["name"] == "DistilBERT");
  CHECK(models[1]["params"] == 66321408);
  CHECK(models[2]["name"] == "BERT-tiny");
  CHECK(models[2]["params"] == 4366848);
  CHECK(result["log"][2] == "BERT-base              108.8        100.0%");
  CHECK(result["log"][3] == "DistilBERT              66.3         61.0%");
  CHECK(result["log"][4] == "BERT-tiny                4.4          4.0%");
  CHECK(result["tables"][1]["title"].get<std::string>().find("not measured") != std::string::npos);
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
