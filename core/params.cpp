#include "core/params.hpp"

#include <cmath>
#include <limits>
#include <sstream>

#include "core/error.hpp"
#include "core/string_format.hpp"

namespace lab {

const char* to_string(ParamType type) {
  switch (type) {
    case ParamType::integer: return "integer";
    case ParamType::number: return "number";
    case ParamType::boolean: return "boolean";
    case ParamType::string: return "string";
    case ParamType::array: return "array";
    case ParamType::object: return "object";
  }
  return "number";
}

ParamSpec integer_param(std::string name, long long default_value, long long min, long long max, std::string help) {
  ParamSpec spec{std::move(name), ParamType::integer, default_value, double(min), double(max), {}, std::move(help)};
  return spec;
}

ParamSpec size_param(std::string name, long long default_value, long long min, long long cap, std::string help) {
  ParamSpec spec = integer_param(std::move(name), default_value, min, cap, std::move(help));
  spec.max_is_size_cap = true;
  return spec;
}

ParamSpec number_param(std::string name, double default_value, double min, double max, std::string help) {
  return ParamSpec{std::move(name), ParamType::number, default_value, min, max, {}, std::move(help)};
}

ParamSpec boolean_param(std::string name, bool default_value, std::string help) {
  return ParamSpec{std::move(name), ParamType::boolean, default_value, std::nullopt, std::nullopt, {}, std::move(help)};
}

ParamSpec choice_param(std::string name, std::string default_value, std::vector<std::string> choices,
                       std::string help) {
  return ParamSpec{std::move(name), ParamType::string,  std::move(default_value), std::nullopt,
                   std::nullopt,    std::move(choices), std::move(help)};
}

ParamSpec string_param(std::string name, std::string default_value, std::size_t max_length, std::string help) {
  ParamSpec spec{std::move(name), ParamType::string, std::move(default_value), 0.0, double(max_length), {},
                 std::move(help)};
  spec.max_is_size_cap = true;
  return spec;
}

ParamSpec array_param(std::string name, json default_value, std::size_t min_items, std::size_t max_items,
                      std::string help) {
  ParamSpec spec{std::move(name), ParamType::array, std::move(default_value), double(min_items), double(max_items), {},
                 std::move(help)};
  spec.max_is_size_cap = true;
  return spec;
}

ParamSpec object_param(std::string name, json default_value, std::size_t max_entries, std::string help) {
  ParamSpec spec{std::move(name), ParamType::object, std::move(default_value), 0.0, double(max_entries), {},
                 std::move(help)};
  spec.max_is_size_cap = true;
  return spec;
}

json describe(const ParamSpec& spec) {
  json out = {{"name", spec.name}, {"type", to_string(spec.type)}, {"default", spec.default_value}};
  const bool integral_bounds = spec.type != ParamType::number;
  auto bound = [&](double v) -> json {
    if (integral_bounds) return static_cast<long long>(v);
    return v;
  };
  if (spec.min) out["min"] = bound(*spec.min);
  if (spec.max) out["max"] = bound(*spec.max);
  if (!spec.choices.empty()) out["choices"] = spec.choices;
  out["help"] = spec.help;
  return out;
}

namespace {

std::string show(const json& value) { return shorten(value.dump(-1, ' ', false, json::error_handler_t::replace), 60); }

std::string show_number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  std::ostringstream out;
  out << v;
  return out.str();
}

const char* article(ParamType type) {
  return type == ParamType::integer || type == ParamType::array || type == ParamType::object ? "an" : "a";
}

// Throws unless `value` has the spec's JSON type. Integers are numbers without a fractional part.
void check_type(const ParamSpec& spec, const json& value) {
  bool ok = false;
  switch (spec.type) {
    case ParamType::integer:
      ok = value.is_number_integer() ||
           (value.is_number_float() && std::isfinite(value.get<double>()) &&
            std::floor(value.get<double>()) == value.get<double>() && std::fabs(value.get<double>()) < 9.0e15);
      break;
    case ParamType::number: ok = value.is_number() && std::isfinite(value.get<double>()); break;
    case ParamType::boolean: ok = value.is_boolean(); break;
    case ParamType::string: ok = value.is_string(); break;
    case ParamType::array: ok = value.is_array(); break;
    case ParamType::object: ok = value.is_object(); break;
  }
  if (!ok) {
    fail_param(spec.name, spec.name + " must be " + article(spec.type) + " " + to_string(spec.type) + " (got " +
                              show(value) + ")");
  }
}

void check_range(const ParamSpec& spec, const json& value) {
  double measured = 0.0;
  std::string what;
  switch (spec.type) {
    case ParamType::integer:
    case ParamType::number: measured = value.get<double>(); break;
    case ParamType::string:
      measured = double(value.get_ref<const std::string&>().size());
      what = " characters";
      break;
    case ParamType::array:
      measured = double(value.size());
      what = " items";
      break;
    case ParamType::object:
      measured = double(value.size());
      what = " entries";
      break;
    case ParamType::boolean: return;
  }
  const bool is_value = spec.type == ParamType::integer || spec.type == ParamType::number;
  const std::string got = is_value ? show(value) : show_number(measured);
  if (spec.max && measured > *spec.max) {
    if (spec.max_is_size_cap) {
      throw LabError(ErrorCode::too_large,
                     spec.name + (is_value ? " must be at most " : " must have at most ") + show_number(*spec.max) +
                         what + ", the lab's cap on memory and time (got " + got + what + ")",
                     spec.name);
    }
  }
  const bool below = spec.min && measured < *spec.min;
  const bool above = spec.max && measured > *spec.max;
  if (below || above) {
    std::string allowed;
    if (spec.min && spec.max) {
      allowed = "between " + show_number(*spec.min) + " and " + show_number(*spec.max) + what;
    } else if (spec.min) {
      allowed = "at least " + show_number(*spec.min) + what;
    } else {
      allowed = "at most " + show_number(*spec.max) + what;
    }
    fail_param(spec.name, spec.name + (is_value ? " must be " : " must have ") + allowed + " (got " + got + ")");
  }
  if (spec.type == ParamType::string && !spec.choices.empty()) {
    const auto& text = value.get_ref<const std::string&>();
    for (const auto& choice : spec.choices) {
      if (choice == text) return;
    }
    std::string list;
    for (const auto& choice : spec.choices) list += (list.empty() ? "\"" : ", \"") + choice + "\"";
    fail_param(spec.name, spec.name + " must be one of " + list + " (got " + show(value) + ")");
  }
}

}  // namespace

