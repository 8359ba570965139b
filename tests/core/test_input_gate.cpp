// The input gate (core/input_gate.hpp): every params text passes it before validation, in every shell. Each case
// below is an input that once crashed, stalled or was silently accepted; each now gets an error object that prints.
#include <catch2/catch.hpp>

#include <string>

#include "core/input_gate.hpp"
#include "core/registry.hpp"
#include "core/string_format.hpp"
#include "core/text/utf8.hpp"

using lab::json;

namespace {

// The error object of a run from text, after checking that the printed Result is valid UTF-8 JSON.
json text_error(const std::string& id, const std::string& bytes) {
  const std::string printed = lab::run_exercise_text(id, bytes);
  INFO(printed.substr(0, 300));
  REQUIRE_FALSE(lab::text::find_invalid_utf8(printed));
  const json result = json::parse(printed);
  REQUIRE(result.contains("error"));
  return result["error"];
}

std::string nested_arrays(std::size_t levels) { return std::string(levels, '[') + std::string(levels, ']'); }

}  // namespace

TEST_CASE("a byte that is not UTF-8 is a bad_input error naming its offset, and the error prints", "[input-gate]") {
  const json latin1 = text_error("03.1", "{\"text\": \"caf\xe9\"}");  // Latin-1 é
  CHECK(latin1["code"] == "bad_input");
  CHECK(latin1["message"] == "params are not valid UTF-8 (byte 0xe9 at offset 13)");
  const json in_key = text_error("01.1", "{\"seq\xff_len\": 5}");
  CHECK(in_key["code"] == "bad_input");
  CHECK(in_key["message"] == "params are not valid UTF-8 (byte 0xff at offset 5)");
  const json truncated = text_error("01.1", "{\"seq_len\": \"\xe2\x82\"}");  // two bytes of a three-byte €
  CHECK(truncated["message"] == "params are not valid UTF-8 (byte 0xe2 at offset 13)");
}

TEST_CASE("messages quoting user text cut it between characters, never inside one", "[input-gate]") {
  std::string forty_e_acute;
  for (int i = 0; i < 40; ++i) forty_e_acute += "\xc3\xa9";
  const json error = text_error("01.1", "{\"seq_len\": \"a" + forty_e_acute + "\"}");
  CHECK(error["code"] == "bad_param");
  const std::string message = error["message"];
  CHECK(message.rfind("seq_len must be an integer (got \"a\xc3\xa9", 0) == 0);
  CHECK(message.find("...") != std::string::npos);
  CHECK(message.find("\xef\xbf\xbd") == std::string::npos);  // no U+FFFD: nothing was split
  // An unknown key of 200 é is cut the same way.
  std::string long_key;
  for (int i = 0; i < 200; ++i) long_key += "\xc3\xa9";
  const std::string key_message = text_error("01.1", "{\"" + long_key + "\": 1}")["message"];
  CHECK(key_message.find("\xef\xbf\xbd") == std::string::npos);
  CHECK(key_message.size() < 400);
}

