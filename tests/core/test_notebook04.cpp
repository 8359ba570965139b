// Notebook 04 exercises through the registry: the notebook's printed lines, the keys of exercises.md, parity with
// scikit-learn and the notebook's own Python on other inputs, and every error path down to its message.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/registry.hpp"
#include "notebook_lines.hpp"
#include "reference_files.hpp"
#include "run_exercise.hpp"

using lab::json;
using lab::testing::error_of;
using lab::testing::run_ok;

namespace {

double max_difference(const json& ours, const json& theirs) {
  REQUIRE(ours.size() == theirs.size());
  double worst = 0.0;
  for (std::size_t i = 0; i < ours.size(); ++i)
    worst = std::max(worst, std::fabs(ours[i].get<double>() - theirs[i].get<double>()));
  return worst;
}

}  // namespace

TEST_CASE("04.x with default params print the notebook's lines", "[04][notebook]") {
  for (const char* id : {"04.1", "04.2", "04.3", "04.4", "04.5"}) {
    INFO(id);
    const json log = run_ok(id)["log"];
    const std::vector<std::string> expected = lab_test::notebook_lines(id);
    REQUIRE(expected.size() == log.size());
    for (std::size_t i = 0; i < log.size(); ++i) CHECK(log[i].get<std::string>() == expected[i]);
  }
}

TEST_CASE("04.1 gives mean P@3 0.417 for both retrievers and scikit-learn's TF-IDF rankings", "[04.1]") {
  const json result = run_ok("04.1");
  CHECK(result["metrics"]["mean_precision_tfidf"].get<double>() == Approx(5.0 / 12));
  CHECK(result["metrics"]["mean_precision_bm25"].get<double>() == Approx(5.0 / 12));
  const json reference = lab_test::load_reference_json("sklearn_reference.json")["ranking_041"];
  json eval_set = json::array();
  for (const auto& q : reference) eval_set.push_back({{"query", q["query"]}, {"relevant", {0}}});
  const json per_query = run_ok("04.1", {{"eval_set", eval_set}})["data"]["per_query"];
  for (std::size_t i = 0; i < reference.size(); ++i) {
    INFO(reference[i]["query"].get<std::string>());
    CHECK(per_query[i]["tfidf_top"] == reference[i]["top3"]);
    CHECK(max_difference(per_query[i]["tfidf_scores"], reference[i]["scores"]) < 1e-15);
  }
  CHECK(per_query[4]["tfidf_top"] == json{0, 1, 2});  // "quantum computing": all scores 0, lower indices first
}

TEST_CASE("04.1 checks relevant indices, k and the vocabulary", "[04.1][errors]") {
  CHECK(error_of("04.1", {{"eval_set", json::parse(R"([{"query": "x", "relevant": [10]}])")}})["message"] ==
        "eval_set[0].relevant[0] must be a document index between 0 and 9 (got 10)");
  CHECK(error_of("04.1", {{"eval_set", json::parse(R"([{"query": "x"}])")}})["message"] ==
        "eval_set[0] must be an object {\"query\": ..., \"relevant\": [doc, ...]} and nothing else");
  CHECK(error_of("04.1", {{"k", 11}})["message"] == "k must be at most the number of documents (10), got 11");
  const json empty = error_of(
      "04.1", {{"docs", {"a b", "c"}}, {"k", 1}, {"eval_set", json::parse(R"([{"query": "a", "relevant": [0]}])")}});
  CHECK(empty["code"] == "bad_input");
  CHECK(empty["message"] ==
        "TF-IDF cannot be fitted: empty vocabulary; perhaps the documents only contain stop words "
        "(no word of 2+ characters)");
}

TEST_CASE("04.2 samples the notebook's sentences for other seeds and smoothings too", "[04.2]") {
  const json reference = lab_test::load_reference_json("notebook_reference.json")["bigram"];
  for (const auto& c : reference) {
    INFO(c["name"].get<std::string>());
    json probes = json::array();
    for (const auto& p : c["probes"]) probes.push_back({p[0], p[1]});
    const json data = run_ok("04.2", {{"corpus", c["corpus"]},
                                      {"smoothing", c["smoothing"]},
                                      {"seed", c["seed"]},
                                      {"max_len", c["max_len"]},
                                      {"probes", probes}})["data"];
    CHECK(data["samples"] == c["samples"]);
    for (std::size_t i = 0; i < probes.size(); ++i) CHECK(data["probe_probs"][i] == c["probes"][i][2]);
  }
}

TEST_CASE("04.2 checks its probes", "[04.2][errors]") {
  CHECK(error_of("04.2", {{"probes", json::parse(R"([["the"]])")}})["message"] == "probes[0] must be a pair [w1, w2]");
  CHECK(error_of("04.2", {{"probes", json::parse(R"([["the", 1]])")}})["message"] ==
        "probes[0][1] must be a string (got 1)");
}

TEST_CASE("04.3 matches scikit-learn: features, predictions, probabilities within 2e-3, the report", "[04.3]") {
  const json reference = lab_test::load_reference_json("sklearn_reference.json")["pipeline_043"];
  for (const auto& c : reference) {
    INFO(c["name"].get<std::string>());
    const json params = {{"train", c["train"]},
                         {"test", c["test"]},
                         {"max_features", c["max_features"]},
                         {"ngram_max", c["name"] == "unigrams, 10 features, C=10" ? 1 : 2},
                         {"C", c["C"]}};
    const json data = run_ok("04.3", params)["data"];
    CHECK(data["test_preprocessed"] == c["test_preprocessed"]);
    CHECK(data["train_preprocessed"] == c["train_preprocessed"]);
    CHECK(data["features"] == c["features"]);
    CHECK(data["predictions"] == c["predictions"]);
    CHECK(max_difference(data["probabilities"], c["probabilities"]) < 2e-3);
    CHECK(max_difference(data["probabilities"], c["exact_probabilities"]) < 1e-7);
    for (const auto& item : c["report_dict"].items()) {
      if (item.value().is_object()) {
        for (const auto& score : item.value().items()) {
          CHECK(data["report"][item.key()][score.key()].get<double>() == Approx(score.value().get<double>()));
        }
      } else {
        CHECK(data["report"][item.key()].get<double>() == Approx(item.value().get<double>()));
      }
    }
  }
}

