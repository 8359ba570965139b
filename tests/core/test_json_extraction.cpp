// core/llm/json_extraction: a fenced block first, else the first balanced object that parses.
#include <catch2/catch.hpp>

#include "core/llm/json_extraction.hpp"

using namespace lab::llm;
using lab::json;

TEST_CASE("the notebook's text yields its order object", "[extraction]") {
  const auto found = extract_json(
      "\nHere is the extracted order:\n{\"order_id\": \"ORD-001\", \"customer\": {\"name\": \"Alice\"}, \"items\": "
      "[]}\n");
  REQUIRE(found.found);
  CHECK(found.source == "braces");
  CHECK(found.value["order_id"] == "ORD-001");
  CHECK(found.offset == 30);  // after "\nHere is the extracted order:\n"
}

TEST_CASE("a ```json fenced block wins over braces elsewhere", "[extraction]") {
  const auto found = extract_json("Use {name} here.\n```json\n[1, {\"a\": 2}]\n```\nand {\"b\": 3}");
  REQUIRE(found.found);
  CHECK(found.source == "fenced block");
  CHECK(found.value == json::parse("[1, {\"a\": 2}]"));
}

TEST_CASE("prose braces before and after the object do not break it", "[extraction]") {
  const auto found = extract_json("Fill {placeholders} like {this}. Result: {\"a\": \"}{\", \"b\": {\"c\": 1}} (end}");
  REQUIRE(found.found);
  CHECK(found.value == json::parse(R"({"a": "}{", "b": {"c": 1}})"));
}

TEST_CASE("a broken fence falls back to braces, and its error is kept when nothing else parses", "[extraction]") {
  const auto fallback = extract_json("```json\n{oops}\n```\n{\"ok\": true}");
  REQUIRE(fallback.found);
  CHECK(fallback.source == "braces");
  const auto nothing = extract_json("```json\n{oops: 1}\n```");
  CHECK_FALSE(nothing.found);
  CHECK(nothing.value.is_null());
  CHECK(nothing.reason.rfind("the ```json block is not valid JSON (", 0) == 0);
}

TEST_CASE("text without any object is a well-defined empty result", "[extraction]") {
  for (const char* text : {"", "no json here", "{unbalanced", "{\"a\": }", "}{", "[1, 2]"}) {
    const auto found = extract_json(text);
    CHECK_FALSE(found.found);
    CHECK(found.reason == "no JSON object found in the text");
  }
}
