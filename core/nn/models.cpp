#include "core/nn/models.hpp"

#include <cassert>
#include <string>

namespace lab::nn {

namespace {

std::vector<TransformerBlock> make_blocks(const std::string& prefix, int first_index, int n, int d_model, int n_heads,
                                          int ff_dim, NormPlacement norm, bool causal, NumpyRandom& rng) {
  std::vector<TransformerBlock> blocks;
  blocks.reserve(std::size_t(n));  // parameters must not move once the model exists
  for (int i = 0; i < n; ++i) {
    blocks.emplace_back(prefix + std::to_string(first_index + i), d_model, n_heads, ff_dim, rng, norm, causal);
  }
  return blocks;
}

}  // namespace

TransformerStack::TransformerStack(int d_model, int n_heads, int ff_dim, int n_blocks, NormPlacement norm_,
                                   NumpyRandom& rng)
    : blocks(make_blocks("block", 1, n_blocks, d_model, n_heads, ff_dim, norm_, false, rng)),
      ln_f("ln_f", d_model),
      out("out", d_model, d_model, rng),
      norm(norm_) {}

Var TransformerStack::forward(Tape& tape, Var x, int batch, int seq_len) {
  for (auto& block : blocks) x = block.forward(tape, x, batch, seq_len);
  if (norm == NormPlacement::pre) x = ln_f.forward(tape, x);
  return out.forward(tape, x);
}

ParameterList TransformerStack::parameters() {
  ParameterList list;
  for (auto& block : blocks) block.collect(list);
  if (norm == NormPlacement::pre) ln_f.collect(list);
  out.collect(list);
  return list;
}

MiniTransformer::MiniTransformer(int vocab, int d_model, int n_heads, int ff_dim, int seq_len_, NumpyRandom& rng)
    : embed("embed", vocab, d_model, rng),
      pe("pe", normal_matrix(seq_len_, d_model, 0.01, rng)),
      block("block", d_model, n_heads, ff_dim, rng),
      head("head", d_model, vocab, rng),
      seq_len(seq_len_) {}

Var MiniTransformer::forward(Tape& tape, const std::vector<int>& tokens, int batch, AttentionMaps* maps) {
  assert(int(tokens.size()) == batch * seq_len);
  Var x = add(tape, embed.forward(tape, tokens), tape.parameter(pe));  // (B*T, C) + (T, C) per sequence
  x = block.forward(tape, x, batch, seq_len, maps);
  return head.forward(tape, x);  // (B*T, V)
}

ParameterList MiniTransformer::parameters() {
  ParameterList list{&pe};  // a module's own parameters come before its children's in named_parameters()
  embed.collect(list);
  block.collect(list);
  head.collect(list);
  return list;
}

TinyGPT::TinyGPT(int vocab, int d_model, int n_heads, int n_layers, int max_len, bool causal, NumpyRandom& rng)
    : embed("embed", vocab, d_model, rng),
      pos_embed("pos_embed", max_len, d_model, rng),
      blocks(make_blocks("blocks.", 0, n_layers, d_model, n_heads, 4 * d_model, NormPlacement::post, causal, rng)),
      ln_f("ln_f", d_model),
      head("head", d_model, vocab, rng, /*bias=*/false) {}

Var TinyGPT::forward(Tape& tape, const std::vector<int>& tokens, int batch, int seq_len) {
  assert(int(tokens.size()) == batch * seq_len && seq_len <= pos_embed.weight.value.rows());
  std::vector<int> positions(static_cast<std::size_t>(seq_len));
  for (int t = 0; t < seq_len; ++t) positions[std::size_t(t)] = t;
  Var h = add(tape, embed.forward(tape, tokens), pos_embed.forward(tape, positions));  // (B*T, C)
  for (auto& block : blocks) h = block.forward(tape, h, batch, seq_len);
  return head.forward(tape, ln_f.forward(tape, h));  // (B*T, V)
}

ParameterList TinyGPT::parameters() {
  ParameterList list;
  embed.collect(list);
  pos_embed.collect(list);
  for (auto& block : blocks) block.collect(list);
  ln_f.collect(list);
  head.collect(list);
  return list;
}

}  // namespace lab::nn
