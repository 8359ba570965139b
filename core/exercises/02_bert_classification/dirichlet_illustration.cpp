#include "core/exercises/02_bert_classification/dirichlet_illustration.hpp"

#include <algorithm>

namespace lab::exercises {

std::vector<double> dirichlet_illustration(const std::vector<std::string>& words, NumpyRandom rng) {
  const std::size_t n = words.size();
  std::vector<std::vector<double>> last_layer;  // the last layer's 4 heads, one row each
  for (int draw = 0; draw < 3 * 4; ++draw) {
    std::vector<double> row = rng.dirichlet(std::vector<double>(n, 1.0));
    if (draw >= 2 * 4) last_layer.push_back(row);
  }
  const auto good = std::find(words.begin(), words.end(), "good");
  std::vector<double> average(n, 0.0);
  for (auto& row : last_layer) {
    if (good != words.end()) {
      row[std::size_t(good - words.begin())] *= 3;
      const double total = numpy_sum(row);
      for (double& v : row) v /= total;
    }
    for (std::size_t j = 0; j < n; ++j) average[j] += row[j];
  }
  for (double& v : average) v /= 4.0;
  return average;
}

}  // namespace lab::exercises
