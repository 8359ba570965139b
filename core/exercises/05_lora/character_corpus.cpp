#include "core/exercises/05_lora/character_corpus.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/string_format.hpp"
#include "core/text/utf8.hpp"

namespace lab::exercises {

std::string CharacterCorpus::decode(const std::vector<int>& tokens) const {
  std::u32string characters;
  for (int t : tokens) characters.push_back(vocabulary[std::size_t(t)]);
  return text::encode_utf8(characters);
}

CharacterCorpus read_character_corpus(const std::string& text, int seq_len) {
  const std::u32string characters = text::decode_utf8(text);
  const int n = int(characters.size());
  const int fewest = (100 / kHeldoutPercent) * seq_len + 1;  // then the held-out 10% holds seq_len + 1 characters
  if (n < fewest) {
    fail_param("corpus", format("corpus must hold at least %d characters at seq_len %d: its last %d%% is held out "
                                "and must fill one window of seq_len + 1 characters (got %d)",
                                fewest, seq_len, kHeldoutPercent, n));
  }
  CharacterCorpus corpus;
  corpus.vocabulary = characters;
  std::sort(corpus.vocabulary.begin(), corpus.vocabulary.end());
  corpus.vocabulary.erase(std::unique(corpus.vocabulary.begin(), corpus.vocabulary.end()), corpus.vocabulary.end());
  const int distinct = int(corpus.vocabulary.size());
  if (distinct < 2) {
    fail_param("corpus", "corpus must use at least 2 distinct characters: with one, every next character is certain");
  }
  if (distinct > kMaxCorpusCharacters) {
    fail_param("corpus", format("corpus uses %d distinct characters; the lab's cap is %d (the model's vocabulary)",
                                distinct, kMaxCorpusCharacters));
  }
  const int heldout = (n * kHeldoutPercent + 99) / 100;  // 10%, rounded up
  for (int i = 0; i < n; ++i) {
    const auto position = std::lower_bound(corpus.vocabulary.begin(), corpus.vocabulary.end(), characters[i]);
    (i < n - heldout ? corpus.train : corpus.heldout).push_back(int(position - corpus.vocabulary.begin()));
  }
  return corpus;
}

}  // namespace lab::exercises
