// The course's tokenizers, each equal to its Python expression for any text (tests/reference/text_reference.json
// holds Python's token lists for many scripts):
//   whitespace_tokens   text.split()                              runs of Unicode whitespace separate tokens
//   word_regex_tokens   re.findall(r"\b\w+(?:'\w+)?\b", text)     word runs, with one ASCII-apostrophe suffix
//   ascii_alnum_tokens  re.findall(r"[a-zA-Z0-9]+", text)         ASCII letters and digits only
//   sklearn_tokens      re.findall(r"(?u)\b\w\w+\b", text)        scikit-learn's default token_pattern
// \w is Python's (unicode_classes.hpp). Text is UTF-8; invalid bytes are first replaced by U+FFFD (utf8.hpp),
// which is neither a word character nor whitespace. Only lowercase_whitespace_tokens lowercases (python_case.hpp).
// Leaves out general regular expressions: each pattern is matched by a small scanner equivalent to it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lab::text {

using Tokens = std::vector<std::string>;

Tokens whitespace_tokens(std::string_view text);
Tokens word_regex_tokens(std::string_view text);
Tokens ascii_alnum_tokens(std::string_view text);
Tokens sklearn_tokens(std::string_view text);

// The notebooks' own `text.lower().split()` (03.3's BM25, 04.2's bigram model, 04.5's TF-IDF).
Tokens lowercase_whitespace_tokens(std::string_view text);

}  // namespace lab::text
