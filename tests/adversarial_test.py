#!/usr/bin/env python3
"""Adversarial inputs finish in time and memory linear in their size and give
a record: 100,000 unmatched quote marks, a single 5 MB paragraph (and a 5 MB
sentence, a 5 MB quote), 100,000 capitalized words in a row (the same name
and distinct ones), 100,000 pronouns, deep runs of commas and, when the
command reads web pages, 10,000 nested HTML elements. Each must take no more
than a fixed multiple of the time an ordinary article of the same size takes
(HTML cases: an ordinary page), and its peak memory above the start-up
footprint no more than a fixed multiple of the ordinary article's per MB.
usage: adversarial_test.py NUTGRAF"""
import json
import os
import random
import subprocess
import sys
import tempfile
import time

BIN = sys.argv[1]
SIZE = 1 << 20
TIME_FACTOR = 10  # times the per-MB time of ordinary input
MEM_FACTOR = 10   # times the per-MB memory of ordinary input


# Runs the command from a small process of its own, which times it and reads
# its peak memory: measured from this process, whose memory the child's
# count would start from (Linux keeps the high-water mark across exec), the
# figures would be this script's.
MEASURE = """import os, sys, time
t = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print("measured", time.perf_counter() - t, usage.ru_maxrss, file=sys.stderr)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run(data, args):
    """Seconds and peak resident MB of one run, and its record."""
    with tempfile.TemporaryDirectory() as tmp:
        path, out = os.path.join(tmp, "in"), os.path.join(tmp, "out")
        with open(path, "wb") as f:
            f.write(data)
        with open(out, "wb") as o:
            r = subprocess.run([sys.executable, "-c", MEASURE, BIN, "extract", "--max-bytes", "64M"] + args + [path],
                               stdout=o, stderr=subprocess.PIPE, timeout=300)
        err = r.stderr.decode("utf-8", "replace").splitlines()
        if r.returncode not in (0, 1) or not err or not err[-1].startswith("measured "):
            raise SystemExit(f"exit {r.returncode}: {r.stderr[-300:]!r}")
        _, el, rss = err[-1].split()
        rec = json.loads(open(out, "rb").read())
    return float(el), int(rss) / 1024, rec


def timed(data, args=()):
    best = None
    for _ in range(2):
        el, rss, rec = run(data, list(args))
        best = (el, rss) if best is None else (min(best[0], el), max(best[1], rss))
    return best[0], best[1], rec


rnd = random.Random(6)


def made_up_name():
    """A capitalized word no dictionary knows: 'Kovaru', 'Telisa'."""
    return "".join(rnd.choice("bcdfghklmnprstvz") + rnd.choice("aeiou") for _ in range(3)).capitalize()


ordinary = ('"We will keep going," Mayor Ann Cole said on Tuesday. The council, which met for three hours, '
            'approved the plan. Analysts said the move had been expected. ')
cases = {
    "unmatched quote marks": '" ' * (SIZE // 2),
    "curly quotes unmatched": "\u201c a " * (SIZE // 4),
    "nested quote marks": "\u201c\u2018" * (SIZE // 6),
    "one long paragraph": (ordinary * (5 * SIZE // len(ordinary)))[: 5 * SIZE],
    "one 5 MB sentence": "Analysts said that " + "the plan, which officials said would fail, " * (5 * SIZE // 43),
    "one 5 MB quote": '"' + "words of the quote " * (5 * SIZE // 19) + '," she said.',
    "capitalized words": "Smith " * (SIZE // 6),
    "capitalized words, commas": "Smith Jones, " * (SIZE // 13),
    "100,000 distinct names": " ".join(made_up_name() for _ in range(100000)),
    "distinct speakers": " ".join(f"{made_up_name()} {made_up_name()} said it would rain." for _ in range(SIZE // 40)),
    "pronouns": "she said he said. " * (SIZE // 18),
    "cues": "said " * (SIZE // 5),
    "commas": ", " * (SIZE // 2),
    "apostrophes": "dockworkers' " * (SIZE // 13),
}
html_cases = {
    "10,000 nested elements": "<html><body>" + "<div>" * 10000 + "<p>Deep text, she said.</p>" + "</div>" * 10000
                              + "</body></html>",
    "10,000 unclosed elements": "<html><body>" + "<div><span><b>" * 10000 + "<p>Text, she said.",
    "100,000 nested inline tags": "<p>" + "<b><i>" * 50000 + "She said it." + "</i></b>" * 50000,
    "100,000 paragraphs": "<html><body><article>" + "<p>Short line.</p>" * (SIZE // 19) + "</article></body></html>",
}
has_html = "--html" in subprocess.run([BIN, "--help"], capture_output=True, text=True).stdout

base_text = "\n\n".join([ordinary * 8] * (SIZE // (len(ordinary) * 8)))
start_rss = timed(b"Ann Cole said hi.")[1]  # the process's own footprint
base, base_rss, _ = timed(base_text.encode())
mb = len(base_text) / SIZE
per_mb, mem_per_mb = base / mb, max(base_rss - start_rss, 1) / mb
print(f"ordinary text: {mb:.1f} MB in {base:.3f}s, peak {base_rss:.0f} MB (start-up {start_rss:.0f} MB)")
failed = False


def judge(name, data, per_mb_time, args=()):
    global failed
    t, rss, rec = timed(data, args)
    mb = len(data) / SIZE
    ratio = (t / mb) / per_mb_time
    mem = (rss - start_rss) / mb / mem_per_mb
    # a floor for process start and for small inputs
    ok_time = t <= max(TIME_FACTOR * per_mb_time * mb, 0.5)
    ok_mem = rss - start_rss <= max(MEM_FACTOR * mem_per_mb * mb, 64)
    failed |= not (ok_time and ok_mem)
    status = "ok  " if ok_time and ok_mem else ("SLOW" if not ok_time else "MEM ")
    what = "error record" if "error" in rec else f"{len(rec['quotes'])} quotes, {len(rec['entities'])} entities"
    print(f"{status} {name}: {mb:.1f} MB in {t:.3f}s ({ratio:.1f}x ordinary per MB), "
          f"peak {rss:.0f} MB ({mem:.1f}x per MB); {what}")


for name, text in cases.items():
    judge(name, text.encode(), per_mb)
if has_html:
    page = ("<!DOCTYPE html><html><head><title>Council</title></head><body><nav>Home</nav><article>"
            + "".join(f"<p>{ordinary * 4}</p>" for _ in range(SIZE // (len(ordinary) * 4)))
            + "</article></body></html>").encode()
    t, _, _ = timed(page, ["--html"])
    html_per_mb = t / (len(page) / SIZE)
    print(f"ordinary page: {len(page) / SIZE:.1f} MB in {t:.3f}s")
    for name, text in html_cases.items():
        judge(name, text.encode(), html_per_mb, ["--html"])
else:
    print("(the command reads no HTML: nesting cases skipped)")
sys.exit(1 if failed else 0)
