// 02.3 Gradient accumulation: effective_batch / physical_batch micro-batches, each loss divided by their number,
// their gradients adding up in the parameters, then one optimizer step, as if the whole batch had fit in memory.
//   data    effective_batch examples x ~ N(0, 1), (N, d), labels uniform in {0, 1}, cut into micro-batches
//   model   the notebook's SimpleClassifier d → 64 → 2 (simple_classifier.hpp)
//   train   backward once per micro-batch (the gradients accumulate), then the same gradient from one backward
//           pass over all N examples, to compare; one Adam step with the accumulated gradients
//   report  each micro-batch's scaled loss, their sum against the full-batch loss, the largest gradient difference
#include <algorithm>
#include <string>
#include <vector>

#include "core/array_json.hpp"
#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/exercises/02_bert_classification/simple_classifier.hpp"
#include "core/exercises/seed.hpp"
#include "core/exercises/training_loop.hpp"
#include "core/float_format.hpp"
#include "core/nn/optimizer.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

using nn::Matrix;

// Every micro-batch, stacked: rows s·P … s·P + P − 1 are micro-batch s.
struct MicroBatches {
  Matrix x;                     // (N, d), N = effective_batch
  std::vector<int> y;           // N labels
  int physical = 0, steps = 0;  // P examples each, steps = N / P micro-batches
};

// Drawn like the notebook, one micro-batch after another: x ~ N(0, 1) (P, d), then its P labels.
MicroBatches draw_micro_batches(int physical, int effective, int features, NumpyRandom& rng) {
  MicroBatches batches{Matrix(effective, features), {}, physical, effective / physical};
  for (int s = 0; s < batches.steps; ++s) {
    batches.x.middleRows(s * physical, physical) = nn::randn_matrix(physical, features, rng);
    for (int i = 0; i < physical; ++i) batches.y.push_back(int(rng.randint(0, 2)));
  }
  return batches;
}

struct Accumulation {
  std::vector<double> micro_losses;  // each micro-batch's loss / steps
  double total_loss = 0.0;           // their sum
  std::vector<Matrix> gradients;     // what the parameters' .grad hold afterwards, one per parameter
};

// Each micro-batch's loss divided by the number of steps, backward after each: the gradients sum in .grad.
// Progress: one message per hundredth of the micro-batches; the full-batch pass and the step are the last two units.
Accumulation accumulate_gradients(SimpleClassifier& model, const MicroBatches& batches, const RunContext& context) {
  const int every = std::max(1, batches.steps / 100), total = batches.steps + 2;
  nn::zero_grad(model.parameters());
  Accumulation accumulation;
  nn::Tape tape;
  for (int s = 0; s < batches.steps; ++s) {
    const std::vector<int> y(batches.y.begin() + s * batches.physical, batches.y.begin() + (s + 1) * batches.physical);
    tape.clear();  // the last micro-batch's nodes go; their storage stays for this one's
    const nn::Var logits =
        model.forward(tape, tape.constant(batches.x.middleRows(s * batches.physical, batches.physical)));
    const nn::Var loss = nn::scale(tape, nn::cross_entropy(tape, logits, y), 1.0f / float(batches.steps));
    tape.backward(loss);  // adds to each parameter's .grad
    accumulation.micro_losses.push_back(tape.item(loss));
    accumulation.total_loss += tape.item(loss);
    if ((s + 1) % every == 0 || s + 1 == batches.steps) context.progress(s + 1, total, "accumulating micro-batches");
  }
  for (const nn::Parameter* p : model.parameters()) accumulation.gradients.push_back(p->grad);
  return accumulation;
}

struct FullBatch {
  float loss = 0.0f;      // the mean loss over all N examples
  double max_diff = 0.0;  // max |accumulated − full-batch gradient| over every entry
  double max_grad = 0.0;  // the largest |full-batch gradient| entry, for scale
};

// The identity checked: one backward pass over all N examples, its gradient against the accumulated one.
FullBatch compare_with_full_batch(SimpleClassifier& model, const MicroBatches& batches,
                                  const std::vector<Matrix>& accumulated) {
  const nn::ParameterList parameters = model.parameters();
  nn::zero_grad(parameters);
  nn::Tape tape;
  const nn::Var loss = nn::cross_entropy(tape, model.forward(tape, tape.constant(batches.x)), batches.y);
  tape.backward(loss);
  FullBatch full{tape.item(loss), 0.0, 0.0};
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    full.max_diff = std::max(full.max_diff, double((accumulated[i] - parameters[i]->grad).cwiseAbs().maxCoeff()));
    full.max_grad = std::max(full.max_grad, double(parameters[i]->grad.cwiseAbs().maxCoeff()));
  }
  return full;
}