Params validate_params(const std::vector<ParamSpec>& specs, const json& given, const std::string& exercise_id) {
  if (!given.is_null() && !given.is_object()) {
    throw LabError(ErrorCode::bad_param, "params must be a JSON object (got " + show(given) + ")");
  }
  json values = json::object();
  if (given.is_object()) {
    for (const auto& item : given.items()) {
      bool known = false;
      for (const auto& spec : specs) known = known || spec.name == item.key();
      if (!known) {
        std::string names;
        for (const auto& spec : specs) names += (names.empty() ? "" : ", ") + spec.name;
        fail_param(item.key(), "unknown parameter \"" + shorten(item.key(), 60) + "\" for exercise " + exercise_id +
                                   (names.empty() ? " (it takes no parameters)" : "; allowed: " + names));
      }
    }
  }
  for (const auto& spec : specs) {
    const bool supplied = given.is_object() && given.contains(spec.name);
    json value = supplied ? given.at(spec.name) : spec.default_value;
    check_type(spec, value);
    check_range(spec, value);
    if (spec.type == ParamType::integer) value = static_cast<long long>(value.get<double>());
    values[spec.name] = std::move(value);
  }
  return Params(std::move(values));
}

long long Params::integer(const std::string& name) const { return values_.at(name).get<long long>(); }

int Params::count(const std::string& name) const {
  const long long v = integer(name);
  if (v > std::numeric_limits<int>::max() || v < std::numeric_limits<int>::min()) {
    fail_param(name, name + " does not fit an int");
  }
  return static_cast<int>(v);
}

double Params::number(const std::string& name) const { return values_.at(name).get<double>(); }
bool Params::boolean(const std::string& name) const { return values_.at(name).get<bool>(); }
const std::string& Params::text(const std::string& name) const {
  return values_.at(name).get_ref<const std::string&>();
}
const json& Params::value(const std::string& name) const { return values_.at(name); }

}  // namespace lab
