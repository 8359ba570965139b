// Notebook 04.2's bigram language model (the class BigramLM), with the same arithmetic and the same random draws:
//   train     tokens = ["<s>"] + text.lower().split() + ["</s>"]; count every adjacent pair
//   prob      P(w2 | w1) = (count(w1, w2) + α) / (Σ_w count(w1, w) + α·|V|), |V| counting <s> and </s>
//   generate  from "<s>", draw the next word among the words seen after the current one, in the order they were
//             first seen (Python's Counter keeps insertion order), with p = prob / sum(prob) normalised by np.sum
//             and np.random.choice (NumpyRandom), until "</s>", a word never followed by anything, or max_len draws
// Leaves out backoff, interpolation and higher orders.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/random/numpy_random.hpp"

namespace lab::text {

class BigramLM {
 public:
  explicit BigramLM(double smoothing = 0.1) : smoothing_(smoothing) {}

  void train(const std::vector<std::string>& texts);
  double prob(const std::string& w1, const std::string& w2) const;  // NaN for 0/0 (α = 0, w1 never seen)
  std::string generate(NumpyRandom& rng, const std::string& seed = "<s>", int max_len = 15) const;

  std::size_t vocabulary_size() const { return vocabulary_.size(); }
  // The words seen after w1, in first-seen order, with their counts.
  const std::vector<std::pair<std::string, long long>>& followers(const std::string& w1) const;

 private:
  double smoothing_;
  std::unordered_set<std::string> vocabulary_;
  std::unordered_map<std::string, std::vector<std::pair<std::string, long long>>> bigrams_;
};

}  // namespace lab::text
