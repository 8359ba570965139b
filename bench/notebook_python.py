#!/usr/bin/python3
"""Times the course's own Python, exercise by exercise: the notebooks' "# Exercise N:" sections of
notebook_solutions.txt (the same input the site build shows beside each exercise), run in order in one interpreter
on one thread, the way the notebook runs them. Each notebook's imports run first and are not timed; a figure the
code shows is saved to a PNG in a temporary folder (rendering it is part of the exercise's time).
Two repairs make the text run on Debian's Python 3.11: prose lines (the notebook titles, ending in ¶) are left out,
and an f-string that nests its own quotes (valid from Python 3.12 only) gets double outer quotes.
Prints one JSON line per exercise: {"id": "01.5", "seconds": 3.35}; with `repeats` > 1, the best of that many runs.
Usage: /usr/bin/python3 bench/notebook_python.py notebook_solutions.txt [repeats]
       (Debian's python3-torch, python3-sklearn and python3-matplotlib)"""
import json
import os
import re
import sys
import tempfile
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import torch  # noqa: E402

NOTEBOOK_TITLE = re.compile(r"^(\d\d) — .*¶$", re.M)
EXERCISE = re.compile(r"^# Exercise (\d+):", re.M)
NESTED_QUOTES = re.compile(r"f'(.*\{'.*)'")  # f'{'Model':<15} ...' : outer quotes to the last one on the line


def runnable(code):
    """The code as this Python runs it: prose lines dropped, nested f-string quotes repaired before 3.12."""
    lines = [line for line in code.split("\n") if not line.endswith("¶")]
    if sys.version_info < (3, 12):
        lines = [NESTED_QUOTES.sub(lambda m: 'f"' + m.group(1) + '"', line) if '"' not in line else line
                 for line in lines]
    return "\n".join(lines)


def notebooks(text):
    """[(notebook number, imports, [(exercise number, code)])] in the text's order."""
    titles = list(NOTEBOOK_TITLE.finditer(text))
    result = []
    for i, title in enumerate(titles):
        body = text[title.end(): titles[i + 1].start() if i + 1 < len(titles) else len(text)]
        starts = list(EXERCISE.finditer(body))
        imports = body[: starts[0].start()] if starts else body
        exercises = [(int(s.group(1)), body[s.start(): starts[j + 1].start() if j + 1 < len(starts) else len(body)])
                     for j, s in enumerate(starts)]
        result.append((title.group(1), imports, exercises))
    return result


def run_all(text, figures):
    """One pass over every exercise in a fresh namespace; returns {id: seconds}."""
    shown = [0]

    def show(*args, **kwargs):
        shown[0] += 1
        plt.savefig(os.path.join(figures, f"figure{shown[0]:02d}.png"))
        plt.close("all")

    plt.show = show
    namespace = {"__name__": "__notebook__"}
    seconds = {}
    stdout = sys.stdout
    for notebook, imports, exercises in notebooks(text):
        sys.stdout = open(os.devnull, "w")  # the notebook's prints are not part of this program's output
        try:
            exec(compile(runnable(imports), f"{notebook} imports", "exec"), namespace)
            for number, code in exercises:
                compiled = compile(runnable(code), f"{notebook}.{number}", "exec")
                start = time.perf_counter()
                exec(compiled, namespace)
                seconds[f"{notebook}.{number}"] = time.perf_counter() - start
        finally:
            sys.stdout.close()
            sys.stdout = stdout
    return seconds


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    torch.set_num_threads(1)
    with open(path, encoding="utf-8") as file:
        text = file.read()
    best = {}
    with tempfile.TemporaryDirectory() as figures:
        for _ in range(repeats):
            for exercise, seconds in run_all(text, figures).items():
                best[exercise] = min(best.get(exercise, seconds), seconds)
    for exercise, seconds in best.items():
        print(json.dumps({"id": exercise, "seconds": seconds}))


if __name__ == "__main__":
    main()
