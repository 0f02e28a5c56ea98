"""The noun before a number (口罩10万只, 累计为困难群众发放物资) and, when none stands there, the
topic of its clause (参会人数超过了700人, 贸易逆差创下历史新高，达到2275亿美元).

Contract
--------
``subject_before(sh, pos, floor)`` returns (noun or None, the span start it extends the claim to),
never reading before ``floor`` (the sentence's start or the previous claim's end);
``topic_before(sh, pos, floor)`` the noun phrase before a chain of linking verbs, modals and
adverbs that ends at ``pos`` (``claim_predicate_words.tsv``); ``quoted_before`` a quoted word
right before a number (武汉“封城”27天后). Words and tags come from ``tokens.py``; the word lists are
the ``claim_*.tsv`` lexicons (``words.py``).

>>> subject_before("累计为困难群众发放物资", 11, 0)
('物资', 9)
>>> subject_before("三季度，GDP同比增长", 11, 0)
('GDP', 4)
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from pipeline.settings import section
from pipeline.text.chars import HAN_EXT

from . import words as W
from .tokens import Token, ends_a_word, ends_phrase, is_verbal, tokens
from .trim import before_comparison, whole_word_tail, without_trailing_adverbs

#: Lengths from ``pipeline/settings.toml`` [claims], bound once per process.
_T = section("claims")


class VerbCut(NamedTuple):
    """The verb after which a subject before a number was last cut (劝返|人员)."""

    verb: str = ""
    previous: str = ""  # the word before the verb
    start: int = 0  # offset of the verb in the phrase


# an adverb the segmenter glued to the noun before it (纸制品|业则)
_ADVERB_END = re.compile("[则就都也又还却]$")

# a noun before a number may hold Latin letters (GDP同比增长3.9%, 使用GPU需要40块)
# (and digits right after Latin letters, as in a name: 广义货币M2同比增9%, N95口罩超过1100万只)
_NOUN_RUN = re.compile(rf"(?:[{HAN_EXT}、]|[A-Za-z]++[0-9]*+){{1,{_T.subject_before_max_chars}}}$")

_LATIN_LEAD = re.compile(r"[A-Za-z]+")

_CJK_FIRST = re.compile(rf"[{HAN_EXT}]")

_ETC_TAIL = re.compile(r"(?:等|的)+$")

_WHOLE_SCOPE = re.compile(r"全[市县区乡镇村]")

_LEAD_STRIP = re.compile(rf"^(?:{W.LEAD_STRIP_ALTERNATION})+")

_RATE_TAIL = re.compile(rf"(?:{W.NUMBER_LEAD_ALTERNATION})+$")

_RATE_LEAD = re.compile(rf"(?:{W.RATE_MARKER_ALTERNATION})+")

_RATE_END = re.compile(rf"(?:{W.RATE_MARKER_ALTERNATION})$")

_CHANGE_VERB_TAIL = re.compile(rf"{W.CHANGE_PHRASE}$")

_CHANGE_WITH_DIGITS = re.compile(rf"(?:{W.COMPARISON})+(?:{W.CHANGE_ADVERB_ALTERNATION})*(?:{W.CHANGE_VERB_ALTERNATION})了?(?:至|到)?$")

_LABEL_COLON = re.compile(r"[：:]\s*$")

# the word that opens a comparison (W.COMPARISON: 比 / 较 + the base period), right before a period
_COMPARISON_END = re.compile(r"[比较]$")

# a period and a linking or change verb right before a number (…面积1978年仅为, 收入2021年达到)
_DATED_PREDICATE = re.compile(
    rf"(?:{W.PERIOD_ALTERNATION})(?:{W.PREDICATE_ALTERNATION}|{W.CHANGE_VERB_ALTERNATION})了?(?:到|至)?$")

# a note in brackets right before a number (完成投资（不含房地产）超3500亿元), with the qualifier or
# linking word between them
_NOTE_BEFORE = re.compile(rf"[（(][^（）()]{{1,12}}[）)](?:{W.PREDICATE_ALTERNATION})?$")

_QUOTED_BEFORE = re.compile(rf"[“‘\"']([{HAN_EXT}]{{2,8}})[”’\"']$")

_PREPOSITIONS = re.compile(rf"(?:{W.PREPOSITION_ALTERNATION})+")

_PREDICATE_END = re.compile(rf"(?:{W.PREDICATE_ALTERNATION})$")

# a chain link that is a verb (达到, 占比, 下降): only such a chain may take its topic from the clause
# before (将6年以内的…: 将 is no verb there)
_LINKING_VERB = re.compile(rf"{W.LINKING_VERB_ALTERNATION}|{W.CHANGE_VERB_ALTERNATION}")

# a predicate and the base a share or multiple is of (恢复至去年同期的三分之一, 仅为平日的一半)
_BASE_OF_SHARE = re.compile(
    rf"(?:{W.PREDICATE_ALTERNATION}|{W.CHANGE_VERB_ALTERNATION})(?:到|至)?(?P<base>[^的、]{{1,8}})的$")

# tags of the words a predicate chain may hold besides its lexicon words: adverbs, 了 / 着
_CHAIN_TAGS = ("d", "ul", "uz", "t")

# a link of that chain besides the predicate words: a verb of change and the comparison before it
# (价格也大幅下跌18.37%, 收入比2012年增长了15倍)
_CHAIN_LINK_END = re.compile(
    rf"(?:{W.PREDICATE_ALTERNATION}|{W.CHANGE_VERB_ALTERNATION}|{W.COMPARISON})$")


def quoted_before(sh: str, pos: int, floor: int) -> Optional[str]:
    """A quoted word right before ``pos`` (武汉“封城”27天后 → 封城), or None."""
    m = _QUOTED_BEFORE.search(sh, max(floor, pos - _T.subject_before_window), pos)
    return m.group(1) if m else None


def _noun_run(sh: str, lo: int, pos: int) -> Optional[tuple[int, str]]:
    """(start, text) of the run of Han characters and Latin letters that ends at ``pos``, no
    further back than ``lo``; Latin letters glued to a digit or cut by the window open no run
    (5G基站 → 基站)."""
    m = _NOUN_RUN.search(sh, lo, pos)
    if not m:
        return None
    start = m.start()
    lead = _LATIN_LEAD.match(sh, start)
    if lead and start > 0 and (sh[start - 1].isascii() and sh[start - 1].isalnum() or sh[start - 1] in ".-"):
        start = lead.end()
    if start >= pos:
        return None
    return start, sh[start:pos]


def subject_before(sh: str, pos: int, floor: int) -> tuple[Optional[str], int]:
    """Noun before a number-after-noun form (口罩10万只); returns (subject, start). When no
    noun stands right before the number, the topic of its clause (``topic_before``)."""
    at = pos - 1 if sh[pos - 1:pos] == " " and pos - 1 > floor else pos  # 屏幕为 6.2 英寸
    if (note := _NOTE_BEFORE.search(sh, max(floor, at - _T.subject_before_window), at)) is not None:
        # 完成投资（不含房地产）超3500亿元: the noun stands before the note in brackets
        subj = _noun_before(sh, note.start(), floor)[0] or topic_before(sh, note.start(), floor)
        if subj is not None:
            return subj, pos
    change = _CHANGE_WITH_DIGITS.search(sh, max(floor, at - 16), at)
    if change is not None and any(c.isascii() and c.isdigit() for c in change.group(0)):
        # 增速比1—8月份加快0.5个百分点: the digits of the comparison end the run of the noun; an
        # adverb before the comparison links it to the topic (森林蓄积量将比2005年增加)
        subj = _noun_before(sh, change.start(), floor)[0] or topic_before(sh, change.start(), floor)
        if subj is not None:
            return subj, pos
    # (a period after a comparison word is the base of a change: 开支较 + 去年增加, no topic's period)
    if (dated := _DATED_PREDICATE.search(sh, max(floor, at - 16), at)) is not None \
            and not _COMPARISON_END.search(sh, max(floor, dated.start() - 4), dated.start()):
        # 住房建筑面积1978年仅为6.7平方米: a period between the topic and its predicate
        subj = _noun_before(sh, dated.start(), floor)[0]
        if subj is not None:
            return subj, pos
    subj, start = _noun_before(sh, at, floor)
    start = pos if start == at else start  # no noun: the span starts at the number, not the space
    if subj is None or _PREDICATE_END.search(subj):  # 超过, 这一比例不会超过
        topic = topic_before(sh, at, floor)
        if topic is not None:
            return topic, pos  # the predicate stands between: the span stays the number's
    return subj, start


def topic_before(sh: str, pos: int, floor: int) -> Optional[str]:
    """The topic of a clause whose predicate links it to the number: the noun phrase before a
    chain of linking verbs, modals, adverbs and 了 (``claim_predicate_words.tsv``, jieba tag d);
    None when no chain ends the text before ``pos`` or a verb ends what comes before it.

    >>> topic_before("，参会人数超过了700人", 8, 0)
    '参会人数'
    >>> topic_before("营业收入分别为6066万元", 7, 0)
    '营业收入'
    >>> topic_before("全市拥有700人", 4, 0) is None
    True
    """
    found = _noun_run(sh, max(floor, pos - _T.subject_before_window), pos)
    if not found:
        return None
    run_start, run = found
    words = tokens(run)
    bounds = {sum(len(w) for w, _ in words[:i]) for i in range(len(words) + 1)}
    end = len(run)
    base = run.endswith("的") and next(
        (m for k in sorted(bounds, reverse=True) if (m := _BASE_OF_SHARE.match(run, k))), None)
    if base:  # 产能已恢复至|去年同期的|三分之一: the base of the share is no topic
        end = base.start("base")
    before: list[Token] = []  # the words of run[:end] once the chain is cut off
    linked_any = False  # the chain holds a verb, not only adverbs, modals or time words
    while end:
        linked = _CHAIN_LINK_END.search(run, 0, end)
        if linked and (len(linked.group(0)) >= 2 or not ends_a_word(run, linked.start())
                       or _CHAIN_LINK_END.search(run, 0, linked.start()) is not None):
            # (a one-character link is no word's last character, unless that word is links too:
            # not 能 of 产能 + 可达, but 有 of 还有)
            end = linked.start()
            linked_any = linked_any or _LINKING_VERB.fullmatch(linked.group(0)) is not None
            continue
        before = tokens(run[:end])
        if before and before[-1].tag.startswith(_CHAIN_TAGS):
            end -= len(before[-1].word)
            continue
        break
    if end == 0 and linked_any and (quoted := _QUOTED_BEFORE.search(sh, max(floor, run_start - 10), run_start)):
        return quoted.group(1)  # 订单量“没有影响的”占24.6%: the quoted words are the topic
    if end == 0 and linked_any and run_start - 1 > floor and sh[run_start - 1] in "，,":
        # the chain opens the clause (贸易逆差创下历史新高，达到2275亿美元): the topic is the
        # previous clause's (过去十年 is a time, no chain: 翟青介绍，过去十年 has no topic)
        return _previous_clause_topic(sh, run_start - 1, floor)
    if end == len(run) or end < 2 or end not in bounds:
        return None  # no chain, nothing before it, or the chain cut a word (拥有 → 拥)
    w, t = before[-1]
    if ends_phrase(w, t) or t == "v" and (len(w) == 1 or len(before) < 2 or not before[-2].tag.startswith("n")):
        return None  # a verb ends the clause's start (后备厢里放了): no topic; 营业|收入 is a noun
    subj, _ = _noun_before(sh, run_start + end, floor)
    return subj


def _previous_clause_topic(sh: str, comma: int, floor: int) -> Optional[str]:
    """The noun phrase that opens the clause ending at ``comma``, before its predicate (the
    first adverb, or verb after a noun): 由此产生的贸易逆差创下历史新高 → 贸易逆差; None when the
    clause opens with no noun (三季度, 他说, 在…) or is an attribution (翟青介绍).

    >>> _previous_clause_topic("由此产生的贸易逆差创下历史新高，", 15, 0)
    '贸易逆差'
    >>> _previous_clause_topic("今年以来，", 4, 0) is None
    True
    """
    start = max(floor, max(sh.rfind(c, floor, comma) for c in "，,；;：:。！？!?\n") + 1)
    offset = start
    previous: Optional[Token] = None
    for w, t in tokens(sh[start:comma]):
        if previous is None and t.startswith("p"):
            return None  # 对被调查人采取留置措施后，…: a prepositional clause has no topic
        if t == "?" and len(w) >= 2 and _ADVERB_END.search(w) and previous is not None:
            return _noun_before(sh, offset + len(w) - 1, start)[0]  # 纸制品|业则: 业|则
        if previous is not None and previous.tag.startswith(("n", "j", "l", "?")) \
                and (t.startswith("d") or t == "vd" or is_verbal(w, t) or w in W.ONE_CHAR_VERBS):
            # (持续, 逐步: jieba's adverbial verbs, vd, open the predicate as adverbs do)
            if w in W.SPEECH_VERBS:
                return None  # 翟青介绍，…: who speaks is no topic of what is said
            return _noun_before(sh, offset, start)[0]
        previous = Token(w, t)
        offset += len(w)
    return None


def _noun_before(sh: str, pos: int, floor: int) -> tuple[Optional[str], int]:
    """Noun right before ``pos`` (口罩10万只); returns (subject, start).

    The phrase is cut after the last verb, preposition, adverb or pronoun
    (累计为困难群众发放物资 → 物资, 劝延或取消各类酒宴 → 酒宴); a subject made
    of verbs only stays whole (治愈出院1600人), a generic head keeps its verb
    (劝返人员280人次)."""
    lo = max(floor, pos - _T.subject_before_window)
    label = _LABEL_COLON.search(sh, lo, pos)
    if label:  # 老人票原价：25元: a label and its value
        subj, sstart = _noun_before(sh, label.start(), floor)
        if subj is None or subj in W.GENERIC_LABELS:
            return None, pos
        return subj, sstart
    quoted = _QUOTED_BEFORE.search(sh, lo, pos)
    if quoted:  # 买入“暴风科技”400股: the quoted name is what the number counts
        return quoted.group(1), quoted.start()
    found = _noun_run(sh, lo, pos)
    if not found:
        return None, pos
    start, run = found
    if start > floor and _CJK_FIRST.match(sh, start - 1):
        # the window or the run's length cut a word (前海合作区… → 海合作区…, 全国居民人均可支配收入 →
        # 国居民…): start at the first whole word
        back = max(floor, start - 6)
        at = back
        for w, _ in tokens(sh[back:pos]):
            if at >= start:
                break
            at += len(w)
        run, start = run[at - start:], at
        if not run:
            return None, pos
    tail = _RATE_TAIL.search(run)
    if tail and W.PREFIX_QUALIFIER.get(tail.group(0)) and ends_a_word(sh, start + len(run) - 1):
        tail = None  # 现场签约: 约 ends the verb, no qualifier to strip
    core = run[:len(run) - (len(tail.group(0)) if tail else 0)]
    n0 = len(core)
    core = _ETC_TAIL.sub("", core)
    currency = next((c for c in W.CONVERSION_CURRENCIES if core.endswith(c) and len(core) - len(c) >= 2), None)
    if currency:  # 净利润人民币200.50亿元: the currency names the figure's unit, not what it counts
        core = core[:-len(currency)]
        if core.endswith(tuple(W.CONVERSION_QUALIFIER)):
            return None, pos  # 约合人民币65万元: a conversion names no noun (extract.py reads the figure before)
    # 李文芝包保的4户, 占全县规上工业的98.04%: a modifier, not the noun as written
    detached = core.endswith("的") or n0 > len(core) and run[len(core)] == "的"
    # 将日核酸检测能力提升至3万份: the noun is before the verb of change
    changed = _CHANGE_VERB_TAIL.sub("", core)
    core = before_comparison(changed) if changed != core else changed
    toks = tokens(core)
    cut_hard = cut_verb = 0  # char offsets in core after the last hard / verb cut
    prev_cut = 0
    pos_c = 0
    last_verb = VerbCut()
    prev_w = ""
    ending_at: dict[int, Token] = {}  # the word ending at each offset of core
    cut_ends = [0]  # the offsets of every cut, in order
    for j, (w, t) in enumerate(toks):
        pos_c += len(w)
        ending_at[pos_c] = toks[j]
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if w == "、":
            pass
        elif w in "中高低" and nxt is not None and nxt.tag[:1] == "n":
            pass  # 中风险区
        elif ends_phrase(w, t) and w not in W.SUBJECT_JOINERS:
            cut_hard = cut_verb = prev_cut = pos_c
            cut_ends.append(pos_c)
        elif (is_verbal(w, t) or (t == "?" and len(w) == 2 and len(prev_w) == 2 and w[0] == prev_w[0]
                                and prev_w == last_verb.verb)) \
                and (len(w) >= 2 or w in W.ONE_CHAR_VERBS) and prev_w != "、":  # 、防护设备; 复工复产
            prev_cut, cut_verb = cut_verb, pos_c
            last_verb = VerbCut(w, prev_w, pos_c - len(w))
            cut_ends.append(pos_c)
        prev_w = w
    k = cut_verb
    if 0 < len(core) - k < 2:  # a one-character rest is part of a compound (隔离衣)
        k = prev_cut
    if 0 < len(core) - k < 2 and (closing := ending_at.get(k)) is not None and is_verbal(*closing) \
            and len(closing.word) >= 2:
        # 化肥发出量: a verb that ends a phrase (发出) and one character after it are one noun (发出量),
        # with the nouns before the verb
        k = max((c for c in cut_ends if c <= k - len(closing.word)), default=0)
    v, v_prev, v_start = last_verb
    if k == cut_verb and k < len(core) and v and len(v) >= 2 and (
            core[k:] in W.GENERIC_HEADS or (v not in W.VERB_WORDS and v_prev in W.VERB_WORDS)):
        k = v_start  # 劝返人员, 确诊病例; 设置|查控卡点, 招募|注册志愿者
    if k >= len(core):
        k = cut_hard  # only verbs: 治愈出院, 复工复产, 捐款
    subj = core[k:]
    sstart = start + k
    lead = _LEAD_STRIP.match(subj)
    if lead:
        if lead.end() == len(subj) and _WHOLE_SCOPE.fullmatch(subj):
            return subj, pos  # 全村104户: the scope is all there is
        subj = subj[lead.end():]
        sstart += lead.end()
    demonstrative = next((d for d in W.DEMONSTRATIVES if subj.startswith(d) and len(subj) - len(d) >= 2), None)
    if demonstrative:  # 这一比例不会超过15%: a reference, no part of the noun (该屋 stays)
        subj = subj[len(demonstrative):]
        sstart += len(demonstrative)
    prep = _PREPOSITIONS.match(subj)
    if prep and len(subj) - prep.end() >= 2:  # 与集团20余名: the preposition is no part of the noun
        subj = subj[prep.end():]
        sstart += prep.end()
    rate = _RATE_LEAD.match(subj)
    if rate and len(subj) - rate.end() < 2:
        rate = None  # 日产量: the marker is part of the noun (日产 + 量), no rate before one
    if rate:  # 日供防护服、隔离衣2万套: the rate marker stays in the span, not in the subject
        subj = subj[rate.end():]
    else:
        rate = _RATE_END.search(core[:k])
        if rate:
            sstart -= len(rate.group(0))
    while subj.startswith("、"):
        subj = subj[1:]
        sstart += 0 if rate else 1
    subj = subj.strip("、")
    if subj.endswith("们") and len(subj) >= 3:
        subj = subj[:-1]
    subj = without_trailing_adverbs(subj)
    kind = next((w for w in W.COUNT_KINDS if core.endswith(w, 0, k)), None)
    if kind and len(subj) >= 2 and sstart == start + k and not subj.startswith(W.COUNT_KINDS):
        subj, sstart = kind + subj, sstart - len(kind)  # 新增确诊病例: a day's count, not the total
    if len(subj) < 2:
        return None, pos
    if len(subj) > _T.subject_max_chars:
        subj = whole_word_tail(subj, _T.subject_max_chars)
        return subj, pos  # too long to be the whole noun: keep it out of the span
    return subj, (pos if detached else sstart)
