#!/usr/bin/python3
"""Writes numpy_random.json: what NumPy's legacy np.random draws for fixed seeds.
The lab's NumpyRandom must reproduce every value bit for bit (tests/core/test_numpy_random.cpp).
Run with Debian's python3-numpy (1.24): /usr/bin/python3 tests/reference/make_numpy_random.py"""
import json
import os

import numpy as np

out = {"numpy_version": np.__version__}

np.random.seed(0)
out["seed0_uint32"] = [int(v) for v in np.random.randint(0, 2**32, size=5, dtype=np.uint64)]
np.random.seed(42)
out["seed42_random_sample"] = [float(v) for v in np.random.random_sample(6)]
np.random.seed(1)
out["seed1_randn"] = [float(np.random.randn()) for _ in range(7)]
np.random.seed(0)
out["seed0_randn_3x4"] = np.random.randn(3, 4).tolist()
np.random.seed(7)
out["seed7_randint_0_100"] = [int(np.random.randint(0, 100)) for _ in range(10)]
np.random.seed(7)
out["seed7_randint_5_6"] = [int(np.random.randint(5, 6)) for _ in range(3)] + [float(np.random.random_sample())]
np.random.seed(3)
out["seed3_randint_big"] = [int(np.random.randint(0, 10**12)) for _ in range(4)]
np.random.seed(7)
p = np.array([0.1, 0.2, 0.3, 0.4])
out["seed7_choice_p"] = [int(np.random.choice(4, p=p)) for _ in range(12)]
np.random.seed(42)
out["seed42_dirichlet_ones_9"] = np.random.dirichlet(np.ones(9), size=2).tolist()
np.random.seed(5)
out["seed5_gamma"] = [float(np.random.standard_gamma(s)) for s in (0.5, 1.0, 2.5, 7.0)]
rng = np.random.RandomState(11)
sums = []
for n in (3, 7, 8, 9, 15, 16, 17, 100, 129, 300, 1000):
    v = rng.random_sample(n) * 10.0 ** rng.randint(-5, 5, size=n)
    sums.append({"values": v.tolist(), "sum": float(np.sum(v))})
out["pairwise_sums"] = sums

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "numpy_random.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
