"""The counted noun of a claim: after the unit (20.1万名党员), before the number
(口罩10万只), or for a duration the activity (连续奋战了18个昼夜).

Words and their tags come from ``tokens`` (pipeline/claims/tokens.py: ``jieba.cut`` on the short
window around a claim, never on whole texts); a subject too long for the column is trimmed to
whole words (pipeline/claims/trim.py). The word lists are ``claim_*.tsv`` lexicons
(pipeline/claims/words.py).

``subject_after(sh, pos, ceil)`` returns the noun and the span end it extends the claim to;
``duration_before`` the verb phrase before a duration; ``split_place`` separates a trailing place
name from a noun found before a number. The noun before a number and the topic of its clause are
``before.py``'s.

>>> subject_after("党员既当保管员", 0, 7)
('党员', 2)
>>> split_place("网格员西关社区")
('网格员', '西关社区')
"""
from __future__ import annotations

import re
from typing import Optional

from pipeline.resources import jieba_word_tags
from pipeline.settings import section
from pipeline.text.chars import HAN_EXT

from . import words as W
from .tokens import VERB_TAGS, Token, ends_phrase, is_verbal, tokens
from .trim import whole_word_head


# tags of dictionary nouns, names and place names (a stop character opening one is no stop)
_NOUN_TAGS = ("n", "j")

#: Lengths from ``pipeline/settings.toml`` [claims], bound once per process.
_T = section("claims")

_AFTER_RUN = re.compile(rf"[{HAN_EXT}A-Za-z0-9.“”‘’\"']{{1,{_T.subject_after_max_chars}}}")
_BEFORE_RUN = re.compile(rf"[{HAN_EXT}、]{{1,{_T.subject_before_max_chars}}}$")
#: tags of the common nouns that may follow a quoted name and go with it into the subject
_QUOTED_NAME_NOUN_TAGS = ("n", "nz", "ng")
_QUOTED_AFTER = re.compile(rf"([{HAN_EXT}]{{0,4}})([“‘\"'])([{HAN_EXT}]{{1,8}})([”’\"'])")
_GENERIC_HEAD_ENDS = tuple(sorted(W.GENERIC_HEADS))
_DIGIT = re.compile(r"[0-9]")
_DIGIT_OR_QUOTE = re.compile(r"[0-9.“”‘’\"']")
_ASPECT_TAIL = re.compile(r"[着著了过]+$")

_STOP_RE = re.compile(W.STOP_ALTERNATION)
_TIME_WORD = re.compile("|".join(map(re.escape, W.TIME_WORDS_AFTER)))
#: what joins two nouns counted together (和, 与, 及: claim_connectives.tsv joins_subject; and 、)
_NOUN_JOINERS = W.SUBJECT_JOINERS | {"、"}
_DUR_TAIL = re.compile(rf"(?:{W.DURATION_TAIL_ALTERNATION})+$")


