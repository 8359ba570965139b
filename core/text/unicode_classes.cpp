#include "core/text/unicode_classes.hpp"

#include "core/text/unicode_range_search.hpp"
#include "core/text/unicode_tables.hpp"

namespace lab::text {

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
  return in_ranges(tables::word, tables::word_count, cp);
}

bool is_space(char32_t cp) { return in_ranges(tables::space, tables::space_count, cp); }

bool is_printable(char32_t cp) { return in_ranges(tables::printable, tables::printable_count, cp); }

const char* unicode_version() { return tables::unicode_version; }

}  // namespace lab::text
