#include "core/param_values.hpp"

#include "core/error.hpp"
#include "core/string_format.hpp"
#include "core/text/utf8.hpp"

namespace lab {

std::string shown_value(const json& value, std::size_t max_bytes) {
  return shorten(value.dump(-1, ' ', false, json::error_handler_t::replace), max_bytes);
}

void require_utf8(const std::string& text, const std::string& param, const std::string& path) {
  if (const auto bad = text::find_invalid_utf8(text)) {
    fail_input(param, path + format(" is not valid UTF-8 (byte 0x%02x at offset %zu)", bad->byte, bad->offset));
  }
}

const std::string& read_text(const json& value, const std::string& param, const std::string& path,
                             std::size_t max_bytes) {
  if (!value.is_string()) fail_param(param, path + " must be a string (got " + shown_value(value, 40) + ")");
  const std::string& text = value.get_ref<const std::string&>();
  if (text.size() > max_bytes) {
    fail_too_large(param, path + format(" must be at most %zu bytes, the lab's cap on memory and time (got %zu)",
                                        max_bytes, text.size()));
  }
  require_utf8(text, param, path);
  return text;
}

std::vector<std::string> read_text_list(const json& array, const std::string& param, std::size_t max_bytes_each) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < array.size(); ++i) {
    out.push_back(read_text(array[i], param, param + "[" + std::to_string(i) + "]", max_bytes_each));
  }
  return out;
}

const std::string& utf8_text(const Params& params, const std::string& name) {
  const std::string& text = params.text(name);
  require_utf8(text, name, name);
  return text;
}

void require_object_with_keys(const json& item, const std::string& param, const std::string& path,
                              std::initializer_list<const char*> keys, const std::string& shape) {
  bool ok = item.is_object() && item.size() == keys.size();
  for (const char* key : keys) ok = ok && item.contains(key);
  if (!ok) fail_param(param, path + " must be an object " + shape + " and nothing else");
}

}  // namespace lab
