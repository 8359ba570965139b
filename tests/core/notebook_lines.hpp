// The notebook's printed lines (../shared/reference/notebook_output.txt) next to an exercise's log: where the
// log's first non-blank line appears in the file, and the file's lines from there on.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "reference_files.hpp"

namespace lab_test {

inline std::vector<std::string> notebook_output_lines() {
  std::vector<std::string> lines;
  std::istringstream in(read_shared_file("reference/notebook_output.txt"));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The notebook's lines aligned with `log` (same length), or empty when the file or the anchor line is missing.
inline std::vector<std::string> notebook_lines_for(const lab::json& log) {
  const std::vector<std::string> file = notebook_output_lines();
  std::size_t first = 0;
  while (first < log.size() && log[first].get<std::string>().empty()) ++first;
  if (file.empty() || first == log.size()) return {};
  for (std::size_t i = 0; i < file.size(); ++i) {
    if (file[i] != log[first].get<std::string>() || i < first || i - first + log.size() > file.size()) continue;
    return std::vector<std::string>(file.begin() + (i - first), file.begin() + (i - first + log.size()));
  }
  return {};
}

}  // namespace lab_test
