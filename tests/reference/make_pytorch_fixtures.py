#!/usr/bin/python3
"""Writes fixtures/{two_block_mse,causal_attention_mse,mini_transformer_ce}.json: the notebook's models
(notebook_models.py) with PyTorch's own initialisation, an input, the loss, and every parameter's value, gradient
and gradient norm, so the lab's models and autograd can be checked against PyTorch (tests/core/test_models.cpp,
test_optimizer.cpp; make_adam_steps.py starts from mini_transformer_ce.json):
  - two_block_mse:        01.3's TwoBlockTransformer(64, 4, 128) on x, target ~ randn(2, 10, 64), MSE (seed 1234);
  - causal_attention_mse: 01.4's CausalSelfAttention(16, 4) on x, target ~ randn(2, 6, 16), MSE (seed 99);
  - mini_transformer_ce:  01.5's MiniTransformer(10, 32, 2, 64, 4) on 8 copy-task sequences, cross-entropy (seed 7).
Tensors are flattened row-major (nn.Linear's weight is (out, in): y = x W^T + b). Every value is a float32, written
as the shortest decimal that reads back to the same float32.
Run with Debian's PyTorch 1.13: /usr/bin/python3 tests/reference/make_pytorch_fixtures.py"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

from notebook_models import CausalSelfAttention, MiniTransformer, TwoBlockTransformer

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")


def float32_values(tensor):
    """The tensor as nested lists; floats as the shortest text of their float32 value, integers as they are."""
    values = tensor.detach().tolist()
    if tensor.is_floating_point():
        as_float32 = lambda v: [as_float32(x) for x in v] if isinstance(v, list) else float(str(np.float32(v)))
        values = as_float32(values)
    return values


def dump(model, inputs, loss, name, note):
    model.zero_grad()
    loss.backward()
    named = list(model.named_parameters())
    out = {"note": note, "torch_version": torch.__version__,
           "inputs": {k: float32_values(v) for k, v in inputs.items()},
           "loss": float32_values(loss),
           "params": {n: {"shape": list(p.shape), "data": float32_values(p.flatten())} for n, p in named},
           "grads": {n: float32_values(p.grad.flatten()) for n, p in named},
           "grad_norms": {n: float32_values(p.grad.norm()) for n, p in named}}
    path = os.path.join(FIXTURES, name + ".json")
    json.dump(out, open(path, "w"), separators=(",", ":"))
    print(path, "loss", out["loss"], "params", sum(p.numel() for p in model.parameters()))


os.makedirs(FIXTURES, exist_ok=True)

torch.manual_seed(1234)
m = TwoBlockTransformer(d_model=64, n_heads=4, ff_dim=128)
x = torch.randn(2, 10, 64)
t = torch.randn(2, 10, 64)
dump(m, {"x": x, "target": t}, F.mse_loss(m(x), t), "two_block_mse",
     "Exercise 01.3 model: TwoBlockTransformer(d_model=64, n_heads=4, ff_dim=128), post-LN blocks, MSE loss. "
     "nn.Linear weight is (out, in): y = x W^T + b. Flattened row-major.")

torch.manual_seed(99)
m = CausalSelfAttention(d_model=16, n_heads=4)
x = torch.randn(2, 6, 16)
t = torch.randn(2, 6, 16)
out, _ = m(x)
dump(m, {"x": x, "target": t}, F.mse_loss(out, t), "causal_attention_mse",
     "Exercise 01.4 layer: CausalSelfAttention(d_model=16, n_heads=4), fused W_qkv split into Q,K,V by chunk(3) on "
     "the last dim, causal mask, MSE loss on the attention output.")

torch.manual_seed(7)
m = MiniTransformer(10, d_model=32, n_heads=2, ff_dim=64, seq_len=4)
tokens = torch.randint(1, 10, (8, 4))
logits = m(tokens)
dump(m, {"tokens": tokens}, F.cross_entropy(logits.view(-1, 10), tokens.view(-1)), "mini_transformer_ce",
     "Exercise 01.5 model: MiniTransformer(vocab 10, d_model=32, n_heads=2, ff_dim=64, seq_len=4), learned "
     "positional parameter pe, cross-entropy over all positions (copy task targets = inputs).")
