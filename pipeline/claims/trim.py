"""A claim's subject trimmed to what the noun is: whole words only when it is too long for the
column (never a word cut in two), and without the adverbs of the predicate after it.

>>> whole_word_head("国家一级保护动物中华鲟", 10)
'国家一级保护动物'
"""
from __future__ import annotations

from pipeline.resources import jieba_word_tags

from . import words as W
from .tokens import tokens


def whole_word_tail(subj: str, limit: int) -> str:
    """The last words of ``subj`` that fit in ``limit`` characters, never a word cut in two
    (全国城镇调查失业率, not 份全国城镇调查失业率); the characters alone when one word is longer.

    >>> whole_word_tail("5月份全国城镇调查失业率", 10)
    '全国城镇调查失业率'
    """
    words = [w for w, _ in tokens(subj)]
    k = 0
    while k < len(words) and sum(len(w) for w in words[k:]) > limit:
        k += 1
    while k < len(words) - 1 and words[k] in ("、", "和", "与", "及", "以及"):
        k += 1  # 、建设高标准农田: a list's joiner opens no subject
    tail = "".join(words[k:])
    return tail if len(tail) >= 2 else subj[len(subj) - limit:]


def without_trailing_adverbs(subj: str) -> str:
    """``subj`` without the adverbs or two-character adjectives after its noun: they are the
    predicate's (数据成本普遍在2元, 工人工资一般只有100美元 → 数据成本, 工人工资).

    >>> without_trailing_adverbs("数据成本普遍"), without_trailing_adverbs("温度最高")
    ('数据成本', '温度')
    """
    toks = tokens(subj)
    end = len(toks)
    while end > 1 and (toks[end - 1].tag in ("d", "ad") or toks[end - 1].tag == "a" and len(toks[end - 1].word) >= 2
                       or toks[end - 1].word in W.ADVERBIALS) \
            and toks[end - 2].tag.startswith("n"):
        end -= 1
    return "".join(w for w, _ in toks[:end])


def whole_word_head(subj: str, limit: int) -> str:
    """The first words of ``subj`` that fit in ``limit`` characters (国家一级保护动物, not
    国家一级保护动物中华 of …中华鲟); the characters alone when the first word is longer."""
    head = ""
    for w, _ in tokens(subj):
        if len(head) + len(w) > limit:
            break
        head += w
    return head if len(head) >= 2 else subj[:limit]


#: the longest comparison cut off before a verb of change (比去年春节同期, 比前一周)
_COMPARISON_MAX_CHARS = 10


def before_comparison(core: str) -> str:
    """The noun before a verb of change, once the verb is cut off (``core``): without the time
    word that ends it (日经股指到收盘时 → 日经股指到) and without the comparison that ends it (在线
    餐饮销售额比去年春节同期 → 在线餐饮销售额): from the last 比 or 较 that opens no word of the
    dictionary (比例, 比亚迪, 较为), when no punctuation stands after it.

    >>> before_comparison("在线餐饮销售额比去年春节同期"), before_comparison("贫困发生率比例")
    ('在线餐饮销售额', '贫困发生率比例')
    """
    for word in W.TIME_WORDS_AFTER:
        if core.endswith(word) and len(core) > len(word):
            core = core[:-len(word)]
            break
    tags = jieba_word_tags()
    for i in range(len(core) - 1, max(-1, len(core) - _COMPARISON_MAX_CHARS - 1), -1):
        if core[i] in "比较" and i >= 2 and core[i:i + 2] not in tags and core[i - 1:i + 1] not in tags:
            return core[:i]
    return core