// One optimizer step with the accumulated gradients, as the notebook does; returns the full-batch loss after it.
float step_with(nn::Adam& adam, SimpleClassifier& model, const MicroBatches& batches,
                const std::vector<Matrix>& accumulated) {
  const nn::ParameterList parameters = model.parameters();
  for (std::size_t i = 0; i < parameters.size(); ++i) parameters[i]->grad = accumulated[i];
  adam.step();
  adam.zero_grad();
  nn::Tape tape(/*gradients=*/false);
  return tape.item(nn::cross_entropy(tape, model.forward(tape, tape.constant(batches.x)), batches.y));
}

Result report(const MicroBatches& batches, const Accumulation& accumulation, const FullBatch& full, float loss_after) {
  Result result;
  const int effective = int(batches.y.size());
  result.metrics["scaled_loss_sum"] = accumulation.total_loss;
  result.metrics["full_batch_loss"] = number(full.loss);
  result.metrics["max_grad_diff"] = full.max_diff;
  result.metrics["max_grad"] = full.max_grad;
  result.metrics["loss_after_step"] = number(loss_after);
  result.data["micro_step_losses"] = to_json(accumulation.micro_losses);
  json labels = json::array();
  for (int s = 1; s <= batches.steps; ++s) labels.push_back("step " + std::to_string(s));
  json bars = bar_chart(format("Loss of each of the %d micro-batches of %d examples, divided by %d", batches.steps,
                               batches.physical, batches.steps),
                        "Micro-batch", "loss / accumulation_steps", labels,
                        {{"scaled loss", result.data["micro_step_losses"]}});
  set_note(bars, format("They sum to %.4f, the loss of the whole effective batch of %d examples (%.4f).",
                        accumulation.total_loss, effective, full.loss));
  result.add_chart("micro_step_losses", std::move(bars));

  result.insight = format(
      "Dividing each micro-batch's loss by the number of accumulation steps makes the summed gradients equal the "
      "gradient of the mean loss over the whole effective batch: here %d micro-batches of %d examples give the "
      "gradient of all %d with max_grad_diff = %s against a largest gradient entry of %.1e, float rounding at most, "
      "never an approximation. Memory is that of one physical batch.",
      batches.steps, batches.physical, effective, full.max_diff == 0.0 ? "0" : format("%.1e", full.max_diff).c_str(),
      full.max_grad);
  result.print(format("Effective batch size: %d", effective));
  result.print(format("Physical batch size:  %d", batches.physical));
  result.print(format("Accumulation steps:   %d", batches.steps));
  result.print(format("Scaled loss (sum of mini-step losses): %.4f", accumulation.total_loss));
  result.print(format("Full-batch loss (one pass over all %d examples): %.4f", effective, full.loss));
  result.print(format("Max |accumulated - full-batch gradient|: %.1e (largest gradient entry %.1e)", full.max_diff,
                      full.max_grad));
  return result;
}

Result run_gradient_accumulation(const Params& params, const RunContext& context) {
  const int physical = params.count("physical_batch"), effective = params.count("effective_batch");
  if (effective % physical != 0) {
    fail_param("effective_batch",
               format("effective_batch must be a multiple of physical_batch (%d %% %d != 0)", effective, physical));
  }
  const int features = params.count("features");
  NumpyRandom rng = seeded_random(params);
  SimpleClassifier model(features, 64, 2, rng);
  nn::Adam adam(model.parameters(), nn::AdamSettings{params.number("lr")});
  const MicroBatches batches = draw_micro_batches(physical, effective, features, rng);

  const Accumulation accumulation = accumulate_gradients(model, batches, context);
  context.progress(batches.steps, batches.steps + 2, "one backward pass over the whole batch");
  const FullBatch full = compare_with_full_batch(model, batches, accumulation.gradients);
  context.progress(batches.steps + 1, batches.steps + 2, "one optimizer step");
  const float loss_after = step_with(adam, model, batches, accumulation.gradients);

  return report(batches, accumulation, full, loss_after);
}

}  // namespace

Exercise gradient_accumulation_exercise() {
  return {
      "02.3",
      {size_param("physical_batch", 8, 1, 1024, "examples per micro-batch; capped at 1024"),
       size_param("effective_batch", 64, 1, 8192,
                  "examples per optimizer step (a multiple of physical_batch); capped at 8192"),
       size_param("features", 128, 1, 1024, "input features d of the classifier d → 64 → 2; capped at 1024"),
       learning_rate_param(1e-3, "of the one step taken"), seed_param(0, "seed of the weights and the random batches")},
      run_gradient_accumulation};
}

}  // namespace lab::exercises
