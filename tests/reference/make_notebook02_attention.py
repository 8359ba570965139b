#!/usr/bin/python3
"""Writes notebook02_attention.json: the notebook's exercise 02.4 illustration, computed by its own code
(np.random.seed(42), Dirichlet draws for 3 layers x 4 heads, the weight on "good" tripled in the last layer, then
the mean over that layer's heads). The lab must reproduce it (tests/core/test_notebook02.cpp).
Run with Debian's python3-numpy (1.24): /usr/bin/python3 tests/reference/make_notebook02_attention.py"""
import json
import os

import numpy as np

np.random.seed(42)
tokens = ['[CLS]', 'The', 'movie', 'was', 'not', 'good', 'at', 'all', '[SEP]']
n_tokens = len(tokens)
n_layers, n_heads = 3, 4
attn_weights = np.random.dirichlet(np.ones(n_tokens), size=(n_layers, n_heads))
for h in range(n_heads):
    attn_weights[-1, h, tokens.index('good')] *= 3
    attn_weights[-1, h] /= attn_weights[-1, h].sum()
avg_attn = attn_weights[-1].mean(axis=0)

out = {"numpy_version": np.__version__, "tokens": tokens, "avg_attn": avg_attn.tolist()}
json.dump(out, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "notebook02_attention.json"), "w"),
          indent=1)
print(avg_attn)
