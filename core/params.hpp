// Parameters of an exercise: the metadata table (name, JSON type, default, bounds, choices, help) that
// `lab list` publishes and the page builds its forms from, and the one validator every shell goes through.
// Every parameter is optional: a missing one takes its default (the notebook's value). Unknown names, wrong
// types and out-of-range values are errors, never clamped. Deep checks of arrays and objects (their items'
// shapes) belong to the exercise that reads them; this file checks only their type and length.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"

namespace lab {

enum class ParamType { integer, number, boolean, string, array, object };

const char* to_string(ParamType type);  // JSON Schema's word: "integer", "number", ...

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::number;
  json default_value;
  std::optional<double> min;         // numbers: smallest value; strings, arrays, objects: fewest items/chars
  std::optional<double> max;         // numbers: largest value; strings, arrays, objects: most items/chars
  std::vector<std::string> choices;  // strings only: the allowed values (empty = any)
  std::string help;
  bool max_is_size_cap = false;  // going above max is `too_large` (a memory/time cap), not `bad_param`
};

// Builders for the table, one per type. Size caps say why the maximum exists in their help text.
ParamSpec integer_param(std::string name, long long default_value, long long min, long long max, std::string help);
ParamSpec size_param(std::string name, long long default_value, long long min, long long cap, std::string help);
ParamSpec number_param(std::string name, double default_value, double min, double max, std::string help);
ParamSpec boolean_param(std::string name, bool default_value, std::string help);
ParamSpec choice_param(std::string name, std::string default_value, std::vector<std::string> choices, std::string help);
ParamSpec string_param(std::string name, std::string default_value, std::size_t max_length, std::string help);
ParamSpec array_param(std::string name, json default_value, std::size_t min_items, std::size_t max_items,
                      std::string help);
ParamSpec object_param(std::string name, json default_value, std::size_t max_entries, std::string help);

json describe(const ParamSpec& spec);  // {"name","type","default","min"?,"max"?,"choices"?,"help"}

// Validated parameters: every name of the table present, each of its declared type.
class Params {
 public:
  Params() = default;
  explicit Params(json values) : values_(std::move(values)) {}

  long long integer(const std::string& name) const;
  int count(const std::string& name) const;  // an integer that fits an int (all sizes do, by their caps)
  double number(const std::string& name) const;
  bool boolean(const std::string& name) const;
  const std::string& text(const std::string& name) const;
  const json& value(const std::string& name) const;  // arrays and objects, as given
  const json& all() const { return values_; }

 private:
  json values_ = json::object();
};

// Checks `given` (a JSON object, or null for "all defaults") against `specs` and fills in defaults.
// Throws LabError (bad_param or too_large) naming the parameter and what is allowed.
Params validate_params(const std::vector<ParamSpec>& specs, const json& given, const std::string& exercise_id);

}  // namespace lab
