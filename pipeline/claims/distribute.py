"""Figures given out to the items of a listed topic (出口额和进口额分别提升8.9个百分点和10.2个百分点: 出口额,
then 进口额), split out of ``extract.py``: ``distributed(mentions, text)`` takes the claim mentions of one
text (``extract.ClaimMention``: anything with a ``claim`` and ``_replace``) in text order and returns them
with the subjects given out.

>>> from pipeline.claims import extract_statistics
>>> [(c.text, c.subject) for c in extract_statistics("出口额和进口额分别增长8.9%和10.2%。", [])]
[('出口额和进口额分别增长8.9%', '出口额'), ('10.2%', '进口额')]
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional, TypeVar

from pipeline.records import NumericClaim
from pipeline.text.chars import HAN_EXT, is_han

from . import words as W
from .subject import noun_after_clause

M = TypeVar("M")  # a claim mention (extract.ClaimMention)


#: the items of a listed topic (出口额和进口额, 拉美、非洲和中亚五国)
_LIST_JOINER = re.compile(W.LIST_MEMBER_ALTERNATION)
_LIST_TOPIC_MAX_ITEMS = 6


def distributed(mentions: list[M], text: str) -> list[M]:
    """出口额和进口额分别提升8.9个百分点和10.2个百分点: when a listed topic is followed by a
    distributive word (分别) and by as many figures as it has items, each figure is its item's
    (出口额, then 进口额), not the whole list's; and so is each figure of the next run of as many
    figures right after, with no noun of their own, that a comma and a distributive word open (…分别增长
    5.9%、5.6%、4%和4.1%，比上年全年分别加快0.1、0.4、0.5和0.9个百分点; not …，其中1月和2月分别为10%和12%)."""
    out = list(mentions)
    # the items last given out, to which rows, and the whole list's subject they were read from
    shared: Optional[tuple[list[str], list[int], Optional[str]]] = None
    given: set[tuple[str, Optional[str]]] = set()  # (sentence, list subject) already given out
    i = 0
    while i < len(out):
        first = out[i].claim
        items = _LIST_JOINER.split(first.subject) if first.subject else []
        group = [i]
        while group[-1] + 1 < len(out) and out[group[-1] + 1].claim.subject == first.subject \
                and out[group[-1] + 1].claim.sentence == first.sentence \
                and not _DISTRIBUTIVE_IN.search(text, out[group[-1]].claim.end, out[group[-1] + 1].claim.start):
            group.append(group[-1] + 1)  # (a distributive word opens the next run: …，分别比上月加快)
        if len(items) == 1 and len(group) >= 2 and (listed := _items_listed_before(first)) is not None:
            # 装备制造业、高技术制造业利润更是分别增长了23.5%和58.7%: the list ran past the subject's
            # window; its earlier items stand before the subject, 、 between them
            items = listed
        if 2 <= len(items) <= _LIST_TOPIC_MAX_ITEMS and len(group) == len(items) \
                and (first.sentence, first.subject) not in given \
                and all(len(item) >= 2 for item in items) \
                and not any(out[k].claim.qualifier == "range_max" for k in group) \
                and _distributive_after(first.sentence, first.subject):
            for k, item in zip(group, items):
                out[k] = out[k]._replace(claim=replace(out[k].claim, subject=item))
            shared = (items, group, first.subject)
            given.add((first.sentence, first.subject))  # (a later run is the list's only as the next run)
        elif shared is not None and first.subject in (None, shared[2]) and len(group) == len(shared[0]) \
                and group[0] == shared[1][-1] + 1 and first.sentence == out[shared[1][-1]].claim.sentence \
                and _NEXT_RUN_OF_THE_SAME.fullmatch(text, out[shared[1][-1]].claim.end, first.start):
            for k, item in zip(group, shared[0]):
                out[k] = out[k]._replace(claim=replace(out[k].claim, subject=item))
            shared = None
        else:
            shared = None  # (only the run right after the list's own figures)
        i = group[-1] + 1
    return out


_LISTED_ITEM = re.compile(rf"([{HAN_EXT}]{{2,12}})、$")
_LAST_ITEM = re.compile(rf"(?<=、)([{HAN_EXT}]{{2,12}})$")
#: a distributive word (分别) between two runs of figures
_DISTRIBUTIVE_IN = re.compile(W.DISTRIBUTIVE_ALTERNATION)
#: between a list's figures and the next run of the same items: a comma, then a comparison or a verb
#: and a distributive word, no list of other items (，比上年全年分别加快 / ，较上月分别上升; not ，其中1月和2月分别为)
_NEXT_RUN_OF_THE_SAME = re.compile(rf"[，,][^，,。；;、和与及]{{0,12}}?(?:{W.DISTRIBUTIVE_ALTERNATION})[^，,。；;、和与及]{{0,8}}")
#: a distributive word after a subject, within its clause (…利润更是分别增长)
_DISTRIBUTIVE_AFTER = re.compile(rf"[^，,。；;]{{0,12}}?(?:{W.DISTRIBUTIVE_ALTERNATION})")


def _distributive_after(sentence: str, subject: str) -> bool:
    """A distributive word follows some occurrence of ``subject`` in its clause (出口额和进口额分别)."""
    at = sentence.find(subject)
    while at >= 0:
        if _DISTRIBUTIVE_AFTER.match(sentence, at + len(subject)):
            return True
        at = sentence.find(subject, at + 1)
    return False


def _items_listed_before(claim: NumericClaim) -> Optional[list[str]]:
    """The items of a list written right before ``claim``'s subject, when a distributive word
    follows the subject: the earlier items and the subject (装备制造业、 + 高技术制造业利润), or, for
    a list closed by 等 before a kind, the items alone (电动汽车、锂电池、风力发电机组 + 等绿色低碳产品
    出口); None when there are none."""
    sentence, subject = claim.sentence, claim.subject
    at = sentence.find(subject)
    if at <= 0 or not _DISTRIBUTIVE_AFTER.match(sentence, at + len(subject)):
        return None
    listed = [subject]
    if sentence[at - 1] == "等" and (last := _LAST_ITEM.search(sentence, 0, at - 1)) is not None:
        listed, at = [last.group(1)], last.start()
    while (item := _LISTED_ITEM.search(sentence, 0, at)) is not None and len(listed) <= _LIST_TOPIC_MAX_ITEMS:
        listed.insert(0, item.group(1))
        at = item.start()
    if len(listed) < 2:
        return None
    if at > 0 and is_han(sentence[at - 1]):
        return None  # the first item is cut (…庆战略性新兴产业 of 重庆…): no list read whole
    # the first item opens its clause, and may hold the clause's verb (带动机器人减速器、…)
    listed[0] = noun_after_clause(listed[0]) or listed[0]
    return listed
