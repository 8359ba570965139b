// printf into a std::string, for the log lines and messages: format("%.4f", x). The same C library formats them
// in every shell, so the native CLI and the wasm module print the same digits.
#pragma once

#include <string>

namespace lab {

std::string format(const char* pattern, ...) __attribute__((format(printf, 1, 2)));

}  // namespace lab
