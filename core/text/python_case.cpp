#include "core/text/python_case.hpp"

#include "core/text/unicode_range_search.hpp"
#include "core/text/unicode_tables.hpp"
#include "core/text/utf8.hpp"

namespace lab::text {

namespace {

constexpr char32_t capital_sigma = 0x3A3, small_sigma = 0x3C3, final_sigma = 0x3C2;

char32_t lower_one(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  std::size_t lo = 0, hi = tables::lowercase_count;  // first run with last >= cp
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (tables::lowercase[mid].last < cp) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo == tables::lowercase_count) return cp;
  const tables::LowercaseRun& run = tables::lowercase[lo];
  if (cp < run.first || (cp - run.first) % run.stride != 0) return cp;
  return static_cast<char32_t>(static_cast<std::int32_t>(cp) + run.delta);
}

bool case_ignorable(char32_t cp) { return in_ranges(tables::case_ignorable, tables::case_ignorable_count, cp); }
bool cased(char32_t cp) { return in_ranges(tables::cased, tables::cased_count, cp); }

// CPython's handle_capital_sigma: \p{cased} \p{case-ignorable}* Σ !(\p{case-ignorable}* \p{cased}).
char32_t lower_sigma(std::u32string_view text, std::size_t i) {
  std::size_t j = i;
  while (j > 0 && case_ignorable(text[j - 1])) --j;
  if (j == 0 || !cased(text[j - 1])) return small_sigma;
  std::size_t k = i + 1;
  while (k < text.size() && case_ignorable(text[k])) ++k;
  return (k == text.size() || !cased(text[k])) ? final_sigma : small_sigma;
}

}  // namespace

std::u32string python_lower(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t cp = text[i];
    if (cp == 0x130) {  // LATIN CAPITAL LETTER I WITH DOT ABOVE -> 'i' + COMBINING DOT ABOVE
      out.push_back('i');
      out.push_back(0x307);
    } else if (cp == capital_sigma) {
      out.push_back(lower_sigma(text, i));
    } else {
      out.push_back(lower_one(cp));
    }
  }
  return out;
}

std::string python_lower(std::string_view utf8) { return encode_utf8(python_lower(decode_utf8(utf8))); }

}  // namespace lab::text
