// core/llm/json_schema: the hand-written validator's messages and schema checks, plus, as an optional input, the
// official JSON-Schema-Test-Suite (draft 2020-12 files for the supported keywords). The suite is found through the
// LAB_JSON_SCHEMA_TEST_SUITE environment variable, which ctest sets from the CMake cache variable of that name
// (tests/CMakeLists.txt); its test case is hidden from the normal list and has its own ctest entry, which reports
// "Skipped" when no suite is given.
#include <catch2/catch.hpp>

#include <dirent.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "core/llm/json_schema.hpp"

using namespace lab::llm;
using lab::json;

namespace {

// The suite's draft 2020-12 folder: <root>/draft2020-12, or <root>/tests/draft2020-12 in a clone of the suite.
std::string suite_folder(const std::string& root) {
  for (const char* inside : {"/draft2020-12", "/tests/draft2020-12"}) {
    if (DIR* dir = opendir((root + inside).c_str())) {
      closedir(dir);
      return root + inside;
    }
  }
  return "";
}

std::vector<std::string> json_files_in(const std::string& folder) {
  std::vector<std::string> files;
  if (DIR* dir = opendir(folder.c_str())) {
    while (dirent* entry = readdir(dir)) {
      const std::string name = entry->d_name;
      if (name.size() > 5 && name.substr(name.size() - 5) == ".json") files.push_back(name);
    }
    closedir(dir);
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string error_of(const json& instance, const json& schema) {
  const auto violation = validate(instance, schema);
  return violation ? violation->text() : "";
}

}  // namespace

TEST_CASE("every suite test whose schema uses only supported keywords passes", "[.][schema][json-schema-test-suite]") {
  const char* root = std::getenv("LAB_JSON_SCHEMA_TEST_SUITE");
  if (root == nullptr || *root == '\0') {
    // tests/CMakeLists.txt marks the ctest entry Skipped when this line is printed.
    WARN(
        "JSON-Schema-Test-Suite not given, so its cases are skipped: configure with "
        "-DLAB_JSON_SCHEMA_TEST_SUITE=<folder> or set that environment variable to a copy of "
        "https://github.com/json-schema-org/JSON-Schema-Test-Suite (the folder holding draft2020-12/ or tests/)");
    return;
  }
  // A suite was asked for, so it must be there.
  const std::string folder = suite_folder(root);
  if (folder.empty()) FAIL("LAB_JSON_SCHEMA_TEST_SUITE=" << root << " holds no draft2020-12/ or tests/draft2020-12/");
  const std::vector<std::string> files = json_files_in(folder);
  if (files.empty()) FAIL(folder << " holds no .json files");
  int applicable = 0, passed = 0, skipped = 0;
  for (const std::string& file : files) {
    std::ifstream in(folder + "/" + file);
    const json groups = json::parse(in);
    int file_applicable = 0;
    for (const auto& group : groups) {
      if (!check_schema(group["schema"]).empty()) {
        skipped += static_cast<int>(group["tests"].size());
        continue;
      }
      for (const auto& test : group["tests"]) {
        ++applicable;
        ++file_applicable;
        const bool valid = !validate(test["data"], group["schema"]).has_value();
        INFO(file << ": " << group["description"].get<std::string>() << " / "
                  << test["description"].get<std::string>());
        CHECK(valid == test["valid"].get<bool>());
        passed += valid == test["valid"].get<bool>();
      }
    }
    UNSCOPED_INFO(file << ": " << file_applicable << " applicable tests");
  }
  WARN("JSON-Schema-Test-Suite draft2020-12: " << passed << "/" << applicable << " applicable tests passed, " << skipped
                                               << " skipped (schemas with unsupported keywords)");
  CHECK(passed == applicable);
  CHECK(applicable >= 300);
}

TEST_CASE("violations name the JSON Pointer of the first failing value", "[schema]") {
  const json schema = json::parse(R"({"type": "object", "required": ["items"], "properties": {
      "items": {"type": "array", "items": {"type": "object", "properties": {"qty": {"type": "integer"}}}}}})");
  CHECK(error_of(json::parse(R"({"items": [{"qty": 2.5}]})"), schema) == "/items/0/qty: expected integer");
  CHECK(error_of(json::parse(R"({"items": [{"qty": 2.0}]})"), schema) == "");
  CHECK(error_of(json::parse(R"({"items": [{"qty": true}]})"), schema) == "/items/0/qty: expected integer");
  CHECK(error_of(json::parse(R"({})"), schema) == "(root): missing required property \"items\"");
  CHECK(error_of(json::parse(R"([1])"), schema) == "(root): expected object");
}

