#include "core/text/preprocess.hpp"

#include <algorithm>

#include "core/text/python_case.hpp"
#include "core/text/tokenizers.hpp"
#include "core/text/unicode_classes.hpp"
#include "core/text/utf8.hpp"

namespace lab::text {

std::string normalize(std::string_view text) {
  const std::u32string lowered = python_lower(decode_utf8(text));
  // re.sub(r'http\S+', '', text): "http" followed by at least one non-space, taken greedily.
  std::u32string without_urls;
  for (std::size_t i = 0; i < lowered.size();) {
    if (lowered.compare(i, 4, U"http") == 0 && i + 4 < lowered.size() && !is_space(lowered[i + 4])) {
      i += 4;
      while (i < lowered.size() && !is_space(lowered[i])) ++i;
    } else {
      without_urls.push_back(lowered[i++]);
    }
  }
  // re.sub(r'[^a-z0-9\s]', ' ', ...), then re.sub(r'\s+', ' ', ...).strip()
  std::string out;
  bool pending_space = false;
  for (char32_t c : without_urls) {
    const bool keep = (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9');
    if (keep) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.push_back(static_cast<char>(c));
    } else {
      pending_space = true;  // punctuation became ' ', which joins the whitespace run around it
    }
  }
  return out;
}

const std::vector<std::string>& stopwords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> w{"the", "a",  "an",  "is",   "it",   "in",   "on",  "at",  "to", "for", "of",
                               "and", "or", "but", "this", "that", "with", "was", "are", "be", "as",  "by"};
    std::sort(w.begin(), w.end());
    return w;
  }();
  return words;
}

bool is_stopword(std::string_view token) {
  const auto& words = stopwords();
  return std::binary_search(words.begin(), words.end(), token);
}

std::string simple_stem(const std::string& word) {
  for (const char* suffix : {"ing", "tion", "ed", "ly", "er", "es", "s"}) {
    const std::string s(suffix);
    if (word.size() >= s.size() && word.compare(word.size() - s.size(), s.size(), s) == 0 &&
        word.size() - s.size() > 3) {
      return word.substr(0, word.size() - s.size());
    }
  }
  return word;
}

std::string preprocess(std::string_view text) {
  std::string out;
  for (const std::string& token : whitespace_tokens(normalize(text))) {
    if (is_stopword(token) || token.size() <= 2) continue;  // normalize() left ASCII only: bytes = characters
    out += (out.empty() ? "" : " ") + simple_stem(token);
  }
  return out;
}

}  // namespace lab::text
