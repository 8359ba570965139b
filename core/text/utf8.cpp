#include "core/text/utf8.hpp"

namespace lab::text {

namespace {

// Length of the well-formed prefix of one sequence starting at `i` (Unicode Table 3-7), and its code point.
// Returns 0 bytes consumed as "ill-formed": `maximal` then says how many bytes form the maximal subpart.
struct Step {
  std::size_t length;   // bytes of a well-formed sequence, or 0
  std::size_t maximal;  // when ill-formed: bytes to replace by one U+FFFD (at least 1)
  char32_t code_point;
};

Step decode_one(std::string_view s, std::size_t i) {
  const unsigned char lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) return {1, 0, lead};
  int need = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  char32_t cp = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1, cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2, cp = lead & 0x0F;
    if (lead == 0xE0) lo = 0xA0;  // no overlong forms
    if (lead == 0xED) hi = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3, cp = lead & 0x07;
    if (lead == 0xF0) lo = 0x90;  // no overlong forms
    if (lead == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return {0, 1, 0};  // 0x80..0xC1, 0xF5..0xFF never start a sequence
  }
  std::size_t consumed = 1;
  for (int k = 0; k < need; ++k) {
    if (i + consumed >= s.size()) return {0, consumed, 0};  // truncated: the prefix so far is one subpart
    const unsigned char byte = static_cast<unsigned char>(s[i + consumed]);
    const unsigned char low = k == 0 ? lo : 0x80, high = k == 0 ? hi : 0xBF;
    if (byte < low || byte > high) return {0, consumed, 0};
    cp = (cp << 6) | (byte & 0x3F);
    ++consumed;
  }
  return {consumed, 0, cp};
}

}  // namespace

std::u32string decode_utf8(std::string_view bytes) {
  std::u32string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    const Step step = decode_one(bytes, i);
    if (step.length > 0) {
      out.push_back(step.code_point);
      i += step.length;
    } else {
      out.push_back(replacement_character);
      i += step.maximal;
    }
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string encode_utf8(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size());
  for (char32_t cp : code_points) append_utf8(out, cp);
  return out;
}

std::optional<InvalidUtf8> find_invalid_utf8(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    const Step step = decode_one(bytes, i);
    if (step.length == 0) return InvalidUtf8{i, static_cast<unsigned char>(bytes[i])};
    i += step.length;
  }
  return std::nullopt;
}

std::size_t count_code_points(std::string_view bytes) { return decode_utf8(bytes).size(); }

std::string first_code_points(std::string_view bytes, std::size_t n) {
  const std::u32string decoded = decode_utf8(bytes);
  return encode_utf8(std::u32string_view(decoded).substr(0, n));
}

}  // namespace lab::text
