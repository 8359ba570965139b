// The one gate every shell's input goes through before the parameter table sees it (the CLI's --params,
// --params-file and stdin, the wasm module's runExercise): bytes -> a JSON value, or a LabError that says which
// byte, which key or which cap.
//   1. size      at most max_params_bytes in all (too_large): checked before anything is read into a tree
//   2. UTF-8     every byte well-formed (bad_input naming the byte and its offset); no NUL byte anywhere, so
//                nothing hides after a NUL (JSON text never holds one: inside a string it is written \u0000)
//   3. JSON      exactly one value and nothing after it but whitespace (bad_param naming the byte offset)
//   4. shape     at most max_params_depth levels of nesting and max_params_values values in all (too_large),
//                each key at most once in its object (bad_input naming the key and where)
// The tree is built in one pass without recursion and in time linear in the input (object keys are appended,
// their uniqueness checked with a set), so no input can exhaust the stack or take quadratic time here.
// Leaves out what the values mean: validate_params (params.hpp) and the exercises check that.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/json.hpp"

namespace lab {

constexpr std::size_t max_params_bytes = 1000000;  // the whole params text, in bytes
constexpr int max_params_depth = 100;              // nesting levels: {"a": [1]} has 2
constexpr std::size_t max_params_values = 100000;  // every value counted: objects, arrays, and what they hold

// The caps above as `lab list` states them: {"max_bytes", "max_depth", "max_values"}.
json params_input_limits();

// `bytes` as a JSON value (an empty text is {}); throws LabError. `more_follows` is true when the reader stopped
// early because the input is longer than max_params_bytes (the CLI reads no further than that).
json read_params_text(std::string_view bytes, bool more_follows = false);

}  // namespace lab
