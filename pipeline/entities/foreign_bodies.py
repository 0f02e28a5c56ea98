"""Foreign parties and bodies written between their country and the title of their leader.

CCTV's lists of the foreign parties that wrote to the CPC read "country + party + title + name"
(哥斯达黎加广泛阵线总书记奥尔特加, 泰国为泰党战略委员会副主席、前副总理颇钦), and the model, trained on
1998 text, finds few of those parties. ``foreign_body_spans(text)`` gives the rule mentions; the
trimming of mentions (``edges.trim_mention``) asks ``is_foreign_body`` before it cuts a name at a
function word, because such names hold some (为泰党, 人民民主和正义阵线, 意大利议会“中国之友”协会).

>>> text = "哥斯达黎加广泛阵线总书记奥尔特加表示。"
>>> [(text[s:e], is_foreign_body(text, s, e)) for s, e in foreign_body_spans(text)]
[('哥斯达黎加广泛阵线', True)]
"""
from __future__ import annotations

import re
from typing import Optional

from ..gazetteer import COUNTRIES, FOREIGN_COUNTRIES
from ..lexicons import alternation
from ..resources import jieba_word_tags
from .heads import KNOWN_ORGANIZATIONS_BY_FIRST
from .name_words import FOREIGN_BODY_ENDINGS, NAME_STOP_CHARS, PARTY_NAME_CHARS, TITLE_HEAD_RE

#: a country other than China (its bodies are known by name: known_organizations.tsv)
FOREIGN_COUNTRY_RE = re.compile(alternation(FOREIGN_COUNTRIES))
#: the longest clause from a country to a title read as a foreign body's name, and the most
#: characters of a title written before its head (人民民主和正义阵线 + 中央政治 + 部长)
_FOREIGN_BODY_MAX_CHARS = 24
_TITLE_QUALIFIER_MAX_CHARS = 6
_CLAUSE_BREAKS = frozenset("、，。；：！？\n")
_NOT_IN_PARTY_NAME = NAME_STOP_CHARS - PARTY_NAME_CHARS


def _clause_start(text: str, pos: int) -> int:
    """Start of the clause ``pos`` is in, or -1 when it is further back than a body's name runs."""
    k = pos
    while k > 0 and text[k - 1] not in _CLAUSE_BREAKS:
        if pos - k > _FOREIGN_BODY_MAX_CHARS:
            return -1
        k -= 1
    return k


#: a conjunction then a country: two bodies listed, not one name (越南共产党和中国国民党)
_SECOND_BODY_RE = re.compile(rf"[和与及](?:{alternation(COUNTRIES)})")


def _body_holds_no_clause_word(text: str, start: int, end: int) -> bool:
    return not any(c in _NOT_IN_PARTY_NAME for c in text[start:end]) \
        and not _SECOND_BODY_RE.search(text, start, end) and not _verb_before_known_body(text, start, end)


def _verb_before_known_body(text: str, start: int, end: int) -> bool:
    """A dictionary verb of two characters or more stands right before a known body inside the span
    (希腊钦佩 + 中国共产党: a clause about that body; 解放巴勒斯坦民主阵线 names no known body after 解放)."""
    tags = jieba_word_tags()
    for k in range(start + 2, end - 1):
        if any(text.startswith(name, k) and k + len(name) <= end for name in KNOWN_ORGANIZATIONS_BY_FIRST.get(text[k], ())) \
                and any(tags.get(text[k - n:k], "")[:1] == "v" for n in (2, 3) if k - n >= start):
            return True
    return False


def foreign_body_spans(text: str, titles: Optional[list[tuple[int, int]]] = None) -> list[tuple[int, int]]:
    """A foreign party or body written between its country, at the start of a clause, and the
    title of its leader: from the country to the last body ending (foreign_body_endings.tsv)
    before the title, with no clause word inside (function words other than those party names
    hold: 和, 与, 为, quotes, brackets). ``titles``: the spans of the title heads of ``text``
    (``TITLE_HEAD_RE``), when the caller has them."""
    spans: list[tuple[int, int]] = []
    if not FOREIGN_COUNTRY_RE.search(text):
        return spans  # most texts name no foreign country: no title scan
    for title_start, _ in (titles if titles is not None else [t.span() for t in TITLE_HEAD_RE.finditer(text)]):
        k = _clause_start(text, title_start)
        country = FOREIGN_COUNTRY_RE.match(text, k) if k >= 0 else None
        if not country or (spans and spans[-1][0] == k):
            continue
        body = country.end()
        ends = [e for e in range(body + 2, title_start + 1)
                if text.endswith(FOREIGN_BODY_ENDINGS, body, e) and title_start - e <= _TITLE_QUALIFIER_MAX_CHARS]
        if ends and _body_holds_no_clause_word(text, body, ends[-1]):
            spans.append((k, ends[-1]))
    return spans


#: the most characters of a party's name before 党 (亲民党, 联盟党, 人民行动党)
_PARTY_NAME_MAX_CHARS = 5
#: what opens a party's name when no country does: the start of a clause, a list's joiner or a quote
_PARTY_NAME_OPENERS = _CLAUSE_BREAKS | frozenset("“「《和与及")


def party_before_title_spans(text: str, titles: list[tuple[int, int]], person_starts: set[int]) -> list[tuple[int, int]]:
    """A party written with no country, opening its clause before the title of its leader and the
    leader's name (亲民党主席宋楚瑜, 新党主席郁慕明, 联盟党总理候选人默茨; ``person_starts``: where the
    names the model found start): the name up to 党, one to five characters before it, none a
    clause word; not 党 of a word (党员, 党史: 基层党员干部) and no kind of party (执政党, 反对党:
    generic_orgs.tsv) or reference (该党)."""
    from .organizations import is_generic_org  # (organizations reads the mentions this module feeds)

    tags = jieba_word_tags()
    spans: list[tuple[int, int]] = []
    for title_start, title_end in titles:
        if title_end not in person_starts:
            continue
        for end in range(title_start, max(0, title_start - _TITLE_QUALIFIER_MAX_CHARS) - 1, -1):
            if text[end - 1:end] != "党" or text[end - 1:end + 1] in tags:
                continue
            if any(c in _CLAUSE_BREAKS or c in NAME_STOP_CHARS for c in text[end:title_start]):
                break  # 火线入党。来自海南的医疗队员: the party is another clause's
            start = next((k for k in range(end - 2, max(-1, end - 2 - _PARTY_NAME_MAX_CHARS), -1)
                          if k == 0 or text[k - 1] in _PARTY_NAME_OPENERS), None)
            name = text[start:end] if start is not None else ""
            if name and not any(c in NAME_STOP_CHARS for c in name) and not is_generic_org(name) \
                    and not (spans and spans[-1] == (start, end)):
                spans.append((start, end))
            break
    return spans


def is_foreign_body(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is such a name: a country at the start of a clause, a body ending,
    and no clause word between."""
    country = FOREIGN_COUNTRY_RE.match(text, start)
    return bool(country) and _clause_start(text, start) == start and end - country.end() >= 2 \
        and text.endswith(FOREIGN_BODY_ENDINGS, start, end) and _body_holds_no_clause_word(text, country.end(), end)
