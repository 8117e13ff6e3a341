#!/usr/bin/env python3
"""Article extraction from web pages, side by side: nutgraf and Mozilla's
Readability on the same pages, scored the same way. Called by html-bench.sh,
which prepares the pages and installs Readability.

usage: html_bench.py NUTGRAF PAGES.jsonl GROUND_TRUTH.json EVALUATE.py SCRATCH [READABILITY_NODE_PATH]

Prints, for each tool: F1, precision and recall of the article body (our
scorer, article_score.py, and the benchmark's own evaluate.py on the same
predictions: the two must agree), and pages per second for the whole process
(nutgraf: one `nutgraf extract --jsonl` process for all pages; Readability:
one node process), and the ratio of the two.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import article_score  # noqa: E402
import html_predictions  # noqa: E402


def timed(cmd, runs, **kw):
    """The median wall time of `runs` runs of cmd (the whole process)."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, **kw)
        times.append(time.perf_counter() - t)
    times.sort()
    return times[len(times) // 2]


def run_nutgraf(binary, pages, scratch):
    records = os.path.join(scratch, "nutgraf.jsonl")
    with open(pages, "rb") as inp, open(records, "wb") as out:
        subprocess.run([binary, "extract", "--jsonl", "--html"], stdin=inp, stdout=out,
                       stderr=subprocess.DEVNULL)
    # Timed apart from the run above: the median of five runs of the whole
    # process (a page without an article makes the exit status 1), on one
    # thread (-j1), as Readability runs on one.
    secs = timed(["sh", "-c", f'"{binary}" extract --jsonl --html -j1 < "{pages}" > /dev/null 2>&1 || true'], 5)
    pred = os.path.join(scratch, "nutgraf.json")
    html_predictions.write_predictions(records, pred)
    return pred, secs


def run_readability(node_path, pages, scratch):
    pred = os.path.join(scratch, "readability.json")
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "readability-run.js")
    env = dict(os.environ, NODE_PATH=node_path)
    secs = timed(["node", script, pages, pred], 1, env=env)
    return pred, secs


def evaluate_py(evaluate, truth, preds, scratch):
    """The benchmark's own figures: {name: (f1, precision, recall)}."""
    where = os.path.join(scratch, "evaluate")
    shutil.rmtree(where, ignore_errors=True)
    os.makedirs(os.path.join(where, "output"))
    shutil.copy(evaluate, where)
    shutil.copy(truth, os.path.join(where, "ground-truth.json"))
    for name, path in preds.items():
        shutil.copy(path, os.path.join(where, "output", name + ".json"))
    out = subprocess.run([sys.executable, "evaluate.py", "--n-bootstrap", "20"], cwd=where, check=True,
                         capture_output=True, text=True).stdout
    figures = {}
    for line in out.splitlines():
        m = re.match(r"(\S+)\s+(\d\.\d+) ± \S+\s+(\d\.\d+) ± \S+\s+(\d\.\d+) ± ", line)
        if m:
            figures[m.group(1)] = tuple(float(x) for x in m.group(2, 3, 4))
    return figures


def main():
    binary, pages, truth_path, evaluate, scratch = sys.argv[1:6]
    node_path = sys.argv[6] if len(sys.argv) > 6 else None
    truth = json.load(open(truth_path, encoding="utf-8"))
    n = len(truth)
    rows = {}
    pred, secs = run_nutgraf(binary, pages, scratch)
    rows["nutgraf"] = (pred, secs)
    if node_path:
        pred, secs = run_readability(node_path, pages, scratch)
        rows["readability"] = (pred, secs)
    official = evaluate_py(evaluate, truth_path, {k: v[0] for k, v in rows.items()}, scratch)
    print(f"{n} pages: the article body's F1, precision and recall over 4-token shingles, as scored by")
    print("article_score.py and by the benchmark's own evaluate.py (they must agree), and pages per second")
    print(f"{'':<12} {'F1':>6} {'(eval)':>6} {'prec.':>6} {'(eval)':>6} {'recall':>6} {'(eval)':>6} {'pages/s':>8}")
    for name, (pred, secs) in rows.items():
        s = article_score.score(truth, json.load(open(pred, encoding="utf-8")))
        o = official.get(name, (float("nan"),) * 3)
        agree = all(abs(a - b) < 0.0005 for a, b in zip((s["f1"], s["precision"], s["recall"]), o))
        print(f"{name:<12} {s['f1']:6.3f} {o[0]:6.3f} {s['precision']:6.3f} {o[1]:6.3f} "
              f"{s['recall']:6.3f} {o[2]:6.3f} {n / secs:8.1f}" + ("" if agree else "  SCORERS DISAGREE"))
    if "readability" in rows:
        ratio = rows["readability"][1] / rows["nutgraf"][1]
        print(f"nutgraf pages/s over Readability's: {ratio:.1f}x")


if __name__ == "__main__":
    main()
