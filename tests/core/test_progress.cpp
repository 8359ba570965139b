// Progress while an exercise runs: the exercises that can take longer than about 0.3 s (the trainers, 02.2's
// timing, 02.3's micro-batches, 01.3's passes, 05.5's comparison, the attention maps of 01.1, 01.2 and 01.4) report
// {"step", "total", "stage"?, "loss"?} with steps that never go back and never pass the total, so the page can show
// how far a run is and estimate the time left; runs that train several models name each in "stage".
#include <catch2/catch.hpp>

#include <string>

#include "core/registry.hpp"

using lab::json;

namespace {

json progress_of(const std::string& id, const json& params) {
  json updates = json::array();
  const json result = lab::run_exercise(id, params, [&](const json& update) { updates.push_back(update); });
  INFO(result.dump().substr(0, 300));
  REQUIRE_FALSE(result.contains("error"));
  return updates;
}

// Steps in order, within one total, the last one at least `last`.
void check_steps(const json& updates, int total, int last) {
  REQUIRE_FALSE(updates.empty());
  int previous = -1;
  for (const auto& update : updates) {
    CHECK(update["total"] == total);
    CHECK(update["step"].get<int>() >= previous);
    CHECK(update["step"].get<int>() <= total);
    previous = update["step"].get<int>();
  }
  CHECK(previous >= last);
}

}  // namespace

TEST_CASE("02.3 reports its micro-batches, then the full-batch pass and the step", "[progress][02.3]") {
  const json updates = progress_of("02.3", {{"physical_batch", 2}, {"effective_batch", 400}});
  check_steps(updates, 202, 201);
  CHECK(updates.size() == 102);  // one per hundredth of the 200 micro-batches, then the last two stages
  CHECK(updates[0]["stage"] == "accumulating micro-batches");
  CHECK(updates[updates.size() - 2]["stage"] == "one backward pass over the whole batch");
  CHECK(updates.back()["stage"] == "one optimizer step");
}

TEST_CASE("02.5 and 05.1 name each of the runs they train", "[progress][02.5][05.1]") {
  const json classes = progress_of("02.5", {{"epochs", 4}, {"class_counts", {20, 10, 5}}});
  check_steps(classes, 8, 8);
  REQUIRE(classes.size() == 8);
  for (int i = 0; i < 8; ++i) CHECK(classes[i]["stage"] == (i < 4 ? "weighted loss" : "unweighted loss"));
  CHECK(classes[0]["loss"].is_number());
  const json ranks = progress_of("05.1", {{"ranks", {2, 3}}, {"steps", 3}, {"task_width", 8}});
  check_steps(ranks, 6, 6);
  CHECK(ranks[0]["stage"] == "r = 2");
  CHECK(ranks[5]["stage"] == "r = 3");
}

TEST_CASE("01.3 and 05.5 report the stages of one long computation", "[progress][01.3][05.5]") {
  const json passes = progress_of("01.3", {{"n_blocks", 3}});
  check_steps(passes, 3, 2);
  CHECK(passes.back()["stage"] == "the backward pass");
  const json merge = progress_of("05.5", {{"samples", 10}});
  check_steps(merge, 3, 2);
  CHECK(merge[0]["stage"] == "comparing the two paths");
  for (const char* id : {"01.1", "01.2", "01.4"}) {
    INFO(id);
    check_steps(progress_of(id, json::object()), 2, 1);
  }
}

TEST_CASE("05.4 on a text counts its samples after the training steps", "[progress][05.4]") {
  std::string text;
  for (int i = 0; i < 8; ++i) text += "a small text about rivers, mills and bread, line " + std::to_string(i) + ". ";
  const json updates = progress_of("05.4", {{"corpus", text}, {"steps", 5}});
  check_steps(updates, 8, 7);
  REQUIRE(updates.size() == 8);
  CHECK(updates[4]["loss"].is_number());
  CHECK(updates[5]["stage"] == "drawing samples");
  CHECK(updates[7]["step"] == 7);
}
