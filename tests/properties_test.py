#!/usr/bin/env python3
"""Properties every record must have, over every article we hold:
valid JSON (read by Python's parser), offsets in range with text[start:end]
equal to the text given, speakers that point at existing entities, dates in
ISO shape, one output line per JSON Lines input line.
usage: properties_test.py NUTGRAF DIR..."""
import json
import os
import re
import subprocess
import sys

BIN = sys.argv[1]
problems = []
ISO = re.compile(r"^(\d{4}|XXXX)(-\d{2}(-\d{2})?)?$")


def check_record(rec, where):
    text = rec["text"]
    n = len(text)

    def span(s, e, want, what):
        if not (0 <= s <= e <= n):
            problems.append(f"{where}: {what} span {s}..{e} out of 0..{n}")
        elif want is not None and text[s:e] != want:
            problems.append(f"{where}: {what} text {want!r} != text[{s}:{e}] {text[s:e]!r}")

    ids = set()
    for e in rec["entities"]:
        ids.add(e["id"])
        if e["type"] not in ("PERSON", "ORG", "LOC", "MISC") or not e["name"]:
            problems.append(f"{where}: bad entity {e}")
        if not e["mentions"]:
            problems.append(f"{where}: entity without mentions {e['name']}")
        for m in e["mentions"]:
            span(m["start"], m["end"], m["text"], "mention")
    for q in rec["quotes"]:
        span(q["start"], q["end"], q["text"], "quote")
        if q["kind"] not in ("direct", "indirect"):
            problems.append(f"{where}: bad kind {q['kind']}")
        sp = q["speaker"]
        if sp is not None:
            if not sp["name"]:
                problems.append(f"{where}: speaker without name")
            if sp["entity"] is not None and sp["entity"] not in ids:
                problems.append(f"{where}: speaker entity {sp['entity']} does not exist")
            if sp["mention"] is not None:
                span(sp["mention"]["start"], sp["mention"]["end"], sp["mention"]["text"], "speaker mention")
    for d in rec["dates"]:
        span(d["start"], d["end"], d["text"], "date")
        if d["value"] is not None and not ISO.match(d["value"]):
            problems.append(f"{where}: date value {d['value']!r} is not ISO 8601")
    for c in rec["captions"]:
        if not c["text"]:
            problems.append(f"{where}: empty caption")


files = []
for d in sys.argv[2:]:
    if os.path.isdir(d):
        files += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".txt")]
if not files:
    print("no articles found")
    sys.exit(1)
lines = []
for path in files:
    r = subprocess.run([BIN, "extract", "--date", "2024-06-15", path], capture_output=True, timeout=60)
    out = r.stdout.decode("utf-8")
    if r.returncode != 0 or len(out.splitlines()) != 1:
        problems.append(f"{path}: exit {r.returncode}, {len(out.splitlines())} lines")
        continue
    check_record(json.loads(out), path)
    lines.append(json.dumps({"id": os.path.basename(path), "text": open(path, encoding="utf-8").read()}))

# The same articles as JSON Lines: one line each, in order, same records.
r = subprocess.run([BIN, "extract", "--jsonl", "--date", "2024-06-15"], input="\n".join(lines).encode(),
                   capture_output=True, timeout=120)
out = r.stdout.decode("utf-8").splitlines()
if len(out) != len(lines):
    problems.append(f"jsonl: {len(lines)} lines in, {len(out)} out")
for i, l in enumerate(out):
    rec = json.loads(l)
    if rec["id"] != json.loads(lines[i])["id"]:
        problems.append(f"jsonl: line {i + 1} out of order")
    check_record(rec, f"jsonl line {i + 1}")

for p in problems[:50]:
    print(p)
print(f"properties: {len(files)} articles, {len(problems)} problems")
sys.exit(1 if problems else 0)
