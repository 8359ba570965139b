// Notebook 03.2's function-calling loop: the model asks for tool calls, the loop runs each against a registry of
// mock tools and collects the results. Unlike the notebook (which crashes on the first bad call), a call to an
// unknown tool or with missing, unexpected or mistyped arguments gets its own error and the loop goes on.
//   get_weather(city, date)   the notebook's three (city, date) entries, else {temp_c: 20, condition: clear, ...}
//   get_calendar(user, date)  the notebook's alice entries, else {events: []}
// Arguments are strings; the error messages are the TypeError Python would raise where Python would raise one.
// Leaves out real APIs, parallel execution and the model that would choose the calls.
#pragma once

#include <string>
#include <vector>

#include "core/json.hpp"

namespace lab::llm {

struct ToolCall {
  std::string name;
  json args = json::object();
};

struct ToolResult {
  std::string name;
  json args;
  json result;        // null when the call failed
  std::string error;  // "" when the call succeeded
  bool ok() const { return error.empty(); }
};

std::vector<std::string> tool_names();  // the registry, in order: get_weather, get_calendar
ToolResult run_tool_call(const ToolCall& call);
std::vector<ToolResult> run_tool_calls(const std::vector<ToolCall>& calls);

// The notebook's synthesised answer, from the last successful get_weather and get_calendar results:
//   "On <date> in <city> it will be <temp_c>°C and <condition>."
//   "<User> has <n> event(s): <title>, <title>"
// (the notebook hard-codes the date, the city and "Alice"; here they come from the calls' arguments).
std::vector<std::string> synthesize_response(const std::vector<ToolResult>& results);

}  // namespace lab::llm
