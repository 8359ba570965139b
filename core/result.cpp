#include "core/result.hpp"

namespace lab {

void Result::add_table(std::string title, std::vector<std::string> columns, json rows) {
  tables.push_back({{"title", std::move(title)}, {"columns", std::move(columns)}, {"rows", std::move(rows)}});
}

void Result::add_wall_clock_table(std::string title, std::vector<std::string> columns, json rows) {
  add_table(std::move(title), std::move(columns), std::move(rows));
  tables.back()["wall_clock"] = true;
}

void Result::add_chart(std::string key, json chart) {
  chart["key"] = std::move(key);
  charts.push_back(std::move(chart));
}

void Result::print_lines(const std::string& text) {
  std::size_t begin = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', begin)) {
    print(text.substr(begin, end - begin));
    begin = end + 1;
  }
  print(text.substr(begin));
}

}  // namespace lab
