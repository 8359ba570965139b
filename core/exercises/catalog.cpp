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
// 03 LLM applications and patterns (03_llm_patterns/)
Exercise structured_output_exercise();
Exercise tool_calling_exercise();
Exercise bm25_exercise();
Exercise chain_of_thought_exercise();
Exercise conversation_window_exercise();
// 04 Text preprocessing (04_text_preprocessing/)
Exercise retrieval_precision_exercise();
Exercise bigram_model_exercise();
Exercise sentiment_pipeline_exercise();
Exercise tokenization_exercise();
Exercise tfidf_scratch_exercise();
// 05 LLM fine-tuning with LoRA (05_lora/)
Exercise rank_ablation_exercise();
Exercise lora_modules_exercise();
Exercise early_stopping_exercise();
Exercise tiny_gpt_exercise();
Exercise merge_equivalence_exercise();

std::vector<Exercise> course_exercises() {
  using Factory = Exercise (*)();
  const Factory course[] = {positional_encoding_exercise,
                            single_vs_multi_head_exercise,
                            gradient_norms_exercise,
                            causal_attention_exercise,
                            copy_task_exercise,
                            warmup_schedule_exercise,
                            parameter_counts_exercise,
                            gradient_accumulation_exercise,
                            negation_attention_exercise,
                            class_weights_exercise,
                            structured_output_exercise,
                            tool_calling_exercise,
                            bm25_exercise,
                            chain_of_thought_exercise,
                            conversation_window_exercise,
                            retrieval_precision_exercise,
                            bigram_model_exercise,
                            sentiment_pipeline_exercise,
                            tokenization_exercise,
                            tfidf_scratch_exercise,
                            rank_ablation_exercise,
                            lora_modules_exercise,
                            early_stopping_exercise,
                            tiny_gpt_exercise,
                            merge_equivalence_exercise};
  std::vector<Exercise> all;
  for (Factory make : course) all.push_back(make());
  return all;
}

}  // namespace lab::exercises
