#!/usr/bin/env python3
"""nutgraf's records (JSON Lines, one per page) -> predictions shaped like the
article-extraction-benchmark's ground truth: {id: {"articleBody": text}}.

The record's "text" is the article body followed by its captions, one
paragraph each (captions are in "captions" too); the benchmark marks bodies
without captions, so the trailing caption paragraphs are left out. A page
that gave an error record predicts an empty body.

usage: html_predictions.py RECORDS.jsonl PREDICTIONS.json
"""
import json
import sys


def body_of(record):
    text = record.get("text") or ""
    n = len(record.get("captions") or [])
    if n:
        parts = text.split("\n\n")
        text = "\n\n".join(parts[:max(0, len(parts) - n)])
    return text


def write_predictions(records_path, out_path):
    out = {}
    with open(records_path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            out[rec["id"]] = {"articleBody": body_of(rec) if "error" not in rec else ""}
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)


if __name__ == "__main__":
    write_predictions(sys.argv[1], sys.argv[2])
