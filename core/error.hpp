// Errors the lab reports to whoever asked for a run: a code the shells understand, a message a learner can act
// on ("d_model must be divisible by n_heads (64 % 6 != 0)") and the parameter at fault, if any.
// Core code throws LabError; run_exercise() catches it once and turns it into {"error": {...}}.
// It leaves out logging and recovery: nothing else in the lab catches these.
#pragma once

#include <stdexcept>
#include <string>

namespace lab {

enum class ErrorCode {
  bad_param,         // a parameter is unknown, mistyped, out of range or inconsistent with another
  bad_input,         // the parameters are well-formed but the data in them cannot be used (malformed JSON text, ...)
  too_large,         // a size beyond the lab's stated cap (memory or time would run out)
  unknown_exercise,  // no exercise has that id
  internal           // a bug in the lab: an unexpected failure inside the core
};

const char* to_string(ErrorCode code);

class LabError : public std::runtime_error {
 public:
  LabError(ErrorCode code, const std::string& message, std::string param = {})
      : std::runtime_error(message), code_(code), param_(std::move(param)) {}

  ErrorCode code() const { return code_; }
  const std::string& param() const { return param_; }  // empty when no single parameter is at fault

 private:
  ErrorCode code_;
  std::string param_;
};

[[noreturn]] inline void fail_param(const std::string& param, const std::string& message) {
  throw LabError(ErrorCode::bad_param, message, param);
}
[[noreturn]] inline void fail_input(const std::string& param, const std::string& message) {
  throw LabError(ErrorCode::bad_input, message, param);
}
[[noreturn]] inline void fail_too_large(const std::string& param, const std::string& message) {
  throw LabError(ErrorCode::too_large, message, param);
}

}  // namespace lab
