// Notebook 05 exercises: LoRA counts and a measured ablation, the notebook's printed tables, early stopping on
// NumPy's curve, TinyGPT's leak, and a merge check that can fail.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "core/registry.hpp"
#include "core/string_format.hpp"
#include "run_exercise.hpp"
#include "stated_numbers.hpp"

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
  // The notebook prints "(saved 2 wasted epochs)"; epochs count from 0, so 12 ran, 8 were saved, 3 came after the best.
  CHECK(result["log"][1] ==
        "Stopped at epoch: 11 (counting from 0: 12 of 20 epochs ran, 8 were saved, 3 ran past "
        "the best)");
  CHECK(result["data"]["notebook_printed"] == "Stopped at epoch: 11 (saved 2 wasted epochs)");
  CHECK(result["metrics"]["epochs_run"] == 12);
  CHECK(result["metrics"]["epochs_skipped"] == 8);
  CHECK(result["metrics"]["epochs_past_best"] == 3);
  CHECK(result["charts"][0]["markers"].size() == 2);
}

TEST_CASE("05.3 with a curve that never stalls never stops, and min_delta decides what counts", "[05.3]") {
  const json falling = run_ok("05.3", {{"val_ppls", {5, 4, 3, 2, 1}}});
  CHECK(falling["data"]["stopped_at"].is_null());
  CHECK(falling["log"][1] == "Stopped at epoch: None (all 5 epochs ran, 0 of them past the best)");
  CHECK(falling["data"]["notebook_printed"] == "Stopped at epoch: None (saved 0 wasted epochs)");
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

namespace {

// A few paragraphs of plain English, 1,195 characters, for the character-level runs.
const char* const kSampleText =
    "The river runs past the old mill and under the stone bridge before it turns toward the sea. In the spring the "
    "water is high and brown, and the children stand on the bridge to watch branches float by. In the summer it is "
    "low and clear, and you can see the fish waiting in the shade of the reeds.\n\n"
    "The miller's house has a red door and a garden full of beans. Every morning the miller opens the door, looks "
    "at the sky, and decides whether it will rain. He is right more often than the radio. His wife laughs at him, "
    "but she also hangs the washing out only when he says the day will be dry.\n\n"
    "On market days the road is busy with carts and bicycles. People bring eggs, cheese, apples and bread, and they "
    "talk about the weather, the price of flour and the new teacher at the school. The teacher walks to the market "
    "too, with a basket on her arm and a book in her pocket, because she likes to read while she waits in line.\n\n"
    "In the evening the light turns gold over the fields. The birds go quiet, the wind drops, and the river seems "
    "louder than it was during the day. The miller sits on the bench by the red door and listens. He says the "
    "river tells him what tomorrow will bring, and perhaps it does.\n";

}  // namespace

TEST_CASE("05.4 on a text: characters, the last 10% held out, perplexity against the uniform baseline",
          "[05.4][corpus]") {
  const std::string text = kSampleText;
  const json result = run_ok("05.4", {{"corpus", text}});
  const std::set<char> distinct(text.begin(), text.end());  // ASCII: one byte, one character
  const int n = int(text.size()), held = (n + 9) / 10;
  const json& metrics = result["metrics"];
  CHECK(metrics["uniform_ppl"] == int(distinct.size()));
  CHECK(result["data"]["vocabulary"] == std::string(distinct.begin(), distinct.end()));
  CHECK(result["data"]["split"]["characters"] == n);
  CHECK(result["data"]["split"]["heldout_characters"] == held);
  CHECK(result["data"]["split"]["heldout"] ==
        lab::format("the last 10%% of the text: characters %d to %d", n - held + 1, n));
  // An untrained model guesses about uniformly; training on the first 90% carries over to the last 10%.
  CHECK(metrics["ppl_heldout_before"].get<double>() > 0.8 * distinct.size());
  CHECK(metrics["ppl_heldout_after"].get<double>() < 0.5 * metrics["ppl_heldout_before"].get<double>());
  CHECK(metrics["ppl_heldout_after"].get<double>() < metrics["uniform_ppl"].get<double>());
  CHECK(metrics["ppl_after"].get<double>() < metrics["ppl_before"].get<double>());
  // Three samples of 200 characters, each of the text's own characters, continuing the held-out text.
  const json& samples = result["data"]["samples"];
  REQUIRE(samples.size() == 3);
  for (const auto& sample : samples) {
    const std::string s = sample.get<std::string>();
    CHECK(s.size() == 200);
    for (char c : s) CHECK(distinct.count(c) == 1);
  }
  CHECK(result["data"]["sampling"]["prompt"] == text.substr(std::size_t(n - held), 16));
  CHECK(result["tables"][1]["rows"].size() == 3);
  CHECK(result["charts"][0]["title"] == "Fine-tuning loss (one 16-character window per step)");
  CHECK(result["charts"][1]["labels"] == json({"training characters", "held-out characters"}));
  CHECK(result["log"][3] == lab::format("Held-out perplexity BEFORE / AFTER: %.2f / %.2f (uniform guessing over %d "
                                        "characters: %d)",
                                        metrics["ppl_heldout_before"].get<double>(),
                                        metrics["ppl_heldout_after"].get<double>(), int(distinct.size()),
                                        int(distinct.size())));
  const std::vector<double> candidates = lab_test::result_numbers(result, {"/split"});
  CHECK(lab_test::check_numbers_come_from(result["insight"].get<std::string>(), candidates) >= 6);
  // Seeded: the same text and seed give the same samples; another temperature draws others.
  CHECK(run_ok("05.4", {{"corpus", text}})["data"]["samples"] == samples);
  CHECK(run_ok("05.4", {{"corpus", text}, {"temperature", 0.3}})["data"]["samples"] != samples);
}

TEST_CASE("05.4 without a corpus is the notebook's exercise, whatever the temperature", "[05.4][corpus]") {
  json plain = run_ok("05.4", {{"steps", 20}});
  json explicit_empty = run_ok("05.4", {{"steps", 20}, {"corpus", ""}, {"temperature", 2.5}});
  CHECK(explicit_empty["metrics"] == plain["metrics"]);
  CHECK(explicit_empty["log"] == plain["log"]);
  CHECK(explicit_empty["insight"] == plain["insight"]);
  CHECK_FALSE(plain["data"].contains("samples"));
  CHECK(plain["metrics"]["uniform_ppl"] == 20);
}

TEST_CASE("05.4 refuses a text it cannot use, saying what is allowed", "[05.4][corpus][errors]") {
  CHECK(lab::run_exercise("05.4", {{"corpus", "too short"}})["error"]["message"] ==
        "corpus must hold at least 161 characters at seq_len 16: its last 10% is held out and must fill one window "
        "of seq_len + 1 characters (got 9)");
  CHECK(lab::run_exercise("05.4", {{"corpus", "abc"}, {"seq_len", 2}})["error"]["message"] ==
        "corpus must hold at least 21 characters at seq_len 2: its last 10% is held out and must fill one window of "
        "seq_len + 1 characters (got 3)");
  CHECK(lab::run_exercise("05.4", {{"corpus", std::string(300, 'z')}})["error"]["message"] ==
        "corpus must use at least 2 distinct characters: with one, every next character is certain");
  const json bad_utf8 = lab::run_exercise("05.4", {{"corpus", std::string(kSampleText) + "\xff"}})["error"];
  CHECK(bad_utf8["code"] == "bad_input");
  CHECK(bad_utf8["param"] == "corpus");
  std::string many;  // 1,001 distinct characters (CJK ideographs, three bytes each)
  for (char32_t c = 0x4E00; c < 0x4E00 + 1001; ++c) {
    many += char(0xE0 | (c >> 12));
    many += char(0x80 | ((c >> 6) & 0x3F));
    many += char(0x80 | (c & 0x3F));
  }
  CHECK(lab::run_exercise("05.4", {{"corpus", many}})["error"]["message"] ==
        "corpus uses 1001 distinct characters; the lab's cap is 1000 (the model's vocabulary)");
  const json long_text = lab::run_exercise("05.4", {{"corpus", std::string(50001, 'a')}})["error"];
  CHECK(long_text["code"] == "too_large");
  CHECK(long_text["param"] == "corpus");
  std::string big;  // at the largest model, measuring and sampling a long text is over the arithmetic cap
  while (big.size() < 45000) big += kSampleText;
  const json costly = lab::run_exercise(
      "05.4", {{"corpus", big}, {"d_model", 192}, {"n_layers", 8}, {"seq_len", 64}, {"n_heads", 8}})["error"];
  CHECK(costly["code"] == "too_large");
  CHECK(costly["param"] == "corpus");
}
