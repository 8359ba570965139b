// The notebook's attention layers and transformer block, on the tape:
//   MultiHeadAttention    W_q, W_k, W_v, W_o (each C → C); H heads of width D = C/H side by side; scale √D
//   CausalSelfAttention   one W_qkv (C → 3C) split into Q | K | V by columns (chunk(3)), always causal; W_o
//   TransformerBlock      attn, ff = Linear(C, F) → ReLU → Linear(F, C) (PyTorch names ff.0, ff.2), ln1, ln2
//     post-LN (the notebook):  x = ln1(x + attn(x));  x = ln2(x + ff(x))
//     pre-LN (the option):     x = x + attn(ln1(x));  x = x + ff(ln2(x))
// Activations are (B*T, C): B sequences of T tokens, flattened to rows; attention stays within each sequence.
#pragma once

#include <string>

#include "core/nn/layers.hpp"

namespace lab::nn {

class MultiHeadAttention {
 public:
  MultiHeadAttention(const std::string& name, int d_model, int n_heads, NumpyRandom& rng, bool causal = false);
  // x (B*T, C) → (B*T, C). `maps`, if given, receives the attention maps (B, H, T, T) (attention_maps.hpp).
  Var forward(Tape& tape, Var x, int batch, int seq_len, AttentionMaps* maps = nullptr);
  // Only the first Tq tokens of each sequence ask: `query_rows` (B*Tq, C) are their rows of x (B*T, C), whose every
  // token gives keys and values → (B*Tq, C), each row what forward() gives it; `maps` (B, H, Tq, T).
  Var forward(Tape& tape, Var query_rows, Var x, int batch, int seq_len, int queries, AttentionMaps* maps = nullptr);
  void collect(ParameterList& list);

  Linear W_q, W_k, W_v, W_o;
  int n_heads;
  bool causal;
};

class CausalSelfAttention {
 public:
  CausalSelfAttention(const std::string& name, int d_model, int n_heads, NumpyRandom& rng);
  Var forward(Tape& tape, Var x, int batch, int seq_len, AttentionMaps* maps = nullptr);  // (B*T, C) → (B*T, C)
  void collect(ParameterList& list);

  Linear W_qkv, W_o;
  int n_heads;
};

enum class NormPlacement { post, pre };

class TransformerBlock {
 public:
  TransformerBlock(const std::string& name, int d_model, int n_heads, int ff_dim, NumpyRandom& rng,
                   NormPlacement norm = NormPlacement::post, bool causal = false);
  Var forward(Tape& tape, Var x, int batch, int seq_len, AttentionMaps* maps = nullptr);  // (B*T, C) → (B*T, C)
  // The output at each sequence's first token only, (B*T, C) → (B, C): all a classifier reading [CLS] needs from
  // its last block. Every token still gives keys and values; the other rows' queries, attention outputs, feed-
  // forward and norms are never computed. Each row is the same row of forward(); `maps` (B, H, 1, T).
  Var forward_first_token(Tape& tape, Var x, int batch, int seq_len, AttentionMaps* maps = nullptr);
  void collect(ParameterList& list);  // attn.*, ff.0.*, ff.2.*, ln1.*, ln2.* (PyTorch's order)

  MultiHeadAttention attn;
  Linear ff_in, ff_out;  // ff.0 (C → F) and ff.2 (F → C)
  LayerNorm ln1, ln2;
  NormPlacement norm;

 private:
  Var feed_forward(Tape& tape, Var h);  // ff.2(relu(ff.0(h)))
};

}  // namespace lab::nn
