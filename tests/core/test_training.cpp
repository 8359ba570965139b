// The training exercises' shared parts: a loss curve that notices divergence and says so in the Result, and the
// caps on memory and work that refuse a run before it starts.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "core/exercises/training_budget.hpp"
#include "core/exercises/training_loop.hpp"

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
  CHECK(result.log[0] == "Training diverged: the loss became NaN or infinite at step 2, so training stopped there "
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

TEST_CASE("the memory estimate of 01.5's defaults is small", "[training]") {
  const TransformerSize copy_task{128, 32, 64, 10, 2, 4, 1, 8842};
  CHECK(transformer_training_bytes(copy_task) < 2e6);
  CHECK(transformer_training_flops(copy_task, 500) < 5e9);
}
