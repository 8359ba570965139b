// Notebook 03 exercises through the registry: the notebook's printed lines with default params, the keys of
// exercises.md, edited inputs, and every error path down to its message.
#include <catch2/catch.hpp>

#include "core/registry.hpp"
#include "notebook_lines.hpp"
#include "run_exercise.hpp"

using lab::json;
using lab::testing::error_of;
using lab::testing::run_ok;

namespace {

void check_log_equals_notebook(const std::string& id, const json& log, std::size_t corrected_line = std::string::npos) {
  const std::vector<std::string> expected = lab_test::notebook_lines(id);
  REQUIRE(expected.size() == log.size());
  for (std::size_t i = 0; i < log.size(); ++i) {
    INFO("log line " << i);
    if (i == corrected_line) {
      CHECK(log[i].get<std::string>() != expected[i]);
    } else {
      CHECK(log[i].get<std::string>() == expected[i]);
    }
  }
}

}  // namespace

TEST_CASE("03.x with default params print the notebook's lines", "[03][notebook]") {
  for (const char* id : {"03.1", "03.2", "03.3", "03.5"}) {
    INFO(id);
    check_log_equals_notebook(id, run_ok(id)["log"]);
  }
  // 03.4: every line but the notebook's broken check of the direct answer.
  const json log = run_ok("03.4")["log"];
  CHECK(log[2] == "Correct: False");
  check_log_equals_notebook("03.4", log, 2);
}

TEST_CASE("03.1 extracts and validates the notebook's order", "[03.1]") {
  const json data = run_ok("03.1")["data"];
  CHECK(data["found"] == true);
  CHECK(data["valid"] == true);
  CHECK(data["error"].is_null());
  CHECK(data["source"] == "braces");
  CHECK(data["value"]["items"][1]["price"] == 49.0);
}

TEST_CASE("03.1 names the path of the first violation", "[03.1]") {
  const json bad_qty =
      run_ok("03.1", {{"text",
                       "Sure! {\"order_id\": \"X\", \"customer\": {\"name\": \"A\", \"email\": \"a@b\"}, "
                       "\"items\": [{\"sku\": \"S\", \"qty\": \"2\"}]} Hope that helps {:}"}})["data"];
  CHECK(bad_qty["found"] == true);
  CHECK(bad_qty["valid"] == false);
  CHECK(bad_qty["error"] == "/items/0/qty: expected integer");
  const json missing =
      run_ok("03.1", {{"value", {{"order_id", "X"}, {"customer", {{"name", "A"}}}, {"items", json::array()}}}})["data"];
  CHECK(missing["source"] == "value");
  CHECK(missing["error"] == "/customer: missing required property \"email\"");
  const json boolean =
      run_ok("03.1", {{"value", {{"n", true}}}, {"schema", {{"properties", {{"n", {{"type", "number"}}}}}}}})["data"];
  CHECK(boolean["error"] == "/n: expected number");
}

TEST_CASE("03.1 reports text without JSON as not found, and a fenced block is preferred", "[03.1]") {
  const json none = run_ok("03.1", {{"text", "I could not find an order, sorry {name}."}});
  CHECK(none["data"]["found"] == false);
  CHECK(none["data"]["value"].is_null());
  CHECK(none["data"]["error"] == "no JSON object found in the text");
  CHECK(none["log"][0] == "No JSON found in LLM output: no JSON object found in the text");
  const json fenced =
      run_ok("03.1", {{"text", "{draft}\n```json\n{\"a\": 1}\n```"}, {"schema", {{"type", "object"}}}})["data"];
  CHECK(fenced["source"] == "fenced block");
  CHECK(fenced["valid"] == true);
}

TEST_CASE("03.1 refuses schemas with unsupported or malformed keywords, naming them", "[03.1][errors]") {
  const json e = error_of(
      "03.1",
      {{"schema", {{"type", "object"}, {"properties", {{"email", {{"type", "string"}, {"format", "email"}}}}}}}});
  CHECK(e["code"] == "bad_param");
  CHECK(e["param"] == "schema");
  CHECK(e["message"] == "the schema cannot be used: /properties/email: unsupported keyword \"format\"");
  CHECK(error_of("03.1", {{"schema", {{"type", "strng"}}}})["message"] ==
        "the schema cannot be used: /type: unknown type \"strng\"; allowed: null, boolean, object, array, number, "
        "integer, string");
  CHECK(error_of("03.1", {{"text", std::string(20001, 'x')}})["code"] == "too_large");
  CHECK(error_of("03.1", {{"text", "bad \xff byte"}})["message"] == "text is not valid UTF-8 (byte 0xff at offset 4)");
}

TEST_CASE("03.2 runs the notebook's calls and reports bad calls one by one", "[03.2]") {
  const json data = run_ok("03.2")["data"];
  CHECK(data["results"][0]["result"]["condition"] == "snowy");
  CHECK(data["response"] ==
        "On 2025-01-15 in NYC it will be -2°C and snowy.\nAlice has 2 event(s): Team standup, Client demo");
  const json calls = json::parse(R"([{"name": "get_weather", "args": {"city": "SF"}},
                                     {"name": "send_email", "args": {}},
                                     {"name": "get_calendar", "args": {"user": "alice", "date": "2025-01-16"}}])");
  const json result = run_ok("03.2", {{"tool_calls", calls}});
  CHECK(result["data"]["results"][0]["error"] == "get_weather() missing 1 required positional argument: 'date'");
  CHECK_FALSE(result["data"]["results"][0].contains("result"));
  CHECK(result["data"]["results"][1]["error"] == "unknown tool 'send_email' (available: get_weather, get_calendar)");
  CHECK(result["data"]["results"][2]["result"]["events"][0]["title"] == "1-on-1 with manager");
  CHECK(result["metrics"]["failed_calls"] == 2);
  CHECK(result["log"][1] ==
        "Tool: get_weather({'city': 'SF'}) -> error: get_weather() missing 1 required positional argument: 'date'");
  CHECK(result["data"]["response"] ==
        "No weather to report: no get_weather call succeeded.\nAlice has 1 event(s): 1-on-1 with manager");
}

