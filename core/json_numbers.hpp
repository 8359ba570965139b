// Numbers into JSON, the same way in every shell. A float32 becomes the shortest decimal that reads back as the
// same float (0.1f prints as 0.1, not 0.10000000149011612); NaN and infinity become null, as JSON has no such
// values. Matrices become arrays of rows. Text formatting for the log (printf-style) is here too, so the native
// CLI and the wasm module print the same digits.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>
#include "core/json.hpp"
#include <xtensor/xtensor.hpp>

namespace lab {

json number(float value);   // shortest round-trip decimal, or null when not finite
json number(double value);  // as is, or null when not finite

json to_json(const std::vector<float>& values);
json to_json(const std::vector<double>& values);

template <typename Derived>
json matrix_to_json(const Eigen::MatrixBase<Derived>& m) {  // (rows, cols) -> [[...], ...]
  json rows = json::array();
  for (Eigen::Index r = 0; r < m.rows(); ++r) {
    json row = json::array();
    for (Eigen::Index c = 0; c < m.cols(); ++c) row.push_back(number(m(r, c)));
    rows.push_back(std::move(row));
  }
  return rows;
}

// An N-d tensor (H, T, T), ... -> nested arrays, innermost axis last.
template <typename T, std::size_t N>
json tensor_to_json(const xt::xtensor<T, N>& tensor) {
  const auto& shape = tensor.shape();
  std::size_t flat = 0;
  auto nest = [&](auto&& self, std::size_t axis) -> json {
    json level = json::array();
    for (std::size_t i = 0; i < shape[axis]; ++i) {
      level.push_back(axis + 1 == N ? number(tensor.data()[flat++]) : self(self, axis + 1));
    }
    return level;
  };
  return nest(nest, 0);
}

// Python's repr() of a float, as the notebook prints it: 32.0, 21.0516300201416, 1e-05.
std::string python_float(double value);

// printf into a std::string: format("%.4f", x).
std::string format(const char* pattern, ...) __attribute__((format(printf, 1, 2)));

}  // namespace lab
