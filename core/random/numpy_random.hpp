// A random generator that draws exactly what NumPy's legacy `np.random` (RandomState) draws for the same seed:
// MT19937 seeded like `np.random.seed(n)`, and the legacy methods the notebook uses, bit for bit
// (random_sample, randn by the polar method with its cached second value, randint, choice with p, dirichlet).
// The lab's PyTorch-seeded exercises use it too: same seed, same Result, in every shell (PyTorch's own
// generator is not reproduced, so their numbers differ from the notebook's; the notebook prints none of them).
// Leaves out NumPy's newer Generator API and every method the course does not call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/random/mt19937.hpp"

namespace lab {

class NumpyRandom {
 public:
  explicit NumpyRandom(std::uint32_t seed) { reseed(seed); }

  void reseed(std::uint32_t seed);  // np.random.seed(seed): also forgets the cached normal
  std::uint32_t next_uint32() { return engine_(); }

  double random_sample() {  // [0, 1) with 53 random bits; inline, as models draw every weight through it
    const std::uint32_t a = next_uint32() >> 5;  // 27 bits
    const std::uint32_t b = next_uint32() >> 6;  // 26 bits
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }
  // random_sample(size=n): n doubles into out, the same as n calls of random_sample(), drawn in blocks.
  void random_sample(double* out, int n);
  double uniform(double low, double high) { return low + (high - low) * random_sample(); }
  double randn();                                    // standard normal, legacy polar method
  double standard_exponential();                     // -log(1 - U)
  double standard_gamma(double shape);               // legacy Marsaglia-Tsang (shape > 1), exponential (1), Johnk (< 1)
  long long randint(long long low, long long high);  // uniform in [low, high), masked rejection like NumPy
  std::vector<double> dirichlet(const std::vector<double>& alpha);
  // np.random.choice(n, p=p): one index, by the cumulative sum of p and a right-sided search like NumPy.
  // p must be non-negative and sum to 1 within sqrt(machine epsilon) (NumPy's own check).
  std::size_t choice(const std::vector<double>& p);

 private:
  Mt19937 engine_;  // seeded exactly as NumPy's mt19937_seed seeds it
  bool has_cached_normal_ = false;
  double cached_normal_ = 0.0;
};

// np.sum of a float64 vector, in NumPy's own order (pairwise blocks of 8): the last bits decide ties in choice().
double numpy_sum(const std::vector<double>& values);

}  // namespace lab
