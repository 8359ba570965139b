// Reading what is inside string, array and object parameters (the params table checks only their type and
// length). Text must be a string, within a byte cap (too_large beyond it: memory and time stay bounded), and valid
// UTF-8 (bad_input naming the byte). Array items are read one by one with their path, and small objects must hold
// exactly the keys asked for. Every error names the path of the item: "corpus[3] must be a string (got 7)".
// Leaves out what an item means ({role, content}, [text, label], ...): each exercise reads its own.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/params.hpp"

namespace lab {

// A value as an error message shows it: compact JSON (bytes that are not UTF-8 shown as U+FFFD), cut at a
// character boundary after about `max_bytes` bytes.
std::string shown_value(const json& value, std::size_t max_bytes = 60);

// `value` at `path` (e.g. "turns[2].content") of parameter `param`.
const std::string& read_text(const json& value, const std::string& param, const std::string& path,
                             std::size_t max_bytes);
std::vector<std::string> read_text_list(const json& array, const std::string& param, std::size_t max_bytes_each);
void require_utf8(const std::string& text, const std::string& param, const std::string& path);

// The string parameter `name`, refused unless it is valid UTF-8.
const std::string& utf8_text(const Params& params, const std::string& name);

// An array parameter item by item: read_one(item, path) -> Item, called in array order with the item's path
// ("turns[2]"); it fails with that path when the item is malformed.
template <typename Item, typename ReadOne>
std::vector<Item> read_items(const json& array, const std::string& param, ReadOne read_one) {
  std::vector<Item> items;
  for (std::size_t i = 0; i < array.size(); ++i)
    items.push_back(read_one(array[i], param + "[" + std::to_string(i) + "]"));
  return items;
}

// `item`, at `path` (e.g. "cases[2]") of parameter `param`, must be an object with exactly `keys`; `shape` is how
// the error message shows such an object: "cases[2] must be an object {"name": ..., "text": ...} and nothing else".
void require_object_with_keys(const json& item, const std::string& param, const std::string& path,
                              std::initializer_list<const char*> keys, const std::string& shape);

}  // namespace lab
