"""The article's own place, and the division a non-division place lies within.

Contract
--------
``article_place(places, text, source) -> ArticlePlace``: where the story happens, from the
article's geocoded place rows, the start of its text and its outlet (``meta.source``):

1. **Anchor.** A dateline at the text's start (石家庄讯, 本报石家庄1月5日讯, 新华社武汉1月20日电:
   a resolved place row followed by an optional date and 讯/电, within ``dateline_max_chars``)
   anchors the story there. Else a local outlet (株洲日报 → 株洲, 人民网-广西频道 → 广西) anchors it
   when its name opens with a division that the article's resolved places are, or lie in
   (光明日报 opens with 光明区 of 深圳: no resolved place of a Beijing story lies there) and at
   least one resolved place lies at or under it.
2. **Weighted common ancestor.** Each resolved place row weighs its mentions (at least 1 when
   it has none in the text), less those written as a destination (right after a verb of
   sending or going, destination_verbs.tsv, or after another destination joined by 和/、/及/与:
   驰援湖北, 支援湖北和武汉, 奔赴武汉); a
   division's support is the weight of the rows that are it or lie under it. The article's place
   is the most specific division holding more than ``article_place_min_share`` of the weight:
   of the rows at or under the anchor when there is one (the anchor itself when none is more
   specific), else of all resolved rows.
3. Otherwise ``None``: the places conflict (two provinces of equal weight), or none is resolved.

Medical teams sent to 武汉 do not make a 株洲 story a Hubei story: the 株洲 places outweigh the
Hubei ones, and the outlet 株洲日报 anchors it in 株洲 anyway.

``within_codes(places, text) -> list[PlaceRow]`` sets ``within_adcode`` on landmarks and
compounds: the code of the resolved division written right before a mention (裕华区东苑街道谈中园
小区 → 东苑街道; all such mentions must agree), else, for a compound (a 小区 is local), the
article's one prefecture-level city or municipality (a 小区 in a 石家庄 article →
130100000000). A landmark is not placed by the article alone (太行山 in a 石家庄 story is not in
石家庄). Divisions, countries and regions keep ``None``.

>>> from pipeline.records import PlaceRow
>>> from pipeline.geocode import geocode_places
>>> text = "石家庄讯 石家庄市深泽县的党员驰援武汉。"
>>> rows = geocode_places([PlaceRow("a", n, lv, 1, text.find(n), text.find(n) + len(n), None) for n, lv in
...                        (("石家庄市", "city"), ("深泽县", "county"), ("武汉", "city"))], text)
>>> article_place(rows, text, None)
ArticlePlace(name='石家庄市', adcode='130100000000')
"""
from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from typing import NamedTuple, Optional, Sequence

from ..lexicons import alternation, lexicon
from ..gazetteer import FOLDED_SUFFIXES
from ..records import PlaceRow
from ..settings import setting
from .divisions import Divisions, divisions_table
from .resolve import MUNICIPALITIES, RESOLVED, adcode_str, outlet_divisions

_MIN_SHARE = setting("geocode", "article_place_min_share")
_DATELINE_MAX_CHARS = setting("geocode", "dateline_max_chars")
_DATE = r"(?:[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日)?"
_DESTINATION_VERB = re.compile(f"(?:{alternation(lexicon('destination_verbs').words())})$")
_LIST_JOINER = ("和", "、", "及", "与")


class ArticlePlace(NamedTuple):
    """Where the story happens: a division's official name and code, or two ``None``."""

    name: Optional[str]
    adcode: Optional[str]


NO_PLACE = ArticlePlace(None, None)


def _resolved(places: Sequence[PlaceRow]) -> list[tuple[PlaceRow, int]]:
    return [(p, int(p.adcode)) for p in places if p.adcode_status == RESOLVED and p.adcode]


def _forms(rows: Sequence[tuple[PlaceRow, int]]) -> dict[str, int]:
    forms: dict[str, int] = {}
    for p, code in rows:
        forms.setdefault(p.name, code)
        if p.name.endswith(FOLDED_SUFFIXES) and len(p.name) >= 3:
            forms.setdefault(p.name[:-1], code)
    return forms


