#include "core/nn/schedule.hpp"

#include <algorithm>
#include <cmath>

namespace lab::nn {

double warmup_learning_rate(int step, int warmup_steps, int d_model) {
  return std::pow(d_model, -0.5) * std::min(std::pow(step, -0.5), step * std::pow(warmup_steps, -1.5));
}

}  // namespace lab::nn
