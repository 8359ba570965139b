// The insights, chart titles and captions of all 25 exercises follow the run they describe: each exercise runs at
// parameters other than the notebook's, and every number its insight states must be a value of that Result (its
// params, metrics, the data it points to, or a figure the test derives from them) to the precision written. A
// sentence typed for the defaults ("the 100 majority examples", "mean P@3 is only 0.417") fails here. Beside the
// numbers, each case checks the words that depend on them (which class is rarest, P@1 rather than P@3, ...).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/registry.hpp"
#include "core/string_format.hpp"
#include "run_exercise.hpp"
#include "stated_numbers.hpp"

using lab::json;
using lab::testing::run_ok;
using lab_test::check_numbers_come_from;
using lab_test::result_numbers;

namespace {

std::string insight_of(const json& result) { return result["insight"].get<std::string>(); }

bool says(const json& result, const std::string& words) { return insight_of(result).find(words) != std::string::npos; }

// Every number of the insight comes from the Result; the insight states at least `at_least` of them.
void check_insight(const json& result, const std::vector<double>& candidates, std::size_t at_least) {
  CHECK(check_numbers_come_from(insight_of(result), candidates) >= at_least);
}

}  // namespace

TEST_CASE("01.1's insight quotes this run's similarities", "[insights][01.1]") {
  const json result = run_ok("01.1", {{"seq_len", 20}, {"d_model", 16}});
  CHECK(says(result, "C/2 = 8.0"));
  check_insight(result, result_numbers(result, {}, {2, 10}), 3);  // "C/2", "10 apart"
  CHECK(result["charts"][0]["title"] == "Positional Encoding Matrix (20 positions x 16 dimensions)");
  check_numbers_come_from(result["charts"][2]["note"].get<std::string>(), result_numbers(result, {}, {0, 2}));
  const json short_run = run_ok("01.1", {{"seq_len", 8}, {"d_model", 16}});
  CHECK_FALSE(says(short_run, "10 apart"));  // no position 10 to compare with
}

TEST_CASE("01.2's insight gives this run's head entropies against log T", "[insights][01.2]") {
  const json result = run_ok("01.2", {{"seq_len", 7}, {"d_model", 12}, {"n_heads", 3}, {"batch", 1}, {"seed", 3}});
  check_insight(result, result_numbers(result, {"/head_entropy"}, {12 / 3}), 7);
  const json& entropy = result["data"]["head_entropy"];
  const double lowest = std::min({entropy[0].get<double>(), entropy[1].get<double>(), entropy[2].get<double>()});
  CHECK(says(result, lab::format("from %.3f", lowest)));
  CHECK(says(result, lab::format("log T = %.3f", std::log(7.0))));
}

TEST_CASE("01.3's insight says which way the gradient ratio goes, at any depth", "[insights][01.3]") {
  for (const char* norm : {"post", "pre"}) {
    const json result = run_ok("01.3", {{"n_blocks", 3}, {"norm", norm}, {"d_model", 16}, {"n_heads", 2}});
    INFO(norm);
    check_insight(result, result_numbers(result), 2);
    const double ratio = result["metrics"]["first_to_last_ratio"].get<double>();
    CHECK(says(result, ratio < 0.95 ? "smaller than" : ratio > 1.05 ? "larger than" : "about the same as"));
  }
  const json one = run_ok("01.3", {{"n_blocks", 1}, {"d_model", 16}, {"n_heads", 2}});
  CHECK(says(one, "no depth to compare"));
  check_insight(one, result_numbers(one), 1);
}

TEST_CASE("01.4's insight measures every head", "[insights][01.4]") {
  const json result = run_ok("01.4", {{"seq_len", 5}, {"d_model", 8}, {"n_heads", 2}});
  check_insight(result, result_numbers(result, {}, {0, 1}), 4);  // "0..i", "sums to 1"
  CHECK(says(result, "all 2 heads of 5 tokens"));
  CHECK(result["metrics"]["max_row_sum_error"].get<double>() < 1e-5);
}

