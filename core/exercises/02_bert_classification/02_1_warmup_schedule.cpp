// 02.1 The BERT-style learning-rate schedule: a linear warmup, then an inverse-square-root decay,
//   lr(step) = C^−½ · min(step^−½, step · warmup^−³ᐟ²)   (nn::warmup_learning_rate, core/nn/schedule.cpp)
//   compute  the rate at every step 1 … steps, and where it peaks (the first maximum, like Python's max())
//   report   the curve with the end of warmup marked, the peak the notebook prints
#include <string>
#include <vector>

#include "core/array_json.hpp"
#include "core/charts.hpp"
#include "core/exercise.hpp"
#include "core/nn/schedule.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

struct Schedule {
  std::vector<double> rates;  // steps 1 … steps
  double peak = -1.0;
  int peak_step = 0;
};

Schedule simulate_schedule(int warmup, int d_model, int steps) {
  Schedule schedule;
  for (int step = 1; step <= steps; ++step) {
    schedule.rates.push_back(nn::warmup_learning_rate(step, warmup, d_model));
    if (schedule.rates.back() > schedule.peak) {  // first maximum, like Python's max()
      schedule.peak = schedule.rates.back();
      schedule.peak_step = step;
    }
  }
  return schedule;
}

Result report(const Schedule& schedule, int warmup) {
  Result result;
  const int steps = int(schedule.rates.size());
  result.data["lr"] = to_json(schedule.rates);
  result.metrics["peak_lr"] = schedule.peak;
  result.metrics["peak_step"] = schedule.peak_step;
  result.metrics["final_lr"] = schedule.rates.back();
  json x = json::array();
  for (int step = 1; step <= steps; ++step) x.push_back(step);
  json chart = line_chart("Warmup + Inverse-Sqrt LR Schedule (BERT-style)", "Training Step", "Learning Rate",
                          std::move(x), {{"learning rate", result.data["lr"]}});
  add_marker(chart, warmup, "warmup end (step " + std::to_string(warmup) + ")");
  result.add_chart("lr", std::move(chart));

  result.print(format("Peak LR at step %d: %.6f", schedule.peak_step, schedule.peak));
  if (steps < warmup) {
    result.print(format("(the run ends at step %d, before warmup finishes at step %d)", steps, warmup));
  }
  result.insight =
      steps < warmup
          ? format(
                "Warmup keeps the first updates small while the embeddings and Adam's moment estimates are still "
                "noise. This run ends at step %d, before warmup ends at step %d, so the rate only rises, to "
                "%.6f; with more steps it would peak at step %d and then decay as 1/√step.",
                steps, warmup, schedule.peak, warmup)
          : format(
                "Warmup keeps the first updates small while the embeddings and Adam's moment estimates are still "
                "noise; the rate peaks at step %d, where warmup ends, at %.6f, and then decays as 1/√step, to "
                "%.6f at step %d.",
                schedule.peak_step, schedule.peak, schedule.rates.back(), steps);
  return result;
}

Result run_warmup_schedule(const Params& params, const RunContext&) {
  const int warmup = params.count("warmup_steps");
  const Schedule schedule = simulate_schedule(warmup, params.count("d_model"), params.count("steps"));
  return report(schedule, warmup);
}

}  // namespace

Exercise warmup_schedule_exercise() {
  return {"02.1",
          {integer_param("warmup_steps", 100, 1, 1000000, "steps of linear warmup"),
           integer_param("d_model", 768, 1, 65536, "model width C; scales the whole curve by C^−½"),
           size_param("steps", 500, 1, 100000, "steps to simulate (one value each); capped at 100000")},
          run_warmup_schedule};
}

}  // namespace lab::exercises
