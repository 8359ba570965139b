#include "core/text/bigram_lm.hpp"

#include <limits>

#include "core/text/tokenizers.hpp"

namespace lab::text {

namespace {

const std::vector<std::pair<std::string, long long>> no_followers;

}  // namespace

void BigramLM::train(const std::vector<std::string>& texts) {
  for (const std::string& text : texts) {
    Tokens tokens{"<s>"};
    for (std::string& token : lowercase_whitespace_tokens(text)) tokens.push_back(std::move(token));
    tokens.push_back("</s>");
    vocabulary_.insert(tokens.begin(), tokens.end());
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      auto& row = bigrams_[tokens[i]];
      bool found = false;
      for (auto& entry : row) {
        if (entry.first == tokens[i + 1]) {
          ++entry.second;
          found = true;
          break;
        }
      }
      if (!found) row.emplace_back(tokens[i + 1], 1);
    }
  }
}

const std::vector<std::pair<std::string, long long>>& BigramLM::followers(const std::string& w1) const {
  const auto found = bigrams_.find(w1);
  return found == bigrams_.end() ? no_followers : found->second;
}

double BigramLM::prob(const std::string& w1, const std::string& w2) const {
  long long row_total = 0, count = 0;
  for (const auto& [word, c] : followers(w1)) {
    row_total += c;
    if (word == w2) count = c;
  }
  // Python: sum(counts.values()) + smoothing * len(vocab), then (counts[w2] + smoothing) / total
  const double total = static_cast<double>(row_total) + smoothing_ * static_cast<double>(vocabulary_.size());
  if (total == 0.0) return std::numeric_limits<double>::quiet_NaN();  // Python: ZeroDivisionError
  return (static_cast<double>(count) + smoothing_) / total;
}

std::string BigramLM::generate(NumpyRandom& rng, const std::string& seed, int max_len) const {
  std::vector<std::string> tokens{seed};
  for (int step = 0; step < max_len; ++step) {
    const std::string current = tokens.back();
    const auto& candidates = followers(current);
    if (candidates.empty() || current == "</s>") break;
    std::vector<double> probs;
    for (const auto& candidate : candidates) probs.push_back(prob(current, candidate.first));
    const double sum = numpy_sum(probs);  // probs /= probs.sum()
    for (double& p : probs) p /= sum;
    tokens.push_back(candidates[rng.choice(probs)].first);
  }
  std::string sentence;
  for (const std::string& token : tokens) {
    if (token == "<s>" || token == "</s>") continue;
    sentence += (sentence.empty() ? "" : " ") + token;
  }
  return sentence;
}

}  // namespace lab::text
