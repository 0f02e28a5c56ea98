"""Rule places: what the model misses or cuts short of places, found by the words that close them.

``add_rule_places(text, mentions, unit)``: the mentions of one text unit with the rule places added
and the model's places repaired (split out of ``rule_mentions.py``, which calls it last): a short
division written in a list or after a verb of going (前往孝感), facility tails after a place (株洲 +
西收费站, 京 + 沪 + 高速), a division written short right after a place that holds it (甘肃 + 榆中),
division names from the gazetteer (山城区) and places closed by a sub-county ending after a
locative or in a list (…村, …社区) where the model tagged nothing.

>>> text = "在湖北五峰和宜昌市西陵区，村民们。"
>>> from .units import Mention, coverage
>>> [text[m.start:m.end] for m in add_rule_places(text, [Mention(1, 3, "LOC", 0)], 0)]
['湖北', '五峰', '宜昌市', '西陵区']
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import REGIONS, country_at, division_holds, divisions, place_level, short_division_names
from ..lexicons import alternation
from ..resources import jieba_word_tags
from ..text.chars import is_han
from .name_words import (QUANTITY_WORDS, COMMON_WORD_TAGS, COUNTRY_PAIR_NOUNS, DIVISION_END, FOREIGN_CITIES, LOCATIVE_BEFORE, NOT_PLACE_END_NEXT,
                         NAMED_VENUE_ENDINGS, NOT_PLACE_START, PLACE_SUFFIX_RE, PLACE_TAIL_RE, ROUTE_TAILS, has_verb_or_adverb,
                         rule_place_stem)
from .units import Mention, coverage


_MEASURED = re.compile(r"[0-9一二两三四五六七八九十百千万]+[亩米吨户人个座]")


def _has_quantity_word(s: str) -> bool:
    """A word that counts or selects places inside ``s`` (一些, 所有: quantity_words.tsv): it
    counts places, it does not name one (八角中里社区 and 十八洞村 hold numerals, and are names)."""
    return any(w in s for w in QUANTITY_WORDS)


def _join_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """京 + 沪 + 高速 → 京沪高速: one-character place abbreviations written together name a
    facility when a place tail follows them right away, or a region when together they are one
    (京津冀); 中美 alone is two countries, no place."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions) and all(x.label == "LOC" and x.end - x.start == 1 for x in mentions[i:j + 2]) \
                and mentions[j].end == mentions[j + 1].start:
            j += 1
        tail = PLACE_TAIL_RE.match(text, mentions[j].end) if j > i else None
        if j > i and text[mentions[i].start:mentions[j].end] in REGIONS \
                and not text.startswith(COUNTRY_PAIR_NOUNS, mentions[j].end):
            # (中 + 欧 + 班列: China and Europe, no Central Europe)
            # 京 + 津 + 冀: the abbreviations written together name a region (places_by_name)
            out.append(Mention(mentions[i].start, mentions[j].end, "LOC", mentions[i].unit))
            i = j + 1
            continue
        if tail and tail.start("ending") == mentions[j].end:
            out.append(Mention(mentions[i].start, mentions[j].end, "LOC", mentions[i].unit))
            i = j + 1
            continue
        out.append(mentions[i])
        i += 1
    return out