def noun_phrase_after(run: str) -> Optional[str]:
    """Leading noun phrase of ``run`` (the words after the unit): stops at the first
    verb, adverb, particle, pronoun or locative word (党员既当保管员 → 党员,
    核酸检测点位后 → 核酸检测点位, 平面口罩生产线满负荷 → 平面口罩生产线)."""
    if run.startswith(W.TIME_WORDS_AFTER):
        return None  # 350人今天下午返回: when, not what
    when = _TIME_WORD.search(run, 2)
    if when:
        run = run[:when.start()]  # 10万名公务员 + 当地时间1日: the noun ends where the time begins
    toks = tokens(run)
    head: list[str] = []
    stopped_at_verb = False
    joined = False  # two nouns joined by 和/与/及/、 (国家和地区)
    first = toks[0] if toks else None
    if first and first.tag == "?" and len(first.word) == 2 and ends_phrase(*first) \
            and first.word[0] not in W.END_WORDS:
        toks = [Token(first.word[0], "n"), Token(first.word[1], "d")] + toks[1:]  # 人且 → 人|且
    for i, (w, t) in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if i == 0 and t == "t" and len(w) >= 2 and nxt is not None and nxt.tag in ("n", "nz", "vn"):
            head.append(w)  # 35平方公里的现代工业新城: a time word before a noun modifies it
            continue
        if joined and w not in _NOUN_JOINERS and not _plain_noun(toks[i]):
            break  # only nouns go on after a joiner (123个国家和地区 + 累计向…; 党员干部和医务|工作者)
        if w in _NOUN_JOINERS and head and nxt is not None and _plain_noun(nxt) \
                and all(_plain_noun(x) for x in toks[:i]):
            head.append(w)  # 147个国家和地区, 5000名医护人员和患者: nouns joined are counted together
            joined = True
            continue
        if ends_phrase(w, t) or (w == "、") or (i == 0 and t == "q"):
            break  # a measure word goes on a noun (互通口), it does not start one
        if head and t == "?" and w[0] in W.LOCATIVE_OPENERS:
            break  # 17个自治区 + 中有: a locative the segmenter glued to the verb after it
        nxt_noun = nxt is not None and not ends_phrase(*nxt) and not is_verbal(*nxt) and nxt.tag != "x"
        if i and w in W.PREDICATE_VERBS and toks[i - 1].tag.startswith(("n", "j")):
            stopped_at_verb = True  # 专家|采取线上线下, 家属|搭乘专用船 (claim_predicate_verbs.tsv)
            break
        if t in VERB_TAGS and len(w) >= 2 and i and toks[i - 1].tag.startswith("n") \
                and (nxt is None or len(nxt.word) >= 2 and (nxt.tag[:1] in ("a", "v", "d", "p") or nxt.tag in ("ns", "nt", "?", "f"))
                     or toks[i - 1].word.endswith(_GENERIC_HEAD_ENDS) and (nxt is None or len(nxt.word) >= 2)):
            # a verb after the counted noun is its predicate when a place, a body, a state, an action,
            # an unknown word or a locative follows it (医务人员|驰援湖北, 人口|摆脱贫困, 企业|获得投资,
            # 学生|进入普通高校, 措施|推动西部大开发);
            # before a common noun or a word the dictionary calls a name it is more often a compound
            # (核酸|扩增|检测仪, 北斗|导航|卫星) and stays; after a generic head it is the predicate
            # (务工人员|乘坐包机), unless one character ends the compound (重症患者|救治|队)
            stopped_at_verb = True
            break
        if i and (t in VERB_TAGS or t == "vn") and len(w) >= 2 and _acts(toks[i - 1]) and (
                all(x.tag in _PREDICATE_TAGS and not (x.tag == "vn" and len(x.word) > 2)  # 党员示范岗: a noun
                    for x in toks[i:next((k for k in range(i, len(toks)) if toks[k].tag == "p"), None)])
                or t in VERB_TAGS and nxt is not None and nxt.tag[:1] == "n" and len(nxt.word) >= 2):
            # 100多家企业|生产, 4台机组|投产发电: the counted noun acts, the verbs after it are its
            # predicate; 2亿多困难群众|改善住房条件: a verb and its object (claim_agent_heads.tsv)
            stopped_at_verb = True
            break
        if is_verbal(w, t) and t != "vn" or t.startswith("a"):
            # a verb or adjective inside the phrase only as a modifier of a following noun
            # (无职党员, 居家在职党员); as the first word it may stand alone (在岗, 务工)
            if nxt_noun or (i == 0 and t.startswith("v") and not (nxt and is_verbal(*nxt))):
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
            and toks[len(head) - 1].tag == "?" and ends_phrase(*after):
        head.pop()  # 闻令|而动: an unknown verb phrase split in two
    if stopped_at_verb:
        while head and head[-1] in W.ADVERBIALS:
            head.pop()
    subj = "".join(head)
    if len(subj) >= 2 and subj.endswith("里"):  # 几十个群里
        subj = subj[:-1]
    return subj or None


