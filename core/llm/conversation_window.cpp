#include "core/llm/conversation_window.hpp"

#include "core/text/tokenizers.hpp"

namespace lab::llm {

ConversationWindow::ConversationWindow(long long max_tokens, double tokens_per_word, std::string system_prompt)
    : max_tokens_(max_tokens), tokens_per_word_(tokens_per_word), system_prompt_(std::move(system_prompt)) {}

long long ConversationWindow::system_tokens() const {
  return static_cast<long long>(static_cast<double>(text::whitespace_tokens(system_prompt_).size()) * tokens_per_word_);
}

long long ConversationWindow::history_tokens() const {
  double sum = 0.0;  // Python's sum() of floats, left to right
  for (const Message& m : history_)
    sum += static_cast<double>(text::whitespace_tokens(m.content).size()) * tokens_per_word_;
  return static_cast<long long>(sum);
}

long long ConversationWindow::token_usage() const { return system_tokens() + history_tokens(); }

void ConversationWindow::add_turn(std::string role, std::string content) {
  history_.push_back({std::move(role), std::move(content)});
  while (history_.size() > 1 && token_usage() > max_tokens_) history_.erase(history_.begin());
}

std::vector<Message> ConversationWindow::context() const {
  std::vector<Message> out{{"system", system_prompt_}};
  out.insert(out.end(), history_.begin(), history_.end());
  return out;
}

}  // namespace lab::llm