TEST_CASE("01.5's insight says when the copy is not learned yet", "[insights][01.5]") {
  const json result = run_ok("01.5", {{"steps", 5}, {"vocab", 6}, {"d_model", 8}, {"n_heads", 2}, {"ff_dim", 16}});
  check_insight(result, result_numbers(result, {}, {100}), 2);  // 100 test sequences
  CHECK(result["metrics"]["accuracy"].get<double>() < 0.99);
  CHECK(says(result, "only"));
  CHECK(says(result, "After 5 Adam steps"));
}

TEST_CASE("02.1's insight follows warmup_steps, and a run that ends before the peak", "[insights][02.1]") {
  const json result = run_ok("02.1", {{"warmup_steps", 40}, {"steps", 120}, {"d_model", 64}});
  check_insight(result, result_numbers(result, {}, {1}), 4);  // "1/√step"
  CHECK(says(result, "peaks at step 40"));
  const json early = run_ok("02.1", {{"warmup_steps", 200}, {"steps", 50}});
  check_insight(early, result_numbers(early, {}, {1}), 4);
  CHECK(says(early, "ends at step 50, before warmup ends at step 200"));
}

TEST_CASE("02.2's insight counts the configs given, against the baseline given", "[insights][02.2]") {
  const json configs = {{"small", {{"n_layers", 4}, {"hidden", 32}}},
                        {"base", {{"n_layers", 1}, {"hidden", 64}, {"vocab", 1000}}}};
  const json result = run_ok("02.2", {{"configs", configs}, {"baseline", "base"}, {"latency_tokens", 0}});
  std::vector<double> millions;
  for (const auto& model : result["data"]["models"]) {
    millions.push_back(model["params"].get<double>() / 1e6);
    millions.push_back(model["embedding_params"].get<double>() / 1e6);
  }
  check_insight(result, result_numbers(result, {"/models"}, millions), 7);
  CHECK_FALSE(says(result, "BERT"));
  CHECK(says(result, "small (4 layers, H = 32) has"));
}

TEST_CASE("02.3's title, chart and insight state this run's batch sizes", "[insights][02.3]") {
  const json result = run_ok("02.3", {{"physical_batch", 5}, {"effective_batch", 35}, {"features", 5}});
  CHECK(result["charts"][0]["key"] == run_ok("02.3")["charts"][0]["key"]);  // the title changes, the key does not
  const std::vector<double> candidates = result_numbers(result, {}, {35 / 5});
  check_insight(result, candidates, 5);
  CHECK(says(result, "7 micro-batches of 5 examples"));
  CHECK(result["charts"][0]["title"] == "Loss of each of the 7 micro-batches of 5 examples, divided by 7");
  check_numbers_come_from(result["charts"][0]["note"].get<std::string>(), candidates);
  CHECK(result["title"].get<std::string>().find('8') == std::string::npos);  // no default batch size in the title
}

TEST_CASE("02.4's insight reads the attention of this example", "[insights][02.4]") {
  const json tokens = {"[CLS]", "the", "film", "is", "very", "bad", "[SEP]"};
  const json result = run_ok("02.4", {{"tokens", tokens}, {"steps", 10}});
  check_insight(result, result_numbers(result, {"/avg_attention"}), 3);
  CHECK_FALSE(says(result, "gather \"not\""));  // there is no "not" in this example
}

TEST_CASE("02.5's insight at equal classes, and when both runs reach the same accuracy", "[insights][02.5]") {
  const json equal = run_ok("02.5", {{"class_counts", {100, 100, 100}}, {"epochs", 20}});
  check_insight(equal, result_numbers(equal, {"/per_class_accuracy"}, {0}), 2);  // class 0
  CHECK_FALSE(says(equal, "dominated"));
  CHECK(says(equal, "equally large (100 examples each)"));
  CHECK(equal["charts"][0]["note"] == "Every class weight is 1.0000 here, so the two losses are on the same scale.");
  const json small = run_ok("02.5", {{"class_counts", {60, 30, 12}}, {"epochs", 400}, {"lr", 0.02}});
  check_insight(small, result_numbers(small, {"/per_class_accuracy"}, {0, 1, 2}), 5);
  CHECK(says(small, "class 0's 60 examples"));
  CHECK(says(small, "the rarest class, 2 (12 examples)"));
  // "lift it to N%" only when N is above what the unweighted run printed
  const int with = int(std::lround(100 * small["data"]["per_class_accuracy"]["weighted"][2].get<double>()));
  const int without = int(std::lround(100 * small["data"]["per_class_accuracy"]["unweighted"][2].get<double>()));
  CHECK(says(small, with > without ? "lift it to" : with < without ? "falls to" : "stays at"));
  check_numbers_come_from(small["charts"][0]["note"].get<std::string>(), result_numbers(small, {"/class_weights"}));
}

