// The multiply-and-add peak at AVX-512's width (16 lanes): this file alone is built with -mavx512f.
#include "bench/mul_add_peak.hpp"

namespace lab::bench {

double mul_add_peak_avx512(int rounds) { return mul_add_peak<16>(rounds); }

}  // namespace lab::bench
