// 05.4's own text: a learner's corpus read as characters (Unicode code points) for a character-level tiny GPT.
//   check    valid UTF-8 (the params layer caps its bytes), at least two distinct characters and at most 1000,
//            and long enough that its held-out part fills one window: every refusal says what is allowed
//   split    the first 90% of the characters train, the last 10% (rounded up) are held out, in text order, so
//            the held-out text is text the model never trained on
//   encode   each character becomes its index in the sorted vocabulary of the whole text (held-out part included,
//            so every held-out character has a token, one the model may never have been trained to predict)
// Leaves out normalisation (é as one code point or two stays as given) and any word or subword tokenizer.
#pragma once

#include <string>
#include <vector>

namespace lab::exercises {

constexpr int kHeldoutPercent = 10;             // the last 10% of the characters are held out
constexpr int kMaxCorpusCharacters = 1000;      // distinct characters: the model's vocabulary
constexpr std::size_t kMaxCorpusBytes = 50000;  // the `corpus` parameter's cap (memory and time)

struct CharacterCorpus {
  std::u32string vocabulary;        // (V) the distinct characters, by code point
  std::vector<int> train, heldout;  // token ids: the first 90% of the text, then the last 10%
  int characters() const { return int(train.size() + heldout.size()); }
  std::string decode(const std::vector<int>& tokens) const;  // token ids back to UTF-8
};

// Reads the `corpus` parameter (already checked for UTF-8 and its byte cap) for windows of `seq_len` characters;
// throws bad_param naming "corpus" when the text cannot be used.
CharacterCorpus read_character_corpus(const std::string& text, int seq_len);

}  // namespace lab::exercises
