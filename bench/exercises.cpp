// Times every exercise at its defaults natively, from parameters to Result as the CLI and the page run it
// (lab::run_exercise(id, {})). Prints one JSON line per exercise: {"id": "01.5", "seconds": 0.12,
// "product_flops": 3.3e9}, the best of `rounds` runs after one warm-up run of all 25, and the arithmetic of the
// float products one run does (the same in every build: one summation order). bench/exercises_wasm.mjs times the
// wasm module the same way.
// Usage: bench_exercises [--short]   (--short: one run each, no warm-up)
#include <algorithm>
#include <chrono>
#include <cstring>
#include <iostream>

#include "core/nn/matmul.hpp"
#include "core/registry.hpp"

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--short") == 0;
  const int rounds = quick ? 1 : 3;
  if (!quick) {
    for (const lab::Exercise& exercise : lab::all_exercises()) lab::run_exercise(exercise.id, lab::json::object());
  }
  for (const lab::Exercise& exercise : lab::all_exercises()) {
    double best = 1e30, flops = 0;
    for (int round = 0; round < rounds; ++round) {
      const double flops_before = lab::nn::float_product_flops();
      const auto start = std::chrono::steady_clock::now();
      const lab::json result = lab::run_exercise(exercise.id, lab::json::object());
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      flops = lab::nn::float_product_flops() - flops_before;
      if (result.contains("error")) {
        std::cerr << exercise.id << ": " << result.dump() << "\n";
        return 1;
      }
    }
    std::cout << lab::json{{"id", exercise.id}, {"seconds", best}, {"product_flops", flops}}.dump() << std::endl;
  }
  return 0;
}
