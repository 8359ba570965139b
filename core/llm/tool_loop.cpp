#include "core/llm/tool_loop.hpp"
#include "core/param_values.hpp"

#include <functional>

#include "core/text/python_repr.hpp"

namespace lab::llm {

namespace {

json get_weather(const std::string& city, const std::string& date) {
  if (city == "NYC" && date == "2025-01-15") return {{"temp_c", -2}, {"condition", "snowy"}, {"wind_kph", 25}};
  if (city == "NYC" && date == "2025-01-16") return {{"temp_c", 5}, {"condition", "cloudy"}, {"wind_kph", 15}};
  if (city == "SF" && date == "2025-01-15") return {{"temp_c", 14}, {"condition", "sunny"}, {"wind_kph", 10}};
  return {{"temp_c", 20}, {"condition", "clear"}, {"wind_kph", 5}};
}

json get_calendar(const std::string& user, const std::string& date) {
  json events = json::array();
  if (user == "alice" && date == "2025-01-15") {
    events.push_back({{"time", "09:00"}, {"title", "Team standup"}});
    events.push_back({{"time", "14:00"}, {"title", "Client demo"}});
  } else if (user == "alice" && date == "2025-01-16") {
    events.push_back({{"time", "11:00"}, {"title", "1-on-1 with manager"}});
  }
  return {{"events", events}};
}

struct Tool {
  std::string name;
  std::vector<std::string> parameters;
  std::function<json(const std::string&, const std::string&)> run;  // both tools take two strings
};

const std::vector<Tool>& registry() {
  static const std::vector<Tool> tools{{"get_weather", {"city", "date"}, get_weather},
                                       {"get_calendar", {"user", "date"}, get_calendar}};
  return tools;
}

std::string quoted_list(const std::vector<std::string>& names) {  // 'a' and 'b' / 'a', 'b' and 'c'
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

// The TypeError Python raises for fn(**args), or a type error the lab adds; "" when the arguments fit.
std::string argument_error(const Tool& tool, const json& args) {
  if (!args.is_object()) return "arguments must be an object of name: value (got " + shown_value(args) + ")";
  for (const auto& item : args.items()) {
    bool known = false;
    for (const auto& p : tool.parameters) known = known || p == item.key();
    if (!known) return tool.name + "() got an unexpected keyword argument '" + item.key() + "'";
  }
  std::vector<std::string> missing;
  for (const auto& p : tool.parameters) {
    if (!args.contains(p)) missing.push_back(p);
  }
  if (!missing.empty()) {
    return tool.name + "() missing " + std::to_string(missing.size()) + " required positional argument" +
           (missing.size() == 1 ? "" : "s") + ": " + quoted_list(missing);
  }
  for (const auto& p : tool.parameters) {
    if (!args[p].is_string()) return "argument '" + p + "' must be a string (got " + shown_value(args[p]) + ")";
  }
  return "";
}

std::string capitalized(std::string name) {  // str.capitalize() for ASCII names: "alice" -> "Alice"
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (i == 0 && c >= 'a' && c <= 'z') name[i] = static_cast<char>(c - 32);
    if (i > 0 && c >= 'A' && c <= 'Z') name[i] = static_cast<char>(c + 32);
  }
  return name;
}

}  // namespace

std::vector<std::string> tool_names() {
  std::vector<std::string> names;
  for (const Tool& tool : registry()) names.push_back(tool.name);
  return names;
}

ToolResult run_tool_call(const ToolCall& call) {
  ToolResult out{call.name, call.args, nullptr, ""};
  const Tool* tool = nullptr;
  for (const Tool& t : registry()) {
    if (t.name == call.name) tool = &t;
  }
  if (!tool) {
    out.error = "unknown tool '" + call.name + "' (available: get_weather, get_calendar)";
    return out;
  }
  out.error = argument_error(*tool, call.args);
  if (out.ok()) {
    out.result =
        tool->run(call.args[tool->parameters[0]].get<std::string>(), call.args[tool->parameters[1]].get<std::string>());
  }
  return out;
}

std::vector<ToolResult> run_tool_calls(const std::vector<ToolCall>& calls) {
  std::vector<ToolResult> results;
  for (const ToolCall& call : calls) results.push_back(run_tool_call(call));
  return results;
}

std::vector<std::string> synthesize_response(const std::vector<ToolResult>& results) {
  const ToolResult* weather = nullptr;
  const ToolResult* calendar = nullptr;
  for (const ToolResult& r : results) {  // the notebook keeps results[name]: the last call of each name wins
    if (!r.ok()) continue;
    if (r.name == "get_weather") weather = &r;
    if (r.name == "get_calendar") calendar = &r;
  }
  std::vector<std::string> lines;
  if (weather) {
    lines.push_back("On " + weather->args["date"].get<std::string>() + " in " +
                    weather->args["city"].get<std::string>() + " it will be " +
                    text::python_repr_value(weather->result["temp_c"]) + "°C and " +
                    weather->result["condition"].get<std::string>() + ".");
  } else {
    lines.push_back("No weather to report: no get_weather call succeeded.");
  }
  if (calendar) {
    const json& events = calendar->result["events"];
    std::string titles;
    for (std::size_t i = 0; i < events.size(); ++i)
      titles += (i > 0 ? ", " : "") + events[i]["title"].get<std::string>();
    lines.push_back(capitalized(calendar->args["user"].get<std::string>()) + " has " + std::to_string(events.size()) +
                    " event(s): " + titles);
  } else {
    lines.push_back("No calendar to report: no get_calendar call succeeded.");
  }
  return lines;
}

}  // namespace lab::llm
