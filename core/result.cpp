#include "core/result.hpp"

namespace lab {

void Result::add_table(std::string title, std::vector<std::string> columns, json rows) {
  tables.push_back({{"title", std::move(title)}, {"columns", std::move(columns)}, {"rows", std::move(rows)}});
}

}  // namespace lab
