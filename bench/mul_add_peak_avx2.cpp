// The multiply-and-add peak at AVX2's width (8 lanes): this file alone is built with -mavx2.
#include "bench/mul_add_peak.hpp"

namespace lab::bench {

double mul_add_peak_avx2(int rounds) { return mul_add_peak<8>(rounds); }

}  // namespace lab::bench
