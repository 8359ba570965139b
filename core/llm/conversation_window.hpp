// Notebook 03.5's conversation manager: a chat history kept inside a token budget.
//   tokens(messages) = int(Σ words(m) × tokens_per_word)     words = str.split() (Unicode whitespace)
//   usage            = int(words(system) × tokens_per_word) + tokens(history)
// After each turn the oldest turns are dropped until usage <= max_tokens, always keeping the newest turn.
// The float sum runs in message order and int() truncates, exactly as the notebook's Python.
// Leaves out real tokenizers (BPE), summarising dropped turns and per-role budgets.
#pragma once

#include <string>
#include <vector>

namespace lab::llm {

struct Message {
  std::string role;
  std::string content;
};

class ConversationWindow {
 public:
  ConversationWindow(long long max_tokens, double tokens_per_word, std::string system_prompt);

  void add_turn(std::string role, std::string content);  // then trims the oldest turns to fit
  long long token_usage() const;
  long long system_tokens() const;
  const std::vector<Message>& history() const { return history_; }
  std::vector<Message> context() const;  // the system message, then the history

 private:
  long long history_tokens() const;

  long long max_tokens_;
  double tokens_per_word_;
  std::string system_prompt_;
  std::vector<Message> history_;
};

}  // namespace lab::llm
