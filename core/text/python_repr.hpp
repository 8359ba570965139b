// Python's repr() of the values the notebooks print: a str ('job!', "It's", '\xa0', '\u200d'), a list of str,
// and any JSON value read as Python reads it with json.loads (dict -> {'k': v}, list -> [...], true -> True,
// null -> None, 2 -> 2, 49.0 -> 49.0). Quotes, escapes and the printable test follow CPython's unicode_repr,
// with Python's isprintable() table (unicode_classes.hpp).
// Leaves out repr() of other Python types (tuples are spelled by the callers that print them).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/json.hpp"

namespace lab::text {

std::string python_repr_str(std::string_view utf8_text);                // repr(str)
std::string python_repr_list(const std::vector<std::string>& strings);  // repr(list of str)
std::string python_repr_value(const json& value);                       // repr(json.loads(value.dump()))

}  // namespace lab::text
