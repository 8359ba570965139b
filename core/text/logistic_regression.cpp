#include "core/text/logistic_regression.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lab::text {

namespace {

double sigmoid(double z) {
  if (z >= 0.0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

double log1p_exp(double z) { return z > 0.0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z)); }

// The parameters as one vector θ = (w, b), so the intercept is θ[d].
struct Problem {
  const Eigen::MatrixXd& X;  // (n, d)
  Eigen::VectorXd y;         // (n)
  double inverse_c;

  Eigen::VectorXd margins(const Eigen::VectorXd& theta) const {  // (n) z = X w + b
    const Eigen::Index d = X.cols();
    Eigen::VectorXd z(X.rows());
    z.noalias() = X * theta.head(d);
    z.array() += theta[d];
    return z;
  }
  double objective(const Eigen::VectorXd& theta) const {
    const Eigen::VectorXd z = margins(theta);
    double loss = 0.0;
    for (Eigen::Index i = 0; i < z.size(); ++i) loss += log1p_exp(z[i]) - y[i] * z[i];
    return loss + 0.5 * inverse_c * theta.head(X.cols()).squaredNorm();
  }
};

}  // namespace

LogisticModel fit_logistic_regression(const Eigen::MatrixXd& X, const std::vector<int>& y, double C) {
  const Eigen::Index n = X.rows(), d = X.cols();
  if (static_cast<Eigen::Index>(y.size()) != n || n == 0)
    throw std::invalid_argument("X and y must have the same n > 0");
  if (!(C > 0.0)) throw std::invalid_argument("C must be positive");
  Problem problem{X, Eigen::VectorXd(n), 1.0 / C};
  bool has_zero = false, has_one = false;
  for (Eigen::Index i = 0; i < n; ++i) {
    if (y[i] != 0 && y[i] != 1) throw std::invalid_argument("labels must be 0 or 1");
    problem.y[i] = y[i];
    has_zero = has_zero || y[i] == 0;
    has_one = has_one || y[i] == 1;
  }
  if (!has_zero || !has_one) throw std::invalid_argument("the training labels must contain both classes, 0 and 1");

  Eigen::VectorXd theta = Eigen::VectorXd::Zero(d + 1);
  LogisticModel model;
  for (int iteration = 0; iteration < 200; ++iteration) {
    const Eigen::VectorXd z = problem.margins(theta);
    Eigen::VectorXd residual(n), curvature(n);  // p − y and p(1 − p)
    for (Eigen::Index i = 0; i < n; ++i) {
      const double p = sigmoid(z[i]);
      residual[i] = p - problem.y[i];
      curvature[i] = p * (1.0 - p);
    }
    Eigen::VectorXd gradient(d + 1);  // ∇w = Xᵀ(p − y) + w/C,  ∇b = Σ(p − y)
    gradient.head(d).noalias() = X.transpose() * residual;
    gradient.head(d) += problem.inverse_c * theta.head(d);
    gradient[d] = residual.sum();
    model.gradient_max = gradient.cwiseAbs().maxCoeff();
    model.iterations = iteration;
    if (model.gradient_max < 1e-10) break;

    // H v = Xᵀ S (X v_w + v_b) + v_w / C  (and Σ S (X v_w + v_b) for the intercept), never formed as a matrix.
    auto hessian_times = [&](const Eigen::VectorXd& v) {
      Eigen::VectorXd u(n);
      u.noalias() = X * v.head(d);
      u.array() += v[d];
      u.array() *= curvature.array();
      Eigen::VectorXd out(d + 1);
      out.head(d).noalias() = X.transpose() * u;
      out.head(d) += problem.inverse_c * v.head(d);
      out[d] = u.sum();
      return out;
    };
    // Conjugate gradients for H step = −gradient, to a relative residual of min(0.1, ‖g‖).
    Eigen::VectorXd step = Eigen::VectorXd::Zero(d + 1);
    Eigen::VectorXd r = -gradient, direction = r;
    const double tolerance = std::min(0.1, std::sqrt(gradient.norm())) * gradient.norm();
    double rr = r.squaredNorm();
    for (Eigen::Index k = 0; k < 2 * (d + 1) + 10 && std::sqrt(rr) > tolerance; ++k) {
      const Eigen::VectorXd h = hessian_times(direction);
      const double curvature_along = direction.dot(h);
      if (curvature_along <= 0.0) break;
      const double alpha = rr / curvature_along;
      step += alpha * direction;
      r -= alpha * h;
      const double rr_next = r.squaredNorm();
      direction = r + (rr_next / rr) * direction;
      rr = rr_next;
    }
    if (step.squaredNorm() == 0.0) step = -gradient;

    // Backtracking (Armijo) line search on the objective. Once the predicted decrease is below the objective's
    // rounding error, the comparison means nothing and the full Newton step is taken (it converges there).
    const double f0 = problem.objective(theta), slope = gradient.dot(step);
    const bool below_rounding = -slope < 1e-12 * std::max(1.0, std::fabs(f0));
    double t = 1.0;
    Eigen::VectorXd next = theta + step;
    while (!below_rounding && problem.objective(next) > f0 + 1e-4 * t * slope && t > 1e-12) {
      t *= 0.5;
      next = theta + t * step;
    }
    if (next == theta) break;  // no further progress is representable
    theta = next;
  }
  model.coef = theta.head(d);
  model.intercept = theta[d];
  model.objective = problem.objective(theta);
  return model;
}

Eigen::VectorXd decision_function(const LogisticModel& model, const Eigen::MatrixXd& X) {
  Eigen::VectorXd z(X.rows());
  z.noalias() = X * model.coef;
  z.array() += model.intercept;
  return z;
}

Eigen::VectorXd predict_probability(const LogisticModel& model, const Eigen::MatrixXd& X) {
  Eigen::VectorXd p = decision_function(model, X);
  for (Eigen::Index i = 0; i < p.size(); ++i) p[i] = sigmoid(p[i]);
  return p;
}

std::vector<int> predict(const LogisticModel& model, const Eigen::MatrixXd& X) {
  const Eigen::VectorXd z = decision_function(model, X);
  std::vector<int> labels(z.size());
  for (Eigen::Index i = 0; i < z.size(); ++i) labels[i] = z[i] > 0.0 ? 1 : 0;
  return labels;
}

}  // namespace lab::text
