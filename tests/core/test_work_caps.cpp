// Caps on the work, not on the top level: what an exercise holds or computes in all is bounded, and a run beyond
// it is refused (too_large) with the bound in the message, before it can take seconds or hundreds of MB.
#include <catch2/catch.hpp>

#include <string>

#include "core/registry.hpp"
#include "run_exercise.hpp"

using lab::json;
using lab::testing::error_of;
using lab::testing::run_ok;

TEST_CASE("02.2 counts the memory of every block it times at once and refuses above 256 MB", "[work-caps]") {
  json configs = json::object();
  for (int i = 0; i < 12; ++i) configs["wide " + std::to_string(i)] = {{"n_layers", 1}, {"hidden", 1128 + 2 * i}};
  const json error = error_of("02.2", {{"configs", configs}, {"baseline", "wide 0"}, {"latency_tokens", 64}});
  CHECK(error["code"] == "too_large");
  CHECK(error["param"] == "configs");
  CHECK_THAT(error["message"].get<std::string>(),
             Catch::StartsWith("timing 12 block shapes at once would hold about ") &&
                 Catch::Contains("over the lab's cap of 256 MB"));
  // Without timing (latency_tokens 0) the same configs are only counted.
  CHECK_FALSE(run_ok("02.2", {{"configs", configs}, {"baseline", "wide 0"}, {"latency_tokens", 0}}).contains("error"));
}

TEST_CASE("05.5 counts everything its run holds and refuses above 256 MB", "[work-caps]") {
  const json error = error_of("05.5", {{"in_features", 2048}, {"out_features", 2048}, {"r", 2048}, {"samples", 1000}});
  CHECK(error["code"] == "too_large");
  CHECK_THAT(error["message"].get<std::string>(), Catch::Contains("over the lab's cap of 256 MB"));
  CHECK_FALSE(run_ok("05.5", {{"in_features", 1024}, {"out_features", 1024}, {"r", 64}}).contains("error"));
}

TEST_CASE("03.1's validation is bounded: uniqueItems over 50,000 items and anyOf x items are refused quickly",
          "[work-caps]") {
  json items = json::array();
  for (int i = 0; i < 50000; ++i) items.push_back(i);
  const json unique = error_of(
      "03.1",
      {{"schema", {{"type", "object"}, {"properties", {{"a", {{"uniqueItems", true}}}}}}}, {"value", {{"a", items}}}});
  CHECK(unique["code"] == "too_large");
  CHECK_THAT(unique["message"].get<std::string>(),
             Catch::StartsWith("validating the JSON against the schema takes more "
                               "than 2000000 steps"));
  json options = json::array(), values = json::array();
  for (int i = 0; i < 5000; ++i) {  // every item matches only the last option: 5,000 × 5,000 checks
    options.push_back(i < 4999 ? json::object({{"const", -1 - i}}) : json::object({{"type", "integer"}}));
    values.push_back(i);
  }
  json schema = json::object();
  schema["properties"]["a"]["items"]["anyOf"] = options;
  json value = json::object();
  value["a"] = values;
  const json any_of = error_of("03.1", {{"schema", schema}, {"value", value}});
  CHECK(any_of["code"] == "too_large");
  // A small uniqueItems check still answers, with the first equal pair.
  const json small = run_ok(
      "03.1", {{"schema", {{"properties", {{"a", {{"uniqueItems", true}}}}}}}, {"value", {{"a", {1, 2, 3, 2}}}}});
  CHECK(small["data"]["violation"]["message"] == "items 1 and 3 are equal");
}

TEST_CASE("03.1 does not parse model text nested deeper than 64 levels, and answers", "[work-caps]") {
  const std::string deep = std::string(9000, '[') + std::string(9000, ']');
  const json result = run_ok("03.1", {{"text", "{\"a\": " + deep + "}"}});
  CHECK(result["data"]["found"] == false);
  const json fenced = run_ok("03.1", {{"text", "```json\n" + deep + "\n```"}});
  CHECK(fenced["data"]["found"] == false);
  CHECK_THAT(fenced["data"]["error"].get<std::string>(), Catch::Contains("nests deeper than 64 levels"));
}