def _divisions_after_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """A division written short right after a place that holds it, which the model left untagged
    (甘肃 + 榆中捐赠, 湖北 + 钟祥小麦, 贵州纳雍、云南 + 腾冲，…) or read with its province as one
    organization (山东烟台): a place of its own when the division table puts it there (the codes
    decide) and no word runs across its end (正定 + 南关古镇: unless a place starts there; 山东 +
    平原地区 is a plain)."""
    tags = jieba_word_tags()
    out = []
    for m in mentions:
        # 山东烟台 read as one organization: the province and its city
        name = text[m.start:m.end]
        cut = next((k for k in (2, 3) if m.label == "ORG" and divisions().get(name[:k]) == "province"
                    and divisions().get(name[k:]) in ("city", "county", "district") and division_holds(name[:k], name[k:])), None)
        out += [Mention(m.start, m.start + cut, "LOC", m.unit), Mention(m.start + cut, m.end, "LOC", m.unit)] if cut else [m]
    mentions = out
    added: list[Mention] = []
    dropped: set[int] = set()
    starts = {m.start for m in mentions}
    named_starts = {m.start for m in mentions if m.end - m.start > 1}
    for m in mentions:
        outer = text[m.start:m.end]
        if m.label != "LOC" or m.end in named_starts:
            continue
        for k in (4, 3, 2):
            name, e = text[m.end:m.end + k], m.end + k
            if len(name) == k and all(map(is_han, name)) and division_holds(outer, name) \
                    and (text[e - 1:e + 1] not in tags or e in starts) \
                    and not any(text[m.end:m.end + n] in divisions() for n in range(k + 1, 13)):
                # (紫云 + 苗族布依族自治县: the whole name is the division's, whatever the model read)
                inside = [x for x in mentions if x.start < e and x.end > m.end]
                # (the model may tag it character by character: 榆 + 中)
                if all(x.label == "LOC" and x.end - x.start == 1 and x.start >= m.end and x.end <= e for x in inside):
                    dropped.update(id(x) for x in inside)
                    added.append(Mention(m.end, e, "LOC", m.unit))
                break
    return sorted([x for x in mentions if id(x) not in dropped] + added, key=lambda x: x.start)


#: what joins two places of a list or a route (南宁、合肥; 哈尔滨至伊春), and the verbs of going
#: before a place (启程前往孝感)
_PLACE_JOINERS = "、和与及至"
#: what closes or separates the items of a list: no part of a facility's name after a place
#: (not 和, 与, 及, which names hold: 乌兰布和 + 沙漠)
_LIST_CLOSERS = "等、"
#: the particle after a place that modifies what follows (青岛的济青高铁): never inside a facility's name
_MODIFIER_PARTICLE = "的"
_GOING_VERBS = ("前往", "抵达", "来到", "赶赴", "奔赴", "赴")
#: locative characters that put a place after them even where they end a word (还在, 来到, 直到)
_STRONG_LOCATIVES = "在到赴往至于驻"


@lru_cache(maxsize=1)
def _short_division_re() -> re.Pattern:
    return re.compile(alternation(short_division_names()))


def _listed_short_divisions(text: str, mentions: list[Mention], unit: int) -> list[Mention]:
    """A division written by its short name (孝感, 伊春, 嘉定) that the model left untagged where
    the text lists it with a place (南宁、合肥两地; 嘉定、青浦、松江), joins it to one (哈尔滨至伊春铁路)
    or goes to it (启程前往孝感), with no dictionary word across its edges."""
    tags = jieba_word_tags()
    loc_ends = {m.end for m in mentions if m.label == "LOC"}
    loc_starts = {m.start for m in mentions if m.label == "LOC"}
    covered = coverage(len(text) + 1, mentions)
    added: list[Mention] = []
    for found in _short_division_re().finditer(text):
        s, e = found.span()
        if any(covered[s:e]) or text[s - 1:s + 1] in tags or text[e - 1:e + 1] in tags:
            continue
        listed = (s >= 1 and text[s - 1] in _PLACE_JOINERS and s - 1 in loc_ends) \
            or (text[e:e + 1] in _PLACE_JOINERS and e + 1 in loc_starts) \
            or text.endswith(_GOING_VERBS, 0, s)
        if listed:
            added.append(Mention(s, e, "LOC", unit))
            loc_ends.add(e)
            loc_starts.add(s)
    return sorted(mentions + added, key=lambda x: x.start)


