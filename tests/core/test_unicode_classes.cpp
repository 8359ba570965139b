// core/text/unicode_classes: \w, whitespace and printable agree with Python for every code point below U+3000
// and for the characters the tokenizers' tests lean on.
#include <catch2/catch.hpp>

#include <string>

#include "core/text/unicode_classes.hpp"
#include "reference_files.hpp"

using namespace lab::text;

TEST_CASE("the tables hold Unicode 14.0.0, the version of Python's unicodedata that generated them", "[unicode]") {
  const lab::json reference = lab_test::load_reference_json("text_reference.json");
  CHECK(std::string(unicode_version()) == reference["unicode_version"].get<std::string>());
}

TEST_CASE("is_word_char, is_space and is_printable equal Python below U+3000, code point by code point", "[unicode]") {
  const lab::json classes = lab_test::load_reference_json("text_reference.json")["classes_below_3000"];
  const std::string word = classes["word"], space = classes["space"], printable = classes["printable"];
  int mismatches = 0;
  for (char32_t c = 0; c < 0x3000; ++c) {
    if (is_word_char(c) != (word[c] == '1') || is_space(c) != (space[c] == '1') ||
        is_printable(c) != (printable[c] == '1')) {
      ++mismatches;
      UNSCOPED_INFO("mismatch at U+" << std::hex << static_cast<unsigned>(c));
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("Python's \\w: letters and digits of every script and '_', never combining marks", "[unicode]") {
  for (char32_t c : {U'_', U'a', U'\u00e9', U'\u03a3', U'\u0416', U'\u6211', U'\u0663', U'\u00bd', U'\u00b2', U'\u2160',
                     U'\U0001D7D7', U'\uff21'}) {
    CHECK(is_word_char(c));
  }
  for (char32_t c : {U'\u0301', U'\u093f', U'\u094d', U'\u200d', U'\U0001F389', U'\'', U'\u2019', U'-', U'\ufffd'}) {
    CHECK_FALSE(is_word_char(c));
  }
}

TEST_CASE("Python's whitespace includes NBSP, U+2000..U+200A, U+3000, U+0085 and U+001C..U+001F", "[unicode]") {
  for (char32_t c : {U'\u00a0', U'\u2000', U'\u200a', U'\u3000', U'\u0085', U'\u001c', U'\u001f', U'\u2028', U'\u1680',
                     U'\u202f', U'\u205f', U'\v', U'\f'}) {
    CHECK(is_space(c));
  }
  for (char32_t c : {U'\u200b', U'\u2060', U'\ufeff', U'\u180e', U'a'}) CHECK_FALSE(is_space(c));
}
