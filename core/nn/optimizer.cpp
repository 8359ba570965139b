#include "core/nn/optimizer.hpp"

#include <cmath>
#include <cstddef>

#include "core/nn/widest_vectors.hpp"

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

namespace {

struct AdamStep {
  float beta1, beta2, one_minus_beta1, one_minus_beta2;
  float step_size;         // lr / (1 − β₁ᵗ)
  float correction2_sqrt;  // √(1 − β₂ᵗ)
  float eps;
};

// One parameter's update, n elements: m and v in place, then the value.
LAB_WIDEST_VECTORS
void adam_update(const AdamStep& s, const float* grad, float* m, float* v, float* value, std::ptrdiff_t n) {
  for (std::ptrdiff_t j = 0; j < n; ++j) {  // elementwise, so the compiler vectorises it without reordering
    const float g = grad[j];
    m[j] = m[j] * s.beta1 + g * s.one_minus_beta1;
    v[j] = v[j] * s.beta2 + s.one_minus_beta2 * g * g;
    const float denominator = std::sqrt(v[j]) / s.correction2_sqrt + s.eps;
    value[j] = value[j] - s.step_size * (m[j] / denominator);
  }
}

}  // namespace

void Adam::step() {
  ++t_;
  const AdamStep s{float(settings_.beta1),
                   float(settings_.beta2),
                   float(1.0 - settings_.beta1),
                   float(1.0 - settings_.beta2),
                   float(settings_.lr / (1.0 - std::pow(settings_.beta1, t_))),
                   float(std::sqrt(1.0 - std::pow(settings_.beta2, t_))),
                   float(settings_.eps)};
  const float decay = float(settings_.weight_decay);
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    Parameter& p = *parameters_[i];
    if (!p.trainable) continue;
    float* value = p.value.data();
    float* grad = p.grad.data();
    const Eigen::Index n = p.value.size();
    if (decay != 0.0f) {
      for (Eigen::Index j = 0; j < n; ++j) grad[j] += decay * value[j];  // L2: g ← g + wd · p, in place
    }
    adam_update(s, grad, m_[i].data(), v_[i].data(), value, n);
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
