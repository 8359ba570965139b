#include "core/nn/transformer.hpp"

#include <cassert>
#include <vector>

namespace lab::nn {

MultiHeadAttention::MultiHeadAttention(const std::string& name, int d_model, int n_heads_, NumpyRandom& rng,
                                       bool causal_)
    : W_q(join_name(name, "W_q"), d_model, d_model, rng),
      W_k(join_name(name, "W_k"), d_model, d_model, rng),
      W_v(join_name(name, "W_v"), d_model, d_model, rng),
      W_o(join_name(name, "W_o"), d_model, d_model, rng),
      n_heads(n_heads_),
      causal(causal_) {}

Var MultiHeadAttention::forward(Tape& tape, Var x, int batch, int seq_len, AttentionMaps* maps) {
  return forward(tape, x, x, batch, seq_len, seq_len, maps);
}

Var MultiHeadAttention::forward(Tape& tape, Var query_rows, Var x, int batch, int seq_len, int queries,
                                AttentionMaps* maps) {
  assert(tape.value(query_rows).rows() == Eigen::Index(batch) * queries);  // each sequence's first Tq rows of x
  const Var q = W_q.forward(tape, query_rows);                             // (B*Tq, C)
  const Var k = W_k.forward(tape, x), v = W_v.forward(tape, x);            // (B*T, C) each
  const Var heads = attention(tape, q, k, v, AttentionShape{batch, seq_len, n_heads, causal, queries}, maps);
  return W_o.forward(tape, heads);  // (B*Tq, C)
}

void MultiHeadAttention::collect(ParameterList& list) {
  for (Linear* layer : {&W_q, &W_k, &W_v, &W_o}) layer->collect(list);
}

CausalSelfAttention::CausalSelfAttention(const std::string& name, int d_model, int n_heads_, NumpyRandom& rng)
    : W_qkv(join_name(name, "W_qkv"), d_model, 3 * d_model, rng),
      W_o(join_name(name, "W_o"), d_model, d_model, rng),
      n_heads(n_heads_) {}

Var CausalSelfAttention::forward(Tape& tape, Var x, int batch, int seq_len, AttentionMaps* maps) {
  const Var qkv = W_qkv.forward(tape, x);  // (B*T, 3C): Q | K | V
  const int c = int(tape.value(x).cols());
  const Var q = columns(tape, qkv, 0, c), k = columns(tape, qkv, c, c), v = columns(tape, qkv, 2 * c, c);
  const Var heads = attention(tape, q, k, v, AttentionShape{batch, seq_len, n_heads, true}, maps);
  return W_o.forward(tape, heads);
}

void CausalSelfAttention::collect(ParameterList& list) {
  W_qkv.collect(list);
  W_o.collect(list);
}

TransformerBlock::TransformerBlock(const std::string& name, int d_model, int n_heads, int ff_dim, NumpyRandom& rng,
                                   NormPlacement norm_, bool causal)
    : attn(join_name(name, "attn"), d_model, n_heads, rng, causal),
      ff_in(join_name(name, "ff.0"), d_model, ff_dim, rng),
      ff_out(join_name(name, "ff.2"), ff_dim, d_model, rng),
      ln1(join_name(name, "ln1"), d_model),
      ln2(join_name(name, "ln2"), d_model),
      norm(norm_) {}

Var TransformerBlock::feed_forward(Tape& tape, Var h) {
  return ff_out.forward(tape, relu(tape, ff_in.forward(tape, h)));
}

Var TransformerBlock::forward(Tape& tape, Var x, int batch, int seq_len, AttentionMaps* maps) {
  if (norm == NormPlacement::post) {
    x = ln1.forward(tape, add(tape, x, attn.forward(tape, x, batch, seq_len, maps)));
    return ln2.forward(tape, add(tape, x, feed_forward(tape, x)));
  }
  x = add(tape, x, attn.forward(tape, ln1.forward(tape, x), batch, seq_len, maps));
  return add(tape, x, feed_forward(tape, ln2.forward(tape, x)));
}

namespace {

// Row b·T of every sequence, (B*T, C) → (B, C): a gather whose backward adds into those rows.
Var first_tokens(Tape& tape, Var x, int batch, int seq_len) {
  std::vector<int> rows(static_cast<std::size_t>(batch));
  for (int b = 0; b < batch; ++b) rows[std::size_t(b)] = b * seq_len;
  return embedding(tape, x, rows);
}

}  // namespace

Var TransformerBlock::forward_first_token(Tape& tape, Var x, int batch, int seq_len, AttentionMaps* maps) {
  if (norm == NormPlacement::post) {
    const Var first = first_tokens(tape, x, batch, seq_len);  // (B, C)
    const Var h = ln1.forward(tape, add(tape, first, attn.forward(tape, first, x, batch, seq_len, 1, maps)));
    return ln2.forward(tape, add(tape, h, feed_forward(tape, h)));
  }
  const Var normed = ln1.forward(tape, x);  // (B*T, C): every token's keys and values read it
  const Var asked = attn.forward(tape, first_tokens(tape, normed, batch, seq_len), normed, batch, seq_len, 1, maps);
  const Var h = add(tape, first_tokens(tape, x, batch, seq_len), asked);
  return add(tape, h, feed_forward(tape, ln2.forward(tape, h)));
}

void TransformerBlock::collect(ParameterList& list) {
  attn.collect(list);
  ff_in.collect(list);
  ff_out.collect(list);
  ln1.collect(list);
  ln2.collect(list);
}

}  // namespace lab::nn
