#include "core/exercises/catalog.hpp"

namespace lab::exercises {

// 01 Transformers from scratch (01_transformers/)
Exercise positional_encoding_exercise();
Exercise single_vs_multi_head_exercise();
Exercise gradient_norms_exercise();
Exercise causal_attention_exercise();
Exercise copy_task_exercise();

// 02 BERT text classification (02_bert_classification/)
Exercise warmup_schedule_exercise();
Exercise parameter_counts_exercise();
Exercise gradient_accumulation_exercise();
Exercise negation_attention_exercise();
Exercise class_weights_exercise();

std::vector<Exercise> notebook03();  // LLM applications and patterns
std::vector<Exercise> notebook04();  // text preprocessing
std::vector<Exercise> notebook05();  // LLM fine-tuning with LoRA

std::vector<Exercise> course_exercises() {
  std::vector<Exercise> all = {positional_encoding_exercise(), single_vs_multi_head_exercise(),
                               gradient_norms_exercise(), causal_attention_exercise(), copy_task_exercise(),
                               warmup_schedule_exercise(), parameter_counts_exercise(),
                               gradient_accumulation_exercise(), negation_attention_exercise(),
                               class_weights_exercise()};
  for (auto notebook : {notebook03, notebook04, notebook05}) {
    for (auto& exercise : notebook()) all.push_back(std::move(exercise));
  }
  return all;
}

}  // namespace lab::exercises