TEST_CASE("04.3 reports a class absent from test labels and predictions with labels=[0, 1]", "[04.3]") {
  const json result = run_ok("04.3", {{"test", json::parse(R"([["Terrible, broken, waste of money", 0]])")}});
  CHECK(result["data"]["predictions"] == json{0});
  CHECK(result["data"]["report"].contains("micro avg"));
  CHECK(result["data"]["report"]["positive"]["support"] == 0);
  CHECK(result["log"][6] == "   micro avg       1.00      1.00      1.00         1");
}

TEST_CASE("04.3 validates its pairs and needs both classes", "[04.3][errors]") {
  CHECK(error_of("04.3", {{"train", json::parse(R"([["good", 1], ["great", 1]])")}})["message"] ==
        "train must hold both labels, 0 and 1: logistic regression needs two classes");
  CHECK(error_of("04.3", {{"test", json::parse(R"([["good", 2]])")}})["message"] ==
        "test[0][1] must be the label 0 (negative) or 1 (positive), got 2");
  CHECK(error_of("04.3", {{"test", json::parse(R"([["good"]])")}})["message"] ==
        "test[0] must be a pair [text, label]");
  CHECK(error_of("04.3", {{"train", json::parse(R"([["a !", 1], ["the of", 0]])")}})["code"] == "bad_input");
}

TEST_CASE("04.4 returns Python's token lists for any cases, and the count table", "[04.4]") {
  const json reference = lab_test::load_reference_json("text_reference.json")["cases"];
  json cases = json::array();
  for (std::size_t i = 0; i < 20; ++i)
    cases.push_back({{"name", reference[i]["name"]}, {"text", reference[i]["text"]}});
  const json result = run_ok("04.4", {{"cases", cases}, {"detail_case", 16}});
  for (std::size_t i = 0; i < 20; ++i) {
    INFO(reference[i]["name"].get<std::string>());
    CHECK(result["data"]["cases"][i]["whitespace"] == reference[i]["whitespace"]);
    CHECK(result["data"]["cases"][i]["regex"] == reference[i]["regex"]);
    CHECK(result["data"]["cases"][i]["aggressive"] == reference[i]["aggressive"]);
  }
  CHECK(result["log"][23] == "Detailed analysis for unicode spaces case:");
  CHECK(result["log"][24] == "  Whitespace tokens: " + reference[16]["repr_split"].get<std::string>());
}

TEST_CASE("04.4 pads names by characters and checks its inputs", "[04.4][errors]") {
  const json result =
      run_ok("04.4", {{"cases", json::parse(R"([{"name": "Ünïcode", "text": "é"}])")}, {"detail_case", 0}});
  CHECK(result["log"][2] == "Ünïcode                  1          1            0");
  CHECK(error_of("04.4", {{"cases", json::parse(R"([{"name": "a", "text": "b"}])")}})["message"] ==
        "detail_case must be the index of a case, below 1 (got 1)");
  CHECK(error_of("04.4", {{"cases", json::parse(R"([{"name": "a", "text": "b", "x": 1}])")}})["message"] ==
        "cases[0] must be an object {\"name\": ..., \"text\": ...} and nothing else");
  json invalid = json::array({{{"name", "bad"}, {"text", "ok \xc3"}}});
  CHECK(error_of("04.4", {{"cases", invalid}, {"detail_case", 0}})["message"] ==
        "cases[0].text is not valid UTF-8 (byte 0xc3 at offset 3)");
}

TEST_CASE("04.5 reproduces the notebook's class on every option set", "[04.5]") {
  const json reference = lab_test::load_reference_json("notebook_reference.json")["tfidf_scratch"];
  for (const auto& c : reference) {
    INFO(c["name"].get<std::string>());
    const json result = run_ok("04.5", {{"docs", c["docs"]},
                                        {"sublinear_tf", c["sublinear_tf"]},
                                        {"min_df", c["min_df"]},
                                        {"max_df_ratio", c["max_df_ratio"]}});
    CHECK(result["data"]["vocab"] == c["vocab"]);
    for (const auto& item : c["idf"].items()) CHECK(result["data"]["idf"][item.key()] == item.value());
    for (std::size_t r = 0; r < c["matrix"].size(); ++r)
      CHECK(max_difference(result["data"]["matrix"][r], c["matrix"][r]) < 1e-15);
    CHECK(result["log"][1] == "Matrix shape: (" + std::to_string(c["shape"][0].get<int>()) + ", " +
                                  std::to_string(c["shape"][1].get<int>()) + ")");
    CHECK(result["log"][2] == "Top terms by IDF (rare/informative): " + c["top"].get<std::string>());
    CHECK(result["log"][3] == "Bottom terms by IDF (common/filtered): " + c["bottom"].get<std::string>());
  }
}

TEST_CASE("notebook 04 gives the same Result on every run", "[04]") {
  for (const char* id : {"04.1", "04.2", "04.3", "04.4", "04.5"}) CHECK(run_ok(id).dump() == run_ok(id).dump());
}
