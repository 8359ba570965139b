// The lab's matrix types: float32, row-major, so a (T, C) matrix is T rows of C contiguous floats that map
// straight onto a Float32Array and match PyTorch's memory layout.
#pragma once

#include <Eigen/Core>

namespace lab::nn {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowVector = Eigen::Matrix<float, 1, Eigen::Dynamic>;
using MatrixRef = Eigen::Ref<Matrix>;
using ConstMatrixRef = const Eigen::Ref<const Matrix>&;

}  // namespace lab::nn
