// Notebook 05 exercises: LoRA counts and a measured ablation, the notebook's printed tables, early stopping on
// NumPy's curve, TinyGPT's leak, and a merge check that can fail.
#include <catch2/catch.hpp>

#include "core/registry.hpp"
#include "run_exercise.hpp"

using lab::json;
using lab::testing::run_ok;

TEST_CASE("05.1 counts 4096 … 32768 trainable parameters and measures each rank against its floor", "[05.1]") {
  const json result = run_ok("05.1");
  const json& ranks = result["data"]["ranks"];
  REQUIRE(ranks.size() == 4);
  const long long counts[] = {4096, 8192, 16384, 32768};
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(ranks[i]["params"] == counts[i]);
    const double measured = ranks[i]["val_metric"].get<double>(), floor = ranks[i]["best_possible"].get<double>();
    CHECK(measured >= 0.8 * floor);          // no rank-r update can do much better (up to sampling)
    CHECK(measured <= 1.3 * floor + 0.005);  // and training gets close to it
    if (i > 0) CHECK(measured < ranks[i - 1]["val_metric"].get<double>());
  }
  CHECK(result["log"][0] ==
        "r= 4: trainable params=  4096, val perplexity=21.07 (the notebook's illustrative formula)");
  CHECK(result["log"][3].get<std::string>().rfind("r=32: trainable params= 32768, val perplexity=15.18", 0) == 0);
  CHECK(result["charts"][0]["type"] == "bar+line");
  CHECK(result["charts"][2]["note"] == "illustrative: the notebook's formula, not a measurement");
  CHECK(lab::run_exercise("05.1", {{"ranks", {4, 100}}})["error"]["param"] == "ranks");
}

TEST_CASE("05.2 prints the notebook's table, thousands separators included", "[05.2]") {
  const json result = run_ok("05.2");
  const std::vector<std::string> expected = {"LoRA rank r=8, d_model=768, layers=12",
                                             "",
                                             "Config               Params/layer   Total params",
                                             std::string(48, '-'),
                                             "q+v only                   24,576        294,912",
                                             "q+k+v only                 36,864        442,368",
                                             "q+k+v+o (all)              49,152        589,824",
                                             "",
                                             "Approx BERT-base attention+FFN params: 84,934,656",
                                             "q+v only            : 0.35% of full fine-tune params",
                                             "q+k+v only          : 0.52% of full fine-tune params",
                                             "q+k+v+o (all)       : 0.69% of full fine-tune params"};
  for (std::size_t i = 0; i < expected.size(); ++i) CHECK(result["log"][i] == expected[i]);
  CHECK(result["data"]["configs"][0] == json({{"name", "q+v only"},
                                              {"params_per_layer", 24576},
                                              {"total", 294912},
                                              {"percent_of_full", result["data"]["configs"][0]["percent_of_full"]}}));
  CHECK(run_ok("05.2", {{"n_layers", 6}})["data"]["base_params"] == 84934656 / 2);
  CHECK(lab::run_exercise("05.2", {{"r", 1000}})["error"]["message"] == "r must be at most d_model (1000 > 768)");
}

TEST_CASE("05.3 on NumPy's seed-1 curve: best epoch 8, best PPL 11.16, stopped at 11, like the notebook", "[05.3]") {
  const json result = run_ok("05.3");
  CHECK(result["data"]["best_epoch"] == 8);
  CHECK(result["data"]["best_ppl"].get<double>() == Approx(11.16).margin(0.005));
  CHECK(result["data"]["stopped_at"] == 11);
  CHECK(result["data"]["val_ppls"].size() == 20);
  CHECK(result["data"]["val_ppls"][0].get<double>() == Approx(30 + 0.5 * 1.6243453636632417).epsilon(1e-12));
  CHECK(result["log"][0] == "Best epoch: 8, Best PPL: 11.16");
  CHECK(result["log"][1] == "Stopped at epoch: 11 (saved 2 wasted epochs)");
  CHECK(result["metrics"]["epochs_skipped"] == 8);
  CHECK(result["charts"][0]["markers"].size() == 2);
}

TEST_CASE("05.3 with a curve that never stalls never stops, and min_delta decides what counts", "[05.3]") {
  const json falling = run_ok("05.3", {{"val_ppls", {5, 4, 3, 2, 1}}});
  CHECK(falling["data"]["stopped_at"].is_null());
  CHECK(falling["log"][1] == "Stopped at epoch: None (saved 0 wasted epochs)");
  const json flat = run_ok("05.3", {{"val_ppls", {10, 9.9995, 9.9995, 9.9995, 9.9}}, {"patience", 3}});
  CHECK(flat["data"]["best_epoch"] == 0);  // a gain of 0.0005 is below min_delta 0.001
  CHECK(flat["data"]["stopped_at"] == 3);
}

TEST_CASE("05.4 causal TinyGPT cannot beat uniform guessing on held-out random tokens", "[05.4]") {
  const json result = run_ok("05.4");
  CHECK(result["metrics"]["ppl_before"].get<double>() > 40.0);
  CHECK(result["metrics"]["ppl_after"].get<double>() < result["metrics"]["ppl_before"].get<double>());
  CHECK(result["metrics"]["ppl_heldout_after"].get<double>() > 15.0);
  CHECK(result["log"][0].get<std::string>().rfind("Domain corpus perplexity BEFORE fine-tuning: ", 0) == 0);
  CHECK(result["data"]["loss"].size() == 200);
  CHECK(result["charts"][0]["stream"] == "loss");
}

TEST_CASE("05.4 without the causal mask reproduces the notebook's leak, on held-out data too", "[05.4]") {
  const json result = run_ok("05.4", {{"causal", false}});
  CHECK(result["metrics"]["ppl_after"].get<double>() < 3.0);
  CHECK(result["metrics"]["ppl_heldout_after"].get<double>() < 3.0);
  CHECK(lab::run_exercise("05.4", {{"vocab", 10}})["error"]["message"] == "vocab must be between 20 and 1000 (got 10)");
}

TEST_CASE("05.5 merges a non-zero adapter and finds a float32-sized difference", "[05.5]") {
  const json result = run_ok("05.5");
  CHECK(result["metrics"]["b_norm"].get<double>() > 0.0);
  CHECK(result["metrics"]["max_abs_diff"].get<double>() > 0.0);
  CHECK(result["metrics"]["max_abs_diff"].get<double>() < 1e-5);
  CHECK(result["log"][0] == "Merge equivalence test (100 samples):");
  CHECK(result["log"][3] == "  Numerically equivalent:   True");
  CHECK(result["metrics"]["adapter_ms"].get<double>() > 0.0);
  const json zero = run_ok("05.5", {{"b_std", 0}});
  CHECK(zero["metrics"]["max_abs_diff"].get<double>() == 0.0);  // the notebook's vacuous case
  CHECK(zero["log"][1] == "  Max absolute difference:  0.00e+00");
}
