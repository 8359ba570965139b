// core/text/logistic_regression: scikit-learn's L2 optimum (fitted there to tol=1e-12), on TF-IDF features and on
// dense data sets, and the notebook pipeline's probabilities within 2e-3 of LogisticRegression(max_iter=1000).
#include <catch2/catch.hpp>

#include <cmath>

#include "core/random/numpy_random.hpp"
#include "core/text/logistic_regression.hpp"
#include "reference_files.hpp"

using namespace lab::text;

namespace {

Eigen::MatrixXd matrix_of(const lab::json& rows) {
  Eigen::MatrixXd m(rows.size(), rows.empty() ? 0 : rows[0].size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) m(r, c) = rows[r][c].get<double>();
  }
  return m;
}

double max_difference(const Eigen::VectorXd& ours, const lab::json& theirs) {
  double worst = 0.0;
  for (Eigen::Index i = 0; i < ours.size(); ++i) worst = std::max(worst, std::fabs(ours[i] - theirs[i].get<double>()));
  return worst;
}

}  // namespace

TEST_CASE("the fit reaches scikit-learn's exact optimum on dense data sets", "[logreg]") {
  const lab::json reference = lab_test::load_reference_json("sklearn_reference.json");
  for (const auto& c : reference["logistic_regression"]) {
    INFO("case: " << c["name"].get<std::string>());
    const Eigen::MatrixXd X = matrix_of(c["X"]);
    const LogisticModel model = fit_logistic_regression(X, c["y"].get<std::vector<int>>(), c["C"]);
    CHECK(model.gradient_max < 1e-9);
    CHECK(max_difference(model.coef, c["coef"]) < 1e-6);
    CHECK(std::fabs(model.intercept - c["intercept"].get<double>()) < 1e-6);
    CHECK(max_difference(predict_probability(model, X), c["probabilities"]) < 1e-7);
    CHECK(predict(model, X) == c["predictions"].get<std::vector<int>>());
  }
}

TEST_CASE("on the 04.3 pipelines: same predictions, probabilities within 2e-3 of scikit-learn", "[logreg]") {
  const lab::json reference = lab_test::load_reference_json("sklearn_reference.json");
  for (const auto& c : reference["pipeline_043"]) {
    INFO("case: " << c["name"].get<std::string>());
    std::vector<int> y;
    for (const auto& pair : c["train"]) y.push_back(pair[1]);
    const LogisticModel model = fit_logistic_regression(matrix_of(c["X_train"]), y, c["C"]);
    const Eigen::MatrixXd X_test = matrix_of(c["X_test"]);
    CHECK(predict(model, X_test) == c["predictions"].get<std::vector<int>>());
    CHECK(max_difference(predict_probability(model, X_test), c["probabilities"]) < 2e-3);
    CHECK(max_difference(predict_probability(model, X_test), c["exact_probabilities"]) < 1e-7);
  }
}

TEST_CASE("Newton's method converges even when the last decreases are below the loss's rounding", "[logreg]") {
  // 5,000 samples with noisy labels: the loss is about 3,400, so near the optimum a Newton step lowers it by less
  // than its rounding error and a line search on the loss alone would stall.
  lab::NumpyRandom rng(1);
  Eigen::MatrixXd X(5000, 3);
  std::vector<int> y;
  for (Eigen::Index i = 0; i < X.rows(); ++i) {
    for (Eigen::Index j = 0; j < X.cols(); ++j) X(i, j) = rng.randn();
    y.push_back(X(i, 0) + 2.0 * rng.randn() > 0.0 ? 1 : 0);
  }
  const LogisticModel model = fit_logistic_regression(X, y, 1.0);
  CHECK(model.gradient_max < 1e-10);
  CHECK(model.iterations < 30);
}

TEST_CASE("labels must be 0 or 1 and both classes must be present", "[logreg][errors]") {
  const Eigen::MatrixXd X = Eigen::MatrixXd::Ones(2, 1);
  CHECK_THROWS_WITH(fit_logistic_regression(X, {1, 1}), "the training labels must contain both classes, 0 and 1");
  CHECK_THROWS_WITH(fit_logistic_regression(X, {0, 2}), "labels must be 0 or 1");
}
