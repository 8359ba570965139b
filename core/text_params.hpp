// Reading the text inside array and object parameters (the params table checks only their type and length):
// each item must be a string, within a byte cap (too_large beyond it: memory and time stay bounded), and valid
// UTF-8 (bad_input naming the byte; text from JSON always is, text built in C++ may not be). Errors name the path
// of the item: "corpus[3] must be a string (got 7)".
// Leaves out the exercise-specific shapes ({role, content}, [text, label], ...): each exercise checks its own.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/json.hpp"

namespace lab {

// `value` at `path` (e.g. "turns[2].content") of parameter `param`.
const std::string& read_text(const json& value, const std::string& param, const std::string& path, std::size_t max_bytes);
std::vector<std::string> read_text_list(const json& array, const std::string& param, std::size_t max_bytes_each);
void require_utf8(const std::string& text, const std::string& param, const std::string& path);

}  // namespace lab
