// What an exercise is: its id, its parameter table, `run(params) -> Result`, and its texts (read from Markdown).
// One file per exercise under core/exercises/; catalog.cpp lists the 25 in course order, registry.hpp serves them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/exercise_text.hpp"
#include "core/json.hpp"
#include "core/params.hpp"
#include "core/result.hpp"

namespace lab {

// Receives progress while an exercise runs: {"step", "total", "loss"?, "stage"?}: `step` of `total` units are done
// (0 … total), so a page can show how far a run is and estimate the time left; `stage` says what the run is busy
// with ("timing the blocks", "r = 8"). Training loops report after every step, with its loss. Every run that can
// take more than about 0.3 s reports.
// The CLI prints these to stderr with --progress, the wasm module forwards them to the worker.
using ProgressSink = std::function<void(const json&)>;

class RunContext {
 public:
  RunContext() = default;
  explicit RunContext(ProgressSink sink) : sink_(std::move(sink)) {}

  bool wants_progress() const { return static_cast<bool>(sink_); }
  void progress(const json& update) const {
    if (sink_) sink_(update);
  }
  void progress(int step, int total, const std::string& stage) const {
    if (sink_) sink_({{"step", step}, {"total", total}, {"stage", stage}});
  }

 private:
  ProgressSink sink_;
};

using RunFunction = std::function<Result(const Params&, const RunContext&)>;

// Each exercise's file (core/exercises/NN_notebook/NN_M_name.cpp) gives its id, parameter table and run function;
// the registry pairs it with the texts of the Markdown file beside it (exercise_text.hpp).
struct Exercise {
  std::string id;  // "01.1"
  std::vector<ParamSpec> params;
  RunFunction run;
  ExerciseText text{};  // title, summary, the notebook's output, the lab's notes, the files it calls
};

}  // namespace lab
