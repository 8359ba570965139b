// What an exercise is: its id and title, the idea in one paragraph, its parameter table, what the notebook
// printed for it, where the lab goes beyond the notebook, the core files it calls, and `run(params) -> Result`.
// One file per notebook (core/exercises/notebookNN.cpp) lists its five; registry.hpp gathers the 25.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/json.hpp"

#include "core/params.hpp"
#include "core/result.hpp"

namespace lab {

// Receives progress while an exercise runs: {"step", "total", "loss"?, ...}. Training loops report as they go;
// the CLI prints these to stderr with --progress, the wasm module forwards them to the worker.
using ProgressSink = std::function<void(const json&)>;

class RunContext {
 public:
  RunContext() = default;
  explicit RunContext(ProgressSink sink) : sink_(std::move(sink)) {}

  bool wants_progress() const { return static_cast<bool>(sink_); }
  void progress(const json& update) const {
    if (sink_) sink_(update);
  }

 private:
  ProgressSink sink_;
};

using RunFunction = std::function<Result(const Params&, const RunContext&)>;

struct Exercise {
  std::string id;                    // "01.1"
  std::string title;
  std::string summary;               // the idea, in one paragraph a learner can read before running it
  std::vector<ParamSpec> params;
  std::string notebook_output;       // what the notebook printed for this exercise, verbatim (quoted)
  std::string lab_notes;             // where the lab corrects or goes beyond the notebook, and why ("" = nowhere)
  std::vector<std::string> sources;  // the core files it calls, shown on the page beside the notebook's Python
  RunFunction run;                   // empty while the exercise is not implemented
};

}  // namespace lab
