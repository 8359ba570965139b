// 05.5 Merged LoRA vs base + adapter: x Wᵀ + s (x Aᵀ) Bᵀ = x (W + s B A)ᵀ, so an adapter folds into its base
// weight once and the layer is one matmul again. With a non-zero B the two paths round differently in float32.
//   data    W, A, then B (b_std; 0 = the notebook's all-zero B) and the inputs x, from one seeded generator
//   model   nn::LoRALinear (core/nn/lora.cpp): its forward pass, and its merged_weight() in one matmul
//   compare the two outputs with each other and with the exact (float64) answer; time both paths
//   report  the differences, ‖B‖, the timings, and whether the check could have failed at all
#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/exercises/seed.hpp"
#include "core/exercises/training_budget.hpp"
#include "core/nn/lora.hpp"
#include "core/nn/matmul.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

using nn::Matrix;

// The layer with the notebook's draws, in its order: W, A, then B.
nn::LoRALinear make_layer(int in, int out, int r, double alpha, double b_std, NumpyRandom& rng) {
  nn::LoRALinear layer("layer", in, out, r, alpha, rng);
  layer.base.weight.value = nn::randn_matrix(out, in, rng) * 0.02f;   // W (out, in)
  layer.lora_A.value = nn::randn_matrix(r, in, rng) * 0.01f;          // A (r, in)
  layer.lora_B.value = nn::randn_matrix(out, r, rng) * float(b_std);  // B (out, r); 0 = the notebook's zeros
  return layer;
}

struct Comparison {
  double max_diff = 0.0, mean_diff = 0.0;          // |adapter − merged|
  double adapter_error = 0.0, merged_error = 0.0;  // each path's max |error| against float64
  double b_squares = 0.0;                          // ‖B‖², summed in order
  double max_abs_output = 0.0;
};

Comparison compare_paths(const nn::LoRALinear& layer, const Matrix& adapter, const Matrix& merged, const Matrix& x) {
  Comparison c;
  const Matrix difference = (adapter - merged).cwiseAbs();
  double total = 0.0;
  for (Eigen::Index i = 0; i < difference.size(); ++i) total += difference.data()[i];
  c.max_diff = difference.maxCoeff();
  c.mean_diff = total / double(difference.size());

  // Both against the exact answer, computed in double: each path's own float32 rounding.
  const nn::MatrixOf<double> exact =
      x.cast<double>() * (layer.base.weight.value.cast<double>() +
                          double(layer.scale) * layer.lora_B.value.cast<double>() * layer.lora_A.value.cast<double>())
                             .transpose();  // (N, out)
  c.adapter_error = (adapter.cast<double>() - exact).cwiseAbs().maxCoeff();
  c.merged_error = (merged.cast<double>() - exact).cwiseAbs().maxCoeff();
  const float* b = layer.lora_B.value.data();
  for (Eigen::Index i = 0; i < layer.lora_B.value.size(); ++i) c.b_squares += double(b[i]) * b[i];
  c.max_abs_output = double(adapter.cwiseAbs().maxCoeff());
  return c;
}

// Mean wall-clock milliseconds of `work`: up to 20 runs, stopping after 200 ms.
template <typename Work>
double time_ms(Work&& work) {
  const auto start = std::chrono::steady_clock::now();
  double elapsed = 0.0;
  int runs = 0;
  while (runs < 20 && (runs == 0 || elapsed < 200.0)) {
    work();
    ++runs;
    elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  }
  return elapsed / runs;
}

Result report(const Comparison& c, int samples, double adapter_ms, double merged_ms) {
  Result result;
  result.metrics["max_abs_diff"] = c.max_diff;
  result.metrics["mean_abs_diff"] = c.mean_diff;
  result.metrics["b_norm"] = std::sqrt(c.b_squares);
  result.metrics["adapter_error_vs_exact"] = c.adapter_error;
  result.metrics["merged_error_vs_exact"] = c.merged_error;
  result.metrics["max_abs_output"] = c.max_abs_output;
  result.metrics["adapter_ms"] = adapter_ms;
  result.metrics["merged_ms"] = merged_ms;
  result.add_wall_clock_table(
      format("Measured here, this run (wall-clock): the forward pass of %d inputs, mean of up "
             "to 20 runs within 200 ms",
             samples),
      {"path", "matmuls", "ms"},
      {{"base + adapter", 3, format("%.4f", adapter_ms)}, {"merged", 1, format("%.4f", merged_ms)}});
  result.add_chart("errors", bar_chart("Largest deviation from the exact (float64) output", "Path", "max |error|",
                                       {"base + adapter", "merged", "adapter vs merged"},
                                       {{"float32", {c.adapter_error, c.merged_error, c.max_diff}}}));
  result.print(format("Merge equivalence test (%d samples):", samples));
  result.print(format("  Max absolute difference:  %.2e", c.max_diff));
  result.print(format("  Mean absolute difference: %.2e", c.mean_diff));
  result.print(std::string("  Numerically equivalent:   ") + (c.max_diff < 1e-5 ? "True" : "False"));
  result.print(format("  ||B|| = %.4f; each path's own max error against float64: adapter %.2e, merged %.2e",
                      std::sqrt(c.b_squares), c.adapter_error, c.merged_error));
  result.insight =
      c.b_squares > 0.0
          ? format(
                "With a non-zero B (‖B‖ = %.4f) the two paths really differ in how they round (three float32 "
                "products against one), yet they agree to %.2e at most, on outputs up to %.4f: W + s·B·A is the "
                "same linear map, and the merged layer needs one matmul instead of three.",
                std::sqrt(c.b_squares), c.max_diff, c.max_abs_output)
          : "With B = 0 (the notebook's initialisation) both paths compute exactly x·Wᵀ, so a zero difference "
            "proves nothing; set b_std above 0 to test the merge for real.";
  return result;
}