def _dateline(text: str, forms: dict[str, int]) -> Optional[int]:
    if not forms:
        return None
    names = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
    head = text[:_DATELINE_MAX_CHARS].split("\n", 1)[0]
    m = re.search(rf"({names}){_DATE}(?:讯|电)", head)
    return forms[m.group(1)] if m else None


def _is_destination(text: str, start: int, forms: Sequence[str]) -> bool:
    """The mention at ``start`` is where something is sent: 驰援湖北, 支援湖北和武汉 (武汉 too).
    ``forms``: the article's place forms, longest first."""
    before = text[max(0, start - 30):start]
    while True:
        if _DESTINATION_VERB.search(before):
            return True
        if not before.endswith(_LIST_JOINER):
            return False
        before = before[:-1]
        form = next((f for f in forms if before.endswith(f)), None)
        if form is None:
            return False
        before = before[:-len(form)]


def _weight(row: PlaceRow, text: str, forms: Sequence[str]) -> int:
    """Mentions of the row's name that are not destinations (1 for a row named only outside the text)."""
    if row.mentions == 0:
        return 1
    n, i = 0, text.find(row.name)
    while i >= 0:
        n += not _is_destination(text, i, forms)
        i = text.find(row.name, i + len(row.name))
    return n


def _under(code: int, anchor: int, table: Divisions) -> bool:
    return code == anchor or anchor in table.ancestors(code)


def article_place(places: Sequence[PlaceRow], text: str, source: Optional[str]) -> ArticlePlace:
    table = divisions_table()
    rows = _resolved(places)
    if not rows:
        return NO_PLACE
    evidence = {c for _, code in rows for c in (code, *table.ancestors(code))}
    forms = _forms(rows)
    anchor = _dateline(text, forms)
    longest_first = sorted(forms, key=len, reverse=True)
    if anchor is None:
        home = outlet_divisions(source, table, evidence.__contains__)
        if home is not None and any(_under(code, home, table) for _, code in rows):
            anchor = home
    if anchor is not None:
        rows = [(p, code) for p, code in rows if _under(code, anchor, table)]
    support: dict[int, int] = defaultdict(int)
    total = 0
    for p, code in rows:
        weight = _weight(p, text, longest_first)
        if not weight:
            continue
        total += weight
        for c in (code, *table.ancestors(code)):
            support[c] += weight
    best = anchor
    for c, s in support.items():
        if s > _MIN_SHARE * total and (anchor is None or _under(c, anchor, table)):
            if best is None or table.level(c) > table.level(best):
                best = c
    if best is None:
        return NO_PLACE
    return ArticlePlace(table.name(best), adcode_str(best))


def _one_city(rows: Sequence[tuple[PlaceRow, int]], table: Divisions) -> Optional[int]:
    cities = set()
    for _, code in rows:
        for c in (code, *table.ancestors(code)):
            if table.level(c) == 2 or (table.level(c) == 1 and c // 10**10 in MUNICIPALITIES):
                cities.add(c)
    return next(iter(cities)) if len(cities) == 1 else None


def within_codes(places: Sequence[PlaceRow], text: str) -> list[PlaceRow]:
    table = divisions_table()
    rows = _resolved(places)
    forms = _forms(rows)
    # a form ending right at a mention: the longest first
    before = re.compile(f"(?:{'|'.join(map(re.escape, sorted(forms, key=len, reverse=True)))})$") if forms else None
    city = None if not rows else _one_city(rows, table)
    out = []
    for p in places:
        code = None
        if p.level in ("landmark", "compound"):
            found = set()
            i = text.find(p.name)
            while i >= 0 and before is not None:
                m = before.search(text, max(0, i - 20), i)
                if m:
                    found.add(forms[m.group()])
                i = text.find(p.name, i + len(p.name))
            if len(found) == 1:
                code = found.pop()
            elif not found and p.level == "compound":
                code = city
        out.append(dataclasses.replace(p, within_adcode=adcode_str(code) if code is not None else None))
    return out
