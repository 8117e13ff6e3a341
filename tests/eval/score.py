#!/usr/bin/env python3
"""Score nutgraf on hand-annotated articles: who said what, persons, dates.

usage: score.py NUTGRAF DIR [DIR...] [--verbose] [--min-who F] [--min-quotes F]
                [--min-persons F] [--json]

DIR holds NAME.txt articles with NAME.gold.json annotations (format: see
tests/articles/README.md). A gold file with a "source" field annotates a
text that is not in the repository: {"dataset": "article-extraction-benchmark",
"id": ...} is the article body of that id in ../shared/data (tests/real/); it
is skipped, with a message, where ../shared/data is absent. For each article
the command `NUTGRAF extract --date DATE NAME.txt` is run and its record
compared:

- quotes: an output quote matches the gold quote sharing most of its words
  (at least half of the output quote's words); a gold quote is found when its
  matched output quotes cover 60% of its words, and attributed when most of
  those words come with the gold speaker (or an "alt" name). Output quotes
  that match an "ignore" text (titles, scare quotes) are not counted.
- who-said-what: precision and recall of found-and-attributed quotes.
- persons: F1 of PERSON entity names against the gold list.
- dates: gold (text, value) pairs found in the output.

The matching follows the evaluation the project is judged by, so that a
change measured here moves the same way there. Exit status 1 when a --min
threshold is not met, 77 when every article was skipped.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED_DATA = os.path.join(os.path.dirname(TOP), "shared", "data")
_datasets = {}


def source_text(source):
    """The text of a gold file's "source", or None when the data set is absent."""
    name = source.get("dataset")
    if name != "article-extraction-benchmark":
        raise ValueError(f"unknown data set {name!r}")
    if name not in _datasets:
        path = os.path.join(SHARED_DATA, name, "ground-truth.json")
        _datasets[name] = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else None
    pages = _datasets[name]
    return None if pages is None else pages[source["id"]]["articleBody"]


def words(s):
    return re.findall(r"[\w']+", (s or "").lower().replace("\u2019", "'"))


def overlap(a, b):
    return sum((Counter(a) & Counter(b)).values())


def same_name(a, b):
    return a is not None and " ".join(words(a)) == " ".join(words(b))


def speaker_name(q):
    sp = q.get("speaker")
    return sp.get("name") if isinstance(sp, dict) else sp


def run(binary, path, date):
    r = subprocess.run([binary, "extract", "--date", date, path],
                       capture_output=True, text=True, timeout=60)
    lines = r.stdout.strip().splitlines()
    if not lines:
        raise RuntimeError(f"no output (exit {r.returncode}): {r.stderr.strip()[:200]}")
    return json.loads(lines[0])


