"""Derive pipeline/data/lexicons/transliteration_chars.tsv: the characters Chinese writes
foreign names with, from the foreign person names (the ones written with a middle dot) of the
labelled corpora in ../shared/corpora.

    .venv/bin/python recipes/build_transliteration_chars.py

Corpora (never copied into the repo; only this count table is): MSRA train (PER), CLUENER2020
train (name), the tune half of Boson (person_name; recipes/score_boson.py's split, whose held-out
half measures the rules and is never read here). A character is kept when it occurs in at least
``MIN_NAMES`` distinct foreign names. The entities stage uses the table to finish a foreign
name the model cut short (埃尔多 + 安).
"""
from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
OUT = ROOT / "pipeline" / "data" / "lexicons" / "transliteration_chars.tsv"
SOURCES = (("msra/train.jsonl", {"PER"}), ("cluener2020/train.jsonl", {"name"}), ("boson/train.jsonl", {"person_name"}))
DOTS = "·・•"
MIN_NAMES = 4  # 5 until 2026-12-06: 4 adds 扎 (巴尔博扎), 坦, 提, 柯 … and no common word
#: kept whatever their count: the Slavic feminine ending -va (扎哈罗娃, 格奥尔基耶娃). A woman is mostly
#: written by her surname alone, so few dotted names hold it; the model cut 格奥尔基耶娃 to 格奥尔基耶
#: before a full stop (sweep 44 of unlabelled CCTV articles, 2026-12-07, the sixth session of the day)
ALWAYS_KEPT = ("娃",)


def main() -> int:
    sys.path.insert(0, str(ROOT / "recipes"))
    from score_boson import tune_half  # the split of recipes/score_boson.py

    counts: collections.Counter[str] = collections.Counter()
    names: set[str] = set()
    for rel, types in SOURCES:
        path = CORPORA / rel
        if not path.exists():
            print(f"{path} not found", file=sys.stderr)
            return 1
        keep = tune_half() if rel.startswith("boson/") else None
        for i, line in enumerate(path.open(encoding="utf-8")):
            if keep is not None and i not in keep:
                continue
            record = json.loads(line)
            for s, e, t in record["entities"]:
                name = record["text"][s:e]
                if t in types and any(d in name for d in DOTS) and name not in names:
                    names.add(name)
                    counts.update({ch for ch in name if "\u4e00" <= ch <= "\u9fff"})
    kept = sorted(((ch, n) for ch, n in counts.items() if n >= MIN_NAMES or ch in ALWAYS_KEPT),
                  key=lambda x: (-x[1], x[0]))
    kept += [(ch, 0) for ch in ALWAYS_KEPT if ch not in counts]
    header = [
        "# concept: Characters foreign names are written with (埃尔多安, 米尔济约耶夫): a person the model cut short is finished over them.",
        f"# source: derived by recipes/build_transliteration_chars.py from the {len(names)} distinct foreign person names (written with a middle dot) of ../shared/corpora MSRA train, CLUENER2020 train and the tune half of Boson (seed 20261218); a character is kept when at least {MIN_NAMES} of those names use it, and so is the Slavic feminine ending {''.join(ALWAYS_KEPT)} (扎哈罗娃: women are mostly written by surname alone, undotted); names = how many do.",
        "# order: file",
        "# used by: pipeline/entities/edges.py",
        "# columns: char\tnames",
    ]
    OUT.write_text("\n".join(header + [f"{ch}\t{n}" for ch, n in kept]) + "\n", encoding="utf-8")
    print(f"{len(kept)} characters from {len(names)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
