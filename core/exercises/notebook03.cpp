// Notebook 03, LLM applications and patterns: structured output, tool calls, retrieval, chain of thought and a token window.
// Each exercise is a function `params -> Result` between `// == id` markers; the table at the bottom lists them.
#include <string>
#include <vector>

#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercises/catalog.hpp"
#include "core/float_format.hpp"
#include "core/array_json.hpp"
#include "core/string_format.hpp"
#include "core/llm/chain_of_thought.hpp"
#include "core/llm/conversation_window.hpp"
#include "core/llm/json_extraction.hpp"
#include "core/llm/json_schema.hpp"
#include "core/llm/tool_loop.hpp"
#include "core/text/bm25.hpp"
#include "core/text/python_repr.hpp"
#include "core/text/ranking.hpp"
#include "core/text_params.hpp"
#include "core/text/tokenizers.hpp"
#include "core/text/utf8.hpp"

namespace lab::exercises {

namespace {

constexpr int max_json_depth = 64;  // nesting levels accepted in schemas and extracted values

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', begin)) {
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  lines.push_back(text.substr(begin));
  return lines;
}

// == 03.1
// Find the JSON in the model's text (or take `value` as given), then validate it against the schema by hand.
Result run_structured_output(const Params& params, const RunContext&) {
  const json& schema = params.value("schema");
  if (llm::nested_deeper_than(schema, max_json_depth)) {
    fail_param("schema", format("schema nests deeper than %d levels", max_json_depth));
  }
  const std::vector<llm::SchemaProblem> problems = llm::check_schema(schema);
  if (!problems.empty()) {
    std::string list;
    for (const auto& problem : problems) list += (list.empty() ? "" : "; ") + problem.text();
    fail_param("schema", "the schema cannot be used: " + list);
  }

  json value = nullptr;
  std::string source, reason;
  if (!params.value("value").empty()) {  // validate a value directly, no extraction
    value = params.value("value");
    source = "value";
  } else {
    const std::string& text = params.text("text");
    require_utf8(text, "text", "text");
    const llm::ExtractedJson extracted = llm::extract_json(text);
    if (extracted.found) {
      value = extracted.value;
      source = extracted.source;
    } else {
      reason = extracted.reason;
    }
  }
  const bool found = !value.is_null();
  if (found && llm::nested_deeper_than(value, max_json_depth)) {
    fail_input(source == "value" ? "value" : "text", format("the JSON nests deeper than %d levels", max_json_depth));
  }
  const std::optional<llm::Violation> violation = found ? llm::validate(value, schema) : std::nullopt;
  const bool valid = found && !violation;

  Result result;
  result.data["found"] = found;
  result.data["valid"] = valid;
  result.data["value"] = value;
  result.data["error"] = !found ? json(reason) : violation ? json(violation->text()) : json(nullptr);
  result.data["source"] = found ? json(source) : json(nullptr);
  result.data["violation"] = violation ? json{{"path", violation->path}, {"keyword", violation->keyword},
                                              {"message", violation->message}}
                                       : json(nullptr);
  result.metrics["found"] = found;
  result.metrics["valid"] = valid;
  result.add_table("Extraction and validation", {"step", "outcome"},
                   json::array({json::array({"found JSON", found ? "yes, from the " + source : "no: " + reason}),
                                json::array({"valid against the schema",
                                             !found ? "not checked" : valid ? "yes" : "no: " + violation->text()})}));

  if (!found) {
    result.print("No JSON found in LLM output: " + reason);  // the notebook raises ValueError('No JSON found ...')
  } else if (!valid) {
    result.print("Output does not match schema: " + violation->text());  // the notebook's ValueError, with the path
  } else {
    result.print("Extracted and validated order:");
    for (const std::string& line : lines_of(value.dump(2, ' ', /*ensure_ascii=*/true))) result.print(line);
  }
  result.insight =
      "Models wrap JSON in prose and fences, so extraction must look for the object rather than trust the whole "
      "reply; validating against a schema then turns 'looks like JSON' into a checked contract, and the first "
      "violation's path says exactly what to ask the model to fix.";
  return result;
}

// == 03.2
// Run each requested tool call; a bad call gets its own error and the loop continues.
Result run_tool_calling(const Params& params, const RunContext&) {
  std::vector<llm::ToolCall> calls;
  const json& given = params.value("tool_calls");
  for (std::size_t i = 0; i < given.size(); ++i) {
    const std::string path = "tool_calls[" + std::to_string(i) + "]";
    const json& call = given[i];
    if (!call.is_object()) fail_param("tool_calls", path + " must be an object like {\"name\": ..., \"args\": {...}}");
    for (const auto& item : call.items()) {
      if (item.key() != "name" && item.key() != "args") {
        fail_param("tool_calls", path + ": unknown key \"" + item.key() + "\"; allowed: name, args");
      }
    }
    if (!call.contains("name")) fail_param("tool_calls", path + ".name is required");
    const std::string& name = read_text(call["name"], "tool_calls", path + ".name", 200);
    if (call.contains("args") && llm::nested_deeper_than(call["args"], max_json_depth)) {
      fail_param("tool_calls", path + format(".args nests deeper than %d levels", max_json_depth));
    }
    calls.push_back({name, call.contains("args") ? call["args"] : json::object()});
  }
  const std::vector<llm::ToolResult> results = llm::run_tool_calls(calls);
  const std::vector<std::string> response = llm::synthesize_response(results);

  Result result;
  json rows = json::array(), listed = json::array();
  int failures = 0;
  result.print("=== Function-Calling Loop ===");
  for (const llm::ToolResult& r : results) {
    json entry = {{"name", r.name}, {"args", r.args}};
    const std::string call_text = r.name + "(" + text::python_repr_value(r.args) + ")";
    if (r.ok()) {
      entry["result"] = r.result;
      result.print("Tool: " + call_text + " -> " + text::python_repr_value(r.result));
    } else {
      entry["error"] = r.error;
      ++failures;
      result.print("Tool: " + call_text + " -> error: " + r.error);
    }
    rows.push_back({r.name, text::python_repr_value(r.args), r.ok() ? text::python_repr_value(r.result) : "error: " + r.error});
    listed.push_back(std::move(entry));
  }
  result.data["results"] = std::move(listed);
  result.data["response"] = response[0] + "\n" + response[1];
  result.metrics["calls"] = static_cast<int>(results.size());
  result.metrics["failed_calls"] = failures;
  result.add_table("Tool calls", {"tool", "arguments", "result"}, std::move(rows));
  result.print("");
  result.print("Synthesized response: " + response[0]);
  result.print(response[1]);
  result.insight =
      "The model only names tools and arguments; the application runs them and feeds the results back. A robust "
      "loop validates every call against the tool's signature and returns errors to the model instead of crashing.";
  return result;
}

// == 03.3
// BM25 over lowercase whitespace tokens, the k best documents per query (ties to the lower index).
Result run_bm25(const Params& params, const RunContext&) {
  const std::vector<std::string> corpus = read_text_list(params.value("corpus"), "corpus", 2000);
  const std::vector<std::string> queries = read_text_list(params.value("queries"), "queries", 500);
  const int k = params.count("k");
  if (static_cast<std::size_t>(k) > corpus.size()) {
    fail_param("k", format("k must be at most the number of documents (%zu), got %d", corpus.size(), k));
  }
  std::vector<text::Tokens> documents;
  for (const std::string& doc : corpus) documents.push_back(text::lowercase_whitespace_tokens(doc));
  const text::Bm25Index index(std::move(documents), params.number("k1"), params.number("b"));

  Result result;
  json rankings = json::array(), rows = json::array(), labels = json::array();
  std::vector<Series> series;
  for (std::size_t d = 0; d < corpus.size(); ++d) labels.push_back("doc " + std::to_string(d));
  for (const std::string& query : queries) {
    const text::Tokens terms = text::lowercase_whitespace_tokens(query);
    json known = json::array();
    for (const std::string& term : terms) {
      if (index.knows(term)) known.push_back(term);
    }
    const std::vector<double> scores = index.scores(terms);
    json hits = json::array();
    result.print("");
    result.print("Query: \"" + query + "\"");
    int rank = 1;
    for (std::size_t doc : text::top_k(scores, k)) {
      hits.push_back({{"doc", doc}, {"score", scores[doc]}});
      rows.push_back({query, rank, doc, format("%.3f", scores[doc]), corpus[doc]});
      result.print(format("  [%d] (score=%.3f) ", rank++, scores[doc]) + corpus[doc]);
    }
    if (known.empty()) result.print("  (no query term occurs in the corpus: every score is 0, so the order is the corpus order)");
    rankings.push_back({{"query", query}, {"hits", std::move(hits)}, {"known_terms", std::move(known)}});
    series.push_back({query, to_json(scores)});
  }
  result.data["rankings"] = std::move(rankings);
  result.data["average_length"] = index.average_length();
  result.add_table("Top documents per query", {"query", "rank", "doc", "score", "text"}, std::move(rows));
  json chart = bar_chart("BM25 score of every document, per query", "document", "BM25 score", std::move(labels),
                         std::move(series));
  set_note(chart, "score = Σ idf(t)·tf·(k1+1) / (tf + k1·(1 − b + b·|d|/avgdl)) over the query's terms");
  result.add_chart(std::move(chart));
  result.print("");
  result.print("Key insight: BM25 saturates TF (diminishing returns for repeated terms) unlike TF-IDF");
  result.insight =
      "BM25 rewards a query term less with each repetition (tf saturates at k1 + 1) and normalises by document "
      "length (b), so a long document does not win just by being long; idf favours rare terms.";
  return result;
}

// == 03.4
// The mock model answers with and without a worked chain of thought; each answer is parsed and checked.
Result run_chain_of_thought(const Params& params, const RunContext&) {
  const std::string& problem = params.text("problem");
  require_utf8(problem, "problem", "problem");
  const llm::ParsedProblem parsed = llm::parse_word_problem(problem);
  const bool solvable = parsed.problem.has_value();
  const long long expected = solvable ? parsed.problem->answer() : 0;

  Result result;
  json runs = json::array(), rows = json::array();
  for (const bool cot : {false, true}) {
    const std::string prompt = cot ? llm::few_shot_cot_prompt(problem) : llm::direct_prompt(problem);
    const std::string response = cot ? llm::mock_cot_response(problem) : llm::mock_direct_response(problem);
    const std::optional<long long> answer = llm::parse_answer(response);
    const json correct = solvable ? json(answer.has_value() && *answer == expected) : json(nullptr);
    runs.push_back({{"mode", cot ? "chain of thought" : "direct"}, {"prompt", prompt}, {"response", response},
                    {"answer", answer ? json(*answer) : json(nullptr)}, {"correct", correct}});
    rows.push_back({cot ? "few-shot chain of thought" : "direct answer", answer ? json(*answer) : json("none"),
                    solvable ? json(expected) : json("unknown"), correct.is_null() ? json("unknown") : correct});
    if (cot) result.print("");
    result.print(cot ? "=== With Chain-of-Thought ===" : "=== Without CoT ===");
    for (const std::string& line : lines_of(response)) result.print(line);
    result.print(correct.is_null() ? "Correct: unknown (the problem could not be parsed)"
                                   : std::string("Correct: ") + (correct.get<bool>() ? "True" : "False"));
    if (cot == params.boolean("use_cot")) {
      result.data["prompt"] = prompt;
      result.data["response"] = response;
      result.data["answer"] = answer ? json(*answer) : json(nullptr);
      result.data["correct"] = correct;
    }
  }
  result.data["expected"] = solvable ? json(expected) : json(nullptr);
  result.data["runs"] = std::move(runs);
  result.data["notebook_printed"] = "Correct: True  (wrong)";  // for the direct answer: the notebook's broken check
  if (!parsed.problem) result.data["difficulty"] = parsed.difficulty;
  result.metrics["direct_correct"] = result.data["runs"][0]["correct"];
  result.metrics["cot_correct"] = result.data["runs"][1]["correct"];
  result.add_table("Answers checked against the problem's own arithmetic", {"prompting", "answer", "expected", "correct"},
                   std::move(rows));
  result.print("");
  result.print("Key insight: CoT decomposes problem into steps, reducing reasoning errors");
  result.insight =
      "Worked examples that show their steps make the model write its own steps, and each step is a small, "
      "checkable calculation. Here the model is a mock: it reasons from the numbers it parses, and answers "
      "without reasoning by a typical shortcut (first number + last number).";
  return result;
}

// == 03.5
// Add turns one by one; after each, drop the oldest until the estimate fits (the newest always stays).
Result run_conversation_window(const Params& params, const RunContext&) {
  const std::string& system_prompt = params.text("system_prompt");
  require_utf8(system_prompt, "system_prompt", "system_prompt");
  std::vector<llm::Message> turns;
  const json& given = params.value("turns");
  for (std::size_t i = 0; i < given.size(); ++i) {
    const std::string path = "turns[" + std::to_string(i) + "]";
    const json& turn = given[i];
    if (!turn.is_object() || !turn.contains("role") || !turn.contains("content") || turn.size() != 2) {
      fail_param("turns", path + " must be an object {\"role\": ..., \"content\": ...} and nothing else");
    }
    const std::string& role = read_text(turn["role"], "turns", path + ".role", 20);
    if (role != "user" && role != "assistant") fail_param("turns", path + ".role must be \"user\" or \"assistant\"");
    turns.push_back({role, read_text(turn["content"], "turns", path + ".content", 5000)});
  }
  llm::ConversationWindow window(params.integer("max_tokens"), params.number("tokens_per_word"), system_prompt);

  Result result;
  json steps = json::array(), labels = json::array(), tokens = json::array(), kept = json::array();
  auto shortened = [](const std::string& content) {  // Python's content[:60], in characters
    return text::count_code_points(content) > 60 ? text::first_code_points(content, 60) + "..." : content;
  };
  result.print("Max tokens: " + std::to_string(params.integer("max_tokens")));
  result.print("");
  for (std::size_t t = 0; t < turns.size(); ++t) {
    window.add_turn(turns[t].role, turns[t].content);
    const auto history_turns = static_cast<long long>(window.history().size());
    steps.push_back({{"history_turns", history_turns}, {"tokens", window.token_usage()}});
    labels.push_back("turn " + std::to_string(t + 1));
    tokens.push_back(window.token_usage());
    kept.push_back(history_turns);
    result.print("[" + turns[t].role + "] " + shortened(turns[t].content));
    result.print(format("  -> History turns: %lld, Estimated tokens: %lld", history_turns, window.token_usage()));
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
  result.metrics["dropped_turns"] = static_cast<long long>(turns.size() - window.history().size());
  json chart = bar_line_chart("Estimated tokens and turns kept after each turn", "turn", std::move(labels),
                              {"estimated tokens", tokens}, "tokens", {"turns kept", kept}, "turns in history");
  set_note(chart, format("budget: %lld tokens; tokens = int(words × %s) per message list, system prompt counted apart",
                         params.integer("max_tokens"), python_float(params.number("tokens_per_word")).c_str()));
  result.add_chart(std::move(chart));
  result.insight =
      "A model sees only what fits its context window, so a chat must forget: dropping the oldest turns first keeps "
      "the recent exchange, and the system prompt is always sent. Word counts times 1.3 only approximate real "
      "tokenizers.";
  return result;
}

}  // namespace

std::vector<Exercise> notebook03() {
  std::vector<Exercise> list;

  const json order_schema = json::parse(R"({
    "type": "object",
    "required": ["order_id", "customer", "items"],
    "properties": {
      "order_id": {"type": "string"},
      "customer": {"type": "object", "required": ["name", "email"],
                   "properties": {"name": {"type": "string"}, "email": {"type": "string"}}},
      "items": {"type": "array",
                "items": {"type": "object",
                          "properties": {"sku": {"type": "string"}, "qty": {"type": "integer"}, "price": {"type": "number"}}}}
    }
  })");
  list.push_back(Exercise{"03.1",
      {string_param("text",
                    "\nHere is the extracted order:\n{\"order_id\": \"ORD-001\", \"customer\": {\"name\": \"Alice\", "
                    "\"email\": \"alice@example.com\"},\n \"items\": [{\"sku\": \"SKU-A\", \"qty\": 2, \"price\": 19.99}, "
                    "{\"sku\": \"SKU-B\", \"qty\": 1, \"price\": 49.00}]}\n",
                    20000, "the model's reply to search for JSON; capped at 20,000 bytes to bound the search"),
       object_param("schema", order_schema, 100,
                    "the JSON Schema (draft 2020-12 subset; unsupported keywords are reported by name); at most 100 "
                    "top-level keywords, nesting up to 64 levels"),
       object_param("value", json::object(), 1000,
                    "a JSON object to validate directly instead of extracting one from text; {} (the default) "
                    "means: extract from text. At most 1,000 keys at the top level")},
      run_structured_output});

