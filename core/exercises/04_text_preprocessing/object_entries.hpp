// Checking the small JSON objects inside array parameters, such as 04.1's {"query": ..., "relevant": [...]} and
// 04.4's {"name": ..., "text": ...}: each must be an object holding exactly the keys asked for, or the run fails
// naming the item ("cases[2] must be an object {"name": ..., "text": ...} and nothing else").
// Leaves the values to the caller (read_text in core/text_params.hpp reads the strings).
#pragma once

#include <initializer_list>
#include <string>

#include "core/json.hpp"

namespace lab::exercises {

// `item`, at `path` (e.g. "cases[2]") of parameter `param`, must be an object with exactly `keys`; `shape` is how
// the error message shows such an object.
void require_object_with_keys(const json& item, const std::string& param, const std::string& path,
                              std::initializer_list<const char*> keys, const std::string& shape);

}  // namespace lab::exercises