// Everything the run holds at its peak, counted before anything is allocated (float32 unless noted):
//   the layer      W (out, in), A (r, in), B (out, r), each with its gradient
//   the paths      x (N, in) and the tape's copy, x Aᵀ (N, r), three (N, out) products, the adapter output, the
//                  merged weight (out, in), the merged output and their difference (N, out)
//   the reference  float64: W + s B A and B A (out, in), x (N, in), the exact output and one error (N, out)
//   the timing     a second tape of the adapter path while the first is alive
// Refused (too_large) above the lab's 256 MB, with the bound stated.
void require_run_fits(int in, int out, int r, int samples) {
  const double i = in, o = out, k = r, n = samples;
  const double floats = 2.0 * (o * i + k * i + o * k) + 2.0 * (2.0 * n * i + n * k + 3.0 * n * o) + 4.0 * n * o + o * i;
  const double doubles = 2.0 * o * i + n * i + 2.0 * n * o;
  const double bytes = 4.0 * floats + 8.0 * doubles;
  if (bytes > kMemoryCapBytes) {
    fail_too_large("in_features",
                   format("in_features %d, out_features %d, r %d and samples %d together need about %.0f MB, over "
                          "the lab's cap of %.0f MB; lower one of them",
                          in, out, r, samples, bytes / (1024.0 * 1024.0), kMemoryCapBytes / (1024.0 * 1024.0)));
  }
}

Result run_merge_equivalence(const Params& params, const RunContext& context) {
  const int in = params.count("in_features"), out = params.count("out_features"), r = params.count("r");
  const int samples = params.count("samples");
  if (r > std::min(in, out))
    fail_param("r", format("r must be at most min(in_features, out_features) = %d (got %d)", std::min(in, out), r));
  require_run_fits(in, out, r, samples);
  NumpyRandom rng = seeded_random(params);
  nn::LoRALinear layer = make_layer(in, out, r, params.number("alpha"), params.number("b_std"), rng);
  const Matrix x = nn::randn_matrix(samples, in, rng);  // (N, in)
  context.progress(0, 3, "comparing the two paths");

  nn::Tape tape(/*gradients=*/false);
  const Matrix adapter = tape.value(layer.forward(tape, tape.constant(x)));  // x Wᵀ + s (x Aᵀ) Bᵀ, (N, out)
  const Matrix merged_weight = layer.merged_weight();                        // W + s B A, (out, in)
  Matrix merged(samples, out);                                               // x (W + s B A)ᵀ, (N, out)
  nn::matmul_a_bt(x, merged_weight, merged);
  const Comparison comparison = compare_paths(layer, adapter, merged, x);

  // The adapter's three matmuls against the merged layer's one.
  context.progress(1, 3, "timing base + adapter");
  const double adapter_ms = time_ms([&] {
    nn::Tape timing_tape(/*gradients=*/false);
    return timing_tape.value(layer.forward(timing_tape, timing_tape.constant(x)))(0, 0);
  });
  context.progress(2, 3, "timing the merged layer");
  const double merged_ms = time_ms([&] {
    Matrix y(samples, out);
    nn::matmul_a_bt(x, merged_weight, y);
    return y(0, 0);
  });

  return report(comparison, samples, adapter_ms, merged_ms);
}

}  // namespace

Exercise merge_equivalence_exercise() {
  return {"05.5",
          {size_param("in_features", 128, 1, 2048,
                      "input width; capped at 2048 (and a run needing over 256 MB in all is refused)"),
           size_param("out_features", 64, 1, 2048, "output width; capped at 2048"),
           size_param("r", 8, 1, 4096, "LoRA rank (at most the smaller width)"),
           number_param("alpha", 16, 0.001, 1000, "LoRA alpha; the update is scaled by alpha / r"),
           number_param("b_std", 0.01, 0, 10, "standard deviation of B's entries; 0 = the notebook's all-zero B"),
           size_param("samples", 100, 1, 1000, "input rows; capped at 1000"),
           seed_param(42, "seed of W, A, B and the inputs")},
          run_merge_equivalence};
}

}  // namespace lab::exercises