@lru_cache(maxsize=1)
def _foreign_city_re() -> re.Pattern:
    # the cities of CLDR only: the places read from the news (foreign_places.tsv) hold names of
    # people, brands and phrases too (恩格斯, 沃尔沃, 加时赛), which a locative may well precede
    return re.compile(alternation(FOREIGN_CITIES))


def _foreign_cities(text: str, mentions: list[Mention], unit: int) -> list[Mention]:
    """A foreign city (首尔, 伦敦: foreign_cities.tsv) that the model left untagged where a locative
    or a verb of going puts it (还将在首尔进行演出, 抵达塔什干), or a place right before names its
    country (韩国首尔), with no dictionary word across its edges (在伦敦 yes; 纽约时报 is the paper's
    name, tagged or not, and 巴黎 in 巴黎圣母院 runs on into a word)."""
    if not any(c in text for c in LOCATIVE_BEFORE) and not any(m.label == "LOC" for m in mentions):
        return mentions
    tags = jieba_word_tags()
    loc_ends = {m.end for m in mentions if m.label == "LOC"}
    covered = coverage(len(text) + 1, mentions)
    added: list[Mention] = []
    for found in _foreign_city_re().finditer(text):
        s, e = found.span()
        if any(covered[s:e]) or text[s - 1:s + 1] in tags or text[e - 1:e + 1] in tags or text[e:e + 2] in tags \
                and tags[text[e:e + 2]][:1] in ("n", "a") or text[e:e + 1] in NOT_PLACE_END_NEXT:
            continue
        # (在, 赴, 到 … put a place after them even as the end of a word, 还在, 来到; the other
        # locatives only as characters of their own: 推进 + 历史 is no 进)
        if (s >= 1 and text[s - 1] in LOCATIVE_BEFORE and (text[s - 1] in _STRONG_LOCATIVES or text[s - 2:s] not in tags)) \
                or text.endswith(_GOING_VERBS, 0, s) or s in loc_ends:
            added.append(Mention(s, e, "LOC", unit))
    return sorted(mentions + added, key=lambda x: x.start) if added else mentions


def _extend_place_tails(text: str, mentions: list[Mention]) -> list[Mention]:
    mentions = _join_abbreviations(text, mentions)
    out = []
    for i, m in enumerate(mentions):
        if m.label == "LOC":
            tail = PLACE_TAIL_RE.match(text, m.end)
            nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
            # the ending itself may be tagged an adverb (高速): only what comes before it counts
            # 青海格尔木铁路: a route after a single division runs there, it is not named after it
            route_of_division = tail and tail.group("ending") in ROUTE_TAILS and tail.start("ending") == m.end \
                and place_level(text[m.start:m.end]) != "region"
            if route_of_division and (facility := PLACE_TAIL_RE.match(text, tail.end())) \
                    and facility.start("ending") == tail.end() and facility.group("ending") not in ROUTE_TAILS \
                    and facility.end() <= nxt:
                m = Mention(m.start, facility.end(), "LOC", m.unit)  # 绥阳高速收费站: a facility of the route
            elif tail and tail.end() <= nxt and _MODIFIER_PARTICLE in text[m.end:tail.start("ending")] \
                    and not route_of_division:
                # 青岛 + 的济青高铁: the place modifies a facility named on its own (济青高铁), which
                # is a place too; the place is not part of its name
                named = text.rindex(_MODIFIER_PARTICLE, m.end, tail.start("ending")) + 1
                if tail.start("ending") - named >= 2 and not has_verb_or_adverb(text[named:tail.start("ending")]):
                    out.append(m)
                    m = Mention(named, tail.end(), "LOC", m.unit)
            elif not tail and (venue := next((v for v in NAMED_VENUE_ENDINGS if text.startswith(v, m.end)), None)) \
                    and m.end + len(venue) <= nxt and place_level(text[m.start:m.end]) not in ("province", "city", "country") \
                    and country_at(text, m.start) is None and not (out and out[-1].label == "LOC" and out[-1].end == m.start):
                # 南湖 + 景区, 白鹤滩 + 水电站: a venue named after the place right before it (not 三亚 + 景区,
                # a city's scenic spots; nor after a city written before the place, 嘉兴 + 南湖 + 景区, where
                # which of the two the name holds is the city-and-venue rule's question: mentions.py)
                m = Mention(m.start, m.end + len(venue), "LOC", m.unit)
            elif tail and tail.end() <= nxt and not has_verb_or_adverb(text[m.end:tail.start("ending")]) \
                    and not route_of_division \
                    and not any(c in _LIST_CLOSERS for c in text[m.end:tail.start("ending")]) \
                    and not _has_quantity_word(text[m.end:tail.start("ending")]):
                # (乌鲁木齐、呼和浩特 + 等铁路部门: a list closed, no facility of the last place;
                # 郑州 + 各大汽车站: the stations of a city counted, none named)
                m = Mention(m.start, tail.end(), "LOC", m.unit)
        out.append(m)
    return out


