// The 25 exercises by id, and the two entry points every shell calls (contract.md):
//   list_exercises()                 -> [{id, title, notebook, notebook_title, summary, params, ...,
//                                        input_limits}] (input_limits: the input gate's caps, the same for all)
//   run_exercise(id, params, sink)   -> the Result, or {"error": {code, message, param?}}; never throws
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/json.hpp"

#include "core/exercise.hpp"

namespace lab {

const std::vector<Exercise>& all_exercises();          // in course order: 01.1 ... 05.5
const Exercise* find_exercise(const std::string& id);  // nullptr when unknown

json list_exercises();
json run_exercise(const std::string& id, const json& params, const ProgressSink& sink = {});
// The same, from the bytes of a JSON text (what the CLI and the wasm module receive), read through the input gate
// (input_gate.hpp: size, UTF-8, one JSON value, depth, value count, unique keys). `more_follows`: the reader
// stopped at the size cap (input_gate.hpp).
json run_exercise_from_text(const std::string& id, std::string_view params_text, const ProgressSink& sink = {},
                            bool more_follows = false);
// ... and its Result as JSON text (strings that are not UTF-8 get U+FFFD rather than failing the dump).
std::string run_exercise_text(const std::string& id, std::string_view params_text, const ProgressSink& sink = {});
std::string to_text(const json& result, int indent = -1);

json error_object(const std::string& code, const std::string& message, const std::string& param = {});

}  // namespace lab