TEST_CASE("03.2 refuses malformed call objects with their path", "[03.2][errors]") {
  CHECK(error_of("03.2", {{"tool_calls", json::array({42})}})["message"] ==
        "tool_calls[0] must be an object like {\"name\": ..., \"args\": {...}}");
  CHECK(error_of("03.2", {{"tool_calls", json::array({{{"args", json::object()}}})}})["message"] ==
        "tool_calls[0].name is required");
  CHECK(error_of("03.2", {{"tool_calls", json::array({{{"name", "x"}, {"id", 1}}})}})["message"] ==
        "tool_calls[0]: unknown key \"id\"; allowed: name, args");
  CHECK(error_of("03.2", {{"tool_calls", json::array({{{"name", 3}}})}})["message"] ==
        "tool_calls[0].name must be a string (got 3)");
}

TEST_CASE("03.3 ranks as the notebook and exposes data.rankings", "[03.3]") {
  const json rankings = run_ok("03.3")["data"]["rankings"];
  REQUIRE(rankings.size() == 3);
  CHECK(rankings[0]["hits"][0]["doc"] == 0);
  CHECK(rankings[0]["hits"][0]["score"].get<double>() == Approx(2.952).margin(5e-4));
  CHECK(rankings[1]["hits"][1]["score"] == 0.0);
  CHECK(rankings[1]["known_terms"] == json{"attention"});
}

TEST_CASE("03.3 explains a query with no known term and refuses k beyond the corpus", "[03.3][errors]") {
  const json result = run_ok("03.3", {{"queries", {"zebra"}}, {"k", 3}});
  CHECK(result["data"]["rankings"][0]["hits"].size() == 3);
  CHECK(result["data"]["rankings"][0]["known_terms"].empty());
  CHECK(result["log"][5] ==
        "  (no query term occurs in the corpus: every score is 0, so the order is the corpus order)");
  CHECK(error_of("03.3", {{"k", 9}})["message"] == "k must be at most the number of documents (8), got 9");
  CHECK(error_of("03.3", {{"corpus", json::array()}})["code"] == "bad_param");
  CHECK(error_of("03.3", {{"corpus", {"ok", 5}}})["message"] == "corpus[1] must be a string (got 5)");
}

TEST_CASE("03.4 checks each answer honestly and follows an edited problem", "[03.4]") {
  const json data = run_ok("03.4")["data"];
  CHECK(data["answer"] == 6);
  CHECK(data["correct"] == true);
  CHECK(data["expected"] == 6);
  CHECK(data["runs"][0]["answer"] == 7);
  CHECK(data["runs"][0]["correct"] == false);
  CHECK(data["prompt"].get<std::string>().find("Tom has 4 oranges") != std::string::npos);
  const json direct = run_ok("03.4", {{"use_cot", false}})["data"];
  CHECK(direct["prompt"] ==
        "Q: Sarah has 5 apples. She buys 3 more and then gives 2 to her friend. How many does she have?\nA:");
  CHECK(direct["correct"] == false);
  const json edited =
      run_ok("03.4", {{"problem", "Ben has 10 coins. He spends 4 and then earns 6. How many coins now?"}});
  CHECK(edited["data"]["expected"] == 12);
  CHECK(edited["data"]["runs"][0]["answer"] == 16);  // the shortcut: 10 + 6
  CHECK(edited["log"][5] == "Step 1: Ben has 10 coins.");
  CHECK(edited["log"][6] == "Step 2: He spends 4. Now he has 10 - 4 = 6 coins.");
}

TEST_CASE("03.4 says when it cannot follow a problem", "[03.4]") {
  const json data = run_ok("03.4", {{"problem", "What is love?"}})["data"];
  CHECK(data["expected"].is_null());
  CHECK(data["correct"].is_null());
  CHECK(data["difficulty"] == "the problem has no statement before its question");
}

TEST_CASE("03.5 reports the steps and context, and trims under a smaller budget", "[03.5]") {
  const json data = run_ok("03.5")["data"];
  REQUIRE(data["steps"].size() == 7);
  CHECK(data["steps"][6] == json{{"history_turns", 7}, {"tokens", 106}});
  CHECK(data["context"].size() == 8);
  const json small = run_ok("03.5", {{"max_tokens", 60}})["data"];
  CHECK(small["steps"][3] == json{{"history_turns", 1}, {"tokens", 54}});
  CHECK(small["context"][1]["content"] == "How tall is it?");
}

TEST_CASE("03.5 validates every turn with its path", "[03.5][errors]") {
  CHECK(
      error_of("03.5",
               {{"turns",
                 json::parse(R"([{"role": "user", "content": "hi"}, {"role": "bot", "content": "x"}])")}})["message"] ==
      "turns[1].role must be \"user\" or \"assistant\"");
  CHECK(error_of("03.5", {{"turns", json::parse(R"([{"role": "user"}])")}})["message"] ==
        "turns[0] must be an object {\"role\": ..., \"content\": ...} and nothing else");
  CHECK(error_of("03.5", {{"tokens_per_word", 0}})["code"] == "bad_param");
}

TEST_CASE("notebook 03 gives the same Result on every run", "[03]") {
  for (const char* id : {"03.1", "03.2", "03.3", "03.4", "03.5"}) CHECK(run_ok(id).dump() == run_ok(id).dump());
}
