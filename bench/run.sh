#!/usr/bin/env bash
# make bench: nutgraf's throughput and peak memory on a corpus of real news
# text, on one core and on all of them against compromise and wink-nlp
# (batch-bench.sh), the time of adversarial inputs against ordinary text of
# the same size, and article extraction from web pages against Readability
# (html-bench.sh). Figures are printed, never asserted: these machines are
# shared.
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
corpus="$scratch/corpus.jsonl"
python3 "$top/bench/make_corpus.py" "$corpus"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
echo "== library, one thread, corpus in memory (median of 5 runs)"
"$build/nutgraf-bench" --repeat 3 "$corpus"
echo
echo "== command line, one thread: nutgraf extract --jsonl -j1 (reading and writing JSON Lines)"
python3 - "$build/nutgraf" "$corpus" <<'PY'
import os, resource, subprocess, sys, time
binary, corpus = sys.argv[1], sys.argv[2]
size = os.path.getsize(corpus)
times = []
for _ in range(5):
    t = time.perf_counter()
    with open(corpus, "rb") as f:
        subprocess.run([binary, "extract", "--jsonl", "-j1", "--quiet"], stdin=f, stdout=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - t)
times.sort()
med = times[len(times) // 2]
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
n = sum(1 for _ in open(corpus))
print(f"  {size / med / (1 << 20):.1f} MB/s of JSON Lines, {n / med:.0f} articles/s, peak memory {rss:.1f} MB")
PY
echo
echo "== batch: one core and every core, against compromise and wink-nlp; memory as the input grows"
"$top/bench/batch-bench.sh" "$build" "$corpus"
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
