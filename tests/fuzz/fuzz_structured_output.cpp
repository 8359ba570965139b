// Fuzzing 03.1's two halves: finding JSON in a model's text (extract_json) and validating it against a schema
// (check_schema, validate). The input is "schema bytes \x00 text bytes": the schema goes through the input gate
// like a parameter, the text is searched as 03.1 searches it. Invariants: an extracted value parses back from
// the bytes it was found at; validation either answers or refuses as too_large (its step cap), never throws
// anything else and never crashes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/input_gate.hpp"
#include "core/llm/json_extraction.hpp"
#include "core/llm/json_schema.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::size_t split = bytes.find('\0');
  const std::string_view schema_bytes = split == std::string_view::npos ? std::string_view() : bytes.substr(0, split);
  const std::string_view text = split == std::string_view::npos ? bytes : bytes.substr(split + 1);
  if (text.size() > 20000) return 0;  // 03.1's cap on its text

  const lab::llm::ExtractedJson found = lab::llm::extract_json(text);
  if (found.found) {
    FUZZ_REQUIRE(found.offset + found.length <= text.size());
    const std::string at(text.substr(found.offset, found.length));
    FUZZ_REQUIRE(lab::json::parse(at, nullptr, false) == found.value);
  }

  lab::json schema = true;
  if (!schema_bytes.empty()) {
    try {
      schema = lab::read_params_text(schema_bytes);
    } catch (const lab::LabError&) {
      return 0;
    }
  }
  if (lab::llm::nested_deeper_than(schema, lab::llm::max_json_depth)) return 0;  // 03.1 refuses these up front
  if (!lab::llm::check_schema(schema).empty()) return 0;                         // ... and these
  const lab::json instance = found.found ? found.value : lab::json(std::string(text.substr(0, 200)));
  if (lab::llm::nested_deeper_than(instance, lab::llm::max_json_depth)) return 0;
  try {
    const auto violation = lab::llm::validate(instance, schema);
    if (violation) FUZZ_REQUIRE(!violation->keyword.empty());
  } catch (const lab::LabError& error) {
    FUZZ_REQUIRE(error.code() == lab::ErrorCode::too_large);
  }
  return 0;
}
