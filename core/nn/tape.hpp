// The autograd tape. A forward pass records each operation as a node, in creation order (already a topological
// order: every node comes after its inputs); backward() then walks the nodes once in reverse, and each node adds
// its share of the gradient to its inputs' gradients (+=). clear() forgets the nodes after each step.
// A node's gradient is zeroed when a rule first asks for it, unless that rule writes all of it (unwritten_grad).
// Parameters live outside the tape, in the model that owns them: the tape only points at them, so their
// gradients accumulate across backward passes until the optimizer's zero_grad() (which is what makes gradient
// accumulation, 02.3, work). The operations themselves, each with its backward rule, are in ops.hpp.
// Templated on the scalar: float for the lab, double for the finite-difference tests.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/nn/matrix.hpp"

namespace lab::nn {

template <typename Scalar>
struct ParameterOf {
  std::string name;        // PyTorch's named_parameters() name, e.g. "block1.attn.W_q.weight"
  MatrixOf<Scalar> value;  // PyTorch's shape: a Linear weight is (out, in); a bias or a norm's γ is (1, C)
  MatrixOf<Scalar> grad;   // same shape; backward() adds to it, zero_grad() clears it
  bool trainable = true;   // a frozen parameter (a LoRA base weight) gets no gradient

  ParameterOf() = default;
  ParameterOf(std::string name_, MatrixOf<Scalar> value_, bool trainable_ = true)
      : name(std::move(name_)),
        value(std::move(value_)),
        grad(MatrixOf<Scalar>::Zero(value.rows(), value.cols())),
        trainable(trainable_) {}
  void zero_grad() { grad.setZero(value.rows(), value.cols()); }
};

struct Var {  // a handle to one node of a tape
  int id = -1;
};

template <typename Scalar>
class TapeOf {
 public:
  using Mat = MatrixOf<Scalar>;
  using Parameter = ParameterOf<Scalar>;
  // A node's gradient rule: read grad(self), add to the inputs' gradients. Captures what the forward saved.
  using Backward = std::function<void(TapeOf&, Var self)>;

  // With `gradients` false (evaluation), parameters are recorded as constants and no rule is kept.
  explicit TapeOf(bool gradients = true) : gradients_(gradients) {}

  Var constant(Mat value);      // an input: no gradient flows into it
  Var parameter(Parameter& p);  // a leaf that reads p.value and, if trainable, accumulates into p.grad
  // For ops.cpp: a node computed from `inputs`; it needs a gradient iff one of them does (else `backward` is dropped).
  Var record(Mat value, std::initializer_list<Var> inputs, Backward backward);

  const Mat& value(Var v) const;
  Scalar item(Var v) const { return value(v)(0, 0); }  // the value of a (1, 1) node, e.g. a loss
  bool needs_grad(Var v) const { return nodes_[std::size_t(v.id)].needs_grad; }
  Mat& grad(Var v);  // during backward(): the gradient so far (zeros until a later node adds to it)
  // During backward(), for a rule about to add to every element of v's gradient: that gradient if nothing has
  // reached it yet in this pass, its contents unspecified, for the rule to write 0 + its share into (the same bits
  // as adding to zeros, without zeroing first); null if it has (or v is a parameter): then add to grad(v).
  Mat* unwritten_grad(Var v);
  // Whether unwritten_grad(v) would hand out v's gradient now (asking does not claim it).
  bool grad_unwritten(Var v) const {
    const Node& node = nodes_[std::size_t(v.id)];
    return !node.parameter && !node.grad_written;
  }

  void backward(Var loss);  // d loss/d loss = 1 (loss is (1, 1)), then one reverse loop over the nodes
  void clear();             // forgets the nodes; their matrices' storage is kept for the next step's nodes
  int size() const { return int(nodes_.size()); }

  // For ops.cpp: a (rows, cols) matrix for a new node, reusing the storage of a cleared node of the same size
  // when there is one (a training loop records the same shapes every step). Its contents are unspecified.
  Mat allocate(Eigen::Index rows, Eigen::Index cols);

 private:
  struct Node {
    Mat value;  // empty for parameters (read through `parameter`)
    Mat grad;
    Parameter* parameter = nullptr;
    bool needs_grad = false;
    bool grad_written = false;  // in backward(): grad holds zeros or contributions (else it is still unspecified)
    Backward backward;
  };
  std::vector<Node> nodes_;
  std::vector<Mat> spare_;  // storage of cleared nodes, ready for reuse
  bool gradients_;
};

using Tape = TapeOf<float>;
using Parameter = ParameterOf<float>;
using ParameterList = std::vector<Parameter*>;  // a model's parameters in named_parameters() order

}  // namespace lab::nn
