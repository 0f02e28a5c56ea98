"""Name-like words that the text itself shows to be things: the people rows to drop.

Contract
--------
``drop_things(people, text, place_spans) -> list[PersonRow]`` keeps every row except a person
the story is about (role ``subject``, no title) whose body mentions show a thing, by one of:

* **a product** — the name is one of the product, game, book and film names the labelled
  corpora hold that jieba's dictionary tags as person names (product_names.tsv, derived by
  ``recipes/build_product_names.py``: 桑塔纳, 支付宝, 帕萨特);
* **a division** — the name is a division of the gazetteer, full or short, whose suffixed form
  the model reads as a place in the article (在阜平县… 在阜平; 五月的滦平 beside 滦平县);
* **an anonymised name** — a mention runs into 某 (公司董秘罗某: the surname of an unnamed
  person, read with the title before it);
* **a venue's name** — a mention runs into a venue word (place_tails.tsv: 朱家角 + 古镇), so
  the other mentions are that place too (仅朱家角景点联票);
* **a business's name** — every mention runs into a company or website word
  (company_name_endings.tsv: 天奇 + 股份, 雷锋 + 网, never 网上, 网友 or 基金会);
* **quoted everywhere** — every mention is wrapped in quotation marks (台风“巴威”,
  “双枢纽”): a nickname, a code name, a slogan;
* **inside a work's title everywhere** — every mention sits inside 《…》
  (《2040年亚太经合组织布特拉加亚愿景》): a word of a document's or book's name, unless it is
  shaped like a Chinese full name (《邓小平文选》, 话剧《雷锋》 name people);
* **a definition** — one mention defined as a kind (万寿菊是一种…, 又称艾叶饺);
  the cues are ``thing_name_cues.tsv`` (kind ``defines``);
* **listed with a place or a common noun** — a joiner (、, 和, 以及…) between the mention and a
  place the model found that is a whole list item (黄崖关、金山岭、慕田峪; not 刘洋、北京选手张伟
  or 王强和武汉的医护人员), or a list joiner (、, 及, 以及) right after a word jieba tags as a
  common or place noun that names no people and is no part of a person's name (油菜以及紫云英,
  尼可刹米、洛贝林; not 企业负责人及王志刚, 张海洋、李明华, 张绍勇和工友们).

A name with a title (检验科主任宋国威) or a byline credit is never dropped: those are read by
other rules. Like ``confidence.py`` this is a filter over finished rows; it reads the body only.

>>> from pipeline.records import PersonRow
>>> text = "连片的万寿菊竞相绽放。万寿菊是一种特色经济作物，张超说。"
>>> rows = [PersonRow("a", n, "subject", [], None, None, None, 1, text.find(n), text.find(n) + len(n), text)
...         for n in ("万寿菊", "张超")]
>>> [p.name for p in drop_things(rows, text, [])]
['张超']
"""
from __future__ import annotations

import re
from functools import cached_property
from typing import Sequence

from ..gazetteer import FOLDED_SUFFIXES, divisions
from ..lexicons import lexicon
from ..records import PersonRow
from ..resources import jieba_word_tags
from ..text.chars import CLOSE_QUOTES, OPEN_QUOTES, is_han
from .name_words import COMMON_SURNAMES, COMPANY_NAME_ENDINGS, NAMED_VENUE_ENDINGS

_CUES = lexicon("thing_name_cues").records()
_DEFINES_AFTER = tuple(c.word for c in _CUES if c.kind == "defines" and c.side == "after")
_DEFINES_BEFORE = tuple(c.word for c in _CUES if c.kind == "defines" and c.side == "before")
_JOINERS = tuple(sorted((c.word for c in _CUES if c.kind in ("joins", "lists")), key=len, reverse=True))
_LISTERS = frozenset(c.word for c in _CUES if c.kind == "lists")
_PERSON_NOUN_ENDINGS = tuple(lexicon("person_noun_endings").words())
_PRODUCT_NAMES = frozenset(lexicon("product_names").words())
# jieba tags of a listed word that is no person: common nouns, place nouns, other proper nouns
_THING_TAGS = ("n", "ns", "nz", "nt")
_MAX_MENTIONS = 8


def drop_things(people: Sequence[PersonRow], text: str,
                place_spans: Sequence[tuple[int, int]]) -> list[PersonRow]:
    places = _Places(text, place_spans, people)
    return [p for p in people if not _is_thing(p, text, places)]


class _Places:
    """The body's place mentions, by start and by end, and where the article's people are written."""

    def __init__(self, text: str, place_spans: Sequence[tuple[int, int]], people: Sequence[PersonRow]):
        self.end_of = {s: e for s, e in place_spans}
        self.start_of = {e: s for s, e in place_spans}
        self.names = {text[s:e] for s, e in place_spans}
        self._text, self._people = text, people

    @cached_property
    def person_chars(self) -> bytearray:
        """1 where a name of the article's people is written (built only if a list rule asks)."""
        chars = bytearray(len(self._text))
        for p in self._people:
            for m in re.finditer(re.escape(p.name), self._text):
                chars[m.start():m.end()] = b"\x01" * len(p.name)
        return chars


