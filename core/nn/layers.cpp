#include "core/nn/layers.hpp"

#include <algorithm>
#include <cmath>

namespace lab::nn {

std::string join_name(const std::string& prefix, const std::string& leaf) {
  return prefix.empty() ? leaf : prefix + "." + leaf;
}

Matrix uniform_matrix(int rows, int cols, double bound, NumpyRandom& rng) {
  Matrix m(rows, cols);
  // rng.uniform(-bound, bound) for each number in turn, drawn a block at a time (a BERT-base block is 7M numbers)
  constexpr int block = 256;
  double samples[block];
  const double low = -bound, high = bound;
  for (Eigen::Index start = 0; start < m.size(); start += block) {
    const int count = int(std::min<Eigen::Index>(block, m.size() - start));
    rng.random_sample(samples, count);
    for (int i = 0; i < count; ++i) m.data()[start + i] = static_cast<float>(low + (high - low) * samples[i]);
  }
  return m;
}

Matrix normal_matrix(int rows, int cols, double std, NumpyRandom& rng) {
  Matrix m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = static_cast<float>(std * rng.randn());
  return m;
}

Linear::Linear(const std::string& name, int in_features, int out_features, NumpyRandom& rng, bool with_bias)
    : has_bias(with_bias) {
  const double bound = 1.0 / std::sqrt(double(in_features));  // kaiming_uniform(a=√5) reduces to this
  weight = Parameter(join_name(name, "weight"), uniform_matrix(out_features, in_features, bound, rng));
  if (has_bias) bias = Parameter(join_name(name, "bias"), uniform_matrix(1, out_features, bound, rng));
}

Var Linear::forward(Tape& tape, Var x) {
  return linear(tape, x, tape.parameter(weight), has_bias ? tape.parameter(bias) : Var{});
}

void Linear::collect(ParameterList& list) {
  list.push_back(&weight);
  if (has_bias) list.push_back(&bias);
}

Embedding::Embedding(const std::string& name, int vocab, int dim, NumpyRandom& rng)
    : weight(join_name(name, "weight"), normal_matrix(vocab, dim, 1.0, rng)) {}

Var Embedding::forward(Tape& tape, const std::vector<int>& tokens) {
  return embedding(tape, tape.parameter(weight), tokens);
}

void Embedding::collect(ParameterList& list) { list.push_back(&weight); }

LayerNorm::LayerNorm(const std::string& name, int dim)
    : weight(join_name(name, "weight"), Matrix::Ones(1, dim)), bias(join_name(name, "bias"), Matrix::Zero(1, dim)) {}

Var LayerNorm::forward(Tape& tape, Var x) { return layer_norm(tape, x, tape.parameter(weight), tape.parameter(bias)); }

void LayerNorm::collect(ParameterList& list) {
  list.push_back(&weight);
  list.push_back(&bias);
}

std::size_t count_parameters(const ParameterList& list, bool trainable_only) {
  std::size_t total = 0;
  for (const Parameter* p : list) {
    if (p->trainable || !trainable_only) total += std::size_t(p->value.size());
  }
  return total;
}

}  // namespace lab::nn
