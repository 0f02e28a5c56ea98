#!/usr/bin/env python
"""Silver NER data from the unlabelled news: sentences two taggers label identically (issue #13).

    .venv/bin/python recipes/silver_lac.py --lac-python /work/lacvenv/bin/python \\
        --chars 3000000 --out /work/silver/xwlb_lac

1. **Draw** sentences from ``../shared/corpora/unlabelled/xinwenlianbo.jsonl.gz`` (CCTV 新闻联播
   transcripts, the kind of text the held-out pages are): articles in a seeded random order, each
   cut into sentences (``split_sentences``), until ``--chars`` characters are drawn. The
   documents of the evaluation sets (``tests/{heldout,tune,tune2}/selection.tsv``, drawn from the
   same file by ``recipes/select_heldout.py``) are skipped, and so is any sentence that also
   occurs in one of them (a stock phrase of the programme repeated on another day).
2. **Label** them with the teacher, Baidu LAC 2.1.2 (``PER``/``LOC``/``ORG`` kept, ``TIME`` and
   the part-of-speech tags dropped). LAC needs paddlepaddle, which must never enter the project's
   venv, so this script runs itself as ``silver_lac.py lac IN OUT`` under ``--lac-python`` (a
   separate venv with ``pip install paddlepaddle 'setuptools<70' wheel`` and
   ``pip install --no-build-isolation lac``; ../shared/corpora/teachers/lac_fluid_shim.py makes
   it run on current paddle). That half imports only the standard library and LAC.
3. **Label** them with the project's current model (``load_ner_model().predict_many``).
4. **Keep** the sentences where both give exactly the same spans (start, end and type): a
   high-precision silver set. Sentences with no entity in either count as agreeing.

Writes to ``--out`` (never into the repository: the text is CCTV's, for study only):
``train.jsonl`` (the kept sentences in the corpora format, ``{"text", "entities": [[s, e,
"PER"], ...]}``), ``labels.jsonl`` (every drawn sentence with both label sets) and
``stats.json`` (agreement rates, sizes, timings). ``recipes/train_ner.py --extra-jsonl
OUT/train.jsonl`` trains on it.

>>> split_sentences("标题\\n央视网消息（新闻联播）：他说：“好。”然后走了！最后 一句")
['标题', '他说：“好。”', '然后走了！', '最后一句']
>>> lac_spans(["习近平", "在", "北京", "会见", "5月"], ["PER", "p", "LOC", "v", "TIME"])
[[0, 3, 'PER'], [4, 6, 'LOC']]
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import random
import re
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

# Standard library only up to main(): the ``lac`` half runs in the teacher's venv, without the
# project's dependencies.
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "unlabelled" / "xinwenlianbo.jsonl.gz"
SHIM_DIR = ROOT.parent / "shared" / "corpora" / "teachers"
EVAL_SETS = ("heldout", "tune", "tune2")
LAC_TYPES = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}  # TIME and the POS tags → O
# Sentence length bounds: shorter pieces are captions and fragments; longer ones are lists that
# the model's serving code would cut at commas anyway, and they dominate CRF training time.
MIN_CHARS, MAX_CHARS = 6, 150
LAC_BATCH = 64  # LAC's throughput is ~2x higher in batches of 64 lines than line by line
_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)]*|[^。！？!?]+")
_SPACE = re.compile(r"\s+")
# The programme's stock lead-in: the model tags 央视网 in it and LAC does not, which would drop
# nearly every article's first sentence from the silver set; the sentence is kept without it.
_LEAD_IN = re.compile(r"^央视网消息[（(]新闻联播[）)][：:]")


def split_sentences(text: str) -> list[str]:
    """Lines cut after 。！？!? (closing quotes stay with their sentence), whitespace removed
    (the training text has none, as MSRA has none), the stock lead-in 央视网消息（新闻联播）： cut."""
    out = []
    for line in text.splitlines():
        line = _LEAD_IN.sub("", _SPACE.sub("", line))
        out.extend(m.group(0) for m in _SENTENCE.finditer(line) if m.group(0))
    return out


def lac_spans(words: list[str], tags: list[str]) -> list[list]:
    """LAC's word-level tags → ``[[start, end, type], ...]`` character spans of the joined words."""
    spans, pos = [], 0
    for word, tag in zip(words, tags):
        if tag in LAC_TYPES:
            spans.append([pos, pos + len(word), LAC_TYPES[tag]])
        pos += len(word)
    return spans


@dataclass
class Draw:
    """What the draw took and skipped."""

    articles: int = 0
    sentences: int = 0
    chars: int = 0
    skipped_eval_articles: int = 0
    skipped_eval_sentences: int = 0
    skipped_length: int = 0
    skipped_duplicate: int = 0


def eval_lines() -> set[int]:
    """Corpus line numbers of every evaluation set's pages (their selection.tsv files)."""
    lines = set()
    for which in EVAL_SETS:
        path = ROOT / "tests" / which / "selection.tsv"
        for row in path.read_text(encoding="utf-8").splitlines():
            if row and not row.startswith("#"):
                lines.add(int(row.split("\t")[1]))
    return lines


