// core/text/utf8: decoding replaces ill-formed bytes exactly as Python's bytes.decode("utf-8", "replace").
#include <catch2/catch.hpp>

#include "core/text/utf8.hpp"
#include "reference_files.hpp"

using namespace lab::text;

TEST_CASE("decode_utf8 replaces each maximal ill-formed subpart with one U+FFFD, like Python", "[utf8]") {
  const lab::json reference = lab_test::load_reference_json("text_reference.json");
  for (const auto& entry : reference["decode"]) {
    const std::string bytes = lab_test::bytes_from_hex(entry["bytes_hex"]);
    INFO("bytes " << entry["bytes_hex"].get<std::string>());
    std::vector<std::uint32_t> got;
    for (char32_t c : decode_utf8(bytes)) got.push_back(c);
    CHECK(got == entry["code_points"].get<std::vector<std::uint32_t>>());
  }
}

TEST_CASE("encode_utf8 inverts decode_utf8 on well-formed text of every length class", "[utf8]") {
  const std::string text = "a\u00e9\u20ac\U0001F600z";
  const std::u32string decoded = decode_utf8(text);
  REQUIRE(decoded == U"a\u00e9\u20ac\U0001F600z");
  CHECK(encode_utf8(decoded) == text);
}

TEST_CASE("find_invalid_utf8 names the offset and byte of the first ill-formed sequence", "[utf8]") {
  CHECK_FALSE(find_invalid_utf8("caf\xc3\xa9 ok").has_value());
  const auto bad = find_invalid_utf8("ok \xff rest");
  REQUIRE(bad.has_value());
  CHECK(bad->offset == 3);
  CHECK(bad->byte == 0xFF);
  const auto surrogate = find_invalid_utf8("ab\xed\xa0\x80");
  REQUIRE(surrogate.has_value());
  CHECK(surrogate->offset == 2);
  const auto truncated = find_invalid_utf8("end\xe2\x82");
  REQUIRE(truncated.has_value());
  CHECK(truncated->offset == 3);
}

TEST_CASE("count_code_points and first_code_points work in characters, not bytes, like len() and [:n]", "[utf8]") {
  const lab::json reference = lab_test::load_reference_json("text_reference.json");
  for (const auto& c : reference["cases"]) {
    const std::string text = c["text"];
    INFO(c["name"].get<std::string>());
    CHECK(count_code_points(text) == c["length"].get<std::size_t>());
    CHECK(first_code_points(text, 5) == c["first5"].get<std::string>());
  }
}
