"""Which claims of an article are already counted by another of its claims.

Contract
--------
``keep_repeats_of_other_places(claims, repeat_of)`` first drops the repeats of a figure that
another division does not own (see the function).

``mark_counted(claims, article_code) -> list[NumericClaim]`` returns the claims (same order)
with ``counted_in`` (the ``start`` of the claim that already counts this one) and
``count_relation`` (``part`` or ``restatement``) set, or both ``None`` for a claim an
analyst should sum. ``article_code`` is the code of the article's own place (the geocode
stage's ``ArticlePlace.adcode``) or ``None``. Summing the rows whose ``counted_in`` is null,
per ``subject_class`` and province, counts each figure once.

Claims are compared only with claims of the same ``subject_class`` and a comparable unit
(the same unit, or two units that count persons, column ``person`` of ``claim_units.tsv``:
名 = 人 = 位); a part also needs a
subject of the same kind as its total's (one holds the other, 党员干部 / 党员, or both end in the
same two characters, the head of the compound: 医护人员 / 工作人员 — 网格员 and 工作队员 are
two groups of the staff class, not a total and its part). A claim's *scope*
is the division it is tied to: its own ``adcode``; else the article's place (a claim with no
place, or with a place that is not a resolved division — a compound, a ward — happens within
the article's place); a claim tied to a country (全国 → 中国, or 美国) has that country for scope,
which neither holds nor lies within any division: a national figure in a 株洲 story is no total
of 株洲's figures, and none of them is its part. The rules, in order; the first that holds wins:

1. **restatement** — the same value (and upper bound) as an earlier claim whose scope is the
   same or unknown on either side (a restatement with no scope takes that of the claim it
   restates) and whose subject is of the same kind (or both have none):
   24万余名党员 in the lead and 24万名党员干部 further down; 24小时轮班 and 24小时勤务制度 are two
   things. The upper-bound row of a range (3至5万人 → 5万人, ``range_max``) restates its range row.
2. **part, by place** — a larger claim's scope holds this claim's scope and is wider than it
   (全省20万名党员 … 长春市1.8万名党员), or the larger claim is tied to the article's place or
   to a division holding it and this claim lies within the article's place (石家庄 article:
   20.1万名党员 for 石家庄市, then 李立功和17名党员).
3. **part, by size** — both claims lie within the article's place, the larger is the
   article's largest of that class, and it is at least ``claims.part_ratio`` (10) times this
   one: a figure an order of magnitude smaller is a detail of the story's total (吉林 article:
   省市县20余万名党员干部, then 一天汇聚300多名党员 in one community).

Figures of the same size in different places are siblings, never parts (浚县1.2万余名党员,
山城区9000余名党员, 鹤山区6000余名党员 are all summed), and so are two figures of similar size
with no place (18名党员 and 20名党员干警): a wrong part hides a real figure, a missed one only
adds a detail, so the rules stay on the safe side.

>>> from pipeline.records import NumericClaim
>>> def claim(text, value, start, adcode=None):
...     return NumericClaim("a", text, value, None, "名", "党员", None, start, start + len(text), "",
...                         adcode=adcode, subject_class="party_members")
>>> rows = mark_counted([claim("20.1万名党员", 201000, 0, "130100000000"), claim("17名党员", 17, 40)],
...                     "130100000000")
>>> [(c.counted_in, c.count_relation) for c in rows]
[(None, None), (0, 'part')]
"""
from __future__ import annotations

import dataclasses
from typing import Optional, Sequence

from ..gazetteer import place_level
from ..geocode import code_prefix
from ..records import NumericClaim
from ..settings import setting
from . import words as W

_PART_RATIO = setting("claims", "part_ratio")  # bound once per process, like every setting
def _holds(outer: Optional[str], inner: Optional[str]) -> bool:
    """Whether the division of prefix ``outer`` holds (or is) that of prefix ``inner``."""
    return outer is not None and inner is not None and inner.startswith(outer)


def _same_kind(outer: Optional[str], inner: Optional[str]) -> bool:
    """Whether two subjects count the same kind of thing: one holds the other (党员干部 / 党员)
    or they end in the same two characters, the head of a Chinese compound (医护人员 / 工作人员)."""
    if not outer or not inner:
        return False
    return outer in inner or inner in outer or (len(outer) >= 2 and len(inner) >= 2 and outer[-2:] == inner[-2:])