def draw_sentences(max_chars: int, seed: int) -> tuple[list[str], Draw]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        articles = [json.loads(line)["text"] for line in fh]
    excluded = eval_lines()
    stats = Draw(skipped_eval_articles=len(excluded))
    # a sentence of an evaluation page is never trained on, wherever else it occurs
    eval_sentences = {s for n in excluded for s in split_sentences(articles[n])}
    order = [n for n in range(len(articles)) if n not in excluded]
    random.Random(seed).shuffle(order)
    seen: set[str] = set()
    out: list[str] = []
    for n in order:
        if stats.chars >= max_chars:
            break
        stats.articles += 1
        for s in split_sentences(articles[n]):
            if s in eval_sentences:
                stats.skipped_eval_sentences += 1
            elif not MIN_CHARS <= len(s) <= MAX_CHARS:
                stats.skipped_length += 1
            elif s in seen:  # stock phrases (主持人, 新闻联播 openings) once
                stats.skipped_duplicate += 1
            else:
                seen.add(s)
                out.append(s)
                stats.sentences += 1
                stats.chars += len(s)
    return out, stats


def run_lac(in_path: str, out_path: str) -> int:
    """The teacher's half (run under the LAC venv): one JSON line of spans per input sentence."""
    sys.path.insert(0, str(SHIM_DIR))
    import lac_fluid_shim  # noqa: F401  (registers paddle.fluid before LAC imports it)
    from LAC import LAC

    lac = LAC(mode="lac")
    sentences = [json.loads(line)["text"] for line in open(in_path, encoding="utf-8")]
    t0 = time.perf_counter()
    with open(out_path, "w", encoding="utf-8") as out:
        for i in range(0, len(sentences), LAC_BATCH):
            batch = sentences[i:i + LAC_BATCH]
            for text, (words, tags) in zip(batch, lac.run(batch)):
                # a sentence LAC does not give back character for character is not usable
                ok = "".join(words) == text
                out.write(json.dumps({"ok": ok, "entities": lac_spans(words, tags) if ok else []},
                                     ensure_ascii=False) + "\n")
    secs = time.perf_counter() - t0
    print(json.dumps({"lac_seconds": round(secs, 1),
                      "lac_chars_per_s": round(sum(map(len, sentences)) / secs)}))
    return 0


@dataclass
class Agreement:
    """How the two taggers compare over the drawn sentences."""

    sentences: int = 0
    lac_failed: int = 0
    agreed: int = 0
    agreed_with_entities: int = 0
    with_entities_either: int = 0
    kept_chars: int = 0
    kept_entities: collections.Counter = field(default_factory=collections.Counter)
    model_spans: int = 0
    lac_spans: int = 0
    common_spans: int = 0


def compare(texts: list[str], lac: list[dict], model: list[list]) -> tuple[list[dict], Agreement]:
    agree = Agreement(sentences=len(texts))
    kept = []
    for text, teacher, ours in zip(texts, lac, model):
        if not teacher["ok"]:
            agree.lac_failed += 1
            continue
        a = {tuple(s) for s in teacher["entities"]}
        b = {tuple(s) for s in ours}
        agree.lac_spans += len(a)
        agree.model_spans += len(b)
        agree.common_spans += len(a & b)
        if a or b:
            agree.with_entities_either += 1
        if a == b:
            agree.agreed += 1
            agree.agreed_with_entities += bool(a)
            agree.kept_chars += len(text)
            agree.kept_entities.update(t for *_, t in a)
            kept.append({"text": text, "entities": [list(s) for s in sorted(a)]})
    return kept, agree


def main(argv=None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["lac"]:
        return run_lac(argv[1], argv[2])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lac-python", required=True, help="python of a venv with paddlepaddle and lac")
    ap.add_argument("--chars", type=int, default=3_000_000, help="characters of sentences to draw")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path, required=True, help="output folder (outside the repository)")
    args = ap.parse_args(argv)
    out = args.out.resolve()
    if out == ROOT or ROOT in out.parents:
        ap.error("--out must be outside the repository: the silver text is not to be committed")
    out.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    texts, drawn = draw_sentences(args.chars, args.seed)
    print(f"drew {drawn.sentences} sentences, {drawn.chars} chars from {drawn.articles} articles", flush=True)
    with open(out / "sentences.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)

    done = subprocess.run([args.lac_python, __file__, "lac", str(out / "sentences.jsonl"), str(out / "lac.jsonl")],
                          check=True, capture_output=True, text=True)
    lac_timing = json.loads(done.stdout.strip().splitlines()[-1])
    lac = [json.loads(line) for line in open(out / "lac.jsonl", encoding="utf-8")]
    print(f"LAC: {lac_timing}", flush=True)

    sys.path.insert(0, str(ROOT))
    from pipeline.ner import load_ner_model

    t1 = time.perf_counter()
    model = [[list(s) for s in spans] for spans in load_ner_model().predict_many(texts)]
    model_secs = time.perf_counter() - t1

    kept, agree = compare(texts, lac, model)
    with open(out / "train.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in kept)
    with open(out / "labels.jsonl", "w", encoding="utf-8") as fh:
        for text, teacher, ours in zip(texts, lac, model):
            fh.write(json.dumps({"text": text, "lac": teacher["entities"], "model": ours}, ensure_ascii=False) + "\n")
    usable = agree.sentences - agree.lac_failed
    stats = {
        "draw": asdict(drawn),
        "agreement": {**asdict(agree), "kept_entities": dict(agree.kept_entities)},
        "agreement_rate": round(agree.agreed / usable, 4),
        "agreement_rate_with_entities": round(agree.agreed_with_entities / agree.with_entities_either, 4),
        "span_precision_model_vs_lac": round(agree.common_spans / max(agree.model_spans, 1), 4),
        "span_recall_model_vs_lac": round(agree.common_spans / max(agree.lac_spans, 1), 4),
        **lac_timing,
        "model_seconds": round(model_secs, 1),
        "total_seconds": round(time.perf_counter() - t0, 1),
        "seed": args.seed,
        "command": "recipes/silver_lac.py " + " ".join(argv),
    }
    (out / "stats.json").write_text(json.dumps(stats, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(stats, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
