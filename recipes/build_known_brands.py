"""Build pipeline/data/lexicons/known_brands.tsv: company and brand names of general news that the
NER model may read as a person's (淘宝, 戴尔, 斯柯达), from two labelled corpora in ../shared/corpora.

    .venv/bin/python recipes/build_known_brands.py        # rewrites the lexicon; needs ../shared

Sources: the ``company`` spans of CLUENER2020 train (news headlines and sentences of 2016 from
THUCNews: finance, tech, games, sport) and the ``company_name`` spans of the Boson news paragraphs
in the tune half of recipes/score_boson.py's split (the other half is kept aside to measure the
rules: ``score_boson.py --part heldout``). A name is kept when it is two to six Han characters,
labelled a company at least twice, never labelled a person (``name``, ``person_name``) anywhere in
those corpora (李宁 is both, and stays out), and neither it nor its first two characters the name
of a division (阿里 of 阿里地区, 长城 of 长城汽车 stay out). The pipeline uses the list only to read a
"person" the model tagged with exactly such a name as the company (pipeline/entities/rule_mentions.py);
it never finds a name in running text by itself, so common words among the names (平安, 光大)
cannot make organizations: a check that did (中华 of 中华人民共和国, 伊利 of 伊利诺伊州) was dropped.
"""
from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
OUT = ROOT / "pipeline" / "data" / "lexicons" / "known_brands.tsv"
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
HEADER = """# concept: Company and brand names of general news the NER model may tag as a person's (淘宝, 戴尔, 斯柯达, 雅虎): a "person" tagged with exactly such a name is the company.
# source: derived by recipes/build_known_brands.py from the company spans of CLUENER2020 train and the company_name spans of the tune half of the Boson news paragraphs (../shared/corpora; seed 20261218), kept when labelled a company at least twice, never a person in either corpus and no division's name (阿里); generated 2026-12-06 for issues #13 and #15. Do not edit by hand: rerun the recipe.
# used by: pipeline/entities/heads.py
# note: the rules that use it: pipeline/entities/rule_mentions.py (a person's mention read as the company), heads.org_type (company)
# columns: word
"""


def main() -> int:
    if not CORPORA.is_dir():
        print(f"{CORPORA} not found", file=sys.stderr)
        return 1
    company, person = collections.Counter(), set()
    for line in open(CORPORA / "cluener2020" / "train.jsonl", encoding="utf-8"):
        d = json.loads(line)
        for s, e, kind in d["entities"]:
            (company.update([d["text"][s:e]]) if kind == "company" else
             person.add(d["text"][s:e]) if kind == "name" else None)
    sys.path.insert(0, str(ROOT / "recipes"))
    from score_boson import tune_half  # the split of recipes/score_boson.py

    tune = tune_half()
    for i, line in enumerate(open(CORPORA / "boson" / "train.jsonl", encoding="utf-8")):
        if i not in tune:
            continue  # the held-out half measures the rules: none of its labels shapes the list
        d = json.loads(line)
        for s, e, kind in d["entities"]:
            if kind == "company_name":
                company.update([d["text"][s:e]])
            elif kind == "person_name":
                person.add(d["text"][s:e])
    sys.path.insert(0, str(ROOT))
    from pipeline.gazetteer import divisions, short_division_names

    places = set(divisions()) | short_division_names()
    names = sorted(n for n, k in company.items() if k >= 2 and _HAN.match(n) and n not in person
                   and n not in places and n[:2] not in places)
    OUT.write_text(HEADER + "".join(f"{n}\n" for n in names), encoding="utf-8")
    print(f"{len(names)} names written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
