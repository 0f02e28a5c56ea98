"""Tag JSON lines and score the model: ``ner_jsonl``, ``score_spans``, ``evaluate``.

>>> score_spans([[(0, 2, "PER")]], [[(0, 2, "PER"), (3, 5, "LOC")]])["micro"]
{'p': 0.5, 'r': 1.0, 'f1': 0.6667, 'support': 1}
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Iterable, Sequence

from .model import NerModel, load_ner_model
from .tags import LABELS


def ner_jsonl(in_stream, out_stream, model: NerModel | None = None, batch_size: int = 64) -> int:
    """Read ``{"text": ...}`` lines, write ``{"text", "entities": [[s, e, type], ...]}`` lines."""
    model = model or load_ner_model()
    n = 0
    batch: list[dict] = []

    def flush():
        preds = model.predict_many([r.get("text") or "" for r in batch])
        for rec, ents in zip(batch, preds):
            out = {"text": rec.get("text") or "", "entities": [[s, e, lab] for s, e, lab in ents]}
            out_stream.write(json.dumps(out, ensure_ascii=False) + "\n")
        batch.clear()

    for line in in_stream:
        line = line.strip()
        if not line:
            continue
        batch.append(json.loads(line))
        n += 1
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return n


def score_spans(gold: Sequence[Iterable], pred: Sequence[Iterable]) -> dict:
    """Exact span+type P/R/F1 per type and micro over parallel lists of span lists."""
    tp = {l: 0 for l in LABELS}
    ng = {l: 0 for l in LABELS}
    npred = {l: 0 for l in LABELS}
    for g, p in zip(gold, pred):
        gs = {(int(s), int(e), l) for s, e, l in g}
        ps = {(int(s), int(e), l) for s, e, l in p}
        for s in gs:
            ng[s[2]] += 1
        for s in ps:
            npred[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1

    def prf(t, n_p, n_g):
        p = t / n_p if n_p else 0.0
        r = t / n_g if n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "support": n_g}

    res = {l: prf(tp[l], npred[l], ng[l]) for l in LABELS}
    res["micro"] = prf(sum(tp.values()), sum(npred.values()), sum(ng.values()))
    return res


def evaluate(gold_jsonl_path: str | Path, model: NerModel | None = None, limit: int | None = None,
             type_map: dict[str, str] | None = None) -> dict:
    """Score ``model`` (default: the committed one) on a gold JSONL file in the corpora format.

    ``type_map`` maps a corpus's own type names to PER / LOC / ORG (CLUENER's ``name`` → PER …);
    gold spans of unmapped types are dropped, so the model is scored on the mapped types only.
    """
    model = model or load_ner_model()
    texts, gold = [], []
    with open(gold_jsonl_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            texts.append(r["text"])
            spans = r["entities"]
            if type_map is not None:
                spans = [(s, e, type_map[t]) for s, e, t in spans if t in type_map]
            gold.append(spans)
            if limit and len(texts) >= limit:
                break
    t0 = time.perf_counter()
    pred = model.predict_many(texts)
    dt = time.perf_counter() - t0
    res = score_spans(gold, pred)
    res["n_sentences"] = len(texts)
    res["chars_per_s"] = round(sum(map(len, texts)) / dt) if dt > 0 else None
    return res
