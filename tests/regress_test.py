#!/usr/bin/env python3
"""Regression inputs: every input a fuzzer (or a user) found to crash, hang or
break a record, run through the command as a user would. Each file of the
directory is one case: NAME.txt is read as one article, NAME.jsonl as JSON
Lines (NAME.html as a web page); NAME.args, when present, holds extra
command-line options (one line). Every case must give, without a crash,
exactly one valid JSON record per article (per input line for JSON Lines),
each with its offsets pointing at its text and its speakers existing, and
standard error must hold one line per message.
usage: regress_test.py NUTGRAF DIR"""
import json
import os
import subprocess
import sys

BIN, DIR = sys.argv[1], sys.argv[2]
problems = []


def check_record(rec, where):
    if not isinstance(rec, dict) or "id" not in rec:
        problems.append(f"{where}: not a record: {rec!r:.200}")
        return
    if "error" in rec:
        if set(rec) != {"id", "error"} or not rec["error"] or "\n" in rec["error"]:
            problems.append(f"{where}: bad error record {rec!r:.200}")
        return
    text = rec["text"]

    def span(o, what):
        s, e = o["start"], o["end"]
        if not (0 <= s < e <= len(text)) or text[s:e] != o["text"]:
            problems.append(f"{where}: {what} {o!r:.200} does not point at its text")

    ids = {e["id"] for e in rec["entities"]}
    for e in rec["entities"]:
        for m in e["mentions"]:
            span(m, "mention")
    for q in rec["quotes"]:
        span(q, "quote")
        sp = q["speaker"]
        if sp is not None:
            if sp["entity"] is not None and sp["entity"] not in ids:
                problems.append(f"{where}: speaker entity {sp['entity']} does not exist")
            if sp["mention"] is not None:
                span(sp["mention"], "speaker mention")
    for d in rec["dates"]:
        span(d, "date")


def input_lines(data):
    """The lines the command reads: split at LF, no empty piece after the last."""
    parts = data.split(b"\n")
    if parts and parts[-1] == b"":
        parts.pop()
    return len(parts)


cases = sorted(f for f in os.listdir(DIR) if f.endswith((".txt", ".jsonl", ".html")))
for name in cases:
    path = os.path.join(DIR, name)
    args = ["extract"]
    extra = os.path.splitext(path)[0] + ".args"
    if os.path.exists(extra):
        args += open(extra, "rb").read().split()  # bytes: an option may hold any bytes
    if name.endswith(".jsonl"):
        args.append("--jsonl")
    elif name.endswith(".html") and "--html" in subprocess.run([BIN, "--help"], capture_output=True, text=True).stdout:
        args.append("--html")
    data = open(path, "rb").read()
    try:
        r = subprocess.run([BIN] + args + [path], capture_output=True, timeout=30)
    except subprocess.TimeoutExpired:
        problems.append(f"{name}: timed out")
        continue
    if r.returncode not in (0, 1):
        problems.append(f"{name}: exit {r.returncode}: {r.stderr[-500:]!r}")
        continue
    try:
        out = r.stdout.decode("utf-8", errors="strict").splitlines()
    except UnicodeDecodeError as e:
        problems.append(f"{name}: output is not UTF-8 ({e})")
        continue
    want = input_lines(data) if name.endswith(".jsonl") else 1
    if len(out) != want:
        problems.append(f"{name}: {len(out)} records for {want} inputs")
    for i, line in enumerate(out):
        try:
            check_record(json.loads(line), f"{name}:{i + 1}")
        except (ValueError, KeyError, TypeError) as e:
            problems.append(f"{name}:{i + 1}: invalid record ({e}): {line[:200]!r}")
    for line in r.stderr.decode("utf-8", errors="replace").splitlines():
        if not line.startswith("nutgraf: "):
            problems.append(f"{name}: stderr line is not one message: {line[:200]!r}")

for p in problems[:50]:
    print(p)
print(f"regress: {len(cases)} inputs, {len(problems)} problems")
sys.exit(1 if problems or not cases else 0)
