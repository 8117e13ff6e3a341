#!/usr/bin/env bash
# make bench: nutgraf's throughput and peak memory on a corpus of real news
# text, and the time of adversarial inputs against ordinary text of the
# same size. Figures are printed, never asserted: these machines are shared.
#
#   bench/run.sh [BUILD_DIR]
#
# Corpus: the 181 article bodies of ../shared/data/article-extraction-benchmark
# (real pages, many languages) when present, else the project's own articles.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
case "$build" in /*) ;; *) build="$top/$build" ;; esac
scratch="$top/bench/scratch"
mkdir -p "$scratch"
gt="$top/../shared/data/article-extraction-benchmark/ground-truth.json"
corpus="$scratch/corpus.jsonl"
if [ -f "$gt" ]; then
  python3 - "$gt" "$corpus" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
with open(sys.argv[2], "w") as f:
    for k, v in g.items():
        f.write(json.dumps({"id": k, "text": v["articleBody"]}) + "\n")
PY
  echo "corpus: $(wc -l < "$corpus") article bodies of the article-extraction-benchmark ($(du -h "$corpus" | cut -f1) as JSON Lines)"
else
  python3 - "$top/tests/articles" "$corpus" <<'PY'
import json, os, sys
d = sys.argv[1]
with open(sys.argv[2], "w") as f:
    for n in sorted(os.listdir(d)):
        if n.endswith(".txt"):
            f.write(json.dumps({"id": n, "text": open(os.path.join(d, n), encoding="utf-8").read()}) + "\n")
PY
  echo "corpus: the project's gold articles (../shared/data is absent)"
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
echo "== library, one thread, corpus in memory (median of 5 runs)"
"$build/nutgraf-bench" --repeat 3 "$corpus"
echo
echo "== command line, one thread: nutgraf extract --jsonl (reading and writing JSON Lines)"
python3 - "$build/nutgraf" "$corpus" <<'PY'
import os, resource, subprocess, sys, time
binary, corpus = sys.argv[1], sys.argv[2]
size = os.path.getsize(corpus)
times = []
for _ in range(5):
    t = time.perf_counter()
    with open(corpus, "rb") as f:
        subprocess.run([binary, "extract", "--jsonl"], stdin=f, stdout=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - t)
times.sort()
med = times[len(times) // 2]
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
n = sum(1 for _ in open(corpus))
print(f"  {size / med / (1 << 20):.1f} MB/s of JSON Lines, {n / med:.0f} articles/s, peak memory {rss:.1f} MB")
PY
echo
echo "== linear time: adversarial inputs against ordinary text of the same size"
python3 "$top/tests/adversarial_test.py" "$build/nutgraf" || true
echo
echo "== web pages: article extraction, nutgraf and Mozilla's Readability on the same pages"
if [ -d "$top/../shared/data/article-extraction-benchmark/html" ]; then
  "$top/bench/html-bench.sh" "$build"
else
  echo "  (../shared/data is absent: skipped)"
fi
