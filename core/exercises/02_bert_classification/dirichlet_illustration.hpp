// The notebook's figure for 02.4, reproduced exactly: not a model's attention but random numbers. The notebook
// draws Dirichlet(1, …, 1) "attention" rows over the tokens for 3 layers × 4 heads after np.random.seed(seed),
// triples the weight on "good" in the last layer's rows and renormalises them, then averages those four heads.
// The exercise shows it labelled as illustrative, beside the attention of the model it trains.
#pragma once

#include <string>
#include <vector>

#include "core/random/numpy_random.hpp"

namespace lab::exercises {

// (T,) one weight per word, summing to 1; `rng` is freshly seeded (np.random.seed(seed)) and used up here.
std::vector<double> dirichlet_illustration(const std::vector<std::string>& words, NumpyRandom rng);

}  // namespace lab::exercises
