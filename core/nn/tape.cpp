#include "core/nn/tape.hpp"

#include <cassert>

namespace lab::nn {

template <typename Scalar>
Var TapeOf<Scalar>::constant(Mat value) {
  Node node;
  node.value = std::move(value);
  nodes_.push_back(std::move(node));
  return Var{size() - 1};
}

template <typename Scalar>
Var TapeOf<Scalar>::parameter(Parameter& p) {
  Node node;
  node.parameter = &p;
  node.needs_grad = gradients_ && p.trainable;
  if (node.needs_grad && (p.grad.rows() != p.value.rows() || p.grad.cols() != p.value.cols())) p.zero_grad();
  nodes_.push_back(std::move(node));
  return Var{size() - 1};
}

template <typename Scalar>
Var TapeOf<Scalar>::record(Mat value, std::initializer_list<Var> inputs, Backward backward) {
  Node node;
  node.value = std::move(value);
  for (Var input : inputs) node.needs_grad = node.needs_grad || needs_grad(input);
  if (node.needs_grad) node.backward = std::move(backward);
  nodes_.push_back(std::move(node));
  return Var{size() - 1};
}

template <typename Scalar>
const typename TapeOf<Scalar>::Mat& TapeOf<Scalar>::value(Var v) const {
  const Node& node = nodes_[std::size_t(v.id)];
  return node.parameter ? node.parameter->value : node.value;
}

template <typename Scalar>
typename TapeOf<Scalar>::Mat& TapeOf<Scalar>::grad(Var v) {
  Node& node = nodes_[std::size_t(v.id)];
  if (node.parameter) return node.parameter->grad;
  if (!node.grad_written) {
    node.grad.setZero();
    node.grad_written = true;
  }
  return node.grad;
}

template <typename Scalar>
typename TapeOf<Scalar>::Mat* TapeOf<Scalar>::unwritten_grad(Var v) {
  if (!grad_unwritten(v)) return nullptr;
  Node& node = nodes_[std::size_t(v.id)];
  node.grad_written = true;
  return &node.grad;
}

template <typename Scalar>
void TapeOf<Scalar>::backward(Var loss) {
  assert(value(loss).size() == 1);
  // Intermediate gradients get storage, zeroed when a rule first asks for it (grad) or written whole by the first
  // rule that reaches it (unwritten_grad); parameters keep theirs.
  for (int i = 0; i <= loss.id; ++i) {
    Node& node = nodes_[std::size_t(i)];
    if (node.needs_grad && !node.parameter) {
      node.grad = allocate(node.value.rows(), node.value.cols());
      node.grad_written = false;
    }
  }
  if (!needs_grad(loss)) return;
  grad(loss)(0, 0) += Scalar(1);
  for (int i = loss.id; i >= 0; --i) {
    Node& node = nodes_[std::size_t(i)];
    if (node.backward) node.backward(*this, Var{i});
  }
}

template <typename Scalar>
void TapeOf<Scalar>::clear() {
  spare_.clear();  // what this step did not reuse, the next one will not either: the pool holds one step at most
  for (Node& node : nodes_) {
    for (Mat* m : {&node.value, &node.grad}) {
      if (m->size() > 0) spare_.push_back(std::move(*m));
    }
  }
  nodes_.clear();
}

template <typename Scalar>
typename TapeOf<Scalar>::Mat TapeOf<Scalar>::allocate(Eigen::Index rows, Eigen::Index cols) {
  for (std::size_t i = spare_.size(); i-- > 0;) {
    if (spare_[i].size() == rows * cols) {
      Mat m = std::move(spare_[i]);
      spare_[i] = std::move(spare_.back());
      spare_.pop_back();
      m.resize(rows, cols);  // same number of elements: no reallocation
      return m;
    }
  }
  return Mat(rows, cols);
}

template class TapeOf<float>;
template class TapeOf<double>;

}  // namespace lab::nn
