// Python's str.lower() for any text, from tables generated out of Python's unicodedata (Unicode 14.0.0):
// the full lowercase mapping (U+0130 'İ' becomes "i̇", two code points; the Kelvin sign becomes 'k') and the
// final-sigma rule (capital sigma becomes 'ς' after a cased letter when no cased letter follows, else 'σ').
// Leaves out upper(), title(), casefold() and locale-specific rules (Python has none).
#pragma once

#include <string>
#include <string_view>

namespace lab::text {

std::u32string python_lower(std::u32string_view text);
std::string python_lower(std::string_view utf8);  // decodes (invalid bytes become U+FFFD), lowers, encodes

}  // namespace lab::text
