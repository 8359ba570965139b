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

// 04 Text preprocessing (04_text_preprocessing/)
Exercise retrieval_precision_exercise();
Exercise bigram_model_exercise();
Exercise sentiment_pipeline_exercise();
Exercise tokenization_exercise();
Exercise tfidf_scratch_exercise();

std::vector<Exercise> notebook05();  // LLM fine-tuning with LoRA

std::vector<Exercise> course_exercises() {
  std::vector<Exercise> all = {positional_encoding_exercise(), single_vs_multi_head_exercise(),
                               gradient_norms_exercise(), causal_attention_exercise(), copy_task_exercise()};
  for (auto notebook : {notebook02, notebook03}) {
    for (auto& exercise : notebook()) all.push_back(std::move(exercise));
  }
  all.insert(all.end(), {retrieval_precision_exercise(), bigram_model_exercise(), sentiment_pipeline_exercise(),
                         tokenization_exercise(), tfidf_scratch_exercise()});
  for (auto& exercise : notebook05()) all.push_back(std::move(exercise));
  return all;
}

}  // namespace lab::exercises
