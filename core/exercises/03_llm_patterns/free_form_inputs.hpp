// Reading the free-form inputs of notebook 03's exercises (a model's reply, a schema, tool calls, chat turns),
// which the parameter table checks only for type and size:
//   utf8_text       a string parameter, refused unless it is valid UTF-8 (bad_input naming the byte)
//   read_items      an array parameter item by item, each read with its path ("turns[2]") for the error messages
//   max_json_depth  how deep given JSON may nest: printing, checking and validating recurse once per level, so
//                   deeper values are refused up front (with llm::nested_deeper_than; each exercise words its error)
// Leaves out what one item must look like (a tool call, a chat turn): each exercise reads its own.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/params.hpp"
#include "core/text_params.hpp"

namespace lab::exercises {

constexpr int max_json_depth = 64;  // nesting levels of arrays and objects accepted

inline const std::string& utf8_text(const Params& params, const std::string& name) {
  const std::string& text = params.text(name);
  require_utf8(text, name, name);
  return text;
}

// read_one(item, path) -> Item, called in array order; it fails with the path when the item is malformed.
template <typename Item, typename ReadOne>
std::vector<Item> read_items(const json& array, const std::string& param, ReadOne read_one) {
  std::vector<Item> items;
  for (std::size_t i = 0; i < array.size(); ++i) items.push_back(read_one(array[i], param + "[" + std::to_string(i) + "]"));
  return items;
}

}  // namespace lab::exercises
