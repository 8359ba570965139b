#include "core/result.hpp"

namespace lab {

void Result::add_table(std::string title, std::vector<std::string> columns, json rows) {
  tables.push_back({{"title", std::move(title)}, {"columns", std::move(columns)}, {"rows", std::move(rows)}});
}

void Result::add_wall_clock_table(std::string title, std::vector<std::string> columns, json rows) {
  add_table(std::move(title), std::move(columns), std::move(rows));
  tables.back()["wall_clock"] = true;
}

}  // namespace lab
