// Notebook 05, LLM fine-tuning with LoRA: rank ablation, which projections to adapt, early stopping, a tiny GPT, and merging.
// Each exercise is a function `params -> Result` between `// == id` markers; the table at the bottom lists them.
#include <vector>

#include "core/exercises/notebooks.hpp"

namespace lab::exercises {

std::vector<Exercise> notebook05() {
  std::vector<Exercise> list;

  list.push_back(Exercise{"05.1", "LoRA rank ablation",
      "Count the trainable parameters of LoRA adapters of rank 4 to 32 and measure what each rank buys.",
      {},
      "r= 4: trainable params=  4096, val perplexity=21.07\n"
          "r= 8: trainable params=  8192, val perplexity=18.68\n"
          "r=16: trainable params= 16384, val perplexity=16.35\n"
          "r=32: trainable params= 32768, val perplexity=15.18\n"
          "Key insight: r=8 or r=16 offers best params/performance tradeoff (diminishing returns at r=32)",
      "", {}, nullptr});

  list.push_back(Exercise{"05.2", "LoRA on q+v vs q+k+v vs q+k+v+o",
      "Count LoRA parameters when adapting two, three or all four attention projections of a BERT-base-sized model.",
      {},
      "LoRA rank r=8, d_model=768, layers=12\n"
          "\n"
          "Config               Params/layer   Total params\n"
          "------------------------------------------------\n"
          "q+v only                   24,576        294,912\n"
          "q+k+v only                 36,864        442,368\n"
          "q+k+v+o (all)              49,152        589,824\n"
          "\n"
          "Approx BERT-base attention+FFN params: 84,934,656\n"
          "q+v only            : 0.35% of full fine-tune params\n"
          "q+k+v only          : 0.52% of full fine-tune params\n"
          "q+k+v+o (all)       : 0.69% of full fine-tune params\n"
          "Key insight: q+v (LoRA paper default) trains only 0.3% of params with strong performance",
      "", {}, nullptr});

  list.push_back(Exercise{"05.3", "Early stopping with patience",
      "Watch validation perplexity and stop training once it has not improved for `patience` epochs.",
      {},
      "Best epoch: 8, Best PPL: 11.16\n"
          "Stopped at epoch: 11 (saved 2 wasted epochs)",
      "", {}, nullptr});

  list.push_back(Exercise{"05.4", "Fine-tune a tiny GPT: perplexity before and after",
      "Train a two-layer GPT on a small token corpus and measure perplexity before and after, on the training tokens and on held-out ones.",
      {},
      "Domain corpus perplexity BEFORE fine-tuning: 61.49\n"
          "Domain corpus perplexity AFTER  fine-tuning: 1.32\n"
          "Improvement: 97.8%",
      "", {}, nullptr});

  list.push_back(Exercise{"05.5", "Merged LoRA vs base + adapter",
      "Fold a LoRA adapter into its base weight and check the merged layer gives the same outputs as base + adapter.",
      {},
      "Merge equivalence test (100 samples):\n"
          "  Max absolute difference:  0.00e+00\n"
          "  Mean absolute difference: 0.00e+00\n"
          "  Numerically equivalent:   True\n"
          "Key insight: merged model W + s*B@A is mathematically identical to runtime adapter\n"
          "Benefit: merged model has ZERO extra latency vs fine-tuned base — just one matmul",
      "", {}, nullptr});

  return list;
}

}  // namespace lab::exercises
