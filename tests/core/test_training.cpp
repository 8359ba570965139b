// The training exercises' shared parts: a loss curve that notices divergence and says so in the Result, and the
// caps on memory and work that refuse a run before it starts, the one training loop, and the shared parameters.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "core/exercises/seed.hpp"
#include "core/exercises/training_budget.hpp"
#include "core/exercises/training_loop.hpp"
#include "core/nn/ops.hpp"

using namespace lab::exercises;

TEST_CASE("a loss curve stops at the first NaN or infinite loss and remembers the step", "[training]") {
  LossCurve curve;
  CHECK(curve.record(2.3));
  CHECK(curve.record(1.9));
  CHECK_FALSE(curve.record(std::numeric_limits<double>::quiet_NaN()));
  CHECK(curve.diverged());
  CHECK(curve.diverged_step() == 3);
  CHECK(curve.values().size() == 2);  // only finite losses are drawn
  CHECK_FALSE(curve.record(std::numeric_limits<double>::infinity()));
  CHECK(curve.diverged_step() == 3);
  CHECK(curve.steps_json() == lab::json::array({1, 2}));
}

TEST_CASE("a diverged run says so in its metrics and log", "[training]") {
  LossCurve curve;
  curve.record(1.0);
  curve.record(INFINITY);
  lab::Result result;
  report_divergence(result, curve, "Training");
  CHECK(result.metrics["diverged"] == true);
  CHECK(result.metrics["diverged_step"] == 2);
  CHECK(result.log[0] ==
        "Training diverged: the loss became NaN or infinite at step 2, so training stopped there "
        "(try a smaller learning rate).");
  lab::Result fine;
  LossCurve good;
  good.record(0.5);
  report_divergence(fine, good, "Training");
  CHECK(fine.metrics["diverged"] == false);
  CHECK(fine.metrics["diverged_step"].is_null());
  CHECK(fine.log.empty());
}

TEST_CASE("runs beyond the memory or work caps are refused as too_large", "[training][errors]") {
  CHECK_NOTHROW(check_budget(1e6, 1e9, "steps", "this run"));
  try {
    check_budget(300.0 * 1024 * 1024, 1e9, "batch", "this training run");
    FAIL("expected too_large");
  } catch (const lab::LabError& error) {
    CHECK(error.code() == lab::ErrorCode::too_large);
    CHECK(error.param() == "batch");
    CHECK(std::string(error.what()) ==
          "this training run would need about 300 MB; the lab's cap is 256 MB (use smaller sizes)");
  }
  CHECK_THROWS_AS(check_budget(1e6, 2e11, "steps", "this run"), lab::LabError);
}

TEST_CASE("the estimates of 01.5's defaults are the formulas' values, not just small", "[training]") {
  // B*T = 128 tokens a step, C = 32, F = 64, V = 10, H = 2, T = 4, one block, 8,842 parameters.
  const TransformerSize copy_task{128, 32, 64, 10, 2, 4, 1, 8842};
  // Activations per token: 14 C + 2 F + H T = 584 in the block, 2 V = 20 for the logits: 604 floats, twice when
  // training (values and gradients); parameters four times (value, gradient, Adam's m and v).
  CHECK(transformer_training_bytes(copy_task) == 4.0 * (2.0 * 128 * 604 + 4.0 * 8842));  // 759,968 bytes
  // Forward FLOP per token: 8 C² + 4 C F + 4 T C = 16,896 in the block, 2 C V = 640 for the head; training is 3×.
  CHECK(transformer_training_flops(copy_task, 500) == 3.0 * 17536 * 128 * 500);  // 3.37 GFLOP
  CHECK(transformer_evaluation_bytes(copy_task, 400) == 4.0 * (400 * 604 + 4.0 * 8842));
  CHECK(transformer_evaluation_flops(copy_task, 400) == 17536.0 * 400);
}

