#include "core/random/numpy_random.hpp"

#include <cmath>
#include <stdexcept>

namespace lab {

void NumpyRandom::reseed(std::uint32_t seed) {
  engine_.seed_with(seed);
  has_cached_normal_ = false;
  cached_normal_ = 0.0;
}

double NumpyRandom::randn() {
  if (has_cached_normal_) {
    has_cached_normal_ = false;
    return cached_normal_;
  }
  double x1, x2, r2;
  do {
    x1 = 2.0 * random_sample() - 1.0;
    x2 = 2.0 * random_sample() - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  const double f = std::sqrt(-2.0 * std::log(r2) / r2);
  cached_normal_ = f * x1;
  has_cached_normal_ = true;
  return f * x2;
}

void NumpyRandom::random_sample(double* out, int n) {
  constexpr int block = 256;  // doubles per block: 512 words, drawn at once
  std::uint32_t words[2 * block];
  for (int start = 0; start < n; start += block) {
    const int count = n - start < block ? n - start : block;
    engine_.draw(words, 2 * count);
    for (int i = 0; i < count; ++i) {  // as random_sample(): 27 bits, then 26
      const std::uint32_t a = words[2 * i] >> 5, b = words[2 * i + 1] >> 6;
      out[start + i] = (a * 67108864.0 + b) / 9007199254740992.0;
    }
  }
}

double NumpyRandom::standard_exponential() { return -std::log(1.0 - random_sample()); }

double NumpyRandom::standard_gamma(double shape) {
  if (shape == 1.0) return standard_exponential();
  if (shape == 0.0) return 0.0;
  if (shape < 1.0) {
    for (;;) {
      const double u = random_sample();
      const double v = standard_exponential();
      if (u <= 1.0 - shape) {
        const double x = std::pow(u, 1.0 / shape);
        if (x <= v) return x;
      } else {
        const double y = -std::log((1.0 - u) / shape);
        const double x = std::pow(1.0 - shape + shape * y, 1.0 / shape);
        if (x <= v + y) return x;
      }
    }
  }
  const double b = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * b);
  for (;;) {
    double x, v;
    do {
      x = randn();
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = random_sample();
    if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return b * v;
    if (std::log(u) < 0.5 * x * x + b * (1.0 - v + std::log(v))) return b * v;
  }
}

long long NumpyRandom::randint(long long low, long long high) {
  if (high <= low) throw std::invalid_argument("randint: high must be greater than low");
  const std::uint64_t range = static_cast<std::uint64_t>(high - low - 1);  // inclusive span, as NumPy's `rng`
  if (range == 0) return low;
  std::uint64_t mask = range;  // smallest all-ones mask covering range
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  mask |= mask >> 32;
  std::uint64_t value;
  if (range <= 0xFFFFFFFFull) {
    if (range == 0xFFFFFFFFull) return low + static_cast<long long>(next_uint32());
    do {
      value = next_uint32() & mask;
    } while (value > range);
  } else {
    do {
      const std::uint64_t hi = next_uint32();
      value = ((hi << 32) | next_uint32()) & mask;
    } while (value > range);
  }
  return low + static_cast<long long>(value);
}

std::vector<double> NumpyRandom::dirichlet(const std::vector<double>& alpha) {
  std::vector<double> out(alpha.size());
  double total = 0.0;
  for (std::size_t i = 0; i < alpha.size(); ++i) {
    out[i] = standard_gamma(alpha[i]);
    total += out[i];
  }
  const double inverse = 1.0 / total;
  for (double& v : out) v *= inverse;
  return out;
}

std::size_t NumpyRandom::choice(const std::vector<double>& p) {
  if (p.empty()) throw std::invalid_argument("choice: p must not be empty");
  double kahan = 0.0, carry = 0.0;  // NumPy checks the sum with Kahan summation
  for (double v : p) {
    if (!(v >= 0.0)) throw std::invalid_argument("choice: probabilities must be non-negative");
    const double y = v - carry;
    const double t = kahan + y;
    carry = (t - kahan) - y;
    kahan = t;
  }
  if (std::fabs(kahan - 1.0) > std::sqrt(2.220446049250313e-16)) {
    throw std::invalid_argument("choice: probabilities do not sum to 1");
  }
  std::vector<double> cdf(p.size());
  double running = 0.0;
  for (std::size_t i = 0; i < p.size(); ++i) cdf[i] = running += p[i];
  const double last = cdf.back();
  for (double& v : cdf) v /= last;
  const double u = random_sample();
  std::size_t index = 0;  // searchsorted(side='right'): first i with cdf[i] > u
  while (index < cdf.size() && cdf[index] <= u) ++index;
  return index;
}

namespace {

double pairwise_sum(const double* a, std::size_t n) {
  if (n < 8) {
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) sum += a[i];
    return sum;
  }
  if (n <= 128) {
    double r[8];
    for (int j = 0; j < 8; ++j) r[j] = a[j];
    std::size_t i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (int j = 0; j < 8; ++j) r[j] += a[i + j];
    }
    double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) sum += a[i];
    return sum;
  }
  std::size_t half = n / 2;
  half -= half % 8;
  return pairwise_sum(a, half) + pairwise_sum(a + half, n - half);
}

}  // namespace

double numpy_sum(const std::vector<double>& values) { return 0.0 + pairwise_sum(values.data(), values.size()); }

}  // namespace lab
