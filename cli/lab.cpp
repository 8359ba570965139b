// The lab's native shell: every exercise from a terminal.
//   lab list                                  the 25 exercises and their parameters, as JSON
//   lab run ID [--params JSON | --params-file FILE] [--pretty] [--progress]
//                                             the Result as JSON on stdout; --progress streams updates to stderr;
//                                             --params-file reads the JSON from a file (- for stdin), for inputs
//                                             too long for a command line. Every input passes the input gate
//                                             (core/input_gate.hpp): at most 1,000,000 bytes of UTF-8 JSON.
// Exit 0 on success; on an error, exit 2 with {"error": {...}} on stdout and a one-line message on stderr.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "core/input_gate.hpp"
#include "core/registry.hpp"
#include "core/text/utf8.hpp"

namespace {

const char* const kUsage =
    "usage: lab list\n"
    "       lab run ID [--params JSON | --params-file FILE] [--pretty] [--progress]\n"
    "  ID is an exercise id such as 01.1 (see `lab list`); JSON is an object such as '{\"seq_len\": 20}'.\n";

int fail(const lab::json& error_object) {
  std::cout << lab::to_text(error_object) << "\n";
  // The message as text, any byte that is not UTF-8 shown as U+FFFD.
  const std::string message = error_object["error"]["message"].get<std::string>();
  std::cerr << "lab: " << lab::text::encode_utf8(lab::text::decode_utf8(message)) << "\n";
  return 2;
}

int usage_error(const std::string& message) {
  std::cerr << kUsage;
  return fail(lab::error_object("usage", message));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage_error("no command given");
  const std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (command == "list") {
    if (argc != 2) return usage_error("`lab list` takes no arguments");
    std::cout << lab::list_exercises().dump(2) << "\n";
    return 0;
  }
  if (command != "run") return usage_error("unknown command \"" + command + "\"; use list or run");
  if (argc < 3) return usage_error("`lab run` needs an exercise id, e.g. `lab run 01.1`");

  const std::string id = argv[2];
  std::string params_text;
  bool pretty = false, progress = false, more_follows = false;
  for (int i = 3; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--params" && i + 1 < argc) {
      params_text = argv[++i];
      more_follows = false;
    } else if (arg == "--params-file" && i + 1 < argc) {
      const std::string path = argv[++i];
      std::ifstream file;
      if (path != "-") {
        file.open(path, std::ios::binary);
        if (!file) return usage_error("cannot read the params file \"" + path + "\"");
      }
      std::istream& in = path == "-" ? std::cin : file;
      // No further than one byte past the input gate's cap: a longer input is refused without being held.
      params_text.assign(lab::max_params_bytes + 1, '\0');
      in.read(params_text.data(), static_cast<std::streamsize>(params_text.size()));
      params_text.resize(static_cast<std::size_t>(in.gcount()));
      more_follows = params_text.size() > lab::max_params_bytes;
      if (more_follows) params_text.resize(lab::max_params_bytes);
    } else if (arg == "--pretty") {
      pretty = true;
    } else if (arg == "--progress") {
      progress = true;
    } else {
      return usage_error("unexpected argument \"" + arg + "\"");
    }
  }

  lab::ProgressSink sink;
  if (progress) sink = [](const lab::json& update) { std::cerr << lab::to_text(update) << "\n"; };
  const lab::json result = lab::run_exercise_from_text(id, params_text, sink, more_follows);
  if (result.contains("error")) return fail(result);
  std::cout << lab::to_text(result, pretty ? 2 : -1) << "\n";
  return 0;
}
