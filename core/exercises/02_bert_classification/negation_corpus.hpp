// 02.4's training data: short movie reviews of one fixed shape, nine tokens each (so no padding is needed),
//   [CLS] the <movie|film|show|plot|acting> <was|is> <not|really|very|so> <adjective> <at all|to me|for sure|this time>
//   [SEP]
// labelled positive when a positive adjective is not negated, or a negative one is ("not bad"). With 5 nouns,
// 2 verbs, 4 modifiers, 10 adjectives and 4 endings there are 1600 sentences, a quarter of them negated.
// The notebook's example, "[CLS] The movie was not good at all [SEP]", is one of them.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace lab::exercises {

struct NegationCorpus {
  std::vector<std::string> vocabulary;      // token id → word; 0 is [CLS], 1 [SEP], 2 [UNK]
  std::vector<std::vector<int>> sentences;  // token ids, nine each
  std::vector<int> labels;                  // 1 positive, 0 negative
  std::vector<bool> negated;                // the modifier is "not"

  int id_of(const std::string& word) const;  // case-insensitive; [UNK] (2) for a word outside the vocabulary
  // The rule's label for any token list: 1 or 0 when it holds exactly one known adjective, else nothing.
  std::optional<int> label_of(const std::vector<std::string>& words) const;
};

const NegationCorpus& negation_corpus();

}  // namespace lab::exercises
