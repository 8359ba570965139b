// core/llm/tool_loop: the mock tools, per-call errors where the notebook would crash, and the synthesis.
#include <catch2/catch.hpp>

#include "core/llm/tool_loop.hpp"

using namespace lab::llm;
using lab::json;

TEST_CASE("the notebook's two calls return its weather and calendar entries", "[tools]") {
  const auto results = run_tool_calls({{"get_weather", {{"city", "NYC"}, {"date", "2025-01-15"}}},
                                       {"get_calendar", {{"user", "alice"}, {"date", "2025-01-15"}}}});
  REQUIRE(results.size() == 2);
  CHECK(results[0].result == json::parse(R"({"temp_c": -2, "condition": "snowy", "wind_kph": 25})"));
  CHECK(results[1].result["events"].size() == 2);
  CHECK(synthesize_response(results) == std::vector<std::string>{"On 2025-01-15 in NYC it will be -2°C and snowy.",
                                                                 "Alice has 2 event(s): Team standup, Client demo"});
}

TEST_CASE("unknown keys fall back to the mock defaults", "[tools]") {
  CHECK(run_tool_call({"get_weather", {{"city", "Paris"}, {"date", "2025-01-15"}}}).result["condition"] == "clear");
  CHECK(run_tool_call({"get_calendar", {{"user", "bob"}, {"date", "2025-01-15"}}}).result ==
        json::parse(R"({"events": []})"));
}

TEST_CASE("bad calls get Python's TypeError text or the lab's own error, and the loop goes on", "[tools][errors]") {
  const auto results = run_tool_calls({{"get_stock", {{"symbol", "X"}}},
                                       {"get_weather", {{"city", "NYC"}}},
                                       {"get_weather", json::object()},
                                       {"get_weather", {{"city", "NYC"}, {"date", "2025-01-16"}, {"units", "C"}}},
                                       {"get_calendar", {{"user", 7}, {"date", "2025-01-16"}}},
                                       {"get_calendar", json::array()},
                                       {"get_weather", {{"city", "SF"}, {"date", "2025-01-15"}}}});
  CHECK(results[0].error == "unknown tool 'get_stock' (available: get_weather, get_calendar)");
  CHECK(results[1].error == "get_weather() missing 1 required positional argument: 'date'");
  CHECK(results[2].error == "get_weather() missing 2 required positional arguments: 'city' and 'date'");
  CHECK(results[3].error == "get_weather() got an unexpected keyword argument 'units'");
  CHECK(results[4].error == "argument 'user' must be a string (got 7)");
  CHECK(results[5].error == "arguments must be an object of name: value (got [])");
  CHECK(results[6].ok());
  CHECK(results[0].result.is_null());
  CHECK(synthesize_response(results) ==
        std::vector<std::string>{"On 2025-01-15 in SF it will be 14°C and sunny.",
                                 "No calendar to report: no get_calendar call succeeded."});
}
