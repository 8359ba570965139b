// The notebook's three transformer models, with PyTorch's parameter names:
//   TransformerStack  01.3's TwoBlockTransformer with any number of blocks: block1 … blockN, then `out` (C → C);
//                     with pre-LN blocks a final LayerNorm `ln_f` precedes `out` (the standard pre-LN layout)
//   MiniTransformer   01.5: token embedding + a learned positional parameter `pe` (T, C), one post-LN block, `head`
//   TinyGPT           05.4: token + position embeddings, n blocks (`blocks.0` …), `ln_f`, `head` without bias;
//                     causal attention optional (the notebook's has none)
// Inputs are B sequences of T tokens flattened row by row (B*T tokens); outputs are (B*T, ·) matrices.
#pragma once

#include <vector>

#include "core/nn/transformer.hpp"

namespace lab::nn {

class TransformerStack {
 public:
  TransformerStack(int d_model, int n_heads, int ff_dim, int n_blocks, NormPlacement norm, NumpyRandom& rng);
  Var forward(Tape& tape, Var x, int batch, int seq_len);  // (B*T, C) → (B*T, C)
  ParameterList parameters();

  std::vector<TransformerBlock> blocks;
  LayerNorm ln_f;  // used with pre-LN blocks only
  Linear out;
  NormPlacement norm;
};

class MiniTransformer {
 public:
  MiniTransformer(int vocab, int d_model, int n_heads, int ff_dim, int seq_len, NumpyRandom& rng);
  // B*T tokens → logits (B*T, V); `maps`, if given, receives the block's attention (B, H, T, T).
  Var forward(Tape& tape, const std::vector<int>& tokens, int batch, AttentionMaps* maps = nullptr);
  ParameterList parameters();  // pe, embed.weight, block.*, head.* (named_parameters() order)

  Embedding embed;
  Parameter pe;  // (T, C) ~ N(0, 0.01²)
  TransformerBlock block;
  Linear head;
  int seq_len;
};

class TinyGPT {
 public:
  TinyGPT(int vocab, int d_model, int n_heads, int n_layers, int max_len, bool causal, NumpyRandom& rng);
  Var forward(Tape& tape, const std::vector<int>& tokens, int batch, int seq_len);  // B*T tokens → (B*T, V)
  ParameterList parameters();

  Embedding embed, pos_embed;
  std::vector<TransformerBlock> blocks;
  LayerNorm ln_f;
  Linear head;
};

}  // namespace lab::nn
