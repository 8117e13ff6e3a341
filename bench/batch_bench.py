#!/usr/bin/env python3
"""make bench, batch throughput: nutgraf on one core and on every core
against compromise and wink-nlp on the same articles, in one run, and
nutgraf's peak memory as the input grows.

usage: batch_bench.py NUTGRAF CORPUS.jsonl SCRATCH_DIR [NODE_PATH]

- nutgraf: `nutgraf extract --jsonl -jN` as a user runs it, the whole
  process timed (reading, parsing the JSON Lines, extracting, writing the
  records), on the corpus repeated 10 times so that a run lasts long enough
  to time; median of 7 runs of each, the runs of -j1 and -j(cores)
  interleaved; also from gzip and zstd files of the same records.
- compromise and wink-nlp (bench/peers-run.js): one node process each over
  the corpus once; only their extraction loop is timed (not node's start,
  nor loading the library and its model), which favours them.
- MB/s are megabytes (2^20 bytes) of article text (UTF-8) per second, the
  same measure for every tool; articles/s likewise.
- Peak memory: the maximum resident set size of the process (wait4).
Figures are printed, never asserted: the machines are shared."""
import gzip
import json
import os
import shutil
import subprocess
import sys
import time

binary, corpus, scratch = sys.argv[1:4]
node_path = sys.argv[4] if len(sys.argv) > 4 else ""
cores = os.cpu_count() or 1
MB = float(1 << 20)

with open(corpus, "rb") as f:
    data = f.read()
texts = [json.loads(l)["text"] for l in data.decode("utf-8").splitlines() if l.strip()]
n_articles = len(texts)
text_bytes = sum(len(t.encode("utf-8")) for t in texts)


def repeated(k):
    path = os.path.join(scratch, f"corpus-x{k}.jsonl")
    if not os.path.exists(path) or os.path.getsize(path) != len(data) * k:
        with open(path, "wb") as f:
            for _ in range(k):
                f.write(data)
    return path


def measure(cmd, env=None):
    """Wall seconds, peak resident MB and standard output of one process."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE if env else subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, env=env)
    out = p.stdout.read() if env else b""
    _, status, usage = os.wait4(p.pid, 0)
    el = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode not in (0, 1):
        raise SystemExit(f"{cmd[:3]}: exit {p.returncode}")
    return el, usage.ru_maxrss / 1024, out


def nutgraf(configs, runs):
    """Median seconds and peak MB of each (jobs, path), the runs of all of
    them interleaved, so that the other load of a shared machine falls on
    each alike."""
    times = [[] for _ in configs]
    rss = [0.0 for _ in configs]
    for _ in range(runs):
        for i, (jobs, path) in enumerate(configs):
            el, r, _ = measure([binary, "extract", "--jsonl", "--quiet", f"-j{jobs}", path])
            times[i].append(el)
            rss[i] = max(rss[i], r)
    return [(sorted(t)[len(t) // 2], m) for t, m in zip(times, rss)]


x10 = repeated(10)
gz = os.path.join(scratch, "corpus-x10.jsonl.gz")
if not os.path.exists(gz) or os.path.getmtime(gz) < os.path.getmtime(x10):
    with open(x10, "rb") as src, gzip.open(gz, "wb", compresslevel=6) as dst:
        shutil.copyfileobj(src, dst)

configs = [(1, x10, "nutgraf -j1 (one core)"), (cores, x10, f"nutgraf -j{cores} (all cores)"),
           (cores, gz, f"nutgraf -j{cores}, .jsonl.gz input")]
zst = os.path.join(scratch, "corpus-x10.jsonl.zst")
if shutil.which("zstd"):
    if not os.path.exists(zst) or os.path.getmtime(zst) < os.path.getmtime(x10):
        subprocess.run(["zstd", "-q", "-f", "-o", zst, x10], check=True)
    configs.append((cores, zst, f"nutgraf -j{cores}, .jsonl.zst input"))
rows = []  # (tool, articles/s, MB/s, peak MB)
for (jobs, path, label), (t, m) in zip(configs, nutgraf([(j, p) for j, p, _ in configs], 7)):
    rows.append((label, 10 * n_articles / t, 10 * text_bytes / MB / t, m))

peers = {}
if node_path:
    env = dict(os.environ, NODE_PATH=node_path)
    here = os.path.dirname(os.path.abspath(__file__))
    for tool, label in (("compromise", "compromise (people + quotations)"),
                        ("wink", "wink-nlp (tokens, sentences, entities)")):
        el, rss, out = measure(["node", os.path.join(here, "peers-run.js"), tool, corpus], env)
        res = json.loads(out.decode().strip().splitlines()[-1])
        aps = res["articles"] / res["seconds"]
        peers[tool] = aps
        rows.append((label, aps, res["bytes"] / MB / res["seconds"], rss))

print(f"corpus: {n_articles} articles, {text_bytes / MB:.2f} MB of text; nutgraf runs on it 10 times over "
      f"({os.path.getsize(x10) / MB:.1f} MB of JSON Lines), the peers once")
print(f"{'':44s} {'articles/s':>11s} {'MB/s':>8s} {'peak MB':>8s}")
for name, aps, mbs, rss in rows:
    print(f"{name:44s} {aps:11.0f} {mbs:8.2f} {rss:8.1f}")
print()
one, alln = rows[0][1], rows[1][1]
print(f"nutgraf on {cores} cores over one core: {alln / one:.2f}x  (goal: 1.8x on 2 cores)")
print(f"nutgraf on one core: {rows[0][2]:.1f} MB/s of text  (goal: 30 MB/s per core)")
for tool, aps in peers.items():
    print(f"nutgraf over {tool}: {one / aps:.1f}x on one core, {alln / aps:.1f}x on all cores"
          + ("  (goal: 100x on one core)" if tool == "compromise" else ""))
if not peers:
    print("(node or npm is absent: no peers)")

print()
print(f"nutgraf -j{cores} peak memory as the input grows:")
for k in (1, 10, 100):
    path = repeated(k)
    el, rss, _ = measure([binary, "extract", "--jsonl", "--quiet", f"-j{cores}", path])
    print(f"  {k:3d}x  {os.path.getsize(path) / MB:7.1f} MB of JSON Lines  {k * n_articles:6d} articles  "
          f"{el:6.2f} s  peak {rss:6.1f} MB")
