"""Place, organization and date of each claim, from the claim's own sentence.

``attach_context(claims, text, sentence_spans, places, organizations, published_at)
-> list[NumericClaim]`` returns copies of ``claims`` (``dataclasses.replace``) with
``place`` / ``organization`` / ``date`` filled; everything is matched on the same simplified
shadow as the grammar, so traditional input behaves the same.

The *anchor* of a claim is its first numeral character (``口罩10万只`` → the ``1``); "before
the number" means ending at or before the anchor.

A cue (place name, scope word or organization name) *reaches* the number when no ``。；！？``
or line break lies between them and either no comma lies between them or the cue opens its
comma clause (only adverbials such as 据统计 / 目前 / 在 / a date before it:
claim_clause_openers.tsv) and no later comma clause starts a new subject (他/她/他们/我们/
大家…: claim_new_subjects.tsv, a place name or a scope word). The nearest reaching cue
before the anchor wins.

place
    Cues are occurrences of ``places`` row names (longest name at a position; a name inside
    an organization name occurring there is not a cue: 石家庄市人民医院10名医生 →
    organization 石家庄市人民医院, place None) and scope words: 全市/我市/本市/该市 → a …市 /
    city place named earlier in the sentence (醴陵市公安局…奔赴全市7个 → 醴陵市), else the
    article's ``city`` row with most mentions; likewise 县 → county, 区 → district, 省 →
    province, 镇/乡 → town, 村 → village, 街道 → subdistrict, 社区 → community, 全国 →
    country (the ``scope`` column of place_suffixes.tsv). A scope word whose level has no
    row gives None, except 全国, which is then 中国 (``HOME_COUNTRY``): a national figure in a
    株洲 story is no 株洲 figure.
organization
    Cues are ``organizations`` row names, plus the parent written alone for unit rows
    (际华3502公司党委 also matches 际华3502公司: org_heads.tsv, columns claim_unit / claim_parent). An organization
    followed by 、/和/及/与 is a list member, not the owner of the figure
    (成立…临时党委、5个工作组临时党支部 → None).
date
    A 月日 date in the sentence (``MONTH_DAY_RE``: the claim variant of pipeline/text/dates.py):
    the nearest one before the anchor, else the first one after it. 1月19日 / 一月十九日 /
    1月19号 / 2020年2月1日 / 2020-02-01 / 1月21日至29日 (first day) / 6月27日凌晨 (time
    dropped). Without a written year the year comes from ``published_at``, minus one when
    the month is after the publication month (a 12月 date in a January article);
    去年/前年/明年 before the month shift it. No ``published_at`` and no written year,
    month-only (2020年2月) or season words (春节期间) → None.

>>> from datetime import datetime
>>> from pipeline.claims import extract_statistics
>>> from pipeline.records import PlaceRow
>>> text = "全市4050个农村党组织投入战斗。"
>>> out = attach_context(extract_statistics(text, []), text, [], [PlaceRow("", "石家庄市", "city", 3, 0, 4, None)],
...                      [], datetime(2021, 1, 23))
>>> [(c.place, c.organization, c.date) for c in out]
[('石家庄市', None, None)]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date, datetime
from typing import NamedTuple, Optional, Sequence

from pipeline.records import NumericClaim
from pipeline.segment import SentenceIndex
from pipeline.text.chars import HAN
from pipeline.text.dates import MONTH_DAY_RE, month_day_date
from pipeline.text.numerals import CN_DIGITS

from . import words as W
from .extract import CLAUSE_BREAK
from .shadow import shadow

#: The date grammar of claims (pipeline/text/dates.py), matched on the shadow.

_COUNTRY_SCOPES = [w for w, level in W.SCOPE_LEVEL.items() if level == "country"]
#: The country a 全国 figure belongs to when the article names none as a place.
HOME_COUNTRY = "中国"
_LOCAL_SCOPES = [w for w in W.SCOPE_LEVEL if w not in _COUNTRY_SCOPES]
# 全市 / 我市 / 本市 / 该市; the country only as 全国 (我国 is the writer's country, not a scope)
SCOPE_RE = re.compile(rf"(?:全|我|本|该)({'|'.join(sorted(_LOCAL_SCOPES, key=lambda w: (-len(w), w)))})"
                      rf"|全({'|'.join(_COUNTRY_SCOPES)})")
_COMMA = re.compile(r"[，,]")
# What may stand between the start of a clause and a cue in subject position
# (据统计,在这场…中,全市…; 目前,际华3502公司…; 1月28日,位于株洲的…公司).
_LEAD_OK = re.compile(
    rf"(?:[\s“”\"'‘’—]|{W.CLAUSE_OPENER_ALTERNATION}|[0-9]{{1,4}}[年月日号时]|[0-9]{{1,2}}分|位于[{HAN}]{{2,6}}的)*")
_SIBLING_RE = re.compile(rf"(?:{W.LIST_MEMBER_ALTERNATION})")
_NEW_SUBJECT_RE = re.compile(
    rf"[\s“”\"']*(?:{W.NEW_SUBJECT_CONNECTIVES})?[\s]*(?:{W.NEW_SUBJECT_PRONOUNS})")
_ANCHOR_RE = re.compile(rf"[0-9{CN_DIGITS}十百千万亿半几数]|百分之")
_ORG_UNIT_SUFFIX = re.compile(rf"(?:{W.ORG_UNIT_ALTERNATION})$")
_ORG_STEM_HEAD = re.compile(rf"(?:{W.ORG_PARENT_HEAD_ALTERNATION})$")


class Occurrence(NamedTuple):
    """A name found in the shadow text (a place with its level, an organization)."""

    start: int
    end: int
    name: str
    level: Optional[str] = None


class Cue(NamedTuple):
    """What may give a claim its place: a place name, or a scope word (全市) with the
    article's main place of that level (``place``, None when it has none)."""

    start: int
    end: int
    place: Optional[str]
    is_scope: bool
    scope: Optional[str]  # the suffix of a scope word (市 of 全市)


