"""``extract_statistics``: grammar matches → claims with their counted noun and span.

The contract and examples are in pipeline/claims/__init__.py. Steps: match the grammar on
the shadow text (``figures.figures``: ``grammar.CLAIM_RE`` read by ``grammar.interpret``), then for each
quantity find its subject within its sentence and between its neighbours, and report each
quantity of the same thing once.

>>> [(c.text, c.subject) for c in extract_statistics("口罩日供2万套,89户351人。", [])]
[('口罩日供2万套', '口罩'), ('89户', None), ('351人', None)]
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple, Optional, Sequence

from pipeline.gazetteer import place_level
from pipeline.lexicons import alternation
from pipeline.records import NumericClaim
from pipeline.segment import SentenceIndex
from pipeline.settings import section

from . import words as W
from .grammar import ClaimMatch
from .figures import figures, medal_tally_at
from .shadow import shadow
from .before import quoted_before, subject_before
from .events import lasting_verb_before, what_lasts
from .subject import duration_before, noun_before_verb, noun_phrase_after, split_place, subject_after, subject_without_predicate
from .tokens import tokens
from .distribute import distributed

#: the measure words of claim_units.tsv: of two characters or more, never what a number counts (人 is)
_UNIT_WORDS = frozenset(W.UNITS)
#: ... and the units a rate is per (claim_rate_denominators.tsv: 盎司), after 每 in 每盎司4100美元
_RATE_UNITS = _UNIT_WORDS | frozenset(W.RATE_DENOMINATORS)
_PER_UNIT_TAIL = re.compile(rf"每(?:{alternation(_RATE_UNITS)})$")

#: Lengths from ``pipeline/settings.toml`` [claims], bound once per process.
_T = section("claims")
CLAUSE_BREAK = re.compile(r"[；;。！？!?\n]")
#: A line opening an item of a numbered list (1、 / 二、 / （3） / 4. ).
LIST_ITEM = re.compile(r"(?m)^[ \t]*(?:[0-9]{1,3}[、.．]|[一二三四五六七八九十]{1,3}、|[(（][0-9一二三四五六七八九十]{1,3}[)）])")
_CLOSING_QUOTES = re.compile(r"[”’\"'」』]*$")
# between two claims: a comma and a verb of change (1187宗，同比下降25%): the second is the first's change
#: a year written before a figure (从2012年的219亿元, 增长到2021年的12.4万亿元)
_YEAR_BEFORE_FIGURE = r"[0-9]{4}年(?:底|末)?的?"
_CHANGE_OF_PREVIOUS = re.compile(
    rf"(?:{alternation(W.CONVERSION_CURRENCIES)})?"  # 1082.5亿元人民币，同比增长74.2%: the unit's currency
    rf"(?:[（(][^（）()]{{1,12}}[）)])?"  # 34826亿元（已扣出口退税），同比下降16.4%: a note between
    rf"[，,]?{W.CHANGE_PHRASE}(?:(?<=[到至])(?:{_YEAR_BEFORE_FIGURE}|[^0-9，,。；;、的]{{1,4}}的))?")  # 提高到现在的35%
_CHANGE_BEFORE = re.compile(rf"(?:{W.CHANGE_PHRASE})$")
#: between a figure and a multiple: 是/为/相当于 and the base it is compared with, ending in 的
#: (4757.75亿元，是2012年的5.1倍; 1.16亿只，是2月1日的12倍): the multiple is of the figure's noun
_MULTIPLE_OF_PREVIOUS = re.compile(r"[，,]\s*(?:也|均|已|约)?(?:是|为|相当于)[^，,。；;！？!?\n“”]{1,16}?的")


def _written_as_a_change(sh: str, claim_text: str, start: int, floor: int) -> bool:
    """A claim starting at ``start`` is a change: its text holds a verb of change (增长12%), or a
    change phrase stands right before it (同比增长13.2%); a change after it is of the same noun."""
    return bool(W.CHANGE_VERB_RE.search(claim_text) or _CHANGE_BEFORE.search(sh, max(floor, start - 12), start))
# between two figures of one unit: a range written with the unit twice (2元—10元, 1.125%至1.625%)
_RANGE_SEPARATORS = frozenset({"、", "—", "－", "-", "~", "～", "至", "到"})
# before a number: the start of a change "from" it (总值从2.2万亿增加到, 税负由10%降至, 从2012年的219亿元,
# 从疫情暴发前的14万户飙升至)
_FROM_POINT = re.compile(rf"[从由](?:{_YEAR_BEFORE_FIGURE}|[^，,。；;、的从由]{{1,6}}的)?$")
# before a number: the base of a comparison (比2017年的2073.5亿元增长21.5%, 较上年的80%提高), when a
# verb of change follows the number: the base is a figure of the noun compared
_COMPARISON_BASE = re.compile(rf"(?<![对相])[比较](?:{_YEAR_BEFORE_FIGURE}|[^，,。；;、的比较]{{1,6}}的)$")
# ... when a verb of change follows the number (a range that varies, 从100元到150元不等, is no change)
_CHANGE_AFTER = re.compile(W.CHANGE_PHRASE)
#: after a verb of change: the figure it changes to (缩短至2小时)
_CHANGED_TO = re.compile(r"了?[至到为]")
# between two claims: a conversion (899美元，约合人民币6300元; 999美元起，约合人民币 7000 元): the
# second is the first's, converted
_CONVERSION_OF_PREVIOUS = re.compile(
    rf"起?\s*[，,(（]?\s*(?P<word>{alternation(W.CONVERSION_QUALIFIER)})(?:{alternation(W.CONVERSION_CURRENCIES)})?\s*")


class _Enclosing(NamedTuple):
    """The last claim that may head a 其中… list: where it ends and what it counts."""

    end: int
    subject: str


class ClaimMention(NamedTuple):
    """A claim as written, and for a repeat (the same value, unit and subject again) the index
    of its first mention among the mentions."""

    claim: NumericClaim
    repeat_of: Optional[int]


def extract_statistics(text: str, sentence_spans: Sequence[tuple[int, int]],
                       article_id: str = "") -> list[NumericClaim]:
    """Numeric claims of ``text`` in text order, each quantity of the same thing once (see
    pipeline/claims/__init__.py)."""
    return [m.claim for m in claim_mentions(text, sentence_spans, article_id) if m.repeat_of is None]


def claim_mentions(text: str, sentence_spans: Sequence[tuple[int, int]],
                   article_id: str = "") -> list[ClaimMention]:
    """Every claim mention of ``text`` in text order, a repeat marked with its first mention:
    the statistics stage keeps a repeat that another place owns (石家庄市组织100名党员 …
    株洲市组织100名党员), which only the places attached later tell."""
    if not text:
        return []
    sh = shadow(text)
    sentences = SentenceIndex(text, sentence_spans)
    found = figures(sh)
    out: list[NumericClaim] = []  # the first mentions: what later claims read (subjects, lists)
    mentions: list[ClaimMention] = []
    items = [m.start() for m in LIST_ITEM.finditer(sh)]  # 1、上海野生动物园 …: one list item each
    # value, unit key, qualifier, subject, list item, index of the mention in ``mentions``
    seen: list[tuple[float, str, Optional[str], Optional[str], int, int]] = []
    enclosing: Optional[_Enclosing] = None
    for idx, q in enumerate(found):
        # the claim written right before this one, a repeat of an earlier figure included (经理指数为
        # 50.3%，比上月小幅回升0.2个百分点: the change is of that figure, however often it was written);
        # a length of time lends no noun (家庭经营净收入5年增加1573元: 5年 is when, not what)
        previous = mentions[-1].claim if mentions else None
        if previous is not None and (W.unit_key(previous.unit) in W.DURATION_UNITS or previous.unit in W.DURATION_UNITS):
            previous = None
        # that claim is the figure written right before this one (no other figure between them)
        right_after_previous = previous is not None and idx > 0 and previous.end == found[idx - 1].end
        s, e = q.start, q.end
        ss, se = sentences.containing(s)
        # the subject never reaches into a neighbouring claim
        floor = max(ss, found[idx - 1].end) if idx else ss
        ceil = min(se, found[idx + 1].start) if idx + 1 < len(found) else se
        s2 = s
        if W.unit_key(q.unit) in W.DURATION_UNITS or q.unit in W.DURATION_UNITS:
            # durations: the span is the quantity as written; the subject is the
            # activity (36个小时不眠不休, 连续奋战了18个昼夜) or None
            settled = False  # the rules below that name the noun or find none: no other reading
            if q.frame:  # 3天后 / 5年来: a claim only as the length of the activity before it
                before_quotes = s - len(_CLOSING_QUOTES.search(sh, floor, s).group(0))
                subj = duration_before(sh, before_quotes, floor, frame=True) \
                    or quoted_before(sh, s, floor)  # “封城”27天后: a quoted event
                if subj is None:
                    continue
            elif _CHANGE_AFTER.match(sh, e) and (point := _FROM_POINT.search(sh, max(floor, s - 8), s)):
                # 物流运输时间由6小时缩短至2小时: a length that changes is the noun's before 由/从 (not
                # the verb after it, read as an activity)
                subj, settled = subject_before(sh, point.start(), floor)[0], True
                if subj is not None and not split_place(subj)[0]:
                    subj = None  # 从昆明到南宁|由原来的12小时: where, not what
            elif idx and mentions and (changed := mentions[-1].claim).end == found[idx - 1].end and changed.subject \
                    and _is_duration(changed.unit) and _CHANGE_OF_PREVIOUS.fullmatch(sh, found[idx - 1].end, s):
                subj, settled = changed.subject, True  # …由6小时缩短至2小时: the length it changed to
            elif (lasting := lasting_verb_before(sh, floor, s, e)) is not None:
                # 本届电影节为期6天, 为期40天的2021年春运, 苏丹武装冲突持续近4个月，
                subj, settled = what_lasts(sh, s - len(lasting), e, floor, ceil), True
            else:
                subj, e2 = subject_after(sh, e, ceil, duration=True)
            e2 = e
            if subj is None and not settled:
                subj = duration_before(sh, s, floor)
            if subj is None and not settled:  # 海况窗口仅有3天, 设计寿命30年: the noun the length is of
                subj, _ = subject_before(sh, s, floor)
            if subj is not None and (verb := subj.rstrip("至到了")) in W.CHANGE_VERBS and sh.startswith(verb, e) \
                    and _CHANGED_TO.match(sh, e + len(verb)):
                # 由目前5小时缩短至2小时: a verb of change towards another length is no activity (nor lends
                # one); 家庭经营净收入5年增加1573元 keeps 增加
                subj = None
        elif q.unit in W.MEDAL_UNITS:  # 共获3金2银3铜: a tally counts medals
            subj, e2 = W.MEDAL_UNITS[q.unit], e
        elif W.unit_key(q.unit) == "岁":  # an age is its bearer's (平均年龄67岁, 法定婚龄降低到18岁)
            subj, s2 = subject_before(sh, s, floor)
            e2 = e
        else:
            # 拿出1000个亿用于…: spoken 个亿 is money; the words after it are the clause, not the noun
            if _CHANGE_AFTER.match(sh, e) and (point := _FROM_POINT.search(sh, max(floor, s - 8), s)
                                                or _COMPARISON_BASE.search(sh, max(floor, s - 8), s)):
                # 比例从75%提高到100%, 利率由4.35%下调至3.85%: what changes is the noun before 从/由
                # (the verb after the figure is no subject); 收入为2519.3亿元，比2017年的2073.5亿元增长:
                # the base compared with is a figure of the noun of the figure right before 比
                subj, e2 = subject_before(sh, point.start(), floor)[0], e
                if subj is None and right_after_previous \
                        and sh[found[idx - 1].end:point.start()] in ("", "，", ",") \
                        and W.unit_key(previous.unit) == W.unit_key(q.unit):
                    subj = previous.subject
            elif sh.endswith("个亿", s, e):
                subj, e2 = None, e  # 拿出1000个亿用于…: spoken 个亿 is money; the words after it are the clause
            else:
                subj, e2 = subject_after(sh, e, ceil, unit=q.unit)
                if subj in W.CHANGE_VERBS:
                    subj, e2 = None, e  # 出现了同比6.0%的下降: the change is the topic's, read below
                if subj is not None:
                    whole, subj = subj, subject_without_predicate(subj, sh[ss:s])
                    e2 = e + len(subj) if e2 == e + len(whole) else e2
            if subj is None:
                if idx and found[idx - 1].end == s and previous is not None and previous.end >= s:
                    subj = previous.subject  # 89户351人: the people of those households
                elif right_after_previous and previous.unit == q.unit \
                        and sh[found[idx - 1].end:s] in W.SUBJECT_JOINERS | _RANGE_SEPARATORS:
                    # 进出口分别增长8%和4.4%: the next item of one list; 2元—10元: the top of a range
                    subj = previous.subject
                elif right_after_previous \
                        and not (previous.unit == q.unit == "%" and sh[found[idx - 1].end:found[idx - 1].end + 1] in "，,"
                                 and not _written_as_a_change(sh, previous.text, found[idx - 1].start, ss)) \
                        and not (_is_share(previous.unit) and not _is_share(q.unit) and not _ELIDED_POINTS.match(sh, e)
                                 and not _written_as_a_change(sh, previous.text, found[idx - 1].start, ss)) \
                        and _CHANGE_OF_PREVIOUS.fullmatch(sh, found[idx - 1].end, s):
                    # 刑拘314人，同比下降12.3%: the change of that count (not of a share before it:
                    # 为预算的100.2%，比2013年增长7.1% is the revenue's growth; but a change after a
                    # change is of the same noun: 价格比前一周下降1.3%，同比下降19.9%)
                    subj = previous.subject
                elif right_after_previous and previous.subject \
                        and W.unit_key(q.unit) == "倍" and W.unit_key(previous.unit) != "倍" \
                        and _MULTIPLE_OF_PREVIOUS.fullmatch(sh, found[idx - 1].end, s):
                    subj = previous.subject  # 进出口总值达到4757.75亿元，是2012年的5.1倍
                elif right_after_previous and previous.subject \
                        and (conversion := _CONVERSION_OF_PREVIOUS.fullmatch(sh, found[idx - 1].end, s)):
                    # 售价899美元，约合人民币6300元: the same price in another currency
                    subj = previous.subject
                    q = q._replace(qualifier=q.qualifier or W.CONVERSION_QUALIFIER[conversion.group("word")])
                else:
                    subj, s2 = subject_before(sh, s, floor)
                    noun, place = split_place(subj) if subj else (subj, None)
                    if place is not None:
                        if len(noun) >= 2:
                            subj = noun  # 网格员西关社区共有112名 → 网格员
                        else:
                            # a place is where, not what: inside a 其中…、… list the counted
                            # noun is the enclosing claim's (其中拉萨市8例 → 拉萨市确诊病例)
                            subj = None
                            if _inside_list(sh, enclosing, ss, s):
                                subj = place + enclosing.subject
                            else:
                                s2 = s
                e2 = e
        if subj is None and right_after_previous and previous.subject \
                and previous.sentence == text[ss:se] and q.unit not in W.DURATION_UNITS \
                and _SERIES_CLAUSE.fullmatch(sh, found[idx - 1].end, s):
            subj = previous.subject  # 一季度…同比增长4.5%，二季度增长6.3%: the series' noun
        if (q.unit == "%" or q.unit in W.SHARE_UNITS) and (share := _SHARE_OF.search(sh, floor, s)) is not None \
                and (part := subject_before(sh, share.start(), floor)[0]) is not None:
            subj = part  # 美国人口占世界人口总数的约5%: the share is the part's, not the whole's
        if subj is None and idx and mentions and (lasting := mentions[-1].claim).end == found[idx - 1].end \
                and lasting.subject and _is_duration(lasting.unit) and _PREDICATES_ONLY.fullmatch(sh, found[idx - 1].end, s) \
                and sh.find(lasting.subject, ss, found[idx - 1].start) >= 0:
            # 日新增确诊病例连续一个月超过6万例, 双边贸易连续4年突破千亿美元: the figure after a length
            # of time is of the noun written before that length (not of an activity after it:
            # 粮食产量连续6年稳定在1.3万亿斤以上)
            subj = lasting.subject
        if subj is None and idx and _inside_breakdown(sh, ss, s) and sh[e:e + 1] in W.BREAKDOWN_COPULAS \
                and (named := noun_phrase_after(sh[e + 1:ceil])) is not None and len(named) >= 2:
            subj = named  # 其中2例为境外输入疑似病例, 其中42名是女记者: the part is what the copula names
        if subj is None and idx and previous is not None and previous.subject and previous.sentence == text[ss:se] \
                and W.unit_key(q.unit) == W.unit_key(previous.unit) and _inside_breakdown(sh, ss, s):
            # 当日新增47例（湖北45例，北京1例）; 检测132万多人，其中6例阳性，5例来自隔离人员: a part of the
            # count before it, in its unit and with no noun of its own, counts what that one counted
            subj = previous.subject
        counted = next((c.claim for c in reversed(mentions) if c.claim.sentence == text[ss:se]
                        and not _in_brackets(sh, c.claim.end, s)), None) if subj in W.COUNT_KINDS else None
        if counted is not None and counted.subject and counted.subject not in W.COUNT_KINDS:
            # 累计治愈出院病例24734例，当日新增1846例: a day's count of the noun the sentence counted
            # (not of a figure in brackets: 累计治愈出院病例3996例（浙江核减1例），当日新增716例)
            base = counted.subject
            subj += base[len(next((k for k in W.COUNT_KINDS if base.startswith(k)), "")):]
        if subj is None and not _is_duration(q.unit) and (topic := next(
                (c.claim for c in reversed(mentions) if not _is_duration(c.claim.unit)), None)) is not None \
                and topic.subject and topic.sentence == text[ss:se] and _continues_the_topic(sh, topic.end, s) \
                and _names_a_thing(topic.subject) \
                and _NEW_SET.search(sh[topic.end:s]) is None \
                and (_COMPARES_OR_CHANGES.search(sh, topic.end, s) is not None
                     or W.unit_key(topic.unit) == W.unit_key(q.unit)) \
                and not (_is_share(topic.unit) and not _written_as_a_change(sh, topic.text, topic.start, ss)):
            # 新增病例4566例，连续四天超过4000例; 期货价格下跌55.90美元，收于每桶-37.63美元: a clause with no
            # noun of its own goes on about the last figure's (a length of time between lends none; a
            # share lends none to a change after it: 为预算的100.2%，比2013年增长7.1% is the revenue's)
            subj = topic.subject
        if subj is not None and s2 >= ss and not (_after_list_opener(sh, enclosing, ss, s)
                                                   and subj.endswith(enclosing.subject)):
            enclosing = _Enclosing(e2, subj)
        if q.ratio and subj:  # 一半以上人口生活在城市: a share's noun ends before any verb
            short = noun_before_verb(subj)
            if e2 > e:
                e2 -= len(subj) - len(short or "")
            subj = short
        if subj is not None and (_PER_UNIT_TAIL.search(subj) or subj in _RATE_UNITS) \
                and (per := sh.rfind("每", floor, s)) >= 0 and sh.startswith(subj[subj.rfind("每") + 1:], per + 1):
            # 每立方米30微克, 每克267.95元: the rate's unit, no counted noun; what the rate measures stands
            # before 每 (PM2.5平均浓度为每立方米37微克, 国际金价当天跌破每盎司4100美元, 黄金价格盘中一度突破
            # 每盎司5500美元: the topic before the verb); the span is the figure's
            subj, s2 = (subject_before(sh, per, floor)[0] if per > floor else None), s
            if subj is not None and tokens(subj)[-1].tag.startswith("v"):
                subj = noun_before_verb(subj)  # 黄金价格涨破: the noun, not the verb (涨破 alone: none)
        elif subj in _UNIT_WORDS and len(subj) >= 2:
            subj = None  # 人次达400多万: a unit written before its figure counts nothing
        if q.unit == "" and subj is not None and e2 > e and not q.ratio:
            words = tokens(subj)
            if words[-1].tag.startswith("v") or len(words) == 2 and words[0].tag.startswith("v") and words[1].tag == "ns" \
                    and place_level(words[1].word) == "country":
                # 从430万变成127万: a verb after the number, no counted noun; 近2万滞留利比亚: a verb and
                # the place it goes to, none either
                subj, e2 = None, e
            else:
                q = q._replace(unit=words[-1].word)  # 900多万人口: the counted noun is the unit
        if q.listed:  # 3.6 of 3.6、23.6和27.8个百分点: the list's topic gives its noun out (_distributed)
            subj, s2, e2 = None, s, e
        key_unit = W.unit_key(q.unit)
        precise = significant_digits(q.value) >= _T.same_figure_min_digits
        item = bisect.bisect_right(items, s)
        # (a medal is the same only within the same tally: 日本队获得2金1银，韩国队获得2金3铜 are two 2金)
        compared = medal_tally_at(sh, s) if q.unit in W.MEDAL_UNITS else subj
        first = next((k for v0, u0, q0, sj0, i0, k in seen
                      if v0 == q.value and (u0 == key_unit or "" in (u0, key_unit)) and q0 == q.qualifier
                      and (precise or same_subject(sj0, compared) and i0 == item)), None)
        # every mention is compared with later ones: 斑马鱼状态, 斑马鱼, 斑马鱼生活
        seen.append((q.value, key_unit, q.qualifier, compared, item, len(mentions)))
        claim = NumericClaim(
            article_id=article_id, text=text[s2:e2], value=q.value, value_max=q.value_max,
            unit=q.unit, subject=subj, qualifier=q.qualifier, start=s2, end=e2,
            sentence=text[ss:se])
        if first is not None:
            # same quantity of the same thing, mentioned again (20多斤 and 20斤 are two;
            # 38.54万 is 38.54万元 again; a precise figure is one figure: 进出口总值13.81万亿元 …
            # 外贸规模13.81万亿元); but the same price under two items of a numbered list
            # (9、上海枫泾古镇 … 儿童票原价：25元 / 28、上海都市菜园 … 儿童票原价：25元) is two
            root = mentions[first].repeat_of if mentions[first].repeat_of is not None else first
            mentions.append(ClaimMention(claim, root))
            if q.upper > s2:  # a repeated range repeats its upper bound too (the row after its first)
                root_upper = root + 1 if root + 1 < len(mentions) \
                    and mentions[root + 1].claim.qualifier == "range_max" else None
                mentions.append(ClaimMention(_upper_bound(claim, q, text, e2), root_upper))
            continue
        out.append(claim)
        mentions.append(ClaimMention(claim, None))
        if q.upper > s2:  # 8到10斤: the upper bound is a claim of its own (10斤, range_max)
            seen.append((q.value_max, key_unit, None, subj, item, len(mentions)))
            out.append(_upper_bound(claim, q, text, e2))
            mentions.append(ClaimMention(out[-1], None))
    return distributed(mentions, text)


#: 占 + the whole + 的 right before a share (占世界人口总数的 + 约5%; not 占比 or 占有量, nouns, nor a change
#: from a dated figure: 占我国外贸比重已从2012年的12.3%…)
_SHARE_OF = re.compile(r"占(?![比有])[^，,。；;、从由0-9]{1,20}的$")
#: nothing, or linking words only (claim_predicate_words.tsv), between a length of time and the figure after it
_PREDICATES_ONLY = re.compile(rf"(?:{W.PREDICATE_ALTERNATION})*")


#: after a figure in 个: the next figure's 个百分点, which this one's unit shortens (提高3.5个和6个百分点)
_ELIDED_POINTS = re.compile(r"(?<=个)[和、至到][0-9.]+个百分点")


def _is_share(unit: str) -> bool:
    """A percentage or a share of a whole (%, 个百分点, 成): what a count's change is never of."""
    return unit == "%" or unit in W.SHARE_UNITS or W.unit_key(unit) in W.SHARE_UNITS


