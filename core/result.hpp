// The Result every exercise returns (../spec: contract.md): headline metrics, structured data, tables, charts,
// the lines the notebook would print, and the insight. Exercises fill one of these; registry.cpp adds the id,
// title and the params as used. Chart builders live in charts.hpp; number formatting in float_format.hpp.
#pragma once

#include <string>
#include <vector>

#include "core/json.hpp"

namespace lab {

struct Result {
  json metrics = json::object();  // name -> number | bool | null
  json data = json::object();     // per-exercise keys (exercises.md)
  json tables = json::array();    // [{title, columns, rows}]
  json charts = json::array();    // see charts.hpp
  json log = json::array();       // the lines the notebook would print, as the lab computes them
  std::string insight;            // the key insight, in one or two sentences

  void add_table(std::string title, std::vector<std::string> columns, json rows);
  // A table of wall-clock measurements: it carries "wall_clock": true, which tells every comparison of two Results
  // (same id, same params) to skip it, like the keys ending in _ms. Say in its title what was measured and where.
  void add_wall_clock_table(std::string title, std::vector<std::string> columns, json rows);
  // `key` names the chart within its exercise, the same at any parameters ("loss", "head_3"), so two runs' charts
  // can be matched (overlaid, set side by side) while their titles follow the numbers.
  void add_chart(std::string key, json chart);
  void print(std::string line) { log.push_back(std::move(line)); }
  void print_lines(const std::string& text);  // one log line per line of `text` (a JSON dump, a report)
};

}  // namespace lab
