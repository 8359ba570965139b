// The raw tables behind unicode_classes.hpp and python_case.hpp, generated from Python's unicodedata by
// scripts/generate_unicode_tables.py into unicode_tables.cpp (Unicode 14.0.0, Python 3.11). Sorted, disjoint
// ranges; nothing here interprets them. Regenerate the .cpp with that script; never edit it by hand.
#pragma once

#include <cstddef>
#include <cstdint>

namespace lab::text::tables {

struct CodePointRange {
  char32_t first, last;  // inclusive
};

// Code points first, first + stride, ..., last lowercase to code point + delta.
struct LowercaseRun {
  char32_t first, last;
  std::int32_t stride, delta;
};

extern const char unicode_version[];  // "14.0.0"
extern const char python_version[];   // the interpreter that generated the tables

extern const CodePointRange word[];  // str.isalnum() or '_': re's \w
extern const std::size_t word_count;
extern const CodePointRange space[];  // str.isspace(): str.split(), re's \s
extern const std::size_t space_count;
extern const CodePointRange printable[];  // str.isprintable(): shown as is by repr()
extern const std::size_t printable_count;
extern const CodePointRange case_ignorable[];  // skipped when str.lower() looks around a capital sigma
extern const std::size_t case_ignorable_count;
extern const CodePointRange cased[];  // cased and not case-ignorable: decides final sigma
extern const std::size_t cased_count;
extern const LowercaseRun lowercase[];  // str.lower() for one code point (except U+0130 and U+03A3)
extern const std::size_t lowercase_count;

}  // namespace lab::text::tables
