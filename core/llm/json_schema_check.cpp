// check_schema(): which keywords a schema uses and whether each one's value has the right shape.
#include "core/llm/json_schema.hpp"
#include "core/param_values.hpp"

#include <cmath>
#include <set>

namespace lab::llm {

namespace {

const std::set<std::string>& validated_keywords() {
  static const std::set<std::string> words{"type",
                                           "enum",
                                           "const",
                                           "minimum",
                                           "maximum",
                                           "exclusiveMinimum",
                                           "exclusiveMaximum",
                                           "minLength",
                                           "maxLength",
                                           "minItems",
                                           "maxItems",
                                           "uniqueItems",
                                           "items",
                                           "required",
                                           "properties",
                                           "additionalProperties",
                                           "anyOf",
                                           "allOf",
                                           "oneOf",
                                           "not"};
  return words;
}

const std::set<std::string>& annotation_keywords() {
  static const std::set<std::string> words{"$schema", "$id",      "$comment",   "title",    "description",
                                           "default", "examples", "deprecated", "readOnly", "writeOnly"};
  return words;
}

bool is_count(const json& v) {  // a non-negative integer (2.0 counts, as JSON Schema says)
  return v.is_number() && v.get<double>() >= 0 && std::floor(v.get<double>()) == v.get<double>();
}

class Checker {
 public:
  std::vector<SchemaProblem> problems;

  void schema(const json& s, const std::string& at) {
    if (s.is_boolean()) return;
    if (!s.is_object()) {
      add(at, "a schema must be an object or a boolean (got " + shown_value(s) + ")");
      return;
    }
    for (const auto& item : s.items()) keyword(item.key(), item.value(), at);
  }

 private:
  void add(const std::string& at, std::string message) { problems.push_back({at, std::move(message)}); }

  void keyword(const std::string& key, const json& v, const std::string& at) {
    const std::string here = at + "/" + json_pointer_token(key);
    if (annotation_keywords().count(key)) return;
    if (!validated_keywords().count(key)) {
      add(at, "unsupported keyword \"" + key + "\"");
      return;
    }
    if (key == "type") {
      static const std::set<std::string> types{"null", "boolean", "object", "array", "number", "integer", "string"};
      const json names = v.is_array() ? v : json::array({v});
      if (names.empty()) add(here, "type must name at least one type");
      for (const auto& name : names) {
        if (!name.is_string() || !types.count(name.get<std::string>())) {
          add(here,
              "unknown type " + shown_value(name) + "; allowed: null, boolean, object, array, number, integer, string");
        }
      }
    } else if (key == "enum") {
      if (!v.is_array()) add(here, "enum must be an array of allowed values");
    } else if (key == "minimum" || key == "maximum" || key == "exclusiveMinimum" || key == "exclusiveMaximum") {
      if (!v.is_number()) add(here, key + " must be a number");
    } else if (key == "minLength" || key == "maxLength" || key == "minItems" || key == "maxItems") {
      if (!is_count(v)) add(here, key + " must be a non-negative integer");
    } else if (key == "uniqueItems") {
      if (!v.is_boolean()) add(here, "uniqueItems must be true or false");
    } else if (key == "items" || key == "additionalProperties" || key == "not") {
      if (key == "items" && v.is_array()) {
        add(here, "items must be one schema (draft 2020-12); a list of schemas is prefixItems, which is unsupported");
      } else {
        schema(v, here);
      }
    } else if (key == "required") {
      bool ok = v.is_array();
      if (ok) {
        for (const auto& name : v) ok = ok && name.is_string();
      }
      if (!ok) add(here, "required must be an array of property names");
    } else if (key == "properties") {
      if (!v.is_object()) {
        add(here, "properties must be an object of name: schema");
      } else {
        for (const auto& item : v.items()) schema(item.value(), here + "/" + json_pointer_token(item.key()));
      }
    } else if (key == "anyOf" || key == "allOf" || key == "oneOf") {
      if (!v.is_array() || v.empty()) {
        add(here, key + " must be a non-empty array of schemas");
      } else {
        for (std::size_t i = 0; i < v.size(); ++i) schema(v[i], here + "/" + std::to_string(i));
      }
    }
    // "const" accepts any value.
  }
};

}  // namespace

std::string SchemaProblem::text() const { return (location.empty() ? "(root)" : location) + ": " + message; }

bool is_supported_keyword(const std::string& keyword) {
  return validated_keywords().count(keyword) > 0 || annotation_keywords().count(keyword) > 0;
}

std::vector<SchemaProblem> check_schema(const json& schema) {
  Checker checker;
  checker.schema(schema, "");
  return checker.problems;
}

std::string json_pointer_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace lab::llm
