#include "core/float_format.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace lab {

namespace {

constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

}  // namespace

// The shortest of 6..9 significant digits that reads back as the same float, found with exact double arithmetic:
// n = round(v · 10^s) has at most 9 digits and 10^s (|s| <= 22) is exact, so n / 10^s is the double nearest to the
// decimal n·10^−s, which nlohmann/json then prints as exactly those digits. No printf or strtod: in the wasm build
// those go through musl's software long double and are a hundred times slower.
json number(float value) {
  if (!std::isfinite(value)) return nullptr;
  if (value == 0.0f) return 0.0;
  const double v = value;
  const int exponent = static_cast<int>(std::floor(std::log10(std::fabs(v))));
  for (int digits = 6; digits <= 9; ++digits) {
    const int shift = digits - 1 - exponent;
    if (shift > 22 || shift < -22) break;
    const double n = std::nearbyint(shift >= 0 ? v * kPowersOfTen[shift] : v / kPowersOfTen[-shift]);
    const double candidate = shift >= 0 ? n / kPowersOfTen[shift] : n * kPowersOfTen[-shift];
    if (static_cast<float>(candidate) == value) return candidate;
  }
  char text[32];  // tiny or huge magnitudes: the slow, general way
  for (int digits = 6; digits <= 9; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, v);
    if (std::strtof(text, nullptr) == value) break;
  }
  return std::strtod(text, nullptr);
}

json number(double value) {
  if (!std::isfinite(value)) return nullptr;
  return value;
}

std::string python_float(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  return json(value).dump();  // shortest round-trip digits, with ".0" on integral values, like repr()
}

}  // namespace lab
