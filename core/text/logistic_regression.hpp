// Binary logistic regression at scikit-learn's LogisticRegression() optimum (penalty="l2", C, fit_intercept=True,
// intercept not penalised): the (w, b) minimising
//     Σ_i [ln(1 + e^{z_i}) − y_i z_i] + ‖w‖² / (2C),   z = X w + b,  y ∈ {0, 1}
// found by Newton's method with conjugate-gradient steps and a backtracking line search, in double, until the
// gradient's largest component is below 1e-10 (scikit-learn's lbfgs stops near the same point, at tol = 1e-4).
// P(y = 1 | x) = σ(z); the prediction is 1 when z > 0, as scikit-learn's predict().
// Leaves out multinomial/one-vs-rest, other penalties and sample weights.
#pragma once

#include <vector>

#include <Eigen/Core>

namespace lab::text {

struct LogisticModel {
  Eigen::VectorXd coef;  // (d)
  double intercept = 0.0;
  int iterations = 0;         // Newton steps taken
  double gradient_max = 0.0;  // largest |component| of the gradient at the end
  double objective = 0.0;     // the minimised value
};

// X: (n, d) features; y: n labels, each 0 or 1, both present. Throws std::invalid_argument otherwise.
LogisticModel fit_logistic_regression(const Eigen::MatrixXd& X, const std::vector<int>& y, double C = 1.0);
Eigen::VectorXd decision_function(const LogisticModel& model, const Eigen::MatrixXd& X);    // (n) z
Eigen::VectorXd predict_probability(const LogisticModel& model, const Eigen::MatrixXd& X);  // (n) σ(z)
std::vector<int> predict(const LogisticModel& model, const Eigen::MatrixXd& X);             // z > 0

}  // namespace lab::text