#: tags of the words of a predicate with no object: verbs, verbal nouns, adverbs
_PREDICATE_TAGS = frozenset({"v", "vg", "vi", "vq", "vn", "d", "ad"})


def _acts(tok: Token) -> bool:
    """A noun (or a set phrase) that acts in a clause: a person, a firm, a body (claim_agent_heads.tsv)."""
    return tok.tag[:1] in ("n", "l") and tok.word.endswith(W.AGENT_HEADS)


def _plain_noun(tok: Token) -> bool:
    """A common noun of two characters or more (国家, 患者), not a name (nr, ns, nt)."""
    return len(tok.word) >= 2 and tok.tag in ("n", "nz", "vn")


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
        verb = is_verbal(w, t) or t == "vn" and i > 0
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
    elif (demonstrative := next((d for d in W.DEMONSTRATIVES if run.startswith(d) and len(run) - len(d) >= 2
                                 and run[:len(d) + 1] not in jieba_word_tags()), None)):
        # 431名 + 该 + 网络成员: a reference, no part of the noun (not 该校, a word: 3名该校学生)
        run, offset = run[len(demonstrative):], offset + len(demonstrative)
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
                    or (not duration and di <= _T.modifier_clause_max_chars and _modifier_clause(run[:di])
                        and not run.startswith("是", di + 1))):  # (96%感染的是…: 的是 opens what they are)
        run = run[di + 1:]
        offset += di + 1
        stop = _first_stop(run, duration)
    qm = _QUOTED_AFTER.match(run)
    if qm and not duration and (not qm.group(1) or noun_phrase_after(qm.group(1)) == qm.group(1)):
        subj = qm.group(0)  # 298个党建“小网格”: a quoted noun stays whole
        # 5枚“伊斯坎德尔”导弹, 1454次“雷锋号”列车: the quote names the common noun right after it,
        # one word (not a verb, nor what the dictionary calls a noun after it: 10名“最美警察”代表 +
        # 荣获, 3000多件“高精尖”展品 + 亮相)
        noun = next(iter(tokens(run[qm.end():qm.end() + 8])), None)
        if noun is not None and noun.tag in _QUOTED_NAME_NOUN_TAGS and len(noun.word) >= 2:
            subj += noun.word
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


def _modifier_clause(words: str) -> bool:
    """The words between a unit and 的 are a clause that modifies the noun after 的: an origin verb, an
    adverb or a preposition in them (武汉回来的人员), a verb alone (4个起火的储油罐), or a verb and its
    object after a locative of the body or a thing (约3000名胸前佩戴白花的各界代表); not a noun and its
    verb (3名医护人员救治的患者: the 3 count 医护人员), nor a verb and its object after the unit, which
    as often make the counted noun's own phrase (4名涉事警察的听证会, 60万户面临类似的问题).

    >>> _modifier_clause("起火"), _modifier_clause("胸前佩戴白花"), _modifier_clause("医护人员救治")
    (True, True, False)
    >>> _modifier_clause("涉事警察"), _modifier_clause("路口设定")
    (False, False)
    """
    toks = tokens(words)
    if any(w in W.ORIGIN_VERBS or t.startswith(("d", "p")) for w, t in toks):
        return True
    if len(toks) == 1:
        return toks[0].tag in VERB_TAGS and len(toks[0].word) >= 2
    return len(toks) >= 2 and toks[0].tag in ("s", "f") and toks[0].word.endswith(_LOCATIVE_ENDS) \
        and toks[1].tag in VERB_TAGS and len(toks[1].word) >= 2


# the last character of a locative word before a verb (胸前, 身上, 手中)
_LOCATIVE_ENDS = tuple("前后上下中里内外旁边")


