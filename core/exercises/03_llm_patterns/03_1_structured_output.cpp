// 03.1 Structured output: find the JSON in a model's reply and check it against a JSON Schema.
//   schema    refused up front if it nests too deep or uses keywords the validator does not implement
//   extract   the `value` given as is, or the JSON found in the model's text (a ```json fence, else the first
//             balanced {...} that parses: core/llm/json_extraction.cpp)
//   validate  llm::validate against the schema: the first violation, with its JSON Pointer path
//   report    found? valid? the notebook's messages, and the order pretty-printed as the notebook printed it
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/llm/json_extraction.hpp"
#include "core/llm/json_schema.hpp"
#include "core/param_values.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

// A schema the validator can use: not too deep, and every keyword one it implements (named when not).
void require_usable_schema(const json& schema) {
  if (llm::nested_deeper_than(schema, llm::max_json_depth)) {
    fail_param("schema", format("schema nests deeper than %d levels", llm::max_json_depth));
  }
  const std::vector<llm::SchemaProblem> problems = llm::check_schema(schema);
  if (!problems.empty()) {
    std::string list;
    for (const auto& problem : problems) list += (list.empty() ? "" : "; ") + problem.text();
    fail_param("schema", "the schema cannot be used: " + list);
  }
}

struct FoundJson {
  json value = nullptr;  // null when nothing was found
  std::string source;    // "value", "fenced block" or "braces"
  std::string reason;    // when nothing was found: why
  bool found() const { return !value.is_null(); }
};

// The `value` parameter when it is not {} (validate it directly, no extraction), else the JSON in the model's text.
FoundJson find_json(const Params& params) {
  FoundJson out;
  if (!params.value("value").empty()) {
    out.value = params.value("value");
    out.source = "value";
  } else {
    const llm::ExtractedJson extracted = llm::extract_json(utf8_text(params, "text"));
    if (extracted.found) {
      out.value = extracted.value;
      out.source = extracted.source;
    } else {
      out.reason = extracted.reason;
    }
  }
  if (out.found() && llm::nested_deeper_than(out.value, llm::max_json_depth)) {
    fail_input(out.source == "value" ? "value" : "text",
               format("the JSON nests deeper than %d levels", llm::max_json_depth));
  }
  return out;
}

Result report(const FoundJson& candidate, const std::optional<llm::Violation>& violation) {
  Result result;
  const bool found = candidate.found();
  const bool valid = found && !violation;
  const std::string& source = candidate.source;
  const std::string& reason = candidate.reason;
  result.data["found"] = found;
  result.data["valid"] = valid;
  result.data["value"] = candidate.value;
  result.data["error"] = !found ? json(reason) : violation ? json(violation->text()) : json(nullptr);
  result.data["source"] = found ? json(source) : json(nullptr);
  result.data["violation"] =
      violation ? json{{"path", violation->path}, {"keyword", violation->keyword}, {"message", violation->message}}
                : json(nullptr);
  result.metrics["found"] = found;
  result.metrics["valid"] = valid;
  const std::string origin = source == "value"          ? "The JSON given in value"
                             : source == "fenced block" ? "The JSON, found in a ```json fence,"
                                                        : "The JSON, the first balanced {...} in the text that parses,";
  result.insight =
      "Models wrap JSON in prose and fences, so extraction must look for the object rather than trust the whole "
      "reply; validating against a schema then turns 'looks like JSON' into a checked contract, and the first "
      "violation's path says exactly what to ask the model to fix. " +
      (!found  ? "Here no JSON was found: " + reason + "."
       : valid ? origin + " satisfies the schema."
               : origin + " fails the schema at " + (violation->path.empty() ? "the top level" : violation->path) +
                     ": " + violation->message + ".");
  result.add_table("Extraction and validation", {"step", "outcome"},
                   json::array({json::array({"found JSON", found ? "yes, from the " + source : "no: " + reason}),
                                json::array({"valid against the schema", !found  ? "not checked"
                                                                         : valid ? "yes"
                                                                                 : "no: " + violation->text()})}));

  if (!found) {
    result.print("No JSON found in LLM output: " + reason);  // the notebook raises ValueError('No JSON found ...')
  } else if (!valid) {
    result.print("Output does not match schema: " + violation->text());  // the notebook's ValueError, with the path
  } else {
    result.print("Extracted and validated order:");
    result.print_lines(candidate.value.dump(2, ' ', /*ensure_ascii=*/true));
  }
  return result;
}

Result run_structured_output(const Params& params, const RunContext&) {
  const json& schema = params.value("schema");
  require_usable_schema(schema);
  const FoundJson candidate = find_json(params);
  const std::optional<llm::Violation> violation =
      candidate.found() ? llm::validate(candidate.value, schema) : std::nullopt;

  return report(candidate, violation);
}

// The notebook's order schema: an order id, a customer with name and email, and items of sku, qty and price.
json order_schema() {
  return json::parse(R"({
    "type": "object",
    "required": ["order_id", "customer", "items"],
    "properties": {
      "order_id": {"type": "string"},
      "customer": {"type": "object", "required": ["name", "email"],
                   "properties": {"name": {"type": "string"}, "email": {"type": "string"}}},
      "items": {"type": "array",
                "items": {"type": "object",
                          "properties": {"sku": {"type": "string"}, "qty": {"type": "integer"}, "price": {"type": "number"}}}}
    }
  })");
}

}  // namespace

Exercise structured_output_exercise() {
  return {
      "03.1",
      {string_param(
           "text",
           "\nHere is the extracted order:\n{\"order_id\": \"ORD-001\", \"customer\": {\"name\": \"Alice\", "
           "\"email\": \"alice@example.com\"},\n \"items\": [{\"sku\": \"SKU-A\", \"qty\": 2, \"price\": 19.99}, "
           "{\"sku\": \"SKU-B\", \"qty\": 1, \"price\": 49.00}]}\n",
           20000, "the model's reply to search for JSON; capped at 20,000 bytes to bound the search"),
       object_param("schema", order_schema(), 100,
                    "the JSON Schema (draft 2020-12 subset; unsupported keywords are reported by name); at most 100 "
                    "top-level keywords, nesting up to 64 levels"),
       object_param("value", json::object(), 1000,
                    "a JSON object to validate directly instead of extracting one from text; {} (the default) "
                    "means: extract from text. At most 1,000 keys at the top level")},
      run_structured_output};
}

}  // namespace lab::exercises
