// Reading the tests' reference data: the JSON files under tests/reference/ (each written by the Python script
// beside it) and the course's shared files (../shared/reference/), which may be absent on other machines.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "core/json.hpp"

namespace lab_test {

inline lab::json load_reference_json(const std::string& file_name) {
  std::ifstream in(std::string(LAB_SOURCE_DIR) + "/tests/reference/" + file_name);
  if (!in.good()) throw std::runtime_error("missing tests/reference/" + file_name);
  return lab::json::parse(in);
}

// The text of ../shared/<relative_path>, or "" when the shared folder is not there.
inline std::string read_shared_file(const std::string& relative_path) {
  std::ifstream in(std::string(LAB_SHARED_DIR) + "/" + relative_path);
  if (!in.good()) return "";
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::string bytes_from_hex(const std::string& hex) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return bytes;
}

}  // namespace lab_test
