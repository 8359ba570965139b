// The maxima sweep: every exercise run by the native CLI, in a child process, at all its maxima at once and at each
// maximum alone (every other parameter at its default). Each run must be answered (a Result or an error object,
// never `internal`, never a crash) within 3 s of CPU time, with at most 256 MB resident at its peak (the child's
// ru_maxrss). A maximum is a parameter's `max` from `lab list`: the largest number; a string, array or object
// filled to its cap (the default's items repeated; an empty array gets perplexity-like numbers, an empty object
// numbered keys).
//   lab_maxima_sweep LAB [IDS]   (IDS: a comma-separated subset) prints one line per run (outcome, CPU s, peak MB) and
//   exits 1 if any run broke a cap
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "core/registry.hpp"
#include "core/string_format.hpp"

using lab::json;

namespace {

constexpr double kCpuSecondsCap = 3.0;
constexpr double kPeakMegabytesCap = 256.0;

// `spec`'s value at its maximum, or null when it has none.
json at_maximum(const json& spec) {
  if (!spec.contains("max")) return nullptr;
  const std::string type = spec["type"];
  const json& fallback = spec["default"];
  if (type == "integer" || type == "number") return spec["max"];
  const std::size_t cap = spec["max"].get<std::size_t>();
  if (type == "string") {
    std::string unit = fallback.get<std::string>();
    if (unit.empty()) unit = "The quick brown fox jumps over the lazy dog. ";
    std::string text;
    while (text.size() + unit.size() <= cap) text += unit;
    return text;
  }
  if (type == "array") {
    json items = json::array();
    for (std::size_t i = 0; i < cap; ++i)
      items.push_back(fallback.empty() ? json(10.0 + double(i % 7)) : fallback[i % fallback.size()]);
    return items;
  }
  if (type == "object") {
    json entries = json::object();
    std::size_t i = 0;
    for (auto it = fallback.begin(); entries.size() < cap; ++i) {
      if (fallback.empty()) {
        entries["k" + std::to_string(i)] = i;
        continue;
      }
      entries[it.key() + (i < fallback.size() ? "" : " " + std::to_string(i))] = it.value();
      if (++it == fallback.end()) it = fallback.begin();
    }
    return entries;
  }
  return nullptr;
}

struct Outcome {
  std::string answer;  // "result" or the error code
  double cpu_seconds = 0.0, peak_megabytes = 0.0;
  bool exited = false;
};

Outcome run_child(const std::string& lab, const std::string& id, const json& params) {
  const std::string params_file = "maxima_params.json", result_file = "maxima_result.json";
  std::ofstream(params_file, std::ios::binary) << lab::to_text(params);
  Outcome outcome;
  // posix_spawn, not fork: the child starts empty, so its peak is the CLI's own and not this process's copy.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, result_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> args = {lab, "run", id, "--params-file", params_file};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t child = 0;
  const int spawned = posix_spawn(&child, lab.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    outcome.answer = "unreadable output";
    return outcome;
  }
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  outcome.exited = WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 2);
  outcome.cpu_seconds = double(usage.ru_utime.tv_sec) + double(usage.ru_stime.tv_sec) +
                        1e-6 * double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
  outcome.peak_megabytes = double(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
  std::ifstream in(result_file, std::ios::binary);
  const json result = json::parse(in, nullptr, /*allow_exceptions=*/false);
  outcome.answer = result.is_discarded()      ? "unreadable output"
                   : result.contains("error") ? result["error"]["code"].get<std::string>()
                                              : "result";
  return outcome;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::fprintf(stderr, "usage: lab_maxima_sweep LAB [ID,ID,...]\n");
    return 2;
  }
  const std::string lab = argv[1];
  int broken = 0, runs = 0;
  double worst_cpu = 0.0, worst_peak = 0.0;
  std::string worst_cpu_run, worst_peak_run;
  for (const json& exercise : lab::list_exercises()) {
    const std::string id = exercise["id"];
    if (argc == 3 && std::string(",").append(argv[2]).append(",").find("," + id + ",") == std::string::npos) continue;
    std::vector<std::pair<std::string, json>> sweeps;
    json all = json::object();
    for (const json& spec : exercise["params"]) {
      const json maximum = at_maximum(spec);
      if (maximum.is_null()) continue;
      all[spec["name"].get<std::string>()] = maximum;
      sweeps.emplace_back(spec["name"].get<std::string>() + " at its maximum",
                          json{{spec["name"].get<std::string>(), maximum}});
    }
    if (all.empty()) continue;
    sweeps.insert(sweeps.begin(), {"all maxima at once", all});
    for (const auto& [name, params] : sweeps) {
      const Outcome outcome = run_child(lab, id, params);
      ++runs;
      const bool ok = outcome.exited && outcome.answer != "internal" && outcome.answer != "unreadable output" &&
                      outcome.cpu_seconds <= kCpuSecondsCap && outcome.peak_megabytes <= kPeakMegabytesCap;
      broken += !ok;
      const std::string label = id + ", " + name;
      std::printf("%s %s: %s, %.2f s CPU, %.0f MB peak\n", ok ? "ok  " : "FAIL", label.c_str(), outcome.answer.c_str(),
                  outcome.cpu_seconds, outcome.peak_megabytes);
      std::fflush(stdout);
      if (outcome.cpu_seconds > worst_cpu) worst_cpu = outcome.cpu_seconds, worst_cpu_run = label;
      if (outcome.peak_megabytes > worst_peak) worst_peak = outcome.peak_megabytes, worst_peak_run = label;
    }
  }
  std::printf("%d runs, %d over a cap; worst CPU %.2f s (%s), worst peak %.0f MB (%s)\n", runs, broken, worst_cpu,
              worst_cpu_run.c_str(), worst_peak, worst_peak_run.c_str());
  return broken == 0 ? 0 : 1;
}
