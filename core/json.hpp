// The lab's JSON type: nlohmann/json with objects that keep their keys in insertion order, so a Result reads
// id, title, params, metrics, ... in that order and user-given objects (02.2's configs) keep the user's order.
#pragma once

#include <nlohmann/json.hpp>

namespace lab {

using json = nlohmann::ordered_json;

}  // namespace lab
