// 03.5 A conversation manager with a token window: a chat forgets its oldest turns to fit a budget.
//   turns     the conversation, each {"role": "user" | "assistant", "content": ...}
//   window    llm::ConversationWindow: tokens estimated as int(words × tokens_per_word), the system prompt counted
//             apart; after each turn the oldest are dropped until the total fits (core/llm/conversation_window.cpp)
//   replay    the turns added one by one, the window's size noted after each
//   report    the notebook's log (each turn, then the final context), tokens and turns kept as a chart
#include <string>
#include <utility>
#include <vector>

#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/float_format.hpp"
#include "core/llm/conversation_window.hpp"
#include "core/param_values.hpp"
#include "core/string_format.hpp"
#include "core/text/utf8.hpp"

namespace lab::exercises {

namespace {

// One turn of the conversation, at `path` of turns: exactly a role (user or assistant) and a content.
llm::Message read_turn(const json& turn, const std::string& path) {
  require_object_with_keys(turn, "turns", path, {"role", "content"}, R"({"role": ..., "content": ...})");
  const std::string& role = read_text(turn["role"], "turns", path + ".role", 20);
  if (role != "user" && role != "assistant") fail_param("turns", path + ".role must be \"user\" or \"assistant\"");
  return {role, read_text(turn["content"], "turns", path + ".content", 5000)};
}

struct WindowSize {  // the window right after a turn was added (and the oldest trimmed)
  long long history_turns = 0;
  long long tokens = 0;  // the estimate, system prompt included
};

std::vector<WindowSize> replay(const std::vector<llm::Message>& turns, llm::ConversationWindow& window) {
  std::vector<WindowSize> sizes;
  for (const llm::Message& turn : turns) {
    window.add_turn(turn.role, turn.content);
    sizes.push_back({static_cast<long long>(window.history().size()), window.token_usage()});
  }
  return sizes;
}

// Python's content[:60] in characters, with "..." when something was cut, as the notebook prints each turn.
std::string shortened(const std::string& content) {
  return text::count_code_points(content) > 60 ? text::first_code_points(content, 60) + "..." : content;
}

Result report(const std::vector<llm::Message>& turns, const std::vector<WindowSize>& sizes,
              const llm::ConversationWindow& window, long long max_tokens, double tokens_per_word) {
  Result result;
  json steps = json::array(), labels = json::array(), tokens = json::array(), kept = json::array();
  result.print("Max tokens: " + std::to_string(max_tokens));
  result.print("");
  for (std::size_t t = 0; t < turns.size(); ++t) {
    steps.push_back({{"history_turns", sizes[t].history_turns}, {"tokens", sizes[t].tokens}});
    labels.push_back("turn " + std::to_string(t + 1));
    tokens.push_back(sizes[t].tokens);
    kept.push_back(sizes[t].history_turns);
    result.print("[" + turns[t].role + "] " + shortened(turns[t].content));
    result.print(format("  -> History turns: %lld, Estimated tokens: %lld", sizes[t].history_turns, sizes[t].tokens));
  }
  json context = json::array();
  result.print("");
  result.print("Final context window (oldest messages trimmed to fit):");
  for (const llm::Message& m : window.context()) {
    context.push_back({{"role", m.role}, {"content", m.content}});
    result.print("  " + m.role + ": " + text::first_code_points(m.content, 60));
  }
  result.data["steps"] = std::move(steps);
  result.data["context"] = std::move(context);
  result.data["system_tokens"] = window.system_tokens();
  result.metrics["final_tokens"] = window.token_usage();
  result.metrics["final_history_turns"] = static_cast<long long>(window.history().size());
  const long long dropped = static_cast<long long>(turns.size() - window.history().size());
  result.metrics["dropped_turns"] = dropped;
  result.insight =
      "A model sees only what fits its context window, so a chat must forget: dropping the oldest turns first keeps "
      "the recent exchange, and the system prompt is always sent. " +
      (window.token_usage() > max_tokens
           ? format("Here %lld of the %zu turns were dropped, and the %lld tokens left still exceed the %lld-token "
                    "budget: the newest turn is always kept.",
                    dropped, turns.size(), window.token_usage(), max_tokens)
       : dropped == 0 ? format("Here all %zu turns fit the %lld-token budget (%lld tokens at the end).", turns.size(),
                               max_tokens, window.token_usage())
                      : format("Here %lld of the %zu turns were dropped to fit the %lld-token budget (%lld tokens at "
                               "the end).",
                               dropped, turns.size(), max_tokens, window.token_usage())) +
      format(" Words × %s only approximates a real tokenizer.", python_float(tokens_per_word).c_str());
  json chart = bar_line_chart("Estimated tokens and turns kept after each turn", "turn", std::move(labels),
                              {"estimated tokens", tokens}, "tokens", {"turns kept", kept}, "turns in history");
  set_note(chart, format("budget: %lld tokens; tokens = int(words × %s) per message list, system prompt counted apart",
                         max_tokens, python_float(tokens_per_word).c_str()));
  result.add_chart("window", std::move(chart));
  return result;
}

Result run_conversation_window(const Params& params, const RunContext&) {
  const std::string& system_prompt = utf8_text(params, "system_prompt");
  const auto turns = read_items<llm::Message>(params.value("turns"), "turns", read_turn);
  const long long max_tokens = params.integer("max_tokens");
  const double tokens_per_word = params.number("tokens_per_word");
  llm::ConversationWindow window(max_tokens, tokens_per_word, system_prompt);
  const std::vector<WindowSize> sizes = replay(turns, window);

  return report(turns, sizes, window, max_tokens, tokens_per_word);
}

}  // namespace

Exercise conversation_window_exercise() {
  const json turns = json::parse(R"json([
    {"role": "user", "content": "What is the capital of France?"},
    {"role": "assistant", "content": "The capital of France is Paris."},
    {"role": "user", "content": "Tell me about the Eiffel Tower in detail."},
    {"role": "assistant", "content": "The Eiffel Tower is a wrought iron lattice tower on the Champ de Mars in Paris, France. It was designed by Gustave Eiffel and constructed from 1887 to 1889 as the centerpiece of the 1889 World Fair."},
    {"role": "user", "content": "How tall is it?"},
    {"role": "assistant", "content": "The Eiffel Tower stands 330 meters tall including its broadcast antenna."},
    {"role": "user", "content": "What year was it built?"}
  ])json");
  return {
      "03.5",
      {size_param("max_tokens", 200, 1, 1000000, "the token budget for the system prompt plus the kept history"),
       number_param("tokens_per_word", 1.3, 0.01, 10.0, "estimated tokens per whitespace-separated word"),
       string_param("system_prompt", "You are a helpful assistant.", 2000, "always sent first; at most 2,000 bytes"),
       array_param("turns", turns, 0, 100,
                   "the conversation: [{\"role\": \"user\" | \"assistant\", \"content\": ...}]; at most 100 turns "
                   "of 5,000 bytes each")},
      run_conversation_window};
}

}  // namespace lab::exercises
