"""Place rows: distinct places of an article, each with its level.

Contract
--------
``place_rows(units, mentions_by_unit, article_id) -> list[PlaceRow]``: the LOC mentions and
the places that open an organization's name (湖北省长阳土家族自治县榔坪镇关口垭村党支部 →
湖北省, 长阳土家族自治县, 榔坪镇, 关口垭村), chains of divisions cut into parts
(石家庄市桥西区 → 石家庄市, 桥西区), in order of first mention. One place written with and without its
division suffix (石家庄 / 石家庄市) is one row under the fuller name; a piece of a longer
place of the same article (陈家坝 of 陈家坝社区) is no row unless the gazetteer knows it.
``level`` comes from :func:`pipeline.gazetteer.place_level`.

>>> is_place_name("聚和远见社区"), is_place_name("街道和社区"), is_place_name("全市")
(True, False, False)
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

from ..gazetteer import (COUNTRIES, FOLDED_SUFFIXES, division_holds, division_prefix_cut, FOREIGN_COUNTRIES, PLACES_KNOWN_BY_NAME, divisions, place_level,
                         split_place_chain, suffixes_at)
from ..affixes import Affixes
from ..lexicons import lexicon
from ..resources import jieba_word_tags
from ..records import PlaceRow
from .heads import head_at, sent_team_join, venue_owner
from .mentions import CONJUNCTIONS, FirstMentions, Mention, TextUnit
from .edges import is_transliterated
from .name_words import KNOWN_FOREIGN_PLACES, TAILS, is_named_venue, listed_word_after

_PLACE_STOP = frozenset(lexicon("place_stop_words").flagged("entities"))
#: a name ending so is no place whatever stands before it (稳定外汇市场)
_PLACE_STOP_ENDINGS = tuple(lexicon("place_stop_words").flagged("ending"))
_COUNTRY_ADJECTIVE_WORDS = tuple(lexicon("country_adjective_words").where("position", "after"))
#: words that open a set phrase with the country's name (新 + 中国)
_COUNTRY_PHRASE_OPENERS = tuple(lexicon("country_adjective_words").where("position", "before"))
_CONJUNCTION = re.compile(f"[{''.join(sorted(CONJUNCTIONS))}]")
_LEADING_LATIN_OR_DIGIT = re.compile(r"[0-9A-Za-z]")
#: the place endings of two characters or more (广场, 纪念馆, 机场): alone, a kind of place
_PLACE_KINDS = frozenset(w for w in (*suffixes_at(("province", "city", "district", "county", "town", "subdistrict",
                                                   "village", "community", "compound", "landmark", "region",
                                                   "country")), *TAILS.words()) if len(w) >= 2)
_KIND_MODIFIERS = tuple(lexicon("place_kind_modifiers").words())
#: after a province or city opening a place's name: its own suffix (湘西 + 州), or water and
#: mountains named after it (赤水 + 河), so no division opens the name
_NOT_AFTER_AN_OPENING_DIVISION = frozenset("省市州县区旗盟河江湖海山溪峡")


def place_rows(units: list[TextUnit], mentions_by_unit: list[list[Mention]], article_id: str) -> list[PlaceRow]:
    body = units[0].text
    seen = FirstMentions()
    for name, unit, start, end in _place_parts(units, mentions_by_unit, "LOC", split_place_chain):
        seen.add(name, unit, start, end)
    # a venue the model calls an organization (上海迪士尼乐园, 上海汽车博物馆) is a place too
    # (GUIDELINES.md: venues are places)
    for mentions in mentions_by_unit:
        for m in mentions:
            name = units[m.unit].text[m.start:m.end]
            if m.label == "ORG" and is_named_venue(name):
                # (乌克兰扎波罗热核电站, 三峡集团白鹤滩水电站: the country where the venue is, or the body
                # that runs it, is no part of its name)
                owner = venue_owner(name)
                if owner and not is_named_venue(name[len(owner):]):
                    continue  # 日本核电站: a country and a kind, no venue's name
                seen.add(name[len(owner):], m.unit, m.start + len(owner), m.end)
    # Places only written inside an organization's name come after: one written alone too
    # (株洲 beside 株洲市妇幼保健院) keeps its own row, name and offsets; so do the provinces and
    # cities a landmark's name opens with (天津 of 天津杨柳青古镇, 北京 of 北京大兴国际机场).
    alone = set(seen.first)
    for name, unit, start, end in (*_place_parts(units, mentions_by_unit, "ORG", places_in_organization),
                                   *_place_parts(units, mentions_by_unit, "LOC", divisions_opening)):
        if not _written_alone(name, alone):
            seen.add(name, unit, start, end)
    # One place written with and without its division suffix (石家庄 / 石家庄市) is one row,
    # under the fuller name (offsets of the fuller name's first mention, so text[start:end]
    # stays equal to the name).
    for name in list(seen.first):
        for suffix in FOLDED_SUFFIXES:
            full = name + suffix
            # (also a sea or mountain named like the district the article writes: 西湖 and 西湖区)
            if full in seen.first and (place_level(full) == place_level(name)
                                       or divisions().get(name) == place_level(full)):
                del seen.first[name]
                break
    # A piece of a longer place of the same article (花岔乡 of 上花岔乡, 陈家坝 of 陈家坝社区)
    # is the model cutting the name short, unless the gazetteer or the foreign lists know the piece
    # (莫斯科 of 莫斯科红场).
    names = list(seen.first)
    for name in names:
        if name not in divisions() and name not in KNOWN_FOREIGN_PLACES and any(
                other != name and (other.endswith(name) or
                                   (other.startswith(name) and place_level(name) == "region"))
                for other in names):
            del seen.first[name]
    rows = []
    for name, (unit, start, end) in seen.first.items():
        if not units[unit].in_body:
            # Captions carry no offsets; report the first body mention if there is one.
            pos = body.find(name)
            if pos >= 0:
                unit, start, end = 0, pos, pos + len(name)
        s, e, sentence = units[unit].position(start, end)
        level = _foreign_level(name, place_level(name), units[unit].text.endswith(_FOREIGN_COUNTRIES_LONGEST_FIRST, 0, start))
        if level not in ("country", "province") and is_named_venue(name) and name not in divisions():
            level = "landmark"  # 上海迪士尼乐园, 九寨沟景区: the gazetteer knows no venue (区 of 景区 is no district's)
        rows.append(PlaceRow(article_id, name, level, body.count(name), s, e, sentence))
    return rows




def _foreign_level(name: str, level: str, after_foreign_country: bool) -> str:
    """The level of a foreign place no list gives one: a name with no suffix written right after a
    foreign country (法国巴黎, 日本东京), in transliteration characters, known as a foreign place or a
    foreign city (莫斯科, 顿涅茨克, 德黑兰: was region) is a city; one closed by 州 so written is a state or oblast
    (加利福尼亚州, 罗斯托夫州: was city, as China's 自治州 are)."""
    if name in PLACES_KNOWN_BY_NAME or name in divisions():
        return level
    foreign = after_foreign_country or name in KNOWN_FOREIGN_PLACES or is_transliterated(name)
    if level == "region" and foreign:
        return "city"
    if level == "city" and name.endswith("州") and (
            after_foreign_country or name[:-1] in KNOWN_FOREIGN_PLACES or is_transliterated(name[:-1])):
        return "region"
    return level


def _place_parts(units: list[TextUnit], mentions_by_unit: list[list[Mention]], label: str,
                 split: Callable[[str], list[tuple[int, int]]]) -> Iterator[tuple[str, int, int, int]]:
    """(name, unit, start, end) of every place name ``split`` finds in the ``label`` mentions."""
    for mentions in mentions_by_unit:
        for m in mentions:
            if m.label != label:
                continue
            text = units[m.unit].text
            if label == "LOC" and text[m.start:m.end] in COUNTRIES and (
                    _adjective_word_after(text, m.end) or _phrase_opener_before(text, m.start)):
                continue  # 中国特色社会主义, 中国梦: the country is an adjective of a set phrase
            for ps, pe in split(text[m.start:m.end]):
                name = text[m.start + ps:m.start + pe]
                if is_place_name(name):
                    yield name, m.unit, m.start + ps, m.start + pe


def _written_alone(name: str, alone: set[str]) -> bool:
    """``name`` or its form with or without a division suffix is a row of its own already."""
    return name in alone or any(name == other + suffix or other == name + suffix
                                for other in alone for suffix in FOLDED_SUFFIXES)


_LOCAL_PLACE_BEFORE_HEAD = re.compile(r"^(.{2,}?(?:村|社区|街道|镇|乡))(?=.)")


def places_in_organization(name: str) -> list[tuple[int, int]]:
    """The places an organization's name opens with, as (start, end) offsets in ``name``:
    every part of its place chain but the last, and the village, community, street or town
    that the last part names before the organization's head (关口垭村 + 党支部).

    >>> n = "湖北省长阳土家族自治县榔坪镇关口垭村党支部"
    >>> [n[s:e] for s, e in places_in_organization(n)]
    ['湖北省', '长阳土家族自治县', '榔坪镇', '关口垭村']
    >>> n = "石家庄市人民医院"
    >>> [n[s:e] for s, e in places_in_organization(n)], places_in_organization("中国人民银行")
    (['石家庄市'], [])
    >>> places_in_organization("美国哈佛大学")
    [(0, 2)]
    """
    join = sent_team_join(name, 0, len(name))
    if join is not None:
        # 云南第七批支援湖北医疗队: where the team came from, and the place it went to
        sender = name[:join[0]]
        found = [(0, len(sender))] if _plain_place(sender) else places_in_organization(sender)
        rest = name[join[1]:]
        where = next((k for k in range(len(rest) - 2, 1, -1) if _plain_place(rest[:k])), None)
        return found + ([(join[1], join[1] + where)] if where else [])
    country = _FOREIGN_COUNTRY_WORDS.longest_opening(name, min_rest=2)
    if country:
        return [(0, len(country))]  # 美国哈佛大学: where it is (中国人民银行 is the bank's own name)
    parts = split_place_chain(name)
    if parts:
        # 四川 + 小金县, 河南 + 兰考县委, 广东 + 佛山 + 古灶村党委: a province or city written short before
        # a division it holds opens the chain too (split_place_chain cuts it only before a whole division)
        parts = [piece for s, e in parts[:-1] for piece in _short_heads_split(name, s, e)] \
            + _short_heads_split(name, *parts[-1], last=True)
    # only parts that are plainly places: a division the gazetteer knows, or a short name closed
    # by a town/street/village/community ending (not 浚县人民医院隔离病区, 文富市镇沙滩桥村)
    places = [(s, e) for s, e in parts[:-1] if _plain_place(name[s:e]) and not _xiang_of_xiangzhen(name, e)]
    if parts:
        s, e = parts[-1]
        local = _LOCAL_PLACE_BEFORE_HEAD.match(name[s:e])
        if local and head_at(name, s + local.end()) and _plain_place(local.group(1)) \
                and not _xiang_of_xiangzhen(name, s + local.end()):
            places.append((s, s + local.end()))
    return places


def _short_heads_split(name: str, s: int, e: int, last: bool = False) -> list[tuple[int, int]]:
    """``name[s:e]`` cut after each province's or city's short name that opens it before a division
    the first holds (四川 | 小金县; 河南 | 兰考县委, the last part of a chain, whose division runs into the
    organization's head); a village the five-level table puts under the city too (佛山 | 古灶村党委)."""
    pieces = []
    while e - s > 2:
        part = name[s:e]
        local = _LOCAL_PLACE_BEFORE_HEAD.match(part) if last else None
        cut = division_prefix_cut(local.group(1) if local else part) \
            or next((k for k in (3, 2) if any(division_holds(part[:k], part[k:k + n])
                                                for n in range(2, min(8, len(part) - k) + 1)
                                                if part[k:k + n] in divisions())), None)
        if cut is None:
            break
        pieces.append((s, s + cut))
        s += cut
    return pieces + [(s, e)]


def divisions_opening(name: str) -> list[tuple[int, int]]:
    """The provinces and prefecture-level cities a place's name opens with, as (start, end)
    offsets, when more of the name follows (天津杨柳青古镇, 浙江嘉兴南湖), or a foreign city
    (莫斯科红场); none for a division's own name. Only these two levels: a county's short name (长安, 大兴, 朝阳) opens words too often.

    >>> n = "浙江嘉兴南湖"
    >>> [n[s:e] for s, e in divisions_opening(n)], divisions_opening("北京市"), divisions_opening("大兴机场")
    (['浙江', '嘉兴'], [], [])
    """
    if name in divisions():
        return []
    found, s = [], 0
    # 莫斯科红场: a foreign city (foreign_cities.tsv) that opens a landmark's name is a place too
    city = next((k for k in range(min(len(name) - 2, 6), 1, -1) if name[:k] in KNOWN_FOREIGN_PLACES), None)
    if city and name not in KNOWN_FOREIGN_PLACES and name not in PLACES_KNOWN_BY_NAME \
            and name[city] not in _NOT_AFTER_AN_OPENING_DIVISION \
            and name[city:] not in _PLACE_KINDS:
        return [(0, city)]
    while True:
        k = next((k for k in range(min(len(name) - s - 2, 8), 1, -1)
                  if divisions().get(name[s:s + k]) in ("province", "city")), None)
        # not a division's name cut before its suffix (湘西 + 州), a river or mountain named like
        # a city (赤水 + 河流域), nor a community or village so named (昆明 + 社区)
        if k is None or name[s + k] in _NOT_AFTER_AN_OPENING_DIVISION or name[s + k:] in _PLACE_KINDS:
            return found
        found.append((s, s + k))
        s += k


# Countries that open a foreign body's name as its location; 中国 opens Chinese bodies' own names.
_FOREIGN_COUNTRIES_LONGEST_FIRST = tuple(sorted(FOREIGN_COUNTRIES, key=len, reverse=True))
_FOREIGN_COUNTRY_WORDS = Affixes(FOREIGN_COUNTRIES)

_LOCAL_PLACE = re.compile(r"[^省市县区州旗盟镇乡村]{2,5}(?:镇|乡|街道|村|社区)")


def _xiang_of_xiangzhen(name: str, end: int) -> bool:
    """The place part ending at ``end`` ends in the 乡 of 乡镇 or 乡村 (快速扩充乡 + 镇卫生院, 最后两所乡 +
    村小学): no township."""
    return name[end - 1:end] == "乡" and name[end:end + 1] in ("镇", "村")


def _plain_place(name: str) -> bool:
    return name in divisions() or bool(_LOCAL_PLACE.fullmatch(name))


def _bare_place_kind(name: str) -> bool:
    """A kind of place, not a named one: a place ending alone or after one qualifying word
    (纪念馆, 国际机场, 军用机场: place_kind_modifiers.tsv), unless a place is so named (长城)."""
    modifier = next((m for m in _KIND_MODIFIERS if name.startswith(m) and len(name) > len(m)), "")
    return name[len(modifier):] in _PLACE_KINDS and name not in PLACES_KNOWN_BY_NAME and name not in divisions()


def is_place_name(name: str) -> bool:
    # 街道和社区, 出口和农村: two things joined by a conjunction; 聚和远见社区 is one name, and so
    # is a country written with one (阿尔及利亚, 特立尼达和多巴哥)
    joined = _CONJUNCTION.split(name)
    return (len(name) >= 2 and name not in _PLACE_STOP and not name.endswith(_PLACE_STOP_ENDINGS)
            and not _LEADING_LATIN_OR_DIGIT.search(name[:1]) and not _bare_place_kind(name)
            and not (len(joined) > 1 and all(len(part) >= 2 for part in joined) and name not in COUNTRIES))


def _phrase_opener_before(text: str, start: int) -> bool:
    """A word of country_adjective_words.tsv opens the phrase before the name, whole: not the end of
    a longer dictionary word (新中国; not 刷新 + 中国影史)."""
    word = next((w for w in _COUNTRY_PHRASE_OPENERS if text.endswith(w, 0, start)), None)
    return word is not None and text[start - len(word) - 1:start] not in jieba_word_tags()


def _adjective_word_after(text: str, end: int) -> bool:
    """A word of country_adjective_words.tsv follows, whole: not the start of a longer dictionary
    word (中国结 is the knot; 中国结合自身国情 is 中国 + 结合)."""
    return listed_word_after(text, end, _COUNTRY_ADJECTIVE_WORDS, longer=(1, 2))