def _is_duration(unit: str) -> bool:
    return W.unit_key(unit) in W.DURATION_UNITS or unit in W.DURATION_UNITS


def _inside_breakdown(sh: str, ss: int, s: int) -> bool:
    """Position ``s`` follows a word that opens the parts of a count (其中: claim_breakdown_words.tsv)
    in its sentence, or stands inside brackets opened in it (当日新增47例（湖北45例…)."""
    return any(sh.find(w, ss, s) >= 0 for w in W.BREAKDOWN_OPENERS) \
        or sh.count("（", ss, s) + sh.count("(", ss, s) > sh.count("）", ss, s) + sh.count(")", ss, s)


#: a clause of a series: a period and a verb of change or a linking verb (，二季度增长 | 6.3%;
#: ，2018年底减少到 | 1660万: claim_period_words.tsv)
_SERIES_CLAUSE = re.compile(
    rf"[，,；;]\s*(?:{W.PERIOD_ALTERNATION})+(?:{W.CHANGE_ADVERB_ALTERNATION})*"
    rf"(?:{W.CHANGE_VERB_ALTERNATION}|{W.PREDICATE_ALTERNATION})了?(?:到|至)?")

#: the tags of the words a clause that names no noun of its own is made of (verbs, adverbs, numbers, time
#: words, prepositions, pronouns, particles; a place, 山西近九成: where, not what)
_NO_NOUN_TAGS = ("v", "d", "a", "m", "t", "p", "r", "q", "u", "c", "f", "x", "?", "j", "ns", "y", "z", "b")
#: the verbs and adjectives such a clause may hold: links, modals, verbs of change, comparisons
_LINKS = W.PREDICATE_WORDS | W.CHANGE_VERBS | frozenset({"比", "较", "含", "包含", "翻", "多", "多出", "高", "低", "收于"})
#: in such a clause: a comparison or a verb of change (，比上年同期多出, ，同比增长), which makes the figure
#: after it one of the same noun whatever its unit
_COMPARES_OR_CHANGES = re.compile(rf"[比较]|同比|环比|{W.CHANGE_VERB_ALTERNATION}")
#: … or, in the same unit, no word that opens another set (另有2100人, 共有139.46万人, 是平时的, 以及), a
#: total or an average of it (，累计达到8万例, ，一共20人, ，日均750万人次), a part of a whole (，其中) or a
#: size of another dimension (，长为4250米 after 内径为7米)
_NEW_SET = re.compile(r"有|是|以及|及|和|与|累计|共计|合计|总计|一共|共|日均|平均|人均|其中"
                      r"|^[，,；;]\s*(?:全长|长|宽|高|深|重|厚|直径|内径|外径|面积)")