def noun_after_clause(run: str) -> Optional[str]:
    """The words of ``run`` after its last verb, adverb, preposition or time word, when two words or
    more are left (带动机器人减速器 → 机器人减速器, 完成运输总周转量 → 运输总周转量; 应用研究 stays:
    one word after 应用 is a compound); None when nothing is cut.

    >>> noun_after_clause("带动机器人减速器"), noun_after_clause("应用研究"), noun_after_clause("锂电池")
    ('机器人减速器', None, None)
    """
    toks = tokens(run)
    last = max((i for i, (w, t) in enumerate(toks) if is_verbal(w, t) or t.startswith(("d", "p", "t"))), default=-1)
    rest = toks[last + 1:]
    return "".join(w for w, _ in rest) if last >= 0 and len(rest) >= 2 else None


_CLAUSE_BREAK = re.compile("[，,；;：:。！？!?\n]")


def subject_without_predicate(subj: str, clause_before: str) -> str:
    """A counted noun that runs on into the clause's predicate, cut before it: when nothing before
    the number in its clause can be the predicate (no verb there outside a modifier ending in 的),
    the first verb after a noun inside the phrase is it (353名研究生|入驻科技小院, 上海等20个城市|试点
    实行换发; not 设立24个临时集中安置点, where 设立 is the predicate).

    >>> subject_without_predicate("研究生入驻科技小院", "")
    '研究生'
    >>> subject_without_predicate("研究生入驻科技小院", "组织")
    '研究生入驻科技小院'
    """
    if len(subj) < 4:
        return subj  # a noun and a verb of two characters at least: nothing to cut
    if (quoted := _QUOTED_AFTER.match(subj)) is not None:
        # “中国加油”红色T恤衫: the words in quotes are a name, no predicate; only after them
        return quoted.group(0) + subject_without_predicate(subj[quoted.end():], clause_before) \
            if quoted.end() < len(subj) else subj
    tags = jieba_word_tags()
    if not any(tags.get(subj[i:i + n], "")[:1] == "v" for i in range(1, len(subj) - 1) for n in (2, 3, 4)):
        return subj  # no verb of the dictionary inside: no need to segment
    toks = tokens(subj)
    at = 0
    for i, (w, t) in enumerate(toks):
        rest = toks[i + 1:]
        if i and t in VERB_TAGS and len(w) >= 2 and toks[i - 1].tag.startswith(_NOUN_TAGS):
            if len(rest) == 1 and rest[0].tag.startswith(_NOUN_TAGS):
                return subj  # one noun after the verb closes a compound (北斗|导航|卫星, 核酸|扩增|检测仪)
            cut = subj[:at]
            if len(cut) < 2:
                return subj
            # the clause before the number is read only now that there is something to cut
            clause = _CLAUSE_BREAK.split(clause_before)[-1]
            clause = clause[clause.rfind("的") + 1:]  # 最新出台的178条: a modifier clause, no predicate
            return subj if clause and any(is_verbal(w, t) for w, t in tokens(clause)) else cut
        at += len(w)
    return subj


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
            toks = tokens(run[:_T.subject_after_max_chars])
            first = toks[0]
            if len(first.word) >= 2 and (first.tag.startswith(_NOUN_TAGS)
                                         or len(toks) > 1 and toks[1].tag.startswith("n") and not toks[1].tag.startswith("nr")):
                # the character opens a noun (5名中国公民, 100家中小企业, 15个上海市民) or a word
                # that modifies the noun after it (千万个就业|岗位: 就 is no adverb there)
                continue
        return sm.start()
    return None


def duration_before(sh: str, pos: int, floor: int, frame: bool = False) -> Optional[str]:
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
        elif t.startswith("v") and (w not in W.END_WORDS or frame and len(w) >= 2 and w not in W.SPEECH_VERBS) \
                and w not in ("有", "是", "为", "用"):
            # (before a time frame, a verb that ends a counted noun's phrase may still be the activity
            # the length of time follows: 兵团成立60年来; not 只需要一个半小时)
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