  const json tool_calls = json::parse(R"json([
    {"name": "get_weather", "args": {"city": "NYC", "date": "2025-01-15"}},
    {"name": "get_calendar", "args": {"user": "alice", "date": "2025-01-15"}}
  ])json");
  list.push_back(Exercise{"03.2",
      {array_param("tool_calls", tool_calls, 0, 50,
                   "the calls the model asked for: [{\"name\": \"get_weather\" | \"get_calendar\", \"args\": {...}}]; "
                   "get_weather takes city and date, get_calendar takes user and date; at most 50 calls")},
      run_tool_calling});

  const json corpus = {"machine learning models require large amounts of training data",
                       "deep learning neural networks learn representations automatically",
                       "natural language processing enables machines to understand text",
                       "transformers use attention mechanisms to process sequences",
                       "large language models are trained on internet-scale text data",
                       "retrieval augmented generation combines search with language models",
                       "fine tuning adapts pretrained models to specific tasks",
                       "embeddings represent words as dense vectors in high dimensional space"};
  list.push_back(Exercise{"03.3",
      {array_param("corpus", corpus, 1, 200, "the documents (lowercased, split on whitespace); at most 200, each at most 2,000 bytes"),
       array_param("queries", json{"language model training data", "attention transformer", "text embeddings"}, 1, 20,
                   "the queries; at most 20, each at most 500 bytes"),
       size_param("k", 2, 1, 200, "documents returned per query; at most the number of documents"),
       number_param("k1", 1.5, 0.0, 10.0, "term-frequency saturation: 0 ignores tf, large values approach raw tf"),
       number_param("b", 0.75, 0.0, 1.0, "length normalisation: 0 none, 1 full")},
      run_bm25});

  list.push_back(Exercise{"03.4",
      {string_param("problem",
                    "Sarah has 5 apples. She buys 3 more and then gives 2 to her friend. How many does she have?", 2000,
                    "an arithmetic word problem: \"<someone> has <n> <things>.\" then sentences that add or take away "
                    "(buys, gets, finds, gives, eats, sells, ...); at most 2,000 bytes"),
       boolean_param("use_cot", true, "which answer data.prompt/response/answer/correct describe (the log shows both)")},
      run_chain_of_thought});

  const json turns = json::parse(R"json([
    {"role": "user", "content": "What is the capital of France?"},
    {"role": "assistant", "content": "The capital of France is Paris."},
    {"role": "user", "content": "Tell me about the Eiffel Tower in detail."},
    {"role": "assistant", "content": "The Eiffel Tower is a wrought iron lattice tower on the Champ de Mars in Paris, France. It was designed by Gustave Eiffel and constructed from 1887 to 1889 as the centerpiece of the 1889 World Fair."},
    {"role": "user", "content": "How tall is it?"},
    {"role": "assistant", "content": "The Eiffel Tower stands 330 meters tall including its broadcast antenna."},
    {"role": "user", "content": "What year was it built?"}
  ])json");
  list.push_back(Exercise{"03.5",
      {size_param("max_tokens", 200, 1, 1000000, "the token budget for the system prompt plus the kept history"),
       number_param("tokens_per_word", 1.3, 0.01, 10.0, "estimated tokens per whitespace-separated word"),
       string_param("system_prompt", "You are a helpful assistant.", 2000, "always sent first; at most 2,000 bytes"),
       array_param("turns", turns, 0, 100,
                   "the conversation: [{\"role\": \"user\" | \"assistant\", \"content\": ...}]; at most 100 turns of "
                   "5,000 bytes each")},
      run_conversation_window});

  return list;
}

}  // namespace lab::exercises
