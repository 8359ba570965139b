// Perplexity, exp(mean next-token cross-entropy), of a TinyGPT on a token sequence, measured the notebook's way:
// windows of seq_len tokens starting at 0, T, 2T, … while a full window and the token after it fit, each window's
// targets its inputs shifted by one. The windows go through the model in batches of at most 512 tokens, so memory
// stays bounded for a long text (the notebook's 500 tokens are one batch, as in the notebook).
#pragma once

#include <vector>

#include "core/nn/models.hpp"

namespace lab::exercises {

constexpr int kEvaluationTokens = 512;  // at most this many tokens go through one forward pass

// `tokens` must hold at least seq_len + 1 tokens (one window).
double perplexity(nn::TinyGPT& model, const std::vector<int>& tokens, int seq_len);

}  // namespace lab::exercises
