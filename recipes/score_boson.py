"""People and organizations on general news: the pipeline over the Boson news paragraphs, scored
against their labels at document level (as ../shared/gold/score.py scores pages).

    .venv/bin/python recipes/score_boson.py --part heldout [--json OUT]   # needs ../shared/corpora

The Boson corpus (``../shared/corpora/boson/train.jsonl``: 1,800 paragraphs of Chinese news of
about 2012-2013 — finance, cars, technology, sport, society, history) is split in two halves by
``random.Random(20261218)``: ``tune`` (900 paragraphs; rules and recipes/build_known_brands.py may
use it) and ``heldout`` (the other 900; never tuned on, only its totals are printed). Each paragraph
is written as a text page (a one-word headline, then the paragraph) and run through the pipeline.

What is scored, per paragraph, as sets of names (lenient: one name contains the other):

* ``people``: the ``person_name`` spans that are a full name by the project's guidelines — two to
  four Han characters, or a dotted foreign name — and hold no kinship or address word and no
  withheld name (陈某, 李先生, 小李, 老王, @handles and nicknames are left out: the guidelines count
  none of them) against every people row, reporters included (Boson labels bylines too).
* ``organizations``: ``org_name`` and ``company_name`` spans against the organization rows.
  Boson labels countries acting as bodies (中国, 美国) as organizations and leaves media in
  datelines unlabelled, so this figure measures the conventions' distance as much as errors.

The figures are reported in README.md ("Quality") and models/README.md, labelled tuned-on or not.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "boson" / "train.jsonl"
SEED, TUNE_SIZE = 20261218, 900  # the same split as recipes/build_known_brands.py
_FULL_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,8}[·・-][\u4e00-\u9fff]{1,10}$")
#: words of a kinship term, an address or a withheld name: no full name (GUIDELINES.md, people)
_NOT_FULL = ("某", "先生", "女士", "师傅", "老师", "爷爷", "奶奶", "主席", "部长", "总", "哥", "姐", "叔", "婆", "伯")


def part_indexes(part: str, n: int) -> list[int]:
    idx = list(range(n))
    random.Random(SEED).shuffle(idx)
    return sorted(idx[:TUNE_SIZE] if part == "tune" else idx[TUNE_SIZE:])


def tune_half() -> set[int]:
    """Line numbers of ``CORPUS`` in the tune half: what a recipe deriving a word list may read (the
    held-out half measures the rules, so none of its labels may shape a list)."""
    with CORPUS.open(encoding="utf-8") as fh:
        n = sum(1 for _ in fh)
    return set(part_indexes("tune", n))


def gold_names(doc: dict) -> dict[str, set[str]]:
    text = doc["text"]
    spans = [(re.sub(r"\s+", "", text[s:e]), kind) for s, e, kind in doc["entities"]]
    return {"people": {n for n, k in spans if k == "person_name" and _FULL_NAME.match(n)
                       and not any(w in n for w in _NOT_FULL) and not n.startswith(("小", "老", "阿"))},
            "organizations": {n for n, k in spans if k in ("org_name", "company_name")}}


def _same(a: str, b: str) -> bool:
    return a == b or (len(a) >= 2 and len(b) >= 2 and (a in b or b in a))


def score(docs: dict[int, dict], out: Path) -> dict:
    import pandas as pd

    arts = pd.read_parquet(out / "articles.parquet", columns=["article_id", "source_path"])
    index = {r.article_id: int(Path(r.source_path).stem.split("_")[1]) for r in arts.itertuples()}
    found: dict[int, dict[str, set[str]]] = {i: {"people": set(), "organizations": set()} for i in docs}
    for table in ("people", "organizations"):
        for r in pd.read_parquet(out / f"{table}.parquet", columns=["article_id", "name"]).itertuples():
            found[index[r.article_id]][table].add(re.sub(r"\s+", "", r.name))
    totals = {}
    for table in ("people", "organizations"):
        hit_gold = gold = hit_pred = pred = 0
        for i, doc in docs.items():
            g, p = gold_names(doc)[table], found[i][table]
            hit_gold += sum(any(_same(x, y) for y in p) for x in g)
            hit_pred += sum(any(_same(x, y) for x in g) for y in p)
            gold, pred = gold + len(g), pred + len(p)
        precision, recall = hit_pred / max(pred, 1), hit_gold / max(gold, 1)
        totals[table] = {"P": round(precision, 3), "R": round(recall, 3),
                         "F1": round(2 * precision * recall / max(precision + recall, 1e-9), 3),
                         "gold": gold, "pred": pred}
    return totals


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=("tune", "heldout"), required=True)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} not found", file=sys.stderr)
        return 1
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    docs = {i: json.loads(lines[i]) for i in part_indexes(args.part, len(lines))}
    sys.path.insert(0, str(ROOT))
    from pipeline.runner import run

    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        for i, doc in docs.items():
            (pages / f"boson_{i:04d}.txt").write_text("新闻\n" + doc["text"].replace("\\n", "\n") + "\n", encoding="utf-8")
        run(pages, Path(tmp) / "out", workers=2, use_cache=False)
        totals = score(docs, Path(tmp) / "out")
    for table, figures in totals.items():
        print(f"boson {args.part} {table}: " + "  ".join(f"{k} {v}" for k, v in figures.items()))
    if args.json:
        args.json.write_text(json.dumps({f"boson-{args.part}": totals}, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
