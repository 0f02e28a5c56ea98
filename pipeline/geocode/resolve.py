"""Resolve one article's place rows to NBS division codes (the rules are in the package docstring).

>>> text = "湖北省长阳土家族自治县榔坪镇关口垭村党支部书记"
>>> rows = [PlaceRow("a", n, lv, 1, text.find(n), text.find(n) + len(n), text) for n, lv in
...         (("湖北省", "province"), ("长阳土家族自治县", "county"), ("榔坪镇", "town"), ("关口垭村", "village"))]
>>> [(r.name, r.adcode, r.county) for r in geocode_places(rows, text)]   # doctest: +NORMALIZE_WHITESPACE
[('湖北省', '420000000000', None), ('长阳土家族自治县', '420528000000', '长阳土家族自治县'),
 ('榔坪镇', '420528107000', '长阳土家族自治县'), ('关口垭村', '420528107203', '长阳土家族自治县')]
"""
from __future__ import annotations

import dataclasses
import re
from typing import Callable, Optional, Sequence

from ..entities.organizations import outlet_names
from ..gazetteer import COUNTRIES, FOLDED_SUFFIXES, REGIONS, TOWN_SUFFIXES, local_stem
from ..records import PlaceRow
from ..settings import setting
from .divisions import Divisions, divisions_table

RESOLVED, AMBIGUOUS, UNKNOWN, NOT_DIVISION = "resolved", "ambiguous", "unknown", "not_division"

# Place levels (places.level) that name no administrative division: countries, landmarks
# (mountains, stations, roads) and compounds (residential 小区). A ``region`` is a name neither the
# gazetteer nor a suffix knows: it is looked up, and is ``not_division`` when nothing matches.
NOT_DIVISION_LEVELS = frozenset({"country", "landmark", "compound"})
DIVISION_LEVELS = frozenset({"province", "city", "district", "county", "town", "subdistrict", "village",
                             "community"})
# The four municipalities are province-level; their districts have no prefecture between them
# and the province, so the municipality is their ``city`` too (first two digits of the code).
MUNICIPALITIES = frozenset({11, 12, 31, 50})
#: Endings of a Chinese prefecture-level name (a city so written that the table lacks is ``unknown``)
_CITY_SUFFIXES = ("市", "州", "盟", "地区")
#: Longest division name (settings.toml [geocode]) read between two places of a chain.
_CHAIN_GAP_MAX_CHARS = setting("geocode", "chain_gap_max_chars")


def adcode_str(code: int) -> str:
    return f"{code:012d}"


#: the kinds of autonomous unit (自治州, 自治县, 自治旗) news writes after the short name alone
_AUTONOMOUS_UNIT_WORDS = "州县旗"


def candidates(name: str, level: str, table: Divisions) -> Optional[list[int]]:
    """The divisions a place name can be, or ``None`` when the place is no division.

    Exact news names at any level, and the short forms of levels 1-3. When one candidate
    contains all the others, the name is that one: a short form names the highest division it
    is the stem of (承德 is 承德市, not its 承德县; 吉林 is 吉林省).

    >>> t = divisions_table()
    >>> candidates("承德", "city", t), candidates("鄂", "region", t), candidates("太行山", "landmark", t)
    ([130800000000], None, None)
    >>> len(candidates("茶园村", "village", t)), candidates("北狮沟门村", "village", t)
    (88, [])
    >>> candidates("河北", "province", t), candidates("海西州", "region", t), candidates("融水县", "county", t)
    ([130000000000], [632800000000], [450225000000])
    """
    if len(name) < 2 or level in NOT_DIVISION_LEVELS or name in COUNTRIES or name in REGIONS:
        return None
    codes = sorted(set(table.lookup(name)) | set(table.lookup_short(name)))
    if not codes and len(name) >= 3 and name[-1] in _AUTONOMOUS_UNIT_WORDS:
        # 海西州, 融水县: an autonomous prefecture or county written short, with the kind of unit
        codes = [c for c in table.lookup_short(name[:-1]) if table.name(c).endswith("自治" + name[-1])]
    if not codes and (level not in DIVISION_LEVELS or level == "city" and not name.endswith(_CITY_SUFFIXES)):
        return None  # (a city no division is and written without a city's suffix is a foreign one: 巴黎)
    if len(codes) > 1:
        top = [c for c in codes if all(o == c or c in table.ancestors(o) for o in codes)]
        if top:
            return top
        provinces = [c for c in codes if table.level(c) == 1]
        if len(provinces) == 1 and not table.lookup(name):
            return provinces  # 河北 is the province, never 天津's 河北区 (written so in full)
    return codes


