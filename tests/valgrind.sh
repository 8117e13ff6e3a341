#!/usr/bin/env bash
# The test suite under valgrind memcheck: make valgrind.
#
#   tests/valgrind.sh BUILD_DIR
#
# Runs the unit test programs, then the command as the cli, properties and
# regress tests run it (every test article, JSON Lines, bad input, limits),
# each process under memcheck. Any invalid read or write, use of an
# uninitialized value, or definite or indirect leak fails the run; the
# reports are kept in BUILD_DIR/valgrind/.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: tests/valgrind.sh BUILD_DIR}" && pwd)
logs="$build/valgrind"
rm -rf "$logs"
mkdir -p "$logs"
vg=(valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect
    --track-origins=yes --log-file="$logs/%p.log")
failed=0

# Everything below runs side by side, one job per core; each job leaves
# NAME.out, and NAME.failed when it failed.
jobs_max=$(nproc 2>/dev/null || echo 2)
job() { # NAME COMMAND...
  local name=$1
  shift
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do sleep 0.2; done
  ( "$@" >"$logs/$name.out" 2>&1 || touch "$logs/$name.failed" ) &
}

# 1. The unit test programs.
for t in "$build"/tests/test_*; do
  [ -x "$t" ] && job "$(basename "$t")" "${vg[@]}" "$t"
done

# 2. The command, through a wrapper that runs it under memcheck, driven by the
# tests that run it on every article, on bad input and with the limits.
wrapper="$logs/nutgraf"
cat >"$wrapper" <<WRAP
#!/bin/sh
exec ${vg[*]} "$build/nutgraf" "\$@"
WRAP
chmod +x "$wrapper"
shared="$top/../shared/examples"
job properties_dev python3 "$top/tests/properties_test.py" "$wrapper" "$top/tests/articles"
job properties_more python3 "$top/tests/properties_test.py" "$wrapper" "$top/tests/holdout" "$top/examples" "$shared"
job cli_test python3 "$top/tests/cli_test.py" "$wrapper"
job regress_test python3 "$top/tests/regress_test.py" "$wrapper" "$top/tests/regress"
# Limits reached, pretty output, the reference articles when ../shared is there.
limits() {
  for f in "$top"/examples/*.txt "$shared"/*.txt; do
    [ -f "$f" ] || continue
    "$wrapper" extract --pretty --max-quote-bytes 40 --max-entities 3 --date 2024-06-15 "$f" >/dev/null
    [ $? -le 1 ] || return 1
  done
}
job limits limits
wait
for f in "$logs"/*.failed; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .failed)
  echo "valgrind: $name failed under memcheck:"
  tail -n 20 "$logs/$name.out"
  failed=1
done

# Every report: valgrind -q writes a log only when it has something to say.
reports=0
for l in "$logs"/*.log; do
  [ -s "$l" ] || continue
  reports=$((reports + 1))
  [ $reports -le 3 ] && { echo "valgrind: report $l:"; head -n 40 "$l"; }
done
if [ $reports -gt 0 ]; then
  echo "valgrind: $reports processes with errors (reports in $logs)"
  failed=1
fi
runs=$(ls "$logs"/*.log 2>/dev/null | wc -l)
[ $failed -eq 0 ] && echo "valgrind: clean ($runs processes under memcheck)"
exit $failed
