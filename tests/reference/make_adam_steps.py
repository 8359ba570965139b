#!/usr/bin/python3
"""Writes adam_steps.json: five torch.optim.Adam steps (lr 1e-3, PyTorch's defaults) on the notebook's
MiniTransformer (notebook_models.py), starting from the weights in fixtures/mini_transformer_ce.json (written by
make_pytorch_fixtures.py) and training on that fixture's tokens. The lab's Adam must give the same losses and weights
(tests/core/test_optimizer.cpp).
Run with Debian's PyTorch 1.13: /usr/bin/python3 tests/reference/make_adam_steps.py"""
import json
import os

import torch
import torch.nn.functional as F

from notebook_models import MiniTransformer

HERE = os.path.dirname(os.path.abspath(__file__))

fixture = json.load(open(os.path.join(HERE, "fixtures", "mini_transformer_ce.json")))
model = MiniTransformer(10, d_model=32, n_heads=2, ff_dim=64, seq_len=4)
with torch.no_grad():
    for name, p in model.named_parameters():
        p.copy_(torch.tensor(fixture["params"][name]["data"]).view(p.shape))
tokens = torch.tensor(fixture["inputs"]["tokens"])

optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
losses = []
for step in range(5):
    loss = F.cross_entropy(model(tokens).view(-1, 10), tokens.view(-1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
with torch.no_grad():
    losses.append(F.cross_entropy(model(tokens).view(-1, 10), tokens.view(-1)).item())

out = {"torch_version": torch.__version__, "lr": 1e-3, "losses": losses,
       "params_after": {n: p.detach().flatten().tolist() for n, p in model.named_parameters()}}
json.dump(out, open(os.path.join(HERE, "adam_steps.json"), "w"), separators=(",", ":"))
print("losses", losses)
