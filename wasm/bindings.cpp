// The wasm shell: the registry's two entry points, bound with embind, and nothing else (contract.md).
//   listExercises()                               -> JSON text: the 25 exercises and their parameters
//   runExercise(id, paramsJson[, onProgress])     -> JSON text: the Result or {"error": ...}
//   buildInfo()                                   -> JSON text: {"variant": "simd"|"scalar", "version": ...}
//   heapBytesInUse()                              -> bytes malloc holds now (tests check that failures leak none)
// paramsJson is a string or the bytes themselves (a Uint8Array); either way it goes through the input gate.
// runExercise never throws: every failure inside the core comes back as {"error": ...} (registry.hpp).
// onProgress, when given, is called with JSON text ({"step", "total", "loss"?}) while an exercise trains.
#include <malloc.h>

#include <string>

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "core/registry.hpp"

namespace {

std::string list_exercises() { return lab::list_exercises().dump(); }

std::string run_exercise(const std::string& id, const std::string& params) {
  return lab::run_exercise_text(id, params);
}

std::string run_exercise_with_progress(const std::string& id, const std::string& params, emscripten::val on_progress) {
  lab::ProgressSink sink;
  if (on_progress.typeOf().as<std::string>() == "function") {
    sink = [&on_progress](const lab::json& update) { on_progress(update.dump()); };
  }
  return lab::run_exercise_text(id, params, sink);
}

std::string build_info() {
  return lab::json{{"variant", LAB_WASM_VARIANT}, {"exercises", lab::all_exercises().size()}}.dump();
}

std::size_t heap_bytes_in_use() { return static_cast<std::size_t>(mallinfo().uordblks); }

}  // namespace

EMSCRIPTEN_BINDINGS(lab) {
  emscripten::function("listExercises", &list_exercises);
  emscripten::function("runExercise", &run_exercise);                // (id, paramsJson)
  emscripten::function("runExercise", &run_exercise_with_progress);  // (id, paramsJson, onProgress)
  emscripten::function("buildInfo", &build_info);
  emscripten::function("heapBytesInUse", &heap_bytes_in_use);
}
