"""Titles that close a list of names: 习近平、李克强等党和国家领导人, 张三、李四等院士, 聂海胜、刘伯明、汤洪波3名航天员.

Contract: ``title_closing_list(text, mention, mentions)`` → the title every name of the 、-list starting at
``mention`` holds, or None; ``list_end(text, end, mentions)`` → where such a list ends. Split out of
``titles.py`` (the titles written before and after one name), whose title item and break patterns it reads.

>>> from .units import Mention
>>> text = "聂海胜、刘伯明、汤洪波3名航天员进入空间站。"
>>> people = [Mention(0, 3, "PER", 0), Mention(4, 7, "PER", 0), Mention(8, 11, "PER", 0)]
>>> title_closing_list(text, people[0], people)
'航天员'
"""
from __future__ import annotations

import re
from typing import Optional

from ..lexicons import alternation, lexicon
from ..resources import jieba_word_tags
from ..text.chars import is_han
from .mentions import Mention
from .titles import TITLE_ITEM, break_in


# 等8位代表, 等三名院士: a count of people (claim_units.tsv's person rows) between 等 and the title
_LIST_COUNT = re.compile(rf"(?:[0-9]+|[一二两三四五六七八九十]+)(?:{alternation(lexicon('claim_units').flagged('person'))})")


def list_end(text: str, end: int, mentions: list[Mention]) -> int:
    """Where a 、-list of person names that goes on at ``end`` ends (喻红秋、傅奎为 → after 傅奎)."""
    starts = {m.start: m.end for m in mentions if m.label == "PER"}
    while text[end:end + 1] == "、" and end + 1 in starts:
        end = starts[end + 1]
    return end


def title_closing_list(text: str, mention: Mention, mentions: list[Mention]) -> Optional[str]:
    """The title after 等 or a count that closes a 、-list of names starting at ``mention``
    (习近平、李克强等党和国家领导人来到…, 张三、李四等院士, 聂海胜、刘伯明、汤洪波3名航天员): every
    name in the list holds it.
    The title must end the phrase: punctuation, or a verb or preposition after it."""
    end = list_end(text, mention.end, mentions)
    if text[end:end + 1] == "等":
        count = _LIST_COUNT.match(text, end + 1)  # 李勇、何雷等8位代表
        after_list = count.end() if count else end + 1
    elif (end > mention.end or text[mention.start - 1:mention.start] == "、") and (count := _LIST_COUNT.match(text, end)):
        after_list = count.end()  # 聂海胜、刘伯明、汤洪波3名航天员: a count closes the list
    else:
        return None
    item = TITLE_ITEM.match(text, after_list)
    if not item or break_in(item.group()):
        return None
    after = item.end()
    tags = jieba_word_tags()
    # the word after it: two characters when the dictionary has them, else one (在 of 在古北口)
    word = next((text[after:after + n] for n in (2, 1) if text[after:after + n] in tags), "")
    if after < len(text) and is_han(text[after]) and tags.get(word, "")[:1] not in ("v", "p", "d", "c", "t"):
        return None
    return item.group()