def _chain_links(rows: Sequence[PlaceRow], text: str, live: set[int],
                 table: Divisions) -> tuple[set[tuple[int, int]], dict[int, list[int]]]:
    """Pairs (i, j) of rows whose names are written one right after the other somewhere in the
    text (湖北省|长阳土家族自治县), among the rows in ``live``; and the divisions written between
    two of them that are no row (井陉县|于家乡|康家村 when the entities missed 于家乡): these get
    indices after the rows', with their candidates, and link the two rows through them."""
    forms: dict[str, int] = {}
    for i in sorted(live):
        name = rows[i].name
        forms.setdefault(name, i)
        if name.endswith(FOLDED_SUFFIXES) and len(name) >= 3:
            forms.setdefault(name[:-1], i)
    links: set[tuple[int, int]] = set()
    between: dict[str, int] = {}
    extra: dict[int, list[int]] = {}
    if len(forms) < 2:
        return links, extra
    pattern = re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True))))
    last = None
    for m in pattern.finditer(text):
        here = forms[m.group()]
        if last is not None and last[0] != here:
            gap = text[last[1]:m.start()]
            if not gap:
                links.add((last[0], here))
            elif 2 <= len(gap) <= _CHAIN_GAP_MAX_CHARS:
                if gap not in between:
                    found = candidates(gap, "region", table)
                    between[gap] = len(rows) + len(extra) if found else -1
                    if found:
                        extra[between[gap]] = found
                if between[gap] >= 0:
                    links.add((last[0], between[gap]))
                    links.add((between[gap], here))
        last = (here, m.end())
    return links, extra


def _propagate_chains(domains: dict[int, set[int]], links: set[tuple[int, int]], table: Divisions) -> None:
    """Rule a: in a written chain A B, keep the candidates of B under a candidate of A and the
    candidates of A above a candidate of B. A link no pair of candidates fits (武汉黄冈, two
    neighbours) is not a chain and constrains nothing."""
    changed = True
    while changed:
        changed = False
        for a, b in links:
            if not domains.get(a) or not domains.get(b):
                continue
            keep_a, keep_b = set(), set()
            for y in domains[b]:
                above = domains[a].intersection(table.ancestors(y))
                if above:
                    keep_b.add(y)
                    keep_a |= above
            if keep_b and (keep_a != domains[a] or keep_b != domains[b]):
                domains[a], domains[b] = keep_a, keep_b
                changed = True


def _short_forms(rows: Sequence[PlaceRow]) -> dict[int, int]:
    """Rule a0: row index → the row it is the short form of, for a name that is the stem of
    exactly one town, subdistrict, village or community row of the article (绥阳 beside 绥阳镇:
    高铁绥阳站, 绥阳辖区), unless the article also writes a county or city of that stem in full
    (绥阳县), whose short form it would be. The short form then takes that row's code: read
    alone, 绥阳 is the one county of that name (Guizhou), not the 东宁 town the article is about."""
    stems: dict[str, set[int]] = {}
    for j, row in enumerate(rows):
        stem = local_stem(row.name)
        if stem:
            stems.setdefault(stem, set()).add(j)
    names = {row.name for row in rows}
    aliases = {}
    for i, row in enumerate(rows):
        full = stems.get(row.name)
        if full and len(full) == 1 and not any(row.name + s in names for s in FOLDED_SUFFIXES):
            aliases[i] = next(iter(full))
    return aliases


#: Longest prefix of an outlet's name read as a division.
_OUTLET_HOME_MAX_CHARS = 8