def _runs_into_company_word(text: str, end: int) -> bool:
    for word, not_before in COMPANY_NAME_ENDINGS:
        if text.startswith(word, end) and text[end + len(word):end + len(word) + 1] not in not_before:
            return True
    return False


def _chinese_full_name(name: str) -> bool:
    """A common surname and one or two more characters (邓小平, 雷锋): a person even inside a title."""
    return 2 <= len(name) <= 3 and name[0] in COMMON_SURNAMES


def _inside_work_title(text: str, start: int, end: int) -> bool:
    """The span sits inside a 《title》 (the title marks are on the same line, 40 characters at most)."""
    opening = text.rfind("《", max(0, start - 40), start)
    if opening < 0 or "》" in text[opening:start] or "\n" in text[opening:start]:
        return False
    closing = text.find("》", end, end + 40)
    return closing >= 0 and "《" not in text[end:closing] and "\n" not in text[end:closing]


def _is_thing(person: PersonRow, text: str, places: _Places) -> bool:
    if person.role != "subject" or person.titles or person.start is None:
        return False
    name = person.name
    if name in _PRODUCT_NAMES:
        return True  # 桑塔纳, 支付宝: a product the dictionary takes for a person's name
    if name in divisions() and any(name + suffix in places.names for suffix in FOLDED_SUFFIXES):
        return True  # 在阜平县… 在阜平: the model read the suffixed form as a place
    starts = [m.start() for m in re.finditer(re.escape(name), text)][:_MAX_MENTIONS]
    if not starts:
        return False
    ends = [s + len(name) for s in starts]
    if any(text[e:e + 1] == "某" for e in ends):
        return True
    if any(text.startswith(NAMED_VENUE_ENDINGS, e) for e in ends):
        return True  # 上海朱家角古镇景点联票 … 仅朱家角景点联票: a venue's name somewhere
    if all(_runs_into_company_word(text, e) for e in ends):
        return True  # 天奇股份, 雷锋网 at every mention: a business named like a person
    if all(s > 0 and text[s - 1] in OPEN_QUOTES and text[e:e + 1] in CLOSE_QUOTES for s, e in zip(starts, ends)):
        return True
    if not _chinese_full_name(name) and all(_inside_work_title(text, s, e) for s, e in zip(starts, ends)):
        return True  # 《2040年亚太经合组织布特拉加亚愿景》: a word of a document's title (《邓小平文选》 names a person)
    if any(text.startswith(_DEFINES_AFTER, e) or text.endswith(_DEFINES_BEFORE, 0, s)
           for s, e in zip(starts, ends)):
        return True
    return any(_listed_with_thing(text, s, e, places) for s, e in zip(starts, ends))


def _item_starts_at(text: str, i: int) -> bool:
    """Whether a list item may begin at ``i``: the text's start, punctuation, or a joiner before."""
    return i == 0 or not is_han(text[i - 1]) or text.endswith(_JOINERS, 0, i)


def _item_ends_at(text: str, i: int) -> bool:
    """Whether a list item may end at ``i``: the text's end, punctuation, 等, or a joiner after."""
    return i >= len(text) or not is_han(text[i]) or text[i] == "等" or text.startswith(_JOINERS, i)


def _listed_with_thing(text: str, start: int, end: int, places: _Places) -> bool:
    """The mention is an item of a list whose neighbouring item is a whole place (黄崖关、金山岭、
    慕田峪: the place begins and ends at item edges, so 刘洋、北京选手张伟 and 王强和武汉的医护人员
    do not count), or, after 、/及/以及, a common noun that names no people and is no part of a
    person's name (油菜以及紫云英; not 张海洋、李明华, not 企业负责人及王志刚)."""
    for joiner in _JOINERS:
        if text.startswith(joiner, end):  # NAME、PLACE
            after = end + len(joiner)
            if after in places.end_of and _item_ends_at(text, places.end_of[after]):
                return True
        if text.endswith(joiner, 0, start):  # ITEM、NAME
            before = start - len(joiner)
            if before in places.start_of and _item_starts_at(text, places.start_of[before]):
                return True
            if joiner in _LISTERS and _common_noun_before(text, before, places):
                return True
    return False


def _common_noun_before(text: str, before: int, places: _Places) -> bool:
    """The longest dictionary word ending at ``before`` is a common or place noun, names no
    people and lies outside every person's name."""
    tags = jieba_word_tags()
    for n in (4, 3, 2):
        word = text[max(0, before - n):before]
        if len(word) == n and word in tags:
            # (吴春历、苏林、阮文年: a word after a person of the same list is a name too, 苏林 a place word)
            listed_after_a_person = any(text.endswith(joiner, 0, before - n) and
                                        places.person_chars[before - n - len(joiner) - 1:before - n - len(joiner)] == b"\x01"
                                        for joiner in _LISTERS if before - n - len(joiner) > 0)
            return tags[word] in _THING_TAGS and not word.endswith(_PERSON_NOUN_ENDINGS) \
                and not any(places.person_chars[before - n:before]) and not listed_after_a_person
    return False
