#include "core/text/tokenizers.hpp"

#include "core/text/python_case.hpp"
#include "core/text/unicode_classes.hpp"
#include "core/text/utf8.hpp"

namespace lab::text {

namespace {

std::string slice(const std::u32string& s, std::size_t begin, std::size_t end) {
  return encode_utf8(std::u32string_view(s).substr(begin, end - begin));
}

std::size_t end_of_word_run(const std::u32string& s, std::size_t i) {
  while (i < s.size() && is_word_char(s[i])) ++i;
  return i;
}

}  // namespace

Tokens whitespace_tokens(std::string_view text) {
  const std::u32string s = decode_utf8(text);
  Tokens tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    const std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) tokens.push_back(slice(s, start, i));
  }
  return tokens;
}

// \b\w+(?:'\w+)?\b: a match can only start where a word run starts (\b then \w). \w+ takes the whole run; the
// optional group then takes an apostrophe and the whole next run if one follows; \b holds at the end of any
// run, so no backtracking ever happens. Scanning resumes after the match, which is never inside a run.
Tokens word_regex_tokens(std::string_view text) {
  const std::u32string s = decode_utf8(text);
  Tokens tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_word_char(s[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    i = end_of_word_run(s, i);
    if (i + 1 < s.size() && s[i] == U'\'' && is_word_char(s[i + 1])) i = end_of_word_run(s, i + 1);
    tokens.push_back(slice(s, start, i));
  }
  return tokens;
}

Tokens ascii_alnum_tokens(std::string_view text) {
  Tokens tokens;
  std::size_t i = 0;  // ASCII bytes never occur inside a multi-byte UTF-8 sequence, so bytes suffice
  auto alnum = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  while (i < text.size()) {
    if (!alnum(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && alnum(text[i])) ++i;
    tokens.emplace_back(text.substr(start, i - start));
  }
  return tokens;
}

// \b\w\w+\b: every word run of two or more characters, whole (a one-character run fails and is skipped).
Tokens sklearn_tokens(std::string_view text) {
  const std::u32string s = decode_utf8(text);
  Tokens tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_word_char(s[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    i = end_of_word_run(s, i);
    if (i - start >= 2) tokens.push_back(slice(s, start, i));
  }
  return tokens;
}

Tokens lowercase_whitespace_tokens(std::string_view text) { return whitespace_tokens(python_lower(text)); }

}  // namespace lab::text