def outlet_divisions(source: Optional[str], table: Divisions, keep: Callable[[int], bool]) -> Optional[int]:
    """The division a local outlet is named after: for each outlet of ``source``, the divisions
    (by name or short form) of the longest prefix of its name that has some ``keep`` accepts;
    the one such division over all outlets, else ``None``."""
    homes = set()
    for outlet in outlet_names(source):
        for k in range(min(len(outlet), _OUTLET_HOME_MAX_CHARS), 1, -1):
            found = {c for c in set(table.lookup(outlet[:k])) | set(table.lookup_short(outlet[:k])) if keep(c)}
            if found:
                homes |= found
                break
    return next(iter(homes)) if len(homes) == 1 else None


def outlet_home(source: Optional[str], table: Divisions) -> Optional[int]:
    """The province or prefecture a local outlet is named after (河北日报 → 河北省, 株洲日报 →
    株洲市), when its name opens with exactly one such division; ``None`` for national outlets
    (人民日报, 光明日报: 光明 is a district, not a province or prefecture).

    >>> t = divisions_table()
    >>> outlet_home("河北日报", t), outlet_home("株洲日报", t), outlet_home("光明日报", t)
    (130000000000, 430200000000, None)
    """
    return outlet_divisions(source, table, lambda c: table.level(c) <= 2)


def town_short_candidates(name: str, level: str, table: Divisions) -> tuple[int, ...]:
    """Rule a1's candidates: the towns whose short form a name is (付家店 → 付家店满族乡), for a
    name of three characters or more that is no division as written and no known country or
    region (``region`` level: the entities stage found no suffix)."""
    if level != "region" or len(name) < 3 or name in COUNTRIES or name in REGIONS:
        return ()
    return table.lookup_town_short(name)


def _renamed_towns(name: str, table: Divisions) -> tuple[int, ...]:
    """Rule a2's candidates: the towns of the same stem under another town suffix (高峰镇 →
    高峰街道, 高峰乡): towns become subdistricts (撤镇设街道) and townships towns, and the 2023
    table has the new name of a town a 2020 article wrote by the old one."""
    stem = local_stem(name)
    if not stem or not name.endswith(TOWN_SUFFIXES):
        return ()
    return table.lookup_town_short(stem)


def _county_evidence(domains: dict[int, set[int]], table: Divisions) -> set[int]:
    """The counties (level 3) the article's resolved places are or lie in."""
    out = set()
    for codes in domains.values():
        if len(codes) == 1:
            code = next(iter(codes))
            out.update(c for c in (code, *table.ancestors(code)) if table.level(c) == 3)
    return out


def _confirmed(domains: dict[int, set[int]], weak: frozenset[int], table: Divisions) -> tuple[dict[int, set[int]], set[int]]:
    """The rows that count as evidence, and the counties they pin down. A town's short form
    (a ``weak`` row) counts only once a county resolved by the other rows holds its one
    candidate: a short form with a single town of that name in the country is still no
    evidence, neither for itself nor for another row."""
    strong = {i: codes for i, codes in domains.items() if i not in weak}
    counties = _county_evidence(strong, table)
    evidence = dict(strong)
    for i in weak:
        codes = domains.get(i, ())
        if len(codes) == 1 and counties.intersection(table.ancestors(next(iter(codes)))):
            evidence[i] = codes
    return evidence, counties


def _narrow_by_article(domains: dict[int, set[int]], table: Divisions, home: Optional[int] = None,
                       weak: frozenset[int] = frozenset()) -> bool:
    """Rule c: an ambiguous place keeps the candidates that are, or lie under, a division
    resolved in the article (or that division's province, city or county); exactly one left →
    resolved. Resolved places are never changed. No candidate is preferred for lying under a
    more specific division: in a 株洲 article that sends teams to 武汉, a 茶园村 of 武汉 would win
    over the Hunan ones. Unconfirmed town short forms are not evidence (``_confirmed``)."""
    evidence_rows, counties = _confirmed(domains, weak, table)
    evidence: set[int] = set() if home is None else {home, *table.ancestors(home)}
    for codes in evidence_rows.values():
        if len(codes) == 1:
            code = next(iter(codes))
            evidence.add(code)
            evidence.update(table.ancestors(code))
    changed = False
    for i, codes in domains.items():
        if i in weak:
            if i in evidence_rows:
                continue
            # a town's short form: only a county the article resolves pins it down
            kept = {c for c in codes if counties.intersection(table.ancestors(c))}
            if len(kept) == 1 and kept != codes:
                domains[i] = kept
                changed = True
            continue
        if len(codes) > 1:
            kept = {c for c in codes if c in evidence or evidence.intersection(table.ancestors(c))}
            if len(kept) == 1:
                domains[i] = kept
                changed = True
    return changed


