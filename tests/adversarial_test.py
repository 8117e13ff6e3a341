#!/usr/bin/env python3
"""Adversarial inputs finish in time linear in their size and give a record:
100,000 unmatched quote marks, a 5 MB paragraph, 100,000 capitalized words
in a row, 100,000 pronouns, deep runs of commas. Each must take no more than
a fixed multiple of the time an ordinary article of the same size takes.
usage: adversarial_test.py NUTGRAF"""
import json
import subprocess
import sys
import time

BIN = sys.argv[1]


def timed(data):
    best = None
    for _ in range(2):
        t = time.perf_counter()
        r = subprocess.run([BIN, "extract", "--max-bytes", "64M"], input=data, capture_output=True, timeout=300)
        el = time.perf_counter() - t
        best = el if best is None else min(best, el)
    if r.returncode not in (0, 1):
        raise SystemExit(f"exit {r.returncode}: {r.stderr[:300]!r}")
    json.loads(r.stdout)
    return best


ordinary = ('"We will keep going," Mayor Ann Cole said on Tuesday. The council, which met for three hours, '
            'approved the plan. Analysts said the move had been expected. ')
SIZE = 1 << 20
cases = {
    "unmatched quote marks": '" ' * (SIZE // 2),
    "curly quotes unmatched": "\u201c a " * (SIZE // 4),
    "one long paragraph": (ordinary * (5 * SIZE // len(ordinary)))[: 5 * SIZE],
    "capitalized words": "Smith " * (SIZE // 6),
    "capitalized words, commas": "Smith Jones, " * (SIZE // 13),
    "pronouns": "she said he said. " * (SIZE // 18),
    "cues": "said " * (SIZE // 5),
    "commas": ", " * (SIZE // 2),
    "apostrophes": "dockworkers' " * (SIZE // 13),
}
base_text = "\n\n".join([ordinary * 8] * (SIZE // (len(ordinary) * 8)))
base = timed(base_text.encode())
per_mb = base / (len(base_text) / SIZE)
failed = False
print(f"ordinary text: {len(base_text) / SIZE:.1f} MB in {base:.3f}s")
for name, text in cases.items():
    data = text.encode()
    t = timed(data)
    mb = len(data) / SIZE
    ratio = (t / mb) / per_mb
    # 10x the per-MB time of ordinary prose, with a floor for process start.
    ok = t <= max(10 * per_mb * mb, 0.5)
    failed |= not ok
    print(f"{'ok  ' if ok else 'SLOW'} {name}: {mb:.1f} MB in {t:.3f}s ({ratio:.1f}x ordinary per MB)")
sys.exit(1 if failed else 0)
