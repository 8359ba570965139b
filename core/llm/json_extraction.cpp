#include "core/llm/json_extraction.hpp"

#include <cctype>

namespace lab::llm {

namespace {

bool parses(std::string_view candidate, json& value, std::string* error = nullptr) {
  try {
    value = json::parse(candidate.begin(), candidate.end());
    return true;
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number too large
    if (error) *error = e.what();
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

// The end (one past the matching '}') of the object opening at `open`, skipping braces inside strings;
// npos when the text ends first.
std::size_t matching_brace(std::string_view text, std::size_t open) {
  int depth = 0;
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
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return i + 1;
      if (depth < 0) return std::string_view::npos;
    }
  }
  return std::string_view::npos;
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
  for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    const std::size_t end = matching_brace(text, open);
    if (end == std::string_view::npos) continue;
    if (parses(text.substr(open, end - open), out.value)) {
      out.found = true;
      out.source = "braces";
      out.offset = open;
      out.length = end - open;
      return out;
    }
  }
  out.value = nullptr;
  out.reason = fence_error.empty() ? "no JSON object found in the text" : fence_error + ", and no other JSON object was found";
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
