// core/llm/chain_of_thought: the mock model reasons from the problem's own numbers and is checked honestly.
#include <catch2/catch.hpp>

#include "core/llm/chain_of_thought.hpp"

using namespace lab::llm;

namespace {
const std::string sarah = "Sarah has 5 apples. She buys 3 more and then gives 2 to her friend. How many does she have?";
}

TEST_CASE("the mock chain of thought reproduces the notebook's three steps from the problem's numbers", "[cot]") {
  CHECK(mock_cot_response(sarah) ==
        "Step 1: Sarah has 5 apples.\n"
        "Step 2: She buys 3 more. Now she has 5 + 3 = 8 apples.\n"
        "Step 3: She gives 2 to her friend. 8 - 2 = 6 apples.\n"
        "Answer: 6");
}

TEST_CASE("an edited problem gets its own steps and answer", "[cot]") {
  const std::string tom = "Tom has twelve marbles. He loses 4, then finds 7. He gives 3 to Ann. How many now?";
  CHECK(mock_cot_response(tom) ==
        "Step 1: Tom has twelve marbles.\n"
        "Step 2: He loses 4. Now he has 12 - 4 = 8 marbles.\n"
        "Step 3: He finds 7. 8 + 7 = 15 marbles.\n"
        "Step 4: He gives 3 to Ann. 15 - 3 = 12 marbles.\n"
        "Answer: 12");
  const auto parsed = parse_word_problem(tom);
  REQUIRE(parsed.problem);
  CHECK(parsed.problem->answer() == 12);
  CHECK(parse_word_problem("The twins have 3 kites. They buy 2 more. How many?").problem->operations[0].pronoun ==
        "they");
}

TEST_CASE("without reasoning the mock adds the first and last numbers: 7, which is wrong", "[cot]") {
  CHECK(mock_direct_response(sarah) == "Answer: 7");
  CHECK(parse_answer("Answer: 7") == 7);
  CHECK(parse_answer(mock_cot_response(sarah)) == 6);
  CHECK(parse_word_problem(sarah).problem->answer() == 6);
}

TEST_CASE("a problem the mock cannot follow says why and answers nothing checkable", "[cot][errors]") {
  const std::string odd = "Sarah has 5 apples. She juggles 3 of them. How many?";
  CHECK(parse_word_problem(odd).difficulty == "does \"juggles\" add or take away? (\"She juggles 3 of them\")");
  CHECK(mock_cot_response(odd) ==
        "Step 1: I cannot follow this problem: does \"juggles\" add or take away? (\"She juggles 3 of "
        "them\").\nAnswer: unknown");
  CHECK_FALSE(parse_answer("Answer: unknown").has_value());
  CHECK(parse_word_problem("How many?").difficulty == "the problem has no statement before its question");
  CHECK(parse_word_problem("Apples are red.").difficulty.rfind("the first sentence does not say", 0) == 0);
}

TEST_CASE("the prompts follow the notebook: direct Q/A and two worked examples before the problem", "[cot]") {
  CHECK(direct_prompt("x?") == "Q: x?\nA:");
  const std::string prompt = few_shot_cot_prompt(sarah);
  CHECK(prompt.rfind("Q: Tom has 4 oranges.", 0) == 0);
  CHECK(prompt.substr(prompt.size() - sarah.size() - 6) == "Q: " + sarah + "\nA:");
}
