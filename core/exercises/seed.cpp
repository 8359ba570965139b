#include "core/exercises/seed.hpp"

#include <cstdint>

namespace lab::exercises {

ParamSpec seed_param(long long notebook_seed, std::string help) {
  return integer_param("seed", notebook_seed, 0, 4294967295LL, std::move(help));
}

NumpyRandom seeded_random(const Params& params) {
  return NumpyRandom(static_cast<std::uint32_t>(params.integer("seed")));
}

}  // namespace lab::exercises
