#!/usr/bin/env bash
# make bench, web pages: article extraction by nutgraf and by Mozilla's
# Readability (the engine of Firefox Reader View) on the 181 pages of
# ../shared/data/article-extraction-benchmark, in the same run, scored the
# same way (precision, recall and F1 over 4-token shingles, as the
# benchmark's evaluate.py defines them, whose figures are printed beside
# ours), with pages per second of each.
#
#   bench/html-bench.sh [BUILD_DIR]
#
# Everything it makes goes to bench/scratch/html (ignored by git):
# the pages unzipped, as JSON Lines, and Readability with jsdom from the npm
# registry, pinned. Readability is a peer to measure against, never a
# dependency of nutgraf. Without ../shared/data it says so and stops.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
case "$build" in /*) ;; *) build="$top/$build" ;; esac
data="$top/../shared/data/article-extraction-benchmark"
if [ ! -d "$data/html" ]; then
  echo "web pages: $data is absent, skipped"
  exit 0
fi
scratch="$top/bench/scratch/html"
mkdir -p "$scratch/pages"

# The pages, as a crawler stored them, and as JSON Lines {"id", "html", "url"}.
for gz in "$data"/html/*.html.gz; do
  page="$scratch/pages/$(basename "$gz" .gz)"
  [ -s "$page" ] || gunzip -c "$gz" > "$page"
done
python3 - "$scratch/pages" "$data/ground-truth.json" "$scratch/pages.jsonl" <<'PY'
import json, os, sys
pages, truth, out = sys.argv[1:4]
urls = {k: v.get("url") for k, v in json.load(open(truth, encoding="utf-8")).items()}
with open(out, "w", encoding="utf-8") as f:
    for name in sorted(os.listdir(pages)):
        key = name[:-len(".html")]
        with open(os.path.join(pages, name), "rb") as p:
            html = p.read().decode("utf-8", errors="replace")
        f.write(json.dumps({"id": key, "html": html, "url": urls.get(key)}) + "\n")
PY

# Readability 0.6.0 with jsdom, as the benchmark runs it.
peers="$scratch/readability"
node_path=""
if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
  mkdir -p "$peers"
  [ -f "$peers/package.json" ] || echo '{"name":"nutgraf-bench-peers","private":true}' > "$peers/package.json"
  if [ ! -d "$peers/node_modules/@mozilla/readability" ] || [ ! -d "$peers/node_modules/jsdom" ]; then
    (cd "$peers" && npm install --no-audit --no-fund --loglevel=error --save-exact \
      @mozilla/readability@0.6.0 jsdom@27.4.0 >/dev/null) || echo "web pages: could not install Readability; nutgraf alone"
  fi
  [ -d "$peers/node_modules/jsdom" ] && node_path="$peers/node_modules"
else
  echo "web pages: node and npm are absent; nutgraf alone"
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
python3 "$top/bench/html_bench.py" "$build/nutgraf" "$scratch/pages.jsonl" "$data/ground-truth.json" \
  "$data/evaluate.py" "$scratch" $node_path
