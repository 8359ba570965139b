#include "core/nn/lora.hpp"

#include "core/nn/matmul.hpp"

namespace lab::nn {

LoRALinear::LoRALinear(const std::string& name, int in_features, int out_features, int rank, double alpha,
                       NumpyRandom& rng)
    : base(join_name(name, "base"), in_features, out_features, rng, /*bias=*/false),
      lora_A(join_name(name, "lora_A"), normal_matrix(rank, in_features, 0.01, rng)),
      lora_B(join_name(name, "lora_B"), Matrix::Zero(out_features, rank)),
      scale(float(alpha / rank)) {
  base.weight.trainable = false;
}

Var LoRALinear::forward(Tape& tape, Var x) { return forward(tape, x, base.forward(tape, x)); }  // x W₀ᵀ (N, out)

Var LoRALinear::forward(Tape& tape, Var x, Var frozen) {
  const Var down = linear(tape, x, tape.parameter(lora_A), Var{});   // x Aᵀ       (N, r)
  const Var up = linear(tape, down, tape.parameter(lora_B), Var{});  // (x Aᵀ) Bᵀ  (N, out)
  return add(tape, frozen, nn::scale(tape, up, scale));
}

Matrix LoRALinear::merged_weight() const {
  Matrix update(lora_B.value.rows(), lora_A.value.cols());  // B A  (out, in)
  matmul(lora_B.value, lora_A.value, update);
  return base.weight.value + scale * update;
}

void LoRALinear::collect(ParameterList& list) {
  list.push_back(&lora_A);
  list.push_back(&lora_B);
  base.collect(list);
}

}  // namespace lab::nn