def _scope(claim: NumericClaim, article: Optional[str]) -> Optional[str]:
    """A division's code prefix; ``!<name>`` for a country (全国…, 美国…: outside every division
    the article places, holding none of them and held by none); else the article's place."""
    if claim.adcode:
        return code_prefix(claim.adcode)
    if claim.place and place_level(claim.place) == "country":
        return "!" + claim.place
    return article


def _unit_key(unit: str) -> str:
    return "person" if unit in W.PERSON_UNITS else unit


def mark_counted(claims: Sequence[NumericClaim], article_code: Optional[str]) -> list[NumericClaim]:
    article = code_prefix(article_code)
    # a claim's scope: its own division, its country, else the article's place (None when the
    # article has none)
    scope = [_scope(c, article) for c in claims]
    placed = [c.adcode is not None or (s or "").startswith("!") for s, c in zip(scope, claims)]
    counted: dict[int, tuple[int, str]] = {}
    groups: dict[tuple, list[int]] = {}
    for i, c in enumerate(claims):
        if c.qualifier == "range_max":
            # the upper bound of 3至5万人 is a row of its own: the range row already holds it
            ranges = [j for j in range(i) if claims[j].qualifier == "range" and claims[j].value_max == c.value]
            if ranges:
                counted[i] = (claims[ranges[-1]].start, "restatement")
        elif c.subject_class:
            groups.setdefault((c.subject_class, _unit_key(c.unit)), []).append(i)
    # the scope a restatement is known to have: its own, else that of the claim it restates, so a
    # figure with no scope cannot join two places (株洲 100, then 100 with none, then 石家庄 100)
    known = list(scope)
    for members in groups.values():
        for n, i in enumerate(members):
            b = claims[i]
            for j in members[:n]:
                a = claims[j]
                if (a.value, a.value_max) == (b.value, b.value_max) and \
                        (known[i] is None or known[j] is None or known[i] == known[j]) and \
                        (a.subject == b.subject or _same_kind(a.subject, b.subject)):
                    counted[i] = (a.start, "restatement")
                    known[i] = known[i] or known[j]
                    break
        restated = {i for i in members if i in counted}
        largest = max(claims[i].value for i in members)
        for i in members:
            if i in counted:
                continue
            b, best = claims[i], None
            for j in members:
                a = claims[j]
                if a.value <= b.value or j in restated or not _same_kind(a.subject, b.subject):
                    continue
                by_place = placed[j] and _holds(scope[j], scope[i]) and (scope[j] != scope[i] or not placed[i])
                by_size = (not placed[j] or scope[j] == article) and a.value == largest and \
                    a.value >= _PART_RATIO * b.value and (not placed[i] or _holds(article, scope[i]))
                if by_place or by_size:
                    # the tightest total: the most specific scope, then the smallest value
                    if best is None or (len(scope[j] or ""), -a.value) > (len(scope[best] or ""), -claims[best].value):
                        best = j
            if best is not None:
                counted[i] = (claims[best].start, "part")
    return [dataclasses.replace(c, counted_in=counted[i][0], count_relation=counted[i][1]) if i in counted else c
            for i, c in enumerate(claims)]


def keep_repeats_of_other_places(claims: Sequence[NumericClaim],
                                 repeat_of: Sequence[Optional[int]]) -> list[NumericClaim]:
    """The claims without the repeats (``claims.extract.claim_mentions``: the same value, unit
    and subject again, ``repeat_of`` = the index of the first mention) that restate a figure,
    keeping a repeat only where a division of its own owns it, one that neither holds nor lies
    within the division of any kept mention of that figure (石家庄市组织100名党员 …
    株洲市组织100名党员: two figures, two rows). A repeat with no code, or beside a kept
    mention with none, is the same figure written again.

    >>> from pipeline.records import NumericClaim
    >>> def claim(start, adcode):
    ...     return NumericClaim("a", "100名党员", 100, None, "名", "党员", None, start, start + 6, "", adcode=adcode)
    >>> rows = [claim(0, "130100000000"), claim(20, "430200000000"), claim(40, "130100000000"), claim(60, None)]
    >>> [c.start for c in keep_repeats_of_other_places(rows, [None, 0, 0, 0])]
    [0, 20]
    """
    kept: list[NumericClaim] = []
    owners: dict[int, list[Optional[str]]] = {}
    for i, (claim, first) in enumerate(zip(claims, repeat_of)):
        own = code_prefix(claim.adcode)
        if first is None:
            owners[i] = [own]
            kept.append(claim)
        elif own is not None and all(o is not None and not _holds(o, own) and not _holds(own, o)
                                     for o in owners[first]):
            owners[first].append(own)
            kept.append(claim)
    return kept
