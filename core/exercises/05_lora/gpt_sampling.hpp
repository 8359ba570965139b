// Text from a trained TinyGPT, one token at a time: feed the last seq_len tokens, take the logits of the last
// position, divide them by the temperature, softmax in double, draw one token with np.random.choice's rule from
// the exercise's seeded generator, append it, repeat. Temperature 1 samples the model as it is; lower values
// sharpen it towards its most likely token, higher ones flatten it towards uniform.
// Leaves out top-k, top-p and beam search.
#pragma once

#include <vector>

#include "core/nn/models.hpp"
#include "core/random/numpy_random.hpp"

namespace lab::exercises {

// `length` new tokens continuing `prompt` (not repeated in the result); the context is at most `seq_len` tokens.
// Fewer when the logits stop being finite (a model whose training diverged).
std::vector<int> sample_tokens(nn::TinyGPT& model, const std::vector<int>& prompt, int length, int seq_len,
                               double temperature, NumpyRandom& rng);

// The arithmetic of sample_tokens, for the budget: one forward pass of up to seq_len tokens per new token.
double sampling_tokens_processed(int samples, int length, int seq_len);

}  // namespace lab::exercises
