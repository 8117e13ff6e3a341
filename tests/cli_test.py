#!/usr/bin/env python3
"""The nutgraf command as a user runs it: options, exit codes, JSON Lines,
bad input. usage: cli_test.py NUTGRAF"""
import json
import os
import subprocess
import sys
import tempfile

BIN = sys.argv[1]
failures = 0


def run(args, stdin=b""):
    r = subprocess.run([BIN] + args, input=stdin, capture_output=True, timeout=60)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")


def check(cond, what):
    global failures
    if not cond:
        failures += 1
        print("FAIL:", what)


ARTICLE = ("Council approves budget\n\n"
           "The city council approved the budget on Tuesday, Mayor Ann Cole said.\n\n"
           "\"This is a good day for the city,\" Cole said.\n").encode()

# --help and --version: exit 0, say what they should
rc, out, _ = run(["--help"])
check(rc == 0 and "nutgraf extract" in out and "--jsonl" in out and "exit status" in out, "--help")
rc, out, _ = run(["extract", "--help"])
check(rc == 0 and "--date" in out, "extract --help")
rc, out, _ = run(["--version"])
check(rc == 0 and out.startswith("nutgraf "), "--version")

# usage errors exit 2 with a message on stderr
for args in (["frobnicate"], ["extract", "--bogus"], ["extract", "--date"], ["extract", "--date", "2020-13-01"],
             ["extract", "--max-bytes", "lots"], ["extract", "/nonexistent/file.txt"], []):
    rc, out, err = run(args)
    check(rc == 2 and err.startswith("nutgraf:") and out == "", f"usage error {args}: rc={rc}")

# one article from stdin and from a file: one JSON line, exit 0
rc, out, _ = run(["extract", "--date", "2024-05-01", "--id", "a1"], ARTICLE)
lines = out.splitlines()
check(rc == 0 and len(lines) == 1, "one record, one line")
rec = json.loads(lines[0])
check(rec["id"] == "a1" and rec["date"] == "2024-05-01" and rec["title"] == "Council approves budget", "record header")
q = [x for x in rec["quotes"] if x["kind"] == "direct"]
check(len(q) == 1 and q[0]["speaker"]["name"] == "Ann Cole" and q[0]["cue"] == "said", f"direct quote {q}")
check(any(d["text"] == "Tuesday" and d["value"] == "2024-04-30" for d in rec["dates"]), f"dates {rec['dates']}")

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "a.txt")
    with open(path, "wb") as f:
        f.write(ARTICLE.replace(b"\n", b"\r\n"))
    rc, out, _ = run(["extract", "--date", "2024-05-01", path])
    rec2 = json.loads(out)
    check(rc == 0 and "\r" not in rec2["text"] and rec2["quotes"] == rec["quotes"], "CRLF file gives the same record")
    rc, out, _ = run(["extract", "--pretty", path])
    check(rc == 0 and len(out.splitlines()) > 5 and json.loads(out)["date"] is None, "--pretty, no date")

# bad input: an error record, exit 1, never a crash
for data, why in ((b"", "empty"), (b"   \n\n  ", "empty"), (b"abc\x00def", "NUL"), (b"x" * 2000, "limit")):
    args = ["extract", "--max-bytes", "1K"]
    rc, out, err = run(args, data)
    rec = json.loads(out)
    check(rc == 1 and "error" in rec and rec["id"] is None and err.startswith("nutgraf:"), f"bad input {why}: {out} {err}")

# invalid UTF-8 is repaired, not fatal
rc, out, _ = run(["extract"], b"Caf\xe9 owner Jo Smith said the caf\xc3 was closing.\n")
rec = json.loads(out)
check(rc == 0 and "\ufffd" in rec["text"], "invalid UTF-8 repaired")

