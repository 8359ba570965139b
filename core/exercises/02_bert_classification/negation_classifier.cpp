#include "core/exercises/02_bert_classification/negation_classifier.hpp"

#include <string>

namespace lab::exercises {

NegationClassifier::NegationClassifier(int vocab, int seq_len, int d_model, int n_heads, int n_layers, NumpyRandom& rng)
    : embed("embed", vocab, d_model, rng),
      positions("pos", nn::normal_matrix(seq_len, d_model, 0.02, rng)),
      head("head", d_model, 2, rng) {
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
  for (std::size_t l = 0; l < blocks.size(); ++l) {
    h = blocks[l].forward(tape, h, batch, seq_len, l + 1 == blocks.size() ? last_attention : nullptr);
  }
  std::vector<int> cls_rows;  // row b*T of every sentence
  for (int b = 0; b < batch; ++b) cls_rows.push_back(b * seq_len);
  return head.forward(tape, nn::embedding(tape, h, cls_rows));  // (B, C) → (B, 2)
}

nn::ParameterList NegationClassifier::parameters() {
  nn::ParameterList list{&positions};
  embed.collect(list);
  for (auto& block : blocks) block.collect(list);
  head.collect(list);
  return list;
}

}  // namespace lab::exercises
