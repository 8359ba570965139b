// Runs exercises at their defaults, each `repeats` times, for a profiler to sample: bench/profile.mjs runs it
// under Node's --cpu-prof (the wasm build, with function names) and natively under perf or callgrind, then sorts
// the time by what it was spent on.
// Usage: bench_profile [--repeats N] ID...   e.g. bench_profile --repeats 3 01.5 02.4
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "core/registry.hpp"

int main(int argc, char** argv) {
  int repeats = 1;
  std::vector<std::string> ids;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repeats") == 0 && i + 1 < argc) {
      repeats = std::max(1, std::atoi(argv[++i]));
    } else {
      ids.emplace_back(argv[i]);
    }
  }
  for (const std::string& id : ids) {
    for (int round = 0; round < repeats; ++round) {
      const lab::json result = lab::run_exercise(id, lab::json::object());
      if (result.contains("error")) {
        std::cerr << id << ": " << result.dump() << "\n";
        return 1;
      }
    }
  }
  return 0;
}
