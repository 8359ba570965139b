// Softmax and cross-entropy as one step, forward and backward (PyTorch's F.cross_entropy, mean reduction, optional
// class weights):
//   p = softmax(z) per row,  loss = Σᵢ wᵢ · (−log p[i, yᵢ]) / Σᵢ wᵢ,  wᵢ = class_weight[yᵢ] (1 without weights)
// Backward, for dloss:  dz[i, :] += dloss · wᵢ / Σw · (p[i, :] − onehot(yᵢ))
// −log p[i, y] is computed as log Σⱼ exp(zⱼ) − z_y, the log-sum taken stably by softmax_rows (attention.hpp).
// Shapes: logits, probabilities (N, V); targets N class indices in [0, V); class weights V numbers (or empty).
#pragma once

#include <vector>

#include "core/nn/matrix.hpp"

namespace lab::nn {

template <typename Scalar>
Scalar cross_entropy_forward(const MatrixOf<Scalar>& logits, const std::vector<int>& targets,
                             const std::vector<Scalar>& class_weights, MatrixOf<Scalar>& probabilities);

// With `d_logits_unwritten`, d_logits holds nothing yet (the tape's unwritten_grad): it gets 0 + its gradient
// written, the same bits as adding to zeros.
template <typename Scalar>
void cross_entropy_backward(const MatrixOf<Scalar>& probabilities, const std::vector<int>& targets,
                            const std::vector<Scalar>& class_weights, Scalar d_loss, MatrixOf<Scalar>& d_logits,
                            bool d_logits_unwritten = false);

}  // namespace lab::nn
