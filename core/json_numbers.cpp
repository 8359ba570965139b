#include "core/json_numbers.hpp"

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>

namespace lab {

json number(float value) {
  if (!std::isfinite(value)) return nullptr;
  char text[32];
  for (int digits = 6; digits <= 9; ++digits) {  // 9 significant digits always read back exactly
    std::snprintf(text, sizeof text, "%.*g", digits, static_cast<double>(value));
    if (std::strtof(text, nullptr) == value) break;
  }
  return std::strtod(text, nullptr);
}

json number(double value) {
  if (!std::isfinite(value)) return nullptr;
  return value;
}

json to_json(const std::vector<float>& values) {
  json out = json::array();
  for (float v : values) out.push_back(number(v));
  return out;
}

json to_json(const std::vector<double>& values) {
  json out = json::array();
  for (double v : values) out.push_back(number(v));
  return out;
}

std::string python_float(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  return json(value).dump();  // shortest round-trip digits, with ".0" on integral values, like repr()
}

std::string format(const char* pattern, ...) {
  va_list args;
  va_start(args, pattern);
  va_list copy;
  va_copy(copy, args);
  const int size = std::vsnprintf(nullptr, 0, pattern, copy);
  va_end(copy);
  std::string out(size > 0 ? size_t(size) : 0, '\0');
  if (size > 0) std::vsnprintf(out.data(), out.size() + 1, pattern, args);
  va_end(args);
  return out;
}

}  // namespace lab
