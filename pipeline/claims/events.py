"""The event a length of time is of, when a lasting verb writes it (为期, 持续, 历时:
claim_lasting_verbs.tsv): 本届电影节为期6天 → 电影节, 为期40天的2021年春运 → 春运.

Contract: ``lasting_verb_before(sh, floor, s, e)`` returns the lasting verb written right before the
length at ``s:e`` of the shadow text ``sh`` when it reads as one here (为期 always; the others when
的 or the end of the clause follows the length: 历时4年建成 is read as an activity by
``subject.py``), else None; ``what_lasts(sh, verb_start, e, floor, ceil)`` the event (or None when the
length names none: 为期10年、总额10亿美元的基金). Words and tags come from ``tokens.py``; the word
lists are ``claim_*.tsv`` lexicons (``words.py``).

>>> sh = "本届电影节为期6天，"
>>> verb = lasting_verb_before(sh, 0, 7, 9)
>>> verb, what_lasts(sh, 7 - len(verb), 9, 0, len(sh))
('为期', '电影节')
"""
from __future__ import annotations

import re
from typing import Optional

from pipeline.settings import section
from pipeline.text.chars import HAN_EXT

from . import words as W
from .before import subject_before
from .subject import noun_phrase_after, split_place
from .tokens import tokens

#: Lengths from ``pipeline/settings.toml`` [claims], bound once per process.
_T = section("claims")


def lasting_verb_before(sh: str, floor: int, s: int, e: int) -> Optional[str]:
    """The lasting verb ending at ``s`` (after ``floor``) when it gives the length ``s:e`` as an
    event's: 为期 always, 持续 / 历时 / 延续 before 的 or the end of the clause."""
    verb = next((v for v in W.LASTING_VERBS if sh.endswith(v, floor, s)), None)
    if verb is None or not (verb in W.ALWAYS_LASTING_VERBS or sh.startswith("的", e) or ends_clause(sh, e)):
        return None
    return verb


#: a year, an edition or a season opening the noun after 为期…的 (2021年春运, 第三届进博会): when, not what
_EDITION = re.compile(r"(?:[0-9]{4}年?度?|第[0-9一二三四五六七八九十百]+[届期次轮批]|[本首今明]届|今年|明年)+")


def what_lasts(sh: str, verb_start: int, e: int, floor: int, ceil: int) -> Optional[str]:
    """The event a length after a lasting verb (为期, 持续: claim_lasting_verbs.tsv; the verb starts at
    ``verb_start``, the length ends at ``e``) is of: the words after its 的 up to a time word, a
    preposition or the verb that closes the event (为期40天的2021年春运今天结束 → 春运, 为期15年的大熊猫
    保护合作研究 → 大熊猫保护合作研究), or the noun before the verb when the length ends the clause
    (本届电影节为期6天， → 电影节); None otherwise (设立为期10年、总额10亿美元的基金: the length is one
    of a list of modifiers)."""
    if not sh.startswith("的", e):
        if not ends_clause(sh, e):
            return None
        before = tokens(sh[max(floor, verb_start - _T.subject_before_window):verb_start])
        while before and (before[-1].word in W.MODAL_WORDS or before[-1].tag == "d"):
            verb_start -= len(before.pop().word)  # 本轮对话|预计|持续5天, 每个班|要|持续, 危机|已经|持续 (not 博览会)
        return subject_before(sh, verb_start, floor)[0]
    after = e + 1
    edition = _EDITION.match(sh, after)
    if edition:
        after = edition.end()
    run = _EVENT_RUN.match(sh, after, ceil)
    if run is None:
        return None
    words: list[str] = []
    toks = tokens(run.group(0))
    for i, (w, t) in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if w in W.EVENT_CLOSING_VERBS or w in W.TIME_WORDS_AFTER or w in W.LASTING_VERBS or words and (
                w in W.PREDICATE_VERBS or t.startswith(("p", "d")) or t.startswith("u") and w != "之" or t == "ad"
                or t == "t" and (nxt is None or nxt.tag.startswith(("p", "v")))
                or t.startswith("v") and nxt is not None and nxt.word in _ASPECT_MARKS):
            # 春运|今天结束, 停火|结束, 世界制造业大会|在安徽合肥闭幕, 测试活动|也在今天, 赛马会|本月25号,
            # 休渔期|的, 电视节|聚集了 (a time word inside the name stays: 跨|昼夜|连贯比武考核; so does 之:
            # 拉美之行)
            break
        words.append(w)
    if len(words) >= 2 and tokens(words[-1])[-1].tag == "f":
        words.pop()  # 为期3天的供需对接|会上 … (a locative word: in the event, no part of its name)
    event = "".join(words)
    if len(event) > _T.subject_max_chars:
        # a long run may hold the clause's predicate (FAST主体建设工程|全部完工): its leading noun
        # phrase, which a long event's name may fill (网络食品销售虚假宣传专项整治行动)
        event = noun_phrase_after(event) or ""
        if len(event) > _T.event_max_chars:
            return None
    if len(event) < 2 or not split_place(event)[0]:
        return None  # (长江, 香港: where, not what)
    return event


#: the aspect marks after a verb that make it the clause's predicate (电视节聚集了当下国内…)
_ASPECT_MARKS = frozenset("了过着")
#: the name of an event after 为期…的: Han characters and Latin letters, up to a digit or a stop
_EVENT_RUN = re.compile(rf"[{HAN_EXT}A-Za-z]+")
#: what may follow a length that ends its clause (本届电影节为期6天，)
_CLAUSE_END = re.compile(r"[，,。；;！？!?\n]")


def ends_clause(sh: str, at: int) -> bool:
    """Nothing, or a clause's end, at ``at``."""
    return at >= len(sh) or _CLAUSE_END.match(sh, at) is not None