def _names_a_thing(subject: str) -> bool:
    """A subject whose last word is a noun (新增病例, 社会融资规模), not a verb read as one (救出, 登塔):
    only such a subject is lent to a clause after it."""
    words = tokens(subject)
    return bool(words) and words[-1].tag.startswith(("n", "j")) and words[-1].tag != "nx"


#: nouns of time a comparison names (比3月份, 相当于去年同期的)
_TIME_NOUN = re.compile(r"(?:月份|同期|季度|上年|上月|上周|年度|全年)$")


def _continues_the_topic(sh: str, a: int, b: int) -> bool:
    """The text between two figures is a new clause (after a comma or semicolon) that names no noun
    of its own and whose verbs only link, compare or change (claim_predicate_words.tsv,
    claim_change_verbs.tsv): it goes on about the first figure's noun (，连续四天超过; ，比上月回升了;
    ，山西近); a verb of its own (，挣了; ，另有…因无家可归) or an adjective of size (，宽) starts
    another topic."""
    clause = sh[a:b]
    if len(clause) < 2 or clause[0] not in "，,；;":
        return False
    words = tokens(clause[1:].strip())
    return bool(words) and all(
        ((t.startswith(_NO_NOUN_TAGS) and t != "vn") or (t.startswith("n") and _TIME_NOUN.search(w)) or t == "nx")
        and (not t.startswith(("v", "a")) or w.rstrip("了") in _LINKS)
        for w, t in words)


