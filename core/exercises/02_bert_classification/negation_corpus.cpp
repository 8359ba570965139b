#include "core/exercises/02_bert_classification/negation_corpus.hpp"

#include <algorithm>
#include <cctype>

namespace lab::exercises {

namespace {

const std::vector<std::string> kNouns = {"movie", "film", "show", "plot", "acting"};
const std::vector<std::string> kVerbs = {"was", "is"};
const std::vector<std::string> kModifiers = {"not", "really", "very", "so"};
const std::vector<std::string> kPositive = {"good", "great", "fun", "excellent", "enjoyable"};
const std::vector<std::string> kNegative = {"bad", "boring", "awful", "terrible", "dull"};
const std::vector<std::vector<std::string>> kEndings = {{"at", "all"}, {"to", "me"}, {"for", "sure"}, {"this", "time"}};

std::string lower(std::string word) {
  for (char& c : word) c = char(std::tolower(static_cast<unsigned char>(c)));
  return word;
}

bool contains(const std::vector<std::string>& list, const std::string& word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

NegationCorpus build() {
  NegationCorpus corpus;
  corpus.vocabulary = {"[CLS]", "[SEP]", "[UNK]", "the"};
  for (const auto* group : {&kNouns, &kVerbs, &kModifiers, &kPositive, &kNegative}) {
    for (const auto& word : *group) corpus.vocabulary.push_back(word);
  }
  for (const auto& ending : kEndings) {
    for (const auto& word : ending) corpus.vocabulary.push_back(word);
  }
  std::vector<std::string> adjectives = kPositive;
  adjectives.insert(adjectives.end(), kNegative.begin(), kNegative.end());
  for (const auto& noun : kNouns) {
    for (const auto& verb : kVerbs) {
      for (const auto& modifier : kModifiers) {
        for (const auto& adjective : adjectives) {
          for (const auto& ending : kEndings) {
            const std::vector<std::string> words = {"[CLS]",   "the",     noun,      verb,   modifier,
                                                    adjective, ending[0], ending[1], "[SEP]"};
            std::vector<int> ids;
            for (const auto& w : words) ids.push_back(corpus.id_of(w));
            corpus.sentences.push_back(ids);
            corpus.labels.push_back(*corpus.label_of(words));
            corpus.negated.push_back(modifier == "not");
          }
        }
      }
    }
  }
  return corpus;
}

}  // namespace

int NegationCorpus::id_of(const std::string& word) const {
  const std::string key = word.size() > 2 && word.front() == '[' ? word : lower(word);
  const auto it = std::find(vocabulary.begin(), vocabulary.end(), key);
  return it == vocabulary.end() ? 2 : int(it - vocabulary.begin());
}

std::optional<int> NegationCorpus::label_of(const std::vector<std::string>& words) const {
  int adjectives = 0, positive = 0;
  bool has_not = false;
  for (const auto& w : words) {
    const std::string word = lower(w);
    has_not = has_not || word == "not";
    if (contains(kPositive, word)) ++adjectives, ++positive;
    if (contains(kNegative, word)) ++adjectives;
  }
  if (adjectives != 1) return std::nullopt;
  return (positive == 1) != has_not ? 1 : 0;
}

const NegationCorpus& negation_corpus() {
  static const NegationCorpus corpus = build();
  return corpus;
}

}  // namespace lab::exercises
