// Floats as text, the same in every shell. A float32 becomes the shortest decimal that reads back as the same
// float (0.1f is 0.1, not 0.10000000149011612); NaN and infinity become JSON null, as JSON has no such values.
// python_float() is Python's repr(), for the lines the notebook prints. Arrays of numbers are in array_json.hpp.
#pragma once

#include <string>

#include "core/json.hpp"

namespace lab {

json number(float value);   // shortest round-trip decimal, or null when not finite
json number(double value);  // as is, or null when not finite

// Python's repr() of a float, as the notebook prints it: 32.0, 21.0516300201416, 1e-05.
std::string python_float(double value);

}  // namespace lab
