#include "core/exercises/training_loop.hpp"

#include <cmath>

#include "core/array_json.hpp"
#include "core/float_format.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

bool LossCurve::record(double loss) {
  if (!std::isfinite(loss)) {
    if (diverged_step_ == 0) diverged_step_ = int(values_.size()) + 1;
    return false;
  }
  values_.push_back(loss);
  return true;
}

json LossCurve::values_json() const { return to_json(values_); }

json LossCurve::steps_json() const {
  json steps = json::array();
  for (std::size_t i = 1; i <= values_.size(); ++i) steps.push_back(i);
  return steps;
}

json LossCurve::final_value_json() const { return values_.empty() ? json(nullptr) : number(values_.back()); }

ParamSpec learning_rate_param(double default_value, const std::string& what) {
  return number_param("lr", default_value, 1e-6, 1.0,
                      "Adam learning rate" + (what.empty() ? "" : " " + what) + ", between 1e-6 and 1");
}

LossCurve train(const TrainingLoop& loop, nn::Adam& optimizer, const RunContext& context, const StepLoss& step_loss,
                const AfterStep& after_step) {
  const int total = loop.progress_total > 0 ? loop.progress_total : loop.steps;
  LossCurve curve;
  nn::Tape tape;
  for (int step = 1; step <= loop.steps; ++step) {
    tape.clear();  // the last step's nodes go; their storage stays for this step's
    const nn::Var loss = step_loss(tape, step);
    const double value = tape.item(loss);
    if (!curve.record(value)) break;
    optimizer.zero_grad();
    tape.backward(loss);
    optimizer.step();
    if (step % loop.progress_every == 0 || step == loop.steps) {
      report_progress(context, loop.progress_offset + step, total, value, loop.stage);
    }
    if (after_step) after_step(step);
  }
  return curve;
}

void report_divergence(Result& result, const LossCurve& curve, const std::string& run_name) {
  result.metrics["diverged"] = curve.diverged();
  result.metrics["diverged_step"] = curve.diverged() ? json(curve.diverged_step()) : json(nullptr);
  if (curve.diverged()) {
    result.print(
        format("%s diverged: the loss became NaN or infinite at step %d, so training stopped there "
               "(try a smaller learning rate).",
               run_name.c_str(), curve.diverged_step()));
  }
}

void report_progress(const RunContext& context, int step, int total, double loss, const std::string& stage) {
  if (!context.wants_progress()) return;
  json update = {{"step", step}, {"total", total}, {"loss", number(loss)}};
  if (!stage.empty()) update["stage"] = stage;
  context.progress(update);
}

}  // namespace lab::exercises
