// The lab's matrix types: row-major, so a (T, C) matrix is T rows of C contiguous numbers that map straight onto
// a Float32Array and match PyTorch's memory layout. The lab computes in float32 (`Matrix`); the float64 versions
// (`MatrixOf<double>`) exist so the tests can check gradients by finite differences in double precision.
#pragma once

#include <Eigen/Core>

namespace lab::nn {

template <typename Scalar>
using MatrixOf = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <typename Scalar>
using RefOf = Eigen::Ref<MatrixOf<Scalar>>;  // a matrix or a block of one (rows contiguous, any row stride)
template <typename Scalar>
using ConstRefOf = Eigen::Ref<const MatrixOf<Scalar>>;

using Matrix = MatrixOf<float>;
using RowVector = Eigen::Matrix<float, 1, Eigen::Dynamic>;
using MatrixRef = RefOf<float>;
using ConstMatrixRef = const ConstRefOf<float>&;

}  // namespace lab::nn
