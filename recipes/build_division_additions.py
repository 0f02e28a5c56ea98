"""Build pipeline/data/divisions_added.tsv: the prefecture- and county-level divisions of the NBS 2023
table that pipeline/data/divisions.tsv (cpca 0.5.5, whose table predates the changes of 2016-2023)
lacks: districts and cities made since (坪山区 2016, 渌口区 2018, 水城区 2020, 临平区 2021, 即墨区,
章丘区, 龙港市, 那曲市 …), so the entities stage reads them as divisions (``gazetteer.divisions``).

Source: ``../shared/corpora/divisions/divisions.tsv.gz`` — the National Bureau of Statistics'
*统计用区划代码和城乡划分代码*, 2023 release (see recipes/build_divisions.py for its provenance); the
corpus is not committed, this table of a few hundred rows is.

Kept: rows of NBS level 2 or 3 whose name is in no row of divisions.tsv and ends as a division does
(县, 旗, 区, 市); left out: the placeholders (市辖区, 县 …), development zones and other areas an
NBS code is given to without being a division (…开发区, …新区, …示范区, …管理区, …园区, …风景名胜区,
…管委会), which news writes in other forms (石家庄高新区). Levels as divisions.tsv writes them
(``build_gazetteer.level_of``: province, city, county, district).

The NER model is not affected: its gazetteer features were fixed when it was trained (its
lexicon.txt.gz); only the rules of the entities stage read the table.

    .venv/bin/python recipes/build_division_additions.py [--input ../shared/corpora/divisions/divisions.tsv.gz]
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_gazetteer import PLACEHOLDERS, level_of  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT.parent / "shared" / "corpora" / "divisions" / "divisions.tsv.gz"
BASE = ROOT / "pipeline" / "data" / "divisions.tsv"
OUT = ROOT / "pipeline" / "data" / "divisions_added.tsv"
#: NBS rows that are areas, not divisions, whatever their level
NOT_DIVISIONS = re.compile("(?:开发区|新区|示范区|管理区|园区|工业区|试验区|实验区|保税区|合作区|聚集区|食品区|风景名胜区|"
                           "管委会|委员会|新城)$")
DIVISION_ENDING = re.compile("[县旗区市]$")


def additions(rows, known: set[str]) -> list[tuple[str, str, str]]:
    """(name, code, level) of the NBS rows of level 2-3 that ``known`` lacks and that are divisions.

    >>> additions([("440310000000", "坪山区", "3"), ("440300000000", "深圳市", "2"),
    ...            ("130171000000", "石家庄高新技术产业开发区", "3"), ("110100000000", "市辖区", "2")], {"深圳市"})
    [('坪山区', '440310000000', 'district')]
    """
    out = []
    for code, name, level in rows:
        if level not in ("2", "3") or name in known or name in PLACEHOLDERS:
            continue
        if NOT_DIVISIONS.search(name) or not DIVISION_ENDING.search(name):
            continue
        out.append((name, code, level_of(name, code)))
    return sorted(out, key=lambda r: r[1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    args = ap.parse_args()
    if not args.input.exists():
        print(f"{args.input} not found: the NBS table is read from ../shared/corpora", file=sys.stderr)
        return 1
    known = {line.split("\t")[0] for line in BASE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")}
    raw = args.input.read_bytes()
    rows = []
    with gzip.open(args.input, "rt", encoding="utf-8") as fh:
        next(fh)  # code, name, level, parent_code
        for line in fh:
            code, name, level, _parent = line.rstrip("\n").split("\t")
            rows.append((code, name, level))
    added = additions(rows, known)
    lines = [f"# name\tadcode\tlevel  (source: NBS 统计用区划代码和城乡划分代码 2023 via ../shared/corpora/divisions/"
             f"divisions.tsv.gz, sha256 {hashlib.sha256(raw).hexdigest()[:16]}…; the divisions of levels 2-3 that "
             f"divisions.tsv lacks; recipe recipes/build_division_additions.py)"]
    lines += ["\t".join(r) for r in added]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(added)} divisions written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
