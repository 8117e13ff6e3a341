#!/usr/bin/env bash
# Runs every libFuzzer target of a build for a while: make fuzz.
#
#   fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
#
# Seeds are made at run time from the project's articles (tests/articles,
# examples, tests/html), the regression inputs (tests/regress) and the
# hand-written edge cases of fuzz/seeds; what a run discovers is kept in
# BUILD_DIR/fuzz/corpus for the next run. Targets run side by side, one per
# core. A finding (crash,
# sanitizer report, leak, timeout, property violation) fails its target: the
# input is saved as BUILD_DIR/fuzz/findings/TARGET-crash-* and the log's tail
# printed; add the input under tests/regress/ once fixed.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
build=$(cd "$build" && pwd)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for t in fuzz_extract fuzz_jsonl fuzz_jsonl_fast fuzz_html; do
    [ -x "$build/fuzz/$t" ] && targets+=("$t")
  done
fi
work="$build/fuzz"
mkdir -p "$work/findings"

# Seeds, made afresh each run.
seeds="$work/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/text" "$seeds/jsonl" "$seeds/html"
cp "$top"/tests/articles/*.txt "$top"/examples/*.txt "$top"/fuzz/seeds/text/* "$seeds/text/"
for f in "$top"/tests/regress/*; do
  case "$f" in
    *.jsonl) cp "$f" "$seeds/jsonl/" ;;
    *.html) cp "$f" "$seeds/html/" ;;
    *.txt) cp "$f" "$seeds/text/" ;;
  esac
done
cp "$top"/fuzz/seeds/jsonl/* "$seeds/jsonl/"
cp "$top"/fuzz/seeds/html/* "$seeds/html/"
[ -d "$top/tests/html" ] && cp "$top"/tests/html/*.html "$seeds/html/" 2>/dev/null
# The articles as JSON Lines (one file per article, one of several) and as
# simple web pages.
python3 - "$seeds" "$top"/tests/articles/*.txt "$top"/examples/*.txt <<'PY'
import html, json, os, sys
out, lines = sys.argv[1], []
for i, path in enumerate(sys.argv[2:]):
    text = open(path, encoding="utf-8", errors="replace").read()
    line = json.dumps({"id": os.path.basename(path), "text": text, "date": "2024-06-15"})
    lines.append(line)
    open(os.path.join(out, "jsonl", f"article-{i}.jsonl"), "w").write(line + "\n")
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s</title></head><body><nav>Home | News</nav>"
            "<article><h1>%s</h1>%s</article><footer>Footer</footer></body></html>" % (
                html.escape(paras[0]), html.escape(paras[0]),
                "".join("<p>%s</p>" % html.escape(p) for p in paras[1:])))
    open(os.path.join(out, "html", f"article-{i}.html"), "w").write(page)
    if i % 2 == 0:
        page = json.dumps({"id": os.path.basename(path), "html": page, "url": "https://example.com/a"})
        open(os.path.join(out, "jsonl", f"page-{i}.jsonl"), "w").write(page + "\n")
open(os.path.join(out, "jsonl", "all-articles.jsonl"), "w").write("\n".join(lines[:8]) + "\n")
PY

seed_dir() {
  case "$1" in
    fuzz_extract) echo "$seeds/text" ;;
    fuzz_jsonl | fuzz_jsonl_fast) echo "$seeds/jsonl" ;;
    fuzz_html) echo "$seeds/html" ;;
  esac
}

run_target() {
  local t=$1
  mkdir -p "$work/corpus/$t"
  # -timeout: one input may take 10 s (sanitizers slow everything ~3x);
  # -max_len: long enough for whole articles.
  local dict=()
  [ "$t" = fuzz_html ] && dict=(-dict="$top/fuzz/html.dict")
  "$build/fuzz/$t" "$work/corpus/$t" "$(seed_dir "$t")" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$work/findings/$t-" -print_final_stats=1 >"$work/$t.log" 2>&1
}

jobs_max=$(nproc 2>/dev/null || echo 2)
declare -A pids
failed=0
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do sleep 1; done
  echo "fuzz: $t for ${seconds}s"
  run_target "$t" &
  pids[$t]=$!
done
for t in "${targets[@]}"; do
  if wait "${pids[$t]}"; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$t.log" | grep -o '[0-9]*$')
    cov=$(grep -o 'cov: [0-9]*' "$work/$t.log" | tail -1)
    echo "fuzz: $t ok: ${runs:-?} runs, $cov, corpus $(ls "$work/corpus/$t" | wc -l) files"
  else
    failed=1
    echo "fuzz: $t FOUND A PROBLEM (log: $work/$t.log)"
    tail -n 40 "$work/$t.log"
  fi
done
exit $failed
