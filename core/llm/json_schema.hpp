// A JSON Schema validator written by hand: the subset structured-output APIs use, with draft 2020-12 semantics.
//   supported   type (incl. "integer" = a number with zero fraction; a boolean is never a number), enum, const,
//               minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength (in code points),
//               minItems, maxItems, uniqueItems, items (one schema for every item), required (names absent from
//               properties included), properties, additionalProperties, anyOf, allOf, oneOf, not; boolean schemas
//   ignored     annotations that never change validity: $schema, $id, $comment, title, description, default,
//               examples, deprecated, readOnly, writeOnly
//   reported    every other keyword (pattern, format, $ref, $defs, prefixItems, patternProperties, if/then/else,
//               multipleOf, ...) by name and location: check_schema() lists them, and validation refuses to run
// validate() returns the first violation in a fixed order (type, enum, const, numbers, strings, arrays, objects,
// then the combinators), its location a JSON Pointer: "/items/0/qty: expected integer".
// Leaves out $ref resolution, regular expressions, formats and annotations collection.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"

namespace lab::llm {

struct SchemaProblem {
  std::string location;      // JSON Pointer into the schema ("" for its root)
  std::string message;       // "unsupported keyword \"pattern\"", "minLength must be a non-negative integer", ...
  std::string text() const;  // "/properties/email: unsupported keyword \"pattern\""
};

// Every unsupported keyword and malformed keyword value, in document order (empty = the schema can be used).
std::vector<SchemaProblem> check_schema(const json& schema);
bool is_supported_keyword(const std::string& keyword);  // validated or ignored

struct Violation {
  std::string path;          // JSON Pointer into the instance ("" for the root)
  std::string keyword;       // the schema keyword that failed ("type", "required", ...)
  std::string message;       // "expected integer"
  std::string text() const;  // "/items/0/qty: expected integer"; the root reads "(root): expected object"
};

// The first violation of `instance` against `schema`, or nullopt when valid. The schema must have passed
// check_schema(); otherwise std::invalid_argument names its first problem. The work is bounded: beyond
// max_validation_steps (a schema applied to a value, a node compared, a key looked up) it throws LabError
// too_large, so uniqueItems over 50,000 items or anyOf of 5,000 options over 5,000 items is refused in
// milliseconds instead of running for seconds.
constexpr std::size_t max_validation_steps = 2000000;
std::optional<Violation> validate(const json& instance, const json& schema);

// JSON's equality for enum/const/uniqueItems: 1 == 1.0, objects compare regardless of key order.
bool json_equal(const json& a, const json& b);
std::string json_pointer_token(const std::string& key);  // escapes '~' as ~0 and '/' as ~1

}  // namespace lab::llm