# JSON Lines: one output line per input line, in order, errors in place
jsonl = "\n".join([
    json.dumps({"id": "one", "text": ARTICLE.decode(), "date": "2024-05-01"}),
    "{not json",
    json.dumps({"id": 7, "text": "Police said the road was closed."}),
    json.dumps({"id": "no-text"}),
    "",
    json.dumps({"id": "bad-date", "text": "x", "date": "May 1"}),
    json.dumps(["a", "list"]),
    json.dumps({"id": "last", "text": "\"We won,\" said coach Ray Park.", "date": "2024-05-01"}),
]) + "\n"
rc, out, err = run(["extract", "--jsonl", "--date", "2023-01-01"], jsonl.encode())
recs = [json.loads(l) for l in out.splitlines()]
check(rc == 1 and len(recs) == 8, f"jsonl: {len(recs)} records, rc {rc}")
check([r.get("id") for r in recs] == ["one", None, "7", "no-text", None, "bad-date", None, "last"], f"ids {[r.get('id') for r in recs]}")
check([("error" in r) for r in recs] == [False, True, False, True, True, True, True, False], "error records in place")
check(recs[2]["date"] == "2023-01-01" and recs[0]["date"] == "2024-05-01", "record date wins over --date")
check(recs[7]["quotes"][0]["speaker"]["name"] == "Ray Park", "last record extracted")
check("line 2" in err or ":2:" in err, f"errors name their line: {err}")

# Limits: --max-quote-bytes leaves out longer quotes, --max-entities stops
# linking names; the record is still written, says which limits it reached,
# and a one-line warning names the input.
LONG = ("\"" + "This is a rather long quotation. " * 4 + "\" Ann Cole said. "
        "Bob Smith met Carl Jones and Dan Brown in Paris.\n").encode()
rc, out, err = run(["extract", "--id", "lim"], LONG)
rec = json.loads(out)
check(rc == 0 and len(rec["quotes"]) == 1 and "limits_reached" not in rec and err == "", f"no limit reached: {err}")
rc, out, err = run(["extract", "--id", "lim", "--max-quote-bytes", "64", "--max-entities=2"], LONG)
rec = json.loads(out)
check(rc == 0 and rec["quotes"] == [] and len(rec["entities"]) == 2, f"limits applied: {out[:300]}")
check(rec.get("limits_reached") == ["max_quote_bytes", "max_entities"], f"limits_reached {rec.get('limits_reached')}")
check(len(err.splitlines()) == 1 and err.startswith("nutgraf: standard input: id lim: warning:")
      and "--max-quote-bytes" in err and "--max-entities" in err, f"limit warning: {err}")
for args in (["--max-quote-bytes", "0"], ["--max-entities", "many"], ["--max-bytes", "2G"], ["--max-entities"]):
    rc, out, err = run(["extract"] + args, LONG)
    check(rc == 2 and out == "" and err.startswith("nutgraf:") and args[0] in err, f"bad limit {args}: {err}")
rc, out, _ = run(["--help"])
check(all(o in out for o in ("--max-quote-bytes", "--max-entities", "6 N + 4096")), "--help documents the limits")

# JSON Lines: a line over the limit derived from --max-bytes is one error
# record, and the run goes on; every message is one line naming input, line
# and id.
big = json.dumps({"id": "big", "text": "word " * 1000})
lines = "\n".join([big, json.dumps({"id": "ok", "text": "Ann Cole said hi."}),
                   json.dumps({"id": "bad\ndate", "text": "x", "date": "2024-06-15\nnext line"})]) + "\n"
rc, out, err = run(["extract", "--jsonl", "--quiet", "--max-bytes", "100"], lines.encode())
recs = [json.loads(l) for l in out.splitlines()]
check(rc == 1 and len(recs) == 3 and "over 4696 bytes" in recs[0].get("error", "") and "error" not in recs[1],
      f"jsonl line limit: {out[:300]}")
check("\n" not in recs[2]["error"], f"an error reason is one line: {recs[2]}")
errs = err.splitlines()
check(len(errs) == 2 and errs[0].startswith("nutgraf: standard input:1: ")
      and errs[1].startswith("nutgraf: standard input:3: id bad date: bad date"), f"jsonl messages: {err}")
with tempfile.TemporaryDirectory() as tmp:
    # A directory is walked for its files (tests/batch_test.py); one with
    # none is an input that gives nothing to read.
    rc, out, err = run(["extract", "--quiet", tmp])
    check(rc == 2 and err.startswith(f"nutgraf: {tmp}: ") and len(err.splitlines()) == 1, f"a directory: {err}")
    rc, out, err = run(["extract", "--id", "x7", tmp])
    check(rc == 2 and out == "" and "--id" in err, f"--id with a directory: {err}")
    path = os.path.join(tmp, "empty.txt")
    open(path, "w").close()
    rc, out, err = run(["extract", "--id", "x7", path])
    check(rc == 1 and err == f"nutgraf: {path}: id x7: empty input: no text to extract from\n", f"empty file: {err}")

if failures:
    print(f"{failures} failures")
    sys.exit(1)
print("cli: all checks passed")
