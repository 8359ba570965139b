// Learning-rate schedules. The one of "Attention Is All You Need", which BERT-style training warms up with (02.1):
//   lr(step) = C^−½ · min(step^−½, step · warmup^−³ᐟ²)   (step counted from 1)
// It rises linearly for `warmup` steps, peaks at step = warmup, then decays as 1/√step. Set it on an optimizer
// each step with Adam::set_learning_rate.
#pragma once

namespace lab::nn {

double warmup_learning_rate(int step, int warmup_steps, int d_model);

}  // namespace lab::nn
