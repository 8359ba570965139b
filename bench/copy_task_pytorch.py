#!/usr/bin/python3
"""Times the notebook's own copy task (exercise 01.5: MiniTransformer, Adam lr 1e-3, 500 steps of 32 sequences,
then accuracy on 100 fresh ones) in PyTorch eager mode on one thread, without plotting. The classes are the
notebook's own, from tests/reference/notebook_models.py (the reference fixtures are made with the same ones).
Prints one JSON line: {"runner": "pytorch", "seconds": [...], "loss": [...], "accuracy": ..., "final_loss": ...}
Usage: /usr/bin/python3 bench/copy_task_pytorch.py [repeats]   (Debian's python3-torch)"""
import json
import os
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "reference"))
from notebook_models import MiniTransformer  # noqa: E402  (the notebook's classes, verbatim)


def copy_task():
    """The notebook's cell, minus the plot."""
    vocab_size = 10
    model = MiniTransformer(vocab_size)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    torch.manual_seed(0)
    losses = []
    for step in range(500):
        src = torch.randint(1, vocab_size, (32, 4))
        tgt = src.clone()
        logits = model(src)
        loss = F.cross_entropy(logits.view(-1, vocab_size), tgt.view(-1))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    model.eval()
    with torch.no_grad():
        src = torch.randint(1, vocab_size, (100, 4))
        preds = model(src).argmax(-1)
        acc = (preds == src).float().mean().item()
    return losses, acc


torch.set_num_threads(1)
repeats = max(1, int(sys.argv[1])) if len(sys.argv) > 1 else 3
seconds = []
for _ in range(repeats):
    start = time.perf_counter()
    losses, accuracy = copy_task()
    seconds.append(time.perf_counter() - start)
print(json.dumps({"runner": "pytorch", "torch": torch.__version__, "threads": torch.get_num_threads(),
                  "seconds": seconds, "loss": losses, "accuracy": accuracy, "final_loss": losses[-1]}))