class DateMention(NamedTuple):
    start: int
    end: int
    match: re.Match


def _org_names(organizations) -> list[str]:
    """Organization row names, plus the parent written alone: a unit row such as
    际华3502公司党委 also yields 际华3502公司 (stem ending in an organization head)."""
    names = []
    for o in organizations:
        n = o.name
        if not n:
            continue
        names.append(n)
        m = _ORG_UNIT_SUFFIX.search(n)
        if m and m.start() >= 4 and _ORG_STEM_HEAD.search(n, 0, m.start()):
            names.append(n[:m.start()])
    return names


def _names_re(names) -> Optional[re.Pattern]:
    uniq = sorted({n for n in names if n and len(n) >= 2}, key=len, reverse=True)
    if not uniq:
        return None
    return re.compile("|".join(re.escape(n) for n in uniq))


def _fits_scope(place: Occurrence, scope: str) -> bool:
    """A place occurrence fits a scope word (全市 → …市 / city)."""
    return place.name.endswith(scope) or place.level == W.SCOPE_LEVEL[scope]


def _main_place(places, level: str) -> Optional[str]:
    """The article's place row of ``level`` with most mentions (earliest on a tie)."""
    best = None
    for p in places:
        if p.level != level or not p.name or len(p.name) < 2:
            continue
        key = (p.mentions or 0, -(p.start if p.start is not None else 1 << 30))
        if best is None or key > best[0]:
            best = (key, p.name)
    return best[1] if best else None


def _last_before(occ: list, starts: list, lo: int, anchor: int):
    """Last occurrence with start >= lo and end <= anchor (``occ`` sorted by start)."""
    i = bisect.bisect_left(starts, anchor) - 1
    while i >= 0 and occ[i].start >= lo:
        if occ[i].end <= anchor:
            return occ[i]
        i -= 1
    return None


def _subject_position(sh: str, start: int, ss: int) -> bool:
    """The cue at ``start`` opens its comma clause (only adverbials before it)."""
    lo = ss
    for m in _COMMA.finditer(sh, ss, start):
        lo = m.end()
    m = _LEAD_OK.match(sh, lo, start)
    return m.end() == start


def _reaches(sh: str, cue, anchor: int, ss: int, cues: list[Cue], cue_starts: list[int]) -> bool:
    """A cue ending before ``anchor`` governs the number there: same clause, or
    the cue is the subject of an earlier comma clause and no new subject intervenes."""
    if CLAUSE_BREAK.search(sh, cue.end, anchor):
        return False
    commas = list(_COMMA.finditer(sh, cue.end, anchor))
    if not commas:
        return True
    if not _subject_position(sh, cue.start, ss):
        return False
    return not any(_new_subject(sh, cm.end(), cues, cue_starts) for cm in commas)


def _new_subject(sh: str, p: int, cues: list[Cue], cue_starts: list[int]) -> bool:
    """A clause starting at ``p`` (right after a comma) names a new subject."""
    if _NEW_SUBJECT_RE.match(sh, p):
        return True
    while p < len(sh) and sh[p].isspace():
        p += 1
    j = bisect.bisect_left(cue_starts, p)
    return j < len(cues) and cues[j].start == p


