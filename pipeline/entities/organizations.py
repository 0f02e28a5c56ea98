"""Organization rows: distinct named organizations of an article, and the outlets of its chrome.

Contract
--------
``organization_rows(units, mentions_by_unit, meta, clean, article_id) -> list[OrganizationRow]``:
one row per distinct organization mention that is a name, not a kind (``is_generic_org``:
党组织, 上级党委, 该院 are never rows), in order of first mention, with ``org_type`` from its
head noun and ``generic`` when it is a kind or relative name (镇党委, 市人民医院: ``is_bare_kind``); then the outlets and agencies named in the chrome (the source field, a byline's
河北日报记者…, a caption's 新华社发), with offsets of their first body mention if any.

>>> is_generic_org("各级党组织"), is_generic_org("上级党委"), is_generic_org("石家庄市人民医院")
(True, True, False)
>>> outlet_names("湖南日报·新湖南客户端"), outlet_names("重庆日报全媒体"), outlet_names(None)
(['湖南日报', '新湖南客户端'], ['重庆日报'], [])
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from ..affixes import Affixes
from ..gazetteer import COUNTRIES, FOLDED_SUFFIXES, divisions
from ..lexicons import alternation, lexicon
from ..records import ArticleMetadata, CleanPage, OrganizationRow
from ..resources import jieba_module, jieba_word_tags, to_simplified_lines
from ..text.chars import HAN, is_han
from ..text.dates import CHROME_DATE_RE
from .heads import KNOWN_ORGANIZATIONS, ORG_HEAD_ENDINGS, ORG_HEADS_BY_LENGTH, org_type, sent_team_join, venue_owner
from .mentions import FirstMentions, Mention, TextUnit
from .name_words import EVENT_ENDINGS, PARK_ENDINGS

_GENERIC = lexicon("generic_orgs")
_GENERIC_NAMES = frozenset(_GENERIC.where("match", "whole"))
_GENERIC_ENDINGS = _GENERIC.where("match", "end")  # …党组织 is a kind, …领导小组 a task force
_NAMED_ENDINGS = tuple(r.word for r in _GENERIC.records() if r.match == "end" and r.named == "yes")
_GENERIC_INSIDE = _GENERIC.where("match", "inside")  # 全国人大有关专门委员会: a reference
_NATIONAL_OPENERS = tuple(lexicon("national_openers").words())
# 十九届二中、三中全会: a plenary session's ordinal, read as a school (二中 = No. 2 Middle School)
_PLENUM_ORDINAL = re.compile("(?:[一二三四五六七八九十]+届)?[一二三四五六七八九]中")


def _generic_starts() -> list[tuple[re.Pattern, Optional[int]]]:
    """(prefix pattern, longest generic name or None) per max_length of the start words."""
    rows = [(r.word, r.max_length) for r in _GENERIC.records() if r.match == "start"]
    limits = list(dict.fromkeys(limit for _, limit in rows))
    return [(re.compile(f"^(?:{alternation(w for w, lim in rows if lim == limit)})"),
             None if limit == "-" else int(limit)) for limit in limits]


# 上级党委, 机关党支部: a level or kind; 各级党组织, 全市党组织, 该院党委: a quantifier or pronoun
_GENERIC_STARTS = _generic_starts()

# The outlet before 记者/通讯员 in a byline or caption: 河北日报记者 张 昊
_BYLINE_OUTLET = re.compile(
    rf"^[(（]?([{HAN}]{{2,12}}?(?:{alternation(lexicon('outlet_suffixes').flagged('byline'))}))(?:讯)?(?:记者|通讯员)")
_AGENCY_CAPTION = re.compile(
    rf"({alternation(lexicon('news_agencies').words())})(?:记者[{HAN} ]{{2,12}})?(?:发|摄)")
_OUTLET_SEPARATORS = re.compile(r"\s*[·•\-—|｜/、]\s*")
_OUTLET_TAIL = re.compile(rf"(?<=[报网台社])(?:{alternation(lexicon('outlet_suffixes').flagged('channel'))})$")


class ChromeOrganization(NamedTuple):
    """An outlet or agency named in the chrome, and the chrome line that names it."""

    name: str
    context: Optional[str]


def organization_rows(units: list[TextUnit], mentions_by_unit: list[list[Mention]], meta: ArticleMetadata,
                      clean: CleanPage, article_id: str) -> list[OrganizationRow]:
    seen = FirstMentions()
    for mentions in mentions_by_unit:
        for m in mentions:
            if m.label != "ORG":
                continue
            name = units[m.unit].text[m.start:m.end]
            if name.endswith(PARK_ENDINGS) and (owner := venue_owner(name)) and owner not in COUNTRIES:
                seen.add(owner, m.unit, m.start, m.start + len(owner))  # 三峡集团 of 三峡集团白鹤滩水电站
            if is_generic_org(name) or _kind_after_clause(name) or name.endswith(PARK_ENDINGS) \
                    or name.endswith(EVENT_ENDINGS) and name not in KNOWN_ORGANIZATIONS:
                continue  # a kind, a park or resort (a place: places.py) or an event, not a body
            seen.add(name, m.unit, m.start, m.end)
            join = sent_team_join(name, 0, len(name))
            sender = name[:join[0]] if join is not None else ""
            if sender.endswith(ORG_HEAD_ENDINGS) and not is_generic_org(sender):
                # 宁夏医科大学总医院第一批援鄂医疗队: the hospital that sent the team is a body too
                seen.add(sender, m.unit, m.start, m.start + len(sender))
    # a known short name written as a longer company name too (华为 and 华为公司, 华为技术有限公司) is
    # one body: the row goes under the longer name
    for name in [n for n in seen.first if n in KNOWN_ORGANIZATIONS]:
        if any(other.startswith(name) and org_type(other) == "company" for other in seen.first if other != name):
            del seen.first[name]
    rows = []
    body = clean.text
    for name, first in seen.first.items():
        s, e, sentence = units[first.unit].position(first.start, first.end)
        rows.append(OrganizationRow(article_id, name, org_type(name), body.count(name), s, e, sentence,
                                    is_bare_kind(name)))
    # Outlets and agencies named in the chrome (来源, bylines, "新华社发") are organizations too.
    extra = [ChromeOrganization(name, meta.source) for name in outlet_names(meta.source)]
    # bylines are in the page's script (captions are simplified already): match and report simplified
    for text in to_simplified_lines(list(clean.bylines)) + list(clean.captions):
        compact = text.replace(" ", "")
        m = _BYLINE_OUTLET.match(compact)
        if m and not m.group(1).startswith("本"):
            extra.append(ChromeOrganization(m.group(1), text))
        for agency in _AGENCY_CAPTION.finditer(compact):
            extra.append(ChromeOrganization(agency.group(1), text))
    names = {r.name for r in rows}
    for name, context in extra:
        if name not in names and len(name) >= 2:
            names.add(name)
            count = body.count(name)
            pos = body.find(name)
            if pos >= 0:
                rows.append(OrganizationRow(article_id, name, org_type(name), count, pos, pos + len(name),
                                            units[0].sentence_at(pos), is_bare_kind(name)))
            else:
                rows.append(OrganizationRow(article_id, name, org_type(name), 0, None, None, context,
                                            is_bare_kind(name)))
    return rows


_LATIN_NAME = re.compile(r"[A-Za-z]{2}")  # CGTN, Reuters: an outlet written in Latin letters
_EDGE_PUNCTUATION = re.compile(r"^[\s!！?？.。,，;；:：、]+|[\s!！?？.。,，;；:：、]+$")


def outlet_names(source: Optional[str]) -> list[str]:
    """The outlets in a source field: 湖南日报·新湖南客户端 → 湖南日报, 新湖南客户端;
    人民网-广西频道 → 人民网, 广西频道; 重庆日报全媒体 → 重庆日报. Punctuation around a part, the
    《》 of a paper and a date after the outlet are no part of the name (来源:人民网!! → 人民网;
    光明网-《光明日报》2024-05-20 → 光明网, 光明日报); a part with neither a Chinese character nor two
    Latin letters (05, 20) is none.

    >>> outlet_names("光明网-《光明日报》2024-05-20"), outlet_names("CGTN")
    (['光明网', '光明日报'], ['CGTN'])
    """
    if not source:
        return []
    names = []
    # a date written after the outlet (光明网-《光明日报》2024-05-20) is no part of a name
    for part in _OUTLET_SEPARATORS.split(CHROME_DATE_RE.sub("", source)):
        # 《人民日报》海外版: the brackets go wherever they are, not only at the ends
        part = _OUTLET_TAIL.sub("", _EDGE_PUNCTUATION.sub("", part).replace("《", "").replace("》", ""))
        if len(part) >= 2 and (any(map(is_han, part)) or _LATIN_NAME.search(part)) and part not in names:
            names.append(part)
    return names


# heads and kind words, asked which one a name ends with (is_bare_kind)
_KINDS_AND_HEADS = Affixes((*ORG_HEADS_BY_LENGTH, *lexicon("generic_org_qualifiers").words()))


def _kind_after_clause(name: str) -> bool:
    """A kind of body after the clause's words (加快提升乡镇卫生院, 快速扩充乡镇卫生院): a kind, however the
    clause before it ran into the mention."""
    tags = jieba_word_tags()
    for k in range(2, len(name) - 1):
        if is_generic_org(name[k:]):
            words = list(jieba_module().cut(name[:k]))
            # only clause words before the kind, two at least or an adverb or preposition (经营党支部,
            # one verb before a branch, is that branch's name)
            if all(tags.get(w, "")[:1] in ("v", "d", "p", "c") for w in words) \
                    and (len(words) >= 2 or tags.get(words[0], "")[:1] in ("d", "p", "c")):
                return True
    return False


def is_bare_kind(name: str) -> bool:
    """A row that names a kind or a relative unit, not one body (the ``generic`` column):
    only heads and kind words (generic_org_qualifiers.tsv) make up the name.

    >>> [is_bare_kind(n) for n in ("医院党委", "临时党总支", "镇党委", "方舱医院", "市人民医院")]
    [True, True, True, True, True]
    >>> [is_bare_kind(n) for n in ("石家庄市人民医院", "吉林市第五所方舱医院", "全国政协", "大源集团")]
    [False, False, False, False]
    """
    if name in KNOWN_ORGANIZATIONS:
        return False
    rest = name
    while rest:
        word = _KINDS_AND_HEADS.longest_ending(rest)
        if word is None:
            return False
        rest = rest[:-len(word)]
    return True


def is_generic_org(name: str) -> bool:
    """A kind, level or reference (党组织, 上级党委, 该院), not an organization's name."""
    if name in KNOWN_ORGANIZATIONS:
        return False
    if len(name) < 2 or name in _GENERIC_NAMES or _PLENUM_ORDINAL.fullmatch(name) \
            or any(word in name for word in _GENERIC_INSIDE):
        return True
    if name.endswith(_GENERIC_ENDINGS):
        # 中央应对新冠肺炎疫情工作领导小组, 北京…领导小组: a named task force; 区…领导小组 a kind
        return not (name.endswith(_NAMED_ENDINGS) and _opens_with_named_unit(name))
    return any(prefix.match(name) and (limit is None or len(name) <= limit) for prefix, limit in _GENERIC_STARTS)


def _opens_with_named_unit(name: str) -> bool:
    """The name opens with a national body word (中央, 国务院), the name of a province or
    prefecture (北京, 湖北省, 株洲市) or a county's full name of three or more characters
    (芦淞区); not a two-character district name (城区, 郊区: words as much as names) or a
    district's short form (江北)."""
    if name.startswith(_NATIONAL_OPENERS):
        return True
    for k in (4, 3, 2):
        level = divisions().get(name[:k])
        if level in ("province", "city") or (level and k >= 3 and name[k - 1] in FOLDED_SUFFIXES):
            return True
    return False
