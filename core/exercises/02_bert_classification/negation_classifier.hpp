// 02.4's model: a small BERT-style classifier of sentences, read from its [CLS] token (the first position).
//   token embeddings + learned position vectors (T, C) → n_layers post-LN encoder blocks → Linear(C, 2) on [CLS]
// The last block computes [CLS]'s row alone (nothing else reaches the head) and can hand back its attention from
// [CLS], (B, H, 1, T), so the exercise can show what [CLS] attends to.
// No padding and no segment embeddings: every training sentence has the same nine tokens (negation_corpus.hpp).
#pragma once

#include <vector>

#include "core/nn/transformer.hpp"
#include "core/random/numpy_random.hpp"

namespace lab::exercises {

struct NegationClassifier {
  nn::Embedding embed;
  nn::Parameter positions;  // (T, C)
  std::vector<nn::TransformerBlock> blocks;
  nn::Linear head;

  // Weights drawn from `rng` in this order: the embedding, the positions, the head, then block 0, 1, …
  NegationClassifier(int vocab, int seq_len, int d_model, int n_heads, int n_layers, NumpyRandom& rng);
  // B sentences of T tokens → logits (B, 2); `last_attention` receives the last block's maps from [CLS], (B, H, 1, T).
  nn::Var forward(nn::Tape& tape, const std::vector<int>& tokens, int batch, int seq_len,
                  nn::AttentionMaps* last_attention);
  nn::ParameterList parameters();  // pos, embed.*, blocks.*, head.*
};

}  // namespace lab::exercises
