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

if failures:
    print(f"{failures} failures")
    sys.exit(1)
print("cli: all checks passed")
