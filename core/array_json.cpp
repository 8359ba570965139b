#include "core/array_json.hpp"

namespace lab {

json to_json(const std::vector<float>& values) {
  json out = json::array();
  for (float v : values) out.push_back(number(v));
  return out;
}

json to_json(const std::vector<double>& values) {
  json out = json::array();
  for (double v : values) out.push_back(number(v));
  return out;
}

}  // namespace lab
