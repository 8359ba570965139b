// The 25 exercises by id, and the two entry points every shell calls (contract.md):
//   list_exercises()                 -> [{id, title, notebook, notebook_title, summary, params, ...}]
//   run_exercise(id, params, sink)   -> the Result, or {"error": {code, message, param?}}; never throws
#pragma once

#include <string>
#include <vector>

#include "core/json.hpp"

#include "core/exercise.hpp"

namespace lab {

const std::vector<Exercise>& all_exercises();          // in course order: 01.1 ... 05.5
const Exercise* find_exercise(const std::string& id);  // nullptr when unknown

json list_exercises();
json run_exercise(const std::string& id, const json& params, const ProgressSink& sink = {});
// The same, from JSON text (what the CLI and the wasm module receive); malformed text is a bad_param error.
json run_exercise_from_text(const std::string& id, const std::string& params_text, const ProgressSink& sink = {});
// ... and its Result as JSON text (strings that are not UTF-8 get U+FFFD rather than failing the dump).
std::string run_exercise_text(const std::string& id, const std::string& params_text, const ProgressSink& sink = {});
std::string to_text(const json& result, int indent = -1);

json error_object(const std::string& code, const std::string& message, const std::string& param = {});

}  // namespace lab
