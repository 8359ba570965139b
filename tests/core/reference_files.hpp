// Reading the tests' reference data: the JSON files under tests/reference/ (each written by a Python script
// there), which are part of the project: a missing one is an error, so the test reading it fails.
#pragma once

#include <fstream>
#include <stdexcept>
#include <string>

#include "core/json.hpp"

namespace lab_test {

inline lab::json load_reference_json(const std::string& file_name) {
  std::ifstream in(std::string(LAB_SOURCE_DIR) + "/tests/reference/" + file_name);
  if (!in.good()) {
    throw std::runtime_error("missing reference file tests/reference/" + file_name + " under " + LAB_SOURCE_DIR +
                             " (a script in tests/reference/ writes it)");
  }
  return lab::json::parse(in);
}

inline std::string bytes_from_hex(const std::string& hex) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return bytes;
}

}  // namespace lab_test
