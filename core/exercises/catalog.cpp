#include "core/exercises/catalog.hpp"

namespace lab::exercises {

// 01 Transformers from scratch (01_transformers/)
Exercise positional_encoding_exercise();
Exercise single_vs_multi_head_exercise();
Exercise gradient_norms_exercise();
Exercise causal_attention_exercise();
Exercise copy_task_exercise();

std::vector<Exercise> notebook02();  // BERT text classification

// 03 LLM applications and patterns (03_llm_patterns/)
Exercise structured_output_exercise();
Exercise tool_calling_exercise();
Exercise bm25_exercise();
Exercise chain_of_thought_exercise();
Exercise conversation_window_exercise();

std::vector<Exercise> notebook04();  // text preprocessing
std::vector<Exercise> notebook05();  // LLM fine-tuning with LoRA

std::vector<Exercise> course_exercises() {
  std::vector<Exercise> all = {positional_encoding_exercise(), single_vs_multi_head_exercise(),
                               gradient_norms_exercise(), causal_attention_exercise(), copy_task_exercise()};
  for (auto& exercise : notebook02()) all.push_back(std::move(exercise));
  all.insert(all.end(), {structured_output_exercise(), tool_calling_exercise(), bm25_exercise(),
                         chain_of_thought_exercise(), conversation_window_exercise()});
  for (auto notebook : {notebook04, notebook05}) {
    for (auto& exercise : notebook()) all.push_back(std::move(exercise));
  }
  return all;
}

}  // namespace lab::exercises
