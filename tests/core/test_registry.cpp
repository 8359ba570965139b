// The registry and run_exercise(): 25 exercises in course order, and errors as objects, never exceptions.
#include <catch2/catch.hpp>

#include <set>

#include "core/registry.hpp"

using lab::json;

TEST_CASE("the registry lists the 25 exercises in course order", "[registry]") {
  const json list = lab::list_exercises();
  REQUIRE(list.size() == 25);
  int index = 0;
  for (int notebook = 1; notebook <= 5; ++notebook) {
    for (int exercise = 1; exercise <= 5; ++exercise) {
      const std::string id = "0" + std::to_string(notebook) + "." + std::to_string(exercise);
      CHECK(list[index]["id"] == id);
      CHECK(list[index]["notebook"] == id.substr(0, 2));
      CHECK_FALSE(list[index]["title"].get<std::string>().empty());
      CHECK_FALSE(list[index]["summary"].get<std::string>().empty());
      CHECK_FALSE(list[index]["notebook_title"].get<std::string>().empty());
      ++index;
    }
  }
}

TEST_CASE("every exercise runs with its defaults and carries the contract's keys", "[registry]") {
  for (const auto& entry : lab::list_exercises()) {
    const std::string id = entry["id"];
    INFO("exercise " << id);
    const json result = lab::run_exercise(id, json::object());
    REQUIRE_FALSE(result.contains("error"));
    for (const char* key : {"id", "title", "params", "metrics", "data", "tables", "charts", "log", "insight"}) {
      CHECK(result.contains(key));
    }
    CHECK(result["id"] == id);
    CHECK(result["params"].size() == entry["params"].size());
    for (const auto& spec : entry["params"])
      CHECK(result["params"][spec["name"].get<std::string>()] == spec["default"]);
    std::set<std::string> keys;  // each chart's name within its exercise, for matching two runs' charts
    for (const auto& chart : result["charts"]) {
      CHECK_FALSE(chart["title"].get<std::string>().empty());
      CHECK(keys.insert(chart.at("key").get<std::string>()).second);
    }
  }
}

TEST_CASE("the same id and params give the same Result twice", "[registry]") {
  for (const auto& entry : lab::list_exercises()) {
    const std::string id = entry["id"];
    INFO("exercise " << id);
    json first = lab::run_exercise(id, json::object());
    json second = lab::run_exercise(id, json::object());
    // Wall-clock measurements (keys ending in _ms, tables marked wall_clock) are the one thing allowed to differ.
    auto strip = [](json& value, auto&& self) -> void {
      if (value.is_object()) {
        for (auto it = value.begin(); it != value.end();) {
          const std::string& key = it.key();
          if (key.size() > 3 && key.compare(key.size() - 3, 3, "_ms") == 0) {
            it = value.erase(it);
          } else {
            self(it.value(), self);
            ++it;
          }
        }
      } else if (value.is_array()) {
        for (auto it = value.begin(); it != value.end();) {
          if (it->is_object() && it->value("wall_clock", false)) {
            it = value.erase(it);  // a table of wall-clock measurements
          } else {
            self(*it, self);
            ++it;
          }
        }
      }
    };
    strip(first, strip);
    strip(second, strip);
    CHECK(first == second);
  }
}

TEST_CASE("errors come back as objects with a code, a message and the parameter", "[registry][errors]") {
  const json unknown = lab::run_exercise("09.9", json::object());
  CHECK(unknown["error"]["code"] == "unknown_exercise");
  const json bad = lab::run_exercise("01.1", {{"seq_len", -1}});
  CHECK(bad["error"]["code"] == "bad_param");
  CHECK(bad["error"]["param"] == "seq_len");
  const json text = json::parse(lab::run_exercise_text("01.1", "{not json"));
  CHECK(text["error"]["code"] == "bad_param");
  CHECK(text["error"]["message"] ==
        "params are not valid JSON at byte 2 (invalid literal; expected string literal): {not json");
  // The next run after an error still works.
  CHECK_FALSE(json::parse(lab::run_exercise_text("01.1", "{}")).contains("error"));
}
