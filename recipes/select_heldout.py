"""Select (and rebuild) the fresh evaluation pages for entity quality: 30 articles of 2020-2022
from the unlabelled news in ../shared/corpora per set.

* ``heldout`` — never read while writing or tuning rules; only scored (tests/heldout).
* ``tune`` — drawn later from the same population, disjoint from ``heldout``: the pages rules
  *are* tuned on (tests/tune), so a tuned-on figure of the same kind of page exists beside the
  untouched one; ``tune2`` (tests/tune2) a second such draw, disjoint from both.

    .venv/bin/python recipes/select_heldout.py [--set tune]            # writes data/<set>/<stem>.txt
    .venv/bin/python recipes/select_heldout.py [--set tune] --select   # (re)draws tests/<set>/selection.tsv

Source: ``../shared/corpora/unlabelled/xinwenlianbo.jsonl.gz`` (CCTV 新闻联播 transcripts, one
article per line in date order; sha256 0f26c0a0…). The text is CCTV's and for study only, so the
pages are never committed: ``tests/heldout/selection.tsv`` records each page's line number and the
SHA-1 of its text, and this recipe rebuilds the pages from the corpus (and refuses a corpus whose
lines changed). Only the labels (``tests/heldout/labels/<stem>.json``, names and types by
``../shared/gold/GUIDELINES.md``) are committed.

How the 30 were drawn (``--select``): lines 39,218-56,737 of the file are 2020-01-01 to
2022-12-31 (line 39,217 announces the 二〇二〇年新年贺词 on 2019-12-31, line 56,738 the
二〇二三年 one). Candidates are articles of 400-2,500 characters that name grassroots or pandemic
matters (党员, 社区, 村, 疫情, 医院, 企业 or 志愿); 30 are drawn with ``random.Random(20261205)``.
The tune set is drawn the same way with ``random.Random(20261206)`` from the candidates left after
removing the held-out lines, and a second tune set (``tune2``, tests/tune2, drawn 2026-12-05 when the
first was worn) with ``random.Random(20261207)`` after removing both, and a third (``tune3``, tests/tune3,
drawn in the session of 2026-12-05 evening, scored once untouched before any rule was tuned on it)
with ``random.Random(20261208)`` after removing all three, and a fourth (``tune4``, tests/tune4, drawn in the
session of 2026-12-06, scored once untouched before any rule was tuned on it) with ``random.Random(20261210)``
after removing the four earlier sets, and a fifth (``tune5``, tests/tune5, drawn in the session of
2026-12-06 night, scored once untouched before any rule was tuned on it) with ``random.Random(20261211)``
after removing the five earlier sets, and a sixth (``tune6``, tests/tune6, drawn in the session of
2026-12-06 morning, scored once untouched before any rule was tuned on it) with ``random.Random(20261212)``
after removing the six earlier sets, and a seventh (``tune7``, tests/tune7, drawn in the session of
2026-12-06 day, scored once untouched before any rule was tuned on it) with ``random.Random(20261213)``
after removing the seven earlier sets. (The session before it read the pipeline's rows on 2,000
unrecorded unlabelled articles of the same years, so a few tune7 pages may have had rows read then.)
An eighth (``tune8``, tests/tune8, drawn in the afternoon of 2026-12-06 to measure that session's
rules on pages no rule was written from; scored with the session-start and the session-end code)
with ``random.Random(20261214)`` after removing the eight earlier sets and the 2,000 articles whose
rows the sweeps of 2026-12-06 read (``tests/sweeps/read.tsv``, recorded from then on). A ninth
(``tune9``, tests/tune9, drawn at the start of the session of 2026-12-06 evening, when tune8 became a
tuned-on set; scored with that session's start and end code) with ``random.Random(20261215)`` after
removing the nine earlier sets and the swept articles. A tenth (``tune10``, tests/tune10, drawn at the
start of the session of 2026-12-06 night, when tune9 became a tuned-on set) with
``random.Random(20261216)`` after removing the ten earlier sets and the articles of sweeps 0-7. An
eleventh (``tune11``, tests/tune11, drawn at the start of the session of 2026-12-06 (next day's
session), when tune10 became a tuned-on set) with ``random.Random(20261217)`` after removing the
eleven earlier sets and the articles of sweeps 0-11. A twelfth (``tune12``, tests/tune12, drawn at the
start of the session of 2026-12-06 (the following session), when tune11 became a tuned-on set) with
``random.Random(20261219)`` (20261218 splits the Boson corpus in ``recipes/score_boson.py``) after
removing the twelve earlier sets and the articles of sweeps 0-12. A thirteenth (``tune13``,
tests/tune13, drawn at the start of the session of 2026-12-06 (the one after that), when tune12 became a
tuned-on set) with ``random.Random(20261220)`` after removing the thirteen earlier sets and the articles
of sweeps 0-13. A fourteenth (``tune14``, tests/tune14, drawn at the start of the evening session of
2026-12-06 after that, when tune13 became a tuned-on set) with ``random.Random(20261221)`` after
removing the fourteen earlier sets and the articles of sweeps 0-14. A fifteenth (``tune15``, tests/tune15,
drawn at the start of the session of 2026-12-06 after that, when tune14 became a tuned-on set) with
``random.Random(20261222)`` after removing the fifteen earlier sets and the articles of sweeps 0-16. A
sixteenth (``tune16``, tests/tune16, drawn at the start of the session of 2026-12-06 after that, when tune15
became a tuned-on set) with ``random.Random(20261223)`` after removing the sixteen earlier sets and the
articles of sweeps 0-18. A seventeenth (``tune17``, tests/tune17, drawn at the start of the session of
2026-12-07, when tune16 became a tuned-on set) with ``random.Random(20261224)`` after removing the
seventeen earlier sets and the articles of sweeps 0-27. An eighteenth (``tune18``, tests/tune18, drawn at
the start of the session of 2026-12-07 after that, when tune17 became a tuned-on set) with
``random.Random(20261225)`` after removing the eighteen earlier sets and the articles of sweeps 0-34. A
nineteenth (``tune19``, tests/tune19, drawn at the start of the session of 2026-12-07 after that, when tune18
became a tuned-on set) with ``random.Random(20261226)`` after removing the nineteen earlier sets and the
articles of sweeps 0-36. A twentieth (``tune20``, tests/tune20, drawn at the start of the fourth session of
2026-12-07, when tune19 became a tuned-on set) with ``random.Random(20261233)`` after removing the twenty
earlier sets and the articles of sweeps 0-38. A twenty-first (``tune21``, tests/tune21, drawn at the start of
the fifth session of 2026-12-07, when tune20 became a tuned-on set) with ``random.Random(20261236)`` after
removing the twenty-one earlier sets and the articles of sweeps 0-40. A twenty-second (``tune22``,
tests/tune22, drawn at the start of the sixth session of 2026-12-07, when tune21 became a tuned-on set) with
``random.Random(20261240)`` after removing the twenty-two earlier sets and the articles of sweeps 0-42. A
twenty-third (``tune23``, tests/tune23, drawn at the start of the seventh session of 2026-12-07, when tune22
became a tuned-on set) with ``random.Random(20261247)`` after removing the twenty-three earlier sets and the
articles of sweeps 0-44. A twenty-fourth (``tune24``, tests/tune24, drawn at the start of the eighth session of
2026-12-07, when tune23 became a tuned-on set) with ``random.Random(20261258)`` after removing the twenty-four
earlier sets and the articles of sweeps 0-48. A twenty-fifth (``tune25``, tests/tune25, drawn at the start of the
ninth session of 2026-12-07, when tune24 became a tuned-on set) with ``random.Random(20261259)`` after removing
the twenty-five earlier sets and the articles of sweeps 0-49.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "unlabelled" / "xinwenlianbo.jsonl.gz"
FIRST_LINE, END_LINE = 39_218, 56_738  # 2020-01-01 .. 2022-12-31 (see the module docstring)
TOPIC = re.compile("党员|社区|村|疫情|医院|企业|志愿")
COUNT = 30
SEEDS = {"heldout": 20261205, "tune": 20261206, "tune2": 20261207, "tune3": 20261208, "tune4": 20261210,
         "tune5": 20261211, "tune6": 20261212, "tune7": 20261213, "tune8": 20261214, "tune9": 20261215,
         "tune10": 20261216, "tune11": 20261217, "tune12": 20261219,
         "tune13": 20261220, "tune14": 20261221, "tune15": 20261222, "tune16": 20261223, "tune17": 20261224,
         "tune18": 20261225, "tune19": 20261226, "tune20": 20261233, "tune21": 20261236,
         "tune22": 20261240, "tune23": 20261247, "tune24": 20261258,
         "tune25": 20261259}
#: lines whose pipeline rows helpers read in a sweep (tests/sweeps/read.tsv): never drawn from tune8 on
SWEPT = ROOT / "tests" / "sweeps" / "read.tsv"
#: the last sweep recorded when each set from tune8 on was drawn: its draw leaves out sweeps 0 to this
#: one, so it can be drawn again after later sweeps were recorded
SWEEPS_BEFORE_DRAW = {"tune8": 3, "tune9": 3, "tune10": 7, "tune11": 11, "tune12": 12, "tune13": 13, "tune14": 14, "tune15": 16, "tune16": 18, "tune17": 27, "tune18": 34, "tune19": 36, "tune20": 38, "tune21": 40, "tune22": 42, "tune23": 44, "tune24": 48, "tune25": 49}


def selection_file(which: str) -> Path:
    return ROOT / "tests" / which / "selection.tsv"


def pages_dir(which: str) -> Path:
    return ROOT / "data" / which


def _selection(which: str) -> dict[int, tuple[str, str]]:
    """Corpus line → (stem, SHA-1 of its text) of a set's recorded selection (empty if none)."""
    path = selection_file(which)
    if not path.exists():
        return {}
    selected = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            stem, line, sha1 = row.split("\t")
            selected[int(line)] = (stem, sha1)
    return selected


