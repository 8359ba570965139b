// What the notebook printed for an exercise, line by line: the "What the notebook printed" block of its Markdown
// text (core/exercises/NN_*/NN_M_name.md), as `lab list` serves it. The notebook-log tests compare an exercise's
// log with these lines, so the lab's own copy of the notebook's output is the one thing they rely on.
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/registry.hpp"

namespace lab_test {

inline std::vector<std::string> notebook_lines(const std::string& id) {
  const lab::Exercise* exercise = lab::find_exercise(id);
  if (!exercise) throw std::invalid_argument("no exercise " + id);
  if (exercise->text.notebook_output.empty()) {
    throw std::runtime_error(exercise->text.file + " has no \"What the notebook printed\" block");
  }
  std::vector<std::string> lines;
  std::istringstream in(exercise->text.notebook_output);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  if (exercise->text.notebook_output.back() == '\n') lines.push_back("");  // getline drops a last empty line
  return lines;
}

}  // namespace lab_test
