#!/usr/bin/env python3
"""Batch runs of the command: -j threads with output in input order, byte for
byte the same as one thread; many files, directories and standard input in
one call; gzip and zstd input; error records in their place; the progress and
summary lines; and memory that stays flat on a large input.
usage: batch_test.py NUTGRAF [--sanitized]
(--sanitized: a sanitizer build, slower and bigger: the large input is made
smaller and its memory is not held to the bound.)"""
import glob
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

BIN = os.path.abspath(sys.argv[1])
SANITIZED = "--sanitized" in sys.argv[2:]
TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
failures = 0


def check(cond, what):
    global failures
    if not cond:
        failures += 1
        print("FAIL:", what)


def run(args, stdin=b"", cwd=None):
    r = subprocess.run([BIN] + args, input=stdin, capture_output=True, timeout=300, cwd=cwd)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


def records(out):
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


def summary_lines(err):
    return [l for l in err.splitlines() if " records in, " in l]


# The gold articles of the project, as JSON Lines.
GOLD = []
for d in ("tests/articles", "tests/articles2", "tests/holdout", "examples"):
    for path in sorted(glob.glob(os.path.join(TOP, d, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            GOLD.append((os.path.basename(path), f.read()))
check(len(GOLD) >= 20, f"gold articles found: {len(GOLD)}")
GOLD_JSONL = "".join(json.dumps({"id": n, "text": t, "date": "2024-06-15"}) + "\n" for n, t in GOLD).encode()

# 1. One thread and four give the same bytes, in the same order.
rc1, out1, err1 = run(["extract", "--jsonl", "-j1"], GOLD_JSONL)
rc4, out4, err4 = run(["extract", "--jsonl", "-j4"], GOLD_JSONL)
check(rc1 == 0 and rc4 == 0, f"gold: exit {rc1}, {rc4}: {err4[-300:]}")
check(out1 == out4 and out1.count(b"\n") == len(GOLD), "gold: -j1 and -j4 differ")
check([r["id"] for r in records(out4)] == [n for n, _ in GOLD], "gold: -j4 order")
rc, outd, _ = run(["extract", "--jsonl"], GOLD_JSONL)  # default: every core
check(rc == 0 and outd == out1, "gold: default -j differs from -j1")
rc, outp1, _ = run(["extract", "--jsonl", "--pretty", "-j1"], GOLD_JSONL)
rc, outp3, _ = run(["extract", "--jsonl", "--pretty", "-j3"], GOLD_JSONL)
check(outp1 == outp3 and len(outp1) > len(out1), "--pretty: -j1 and -j3 differ")

# 2. Order kept with many small records and a few big ones (that finish
# long after the small ones behind them), several times the window of 64.
big_text = "\n\n".join(t for _, t in GOLD) * 4  # about 2.5 MB
lines, want_ids = [], []
for i in range(1500):
    if i in (3, 700, 1499):
        rec = {"id": f"big{i}", "text": big_text}
    elif i % 97 == 0:
        rec = {"id": f"bad{i}", "txt": "no text field"}
    else:
        rec = {"id": f"s{i}", "text": f"Mayor Ann Cole{i} said the road would reopen on Tuesday."}
    lines.append(json.dumps(rec))
    want_ids.append(rec["id"])
mixed = ("\n".join(lines) + "\n").encode()
rc1, o1, e1 = run(["extract", "--jsonl", "-j1", "--quiet"], mixed)
rc4, o4, e4 = run(["extract", "--jsonl", "-j4", "--quiet"], mixed)
check(rc1 == 1 and rc4 == 1, f"mixed: exit {rc1} {rc4}")
check(o1 == o4, "mixed: -j1 and -j4 outputs differ")
got = records(o4)
check([r["id"] for r in got] == want_ids, "mixed: ids out of order")
# The same through the smallest windows: one record in flight, two, and a
# byte budget smaller than any big record (it goes through alone).
for window in ("1:1000000000", "2:1000000000", "3:1000", "64:1000000"):
    r = subprocess.run([BIN, "extract", "--jsonl", "-j3", "--quiet"], input=mixed, capture_output=True, timeout=300,
                       env=dict(os.environ, NUTGRAF_WINDOW=window))
    check(r.returncode == 1 and r.stdout == o1, f"mixed, window {window}: output differs")
    check(r.stderr.decode() == e1, f"mixed, window {window}: messages differ")
check(all(("error" in r) == r["id"].startswith("bad") for r in got), "mixed: error records in place")
check(e1 == e4 and len(e4.splitlines()) == sum(i.startswith("bad") for i in want_ids),
      f"mixed: messages differ between -j1 and -j4:\n{e1[:300]}\n{e4[:300]}")
check(e4.splitlines()[0].startswith("nutgraf: standard input:1: id bad0: "), f"mixed: first message {e4[:200]}")

# 3. Error records in place, messages in order naming file:line, exit 1;
# line numbers start again in each file.
with tempfile.TemporaryDirectory() as tmp:
    a, b = os.path.join(tmp, "a.jsonl"), os.path.join(tmp, "b.jsonl")
    with open(a, "w") as f:
        f.write(json.dumps({"id": "a1", "text": "Ann Cole said hi."}) + "\n{oops\n" +
                json.dumps({"id": "a3", "text": "Bob Lee said no."}) + "\n")
    with open(b, "w") as f:
        f.write("\n" + json.dumps({"id": "b2", "text": "Police said the road was closed."}) + "\n")
    rc, out, err = run(["extract", "--jsonl", "-j3", a, b])
    recs = records(out)
    check(rc == 1 and [r.get("id") for r in recs] == ["a1", None, "a3", None, "b2"], f"files: {out[:300]}")
    check([("error" in r) for r in recs] == [False, True, False, True, False], "files: error records in place")
    msgs = [l for l in err.splitlines() if " records in, " not in l]
    check(len(msgs) == 2 and msgs[0].startswith(f"nutgraf: {a}:2: invalid JSON")
          and msgs[1].startswith(f"nutgraf: {b}:1: empty line"), f"files: messages {err}")
    s = summary_lines(err)
    check(len(s) == 1 and s[0].startswith("nutgraf: 5 records in, 5 out, 2 errors"), f"files: summary {err}")

# 4. Many files, a directory and standard input in one call: one record
# each, in the order given, a directory's files in sorted order, each file's
# format told by its look, its id its path (standard input: none); the same
# record as the file alone gives.
with tempfile.TemporaryDirectory() as tmp:
    def put(rel, data):
        path = os.path.join(tmp, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    texts = [t.encode() for _, t in GOLD[:6]]
    put("one.txt", texts[0])
    put("dir/b.txt", texts[1])
    put("dir/a.txt", texts[2])
    put("dir/sub/c.txt", texts[3])
    put("dir/A-upper.txt", texts[4])
    with open(os.path.join(TOP, "tests/html/harbor-news-page.html"), "rb") as f:
        page = f.read()
    put("dir/page.html", page)
    os.symlink(os.path.join(tmp, "dir"), os.path.join(tmp, "dir", "sub", "loop"))  # not followed
    os.mkfifo(os.path.join(tmp, "dir", "fifo"))  # not a regular file: skipped
    rc, out, err = run(["extract", "--date", "2024-06-15", "-j2", "one.txt", "dir", "-", "dir/b.txt"], texts[5], cwd=tmp)
    recs = records(out)
    want = ["one.txt", "dir/A-upper.txt", "dir/a.txt", "dir/b.txt", "dir/page.html", "dir/sub/c.txt", None, "dir/b.txt"]
    check(rc == 0 and [r["id"] for r in recs] == want, f"many inputs: {[r.get('id') for r in recs]} {err}")
    if len(recs) == len(want):
        check(recs[4]["url"] is not None and recs[1]["url"] is None, "many inputs: the page read as HTML")
        for i, rel in enumerate(want):
            rc1, o1, _ = run(["extract", "--date", "2024-06-15", rel or "-"], texts[5], cwd=tmp)
            check(rc1 == 0 and records(o1)[0] == recs[i], f"many inputs: {rel} alone differs")
    check(len(summary_lines(err)) == 1, f"many inputs: summary {err}")
    # A directory of JSON Lines files: every line of every file.
    put("feeds/2.jsonl", GOLD_JSONL[:GOLD_JSONL.index(b"\n") + 1])
    put("feeds/1.jsonl", GOLD_JSONL)
    rc, out, err = run(["extract", "--jsonl", "--quiet", "feeds"], cwd=tmp)
    check(rc == 0 and out == out1 + out1[:out1.index(b"\n") + 1] and err == "", f"jsonl directory: {err}")
    # --id and --url name one article.
    rc, out, err = run(["extract", "--id", "x", "one.txt", "dir/b.txt"], cwd=tmp)
    check(rc == 2 and out == b"" and "--id" in err, f"--id with two files: {err}")
    # An unreadable input is named, the run goes on, the exit status is 2.
    rc, out, err = run(["extract", "--quiet", "one.txt", "missing.txt", "dir/b.txt"], cwd=tmp)
    check(rc == 2 and [r["id"] for r in records(out)] == ["one.txt", "dir/b.txt"]
          and err == "nutgraf: missing.txt: No such file or directory\n", f"missing input: {rc} {err}")

# 5. Compressed input, told by its bytes: gzip (several members too) and
# zstd, JSON Lines and single articles; a truncated file is named and the run
# goes on.
with tempfile.TemporaryDirectory() as tmp:
    def put(name, data):
        path = os.path.join(tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        return path
    half = len(GOLD_JSONL) // 2
    half = GOLD_JSONL.index(b"\n", half) + 1
    gz = put("gold.jsonl.gz", gzip.compress(GOLD_JSONL[:half]) + gzip.compress(GOLD_JSONL[half:]))
    disguised = put("gold.jsonl", gzip.compress(GOLD_JSONL))  # gzip under a plain name
    plain_gz = put("plain.jsonl.gz", GOLD_JSONL)  # plain under a .gz name
    rc, out, err = run(["extract", "--jsonl", "--quiet", gz])
    check(rc == 0 and out == out1, f"gzip JSON Lines (two members): {err}")
    rc, out, err = run(["extract", "--jsonl", "--quiet", "-j1", disguised, plain_gz])
    check(rc == 0 and out == out1 + out1, f"gzip told by its bytes: {err}")
    rc, out, err = run(["extract", "--jsonl", "--quiet", "-"], gzip.compress(GOLD_JSONL))
    check(rc == 0 and out == out1, f"gzip on standard input: {err}")
    art = put("art.txt.gz", gzip.compress(GOLD[0][1].encode()))
    rc, out, err = run(["extract", "--date", "2024-06-15", art])
    rec = records(out)[0] if out else {}
    check(rc == 0 and rec.get("text", "").startswith(GOLD[0][1].split("\n")[0]) and rec["id"] == art,
          f"gzip article: {err}")
    trunc = put("trunc.jsonl.gz", gzip.compress(GOLD_JSONL)[:2000])
    rc, out, err = run(["extract", "--jsonl", "--quiet", trunc, gz])
    msgs = err.splitlines()
    check(rc == 2 and out.endswith(out1) and len(msgs) == 1 and msgs[0].startswith(f"nutgraf: {trunc}:")
          and "truncated" in msgs[0], f"truncated gzip: {rc} {err}")
    zstd = shutil.which("zstd")
    if zstd:
        zst = os.path.join(tmp, "gold.jsonl.zst")
        subprocess.run([zstd, "-q", "-f", "-o", zst], input=GOLD_JSONL, check=True)
        two = put("two.zst", open(zst, "rb").read() * 2)  # two frames
        rc, out, err = run(["extract", "--jsonl", "--quiet", "-j2", zst, two])
        check(rc == 0 and out == out1 * 3, f"zstd JSON Lines: {err}")
        zart = os.path.join(tmp, "art.zst")
        subprocess.run([zstd, "-q", "-f", "-o", zart], input=GOLD[0][1].encode(), check=True)
        rc, out, err = run(["extract", "--date", "2024-06-15", zart])
        check(rc == 0 and records(out)[0]["text"] == rec.get("text"), f"zstd article: {err}")
        ztrunc = put("trunc.zst", open(zst, "rb").read()[:1000])
        rc, out, err = run(["extract", "--jsonl", "--quiet", ztrunc])
        check(rc == 2 and err.startswith(f"nutgraf: {ztrunc}:") and "truncated" in err, f"truncated zstd: {err}")
    else:
        print("batch: no zstd command (Debian package zstd): the zstd checks are skipped")

# 6. Progress and summary lines: with --progress a progress line (records,
# MB/s, records/s, and how far along when the size is known) and the
# summary; without it (standard error is no terminal here) only the
# summary; with --quiet neither; a single article, neither.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "gold.jsonl")
    with open(path, "wb") as f:
        f.write(GOLD_JSONL)
    rc, out, err = run(["extract", "--jsonl", "--progress", path])
    prog = [p for p in re.split(r"[\r\n]", err) if p.startswith("nutgraf: ") and " records in" not in p]
    check(rc == 0 and prog and "MB/s" in prog[-1] and "100%" in prog[-1] and "ETA" in prog[-1],
          f"--progress: {err!r}")
    check(len(summary_lines(err)) == 1, f"--progress: summary {err!r}")
    rc, out, err = run(["extract", "--jsonl", "--progress"], GOLD_JSONL)
    check(rc == 0 and "\r" in err and "ETA" not in err, f"--progress, size unknown: {err!r}")
    rc, out, err = run(["extract", "--jsonl", path])
    check(rc == 0 and "\r" not in err and len(err.splitlines()) == 1 and summary_lines(err), f"summary: {err!r}")
    s = summary_lines(err)[0]
    check(re.match(r"nutgraf: \d+ records in, \d+ out, 0 errors, [\d.]+ s \([\d.]+ MB/s, \d+ records/s", s), s)
    rc, out, err = run(["extract", "--jsonl", "--quiet", path])
    check(rc == 0 and err == "", f"--quiet: {err!r}")
    rc, out, err = run(["extract", "--quiet", "--progress", path])
    check(err == "", f"--quiet wins over --progress: {err!r}")
    rc, out, err = run(["extract"], GOLD[0][1].encode())
    check(rc == 0 and err == "", f"one article: {err!r}")
    rc, out, err = run(["extract", "-j2"], GOLD[0][1].encode())
    check(rc == 0 and len(summary_lines(err)) == 1, f"-j given: {err!r}")

# 7. -j values.
for bad in (["-j", "x"], ["--jobs=-1"], ["-j", "100000"], ["-j"]):
    rc, out, err = run(["extract"] + bad, b"x")
    check(rc == 2 and out == b"" and err.startswith("nutgraf:"), f"bad {bad}: {err}")
for good in (["-j", "0"], ["--jobs", "3"], ["-j2"], ["--jobs=1"]):
    rc, out, err = run(["extract", "--jsonl"] + good, GOLD_JSONL)
    check(rc == 0 and out == out1, f"{good}: {err}")
rc, out, _ = run(["--help"])
check(all(o in out.decode() for o in ("--jobs", "--progress", "--quiet", "gzip", "zstd")), "--help documents batch runs")

# 8. Memory stays flat: about 200 MB of JSON Lines (the gold articles over
# and over) through two threads, peak resident memory under 300 MB.
MEASURE = """import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print("measured", usage.ru_maxrss, file=sys.stderr)
sys.exit(os.waitstatus_to_exitcode(status))
"""
target = (20 if SANITIZED else 200) << 20
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "big.jsonl")
    n = size = 0
    with open(path, "wb") as f:
        while size < target:
            for name, text in GOLD:
                line = (json.dumps({"id": f"{n}-{name}", "text": text}) + "\n").encode()
                f.write(line)
                size += len(line)
                n += 1
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", MEASURE, BIN, "extract", "--jsonl", "-j2", path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
    el = time.perf_counter() - t
    err = r.stderr.decode("utf-8", "replace").splitlines()
    rss = int(err[-1].split()[1]) / 1024 if err and err[-1].startswith("measured ") else -1
    s = summary_lines("\n".join(err))
    check(r.returncode == 0 and s and s[0].startswith(f"nutgraf: {n} records in, {n} out, 0 errors"),
          f"large input: exit {r.returncode}: {err[-3:]}")
    print(f"batch: {size / 1e6:.0f} MB of JSON Lines, {n} records, -j2: {el:.1f} s, peak memory {rss:.0f} MB")
    if not SANITIZED:
        check(0 < rss < 300, f"large input: peak memory {rss:.0f} MB, want under 300")

if failures:
    print(f"{failures} failures")
    sys.exit(1)
print("batch: all checks passed")