def score_article(out, gold, name, verbose, report):
    quotes = [q for q in out.get("quotes", []) if words(q.get("text"))]
    gq = gold["quotes"]
    ignore = [words(t) for t in gold.get("ignore", [])]
    owner = {}
    for i, q in enumerate(quotes):
        qt = words(q["text"])
        best, best_j = 0.0, None
        for j, g in enumerate(gq):
            f = overlap(qt, words(g["text"])) / len(qt)
            if f > best:
                best, best_j = f, j
        if best >= 0.5:
            owner[i] = best_j
        elif any(overlap(qt, it) / len(qt) >= 0.5 for it in ignore):
            owner[i] = -1
    c = Counter()
    c["out"] = sum(1 for i in range(len(quotes)) if owner.get(i) != -1)
    c["tp_out"] = sum(1 for j in owner.values() if j >= 0)

    def ok(q, g):
        return g["speaker"] is None or any(same_name(speaker_name(q), n) for n in [g["speaker"]] + g.get("alt", []))

    c["tp_out_attr"] = sum(1 for i, j in owner.items() if j >= 0 and ok(quotes[i], gq[j]))
    for j, g in enumerate(gq):
        gt = words(g["text"])
        mine = [i for i, o in owner.items() if o == j]
        cov = overlap(gt, [w for i in mine for w in words(quotes[i]["text"])]) / max(len(gt), 1)
        found = cov >= 0.6
        good_words = sum(len(words(quotes[i]["text"])) for i in mine if ok(quotes[i], g))
        all_words = sum(len(words(quotes[i]["text"])) for i in mine)
        attributed = found and (g["speaker"] is None or good_words * 2 > all_words)
        c["gold"] += 1
        c["found"] += found
        c["attr"] += attributed
        c[f"gold_{g['kind']}"] += 1
        c[f"attr_{g['kind']}"] += attributed
        if verbose and not attributed:
            got = [(quotes[i]["text"][:40], speaker_name(quotes[i])) for i in mine]
            kind = "speaker" if found else "missed"
            report.append(f"  {name} {kind}: {g['text'][:60]!r} by {g['speaker']} -> {got}")
    if verbose:
        for i, q in enumerate(quotes):
            if i not in owner:
                report.append(f"  {name} spurious: {q['text'][:70]!r} by {speaker_name(q)}")
    persons = {" ".join(words(e.get("name"))) for e in out.get("entities", []) if e.get("type") == "PERSON"}
    gold_persons = {" ".join(words(p)) for p in gold["entities"].get("PERSON", [])}
    c["gold_p"] += len(gold_persons)
    c["out_p"] += len(persons)
    c["tp_p"] += len(persons & gold_persons)
    if verbose:
        for p in sorted(persons - gold_persons):
            report.append(f"  {name} person not in gold: {p}")
        for p in sorted(gold_persons - persons):
            report.append(f"  {name} person missed: {p}")
    dates = {(" ".join(words(d.get("text"))), d.get("value")) for d in out.get("dates", [])}
    gold_dates = {(" ".join(words(d["text"])), d["value"]) for d in gold.get("dates", [])}
    c["gold_d"] += len(gold_dates)
    c["tp_d"] += len(gold_dates & dates)
    if verbose:
        for d in sorted(gold_dates - dates):
            report.append(f"  {name} date missed: {d}")
    return c


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--min-who", type=float, default=0)
    ap.add_argument("--min-quotes", type=float, default=0)
    ap.add_argument("--min-persons", type=float, default=0)
    args = ap.parse_args()
    total = Counter()
    report = []
    articles = 0
    skipped = 0
    for d in args.dirs:
        for f in sorted(os.listdir(d)):
            if not f.endswith(".gold.json"):
                continue
            gold = json.load(open(os.path.join(d, f), encoding="utf-8"))
            name = f[: -len(".gold.json")]
            tmp = None
            if "source" in gold:
                text = source_text(gold["source"])
                if text is None:
                    skipped += 1
                    continue
                tmp = tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False)
                tmp.write(text)
                tmp.close()
                path = tmp.name
            else:
                path = os.path.join(d, gold.get("file") or name + ".txt")
            try:
                out = run(args.binary, path, gold["date"])
            except Exception as e:  # a crash or bad JSON scores zero
                report.append(f"  {name}: no usable output ({e})")
                out = {}
            finally:
                if tmp:
                    os.unlink(tmp.name)
            total += score_article(out, gold, name, args.verbose, report)
            articles += 1
    if articles == 0 and skipped:
        print(f"skipped: every article's text is in {SHARED_DATA}, which is absent")
        return 77  # CTest's SKIP_RETURN_CODE
    qp = total["tp_out"] / max(total["out"], 1)
    qr = total["found"] / max(total["gold"], 1)
    ap_ = total["tp_out_attr"] / max(total["out"], 1)
    ar = total["attr"] / max(total["gold"], 1)
    pp = total["tp_p"] / max(total["out_p"], 1)
    pr = total["tp_p"] / max(total["gold_p"], 1)
    figures = {
        "articles": articles, "gold_quotes": total["gold"],
        "quotes": {"p": qp, "r": qr, "f1": f1(qp, qr)},
        "who_said_what": {"p": ap_, "r": ar, "f1": f1(ap_, ar)},
        "direct_attributed": f"{total['attr_direct']}/{total['gold_direct']}",
        "indirect_attributed": f"{total['attr_indirect']}/{total['gold_indirect']}",
        "persons": {"p": pp, "r": pr, "f1": f1(pp, pr)},
        "dates_resolved": f"{total['tp_d']}/{total['gold_d']}",
    }
    if report:
        print("\n".join(report))
    if skipped:
        print(f"skipped {skipped} articles: {SHARED_DATA} is absent", file=sys.stderr)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print(f"articles {articles}, gold quotes {total['gold']}")
        print(f"quotes         P={qp:.3f} R={qr:.3f} F1={f1(qp, qr):.3f}")
        print(f"who-said-what  P={ap_:.3f} R={ar:.3f} F1={f1(ap_, ar):.3f}"
              f"  (direct {figures['direct_attributed']}, indirect {figures['indirect_attributed']})")
        print(f"persons        P={pp:.3f} R={pr:.3f} F1={f1(pp, pr):.3f}")
        print(f"dates resolved {figures['dates_resolved']}")
    failed = []
    if f1(ap_, ar) < args.min_who:
        failed.append(f"who-said-what F1 {f1(ap_, ar):.3f} < {args.min_who}")
    if f1(qp, qr) < args.min_quotes:
        failed.append(f"quotes F1 {f1(qp, qr):.3f} < {args.min_quotes}")
    if f1(pp, pr) < args.min_persons:
        failed.append(f"persons F1 {f1(pp, pr):.3f} < {args.min_persons}")
    for m in failed:
        print("FAIL: " + m, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