TEST_CASE("each supported keyword reports its own message", "[schema]") {
  CHECK(error_of(json(true), json::parse(R"({"type": "number"})")) == "(root): expected number");
  CHECK(error_of(json(3), json::parse(R"({"type": ["string", "null"]})")) == "(root): expected string or null");
  CHECK(error_of(json("x"), json::parse(R"({"enum": ["a", 1]})")) == "(root): expected one of [\"a\",1]");
  CHECK(error_of(json(2), json::parse(R"({"const": 1.0})")) == "(root): expected 1.0");
  CHECK(error_of(json(-1), json::parse(R"({"minimum": 0})")) == "(root): must be >= 0 (got -1)");
  CHECK(error_of(json(5), json::parse(R"({"exclusiveMaximum": 5})")) == "(root): must be < 5 (got 5)");
  CHECK(error_of(json("héé"), json::parse(R"({"maxLength": 2})")) == "(root): must have at most 2 characters (got 3)");
  CHECK(error_of(json("💩"), json::parse(R"({"minLength": 2})")) == "(root): must have at least 2 characters (got 1)");
  CHECK(error_of(json::parse("[1, 1.0]"), json::parse(R"({"uniqueItems": true})")) ==
        "(root): items 0 and 1 are equal");
  CHECK(error_of(json::parse("[]"), json::parse(R"({"minItems": 1})")) == "(root): must have at least 1 item (got 0)");
  CHECK(error_of(json::parse(R"({"a": 1, "b/c": 2})"),
                 json::parse(R"({"properties": {"a": {}}, "additionalProperties": false})")) ==
        "(root): property \"b/c\" is not allowed");
  CHECK(error_of(json::parse(R"({"b/c": "x"})"), json::parse(R"({"additionalProperties": {"type": "integer"}})")) ==
        "/b~1c: expected integer");
  CHECK(error_of(json(1.5), json::parse(R"({"anyOf": [{"type": "integer"}, {"type": "string"}]})")) ==
        "(root): matches none of the 2 anyOf schemas");
  CHECK(error_of(json(1), json::parse(R"({"oneOf": [{"type": "integer"}, {"minimum": 0}]})")) ==
        "(root): matches 2 of the 2 oneOf schemas; exactly one must match");
  CHECK(error_of(json(1), json::parse(R"({"not": {"type": "integer"}})")) ==
        "(root): must not match the schema under \"not\"");
  CHECK(error_of(json(1), json(false)) == "(root): no value is allowed here (the schema is false)");
}

TEST_CASE("unsupported keywords are reported by name and location, and validation refuses them", "[schema][errors]") {
  const json schema = json::parse(
      R"({"type": "object", "properties": {"email": {"type": "string", "format": "email", "pattern": "@"}}, "$defs": {}})");
  const auto problems = check_schema(schema);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].text() == "/properties/email: unsupported keyword \"format\"");
  CHECK(problems[1].text() == "/properties/email: unsupported keyword \"pattern\"");
  CHECK(problems[2].text() == "(root): unsupported keyword \"$defs\"");
  CHECK_THROWS_WITH(validate(json::object(), schema), "schema /properties/email: unsupported keyword \"format\"");
}

TEST_CASE("malformed keyword values are schema problems", "[schema][errors]") {
  CHECK(check_schema(json::parse(R"({"type": "strin"})"))[0].text() ==
        "/type: unknown type \"strin\"; allowed: null, boolean, object, array, number, integer, string");
  CHECK(check_schema(json::parse(R"({"minLength": -1})"))[0].text() ==
        "/minLength: minLength must be a non-negative integer");
  CHECK(check_schema(json::parse(R"({"required": "name"})"))[0].text() ==
        "/required: required must be an array of property names");
  CHECK(check_schema(json::parse(R"({"items": [{}]})"))[0].message.find("prefixItems") != std::string::npos);
  CHECK(check_schema(json(3))[0].text() == "(root): a schema must be an object or a boolean (got 3)");
  CHECK(check_schema(json::parse(R"({"title": "x", "description": "y", "$schema": "z"})")).empty());
}

TEST_CASE("json_equal treats 1 and 1.0 alike and ignores key order", "[schema]") {
  CHECK(json_equal(json::parse("1"), json::parse("1.0")));
  CHECK_FALSE(json_equal(json::parse("false"), json::parse("0")));
  CHECK(json_equal(json::parse(R"({"a": 1, "b": [2]})"), json::parse(R"({"b": [2.0], "a": 1})")));
  CHECK_FALSE(json_equal(json::parse("18446744073709551615"), json::parse("-1")));
}
