// The 32-bit Mersenne Twister, MT19937 (Matsumoto & Nishimura 1998), as NumPy's legacy RandomState runs it:
// 624 words of state seeded by Knuth's multiplier 1812433253, regenerated all at once every 624 draws, each draw
// tempered on the way out. It yields exactly std::mt19937's stream for the same seed (tests/core/test_numpy_random.cpp
// checks both), on 32-bit words throughout, which the standard library's engines do not promise (libstdc++ keeps
// 64-bit words on x86-64), so the weights a model is built with are drawn at the same speed in every shell.
// Leaves out discard(), streaming and the engine's other template parameters.
#pragma once

#include <cstdint>

namespace lab {

class Mt19937 {
 public:
  explicit Mt19937(std::uint32_t seed = 5489u) { seed_with(seed); }

  void seed_with(std::uint32_t seed) {
    state_[0] = seed;
    for (int i = 1; i < kWords; ++i) {
      state_[i] = 1812433253u * (state_[i - 1] ^ (state_[i - 1] >> 30)) + std::uint32_t(i);
    }
    next_ = kWords;
  }

  std::uint32_t operator()() {
    if (next_ >= kWords) regenerate();
    std::uint32_t y = state_[next_++];  // tempering
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
  }

 private:
  static constexpr int kWords = 624, kShift = 397;  // n and m of MT19937

  // The twist of word i: the top bit of word i and the low 31 bits of word i + 1, mixed into word i + m.
  static std::uint32_t twist(std::uint32_t word, std::uint32_t following, std::uint32_t shifted) {
    const std::uint32_t y = (word & 0x80000000u) | (following & 0x7fffffffu);
    return shifted ^ (y >> 1) ^ ((0u - (y & 1u)) & 0x9908b0dfu);
  }

  void regenerate() {
    int i = 0;
    for (; i < kWords - kShift; ++i) state_[i] = twist(state_[i], state_[i + 1], state_[i + kShift]);
    for (; i < kWords - 1; ++i) state_[i] = twist(state_[i], state_[i + 1], state_[i + kShift - kWords]);
    state_[kWords - 1] = twist(state_[kWords - 1], state_[0], state_[kShift - 1]);
    next_ = 0;
  }

  std::uint32_t state_[kWords];
  int next_ = kWords;
};

}  // namespace lab
