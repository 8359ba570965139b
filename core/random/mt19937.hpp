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

  void seed_with(std::uint32_t seed);

  std::uint32_t operator()() {  // small, so it inlines into the samplers; the regeneration stays out of line
    if (next_ >= kWords) regenerate();
    return temper(state_[next_++]);
  }

  // The next n draws into out[0 .. n), exactly as n calls of operator() give them; the tempering runs as one loop
  // over each stretch of state, which the compiler vectorises (a model's weights are millions of draws).
  void draw(std::uint32_t* out, int n);

 private:
  static constexpr int kWords = 624, kShift = 397;  // n and m of MT19937

  static std::uint32_t temper(std::uint32_t y) {
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
  }

  void regenerate();  // all 624 words at once (the twist), then draws restart at word 0

  std::uint32_t state_[kWords];
  int next_ = kWords;
};

}  // namespace lab
