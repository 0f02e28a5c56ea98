"""Draw unlabelled CCTV articles for a sweep (helpers read every pipeline row of them to find the
errors rules are written from), and record the lines read in ``tests/sweeps/read.tsv``.

Line numbers are those of ``recipes/select_heldout.py`` — 0-based lines of
``../shared/corpora/unlabelled/xinwenlianbo.jsonl.gz``, read through its ``_lines()`` — so the
articles a sweep reads and the articles an evaluation set holds are counted the same way. (Sweeps 17
and 18 were drawn by a script outside the repository that counted from 1: the lines it recorded name
the article after the one read; read.tsv's sweep 19 holds the lines actually read.)

    .venv/bin/python recipes/draw_sweep.py OUT N SEED [--general | --topic] [--years 2020-2022]
                                           [--grep REGEX]
        writes OUT/<stem>.txt for N articles (300-2,500 characters) outside every set and sweep,
        and OUT/lines.txt
    .venv/bin/python recipes/draw_sweep.py --record SWEEP FILE...
        appends the lines (or xwlb_<line> stems) listed in FILEs to read.tsv as SWEEP

>>> page = "党员志愿者在社区值守。" * 40
>>> drawable(12, page, taken={11}, topic=True), drawable(11, page, taken={11}), drawable(12, page, set(), general=True)
(True, False, False)
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path
from typing import Iterable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_heldout as sets  # noqa: E402  (the numbering of lines, the sets and the sweeps)

MIN_CHARS, MAX_CHARS = 300, 2500


def taken_lines() -> set[int]:
    """Every line of an evaluation set (any tests/<set>/selection.tsv) or of a recorded sweep."""
    taken = {n for which in sets.SEEDS for n in sets._selection(which)}
    return taken | set(recorded().keys())


def recorded(path: Optional[Path] = None) -> dict[int, int]:
    """read.tsv as line → sweep."""
    rows = {}
    for row in (path or sets.SWEPT).read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            line, sweep = row.split("\t")
            rows.setdefault(int(line), int(sweep))
    return rows


def drawable(line: int, text: str, taken: set[int], general: bool = False, topic: bool = False,
             span: Optional[tuple[int, int]] = None, grep: Optional[re.Pattern] = None) -> bool:
    """Whether a corpus line may be drawn: not taken, of sweep length, of the wanted kind."""
    if line in taken or not MIN_CHARS <= len(text) <= MAX_CHARS:
        return False
    if general and sets.TOPIC.search(text) or topic and not sets.TOPIC.search(text):
        return False
    if span and not span[0] <= line < span[1]:
        return False
    return not grep or bool(grep.search(text))


def draw(out: Path, count: int, seed: int, **kind) -> list[int]:
    taken = taken_lines()
    candidates = [(n, t) for n, t in sets._lines() if drawable(n, t, taken, **kind)]
    chosen = sorted(random.Random(seed).sample(candidates, min(count, len(candidates))))
    out.mkdir(parents=True, exist_ok=True)
    for n, text in chosen:
        (out / f"xwlb_{n}.txt").write_text(text + "\n", encoding="utf-8")
    (out / "lines.txt").write_text("".join(f"{n}\n" for n, _ in chosen), encoding="utf-8")
    print(f"{len(candidates)} candidates; wrote {len(chosen)} articles to {out}")
    return [n for n, _ in chosen]


def record(sweep: int, files: Iterable[Path], path: Optional[Path] = None) -> int:
    """Append the lines named in ``files`` (numbers or xwlb_<n> stems) as ``sweep``; a line already
    recorded keeps its first sweep. Returns how many were added."""
    path = path or sets.SWEPT
    have = recorded(path)
    new = {int(m.group(1)) for f in files for m in re.finditer(r"(?<![0-9])(\d+)(?![0-9])",
                                                                Path(f).read_text(encoding="utf-8"))}
    new -= set(have)
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [r for r in lines if r.startswith("#")]
    body = sorted([(n, s) for n, s in have.items()] + [(n, sweep) for n in new])
    path.write_text("\n".join(header + [f"{n}\t{s}" for n, s in body]) + "\n", encoding="utf-8")
    return len(new)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--record", type=int, default=None, metavar="SWEEP")
    ap.add_argument("args", nargs="+")
    ap.add_argument("--general", action="store_true", help="only articles without the topic words")
    ap.add_argument("--topic", action="store_true", help="only articles with the topic words")
    ap.add_argument("--years", default=None, help="2020-2022: only the lines of those years")
    ap.add_argument("--grep", default=None)
    a = ap.parse_args()
    if a.record is not None:
        print(record(a.record, [Path(f) for f in a.args]), "lines added as sweep", a.record)
        return 0
    out, count, seed = Path(a.args[0]), int(a.args[1]), int(a.args[2])
    span = (sets.FIRST_LINE, sets.END_LINE) if a.years == "2020-2022" else None
    if a.years and span is None:
        ap.error("--years knows 2020-2022 only")
    draw(out, count, seed, general=a.general, topic=a.topic, span=span,
         grep=re.compile(a.grep) if a.grep else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
