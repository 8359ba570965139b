// Notebook 03.4's few-shot chain of thought, with a mock model that works from the problem's own words instead of
// the notebook's hard-coded replies:
//   parse_word_problem   "Sarah has 5 apples. She buys 3 more and then gives 2 to her friend. How many ...?"
//                        -> start 5 apples (subject Sarah), then +3 ("buys"), then −2 ("gives"); quantities in
//                        digits or words (zero..twenty, thirty..ninety); operations from a small verb list
//                        (buys, gets, finds, receives, earns, ... add; gives, eats, loses, sells, spends, ... subtract)
//   mock_cot_response    one step per sentence or clause, with its arithmetic, then "Answer: N"
//   mock_direct_response the shortcut a model makes without reasoning: first number + last number ("Answer: 7")
//   parse_answer         the integer after the last "Answer:"
// The true answer is the parsed operations applied in order; the check compares parsed answers with it.
// Leaves out multiplication/division, fractions, several quantities at once and real language models.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace lab::llm {

struct Operation {
  char sign;  // '+' or '-'
  long long amount;
  std::string sentence;  // the clause as a step states it: "She buys 3 more."
  std::string pronoun;   // who acts, for "Now she has ...": "she", "Tom", "they"
};

struct WordProblem {
  std::string first_sentence;  // "Sarah has 5 apples."
  long long start = 0;
  std::string unit;  // "apples" (may be empty)
  std::vector<Operation> operations;
  long long answer() const;  // start with every operation applied
};

struct ParsedProblem {
  std::optional<WordProblem> problem;
  std::string difficulty;  // when problem is empty: what could not be understood
};

ParsedProblem parse_word_problem(const std::string& text);

std::string direct_prompt(const std::string& problem);        // "Q: <problem>\nA:"
std::string few_shot_cot_prompt(const std::string& problem);  // the notebook's two worked examples, then the problem
std::string mock_cot_response(const std::string& problem);
std::string mock_direct_response(const std::string& problem);
std::optional<long long> parse_answer(const std::string& response);

}  // namespace lab::llm
