"""Name-like words that the text itself shows to be things: the people rows to drop.

Contract
--------
``drop_things(people, text, place_spans) -> list[PersonRow]`` keeps every row except a person
the story is about (role ``subject``, no title) whose body mentions show a thing, by one of:

* **a division** — the name is a division of the gazetteer, full or short, that the article
  also writes with its suffix or the model reads as a place elsewhere (在阜平县… 在阜平,
  五月的滦平 beside 滦平县); a reign name before 皇帝 (咸丰) is no such division;
* **an anonymised name** — a mention runs into 某 (公司董秘罗某: the surname of an unnamed
  person, read with the title before it);
* **a place's name** — a mention runs into a place word (place_tails.tsv: 朱家角 + 古镇, 陈家坝 +
  社区), so the other mentions are that place too (仅朱家角景点联票);
* **quoted everywhere** — every mention is wrapped in quotation marks (台风“巴威”,
  “双枢纽”): a nickname, a code name, a slogan;
* **a definition** — one mention defined as a kind (万寿菊是一种…, 又称艾叶饺);
  the cues are ``thing_name_cues.tsv`` (kind ``defines``);
* **listed with a place or a common noun** — a joiner (、, 和, 以及…) between the mention and a
  place the model found (黄崖关、金山岭、慕田峪), or a list joiner (、, 及, 以及) right after a
  word jieba tags as a common or place noun (油菜以及紫云英, 尼可刹米、洛贝林); people are listed
  with people (张绍勇和工友们 is no list of things: 和 joins only with a place).

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
from typing import Sequence

from ..gazetteer import FOLDED_SUFFIXES, divisions
from ..lexicons import lexicon
from ..records import PersonRow
from ..resources import jieba_word_tags
from .name_words import PLACE_WORD_AFTER_NAME

_CUES = lexicon("thing_name_cues").records()
_DEFINES_AFTER = tuple(c.word for c in _CUES if c.kind == "defines" and c.side == "after")
_DEFINES_BEFORE = tuple(c.word for c in _CUES if c.kind == "defines" and c.side == "before")
_JOINERS = tuple(sorted((c.word for c in _CUES if c.kind in ("joins", "lists")), key=len, reverse=True))
_LISTERS = frozenset(c.word for c in _CUES if c.kind == "lists")
_OPEN_QUOTES, _CLOSE_QUOTES = "“「『\"", "”」』\""
# jieba tags of a listed word that is no person: common nouns, place nouns, other proper nouns
_THING_TAGS = ("n", "ns", "nz", "nt")
_MAX_MENTIONS = 8


def drop_things(people: Sequence[PersonRow], text: str,
                place_spans: Sequence[tuple[int, int]]) -> list[PersonRow]:
    place_starts = {s for s, _ in place_spans}
    place_ends = {e for _, e in place_spans}
    place_names = {text[s:e] for s, e in place_spans}
    return [p for p in people if not _is_thing(p, text, place_starts, place_ends, place_names)]


def _is_thing(person: PersonRow, text: str, place_starts: set[int], place_ends: set[int],
              place_names: set[str]) -> bool:
    if person.role != "subject" or person.titles or person.start is None:
        return False
    name = person.name
    if name in divisions() and (any(name + suffix in text for suffix in FOLDED_SUFFIXES)
                                or name in place_names):
        return True
    starts = [m.start() for m in re.finditer(re.escape(name), text)][:_MAX_MENTIONS]
    if not starts:
        return False
    ends = [s + len(name) for s in starts]
    if any(text[e:e + 1] == "某" for e in ends):
        return True
    if any(PLACE_WORD_AFTER_NAME.match(text, e) for e in ends):
        return True  # 上海朱家角古镇景点联票 … 仅朱家角景点联票: a place's name somewhere
    if all(text[s - 1:s] in _OPEN_QUOTES and text[e:e + 1] in _CLOSE_QUOTES and s > 0
           for s, e in zip(starts, ends)):
        return True
    if any(text.startswith(_DEFINES_AFTER, e) or text[:s].endswith(_DEFINES_BEFORE)
           for s, e in zip(starts, ends)):
        return True
    return any(_listed_with_thing(text, s, e, place_starts, place_ends) for s, e in zip(starts, ends))


def _listed_with_thing(text: str, start: int, end: int, place_starts: set[int], place_ends: set[int]) -> bool:
    tags = jieba_word_tags()
    for joiner in _JOINERS:
        if text.startswith(joiner, end):  # NAME、ITEM
            after = end + len(joiner)
            if after in place_starts:
                return True
        if text[:start].endswith(joiner):  # ITEM、NAME
            before = start - len(joiner)
            if before in place_ends or joiner in _LISTERS and _thing_word(tags, text[max(0, before - 4):before]):
                return True
    return False


def _thing_word(tags: dict, window: str) -> bool:
    """The longest dictionary word ending the window is a common or place noun."""
    for n in (4, 3, 2):
        word = window[-n:]
        if len(word) == n and word in tags:
            return tags[word] in _THING_TAGS
    return False
