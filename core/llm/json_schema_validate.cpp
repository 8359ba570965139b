// validate(): one instance against a checked schema, stopping at the first violation.
#include <cmath>
#include <stdexcept>

#include "core/error.hpp"
#include "core/llm/json_schema.hpp"
#include "core/param_values.hpp"
#include "core/string_format.hpp"
#include "core/text/utf8.hpp"

namespace lab::llm {

namespace {

std::string type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "boolean";
    case json::value_t::object: return "object";
    case json::value_t::array: return "array";
    case json::value_t::string: return "string";
    case json::value_t::number_float: return "number";
    default: return "integer";
  }
}

bool has_type(const json& v, const std::string& type) {
  if (type == "integer") {
    if (v.is_number_integer()) return true;  // number_integer and number_unsigned
    return v.is_number_float() && std::isfinite(v.get<double>()) && std::floor(v.get<double>()) == v.get<double>();
  }
  if (type == "number") return v.is_number();
  return type_name(v) == type;
}

// a < b, a == b, a > b as -1, 0, 1; integers compared exactly, otherwise as doubles.
int compare_numbers(const json& a, const json& b) {
  if (a.is_number_integer() && b.is_number_integer()) {
    const bool a_negative = a.is_number_unsigned() ? false : a.get<std::int64_t>() < 0;
    const bool b_negative = b.is_number_unsigned() ? false : b.get<std::int64_t>() < 0;
    if (a_negative != b_negative) return a_negative ? -1 : 1;
    if (a_negative) {
      const auto x = a.get<std::int64_t>(), y = b.get<std::int64_t>();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    const auto x = a.get<std::uint64_t>(), y = b.get<std::uint64_t>();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  const double x = a.get<double>(), y = b.get<double>();
  return x < y ? -1 : (x > y ? 1 : 0);
}

std::string brief(const json& v) { return shorten(v.dump(-1, ' ', false, json::error_handler_t::replace), 60); }

class Validator {
 public:
  std::optional<Violation> check(const json& v, const json& s, const std::string& path) {
    spend(1);
    if (s.is_boolean()) {
      if (s.get<bool>()) return std::nullopt;
      return fail(path, "false", "no value is allowed here (the schema is false)");
    }
    if (auto found = check_type(v, s, path)) return found;
    if (s.contains("enum")) {
      bool any = false;
      for (const auto& allowed : s["enum"]) any = any || equal(v, allowed);
      if (!any) return fail(path, "enum", "expected one of " + brief(s["enum"]));
    }
    if (s.contains("const") && !equal(v, s["const"])) return fail(path, "const", "expected " + brief(s["const"]));
    if (v.is_number()) {
      if (auto found = check_numbers(v, s, path)) return found;
    }
    if (v.is_string()) {
      const std::size_t length = text::count_code_points(v.get_ref<const std::string&>());
      if (s.contains("minLength") && length < s["minLength"].get<double>()) {
        return fail(
            path, "minLength",
            "must have at least " + count_text(s["minLength"], "character") + " (got " + std::to_string(length) + ")");
      }
      if (s.contains("maxLength") && length > s["maxLength"].get<double>()) {
        return fail(
            path, "maxLength",
            "must have at most " + count_text(s["maxLength"], "character") + " (got " + std::to_string(length) + ")");
      }
    }
    if (v.is_array()) {
      if (auto found = check_array(v, s, path)) return found;
    }
    if (v.is_object()) {
      if (auto found = check_object(v, s, path)) return found;
    }
    return check_combinators(v, s, path);
  }

 private:
  std::size_t steps_ = 0;

  // Every schema applied to a value, every node two values compare and every property looked up is a step;
  // beyond max_validation_steps the run is refused rather than left to take minutes.
  void spend(std::size_t steps) {
    steps_ += steps;
    if (steps_ > max_validation_steps) {
      throw LabError(ErrorCode::too_large,
                     format("validating the JSON against the schema takes more than %zu steps, the lab's cap on "
                            "time (uniqueItems compares items pairwise, anyOf/oneOf/allOf apply each option to the "
                            "value, items applies its schema to every item); use fewer items or options",
                            max_validation_steps));
    }
  }

  // json_equal(), counting one step per node compared.
  bool equal(const json& a, const json& b) {
    spend(1);
    if (a.is_number() && b.is_number()) return compare_numbers(a, b) == 0;
    if (a.type() != b.type()) return false;
    if (a.is_array()) {
      if (a.size() != b.size()) return false;
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (!equal(a[i], b[i])) return false;
      }
      return true;
    }
    if (a.is_object()) {
      if (a.size() != b.size()) return false;
      spend(a.size() * b.size());  // a lookup per key in an ordered object
      for (const auto& item : a.items()) {
        if (!b.contains(item.key()) || !equal(item.value(), b[item.key()])) return false;
      }
      return true;
    }
    return a == b;
  }

  static std::optional<Violation> fail(const std::string& path, std::string keyword, std::string message) {
    return Violation{path, std::move(keyword), std::move(message)};
  }

  static std::string count_text(const json& n, const std::string& noun) {
    const long long count = static_cast<long long>(n.get<double>());
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
  }

  std::optional<Violation> check_type(const json& v, const json& s, const std::string& path) {
    if (!s.contains("type")) return std::nullopt;
    const json names = s["type"].is_array() ? s["type"] : json::array({s["type"]});
    std::string expected;
    for (const auto& name : names) {
      if (has_type(v, name.get<std::string>())) return std::nullopt;
      expected += (expected.empty() ? "" : " or ") + name.get<std::string>();
    }
    return fail(path, "type", "expected " + expected);
  }

  std::optional<Violation> check_numbers(const json& v, const json& s, const std::string& path) {
    if (s.contains("minimum") && compare_numbers(v, s["minimum"]) < 0) {
      return fail(path, "minimum", "must be >= " + shown_value(s["minimum"]) + " (got " + shown_value(v) + ")");
    }
    if (s.contains("maximum") && compare_numbers(v, s["maximum"]) > 0) {
      return fail(path, "maximum", "must be <= " + shown_value(s["maximum"]) + " (got " + shown_value(v) + ")");
    }
    if (s.contains("exclusiveMinimum") && compare_numbers(v, s["exclusiveMinimum"]) <= 0) {
      return fail(path, "exclusiveMinimum",
                  "must be > " + shown_value(s["exclusiveMinimum"]) + " (got " + shown_value(v) + ")");
    }
    if (s.contains("exclusiveMaximum") && compare_numbers(v, s["exclusiveMaximum"]) >= 0) {
      return fail(path, "exclusiveMaximum",
                  "must be < " + shown_value(s["exclusiveMaximum"]) + " (got " + shown_value(v) + ")");
    }
    return std::nullopt;
  }

  std::optional<Violation> check_array(const json& v, const json& s, const std::string& path) {
    if (s.contains("minItems") && v.size() < s["minItems"].get<double>()) {
      return fail(
          path, "minItems",
          "must have at least " + count_text(s["minItems"], "item") + " (got " + std::to_string(v.size()) + ")");
    }
    if (s.contains("maxItems") && v.size() > s["maxItems"].get<double>()) {
      return fail(path, "maxItems",
                  "must have at most " + count_text(s["maxItems"], "item") + " (got " + std::to_string(v.size()) + ")");
    }
    if (s.contains("uniqueItems") && s["uniqueItems"].get<bool>()) {
      for (std::size_t i = 0; i < v.size(); ++i) {
        for (std::size_t j = i + 1; j < v.size(); ++j) {
          if (equal(v[i], v[j])) {
            return fail(path, "uniqueItems", "items " + std::to_string(i) + " and " + std::to_string(j) + " are equal");
          }
        }
      }
    }
    if (s.contains("items")) {
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (auto found = check(v[i], s["items"], path + "/" + std::to_string(i))) return found;
      }
    }
    return std::nullopt;
  }

  std::optional<Violation> check_object(const json& v, const json& s, const std::string& path) {
    if (s.contains("required")) {
      for (const auto& name : s["required"]) {
        if (!v.contains(name.get<std::string>())) {
          return fail(path, "required", "missing required property \"" + name.get<std::string>() + "\"");
        }
      }
    }
    const json no_properties = json::object();
    const json& properties = s.contains("properties") ? s["properties"] : no_properties;
    spend(properties.size() * v.size());  // each property looked up among the value's keys
    for (const auto& item : properties.items()) {
      if (v.contains(item.key())) {
        if (auto found = check(v[item.key()], item.value(), path + "/" + json_pointer_token(item.key()))) return found;
      }
    }
    if (s.contains("additionalProperties")) {
      const json& extra = s["additionalProperties"];
      spend(properties.size() * v.size());
      for (const auto& item : v.items()) {
        if (properties.contains(item.key())) continue;
        if (extra.is_boolean() && !extra.get<bool>()) {
          return fail(path, "additionalProperties", "property \"" + item.key() + "\" is not allowed");
        }
        if (auto found = check(item.value(), extra, path + "/" + json_pointer_token(item.key()))) return found;
      }
    }
    return std::nullopt;
  }

  std::optional<Violation> check_combinators(const json& v, const json& s, const std::string& path) {
    if (s.contains("anyOf")) {
      bool any = false;
      for (const auto& option : s["anyOf"]) any = any || !check(v, option, path);
      if (!any)
        return fail(path, "anyOf", "matches none of the " + std::to_string(s["anyOf"].size()) + " anyOf schemas");
    }
    if (s.contains("allOf")) {
      for (const auto& part : s["allOf"]) {
        if (auto found = check(v, part, path)) return found;
      }
    }
    if (s.contains("oneOf")) {
      std::size_t matches = 0;
      for (const auto& option : s["oneOf"]) matches += !check(v, option, path);
      if (matches != 1) {
        return fail(path, "oneOf",
                    "matches " + std::to_string(matches) + " of the " + std::to_string(s["oneOf"].size()) +
                        " oneOf schemas; exactly one must match");
      }
    }
    if (s.contains("not") && !check(v, s["not"], path))
      return fail(path, "not", "must not match the schema under \"not\"");
    return std::nullopt;
  }
};

}  // namespace

std::string Violation::text() const { return (path.empty() ? "(root)" : path) + ": " + message; }

bool json_equal(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) return compare_numbers(a, b) == 0;
  if (a.type() != b.type()) return false;
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!json_equal(a[i], b[i])) return false;
    }
    return true;
  }
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (const auto& item : a.items()) {
      if (!b.contains(item.key()) || !json_equal(item.value(), b[item.key()])) return false;
    }
    return true;
  }
  return a == b;  // null, boolean, string
}

std::optional<Violation> validate(const json& instance, const json& schema) {
  const std::vector<SchemaProblem> problems = check_schema(schema);
  if (!problems.empty()) throw std::invalid_argument("schema " + problems.front().text());
  return Validator().check(instance, schema, "");
}

}  // namespace lab::llm
