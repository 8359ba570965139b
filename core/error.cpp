#include "core/error.hpp"

namespace lab {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::bad_param: return "bad_param";
    case ErrorCode::bad_input: return "bad_input";
    case ErrorCode::too_large: return "too_large";
    case ErrorCode::unknown_exercise: return "unknown_exercise";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

}  // namespace lab
