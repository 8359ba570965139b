// The five notebooks, each a list of its five exercises in course order. One .cpp per notebook.
#pragma once

#include <vector>

#include "core/exercise.hpp"

namespace lab::exercises {

std::vector<Exercise> notebook01();  // transformers from scratch
std::vector<Exercise> notebook02();  // BERT text classification
std::vector<Exercise> notebook03();  // LLM applications and patterns
std::vector<Exercise> notebook04();  // text preprocessing
std::vector<Exercise> notebook05();  // LLM fine-tuning with LoRA

}  // namespace lab::exercises
