// Arrays into JSON: vectors, Eigen matrices (arrays of rows) and xtensor tensors (nested arrays, innermost axis
// last), each element through number() (float_format.hpp), so NaN and infinity become null.
#pragma once

#include <cstddef>
#include <vector>

#include <Eigen/Core>
#include <xtensor/xtensor.hpp>

#include "core/float_format.hpp"
#include "core/json.hpp"

namespace lab {

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

}  // namespace lab
