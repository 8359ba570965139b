// 03.4 Few-shot chain of thought: the same word problem asked directly and with worked examples.
//   problem   parsed into its quantities and operations, which give the true answer (core/llm/chain_of_thought.cpp)
//   ask       a mock model, twice: the direct prompt gets a shortcut answer (first number + last number), the
//             few-shot prompt a step-by-step trace derived from the parsed problem
//   check     each reply's "Answer: n" against the true answer
//   report    both replies as the notebook printed them (with the corrected check), and the answers side by side
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/exercise.hpp"
#include "core/llm/chain_of_thought.hpp"
#include "core/param_values.hpp"

namespace lab::exercises {

namespace {

struct Attempt {
  bool chain_of_thought = false;  // false: the direct prompt
  std::string prompt, response;
  std::optional<long long> answer;  // parsed from the response's "Answer: n"
  json correct;                     // bool, or null when the problem could not be parsed
};

// The problem's own arithmetic: every operation applied to the start, or none when the problem did not parse.
std::optional<long long> true_answer(const llm::ParsedProblem& parsed) {
  return parsed.problem ? std::optional<long long>(parsed.problem->answer()) : std::nullopt;
}

Attempt ask(const std::string& problem, bool chain_of_thought, const std::optional<long long>& expected) {
  Attempt a;
  a.chain_of_thought = chain_of_thought;
  a.prompt = chain_of_thought ? llm::few_shot_cot_prompt(problem) : llm::direct_prompt(problem);
  a.response = chain_of_thought ? llm::mock_cot_response(problem) : llm::mock_direct_response(problem);
  a.answer = llm::parse_answer(a.response);
  a.correct = expected ? json(a.answer.has_value() && *a.answer == *expected) : json(nullptr);
  return a;
}

// `attempts` are the direct one, then the chain of thought; `shown` is the one data.prompt/response/... describe.
Result report(const llm::ParsedProblem& parsed, const std::optional<long long>& expected,
              const std::vector<Attempt>& attempts, bool shown) {
  Result result;
  json runs = json::array(), rows = json::array(), prompts = json::array();
  for (const Attempt& a : attempts) {
    const bool cot = a.chain_of_thought;
    const json answer = a.answer ? json(*a.answer) : json(nullptr);
    runs.push_back({{"mode", cot ? "chain of thought" : "direct"},
                    {"prompt", a.prompt},
                    {"response", a.response},
                    {"answer", answer},
                    {"correct", a.correct}});
    prompts.push_back({cot ? "few-shot chain of thought" : "direct answer", a.prompt, a.response});
    rows.push_back({cot ? "few-shot chain of thought" : "direct answer", a.answer ? json(*a.answer) : json("none"),
                    expected ? json(*expected) : json("unknown"), a.correct.is_null() ? json("unknown") : a.correct});
    if (cot) result.print("");
    result.print(cot ? "=== With Chain-of-Thought ===" : "=== Without CoT ===");
    result.print_lines(a.response);
    result.print(a.correct.is_null() ? "Correct: unknown (the problem could not be parsed)"
                                     : std::string("Correct: ") + (a.correct.get<bool>() ? "True" : "False"));
    if (cot == shown) {
      result.data["prompt"] = a.prompt;
      result.data["response"] = a.response;
      result.data["answer"] = answer;
      result.data["correct"] = a.correct;
    }
  }
  result.data["expected"] = expected ? json(*expected) : json(nullptr);
  result.data["runs"] = std::move(runs);
  result.data["notebook_printed"] = "Correct: True  (wrong)";  // for the direct answer: the notebook's broken check
  if (!parsed.problem) result.data["difficulty"] = parsed.difficulty;
  result.metrics["direct_correct"] = result.data["runs"][0]["correct"];
  result.metrics["cot_correct"] = result.data["runs"][1]["correct"];
  result.add_table("Answers checked against the problem's own arithmetic",
                   {"prompting", "answer", "expected", "correct"}, std::move(rows));
  result.add_table("What the model was sent, and what it answered", {"prompting", "prompt", "response"},
                   std::move(prompts));
  auto answer_text = [&](const Attempt& a) {
    const std::string value = a.answer ? std::to_string(*a.answer) : std::string("no answer");
    return a.correct.is_null() ? value : value + (a.correct.get<bool>() ? " (right)" : " (wrong)");
  };
  result.insight =
      "Worked examples that show their steps make the model write its own steps, and each step is a small, "
      "checkable calculation. Here the model is a mock: it reasons from the numbers it parses, and answers "
      "without reasoning by a typical shortcut (first number + last number). " +
      (expected ? "The true answer is " + std::to_string(*expected) + "; "
                : std::string("The problem could not be parsed, so the answers cannot be checked; ")) +
      "the direct prompt got " + answer_text(attempts[0]) + ", the few-shot prompt " + answer_text(attempts[1]) + ".";
  result.print("");
  result.print("Key insight: CoT decomposes problem into steps, reducing reasoning errors");
  return result;
}

Result run_chain_of_thought(const Params& params, const RunContext&) {
  const std::string& problem = utf8_text(params, "problem");
  const llm::ParsedProblem parsed = llm::parse_word_problem(problem);
  const std::optional<long long> expected = true_answer(parsed);
  std::vector<Attempt> attempts;
  for (const bool cot : {false, true}) attempts.push_back(ask(problem, cot, expected));

  return report(parsed, expected, attempts, params.boolean("use_cot"));
}

}  // namespace

Exercise chain_of_thought_exercise() {
  return {
      "03.4",
      {string_param("problem",
                    "Sarah has 5 apples. She buys 3 more and then gives 2 to her friend. How many does she have?", 2000,
                    "an arithmetic word problem: \"<someone> has <n> <things>.\" then sentences that add or take "
                    "away (buys, gets, finds, gives, eats, sells, ...); at most 2,000 bytes"),
       boolean_param("use_cot", true,
                     "which answer data.prompt/response/answer/correct describe (the log shows both)")},
      run_chain_of_thought};
}

}  // namespace lab::exercises
