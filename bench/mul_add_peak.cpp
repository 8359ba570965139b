// The clock of the multiply-and-add peaks (mul_add_peak.hpp), built with the default instruction set.
#include <chrono>

#include "bench/mul_add_peak.hpp"

namespace lab::bench {

double seconds_now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace lab::bench
