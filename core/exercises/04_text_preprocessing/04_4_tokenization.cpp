// 04.4 Tokenization edge cases: three simple tokenizers on the text they disagree on (URLs, emoji, code, other
// scripts, contractions, numbers), with Python's own Unicode rules for letters, digits and whitespace.
//   data      named texts, one per hard case
//   tokenize  str.split() (text::whitespace_tokens), the word regex \b\w+(?:'\w+)?\b (text::word_regex_tokens) and
//             [a-zA-Z0-9]+ (text::ascii_alnum_tokens)
//   report    the notebook's table of token counts, one case's tokens in detail, every token list, the counts as bars
#include <algorithm>
#include <string>
#include <vector>

#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/param_values.hpp"
#include "core/string_format.hpp"
#include "core/text/python_case.hpp"
#include "core/text/python_repr.hpp"
#include "core/text/tokenizers.hpp"
#include "core/text/unicode_classes.hpp"
#include "core/text/utf8.hpp"

namespace lab::exercises {

namespace {

struct Case {
  std::string name, text;
};

// [{"name": ..., "text": ...}, ...]
std::vector<Case> read_cases(const json& given) {
  std::vector<Case> cases;
  for (std::size_t i = 0; i < given.size(); ++i) {
    const std::string path = "cases[" + std::to_string(i) + "]";
    const json& c = given[i];
    require_object_with_keys(c, "cases", path, {"name", "text"}, R"({"name": ..., "text": ...})");
    cases.push_back(
        {read_text(c["name"], "cases", path + ".name", 60), read_text(c["text"], "cases", path + ".text", 2000)});
  }
  return cases;
}

struct TokenizedCase {
  std::string name;
  text::Tokens whitespace, regex, aggressive;
};

TokenizedCase tokenize(const Case& c) {
  return {c.name, text::whitespace_tokens(c.text), text::word_regex_tokens(c.text), text::ascii_alnum_tokens(c.text)};
}

// Python's f"{text:<width}" / f"{text:>width}": padding counts characters (code points), not bytes.
std::string pad_right(const std::string& text, std::size_t width) {
  const std::size_t length = text::count_code_points(text);
  return length >= width ? text : text + std::string(width - length, ' ');
}
std::string pad_left(const std::string& text, std::size_t width) {
  const std::size_t length = text::count_code_points(text);
  return length >= width ? text : std::string(width - length, ' ') + text;
}

// One line of the notebook's table: f"{name:<15} {whitespace:>10} {regex:>10} {aggressive:>12}".
std::string table_line(const std::string& name, const std::string& whitespace, const std::string& regex,
                       const std::string& aggressive) {
  return pad_right(name, 15) + " " + pad_left(whitespace, 10) + " " + pad_left(regex, 10) + " " +
         pad_left(aggressive, 12);
}

// The first word of the cases that [a-zA-Z0-9]+ cuts up because it holds a non-ASCII letter, as " (München becomes
// M and nchen)", or "" when no case has one.
std::string ascii_damage_example(const std::vector<TokenizedCase>& cases) {
  for (const TokenizedCase& c : cases) {
    for (const std::string& word : c.regex) {
      const bool ascii = std::all_of(word.begin(), word.end(), [](char ch) { return (unsigned char)ch < 0x80; });
      if (ascii) continue;
      const text::Tokens pieces = text::ascii_alnum_tokens(word);
      std::string joined;
      for (std::size_t i = 0; i < pieces.size(); ++i) {
        joined += (i == 0 ? "" : i + 1 == pieces.size() ? " and " : ", ") + pieces[i];
      }
      return " (" + word + (pieces.empty() ? " disappears" : " becomes " + joined) + ", in the " + c.name + " case)";
    }
  }
  return "";
}

Result report(const std::vector<TokenizedCase>& cases, const TokenizedCase& shown) {
  Result result;
  json listed = json::array(), rows = json::array(), token_rows = json::array(), labels = json::array(),
       whitespace = json::array(), regex = json::array(), aggressive = json::array();
  result.print(table_line("Case", "Whitespace", "Regex", "Aggressive"));
  result.print(std::string(50, '-'));
  for (const TokenizedCase& c : cases) {
    listed.push_back(
        {{"name", c.name}, {"whitespace", c.whitespace}, {"regex", c.regex}, {"aggressive", c.aggressive}});
    rows.push_back({c.name, c.whitespace.size(), c.regex.size(), c.aggressive.size()});
    labels.push_back(c.name);
    whitespace.push_back(c.whitespace.size());
    regex.push_back(c.regex.size());
    aggressive.push_back(c.aggressive.size());
    result.print(table_line(c.name, std::to_string(c.whitespace.size()), std::to_string(c.regex.size()),
                            std::to_string(c.aggressive.size())));
  }
  result.print("");
  result.print("Detailed analysis for " + text::python_lower(shown.name) + " case:");
  result.print("  Whitespace tokens: " + text::python_repr_list(shown.whitespace));
  result.print("  Regex tokens:      " + text::python_repr_list(shown.regex));
  result.print("  Key insight: regex tokenizer strips emoji; aggressive strips unicode entirely.");
  result.print("  For multilingual or emoji-rich text, use sentencepiece or tiktoken.");
  result.insight =
      "Whitespace splitting keeps punctuation glued to words, the word regex keeps letters of every script but "
      "drops emoji and splits at apostrophes it does not expect, and [a-zA-Z0-9]+ silently deletes every "
      "non-ASCII letter" +
      ascii_damage_example(cases) + ".";

  for (const TokenizedCase& c : cases) {  // every token list, as Python would print it
    token_rows.push_back({c.name, "whitespace", text::python_repr_list(c.whitespace)});
    token_rows.push_back({c.name, "regex", text::python_repr_list(c.regex)});
    token_rows.push_back({c.name, "aggressive", text::python_repr_list(c.aggressive)});
  }
  result.data["cases"] = std::move(listed);
  result.data["unicode_version"] = text::unicode_version();
  result.add_table("Token counts", {"case", "whitespace", "regex", "aggressive"}, std::move(rows));
  result.add_table("Tokens, case by case", {"case", "tokenizer", "tokens"}, std::move(token_rows));
  json chart = bar_chart("Tokens per case and tokenizer", "case", "tokens", std::move(labels),
                         {{"str.split()", whitespace}, {"\\b\\w+(?:'\\w+)?\\b", regex}, {"[a-zA-Z0-9]+", aggressive}});
  set_note(chart, std::string("Python's rules: Unicode whitespace, \\w = letters and digits of every script and '_' "
                              "(Unicode ") +
                      text::unicode_version() + ")");
  result.add_chart("token_counts", std::move(chart));
  return result;
}

Result run_tokenization(const Params& params, const RunContext&) {
  const std::vector<Case> cases = read_cases(params.value("cases"));
  const int detail = params.count("detail_case");
  if (static_cast<std::size_t>(detail) >= cases.size()) {
    fail_param("detail_case",
               format("detail_case must be the index of a case, below %zu (got %d)", cases.size(), detail));
  }
  std::vector<TokenizedCase> tokenized;
  for (const Case& c : cases) tokenized.push_back(tokenize(c));

  return report(tokenized, tokenized[detail]);
}

}  // namespace

Exercise tokenization_exercise() {
  const json cases = json::parse(R"json([
    {"name": "URL", "text": "Visit https://www.example.com/path?q=hello&lang=en for more info!"},
    {"name": "Emoji", "text": "Great job! 🎉🚀 Really loved it 😍 #awesome"},
    {"name": "Code", "text": "Run `model.fit(X_train, y_train)` or use model.predict(X_test)"},
    {"name": "Mixed lang", "text": "This is a café in München. Встреча в 5pm."},
    {"name": "Contractions", "text": "It's a can't-miss, won't-fail, I'd-do-it-again experience."},
    {"name": "Numbers", "text": "The stock rose 3.14% to $1,234.56 on 2024-01-15."}
  ])json");
  return {
      "04.4",
      {array_param("cases", cases, 1, 20, "[{\"name\": ..., \"text\": ...}]; at most 20, texts of at most 2,000 bytes"),
       size_param("detail_case", 1, 0, 19,
                  "index of the case whose tokens are listed (the notebook lists case 1, Emoji)")},
      run_tokenization};
}

}  // namespace lab::exercises