def add_rule_places(text: str, mentions: list[Mention], unit: int) -> list[Mention]:
    """Add the places the model missed or cut short (see the module docstring)."""
    mentions = _listed_short_divisions(text, sorted(mentions, key=lambda m: m.start), unit)
    mentions = _foreign_cities(text, mentions, unit)
    mentions = _extend_place_tails(text, mentions)
    mentions = _divisions_after_places(text, mentions)
    taken = coverage(len(text), mentions)
    loc_ends = {m.end for m in mentions if m.label == "LOC"}
    added = []
    # Division names from the gazetteer (山城区, 渌口区) that the model left untagged.
    for m in DIVISION_END.finditer(text):
        end = m.end()
        for length in range(7, 2, -1):
            start = end - length
            if start >= 0 and not any(taken[start:end]) and text[start:end] in divisions():
                added.append(Mention(start, end, "LOC", unit))
                taken[start:end] = b"\x01" * length
                loc_ends.add(end)
                break
    pos = 0
    while True:
        m = PLACE_SUFFIX_RE.search(text, pos)
        if not m:
            break
        s, e = m.span()
        pos = s + 1
        if any(taken[s:e]) or (text[e - 1] in "乡镇村" and text[e:e + 1] in NOT_PLACE_END_NEXT):
            continue
        stem = rule_place_stem(text[s:e])
        if has_verb_or_adverb(stem) or jieba_word_tags().get(stem, "")[:1] in ("v", "a") \
                or _has_quantity_word(stem) or _MEASURED.match(stem):
            continue  # 劝说社区, 脱贫村, 老区一些乡, 所有行政村: a clause, a verb or a quantity, no name
        if len(stem) >= 3 and stem[-1] in _PLACE_JOINERS and jieba_word_tags().get(stem[:-1]) in COMMON_WORD_TAGS:
            continue  # 划到社区和村: two kinds of place joined, no name (太和村, 永和村: one character before 和)
        if e - s >= 3 and text[e - 1] in "乡镇村" and jieba_word_tags().get(text[e - 2:e]) in COMMON_WORD_TAGS:
            continue  # 挖断农村, 房及农村: the ending is a common noun (农村, 乡镇), no name's suffix
        if s in loc_ends and text[s] in _LIST_CLOSERS:
            continue  # 西安、南昌 + 等地火车站: the list of places closed, no place named after it
        if (s > 0 and text[s - 1] in LOCATIVE_BEFORE) or s in loc_ends \
                or (s > 0 and text[s - 1] in "“、" and text[s] not in NOT_PLACE_START):
            if s in loc_ends and text[s] in _PLACE_JOINERS and e - s >= 4:
                s += 1  # 太和村 + 和 + 永和村: the conjunction joins two places, it opens neither
            added.append(Mention(s, e, "LOC", unit))
            taken[s:e] = b"\x01" * (e - s)
            loc_ends.add(e)
            pos = e
    return sorted(mentions + added, key=lambda m: m.start)
