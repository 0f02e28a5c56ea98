"""The counted noun of a claim: after the unit (20.1万名党员), before the number
(口罩10万只), or for a duration the activity (连续奋战了18个昼夜).

Words and their tags come from ``tokens`` (pipeline/claims/tokens.py: ``jieba.cut`` on the short
window around a claim, never on whole texts); a subject too long for the column is trimmed to
whole words (pipeline/claims/trim.py). The word lists are ``claim_*.tsv`` lexicons
(pipeline/claims/words.py).

``subject_after(sh, pos, ceil)`` / ``subject_before(sh, pos, floor)`` return the noun and
the span end / start it extends the claim to; ``duration_before`` the verb phrase before a
duration; ``split_place`` separates a trailing place name from a noun found before a number.

>>> subject_after("党员既当保管员", 0, 7)
('党员', 2)
>>> subject_before("累计为困难群众发放物资", 11, 0)
('物资', 9)
>>> split_place("网格员西关社区")
('网格员', '西关社区')
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from pipeline.settings import section
from pipeline.text.chars import HAN_EXT

from . import words as W
from .tokens import Token, ends_a_word, tokens
from .trim import before_comparison, whole_word_head, whole_word_tail, without_trailing_adverbs


class VerbCut(NamedTuple):
    """The verb after which a subject before a number was last cut (劝返|人员)."""

    verb: str = ""
    previous: str = ""  # the word before the verb
    start: int = 0  # offset of the verb in the phrase


# tags of words that end a noun phrase: preposition, conjunction, particle, pronoun, adverb,
# locative, numeral, time, idiom, modal, interjection, onomatopoeia, non-word
_HARD_TAGS = ("p", "c", "u", "r", "d", "f", "m", "t", "i", "y", "e", "o", "x", "vd")
_VERB_TAGS = ("v", "vg", "vi", "vq")
# tags of dictionary nouns, names and place names (a stop character opening one is no stop)
_NOUN_TAGS = ("n", "j")
# characters that make an unknown word a function phrase (闻令|而动, 人且)
_FUNCTION_CHAR = re.compile("[而就都已着了且并也又既当]")
# an adverb the segmenter glued to the noun before it (纸制品|业则)
_ADVERB_END = re.compile("[则就都也又还却]$")

#: Lengths from ``pipeline/settings.toml`` [claims], bound once per process.
_T = section("claims")

_AFTER_RUN = re.compile(rf"[{HAN_EXT}A-Za-z0-9.“”‘’\"']{{1,{_T.subject_after_max_chars}}}")
_BEFORE_RUN = re.compile(rf"[{HAN_EXT}、]{{1,{_T.subject_before_max_chars}}}$")
# a noun before a number may hold Latin letters (GDP同比增长3.9%, 使用GPU需要40块)
_NOUN_RUN = re.compile(rf"[{HAN_EXT}A-Za-z、]{{1,{_T.subject_before_max_chars}}}$")
_LATIN_LEAD = re.compile(r"[A-Za-z]+")
_QUOTED_AFTER = re.compile(rf"([{HAN_EXT}]{{0,4}})([“‘\"'])([{HAN_EXT}]{{1,8}})([”’\"'])")
_CJK_FIRST = re.compile(rf"[{HAN_EXT}]")
_GENERIC_HEAD_ENDS = tuple(sorted(W.GENERIC_HEADS))
_DIGIT = re.compile(r"[0-9]")
_DIGIT_OR_QUOTE = re.compile(r"[0-9.“”‘’\"']")
_ASPECT_TAIL = re.compile(r"[着著了过]+$")
_ETC_TAIL = re.compile(r"(?:等|的)+$")
_WHOLE_SCOPE = re.compile(r"全[市县区乡镇村]")

_STOP_RE = re.compile(W.STOP_ALTERNATION)
_LEAD_STRIP = re.compile(rf"^(?:{W.LEAD_STRIP_ALTERNATION})+")
_RATE_TAIL = re.compile(rf"(?:{W.NUMBER_LEAD_ALTERNATION})+$")
_RATE_LEAD = re.compile(rf"(?:{W.RATE_MARKER_ALTERNATION})+")
_RATE_END = re.compile(rf"(?:{W.RATE_MARKER_ALTERNATION})$")
_DUR_TAIL = re.compile(rf"(?:{W.DURATION_TAIL_ALTERNATION})+$")
_CHANGE_VERB_TAIL = re.compile(rf"{W.CHANGE_PHRASE}$")
_CHANGE_WITH_DIGITS = re.compile(rf"(?:{W.COMPARISON})+(?:{W.CHANGE_ADVERB_ALTERNATION})*(?:{W.CHANGE_VERB_ALTERNATION})了?(?:至|到)?$")
_LABEL_COLON = re.compile(r"[：:]\s*$")
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


def _hard(word: str, tag: str) -> bool:
    if word in W.NOUN_PREFIXES:
        return False
    return word in W.END_WORDS or tag.startswith(_HARD_TAGS) or (
        tag == "?" and _FUNCTION_CHAR.search(word) is not None)


def _verbal(word: str, tag: str) -> bool:
    return tag in _VERB_TAGS or word in W.VERB_WORDS


def noun_phrase_after(run: str) -> Optional[str]:
    """Leading noun phrase of ``run`` (the words after the unit): stops at the first
    verb, adverb, particle, pronoun or locative word (党员既当保管员 → 党员,
    核酸检测点位后 → 核酸检测点位, 平面口罩生产线满负荷 → 平面口罩生产线)."""
    if run.startswith(W.TIME_WORDS_AFTER):
        return None  # 350人今天下午返回: when, not what
    toks = tokens(run)
    head: list[str] = []
    stopped_at_verb = False
    first = toks[0] if toks else None
    if first and first.tag == "?" and len(first.word) == 2 and _hard(*first) \
            and first.word[0] not in W.END_WORDS:
        toks = [Token(first.word[0], "n"), Token(first.word[1], "d")] + toks[1:]  # 人且 → 人|且
    for i, (w, t) in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if i == 0 and t == "t" and len(w) >= 2 and nxt is not None and nxt.tag in ("n", "nz", "vn"):
            head.append(w)  # 35平方公里的现代工业新城: a time word before a noun modifies it
            continue
        if _hard(w, t) or (w == "、") or (i == 0 and t == "q"):
            break  # a measure word goes on a noun (互通口), it does not start one
        nxt_noun = nxt is not None and not _hard(*nxt) and not _verbal(*nxt) and nxt.tag != "x"
        if t in _VERB_TAGS and len(w) >= 2 and i and toks[i - 1].tag.startswith("n") \
                and (nxt is None or len(nxt.word) >= 2 and (nxt.tag[:1] in ("a", "v", "d", "p") or nxt.tag in ("ns", "nt", "?"))
                     or toks[i - 1].word.endswith(_GENERIC_HEAD_ENDS) and (nxt is None or len(nxt.word) >= 2)):
            # a verb after the counted noun is its predicate when a place, a body, a state, an action
            # or an unknown word follows it (医务人员|驰援湖北, 人口|摆脱贫困, 企业|获得投资, 学生|进入普通高校);
            # before a common noun or a word the dictionary calls a name it is more often a compound
            # (核酸|扩增|检测仪, 北斗|导航|卫星) and stays; after a generic head it is the predicate
            # (务工人员|乘坐包机), unless one character ends the compound (重症患者|救治|队)
            stopped_at_verb = True
            break
        if _verbal(w, t) and t != "vn" or t.startswith("a"):
            # a verb or adjective inside the phrase only as a modifier of a following noun
            # (无职党员, 居家在职党员); as the first word it may stand alone (在岗, 务工)
            if nxt_noun or (i == 0 and t.startswith("v") and not (nxt and _verbal(*nxt))):
                head.append(w)
                if not nxt_noun:
                    break
                continue
            stopped_at_verb = True
            break
        if t == "l" and i > 0:
            break
        head.append(w)
    after = toks[len(head)] if head and len(toks) > len(head) else None
    if after and after.tag == "?" and head[-1] == toks[len(head) - 1].word \
            and toks[len(head) - 1].tag == "?" and _hard(*after):
        head.pop()  # 闻令|而动: an unknown verb phrase split in two
    if stopped_at_verb:
        while head and head[-1] in W.ADVERBIALS:
            head.pop()
    subj = "".join(head)
    if len(subj) >= 2 and subj.endswith("里"):  # 几十个群里
        subj = subj[:-1]
    return subj or None


def noun_before_verb(subj: str) -> Optional[str]:
    """The words of ``subj`` before its first verb (人口生活 → 人口, 受访企业表示订单 → 受访企业);
    None when it opens with one (a verbal noun alone, 生活 or 工资, stays: jieba tags both vn).

    >>> noun_before_verb("受访企业表示订单"), noun_before_verb("人口生活"), noun_before_verb("表示支持")
    ('受访企业', '人口', None)
    """
    words: list[str] = []
    toks = tokens(subj)
    for i, (w, t) in enumerate(toks):
        # a verb opening the noun modifies it (受访企业) and a verbal noun may open it (工资); a verb
        # anywhere else, or a verbal noun after a word (人口|生活), starts the clause
        verb = _verbal(w, t) or t == "vn" and i > 0
        if verb and not (i == 0 and i + 1 < len(toks) and toks[i + 1].tag.startswith("n")):
            break
        words.append(w)
    return "".join(words) or None


def subject_after(sh: str, pos: int, ceil: int, duration: bool = False,
                  unit: str = "") -> tuple[Optional[str], int]:
    """Counted noun right after the unit; returns (subject, span end).

    The span end covers the subject only when it directly follows the unit (never
    for durations: 36个小时不眠不休 → subject 不眠不休, span 36个小时). A currency after a
    ``unit`` (100.4万亿元人民币) is the unit's; with none (20亿港币) it is what is counted.
    """
    # 25W 快充: a Latin unit may stand a space before its noun (kept out of the span)
    spaced = sh[pos:pos + 1] == " " and sh[pos - 1:pos].isascii() and sh[pos - 1:pos].isalpha()
    start = pos + spaced
    if duration:  # 48小时内完成核酸检测: the activity follows the limit word
        start += W.limit_word_length(sh, start)
    m = _AFTER_RUN.match(sh, start)
    if not m:
        return None, pos
    run = m.group(0)
    if m.end() > ceil:  # the run reaches the next claim: keep it only if a 的 follows it
        di = run.find("的", ceil - start)
        if di < 0:
            run = run[:ceil - start]
            if not run:
                return None, pos
    offset = int(spaced)
    currency = next((c for c in W.CONVERSION_CURRENCIES if run.startswith(c)), None) if unit else None
    if currency:  # 100.4万亿元人民币, 200亿元人民币订单: the currency is the unit's, not the noun
        run, offset = run[len(currency):], offset + len(currency)
        if not run:
            return None, pos
    after_de = run[0] == "的"
    if after_de:
        run, offset = run[1:], offset + 1
    elif run[0] in W.DIMENSION_WORDS and run[1:2] == "的" and len(run) > 2:
        run, offset = run[2:], offset + 2  # 1.2米高的海浪: the size, then what it measures
    stop = _first_stop(run, duration)
    if stop == 0 and run[:2] in W.FUSED_WORDS:  # 近千人在岗
        stop = _first_stop(run[2:], duration)
        stop = None if stop is None else stop + 2
    di = run.find("的")
    if di == 1 and stop is None and tokens(run[:2])[0].tag.startswith("a") and len(run) > 3:
        run, offset = run[2:], offset + 2  # 4个新的战斗集群: an adjective and 的, then the noun
        stop = _first_stop(run, duration)
        di = run.find("的")
    # "300余家符合开门条件的门店", "15人组成的大学生志愿者队伍", "10名曾经的突击队队员",
    # "8个武汉回来的人员": the noun follows a modifier clause ending in 的
    if di >= 2 and (stop == 0 or (stop is None or stop > di) and _DIGIT.search(run[:di])
                    or (not duration and di <= _T.modifier_clause_max_chars and any(
                        w in W.ORIGIN_VERBS or t.startswith(("d", "p")) for w, t in tokens(run[:di])))):
        run = run[di + 1:]
        offset += di + 1
        stop = _first_stop(run, duration)
    qm = _QUOTED_AFTER.match(run)
    if qm and not duration and (not qm.group(1) or noun_phrase_after(qm.group(1)) == qm.group(1)):
        subj = qm.group(0)  # 298个党建“小网格”: a quoted noun stays whole
        return subj, (pos + len(subj)) if offset == 0 else pos
    dm = _DIGIT_OR_QUOTE.search(run)
    if dm:
        run = run[:dm.start()]
        if stop is not None and stop > dm.start():
            stop = None
    if stop == 0:
        return None, pos  # a verb follows the unit (7个小时共采集): noun is before
    if duration:
        if stop is not None:
            run = run[:stop]
        parts = run.split("的")
        lead_toks = tokens(parts[0])
        if len(parts) > 1 and len(parts[1]) >= 2 and len(lead_toks) == 1 and \
                (lead_toks[0].tag in ("l", "d", "ad") or lead_toks[0].word in W.DURATION_ACTIVITY_MODIFIERS):
            parts = parts[1:]  # 24小时不间断的巡堤查险: the activity is the noun after 的
        run = _ASPECT_TAIL.sub("", parts[0][:_T.duration_activity_max_chars])
        if len(run) < 2:
            return None, pos
        return run, pos
    subj = noun_phrase_after(run)
    if subj is None:
        return None, pos
    if len(subj) > _T.subject_max_chars:
        subj = whole_word_head(subj, _T.subject_max_chars)
    if subj.endswith("们") and len(subj) >= 3:
        subj = subj[:-1]
    if len(subj) < 2 and (subj not in W.ONE_CHAR_SUBJECTS or after_de and unit != "%" and unit not in W.SHARE_UNITS):
        # (超过40万的州: the state is what the count describes, not what it counts; 百分之三十的人
        # is a share of people)
        return None, pos
    return subj, (pos + len(subj)) if offset == 0 and run.startswith(subj) else pos


def _first_stop(run: str, duration: bool = False) -> Optional[int]:
    """Index of the first verb/particle that ends a noun phrase (single characters
    only count from index 2 on, so that 2-character nouns survive)."""
    for sm in _STOP_RE.finditer(run):
        if sm.group(0) == "的":
            continue
        if len(sm.group(0)) == 1 and sm.start() < 2 and sm.start() != 0:
            continue
        if sm.start() == 0 and len(sm.group(0)) == 1 and not duration:
            # (after a length of time the clause goes on: 这3天中国队共获得, no activity 中国队)
            first = tokens(run[:_T.subject_after_max_chars])[0]
            if len(first.word) >= 2 and first.tag.startswith(_NOUN_TAGS):
                continue  # the character opens a noun (5名中国公民, 100家中小企业, 15个上海市民)
        return sm.start()
    return None


def duration_before(sh: str, pos: int, floor: int) -> Optional[str]:
    """Short verb phrase right before a duration (她的团队已连续奋战了 → 连续奋战,
    扎营实验室 → 扎营实验室); None when there is none (一忙就是, 用了, 医护人员)."""
    m = _BEFORE_RUN.search(sh, max(floor, pos - _T.duration_before_window), pos)
    if not m:
        return None
    run = m.group(0).replace("、", "")
    run = _DUR_TAIL.sub("", run)
    toks = tokens(run)
    obj: list[str] = []
    words: list[str] = []
    i = len(toks) - 1
    while i >= 0 and not words and toks[i].tag.startswith("n") and toks[i].word not in W.END_WORDS:
        obj.insert(0, toks[i].word)  # object of the verb (扎营实验室)
        i -= 1
    while i >= 0:
        w, t = toks[i]
        if w in W.DURATION_VERB_ADVERBS and words:
            words.insert(0, w)
        elif t.startswith("v") and w not in W.END_WORDS and w not in ("有", "是", "为", "用"):
            words.insert(0, w)
        else:
            break
        i -= 1
    if not any(toks[j].tag.startswith("v") for j in range(i + 1, len(toks)) if toks[j].word in words):
        return None
    phrase = "".join(words + obj)
    return phrase[-_T.duration_phrase_max_chars:] if len(phrase) >= 2 else None



def split_place(subj: str) -> tuple[str, Optional[str]]:
    """(noun, trailing place name) of a subject found before a number: 网格员西关社区 →
    (网格员, 西关社区), 拉萨市 → ("", 拉萨市), 湖北 → ("", 湖北); no place → (subj, None).
    A place is a dictionary place name (jieba tag ns) or a name followed by a bare
    administrative suffix (那曲|市, 棘洪滩|街道); common nouns (城市, 高风险区) are not places."""
    if not subj or subj.startswith(("全", "本", "该", "我")) or "、" in subj:
        return subj, None
    toks = tokens(subj)
    if not toks:
        return subj, None
    w, t = toks[-1]
    if w not in W.COMMON_PLACE_NOUNS and t == "ns" and len(w) >= 2:
        return "".join(x for x, _ in toks[:-1]), w
    return _name_and_suffix(toks) or (subj, None)


def _name_and_suffix(toks: list[Token]) -> Optional[tuple[str, str]]:
    """(noun, place) when the subject ends in a name and a bare administrative suffix (那曲|市)."""
    w = toks[-1].word
    if w in W.PLACE_SUFFIXES_AFTER_NAME and len(toks) >= 2:
        pw, pt = toks[-2]
        if pw not in W.COMMON_PLACE_NOUNS and len(pw) >= 2 and pt in ("ns", "nr", "?"):
            return "".join(x for x, _ in toks[:-2]), pw + w
    return None


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
    change = _CHANGE_WITH_DIGITS.search(sh, max(floor, at - 16), at)
    if change is not None and _DIGIT.search(change.group(0)):
        # 增速比1—8月份加快0.5个百分点: the digits of the comparison end the run of the noun
        subj, _ = _noun_before(sh, change.start(), floor)
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
    base = next((m for k in sorted(bounds, reverse=True) if (m := _BASE_OF_SHARE.match(run, k))), None)
    if base:  # 产能已恢复至|去年同期的|三分之一: the base of the share is no topic
        end = base.start("base")
    before: list[Token] = []  # the words of run[:end] once the chain is cut off
    linked_any = False  # the chain holds a verb, not only adverbs, modals or time words
    while end:
        linked = _CHAIN_LINK_END.search(run, 0, end)
        if linked:
            end = linked.start()
            linked_any = linked_any or _LINKING_VERB.fullmatch(linked.group(0)) is not None
            continue
        before = tokens(run[:end])
        if before and before[-1].tag.startswith(_CHAIN_TAGS):
            end -= len(before[-1].word)
            continue
        break
    if end == 0 and linked_any and run_start - 1 > floor and sh[run_start - 1] in "，,":
        # the chain opens the clause (贸易逆差创下历史新高，达到2275亿美元): the topic is the
        # previous clause's (过去十年 is a time, no chain: 翟青介绍，过去十年 has no topic)
        return _previous_clause_topic(sh, run_start - 1, floor)
    if end == len(run) or end < 2 or end not in bounds:
        return None  # no chain, nothing before it, or the chain cut a word (拥有 → 拥)
    w, t = before[-1]
    if _hard(w, t) or t == "v" and (len(w) == 1 or len(before) < 2 or not before[-2].tag.startswith("n")):
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
        if previous is not None and previous.tag.startswith(("n", "j", "?")) \
                and (t.startswith("d") or _verbal(w, t) or w in W.ONE_CHAR_VERBS):
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
    for j, (w, t) in enumerate(toks):
        pos_c += len(w)
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if w == "、":
            pass
        elif w in "中高低" and nxt is not None and nxt.tag[:1] == "n":
            pass  # 中风险区
        elif _hard(w, t) and w not in W.SUBJECT_JOINERS:
            cut_hard = cut_verb = prev_cut = pos_c
        elif (_verbal(w, t) or (t == "?" and len(w) == 2 and len(prev_w) == 2 and w[0] == prev_w[0]
                                and prev_w == last_verb.verb)) \
                and (len(w) >= 2 or w in W.ONE_CHAR_VERBS) and prev_w != "、":  # 、防护设备; 复工复产
            prev_cut, cut_verb = cut_verb, pos_c
            last_verb = VerbCut(w, prev_w, pos_c - len(w))
        prev_w = w
    k = cut_verb
    if 0 < len(core) - k < 2:  # a one-character rest is part of a compound (隔离衣)
        k = prev_cut
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
