// Floats into JSON: the shortest decimal that reads back as the same float, the same in every shell.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>

#include "core/float_format.hpp"

namespace {

// The reference: the fewest %g digits (6..9) that read back as the same float.
std::string shortest_by_printf(float value) {
  char text[32];
  for (int digits = 1; digits <= 9; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, static_cast<double>(value));
    if (std::strtof(text, nullptr) == value) break;
  }
  return text;
}

}  // namespace

TEST_CASE("a float becomes a double that reads back as the same float", "[float_format]") {
  std::mt19937 bits(12345);
  for (int i = 0; i < 200000; ++i) {
    std::uint32_t pattern = bits();
    float value;
    std::memcpy(&value, &pattern, sizeof value);
    if (!std::isfinite(value)) continue;
    const lab::json out = lab::number(value);
    REQUIRE(out.is_number_float());
    REQUIRE(static_cast<float>(out.get<double>()) == value);
  }
}

TEST_CASE("the JSON text is as short as printf's shortest round trip", "[float_format]") {
  std::mt19937 bits(7);
  std::uniform_real_distribution<double> exponent(-12.0, 12.0);
  int longer = 0;
  for (int i = 0; i < 100000; ++i) {
    const float value = static_cast<float>(std::pow(10.0, exponent(bits))) * (i % 2 ? 1.0f : -1.0f);
    const std::string text = lab::number(value).dump();
    const double reference = std::strtod(shortest_by_printf(value).c_str(), nullptr);
    const std::string reference_text = lab::json(reference).dump();
    if (text.size() > reference_text.size()) ++longer;
  }
  CHECK(longer == 0);
}

TEST_CASE("familiar floats print as people write them", "[float_format]") {
  CHECK(lab::number(0.1f).dump() == "0.1");
  CHECK(lab::number(21.0516300201416f).dump() == "21.05163");
  CHECK(lab::number(32.0f).dump() == "32.0");
  CHECK(lab::number(-2.5e-7f).dump() == "-2.5e-07");
  CHECK(lab::number(0.0f).dump() == "0.0");
  CHECK(lab::number(1e-30f).dump() == "1e-30");
  CHECK(lab::number(std::numeric_limits<float>::quiet_NaN()).is_null());
  CHECK(lab::number(std::numeric_limits<float>::infinity()).is_null());
  CHECK(lab::number(std::numeric_limits<double>::infinity()).is_null());
}

TEST_CASE("python_float prints like Python's repr", "[float_format]") {
  CHECK(lab::python_float(32.0) == "32.0");
  CHECK(lab::python_float(21.0516300201416) == "21.0516300201416");
  CHECK(lab::python_float(1e-05) == "1e-05");
  CHECK(lab::python_float(std::nan("")) == "nan");
}
