// UTF-8 in and out, the way Python does it. Decoding never fails: each maximal ill-formed subsequence becomes one
// U+FFFD, exactly like Python's `bytes.decode("utf-8", "replace")` (Unicode's "maximal subpart" practice), so a
// tokenizer fed broken bytes still returns what Python returns for the replaced text. Exercises that must not
// guess call find_invalid_utf8() first and report the offending byte instead (see require_utf8 in the exercises).
// Leaves out normalisation (NFC/NFD) and UTF-16: the lab's text is UTF-8 on the way in and out.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lab::text {

constexpr char32_t replacement_character = 0xFFFD;

std::u32string decode_utf8(std::string_view bytes);  // invalid sequences become U+FFFD (one per maximal subpart)
std::string encode_utf8(std::u32string_view code_points);
void append_utf8(std::string& out, char32_t code_point);

struct InvalidUtf8 {
  std::size_t offset;  // byte offset of the first byte of the ill-formed sequence
  unsigned char byte;  // that byte
};
std::optional<InvalidUtf8> find_invalid_utf8(std::string_view bytes);  // nullopt when well-formed

std::size_t count_code_points(std::string_view bytes);                 // len() of the decoded str
std::string first_code_points(std::string_view bytes, std::size_t n);  // text[:n], in code points

}  // namespace lab::text
