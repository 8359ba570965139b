#include "core/exercises/catalog.hpp"

namespace lab::exercises {

// 01 Transformers from scratch (01_transformers/)
Exercise positional_encoding_exercise();
Exercise single_vs_multi_head_exercise();
Exercise gradient_norms_exercise();
Exercise causal_attention_exercise();
Exercise copy_task_exercise();

std::vector<Exercise> notebook02();  // BERT text classification
std::vector<Exercise> notebook03();  // LLM applications and patterns
std::vector<Exercise> notebook04();  // text preprocessing

// 05 LLM fine-tuning with LoRA (05_lora/)
Exercise rank_ablation_exercise();
Exercise lora_modules_exercise();
Exercise early_stopping_exercise();
Exercise tiny_gpt_exercise();
Exercise merge_equivalence_exercise();

std::vector<Exercise> course_exercises() {
  std::vector<Exercise> all = {positional_encoding_exercise(), single_vs_multi_head_exercise(),
                               gradient_norms_exercise(), causal_attention_exercise(), copy_task_exercise()};
  for (auto notebook : {notebook02, notebook03, notebook04}) {
    for (auto& exercise : notebook()) all.push_back(std::move(exercise));
  }
  for (auto exercise : {rank_ablation_exercise, lora_modules_exercise, early_stopping_exercise, tiny_gpt_exercise,
                        merge_equivalence_exercise}) {
    all.push_back(exercise());
  }
  return all;
}

}  // namespace lab::exercises
