#!/usr/bin/env python3
"""Scores article body extraction the way the article-extraction-benchmark's
evaluate.py does, without its bootstrap: per page, both texts are split into
\\w+ tokens and compared as multisets of 4-token shingles; true positives,
false positives and false negatives are normalized per page (so that long
articles weigh no more than short ones); precision and recall are averaged
over pages and F1 is computed from the two means. "accuracy" is the share of
pages whose token sequence is exactly right.

usage: article_score.py GROUND_TRUTH.json PREDICTIONS.json [--worst N]
Prints one line of figures (and, with --worst, the N pages with the lowest F1).
"""
import json
import re
import sys
from collections import Counter

TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def shingles(text, n=4):
    tokens = TOKEN.findall(text or "")
    # As evaluate.py: a text shorter than n tokens is one short shingle; an
    # empty text has none.
    grams = [tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def page_counts(true, pred):
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def score(truth, pred):
    """{"f1", "precision", "recall", "accuracy", "pages": {id: (p, r, f1)}}"""
    if truth.keys() != pred.keys():
        raise ValueError("prediction keys do not match ground truth")
    counts, exact, pages = [], [], {}
    for key in truth:
        t = truth[key].get("articleBody", "")
        p = pred[key].get("articleBody", "")
        c = page_counts(t, p)
        counts.append(c)
        exact.append(float(TOKEN.findall(t or "") == TOKEN.findall(p or "")))
        pp, rr = precision(*c), recall(*c)
        pages[key] = (pp, rr, 2 * pp * rr / (pp + rr) if pp + rr else 0.0)
    ps = [precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [recall(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps)
    r = sum(rs) / len(rs)
    return {"f1": 2 * p * r / (p + r), "precision": p, "recall": r,
            "accuracy": sum(exact) / len(exact), "pages": pages}


def main():
    args = sys.argv[1:]
    worst = 0
    if "--worst" in args:
        k = args.index("--worst")
        worst = int(args[k + 1])
        del args[k:k + 2]
    truth = json.load(open(args[0], encoding="utf-8"))
    pred = json.load(open(args[1], encoding="utf-8"))
    s = score(truth, pred)
    print(f"F1 {s['f1']:.3f}  precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
          f"accuracy {s['accuracy']:.3f}")
    if worst:
        for key, (p, r, f) in sorted(s["pages"].items(), key=lambda kv: kv[1][2])[:worst]:
            print(f"  {f:.3f}  P {p:.3f}  R {r:.3f}  {key}")


if __name__ == "__main__":
    main()
