// Python's character classes for any code point, from tables generated out of Python's own unicodedata
// (scripts/generate_unicode_tables.py; Unicode 14.0.0):
//   is_word_char  str.isalnum() or '_' : what `re`'s \w matches (letters and digits of every script, '_';
//                 combining marks such as U+0301 or Devanagari vowel signs are NOT word characters)
//   is_space      str.isspace()        : what str.split() and `re`'s \s treat as whitespace (NBSP, U+2000..U+200A,
//                                        U+3000, U+0085 and the separators U+001C..U+001F included)
//   is_printable  str.isprintable()    : what repr() shows as is
// Leaves out the other Unicode properties (scripts, categories, grapheme clusters).
#pragma once

namespace lab::text {

bool is_word_char(char32_t code_point);
bool is_space(char32_t code_point);
bool is_printable(char32_t code_point);

const char* unicode_version();  // of the tables: "14.0.0"

}  // namespace lab::text
