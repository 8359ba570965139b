#include "core/random/mt19937.hpp"

namespace lab {

namespace {

// The twist of word i: the top bit of word i and the low 31 bits of word i + 1, mixed into word i + m.
std::uint32_t twist(std::uint32_t word, std::uint32_t following, std::uint32_t shifted) {
  const std::uint32_t y = (word & 0x80000000u) | (following & 0x7fffffffu);
  return shifted ^ (y >> 1) ^ ((0u - (y & 1u)) & 0x9908b0dfu);
}

}  // namespace

void Mt19937::seed_with(std::uint32_t seed) {
  state_[0] = seed;
  for (int i = 1; i < kWords; ++i) state_[i] = 1812433253u * (state_[i - 1] ^ (state_[i - 1] >> 30)) + std::uint32_t(i);
  next_ = kWords;
}

void Mt19937::draw(std::uint32_t* out, int n) {
  while (n > 0) {
    if (next_ >= kWords) regenerate();
    const int take = n < kWords - next_ ? n : kWords - next_;
    const std::uint32_t* words = state_ + next_;
    for (int i = 0; i < take; ++i) out[i] = temper(words[i]);
    next_ += take;
    out += take;
    n -= take;
  }
}

void Mt19937::regenerate() {
  int i = 0;
  for (; i < kWords - kShift; ++i) state_[i] = twist(state_[i], state_[i + 1], state_[i + kShift]);
  for (; i < kWords - 1; ++i) state_[i] = twist(state_[i], state_[i + 1], state_[i + kShift - kWords]);
  state_[kWords - 1] = twist(state_[kWords - 1], state_[0], state_[kShift - 1]);
  next_ = 0;
}

}  // namespace lab
