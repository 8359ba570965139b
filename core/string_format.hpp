// printf into a std::string, for the log lines and messages: format("%.4f", x). The same C library formats them
// in every shell, so the native CLI and the wasm module print the same digits.
// shorten() cuts user text for a message at a character boundary, never inside a UTF-8 sequence.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lab {

std::string format(const char* pattern, ...) __attribute__((format(printf, 1, 2)));

// `text` unchanged when it has at most `max_bytes` bytes; else its longest prefix of whole UTF-8 characters that
// fits in max_bytes - 3 bytes, followed by "...".
std::string shorten(std::string_view text, std::size_t max_bytes);

}  // namespace lab
