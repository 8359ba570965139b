// 03.2 A function-calling loop: the model names tools and their arguments, the application runs them.
//   calls     the model's requests, each {"name": ..., "args": {...}}, checked for shape only
//   run       llm::run_tool_calls with two mock tools (get_weather, get_calendar); an unknown tool or a bad
//             argument becomes that call's error and the loop carries on (core/llm/tool_loop.cpp)
//   report    each call and its result as Python would print them, then the answer synthesised from the results
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/llm/json_extraction.hpp"
#include "core/llm/tool_loop.hpp"
#include "core/param_values.hpp"
#include "core/string_format.hpp"
#include "core/text/python_repr.hpp"

namespace lab::exercises {

namespace {

// One of the calls the model asked for, at `path` of tool_calls: an object of a name (text) and optional args,
// nothing else. Whether the tool exists and takes these args is the loop's to find out, call by call.
llm::ToolCall read_tool_call(const json& call, const std::string& path) {
  if (!call.is_object()) fail_param("tool_calls", path + " must be an object like {\"name\": ..., \"args\": {...}}");
  for (const auto& item : call.items()) {
    if (item.key() != "name" && item.key() != "args") {
      fail_param("tool_calls", path + ": unknown key \"" + item.key() + "\"; allowed: name, args");
    }
  }
  if (!call.contains("name")) fail_param("tool_calls", path + ".name is required");
  const std::string& name = read_text(call["name"], "tool_calls", path + ".name", 200);
  if (call.contains("args") && llm::nested_deeper_than(call["args"], llm::max_json_depth)) {
    fail_param("tool_calls", path + format(".args nests deeper than %d levels", llm::max_json_depth));
  }
  return {name, call.contains("args") ? call["args"] : json::object()};
}

// `response` is the synthesised answer's two lines: the weather sentence, then the calendar sentence.
Result report(const std::vector<llm::ToolResult>& results, const std::vector<std::string>& response) {
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
    rows.push_back(
        {r.name, text::python_repr_value(r.args), r.ok() ? text::python_repr_value(r.result) : "error: " + r.error});
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
  const int calls = static_cast<int>(results.size());
  result.insight =
      "The model only names tools and arguments; the application runs them and feeds the results back. A robust "
      "loop validates every call against the tool's signature and returns errors to the model instead of crashing" +
      (calls == 0          ? std::string(": here the model asked for no call.")
       : failures == 0     ? (calls == 1   ? std::string(": here the one call ran.")
                              : calls == 2 ? std::string(": here both calls ran.")
                                           : format(": here all %d calls ran.", calls))
       : failures == calls ? format(": here %d of the %d calls failed, and the loop reported %s.", failures, calls,
                                    failures == 1 ? "the error" : "every error")
                           : format(": here %d of the %d calls failed, and the loop reported %s and ran the rest.",
                                    failures, calls, failures == 1 ? "that error" : "each error"));
  return result;
}

Result run_tool_calling(const Params& params, const RunContext&) {
  const auto calls = read_items<llm::ToolCall>(params.value("tool_calls"), "tool_calls", read_tool_call);
  const std::vector<llm::ToolResult> results = llm::run_tool_calls(calls);
  const std::vector<std::string> response = llm::synthesize_response(results);

  return report(results, response);
}

}  // namespace

Exercise tool_calling_exercise() {
  const json tool_calls = json::parse(R"json([
    {"name": "get_weather", "args": {"city": "NYC", "date": "2025-01-15"}},
    {"name": "get_calendar", "args": {"user": "alice", "date": "2025-01-15"}}
  ])json");
  return {
      "03.2",
      {array_param("tool_calls", tool_calls, 0, 50,
                   "the calls the model asked for: [{\"name\": \"get_weather\" | \"get_calendar\", \"args\": {...}}]; "
                   "get_weather takes city and date, get_calendar takes user and date; at most 50 calls")},
      run_tool_calling};
}

}  // namespace lab::exercises
