"""Relative organization names completed from the article, and codes on organizations and people.

Contract
--------
``complete_organizations(orgs, places, text) -> list[OrganizationRow]`` sets ``name_completed``
and ``adcode``; ``complete_people(people, orgs, places, text) -> list[PersonRow]`` sets
``organization_completed`` and ``adcode``. ``places`` are the article's geocoded place rows.

A name is *relative* when it opens with a division word (relative_prefixes.tsv: 市, 县, 区, 镇,
乡, 村, 社区, 街道, 省, 自治区 …) that is not the start of a common word (市场监管局) or of a
division's own name (镇平县人民医院). It stands for one division of that word's level; the
evidence, in order:

1. **The place written right before it in the same sentence** (关口垭村，村党支部 → 关口垭村党支部;
   醴陵市公安局…市公安局): the nearest place row of that level before each mention, up to the
   sentence's start. All mentions that have one must agree.
2. **The article's one division of that level** among its resolved places and their
   ancestors (市人民医院 in a 鹤壁 article → 鹤壁市人民医院; 省委 → 河南省委). Not for villages and
   communities (村, 社区): only the one written before names them.

Two candidates of the level (a 株洲 article that also names 武汉 and 邵阳) → ``None``: a wrong
completion would merge two bodies in a GROUP BY.

An organization's ``adcode`` is the code of the place in or around its name: the completing
division's for a completed name, else the most specific resolved place row of the chain the name
opens with (石家庄市桥西区红旗街道汇宁街社区党总支 → 汇宁街社区). A person's ``adcode`` is that of
their (completed) organization.

>>> from pipeline.records import OrganizationRow, PlaceRow
>>> from pipeline.geocode import geocode_places
>>> text = "鹤壁市淇滨区。市人民医院呼吸内科主任王新国。"
>>> places = geocode_places([PlaceRow("a", "鹤壁市", "city", 1, 0, 3, None),
...                          PlaceRow("a", "淇滨区", "district", 1, 3, 6, None)], text)
>>> org = complete_organizations([OrganizationRow("a", "市人民医院", "hospital", 1, 7, 12, None)], places, text)[0]
>>> org.name_completed, org.adcode
('鹤壁市人民医院', '410600000000')
"""
from __future__ import annotations

import dataclasses
import re
from typing import Iterable, Optional, Sequence

from ..lexicons import lexicon
from ..gazetteer import FOLDED_SUFFIXES
from ..records import OrganizationRow, PersonRow, PlaceRow
from .divisions import Divisions, divisions_table
from .resolve import MUNICIPALITIES, RESOLVED, adcode_str

_PREFIXES = lexicon("relative_prefixes")
_RELATIVE = sorted(((w, lv) for w, lv in _PREFIXES.rows if lv != "-"), key=lambda r: -len(r[0]))
_NOT_RELATIVE = tuple(w for w, lv in _PREFIXES.rows if lv == "-")
# The division level (1 province … 5 village) a relative word's level names
_LEVEL_NUMBER = {"province": 1, "city": 2, "county": 3, "district": 3, "town": 4, "subdistrict": 4,
                 "village": 5, "community": 5}
# Levels named only by the place written right before the name, never by the article as a whole
_LOCAL_ONLY = frozenset({"village", "community"})
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


def relative_opening(name: str, table: Optional[Divisions] = None) -> Optional[tuple[str, str]]:
    """``(word, level)`` of a relative name's opening division word, or ``None``.

    >>> relative_opening("市人民医院"), relative_opening("自治区党委"), relative_opening("村党支部")
    (('市', 'city'), ('自治区', 'province'), ('村', 'village'))
    >>> relative_opening("市场监管局"), relative_opening("镇平县人民医院"), relative_opening("石家庄市人民医院")
    (None, None, None)
    """
    if name.startswith(_NOT_RELATIVE):
        return None
    found = next(((w, lv) for w, lv in _RELATIVE if name.startswith(w)), None)
    if found is None:
        return None
    table = table or divisions_table()
    # a division's own name written at the start (镇平县, 市中区) is no relative word
    for k in range(len(found[0]) + 1, min(len(name), 10) + 1):
        if name[:k].endswith(tuple(w for w, _ in _RELATIVE)) and table.lookup(name[:k]):
            return None
    return found