class _Page(NamedTuple):
    """The cues of one page, sorted by start, with their start offsets for bisection."""

    sh: str
    cues: list[Cue]
    cue_starts: list[int]
    places: list[Occurrence]  # every place-name occurrence, inside organization names too
    place_starts: list[int]
    orgs: list[Occurrence]
    org_starts: list[int]
    dates: list[DateMention]
    date_starts: list[int]


def _page_cues(sh: str, places: Sequence, organizations: Sequence) -> _Page:
    org_re = _names_re(_org_names(organizations))
    orgs = [Occurrence(m.start(), m.end(), m.group(0)) for m in org_re.finditer(sh)] if org_re else []
    place_re = _names_re(p.name for p in places)
    cues: list[Cue] = []
    all_places: list[Occurrence] = []
    level_of = {p.name: p.level for p in places}
    if place_re:
        oi = 0
        for m in place_re.finditer(sh):
            ps, pe = m.start(), m.end()
            while oi < len(orgs) and orgs[oi].end <= ps:
                oi += 1
            inside = any(o.start <= ps and pe <= o.end for o in orgs[max(0, oi - 1):oi + 3])
            all_places.append(Occurrence(ps, pe, m.group(0), level_of.get(m.group(0))))
            if not inside:
                cues.append(Cue(ps, pe, m.group(0), False, None))
    main_place: dict[str, Optional[str]] = {}
    for m in SCOPE_RE.finditer(sh):
        scope = m.group(1) or m.group(2)
        level = W.SCOPE_LEVEL[scope]
        if level not in main_place:
            # 全国 with no country row in the article: the writer's country (a national figure
            # must not fall to the article's own place)
            main_place[level] = _main_place(places, level) or (HOME_COUNTRY if level == "country" else None)
        cues.append(Cue(m.start(), m.end(), main_place[level], True, scope))
    cues.sort()
    dates = [DateMention(m.start(), m.end(), m) for m in MONTH_DAY_RE.finditer(sh)]
    return _Page(sh, cues, [c.start for c in cues], all_places, [p.start for p in all_places],
                 orgs, [o.start for o in orgs], dates, [d.start for d in dates])


def _place_of(page: _Page, anchor: int, ss: int) -> Optional[str]:
    sh, cues, cue_starts = page.sh, page.cues, page.cue_starts
    cue = _last_before(cues, cue_starts, ss, anchor)
    while cue is not None and not _reaches(sh, cue, anchor, ss, cues, cue_starts):
        cue = _last_before(cues, cue_starts, ss, cue.start)
    if cue is None:
        return None
    if not cue.is_scope:
        return cue.place
    # scope word: a place of that level named earlier in the sentence, else the main one
    near = _last_before(page.places, page.place_starts, ss, cue.start)
    while near is not None and not _fits_scope(near, cue.scope):
        near = _last_before(page.places, page.place_starts, ss, near.start)
    return near.name if near is not None else cue.place


def _organization_of(page: _Page, anchor: int, ss: int) -> Optional[str]:
    sh = page.sh
    org = _last_before(page.orgs, page.org_starts, ss, anchor)
    while org is not None and (_SIBLING_RE.match(sh, org.end)
                               or not _reaches(sh, org, anchor, ss, page.cues, page.cue_starts)):
        org = _last_before(page.orgs, page.org_starts, ss, org.start)
    return org.name if org is not None else None


def _date_of(page: _Page, anchor: int, ss: int, se: int, published_at) -> Optional[date]:
    d = _last_before(page.dates, page.date_starts, ss, anchor)
    if d is None:
        j = bisect.bisect_left(page.date_starts, anchor)
        if j < len(page.dates) and page.dates[j].start < se:
            d = page.dates[j]
    return month_day_date(d.match, published_at) if d is not None else None


def attach_context(claims: list[NumericClaim], text: str, sentence_spans: Sequence[tuple[int, int]],
                   places: Sequence, organizations: Sequence,
                   published_at: Optional[datetime]) -> list[NumericClaim]:
    """Fill ``place``, ``organization`` and ``date`` of each claim from its sentence."""
    if not claims:
        return []
    sh = shadow(text)
    sentences = SentenceIndex(text, sentence_spans)
    page = _page_cues(sh, places, organizations)
    out = []
    for c in claims:
        ss, se = sentences.containing(c.start)
        am = _ANCHOR_RE.search(sh, c.start, max(c.end, c.start + 1))
        anchor = am.start() if am else c.start
        out.append(replace(c, place=_place_of(page, anchor, ss), organization=_organization_of(page, anchor, ss),
                           date=_date_of(page, anchor, ss, se, published_at)))
    return out
