// Fuzzing the input gate and the parameter validation: any bytes either become a JSON value every exercise's
// table accepts or refuses with an error object, or are refused by the gate; never a crash, a hang or an
// exception other than LabError. Invariants: a value the gate accepts prints as valid UTF-8 and reads back
// through the gate as the same value; every error message is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "core/input_gate.hpp"
#include "core/params.hpp"
#include "core/registry.hpp"
#include "core/string_format.hpp"
#include "core/text/utf8.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  FUZZ_REQUIRE(!lab::text::find_invalid_utf8(lab::shorten(lab::text::encode_utf8(lab::text::decode_utf8(bytes)), 17)));
  lab::json value;
  try {
    value = lab::read_params_text(bytes);
  } catch (const lab::LabError& error) {
    FUZZ_REQUIRE(!lab::text::find_invalid_utf8(error.what()));
    return 0;
  }
  const std::string printed = lab::to_text(value);
  FUZZ_REQUIRE(!lab::text::find_invalid_utf8(printed));
  FUZZ_REQUIRE(lab::read_params_text(printed) == value);
  for (const lab::Exercise& exercise : lab::all_exercises()) {
    try {
      lab::validate_params(exercise.params, value, exercise.id);
    } catch (const lab::LabError& error) {
      FUZZ_REQUIRE(!lab::text::find_invalid_utf8(error.what()));
    }
  }
  return 0;
}