TEST_CASE("03.1's insight names this reply's violation", "[insights][03.1]") {
  const json result =
      run_ok("03.1", {{"text",
                       "Sure: {\"order_id\": \"X\", \"customer\": {\"name\": \"A\", \"email\": \"a@b\"}, "
                       "\"items\": [{\"sku\": \"S\", \"qty\": 2.5}]}"}});
  CHECK(says(result, "fails the schema at /items/0/qty: expected integer"));
  check_insight(result, result_numbers(result, {}, {0}), 1);  // the path's index
  CHECK(says(run_ok("03.1", {{"text", "no braces here"}}), "Here no JSON was found"));
}

TEST_CASE("03.2's insight counts this run's failed calls", "[insights][03.2]") {
  const json calls = json::parse(R"([{"name": "get_weather", "args": {"city": "Oslo", "date": "2025-02-01"}},
                                     {"name": "get_stock", "args": {}}])");
  const json result = run_ok("03.2", {{"tool_calls", calls}});
  check_insight(result, result_numbers(result), 2);
  CHECK(says(result, "1 of the 2 calls failed"));
}

TEST_CASE("03.3's insight counts the queries with terms the corpus lacks", "[insights][03.3]") {
  const json result = run_ok("03.3", {{"queries", {"attention transformer", "neural networks", "text"}}, {"k", 3}});
  double with_unknown = 0;
  for (const auto& ranking : result["data"]["rankings"]) with_unknown += !ranking["unknown_terms"].empty();
  CHECK(with_unknown == 1);
  check_insight(result, result_numbers(result, {}, {with_unknown, 3, 1}), 2);  // "k1 + 1"
  CHECK(says(result, "1 of the 3 queries"));
  const json& known = result["tables"][1];
  CHECK(known["rows"][0] == json({"attention transformer", "attention", "transformer"}));
}

TEST_CASE("03.4's insight checks this problem's answers", "[insights][03.4]") {
  const json result =
      run_ok("03.4", {{"problem", "Tom has 10 marbles. He finds 4 more and then loses 3. How many does he have?"}});
  check_insight(result, result_numbers(result, {"/expected", "/runs"}), 3);
  CHECK(says(result, "The true answer is 11"));
  CHECK(says(result, "the direct prompt got 13 (wrong), the few-shot prompt 11 (right)"));
  CHECK(result["tables"][1]["rows"][1][1] == result["data"]["prompt"]);  // the few-shot prompt, as sent
}

TEST_CASE("03.5's insight counts the turns dropped at this budget", "[insights][03.5]") {
  const json result = run_ok("03.5", {{"max_tokens", 40}, {"tokens_per_word", 1.5}});
  check_insight(result, result_numbers(result, {}, {7}), 4);  // 7 turns
  CHECK(says(result, "of the 7 turns were dropped to fit the 40-token budget"));
  CHECK(says(result, "Words × 1.5"));
}

TEST_CASE("04.1's insight speaks of P@k for the k given", "[insights][04.1]") {
  for (int k : {1, 2}) {
    const json result = run_ok("04.1", {{"k", k}});
    INFO("k = " << k);
    check_insight(result, result_numbers(result, {}, {1}), 4);
    CHECK(says(result, "Mean P@" + std::to_string(k) + " is"));
    CHECK_FALSE(says(result, "P@3"));
  }
  CHECK(says(run_ok("04.1", {{"k", 1}}), "so P@1 can reach 1"));
}

