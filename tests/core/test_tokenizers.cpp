// core/text/tokenizers: each tokenizer returns Python's token list, for the notebook's six texts and for many
// more scripts and edge cases (tests/reference/make_text_reference.py).
#include <catch2/catch.hpp>

#include "core/text/tokenizers.hpp"
#include "reference_files.hpp"

using namespace lab::text;

namespace {

void check_case(const lab::json& c, const std::string& text) {
  INFO("case: " << c["name"].get<std::string>());
  CHECK(whitespace_tokens(text) == c["whitespace"].get<Tokens>());
  CHECK(word_regex_tokens(text) == c["regex"].get<Tokens>());
  CHECK(ascii_alnum_tokens(text) == c["aggressive"].get<Tokens>());
  CHECK(sklearn_tokens(text) == c["sklearn"].get<Tokens>());
}

}  // namespace

TEST_CASE("the three tokenizers and sklearn's token pattern equal Python on every reference text", "[tokenizers]") {
  const lab::json reference = lab_test::load_reference_json("text_reference.json");
  REQUIRE(reference["cases"].size() >= 30);
  for (const auto& c : reference["cases"]) check_case(c, c["text"]);
}

TEST_CASE("invalid UTF-8 tokenizes like Python's text after decode('utf-8', 'replace')", "[tokenizers]") {
  const lab::json reference = lab_test::load_reference_json("text_reference.json");
  for (const auto& c : reference["invalid_cases"]) check_case(c, lab_test::bytes_from_hex(c["bytes_hex"]));
}

TEST_CASE("the notebook's emoji case splits as printed", "[tokenizers]") {
  const std::string text = "Great job! 🎉🚀 Really loved it 😍 #awesome";
  CHECK(whitespace_tokens(text) == Tokens{"Great", "job!", "🎉🚀", "Really", "loved", "it", "😍", "#awesome"});
  CHECK(word_regex_tokens(text) == Tokens{"Great", "job", "Really", "loved", "it", "awesome"});
}

TEST_CASE("the word regex keeps one apostrophe suffix and splits at the typographic apostrophe", "[tokenizers]") {
  CHECK(word_regex_tokens("rock'n'roll it\u2019s x' 'y") == Tokens{"rock'n", "roll", "it", "s", "x", "y"});
  CHECK(sklearn_tokens("a bc d_e f") == Tokens{"bc", "d_e"});
}
