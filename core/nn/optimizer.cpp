#include "core/nn/optimizer.hpp"

#include <cmath>

namespace lab::nn {

void zero_grad(const ParameterList& parameters) {
  for (Parameter* p : parameters) p->zero_grad();
}

Adam::Adam(ParameterList parameters, AdamSettings settings) : parameters_(std::move(parameters)), settings_(settings) {
  for (const Parameter* p : parameters_) {
    m_.push_back(Matrix::Zero(p->value.rows(), p->value.cols()));
    v_.push_back(Matrix::Zero(p->value.rows(), p->value.cols()));
  }
}

void Adam::step() {
  ++t_;
  const float beta1 = float(settings_.beta1), beta2 = float(settings_.beta2);
  const float one_minus_beta1 = float(1.0 - settings_.beta1), one_minus_beta2 = float(1.0 - settings_.beta2);
  const float step_size = float(settings_.lr / (1.0 - std::pow(settings_.beta1, t_)));   // lr / (1 − β₁ᵗ)
  const float correction2_sqrt = float(std::sqrt(1.0 - std::pow(settings_.beta2, t_)));  // √(1 − β₂ᵗ)
  const float eps = float(settings_.eps), decay = float(settings_.weight_decay);
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    Parameter& p = *parameters_[i];
    if (!p.trainable) continue;
    float* value = p.value.data();
    float* grad = p.grad.data();
    float* m = m_[i].data();
    float* v = v_[i].data();
    const Eigen::Index n = p.value.size();
    if (decay != 0.0f) {
      for (Eigen::Index j = 0; j < n; ++j) grad[j] += decay * value[j];  // L2: g ← g + wd · p, in place
    }
    for (Eigen::Index j = 0; j < n; ++j) {  // elementwise, so the compiler vectorises it without reordering
      const float g = grad[j];
      m[j] = m[j] * beta1 + g * one_minus_beta1;
      v[j] = v[j] * beta2 + one_minus_beta2 * g * g;
      const float denominator = std::sqrt(v[j]) / correction2_sqrt + eps;
      value[j] = value[j] - step_size * (m[j] / denominator);
    }
  }
}

Sgd::Sgd(ParameterList parameters, SgdSettings settings) : parameters_(std::move(parameters)), settings_(settings) {
  for (const Parameter* p : parameters_) momentum_.push_back(Matrix::Zero(p->value.rows(), p->value.cols()));
}

void Sgd::step() {
  const float lr = float(settings_.lr), mu = float(settings_.momentum), decay = float(settings_.weight_decay);
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    Parameter& p = *parameters_[i];
    if (!p.trainable) continue;
    for (Eigen::Index j = 0; j < p.value.size(); ++j) {
      float g = p.grad.data()[j] + decay * p.value.data()[j];
      if (mu != 0.0f) {
        float& b = momentum_[i].data()[j];
        b = started_ ? mu * b + g : g;
        g = b;
      }
      p.value.data()[j] -= lr * g;
    }
  }
  started_ = true;
}

}  // namespace lab::nn