TEST_CASE("04.2's insight quotes this corpus's samples, never the notebook's", "[insights][04.2]") {
  const json corpus = {"the dog runs in the park", "a cat sleeps in the sun", "the sun rises over the park"};
  const json result = run_ok("04.2", {{"corpus", corpus}, {"seed", 3}, {"n_samples", 6}});
  CHECK_FALSE(says(result, "data science"));
  check_insight(result, result_numbers(result, {}, {1, 2, 3, 4, 5, 6}), 2);  // the sample quoted, by its number
  const json& samples = result["data"]["samples"];
  REQUIRE(samples.size() == 6);
  const json& table = result["tables"][0];
  CHECK(table["title"] == "Generated sentences");
  REQUIRE(table["rows"].size() == 6);
  for (std::size_t i = 0; i < 6; ++i) CHECK(table["rows"][i][1] == samples[i]);
  for (std::size_t i = 0; i < 6; ++i) {  // the quoted sample is one of this run's, under its own number
    const std::string quoted = lab::format("sample %zu, \"", i + 1) + samples[i].get<std::string>() + "\"";
    if (says(result, quoted)) CHECK(table["rows"][i][3] == "stitched from several training sentences");
  }
}

TEST_CASE("04.3's insight counts this run's reviews, features and probabilities", "[insights][04.3]") {
  const json train = json::parse(R"([["great phone, love it", 1], ["awful battery, broke fast", 0],
    ["love the screen", 1], ["broke after a week", 0], ["great value", 1], ["awful support", 0]])");
  const json test = json::parse(R"([["love it", 1], ["awful", 0], ["great battery", 1]])");
  const json result = run_ok("04.3", {{"train", train}, {"test", test}, {"C", 10.0}});
  check_insight(result, result_numbers(result, {"/probabilities"}, {6, 3}), 6);
  CHECK(says(result, "so that 6 short reviews"));
  CHECK(says(result, "C = 10.0"));
}

TEST_CASE("04.4's insight shows what [a-zA-Z0-9]+ does to these texts", "[insights][04.4]") {
  const json cases = json::parse(R"([{"name": "German", "text": "Grüße aus Köln"}])");
  const json result = run_ok("04.4", {{"cases", cases}, {"detail_case", 0}});
  CHECK(says(result, "(Grüße becomes Gr and e, in the German case)"));
  CHECK_FALSE(says(result, "München"));
  const json ascii =
      run_ok("04.4", {{"cases", json::parse(R"([{"name": "plain", "text": "plain words"}])")}, {"detail_case", 0}});
  CHECK_FALSE(says(ascii, "becomes"));
}

TEST_CASE("04.5's insight counts the words each threshold dropped", "[insights][04.5]") {
  const json result = run_ok("04.5", {{"min_df", 1}, {"max_df_ratio", 0.5}});
  double too_common = 0, too_rare = 0;
  for (const auto& row : result["tables"][0]["rows"]) {
    const std::string outcome = row[3].get<std::string>();
    too_common += outcome.find("df/N") != std::string::npos;
    too_rare += outcome.find("min_df") != std::string::npos;
  }
  CHECK(too_common > 0);
  check_insight(result, result_numbers(result, {}, {too_common, too_rare, 1}), 5);  // "1 + ln tf"
  CHECK(says(result, lab::format("max_df_ratio = 0.5 drops %d", int(too_common))));
}

TEST_CASE("05.1's insight compares this run's last two ranks", "[insights][05.1]") {
  const json result = run_ok("05.1", {{"ranks", {2, 6}}, {"steps", 20}, {"task_width", 8}, {"d_model", 32}});
  const json& ranks = result["data"]["ranks"];
  const double factor = ranks[1]["params"].get<double>() / ranks[0]["params"].get<double>();
  check_insight(result, result_numbers(result, {"/ranks"}, {factor, 4}), 5);  // "4·r·d"
  CHECK(says(result, "from r = 2 to r = 6 multiplies the parameters by 3.0"));
}

