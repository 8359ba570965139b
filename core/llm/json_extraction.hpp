// Finding the JSON in a model's free-text answer, in two passes:
//   1. the first ```json fenced block whose content parses (any JSON value);
//   2. else the first balanced {...} that parses as a JSON object: every '{' is tried in order, its matching '}'
//      found by a scan that skips braces inside JSON strings, so prose braces before or after ("use {name}") and
//      a second object later in the text do not break it. (The notebook's greedy regex \{[\s\S]*\} takes the
//      first '{' to the last '}' and fails on both.)
// Parsing is nlohmann/json's, strict RFC 8259. Nothing found is a result (found = false, with the reason), not an
// error. A candidate nesting deeper than max_json_depth is not parsed (the scan refuses it before anything
// recurses). Leaves out JSON5/relaxed syntax, arrays outside fences and repairing truncated output.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/json.hpp"

namespace lab::llm {

struct ExtractedJson {
  bool found = false;
  json value;              // the parsed value, or null
  std::string source;      // "fenced block", "braces" or "" when nothing was found
  std::size_t offset = 0;  // byte offset of the JSON text within the input
  std::size_t length = 0;  // its length in bytes
  std::string reason;      // when not found: why (no candidate, or the parse error of the fenced block)
};

ExtractedJson extract_json(std::string_view text);

// True when arrays/objects nest more than `levels` deep (the exercises refuse such values: printing and validating
// them recurse once per level).
bool nested_deeper_than(const json& value, int levels);

// How deep JSON given to the LLM exercises may nest: printing, checking and validating recurse once per level, so
// deeper values are refused up front (each exercise words its own error).
constexpr int max_json_depth = 64;

}  // namespace lab::llm
