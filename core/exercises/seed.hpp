// The seed every exercise with a random step takes (contract.md: the same seed gives the same Result in every
// shell), and the generator it seeds: NumPy's legacy RandomState, so the notebook's np.random draws come out the same.
#pragma once

#include <string>

#include "core/params.hpp"
#include "core/random/numpy_random.hpp"

namespace lab::exercises {

// The "seed" parameter: any 32-bit unsigned integer, defaulting to the notebook's seed.
ParamSpec seed_param(long long notebook_seed, std::string help);

// A generator seeded with the "seed" parameter.
NumpyRandom seeded_random(const Params& params);

}  // namespace lab::exercises