def hierarchy(code: int, table: Divisions) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """Names of the province, city (prefecture) and county a division is in or is; ``None``
    above the division's own level, and where the table has no such level (仙桃市 has no
    prefecture; 东莞's towns no county). In the four municipalities the municipality is also
    the ``city`` of its districts, towns and villages.

    >>> t = divisions_table()
    >>> hierarchy(420528107203, t), hierarchy(110106009000, t), hierarchy(110000000000, t)
    (('湖北省', '宜昌市', '长阳土家族自治县'), ('北京市', '北京市', '丰台区'), ('北京市', None, None))
    """
    by_level = {table.level(c): table.name(c) for c in (code, *table.ancestors(code))}
    province, city, county = by_level.get(1), by_level.get(2), by_level.get(3)
    if city is None and code // 10**10 in MUNICIPALITIES and table.level(code) >= 3:
        city = province
    return province, city, county


def geocode_places(rows: Sequence[PlaceRow], text: str, source: Optional[str] = None) -> list[PlaceRow]:
    """``rows`` with ``adcode``, ``adcode_status``, ``province``, ``city`` and ``county`` set;
    ``source``: the article's outlet as written (its home region is evidence for rule c)."""
    table = divisions_table()
    domains: dict[int, set[int]] = {}
    status: dict[int, str] = {}
    aliases = _short_forms(rows)
    home = outlet_home(source, table)
    weak: set[int] = set()
    as_written: dict[int, set[int]] = {}  # towns that may since have been renamed: the exact names
    for i, row in enumerate(rows):
        if i in aliases:
            continue
        found = candidates(row.name, row.level, table)
        renamed = set(_renamed_towns(row.name, table)) - set(found or ())
        if found is None and (towns := town_short_candidates(row.name, row.level, table)):
            domains[i] = set(towns)
            weak.add(i)
        elif found is None:
            status[i] = NOT_DIVISION
        elif not found and not renamed:
            status[i] = UNKNOWN
        else:
            domains[i] = set(found) | renamed
            if renamed and found:
                as_written[i] = set(found)
    links, extra = _chain_links(rows, text, set(domains), table)
    for i, found in extra.items():
        domains[i] = set(found)
    while True:
        _propagate_chains(domains, links, table)   # rule a; rule b is a domain of one
        if not _narrow_by_article(domains, table, home, frozenset(weak)):  # rule c (and a1)
            break
    for i, exact in as_written.items():
        if len(domains[i]) > 1 and len(exact & domains[i]) == 1:
            domains[i] = exact & domains[i]  # the evidence did not point to a renamed town: as written
    confirmed, _ = _confirmed(domains, frozenset(weak), table)
    out = []
    for i, row in enumerate(rows):
        codes = domains.get(aliases.get(i, i))
        if i in aliases:
            # the short form is the place its full name is: its level and its outcome
            row = dataclasses.replace(row, level=rows[aliases[i]].level)
            if aliases[i] in status:
                status[i] = status[aliases[i]]
        j = aliases.get(i, i)
        if j in weak and j not in confirmed:
            codes = None  # one town of that short form in the country is still no evidence
        if codes and len(codes) == 1:
            code = next(iter(codes))
            if j in weak:  # 付家店 is the town 付家店满族乡: the row says so
                row = dataclasses.replace(row, level="subdistrict" if table.name(code).endswith("街道") else "town")
            province, city, county = hierarchy(code, table)
            out.append(dataclasses.replace(row, adcode=adcode_str(code), adcode_status=RESOLVED,
                                           province=province, city=city, county=county))
        else:
            out.append(dataclasses.replace(row, adcode=None, adcode_status=status.get(i, AMBIGUOUS),
                                           province=None, city=None, county=None))
    return out