TEST_CASE("a training run is refused on its largest memory and its total arithmetic", "[training][errors]") {
  const TransformerSize copy_task{128, 32, 64, 10, 2, 4, 1, 8842};
  CHECK_NOTHROW(check_training_run(copy_task, 500, 400, 1));
  // 50 GFLOP is the cap: 500 steps are 3.37 GFLOP, so 7,500 steps (50.5 GFLOP) are refused, naming "steps".
  CHECK_NOTHROW(check_training_run(copy_task, 7000, 400, 1));
  try {
    check_training_run(copy_task, 7500, 400, 1);
    FAIL("expected too_large");
  } catch (const lab::LabError& error) {
    CHECK(error.param() == "steps");
    CHECK(std::string(error.what()).find("about 51 GFLOP") != std::string::npos);
  }
  // An evaluation pass bigger than a training step sets the memory: 200,000 tokens × 604 floats ≈ 461 MB.
  CHECK_THROWS_AS(check_training_run(copy_task, 1, 200000, 1), lab::LabError);
}

namespace {

// A model of one number w, trained towards w = 3 by the loss (w − 3)²: Adam's steps and the loop are all there is.
struct OneWeight {
  lab::nn::Parameter w{"w", lab::nn::Matrix::Zero(1, 1)};
  lab::nn::Var loss(lab::nn::Tape& tape) {
    lab::nn::Matrix target(1, 1);
    target(0, 0) = 3.0f;
    return lab::nn::mse_loss(tape, tape.parameter(w), target);
  }
};

}  // namespace

TEST_CASE("the training loop takes the steps, reports progress and stops at the first NaN naming the step",
          "[training]") {
  OneWeight model;
  lab::nn::Adam adam({&model.w}, lab::nn::AdamSettings{0.1});
  std::vector<lab::json> updates;
  const lab::RunContext context([&](const lab::json& update) { updates.push_back(update); });
  std::vector<int> after;
  const LossCurve curve = train(
      TrainingLoop{25, 10, 100, 200}, adam, context, [&](lab::nn::Tape& tape, int) { return model.loss(tape); },
      [&](int step) { after.push_back(step); });
  REQUIRE(curve.values().size() == 25);
  CHECK(curve.values().front() == 9.0);  // (0 − 3)² before the first step
  CHECK(curve.values().back() < curve.values().front());
  CHECK(adam.steps_taken() == 25);
  CHECK(after.size() == 25);
  REQUIRE(updates.size() == 3);  // steps 10, 20 and the last, 25, offset by 100 of 200
  CHECK(updates[0]["step"] == 110);
  CHECK(updates[2]["step"] == 125);
  CHECK(updates[2]["total"] == 200);
  CHECK(updates[2]["loss"].get<double>() == Approx(curve.values().back()));

  OneWeight diverging;
  lab::nn::Adam adam2({&diverging.w}, lab::nn::AdamSettings{0.1});
  const LossCurve stopped = train(TrainingLoop{10}, adam2, lab::RunContext(), [&](lab::nn::Tape& tape, int step) {
    return step == 4 ? lab::nn::scale(tape, diverging.loss(tape), std::numeric_limits<float>::infinity())
                     : diverging.loss(tape);
  });
  CHECK(stopped.diverged_step() == 4);
  CHECK(stopped.values().size() == 3);
  CHECK(adam2.steps_taken() == 3);  // no update from the step whose loss was infinite
}

TEST_CASE("the shared parameters say what they allow", "[training][params]") {
  const lab::json lr = lab::describe(learning_rate_param(3e-3, "of the adapters"));
  CHECK(lr == lab::json::parse(R"({"name": "lr", "type": "number", "default": 0.003, "min": 1e-6, "max": 1.0,
                                   "help": "Adam learning rate of the adapters, between 1e-6 and 1"})"));
  CHECK(lab::describe(seed_param(42, "seed of the weights"))["max"] == 4294967295LL);
}
