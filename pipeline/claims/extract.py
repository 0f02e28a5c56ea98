"""``extract_statistics``: grammar matches → claims with their counted noun and span.

The contract and examples are in pipeline/claims/__init__.py. Steps: match the grammar on
the shadow text (``grammar.CLAIM_RE``), read each match (``grammar.interpret``), then for each
quantity find its subject within its sentence and between its neighbours, and report each
quantity of the same thing once.

>>> [(c.text, c.subject) for c in extract_statistics("口罩日供2万套,89户351人。", [])]
[('口罩日供2万套', '口罩'), ('89户', None), ('351人', None)]
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional, Sequence

from pipeline.records import NumericClaim
from pipeline.segment import SentenceIndex

from . import words as W
from .grammar import CLAIM_RE, ClaimMatch, interpret
from .shadow import shadow
from .subject import duration_before, split_place, subject_after, subject_before

CLAUSE_BREAK = re.compile(r"[；;。！？!?\n]")


class _Enclosing(NamedTuple):
    """The last claim that may head a 其中… list: where it ends and what it counts."""

    end: int
    subject: str


def extract_statistics(text: str, sentence_spans: Sequence[tuple[int, int]],
                       article_id: str = "") -> list[NumericClaim]:
    """Numeric claims of ``text`` in text order (see pipeline/claims/__init__.py)."""
    if not text:
        return []
    sh = shadow(text)
    sentences = SentenceIndex(text, sentence_spans)
    found: list[ClaimMatch] = []
    for m in CLAIM_RE.finditer(sh):
        claim = interpret(m, sh)
        if claim is not None:
            found.append(claim)
    out: list[NumericClaim] = []
    seen: list[tuple[float, str, Optional[str]]] = []
    enclosing: Optional[_Enclosing] = None
    for idx, q in enumerate(found):
        s, e = q.start, q.end
        ss, se = sentences.containing(s)
        # the subject never reaches into a neighbouring claim
        floor = max(ss, found[idx - 1].end) if idx else ss
        ceil = min(se, found[idx + 1].start) if idx + 1 < len(found) else se
        s2 = s
        if W.unit_key(q.unit) in W.DURATION_UNITS or q.unit in W.DURATION_UNITS:
            # durations: the span is the quantity as written; the subject is the
            # activity (36个小时不眠不休, 连续奋战了18个昼夜) or None
            subj, e2 = subject_after(sh, e, ceil, duration=True)
            e2 = e
            if subj is None:
                subj = duration_before(sh, s, floor)
        else:
            subj, e2 = subject_after(sh, e, ceil)
            if subj is None:
                if idx and found[idx - 1].end == s and out and out[-1].end >= s:
                    subj = out[-1].subject  # 89户351人: the people of those households
                else:
                    subj, s2 = subject_before(sh, s, floor)
                    noun, place = split_place(subj) if subj else (subj, None)
                    if place is not None:
                        if len(noun) >= 2:
                            subj = noun  # 网格员西关社区共有112名 → 网格员
                        else:
                            # a place is where, not what: inside a 其中…、… list the counted
                            # noun is the enclosing claim's (其中拉萨市8例 → 拉萨市确诊病例)
                            subj = None
                            if _inside_list(sh, enclosing, ss, s):
                                subj = place + enclosing.subject
                            else:
                                s2 = s
                e2 = e
        if subj is not None and s2 >= ss and not (_after_list_opener(sh, enclosing, ss, s)
                                                   and subj.endswith(enclosing.subject)):
            enclosing = _Enclosing(e2, subj)
        key_unit = W.unit_key(q.unit)
        if any(v0 == q.value and u0 == key_unit and same_subject(sj0, subj) for v0, u0, sj0 in seen):
            continue  # same quantity of the same thing, mentioned again
        seen.append((q.value, key_unit, subj))
        out.append(NumericClaim(
            article_id=article_id, text=text[s2:e2], value=q.value, value_max=q.value_max,
            unit=q.unit, subject=subj, qualifier=q.qualifier, start=s2, end=e2,
            sentence=text[ss:se]))
    return out


def _after_list_opener(sh: str, enclosing: Optional[_Enclosing], ss: int, s: int) -> bool:
    """A 其中 stands between the enclosing claim (in this sentence) and the claim at ``s``."""
    return enclosing is not None and enclosing.end >= ss and "其中" in sh[enclosing.end:s]


def _inside_list(sh: str, enclosing: Optional[_Enclosing], ss: int, s: int) -> bool:
    """The claim at ``s`` is an item of a 其中… list opened after the enclosing claim, in the
    same sentence and clause."""
    return _after_list_opener(sh, enclosing, ss, s) and not CLAUSE_BREAK.search(sh, enclosing.end, s)


def same_subject(a: Optional[str], b: Optional[str]) -> bool:
    """Subjects of two mentions denote the same thing: equal, or one contains the other
    (党员 / 党员们). An unknown subject matches only another unknown one, so a bare
    "3个" never hides a later "3个社区"."""
    if a is None or b is None:
        return a is b
    return a in b or b in a
