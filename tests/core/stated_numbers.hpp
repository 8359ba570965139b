// Test helper: the numbers a sentence states ("61.0%", "0.417", "4.2e-08", "12th"), and whether each one is a
// value of the Result it describes, to the precision it is written with. An insight or a chart title that quotes a
// figure of the defaults ("the 100 majority examples", "P@3") fails at other parameters, because its number is
// nowhere in that run's Result.
//   - quoted passages ("…") are skipped: a quoted sample sentence or word is not a figure
//   - digits glued to a letter or an underscore are part of a name (block1, W_q, k1), not numbers
//   - a number followed by % also matches 100 × a value (shares are kept as fractions)
#pragma once

#include <catch2/catch.hpp>

#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "core/json.hpp"

namespace lab_test {

struct StatedNumber {
  std::string text;  // as written: "61.0", "4.2e-08"
  double value = 0.0;
  double tolerance = 0.0;  // half a unit of the last digit written
  bool percent = false;
};

inline std::vector<StatedNumber> stated_numbers(const std::string& sentence) {
  std::string text;
  bool quoted = false;
  for (char c : sentence) {
    if (c == '"') {
      quoted = !quoted;
      text += ' ';
    } else {
      text += quoted ? ' ' : c;
    }
  }
  std::vector<StatedNumber> numbers;
  auto is_digit = [&](std::size_t i) { return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); };
  for (std::size_t i = 0; i < text.size();) {
    const bool glued = i > 0 && (std::isalpha(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_' ||
                                 std::isdigit(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '.');
    if (!is_digit(i) || glued) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (is_digit(end)) ++end;
    int decimals = 0;
    if (end + 1 < text.size() && text[end] == '.' && is_digit(end + 1)) {
      ++end;
      while (is_digit(end)) ++end, ++decimals;
    }
    int exponent = 0;
    if (end + 2 < text.size() && text[end] == 'e' && (text[end + 1] == '-' || text[end + 1] == '+') &&
        is_digit(end + 2)) {
      std::size_t e = end + 2;
      while (is_digit(e)) ++e;
      exponent = std::stoi(text.substr(end + 1, e - end - 1));
      end = e;
    }
    StatedNumber n;
    n.text = text.substr(i, end - i);
    n.value = std::stod(n.text);
    n.tolerance = 0.5 * std::pow(10.0, exponent - decimals) * 1.0001 + 1e-12;
    n.percent = end < text.size() && text[end] == '%';
    numbers.push_back(n);
    i = end;
  }
  return numbers;
}

// Every number of `value` (recursively), as candidates.
inline void collect_numbers(const lab::json& value, std::vector<double>& out) {
  if (value.is_number()) {
    out.push_back(value.get<double>());
  } else if (value.is_array() || value.is_object()) {
    for (const auto& item : value) collect_numbers(item, out);
  }
}

// The candidates of a Result: its params and metrics, the data entries named, and any values the test derives.
inline std::vector<double> result_numbers(const lab::json& result, const std::vector<std::string>& data_keys = {},
                                          const std::vector<double>& derived = {}) {
  std::vector<double> out = derived;
  collect_numbers(result["params"], out);
  collect_numbers(result["metrics"], out);
  for (const std::string& key : data_keys) collect_numbers(result["data"].at(lab::json::json_pointer(key)), out);
  return out;
}

inline bool is_one_of(const StatedNumber& n, const std::vector<double>& candidates) {
  for (double v : candidates) {
    if (std::fabs(n.value - std::fabs(v)) <= n.tolerance) return true;
    if (n.percent && std::fabs(n.value - 100.0 * std::fabs(v)) <= n.tolerance) return true;
  }
  return false;
}

// Checks that every number `sentence` states is one of `candidates`; returns how many it states.
inline std::size_t check_numbers_come_from(const std::string& sentence, const std::vector<double>& candidates) {
  const std::vector<StatedNumber> numbers = stated_numbers(sentence);
  for (const StatedNumber& n : numbers) {
    INFO("\"" << n.text << "\" in: " << sentence);
    CHECK(is_one_of(n, candidates));
  }
  return numbers.size();
}

}  // namespace lab_test