def _fits(word: str, level: str, full_name: str, code: Optional[int], row_level: str, table: Divisions) -> bool:
    """A place (its full name, its code if resolved) is a division of the relative word's level."""
    if not full_name.endswith(word):
        return False
    if code is None:
        return row_level == level
    n = table.level(code)
    if word == "市":  # a prefecture, a municipality, or a county-level city
        return n in (2, 3) or (n == 1 and code // 10**10 in MUNICIPALITIES)
    return n == _LEVEL_NUMBER[level]


class _Article:
    """The article's places as the completion rules read them."""

    def __init__(self, places: Sequence[PlaceRow], text: str, table: Divisions):
        self.text, self.table = text, table
        self.codes = {p.name: (int(p.adcode) if p.adcode else None) for p in places}
        self.level = {p.name: p.level for p in places}
        forms: dict[str, str] = {}
        for p in places:
            forms.setdefault(p.name, p.name)
            if p.name.endswith(FOLDED_SUFFIXES) and len(p.name) >= 3:
                forms.setdefault(p.name[:-1], p.name)
            if p.adcode:  # the official name too (上海 → 上海市松江区…)
                forms.setdefault(table.name(int(p.adcode)), p.name)
        self.forms = forms
        self.pattern = re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True)))) if forms else None
        # every resolved division of the article and the divisions above them
        self.divisions: set[int] = set()
        for p in places:
            if p.adcode_status == RESOLVED and p.adcode:
                code = int(p.adcode)
                self.divisions.add(code)
                self.divisions.update(table.ancestors(code))

    def full_name(self, row_name: str) -> str:
        code = self.codes.get(row_name)
        return self.table.name(code) if code is not None else row_name

    def written_before(self, pos: int, word: str, level: str) -> Optional[str]:
        """The row name of the nearest place of the level before ``pos`` in its sentence."""
        if self.pattern is None:
            return None
        start = max((m.end() for m in _SENTENCE_END.finditer(self.text, 0, pos)), default=0)
        best = None
        for m in self.pattern.finditer(self.text, start, pos):
            row = self.forms[m.group()]
            if _fits(word, level, self.full_name(row), self.codes.get(row), self.level[row], self.table):
                best = row
        return best

    def one_of_level(self, word: str, level: str) -> Optional[int]:
        fitting = {c for c in self.divisions if _fits(word, level, self.table.name(c), c, level, self.table)}
        return next(iter(fitting)) if len(fitting) == 1 else None


def _complete(name: str, positions: Iterable[int], article: _Article) -> tuple[Optional[str], Optional[int]]:
    """``(completed name, code of the completing division)`` of a relative name, or Nones."""
    opening = relative_opening(name, article.table)
    if opening is None:
        return None, None
    word, level = opening
    before = {article.written_before(pos, word, level) for pos in positions} - {None}
    if len(before) > 1:
        return None, None
    if before:
        row = before.pop()
        return article.full_name(row) + name[len(word):], article.codes.get(row)
    if level in _LOCAL_ONLY:
        return None, None
    code = article.one_of_level(word, level)
    if code is None:
        return None, None
    return article.table.name(code) + name[len(word):], code


def _opening_code(name: str, article: _Article) -> Optional[int]:
    """The most specific resolved place row of the chain ``name`` opens with."""
    pos, code = 0, None
    while article.pattern is not None:
        m = article.pattern.match(name, pos)
        if m is None:
            break
        row = article.forms[m.group()]
        if article.codes.get(row) is not None:
            code = article.codes[row]
        pos = m.end()
    return code


def _positions(name: str, text: str) -> list[int]:
    out, i = [], text.find(name)
    while i >= 0:
        out.append(i)
        i = text.find(name, i + len(name))
    return out


def _code_str(code: Optional[int]) -> Optional[str]:
    return adcode_str(code) if code is not None else None


def complete_organizations(orgs: Sequence[OrganizationRow], places: Sequence[PlaceRow],
                           text: str) -> list[OrganizationRow]:
    article = _Article(places, text, divisions_table())
    out = []
    for o in orgs:
        completed, code = _complete(o.name, _positions(o.name, text), article)
        if completed is None:
            code = _opening_code(o.name, article)
        out.append(dataclasses.replace(o, name_completed=completed, adcode=_code_str(code)))
    return out


def complete_people(people: Sequence[PersonRow], orgs: Sequence[OrganizationRow], places: Sequence[PlaceRow],
                    text: str) -> list[PersonRow]:
    article = _Article(places, text, divisions_table())
    by_name = {o.name: o for o in orgs}
    out = []
    for p in people:
        org = p.organization
        if not org:
            out.append(dataclasses.replace(p, organization_completed=None, adcode=None))
            continue
        # the organization's mention nearest before the person's first mention, in its sentence
        at = text.rfind(org, 0, p.start) if p.start is not None else -1
        positions = [at] if at >= 0 else _positions(org, text)
        completed, code = _complete(org, positions, article)
        if completed is None:
            row = by_name.get(org)
            code = int(row.adcode) if row is not None and row.adcode else _opening_code(org, article)
        out.append(dataclasses.replace(p, organization_completed=completed, adcode=_code_str(code)))
    return out