#: numbers joined by ×, / or + right before a number with a Latin unit (69.1×151.7×7.9mm,
#: 12/16GB, 12GB+128/256/512GB): each is a value of that unit; never after a letter (LPDDR4+256GB)
def _upper_bound(claim: NumericClaim, q: ClaimMatch, text: str, e2: int) -> NumericClaim:
    """The row of a range's upper bound (8到10斤 → 10斤, qualifier range_max)."""
    end = max(e2, q.end)
    return NumericClaim(
        article_id=claim.article_id, text=text[q.upper:end], value=q.value_max, value_max=None,
        unit=q.unit, subject=claim.subject, qualifier="range_max", start=q.upper, end=end,
        sentence=claim.sentence)


def significant_digits(value: float) -> int:
    """Digits of ``value`` as written without leading and trailing zeros (13.81万亿 → 4, 449 → 3,
    9000000 → 1)."""
    digits = repr(float(value)).split("e")[0].replace(".", "").replace("-", "")
    if "e" in repr(float(value)):
        return len(digits.strip("0"))
    return len(digits.strip("0")) or 1


def _after_list_opener(sh: str, enclosing: Optional[_Enclosing], ss: int, s: int) -> bool:
    """A 其中 stands between the enclosing claim (in this sentence) and the claim at ``s``."""
    return enclosing is not None and enclosing.end >= ss and "其中" in sh[enclosing.end:s]


_BRACKET = re.compile(r"[（()）]")


def _in_brackets(sh: str, end: int, s: int) -> bool:
    """The claim ending at ``end`` stands in brackets that close before ``s`` (（浙江核减1例），当日…)."""
    b = _BRACKET.search(sh, end, s)
    return b is not None and b.group() in "）)"


def _inside_list(sh: str, enclosing: Optional[_Enclosing], ss: int, s: int) -> bool:
    """The claim at ``s`` is an item of a 其中… list opened after the enclosing claim, in the
    same sentence and clause."""
    return _after_list_opener(sh, enclosing, ss, s) and not CLAUSE_BREAK.search(sh, enclosing.end, s)


def same_subject(a: Optional[str], b: Optional[str]) -> bool:
    """Subjects of two mentions denote the same thing: equal, or one contains the other
    (党员 / 党员们). An unknown subject matches only another unknown one, so a bare
    "3个" never hides a later "3个社区"."""
    if a is None or b is None:
        return a is b
    return a in b or b in a