def _lines():
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for number, line in enumerate(fh):
            yield number, json.loads(line)["text"]


def select(which: str) -> list[tuple[int, str]]:
    # each set is drawn from the candidates no earlier set took (heldout, tune, tune2, … in SEEDS order)
    earlier = list(SEEDS)[:list(SEEDS).index(which)]
    taken = {n for other in earlier for n in _selection(other)}
    if which in SWEEPS_BEFORE_DRAW:
        taken |= {int(row.split("\t")[0]) for row in SWEPT.read_text(encoding="utf-8").splitlines()
                  if row and not row.startswith("#") and int(row.split("\t")[1]) <= SWEEPS_BEFORE_DRAW[which]}
    candidates = [(n, t) for n, t in _lines()
                  if FIRST_LINE <= n < END_LINE and 400 <= len(t) <= 2500 and TOPIC.search(t)
                  and n not in taken]
    chosen = sorted(random.Random(SEEDS[which]).sample(candidates, COUNT))
    selection = selection_file(which)
    selection.parent.mkdir(parents=True, exist_ok=True)
    with open(selection, "w", encoding="utf-8") as fh:
        fh.write("# stem\tline\tsha1 of the text   (recipes/select_heldout.py; the text is not committed)\n")
        for n, t in chosen:
            fh.write(f"xwlb_{n}\t{n}\t{hashlib.sha1(t.encode()).hexdigest()}\n")
    print(f"{len(candidates)} candidates; wrote {len(chosen)} to {selection}")
    return chosen


def rebuild(which: str) -> int:
    wanted = _selection(which)
    pages = pages_dir(which)
    pages.mkdir(parents=True, exist_ok=True)
    written = 0
    for n, text in _lines():
        if n in wanted:
            stem, sha1 = wanted[n]
            if hashlib.sha1(text.encode()).hexdigest() != sha1:
                print(f"line {n} of {CORPUS} changed: not the selected article", file=sys.stderr)
                return 1
            (pages / f"{stem}.txt").write_text(text + "\n", encoding="utf-8")
            written += 1
    print(f"wrote {written} pages to {pages}")
    return 0 if written == len(wanted) else 1


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--select", action="store_true", help="draw the selection again")
    ap.add_argument("--set", dest="which", choices=sorted(SEEDS), default="heldout")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} not found", file=sys.stderr)
        return 1
    if args.select:
        select(args.which)
    return rebuild(args.which)


if __name__ == "__main__":
    sys.exit(main())
