#!/usr/bin/python3
"""The copy-task benchmark, in one run: exercise 01.5 at its defaults (500 Adam steps of 32 sequences) natively,
in the wasm module under Node (SIMD and scalar builds), and the notebook's PyTorch eager code on one thread.
Prints each runner's median of `repeats` runs, its ratio to PyTorch, accuracy and final loss, and how far the
wasm loss curves drift from the native one (largest relative difference over the 500 steps).
Needs build/native (bench_copy_task) and, for the wasm rows, build/wasm; skips what is missing.
Usage: /usr/bin/python3 bench/copy_task.py [repeats]   (default 3)"""
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
repeats = sys.argv[1] if len(sys.argv) > 1 else "3"


def run(name, command):
    try:
        out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])
    except (OSError, subprocess.CalledProcessError, ValueError, IndexError) as error:
        print(f"  {name}: skipped ({str(error).splitlines()[0][:100]})")
        return None


runs = {}
print(f"Copy task (01.5 defaults, 500 Adam steps), median of {repeats} runs each, one after the other:")
runs["native"] = run("native", [os.path.join(ROOT, "build", "native", "bench_copy_task"), repeats])
for variant in ("simd", "scalar"):
    if os.path.exists(os.path.join(ROOT, "build", "wasm", f"lab-{variant}.wasm")):
        runs[f"wasm-{variant}"] = run(f"wasm-{variant}", ["node", "bench/copy_task_wasm.mjs", variant, repeats])
runs["pytorch"] = run("pytorch", ["/usr/bin/python3", "bench/copy_task_pytorch.py", repeats])

reference = runs.get("pytorch")
reference_time = statistics.median(reference["seconds"]) if reference else None
print(f"{'runner':<14} {'median s':>9} {'runs (s)':<24} {'x PyTorch':>9} {'accuracy':>9} {'final loss':>11}")
for name, result in runs.items():
    if not result:
        continue
    median = statistics.median(result["seconds"])
    ratio = f"{median / reference_time:.3f}" if reference_time else "-"
    runs_text = ", ".join(f"{s:.3f}" for s in result["seconds"])
    print(f"{name:<14} {median:>9.3f} {runs_text:<24} {ratio:>9} {result['accuracy']:>9.2%} {result['final_loss']:>11.5f}")

native = runs.get("native")
for name in ("wasm-simd", "wasm-scalar"):
    wasm = runs.get(name)
    if native and wasm:
        drift = max(abs(a - b) / max(abs(a), abs(b), 1e-30) for a, b in zip(wasm["loss"], native["loss"]))
        first = next((i + 1 for i, (a, b) in enumerate(zip(wasm["loss"], native["loss"])) if a != b), None)
        print(f"{name} vs native loss curve: largest relative difference {drift:.3g} over {len(native['loss'])} "
              f"steps; first differing step: {first if first else 'none (bit-identical)'}")
print("Targets: native <= 0.1x and wasm <= 0.25x PyTorch's time (the notebook's own code, torch.set_num_threads(1)).")