TEST_CASE("05.2's insight stops promising under 1% when the rank is large", "[insights][05.2]") {
  const json result = run_ok("05.2", {{"r", 256}, {"d_model", 512}, {"n_layers", 2}});
  check_insight(result, result_numbers(result, {"/configs"}, {2, 3, 4, 1}), 3);  // "2 : 3 : 4", "1%"
  CHECK_FALSE(says(result, "stay under 1%"));
  CHECK(says(result, "all four pass 1%"));
}

TEST_CASE("05.3's insight and log count epochs as run, saved and past the best", "[insights][05.3]") {
  const json result = run_ok("05.3", {{"val_ppls", {9, 7, 6, 6.5, 6.4, 6.8, 7, 8}}, {"patience", 2}});
  CHECK(result["data"]["best_epoch"] == 2);
  CHECK(result["data"]["stopped_at"] == 4);
  check_insight(result, result_numbers(result, {}, {8, 0}), 6);  // 8 epochs; "count from 0"
  CHECK(says(result, "stopped at epoch 4, its 5th epoch: it saved the last 3 of 8 epochs, and the 2 it ran past"));
  CHECK(result["log"][1] ==
        "Stopped at epoch: 4 (counting from 0: 5 of 8 epochs ran, 3 were saved, 2 ran past the best)");
  CHECK(result["data"]["notebook_printed"] == "Stopped at epoch: 4 (saved 1 wasted epochs)");
}

TEST_CASE("05.4's insight without a corpus says when training has not learned the symbols", "[insights][05.4]") {
  const json result = run_ok("05.4", {{"steps", 3}});
  check_insight(result, result_numbers(result), 4);
  CHECK(says(result, "has not yet learned"));
}

TEST_CASE("05.5's insight quotes this run's difference and norm", "[insights][05.5]") {
  const json result = run_ok(
      "05.5", {{"b_std", 0.1}, {"in_features", 16}, {"out_features", 8}, {"r", 4}, {"samples", 10}, {"seed", 5}});
  check_insight(result, result_numbers(result), 3);
  CHECK(says(result, lab::format("‖B‖ = %.4f", result["metrics"]["b_norm"].get<double>())));
  CHECK(says(run_ok("05.5", {{"b_std", 0}}), "proves nothing"));
}

TEST_CASE("the number check rejects sentences typed for the defaults", "[insights]") {
  auto all_found = [](const std::string& sentence, const std::vector<double>& candidates) {
    bool found = true;
    for (const auto& n : lab_test::stated_numbers(sentence)) found = found && lab_test::is_one_of(n, candidates);
    return found;
  };
  // What 04.1 and 02.2 said before their insights followed the Result, at other parameters.
  const json k1 = run_ok("04.1", {{"k", 1}});
  CHECK_FALSE(all_found("the mean P@3 is only 0.417", result_numbers(k1)));
  const json configs = {{"small", {{"n_layers", 4}, {"hidden", 32}}}, {"base", {{"n_layers", 1}, {"hidden", 64}}}};
  const json counts = run_ok("02.2", {{"configs", configs}, {"baseline", "base"}, {"latency_tokens", 0}});
  CHECK_FALSE(
      all_found("keeps 61% of BERT-base because the 23M-parameter embedding table stays, while shrinking "
                "the width (BERT-tiny, H = 128) leaves 4%.",
                result_numbers(counts, {"/models"})));
  // Quoted words and names with digits are not figures; shares match as percentages, written precision counts.
  const auto numbers = lab_test::stated_numbers("block1 of W_q says \"3 cats\" at 61.0% and 4.2e-08, its 12th");
  REQUIRE(numbers.size() == 3);
  CHECK(numbers[0].percent);
  CHECK(lab_test::is_one_of(numbers[0], {0.6104}));
  CHECK_FALSE(lab_test::is_one_of(numbers[0], {0.6106}));
  CHECK(lab_test::is_one_of(numbers[1], {4.16e-8}));
  CHECK_FALSE(lab_test::is_one_of(numbers[1], {4.3e-8}));
  CHECK(numbers[2].value == 12);
}
