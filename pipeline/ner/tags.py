"""BIOES tags of the NER model and the conversions between tag sequences and entity spans.

A span is ``(start, end, label)`` with ``end`` exclusive and ``label`` one of ``LABELS``.
``allowed_transitions`` gives the BIOES constraints the CRF is decoded under.

>>> [TAGS[t] for t in spans_to_tags(4, [(0, 3, "PER")])]
['B-PER', 'I-PER', 'E-PER', 'O']
>>> tags_to_spans(spans_to_tags(5, [(0, 2, "LOC"), (3, 4, "ORG")]))
[(0, 2, 'LOC'), (3, 4, 'ORG')]
"""
from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

LABELS = ("PER", "LOC", "ORG")
TAGS = ("O",) + tuple(f"{p}-{l}" for l in LABELS for p in "BIES")
TAG2ID = {t: i for i, t in enumerate(TAGS)}
N_TAGS = len(TAGS)


def spans_to_tags(n: int, spans: Iterable[Sequence]) -> list[int]:
    tags = [0] * n
    for s, e, lab in spans:
        if e - s == 1:
            tags[s] = TAG2ID["S-" + lab]
        else:
            tags[s] = TAG2ID["B-" + lab]
            for j in range(s + 1, e - 1):
                tags[j] = TAG2ID["I-" + lab]
            tags[e - 1] = TAG2ID["E-" + lab]
    return tags


def tags_to_spans(tags: Sequence[int]) -> list[tuple[int, int, str]]:
    spans = []
    start, cur = -1, None
    for i, t in enumerate(tags):
        tag = TAGS[t]
        if tag == "O":
            start, cur = -1, None
            continue
        p, lab = tag[0], tag[2:]
        if p == "S":
            spans.append((i, i + 1, lab))
            start, cur = -1, None
        elif p == "B":
            start, cur = i, lab
        elif p == "I":
            if cur != lab:
                start, cur = i, lab
        else:  # E
            if cur == lab and start >= 0:
                spans.append((start, i + 1, lab))
            else:
                spans.append((i, i + 1, lab))
            start, cur = -1, None
    return spans


def allowed_transitions() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """BIOES constraints: (trans[from, to], start[to], end[from]) boolean masks."""
    def parts(t):
        return ("O", None) if t == "O" else (t[0], t[2:])

    trans = np.zeros((N_TAGS, N_TAGS), bool)
    start = np.zeros(N_TAGS, bool)
    end = np.zeros(N_TAGS, bool)
    for i, a in enumerate(TAGS):
        pa, la = parts(a)
        start[i] = pa in ("O", "B", "S")
        end[i] = pa in ("O", "E", "S")
        for j, b in enumerate(TAGS):
            pb, lb = parts(b)
            if pa in ("O", "E", "S"):
                trans[i, j] = pb in ("O", "B", "S")
            else:  # B or I
                trans[i, j] = pb in ("I", "E") and lb == la
    return trans, start, end
