#include "core/string_format.hpp"

#include <cstdarg>
#include <cstdio>

namespace lab {

std::string format(const char* pattern, ...) {
  va_list args;
  va_start(args, pattern);
  va_list copy;
  va_copy(copy, args);
  const int size = std::vsnprintf(nullptr, 0, pattern, copy);
  va_end(copy);
  std::string out(size > 0 ? size_t(size) : 0, '\0');
  if (size > 0) std::vsnprintf(out.data(), out.size() + 1, pattern, args);
  va_end(args);
  return out;
}

}  // namespace lab

namespace lab {

std::string shorten(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes > 3 ? max_bytes - 3 : 0;
  // Step back over continuation bytes (10xxxxxx) so the cut falls before a character's first byte; a character
  // has at most 3 of them.
  for (int back = 0; back < 3 && cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80; ++back) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

}  // namespace lab
