// Fuzzing the UTF-8 decoder and the course's tokenizers on arbitrary bytes. Invariants: decoding then encoding is
// the identity exactly when find_invalid_utf8 finds nothing; count_code_points is the decoded length;
// first_code_points(n) is a prefix of whole characters; every token is valid UTF-8 and non-empty.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text/tokenizers.hpp"
#include "core/text/utf8.hpp"
#include "fuzz_input.hpp"

namespace {

void require_tokens(const lab::text::Tokens& tokens) {
  for (const std::string& token : tokens) {
    FUZZ_REQUIRE(!token.empty());
    FUZZ_REQUIRE(!lab::text::find_invalid_utf8(token));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::u32string decoded = lab::text::decode_utf8(bytes);
  const std::string encoded = lab::text::encode_utf8(decoded);
  const bool well_formed = !lab::text::find_invalid_utf8(bytes);
  FUZZ_REQUIRE(well_formed == (encoded == bytes));
  FUZZ_REQUIRE(!lab::text::find_invalid_utf8(encoded));
  FUZZ_REQUIRE(lab::text::count_code_points(bytes) == decoded.size());
  const std::string prefix = lab::text::first_code_points(bytes, decoded.size() / 2);
  FUZZ_REQUIRE(lab::text::count_code_points(prefix) == decoded.size() / 2);
  if (well_formed) FUZZ_REQUIRE(bytes.substr(0, prefix.size()) == prefix);

  require_tokens(lab::text::whitespace_tokens(bytes));
  require_tokens(lab::text::word_regex_tokens(bytes));
  require_tokens(lab::text::ascii_alnum_tokens(bytes));
  require_tokens(lab::text::sklearn_tokens(bytes));
  require_tokens(lab::text::lowercase_whitespace_tokens(bytes));
  return 0;
}
