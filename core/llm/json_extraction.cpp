#include "core/llm/json_extraction.hpp"

#include <cctype>
#include <string>
#include <vector>

namespace lab::llm {

namespace {

// True when the JSON text's brackets (outside strings) nest deeper than `levels`: such a candidate is never parsed,
// since copying and printing its value would recurse once per level.
bool text_nests_deeper_than(std::string_view text, int levels) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > levels) return true;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return false;
}

bool parses(std::string_view candidate, json& value, std::string* error = nullptr) {
  if (text_nests_deeper_than(candidate, max_json_depth)) {
    if (error) *error = "it nests deeper than " + std::to_string(max_json_depth) + " levels";
    return false;
  }
  if (!error) {  // no message wanted: skip the cost of an exception per failed candidate
    value = json::parse(candidate.begin(), candidate.end(), nullptr, /*allow_exceptions=*/false);
    return !value.is_discarded();
  }
  try {
    value = json::parse(candidate.begin(), candidate.end());
    return true;
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number too large
    *error = e.what();
    return false;
  }
}

bool starts_with_json_tag(std::string_view text, std::size_t at) {
  if (text.size() < at + 4) return false;
  for (std::size_t k = 0; k < 4; ++k) {
    if (std::tolower(static_cast<unsigned char>(text[at + k])) != "json"[k]) return false;
  }
  // the tag must end the word: "```json" then whitespace, not "```jsonl"
  return at + 4 == text.size() || std::isspace(static_cast<unsigned char>(text[at + 4]));
}

constexpr std::size_t not_scanned = std::string_view::npos - 1;
constexpr std::size_t never_closed = std::string_view::npos;

// Scans from the '{' at `open`, skipping brackets inside JSON strings, until that object closes, and records for
// every '{' met outside strings the end of its object (one past its '}') or never_closed. A scan starting at any
// of those braces would see the same strings, so one pass answers them all (a text of 20,000 "{" takes one pass).
void scan_objects(std::string_view text, std::size_t open, std::vector<std::size_t>& ends) {
  std::vector<std::size_t> unclosed;  // positions of '{' and '[' not closed yet
  bool in_string = false;
  for (std::size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // skip the escaped character
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      unclosed.push_back(i);
    } else if (c == '}' || c == ']') {
      const std::size_t opened = unclosed.back();
      unclosed.pop_back();
      if (text[opened] == '{') ends[opened] = i + 1;
      if (unclosed.empty()) return;  // the object that started at `open` is complete
    }
  }
  for (std::size_t opened : unclosed) {
    if (text[opened] == '{') ends[opened] = never_closed;
  }
}

}  // namespace

ExtractedJson extract_json(std::string_view text) {
  ExtractedJson out;
  std::string fence_error;
  // 1. ```json fenced blocks, first that parses.
  for (std::size_t at = text.find("```"); at != std::string_view::npos; at = text.find("```", at + 3)) {
    if (!starts_with_json_tag(text, at + 3)) continue;
    const std::size_t begin = at + 7;
    const std::size_t end = text.find("```", begin);
    if (end == std::string_view::npos) {
      if (fence_error.empty()) fence_error = "the ```json block is never closed";
      break;
    }
    std::string error;
    if (parses(text.substr(begin, end - begin), out.value, &error)) {
      out.found = true;
      out.source = "fenced block";
      out.offset = begin;
      out.length = end - begin;
      return out;
    }
    if (fence_error.empty()) fence_error = "the ```json block is not valid JSON (" + error + ")";
    at = end;  // continue after this block's closing fence
  }
  // 2. The first balanced {...} that parses.
  std::vector<std::size_t> ends(text.size(), not_scanned);
  for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    if (ends[open] == not_scanned) scan_objects(text, open, ends);
    const std::size_t end = ends[open];
    if (end == never_closed) continue;
    if (parses(text.substr(open, end - open), out.value)) {
      out.found = true;
      out.source = "braces";
      out.offset = open;
      out.length = end - open;
      return out;
    }
  }
  out.value = nullptr;
  out.reason =
      fence_error.empty() ? "no JSON object found in the text" : fence_error + ", and no other JSON object was found";
  return out;
}

bool nested_deeper_than(const json& value, int levels) {
  if (!value.is_structured()) return false;
  if (levels <= 0) return true;
  for (const auto& child : value) {
    if (nested_deeper_than(child, levels - 1)) return true;
  }
  return false;
}

}  // namespace lab::llm