TEST_CASE("shorten() keeps whole UTF-8 characters", "[input-gate]") {
  CHECK(lab::shorten("short", 10) == "short");
  CHECK(lab::shorten("abcdefghijk", 8) == "abcde...");
  // "aé" then more: a cut at 4 bytes (before "...") would fall inside the second é; it steps back before it.
  CHECK(lab::shorten("a\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 7) == "a\xc3\xa9...");
  CHECK(lab::shorten("\xf0\x9f\x98\x80\xf0\x9f\x98\x80", 6) == "...");  // no whole emoji fits in 3 bytes
}

TEST_CASE("nesting deeper than the cap is refused before anything recurses", "[input-gate]") {
  const json deep = text_error("01.1", "{\"seq_len\": " + nested_arrays(60000) + "}");
  CHECK(deep["code"] == "too_large");
  CHECK(deep["message"].get<std::string>().rfind(
            "params nest deeper than 100 levels, the lab's cap (at params.seq_len[0]", 0) == 0);
  // 20 MB of "[" is refused by the size cap before it is parsed.
  const json brackets = text_error("01.1", std::string(20000000, '['));
  CHECK(brackets["code"] == "too_large");
  CHECK(brackets["message"] == "params must be at most 1000000 bytes, the lab's cap on memory and time (got 20000000)");
  // Exactly at the cap: 100 levels in all (the params object is the first) is fine for the gate.
  CHECK(lab::read_params_text("{\"a\": " + nested_arrays(99) + "}")["a"].is_array());
  CHECK_THROWS_WITH(lab::read_params_text("{\"a\": " + nested_arrays(100) + "}"),
                    Catch::StartsWith("params nest deeper than 100 levels"));
}

TEST_CASE("nothing may follow the JSON value: no NUL byte and no trailing text", "[input-gate]") {
  const std::string after_nul("{\"seq_len\":5}\0{\"zzz\":1}", 24);
  const json nul = text_error("01.1", after_nul);
  CHECK(nul["code"] == "bad_input");
  CHECK(nul["message"] == "params hold a NUL byte at offset 13; JSON text has none (inside a string, write \\u0000)");
  const json trailing = text_error("01.1", "{\"seq_len\": 5} {\"zzz\": 1}");
  CHECK(trailing["code"] == "bad_param");
  CHECK(trailing["message"].get<std::string>().rfind("params are not valid JSON at byte 15 (", 0) == 0);
  // Whitespace after the value is fine.
  CHECK(json::parse(lab::run_exercise_text("01.1", "{\"seq_len\": 5}\n\t ")).at("params").at("seq_len") == 5);
}

TEST_CASE("a key given twice in one object is refused, with where it is", "[input-gate]") {
  const json top = text_error("01.1", "{\"seq_len\": 5, \"seq_len\": 6}");
  CHECK(top["code"] == "bad_input");
  CHECK(top["message"] == "duplicate key \"seq_len\" in params (each key may appear once in an object)");
  const json nested = text_error("03.1", "{\"value\": {\"items\": [{\"sku\": \"A\", \"sku\": \"B\"}]}}");
  CHECK(nested["message"] == "duplicate key \"sku\" in params.value.items[0] (each key may appear once in an object)");
  // The same key in two different objects is fine.
  CHECK(lab::read_params_text("{\"a\": {\"k\": 1}, \"b\": {\"k\": 2}}")["b"]["k"] == 2);
}

TEST_CASE("numbers JSON cannot hold and malformed text are refused with the byte", "[input-gate]") {
  const json overflow = text_error("01.1", "{\"seq_len\": 9e999}");
  CHECK(overflow["code"] == "bad_param");
  CHECK(overflow["message"].get<std::string>().rfind("params are not valid JSON at byte ", 0) == 0);
  const json cut = text_error("01.1", "{not json");
  CHECK(cut["message"].get<std::string>().rfind("params are not valid JSON at byte 2 (", 0) == 0);
  CHECK(cut["message"].get<std::string>().find("): {not json") != std::string::npos);
  CHECK(lab::read_params_text("") == json::object());
  CHECK(lab::read_params_text(" \n") == json::object());
}

TEST_CASE("the value count is capped, and a large object is built in linear time in key order", "[input-gate]") {
  std::string many = "[";
  for (int i = 0; i < 100000; ++i) many += i ? ",0" : "0";
  many += "]";
  const json error = text_error("05.3", "{\"val_ppls\": " + many + "}");
  CHECK(error["code"] == "too_large");
  CHECK(error["message"] == "params hold more than 100000 values, the lab's cap on memory and time");

  std::string object = "{";
  for (int i = 0; i < 50000; ++i) object += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
  object += "}";
  const json parsed = lab::read_params_text("{\"value\": " + object + "}");
  REQUIRE(parsed["value"].size() == 50000);
  CHECK(parsed["value"].begin().key() == "k0");
  CHECK(parsed["value"]["k49999"] == 49999);
  // Through 03.1 it is refused by the parameter's own cap on top-level keys.
  const json refused = text_error("03.1", "{\"value\": " + object + "}");
  CHECK(refused["code"] == "too_large");
  CHECK(refused["param"] == "value");
}

TEST_CASE("lab list states the input gate's caps with every exercise", "[input-gate]") {
  for (const auto& entry : lab::list_exercises()) {
    CHECK(entry.at("input_limits") == json{{"max_bytes", 1000000}, {"max_depth", 100}, {"max_values", 100000}});
  }
}

TEST_CASE("05.3 refuses perplexities below 1 and says what is allowed", "[input-gate][notebook05]") {
  for (const char* bad : {"0", "-1e308", "0.999"}) {
    const json error = text_error("05.3", std::string("{\"val_ppls\": [5, 4, ") + bad + "]}");
    CHECK(error["code"] == "bad_param");
    CHECK(error["param"] == "val_ppls");
    CHECK_THAT(error["message"].get<std::string>(),
               Catch::StartsWith("val_ppls[2] must be at least 1, as every perplexity is (got "));
  }
  CHECK_FALSE(json::parse(lab::run_exercise_text("05.3", "{\"val_ppls\": [5, 4, 1]}")).contains("error"));
}

TEST_CASE("fuzzing regression: a parse error just after a multi-byte character keeps the message valid UTF-8",
          "[input-gate][fuzz-regression]") {
  // Found by fuzz_input_gate: nlohmann's "last read" token ended after the first byte of "\xd0\x80" (U+0400).
  const json error = text_error("01.1", "{\"se?_leq_len\": \xd0\x80;");
  CHECK(error["code"] == "bad_param");
  CHECK(error["message"] == "params are not valid JSON at byte 16 (invalid literal): {\"se?_leq_len\": \xd0\x80;");
}
