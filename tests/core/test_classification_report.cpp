// core/text/classification_report: scikit-learn's text table and dict, zero_division cases included.
#include <catch2/catch.hpp>

#include "core/text/classification_report.hpp"
#include "reference_files.hpp"

using namespace lab::text;

namespace {

ZeroDivision zero_division_of(const std::string& text) {
  if (text == "warn") return ZeroDivision::warn;
  return text == "1" ? ZeroDivision::one : ZeroDivision::zero;
}

void check_dicts_equal(const lab::json& ours, const lab::json& theirs) {
  REQUIRE(ours.size() == theirs.size());
  for (const auto& item : theirs.items()) {
    INFO("key " << item.key());
    REQUIRE(ours.contains(item.key()));
    if (item.value().is_object()) {
      for (const auto& score : item.value().items()) {
        CHECK(ours[item.key()][score.key()].get<double>() == Approx(score.value().get<double>()).epsilon(1e-15));
      }
    } else {
      CHECK(ours[item.key()].get<double>() == Approx(item.value().get<double>()).epsilon(1e-15));
    }
  }
}

}  // namespace

TEST_CASE("classification_report prints scikit-learn's table and builds its dict", "[report]") {
  const lab::json reference = lab_test::load_reference_json("sklearn_reference.json");
  for (const auto& c : reference["classification_report"]) {
    INFO("y_true " << c["y_true"].dump() << " y_pred " << c["y_pred"].dump() << " labels " << c["labels"].dump());
    const auto labels = c["labels"].is_null() ? std::vector<int>{} : c["labels"].get<std::vector<int>>();
    const auto names =
        c["target_names"].is_null() ? std::vector<std::string>{} : c["target_names"].get<std::vector<std::string>>();
    const ClassificationReport report =
        classification_report(c["y_true"].get<std::vector<int>>(), c["y_pred"].get<std::vector<int>>(), labels, names,
                              zero_division_of(c["zero_division"]));
    CHECK(report.text() == c["text"].get<std::string>());
    check_dicts_equal(report.to_dict(), c["dict"]);
  }
}

TEST_CASE("ill-defined precision warns under zero_division \"warn\"", "[report]") {
  const auto report = classification_report({0, 0, 0, 1}, {0, 0, 0, 0}, {}, {"negative", "positive"});
  REQUIRE(report.warnings.size() == 1);
  CHECK(report.warnings[0] ==
        "Precision and F-score are ill-defined and being set to 0.0 for class positive (no predicted samples).");
}

TEST_CASE("a missing class without labels= is scikit-learn's ValueError", "[report][errors]") {
  CHECK_THROWS_WITH(
      classification_report({1, 1}, {1, 1}, {}, {"negative", "positive"}),
      "Number of classes, 1, does not match size of target_names, 2. Try specifying the labels parameter");
}
