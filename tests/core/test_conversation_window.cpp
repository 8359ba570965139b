// core/llm/conversation_window: the notebook's token formula and trimming, against its Python class.
#include <catch2/catch.hpp>

#include "core/llm/conversation_window.hpp"
#include "reference_files.hpp"

using namespace lab::llm;

TEST_CASE("history sizes and token counts equal the notebook's ConversationManager after every turn",
          "[conversation]") {
  const lab::json reference = lab_test::load_reference_json("notebook_reference.json");
  for (const auto& c : reference["conversation"]) {
    INFO("case: " << c["name"].get<std::string>());
    ConversationWindow window(c["max_tokens"], c["tokens_per_word"], c["system_prompt"]);
    for (std::size_t t = 0; t < c["turns"].size(); ++t) {
      window.add_turn(c["turns"][t][0], c["turns"][t][1]);
      CHECK(window.history().size() == c["steps"][t][0].get<std::size_t>());
      CHECK(window.token_usage() == c["steps"][t][1].get<long long>());
    }
    const auto context = window.context();
    REQUIRE(context.size() == c["context"].size());
    for (std::size_t i = 0; i < context.size(); ++i) {
      CHECK(context[i].role == c["context"][i]["role"].get<std::string>());
      CHECK(context[i].content == c["context"][i]["content"].get<std::string>());
    }
  }
}

TEST_CASE("the newest turn is kept even when it alone exceeds the budget", "[conversation]") {
  ConversationWindow window(1, 1.3, "System prompt here");
  window.add_turn("user", "one two three four");
  window.add_turn("assistant", "five six seven");
  REQUIRE(window.history().size() == 1);
  CHECK(window.history()[0].content == "five six seven");
  CHECK(window.token_usage() == 3 + 3);  // int(3 × 1.3) + int(3 × 1.3)
}

TEST_CASE("words are counted by Python's str.split(): Unicode spaces separate, zero-width ones do not",
          "[conversation]") {
  ConversationWindow window(1000, 1.0, "");
  window.add_turn("user", "a\u00a0b\u3000c\u200bd");
  CHECK(window.token_usage() == 3);
}
