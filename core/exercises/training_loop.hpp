// The one training loop of the exercises that train (01.5, 02.4, 02.5, 05.1, 05.4), so each reads as its lesson:
//   for step = 1 … steps:  clear the tape, build this step's loss, stop if it is NaN or infinite,
//                          zero the gradients, backward, one optimizer step, report progress
// LossCurve keeps the finite losses and the step that diverged; report_divergence() says so in the Result.
// Memory and arithmetic caps, checked before anything is allocated, are in training_budget.hpp.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/exercise.hpp"
#include "core/json.hpp"
#include "core/nn/optimizer.hpp"
#include "core/nn/tape.hpp"
#include "core/params.hpp"

namespace lab::exercises {

class LossCurve {
 public:
  bool record(double loss);  // false (and the step remembered) when the loss is NaN or infinite
  bool diverged() const { return diverged_step_ > 0; }
  int diverged_step() const { return diverged_step_; }           // 1-based; 0 when the run never diverged
  const std::vector<double>& values() const { return values_; }  // the finite losses, step 1 first
  json values_json() const;
  json steps_json() const;        // 1, 2, … for the chart's x axis
  json final_value_json() const;  // the last finite loss, or null when there is none

 private:
  std::vector<double> values_;
  int diverged_step_ = 0;
};

struct TrainingLoop {
  int steps = 0;            // optimizer steps to take (fewer when the loss diverges)
  int progress_every = 1;   // one progress message every N steps, and one at the last step
  int progress_offset = 0;  // where these steps start in the exercise's progress (02.5 and 05.1 train several runs)
  int progress_total = 0;   // the exercise's steps in all (0: this loop's `steps`)
  std::string stage = "";   // names this run in its progress messages when an exercise trains several ("r = 8")
};

// The "lr" parameter of an exercise that trains with Adam: between 1e-6 and 1; `what` says what it trains
// when that is not the whole model ("of the adapters").
ParamSpec learning_rate_param(double default_value, const std::string& what = "");

// This step's loss, recorded on `tape` (already cleared); `step` counts from 1.
using StepLoss = std::function<nn::Var(nn::Tape& tape, int step)>;
// Called after each optimizer step, e.g. to probe the model (02.4 follows one sentence's prediction).
using AfterStep = std::function<void(int step)>;

// Runs the loop with one tape of its own, freed when it returns (so an evaluation afterwards has the memory).
LossCurve train(const TrainingLoop& loop, nn::Adam& optimizer, const RunContext& context, const StepLoss& step_loss,
                const AfterStep& after_step = {});

// Writes metrics.diverged (and diverged_step) and, if it diverged, a log line saying at which step and why.
void report_divergence(Result& result, const LossCurve& curve, const std::string& run_name);

// One progress message, {"step", "total", "loss", "stage"?}, for the page's live chart.
void report_progress(const RunContext& context, int step, int total, double loss, const std::string& stage = "");

}  // namespace lab::exercises
