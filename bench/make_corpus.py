#!/usr/bin/env python3
"""The benchmark corpus as JSON Lines {"id", "text"}: the 181 article bodies
of ../shared/data/article-extraction-benchmark/ground-truth.json when it is
there, else the project's own gold articles (tests/articles/*.txt). Prints
which it made.
usage: make_corpus.py OUT.jsonl"""
import json
import os
import sys

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = sys.argv[1]
gt = os.path.join(top, "..", "shared", "data", "article-extraction-benchmark", "ground-truth.json")
with open(out, "w", encoding="utf-8") as f:
    if os.path.exists(gt):
        with open(gt, encoding="utf-8") as g:
            truth = json.load(g)
        for k, v in truth.items():
            f.write(json.dumps({"id": k, "text": v["articleBody"]}) + "\n")
        what = f"{len(truth)} article bodies of the article-extraction-benchmark"
    else:
        d = os.path.join(top, "tests", "articles")
        names = sorted(n for n in os.listdir(d) if n.endswith(".txt"))
        for n in names:
            with open(os.path.join(d, n), encoding="utf-8") as a:
                f.write(json.dumps({"id": n, "text": a.read()}) + "\n")
        what = f"the project's {len(names)} gold articles (../shared/data is absent)"
print(f"corpus: {what} ({os.path.getsize(out) / 1e6:.2f} MB as JSON Lines)")
