"""Derive pipeline/data/lexicons/product_names.tsv: product, game, book and film names of the
labelled corpora in ../shared/corpora that jieba's dictionary tags as person names (支付宝,
桑塔纳, 帕萨特: ``nr``), which the entities stage then never reports as people.

    .venv/bin/python recipes/build_product_names.py

Corpora (never copied into the repo; only this word list is): the tune half of Boson train
(product_name; the split of recipes/score_boson.py, whose other half is never read here),
CLUENER2020 train (game, book, movie). A name is kept when it is 2-4 Chinese characters, jieba
tags it ``nr*``, and no corpus ever labels it a person (MSRA PER, Boson person_name, CLUENER
name, Weibo PER.*, Resume NAME): a word labelled both ways stays out.
"""
from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPORA = ROOT.parent / "shared" / "corpora"
OUT = ROOT / "pipeline" / "data" / "lexicons" / "product_names.tsv"
PRODUCTS = (("boson/train.jsonl", {"product_name"}), ("cluener2020/train.jsonl", {"game", "book", "movie"}))
PERSONS = (("msra/train.jsonl", {"PER"}), ("boson/train.jsonl", {"person_name"}),
           ("cluener2020/train.jsonl", {"name"}), ("weibo/train.jsonl", {"PER.NAM", "PER.NOM", "PER"}),
           ("resume/train.jsonl", {"NAME"}))


def _spans(rel: str, types: set[str]):
    sys.path.insert(0, str(ROOT / "recipes"))
    from score_boson import tune_half  # the split of recipes/score_boson.py

    keep = tune_half() if rel.startswith("boson/") else None
    for i, line in enumerate((CORPORA / rel).open(encoding="utf-8")):
        if keep is not None and i not in keep:
            continue
        record = json.loads(line)
        for s, e, t in record["entities"]:
            if t in types:
                yield record["text"][s:e]


def main() -> int:
    for rel, _ in PRODUCTS + PERSONS:
        if not (CORPORA / rel).exists():
            print(f"{CORPORA / rel} not found", file=sys.stderr)
            return 1
    from pipeline.resources import jieba_word_tags
    from pipeline.text.chars import is_han

    tags = jieba_word_tags()
    people = {name for rel, types in PERSONS for name in _spans(rel, types)}
    counts: collections.Counter[str] = collections.Counter(
        name for rel, types in PRODUCTS for name in _spans(rel, types)
        if 2 <= len(name) <= 4 and all(map(is_han, name)) and tags.get(name, "").startswith("nr"))
    kept = sorted((n for n in counts if n not in people), key=lambda n: (-counts[n], n))
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# concept: Names of products, games, books and films that jieba's dictionary tags as person names (支付宝, 桑塔纳, 帕萨特): never a person of the story.\n")
        fh.write("# source: derived by recipes/build_product_names.py from ../shared/corpora: the tune half of Boson train (product_name; recipes/score_boson.py's split, seed 20261218) and CLUENER2020 train (game, book, movie), 2-4 Chinese characters tagged nr* by jieba, minus every name any corpus labels a person (MSRA PER, Boson person_name of the tune half, CLUENER name, Weibo PER, Resume NAME); mentions = how often the corpora label it so.\n")
        fh.write("# order: by mentions\n")
        fh.write("# used by: pipeline/entities/things.py\n")
        fh.write("# columns: word\tmentions\n")
        for name in kept:
            fh.write(f"{name}\t{counts[name]}\n")
    print(f"wrote {len(kept)} names to {OUT} ({len(counts) - len(kept)} left out: also labelled a person)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
