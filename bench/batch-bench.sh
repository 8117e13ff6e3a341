#!/usr/bin/env bash
# make bench, batch throughput: nutgraf on one core and on every core, and
# the JavaScript libraries people use for the same kind of work, on the same
# articles in the same run (bench/batch_bench.py says how each is timed):
#   compromise (people and quotations), wink-nlp with wink-eng-lite-web-model
#   (tokens, sentences, entities); and nutgraf's peak memory on 1, 10 and 100
#   times the corpus.
#
#   bench/batch-bench.sh [BUILD_DIR] [CORPUS.jsonl]
#
# The corpus is made by bench/make_corpus.py when not given. The peers come
# from the npm registry, pinned, into bench/scratch/batch-peers (ignored by
# git): they are measured against, never a dependency of nutgraf.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
case "$build" in /*) ;; *) build="$top/$build" ;; esac
scratch="$top/bench/scratch"
mkdir -p "$scratch"
corpus=${2:-}
if [ -z "$corpus" ]; then
  corpus="$scratch/corpus.jsonl"
  python3 "$top/bench/make_corpus.py" "$corpus"
fi

peers="$scratch/batch-peers"
node_path=""
if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
  mkdir -p "$peers"
  [ -f "$peers/package.json" ] || echo '{"name":"nutgraf-bench-batch-peers","private":true}' > "$peers/package.json"
  if [ ! -d "$peers/node_modules/compromise" ] || [ ! -d "$peers/node_modules/wink-eng-lite-web-model" ]; then
    (cd "$peers" && npm install --no-audit --no-fund --loglevel=error --save-exact \
      compromise@14.17.0 wink-nlp@2.4.0 wink-eng-lite-web-model@1.8.1 >/dev/null) ||
      echo "batch: could not install the peers; nutgraf alone"
  fi
  [ -d "$peers/node_modules/compromise" ] && node_path="$peers/node_modules"
else
  echo "batch: node and npm are absent; nutgraf alone"
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "command: bench/batch-bench.sh $(basename "$build") (nutgraf extract --jsonl -jN)"
python3 "$top/bench/batch_bench.py" "$build/nutgraf" "$corpus" "$scratch" $node_path
