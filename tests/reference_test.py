#!/usr/bin/env python3
"""The reference article of ../shared/examples: every quote of its gold file
found and attributed to Chrissy Teigen with its cue, and "Legend" and "John"
one entity. Skipped (exit 77) when ../shared is absent.
usage: reference_test.py NUTGRAF SHARED_EXAMPLES_DIR"""
import json
import os
import re
import subprocess
import sys
from collections import Counter

BIN, EXAMPLES = sys.argv[1], sys.argv[2]
gold_path = os.path.join(EXAMPLES, "teigen-medium-post.gold.json")
if not os.path.exists(gold_path):
    print(f"skipped: {gold_path} not found")
    sys.exit(77)
gold = json.load(open(gold_path))
r = subprocess.run([BIN, "extract", "--date", gold["date"], os.path.join(EXAMPLES, gold["file"])],
                   capture_output=True, text=True, timeout=60)
out = json.loads(r.stdout)


def words(s):
    return re.findall(r"[\w']+", s.lower().replace("\u2019", "'"))


problems = []
for g in gold["quotes"]:
    gw = Counter(words(g["text"]))
    hits = [q for q in out["quotes"] if sum((Counter(words(q["text"])) & gw).values()) >= 0.6 * sum(gw.values())]
    if not hits:
        problems.append(f"not found: {g['text'][:60]!r}")
        continue
    q = hits[0]
    name = (q["speaker"] or {}).get("name")
    if name != g["speaker"]:
        problems.append(f"speaker {name!r} for {g['text'][:40]!r}, want {g['speaker']!r}")
    if q["cue"] != g["cue"]:
        problems.append(f"cue {q['cue']!r} for {g['text'][:40]!r}, want {g['cue']!r}")
    if q["kind"] != g["kind"]:
        problems.append(f"kind {q['kind']!r} for {g['text'][:40]!r}")
legend = [e for e in out["entities"] if any(m["text"] == "Legend" for m in e["mentions"])]
if len(legend) != 1 or not any(m["text"] == "John" for m in legend[0]["mentions"]) or legend[0]["type"] != "PERSON":
    problems.append(f"Legend and John are not one person: {legend}")
if out["title"] != gold["title"]:
    problems.append(f"title {out['title']!r}")
if [(c["text"], c["credit"]) for c in out["captions"]] != [(c["text"], c["credit"]) for c in gold["captions"]]:
    problems.append(f"captions {out['captions']}")
gd = {(d["text"], d["value"]) for d in gold["dates"]}
od = {(d["text"], d["value"]) for d in out["dates"]}
if not gd <= od:
    problems.append(f"dates missing: {gd - od}")
for p in problems:
    print(p)
print(f"reference: {len(gold['quotes'])} gold quotes, {len(problems)} problems")
sys.exit(1 if problems else 0)
