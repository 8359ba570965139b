#include "core/text/python_repr.hpp"

#include <cstdio>

#include "core/float_format.hpp"
#include "core/text/unicode_classes.hpp"
#include "core/text/utf8.hpp"

namespace lab::text {

std::string python_repr_str(std::string_view utf8_text) {
  const std::u32string s = decode_utf8(utf8_text);
  // Single quotes, unless the text holds a single quote and no double quote.
  bool has_single = false, has_double = false;
  for (char32_t c : s) {
    has_single = has_single || c == U'\'';
    has_double = has_double || c == U'"';
  }
  const char32_t quote = (has_single && !has_double) ? U'"' : U'\'';
  std::string out(1, static_cast<char>(quote));
  char buffer[16];
  for (char32_t c : s) {
    if (c == quote || c == U'\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == U'\t') {
      out += "\\t";
    } else if (c == U'\n') {
      out += "\\n";
    } else if (c == U'\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(c));
      out += buffer;
    } else if (c < 0x7F || is_printable(c)) {
      append_utf8(out, c);
    } else if (c <= 0xFF) {
      std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(c));
      out += buffer;
    } else if (c <= 0xFFFF) {
      std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
      out += buffer;
    } else {
      std::snprintf(buffer, sizeof buffer, "\\U%08x", static_cast<unsigned>(c));
      out += buffer;
    }
  }
  out.push_back(static_cast<char>(quote));
  return out;
}

std::string python_repr_list(const std::vector<std::string>& strings) {
  std::string out = "[";
  for (std::size_t i = 0; i < strings.size(); ++i) {
    if (i > 0) out += ", ";
    out += python_repr_str(strings[i]);
  }
  return out + "]";
}

std::string python_repr_value(const json& value) {
  switch (value.type()) {
    case json::value_t::null: return "None";
    case json::value_t::boolean: return value.get<bool>() ? "True" : "False";
    case json::value_t::number_integer: return std::to_string(value.get<std::int64_t>());
    case json::value_t::number_unsigned: return std::to_string(value.get<std::uint64_t>());
    case json::value_t::number_float: return python_float(value.get<double>());
    case json::value_t::string: return python_repr_str(value.get_ref<const std::string&>());
    case json::value_t::array: {
      std::string out = "[";
      for (std::size_t i = 0; i < value.size(); ++i) out += (i > 0 ? ", " : "") + python_repr_value(value[i]);
      return out + "]";
    }
    case json::value_t::object: {
      std::string out = "{";
      bool first = true;
      for (const auto& item : value.items()) {
        out += (first ? "" : ", ") + python_repr_str(item.key()) + ": " + python_repr_value(item.value());
        first = false;
      }
      return out + "}";
    }
    default: return "None";  // binary and discarded values never come out of a JSON parse
  }
}

}  // namespace lab::text
