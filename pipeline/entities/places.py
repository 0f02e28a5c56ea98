"""Place rows: distinct places of an article, each with its level.

Contract
--------
``place_rows(units, mentions_by_unit, article_id) -> list[PlaceRow]``: the LOC mentions
(places inside an organization's name are ORG mentions by now, so they count only where
they are also written alone), chains of divisions cut into parts (石家庄市桥西区 →
石家庄市, 桥西区), in order of first mention. One place written with and without its
division suffix (石家庄 / 石家庄市) is one row under the fuller name; a piece of a longer
place of the same article (陈家坝 of 陈家坝社区) is no row unless the gazetteer knows it.
``level`` comes from :func:`pipeline.gazetteer.place_level`.

>>> is_place_name("聚和远见社区"), is_place_name("街道和社区"), is_place_name("全市")
(True, False, False)
"""
from __future__ import annotations

import re

from ..gazetteer import divisions, place_level, split_place_chain
from ..lexicons import lexicon
from ..records import PlaceRow
from .mentions import CONJUNCTIONS, FirstMentions, Mention, TextUnit

_PLACE_STOP = frozenset(lexicon("place_stop_words").flagged("entities"))
_CONJUNCTION = re.compile(f"[{''.join(sorted(CONJUNCTIONS))}]")
_LEADING_LATIN_OR_DIGIT = re.compile(r"[0-9A-Za-z]")


def place_rows(units: list[TextUnit], mentions_by_unit: list[list[Mention]], article_id: str) -> list[PlaceRow]:
    body = units[0].text
    seen = FirstMentions()
    for mentions in mentions_by_unit:
        for m in mentions:
            if m.label != "LOC":
                continue
            text = units[m.unit].text
            for ps, pe in split_place_chain(text[m.start:m.end]):
                name = text[m.start + ps:m.start + pe]
                if is_place_name(name):
                    seen.add(name, m.unit, m.start + ps, m.start + pe)
    # One place written with and without its division suffix (石家庄 / 石家庄市) is one row,
    # under the fuller name (offsets of the fuller name's first mention, so text[start:end]
    # stays equal to the name).
    for name in list(seen.first):
        for suffix in ("市", "省", "县", "区"):
            full = name + suffix
            if full in seen.first and place_level(full) == place_level(name):
                del seen.first[name]
                break
    # A piece of a longer place of the same article (花岔乡 of 上花岔乡, 陈家坝 of 陈家坝社区)
    # is the model cutting the name short, unless the gazetteer knows the piece.
    names = list(seen.first)
    for name in names:
        if name not in divisions() and any(
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
        rows.append(PlaceRow(article_id, name, place_level(name), body.count(name), s, e, sentence))
    return rows


def is_place_name(name: str) -> bool:
    # 街道和社区, 出口和农村: two things joined by a conjunction; 聚和远见社区 is one name
    joined = _CONJUNCTION.split(name)
    return (len(name) >= 2 and name not in _PLACE_STOP and not _LEADING_LATIN_OR_DIGIT.search(name[:1])
            and not (len(joined) > 1 and all(len(part) >= 2 for part in joined)))
