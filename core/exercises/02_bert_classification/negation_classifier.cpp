#include "core/exercises/02_bert_classification/negation_classifier.hpp"

#include <cassert>
#include <string>

namespace lab::exercises {

NegationClassifier::NegationClassifier(int vocab, int seq_len, int d_model, int n_heads, int n_layers, NumpyRandom& rng)
    : embed("embed", vocab, d_model, rng),
      positions("pos", nn::normal_matrix(seq_len, d_model, 0.02, rng)),
      head("head", d_model, 2, rng) {
  assert(n_layers >= 1);  // the last block computes [CLS]'s row (forward)
  blocks.reserve(std::size_t(n_layers));
  for (int l = 0; l < n_layers; ++l) {
    blocks.emplace_back("blocks." + std::to_string(l), d_model, n_heads, 2 * d_model, rng);
  }
}

nn::Var NegationClassifier::forward(nn::Tape& tape, const std::vector<int>& tokens, int batch, int seq_len,
                                    nn::AttentionMaps* last_attention) {
  std::vector<int> position_ids(static_cast<std::size_t>(seq_len));
  for (int t = 0; t < seq_len; ++t) position_ids[std::size_t(t)] = t;
  // (B*T, C): each token's embedding plus its position's vector
  nn::Var h = nn::add(tape, embed.forward(tape, tokens), nn::embedding(tape, tape.parameter(positions), position_ids));
  // Only [CLS] feeds the head, so the last block computes its row alone (keys and values still from every token).
  for (std::size_t l = 0; l + 1 < blocks.size(); ++l) h = blocks[l].forward(tape, h, batch, seq_len);
  const nn::Var cls = blocks.back().forward_first_token(tape, h, batch, seq_len, last_attention);  // (B, C)
  return head.forward(tape, cls);                                                                  // (B, 2)
}

nn::ParameterList NegationClassifier::parameters() {
  nn::ParameterList list{&positions};
  embed.collect(list);
  for (auto& block : blocks) block.collect(list);
  head.collect(list);
  return list;
}

}  // namespace lab::exercises
