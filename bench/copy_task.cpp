// Times exercise 01.5 at its defaults (the copy task: 500 Adam steps, batch 32) natively, the way the page runs
// it: lab::run_exercise("01.5", {}) from parameters to Result. Prints one JSON line:
//   {"runner": "native", "seconds": [...], "loss": [...], "accuracy": ..., "final_loss": ...}
// Usage: bench_copy_task [repeats]   (default 3)
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "core/registry.hpp"

int main(int argc, char** argv) {
  const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
  lab::json seconds = lab::json::array(), result;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    result = lab::run_exercise("01.5", lab::json::object());
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  if (result.contains("error")) {
    std::cerr << result.dump() << "\n";
    return 1;
  }
  std::cout << lab::json{{"runner", "native"},
                         {"seconds", seconds},
                         {"loss", result["data"]["loss"]},
                         {"accuracy", result["metrics"]["accuracy"]},
                         {"final_loss", result["metrics"]["final_loss"]}}
                   .dump()
            << "\n";
  return 0;
}
