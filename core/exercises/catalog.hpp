// The 25 exercises in course order (01.1 ... 05.5), each from its own file; registry.cpp pairs them with their
// Markdown texts and serves them. Adding an exercise: its .cpp and .md in a notebook's folder, and a line here.
#pragma once

#include <vector>

#include "core/exercise.hpp"

namespace lab::exercises {

std::vector<Exercise> course_exercises();

}  // namespace lab::exercises
