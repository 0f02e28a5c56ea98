"""Chains of titles before a name: the titles listed with 、 or 兼 before the one right before the name,
each as written with its unit (中共中央政治局常委、国务院副总理韩正 → 中共中央政治局常委).

Contract
--------
``titles_chained_before(text, start, title, org) -> list[str]``: given the title ``title_before`` read
right before the name at ``start`` (and its organization), the chain's other titles, first written first;
[] when none. A listed item that is not a title (80后党员, a clause) ends the chain; a former office
(原…) goes on it; the chain's first item may open with the clause's preposition or pronoun, which is
left out. The title patterns are ``titles.py``'s; the titles after a name are read there too
(``titles_chained_after``). Split out of titles.py, which had grown past 500 lines, 2026-12-07.

>>> titles_chained_before("中共中央政治局常委、国务院副总理韩正出席", 16, "国务院副总理", None)
['中共中央政治局常委']
>>> titles_chained_before("中央宣讲团成员、原中央党史研究室主任欧阳淞作报告", 18, "中央党史研究室主任", None)
['中央宣讲团成员']
"""
from __future__ import annotations

from typing import Optional

from ..resources import jieba_module, jieba_word_tags
from .name_words import TITLE_HEADS
from .titles import (CLAUSE_BREAK, TITLE_ITEM, TITLE_PRAISE_WORDS, after_last_break, break_in,
                     without_leading_function_words)


#: what joins the titles of one chain: 党委副书记、院长; 国务委员兼外交部长
_CHAIN_JOINERS = "、兼"


#: a former office's mark before its body (原中央党史研究室主任)
_FORMER = ("原", "前")


def titles_chained_before(text: str, start: int, title: Optional[str], org: Optional[str],
                           limit: int = 3) -> list[str]:
    """Titles listed with 、 before the one right before a name, first written first, each as
    written with its unit (中共中央政治局常委、国务院副总理韩正 → 中共中央政治局常委;
    临时党支部书记、金域医学集团副总裁侯生根 → 临时党支部书记). A listed item that is not a
    title (80后党员, a clause) ends the chain."""
    if not title:
        return []
    pos = start - len(title)
    if text[pos:start] != title:
        return []  # a title split off its unit by organization_in_title: not a plain run
    if org and text[pos - len(org):pos] == org:
        pos -= len(org)
    if text[pos - 1:pos] in _FORMER and text[pos - 2:pos - 1] in _CHAIN_JOINERS:
        pos -= 1  # 中央宣讲团成员、原中央党史研究室主任欧阳淞: a former office goes on the chain
    praise = next((w for w in TITLE_PRAISE_WORDS if text.endswith(w, 0, pos)), "")
    if praise:  # 、著名音乐家, 、俄罗斯著名流行病学家: the chain goes on before the cut praise
        pos -= len(praise)
        k = pos
        while k > 0 and pos - k < 6 and text[k - 1] not in _CHAIN_JOINERS and not CLAUSE_BREAK.match(text[k - 1]):
            k -= 1
        if k > 0 and text[k - 1] in _CHAIN_JOINERS:
            pos = k
    chain: list[str] = []
    while pos >= 1 and text[pos - 1] in _CHAIN_JOINERS and len(chain) < limit:
        item_start = pos - 1
        while item_start > 0 and text[item_start - 1] not in _CHAIN_JOINERS and not CLAUSE_BREAK.match(text[item_start - 1]):
            item_start -= 1
        item = text[item_start:pos - 1]
        if break_in(item) or not TITLE_ITEM.fullmatch(item):
            if org and item.startswith(org) and len(item) > len(org) and TITLE_ITEM.fullmatch(item[len(org):]):
                # 中国中化集团有限公司董事长、党组书记宁高宁: the body opens the chain, too long to be
                # read as one item; its titles follow it
                chain.insert(0, item[len(org):])
                break
            # 杂志发表中共中央总书记、国家主席…: the title after the clause's verb opens the chain
            first = _title_after_clause(item)
            if first:
                chain.insert(0, first)
            break
        # (据奇瑞汽车董事长、总经理尹同跃: the chain's first item may open with the clause's
        # preposition or pronoun)
        chain.insert(0, without_leading_function_words(item))
        pos = item_start
    return chain


def _title_after_clause(item: str) -> Optional[str]:
    """The title that ends a clause (记者对国家发展改革委副主任 → 国家发展改革委副主任, 杂志发表中共中央
    总书记 → 中共中央总书记): what follows the clause's last break, else its first verb after which a
    unit and a title head alone remain; None when none is (来访的党委副书记: a modifier with 的 is no
    unit)."""
    rest = after_last_break(item)
    if not TITLE_ITEM.fullmatch(rest):
        words = list(jieba_module().cut(rest))
        tags = jieba_word_tags()
        cuts = [len("".join(words[:i + 1])) for i, w in enumerate(words)
                if tags.get(w, "")[:1] == "v" and w not in TITLE_HEADS]
        rest = next((rest[c:] for c in cuts if TITLE_ITEM.fullmatch(rest[c:])), "")
    if not rest or rest in TITLE_HEADS or "的" in rest or not TITLE_ITEM.fullmatch(rest):
        return None
    return rest
