"""The claim grammar: one regular expression over the shadow text, and the rules that read
a match into a value, a unit and a qualifier.

::

    claim   := [prefix [了|为|有]] number [余|多|几] [mult] [余|多] unit [半] [post]
               (一年半, 两天半, 超过了6000人, 约有3000人, 约为2%)
             | [prefix] 百分之 number | number %
             | [prefix] number 分之 number [post] | 一半 | digits/digits   (fractions: 三分之一, 1/3 → 0.333333)
    prefix  := claim_prefix_qualifiers.tsv (近 将近 约 超过 至少 不到 达 ...)
             | (上 | 几 | 数) before a bare 十/百/千/万/亿 (上千名, 几十个, 数万人次)
    number  := [-] arabic (1,200 / 20.1, -37.63) | chinese (两千三百, 十五) | pair (五六)
             | 半 | number (至|到|-|~) number           (ranges)
    mult    := claim_multipliers.tsv (万 亿 千万 百万 千 百)
    unit    := claim_units.tsv (名 个 人次 元 小时 个小时 ...)
    post    := claim_post_qualifiers.tsv (以上 以下 左右 之多)

``CLAIM_PATTERN`` is the plain pattern; ``CLAIM_RE`` is the same pattern behind a lookahead
for the characters a match can start with, computed from the pattern itself
(``pipeline.lexicons.leading_class``), so a prefix word added to the lexicon is matched
whatever its first character. ``interpret`` reads one match into a ``ClaimMatch`` or rejects
it (dates, ordinals, identifiers, time frames: see pipeline/claims/__init__.py).

>>> m = CLAIM_RE.search("约1.5万人次参与")
>>> interpret(m, "约1.5万人次参与")
ClaimMatch(value=15000.0, value_max=None, unit='人次', qualifier='about', start=0, end=7, frame=False, upper=-1, ratio=False, listed=False)
>>> interpret(CLAIM_RE.search("五六个小时"), "五六个小时")[:4]
(5.0, 6.0, '个小时', 'about')
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from pipeline.lexicons import alternation, leading_class
from pipeline.resources import jieba_word_tags
from pipeline.settings import section
from pipeline.text.chars import HAN, is_han
from pipeline.text.numerals import (GROUPS_AFTER_MULTIPLIER, NUMERAL, grouped_value, ZERO_DIGITS, approximate_pair, is_digit_run,
                                    is_small_word, parse_number, scaled)

from . import words as W
from .tokens import ends_a_word
from .unit_context import temperature, weight_class
from .words import unit_key

#: Lengths from ``pipeline/settings.toml`` [claims], bound once per process.
_T = section("claims")


class ClaimMatch(NamedTuple):
    """One accepted grammar match: the quantity, before the subject is looked for."""

    value: float
    value_max: Optional[float]
    unit: str
    qualifier: Optional[str]
    start: int
    end: int
    #: followed by a time-frame word (3天后, 5年来): a claim only when written right after a verb
    #: (逗留1000天后: the length of that activity), which extract.py decides
    frame: bool = False
    #: offset of a range's upper bound (3至5万人 → the 5): that bound is a claim of its own too
    upper: int = -1
    #: a fraction (三分之一): a share, never a count of the noun after it (五分之一运力)
    ratio: bool = False
    #: a number listed before a figure that shares its unit (3.6 of 3.6、23.6和27.8个百分点): its noun is
    #: given out by the list's topic (extract.py), never read around it
    listed: bool = False


# ---------------------------------------------------------------------------
# The pattern


def multiplier_pattern(multipliers, not_before: dict[str, str]) -> str:
    """Alternation of multiplier words (longest first), each followed by a negative lookahead
    for the characters after which it is part of a unit (千瓦, 百分之)."""
    words = sorted(multipliers, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(
        re.escape(w) + (f"(?![{not_before[w]}])" if w in not_before else "") for w in words) + ")"


def unit_pattern(units) -> str:
    """Units; a 个 unit may carry 多/余/半 after its 个 (半个多月, 一个半小时)."""
    ge_tails = [u[1:] for u in units if u.startswith("个") and len(u) > 1]
    others = [u for u in units if not u.startswith("个")]
    return rf"个(?P<mid>多|余|半)?(?:{alternation(ge_tails)})|(?:{alternation(others)})|个"


def _after_any(words) -> str:
    """Lookbehinds for any of ``words`` (a lookbehind of one alternation must be fixed-width)."""
    return "|".join(f"(?<={re.escape(w)})" for w in sorted(words, key=lambda w: (-len(w), w)))


#: 为 after a qualifier of an approximate or bounded figure (约为2%, 至少为3%: claim_copula_qualifiers.tsv;
#: not 仅为6.7平方米, where 仅 only stresses the figure, nor 北约为…, NATO)
_COPULA_AFTER_QUALIFIER = f"(?:{_after_any(W.COPULA_QUALIFIERS)})(?<!北约)为"


def claim_pattern(prefix_words, round_prefix_words, units, post_words) -> str:
    """The claim grammar over the given word lists (``CLAIM_PATTERN`` is built from the lexicons)."""
    mult = multiplier_pattern(W.MULTIPLIER_VALUE, W.MULTIPLIER_NOT_BEFORE)
    return (
        rf"(?:(?P<pre>{alternation(prefix_words)})(?P<preaux>了|{_COPULA_AFTER_QUALIFIER}|(?:已经|已|还|也)?有)?"  # 至少已有12名官员, 约为2%
        rf"|(?P<vpre>{alternation(round_prefix_words)})(?=[十百千万亿]))?"
        r"(?:"
        rf"(?P<pct>百分之)(?P<pnum>{NUMERAL})"
        r"|"
        rf"(?P<fden>{NUMERAL})分之(?P<fnum>{NUMERAL})|(?P<halfshare>(?<!另)一半)"
        r"|(?<![0-9/.A-Za-z:：\s-])(?P<dnum>[1-9][0-9]?)/(?P<dden>[1-9][0-9]{0,2})(?![0-9/.A-Za-z:：-])"
        r"|"
        r"(?:(?P<half>半)(?=个|小时|天|年|钟头)"
        r"|(?P<bare>[万亿])"
        rf"|(?P<neg>(?:(?<=[{HAN} \t\n：:（(，,])[-－−]|(?<=[为至到是达从的和与及、，,：:（( \t\n])负)(?=[0-9]))?(?P<n1>{NUMERAL}{GROUPS_AFTER_MULTIPLIER})(?:(?P<msp>(?<=[0-9]) )(?={mult}))?(?P<m1>{mult})?"
        rf"(?:(?P<rsep>至|到|-|~|—|－)(?:(?<=[-~—－]) (?=[0-9]))?(?P<n2>{NUMERAL})(?P<m2>{mult})?)?)"
        r"(?P<post1>余|多|几)?"
        rf"(?P<mult>{mult})?"
        r"(?P<post2>余|多)?"
        r"(?P<sp>(?<=[0-9]) )?"
        rf"(?:(?!{alternation(W.UNIT_LIKE_NOUNS)})(?P<unit>{unit_pattern(units)})(?P<uhalf>(?:{_after_any(W.HALF_AFTER_UNITS)})半(?![年天月载价导数]))?(?P<alt>[(（](?!(?:{alternation(W.BRACKET_NOTES)})[)）])[{HAN}]{{1,2}}[)）])?"
        rf"(?P<per>/(?:{alternation(W.RATE_DENOMINATORS)})(?![A-Za-z0-9]))?"
        rf"(?:[(（](?:{alternation(W.BRACKET_NOTES)})[)）](?={alternation(post_words)}))?"
        r"|(?P<percent>%)|(?P<nounit>(?<=[万亿])|(?<=[万亿][多余])))"
        r")"
        rf"(?P<post3>{alternation(post_words)})?"
    )


CLAIM_PATTERN = claim_pattern(W.PREFIX_WORDS, W.ROUND_PREFIX_WORDS, W.UNITS, tuple(W.POST_QUALIFIER))
CLAIM_RE = leading_class(CLAIM_PATTERN)

_LONGEST_ORDINAL_MARKER = max(map(len, W.ORDINAL_MARKERS))
_MONTH_AFTER = re.compile(r"[0-9]{1,2}月")
_CHANGED_TO = re.compile(rf"(?:{W.CHANGE_VERB_ALTERNATION})(?:到|至)$")
_CHANGED_TO_HALF = re.compile(rf"(?:{W.CHANGE_VERB_ALTERNATION})了$")
#: after 一半: it is a half of something, not a share (一半是书, 一半就够了)
_HALF_NOT_BEFORE = "是就"
_OPENING_QUOTES = "“‘「『\"'"
_CLOCK_BEFORE = re.compile(r"[0-9０-９][时点][0-9０-９]{1,2}分$")
# minutes before the seconds: a game clock or a race time (6分20秒时, 1分32秒76), whose seconds
# alone are no length of anything
_MINUTES_BEFORE = re.compile(r"[0-9０-９]分$")
# a year of an era (公元72年) is no length of time
_NO_QUANTITY_BEFORE = re.compile(r"公元前?$")
_MODEL_YEAR = re.compile(r"(?:199|20[0-3])[0-9]")  # (2000款产品 reads as a year too: rare beside car models)
#: a prefix of these qualifiers before a length of time makes it a limit (超过三个月, 不到两周)
_LENGTH_QUALIFIERS = ("more_than", "less_than", "at_least")
# a product's name before a spaced number: letters with a lower-case one (Exynos, iPhone, Windows);
# an acronym (NBA, CPU, GDP) is what the number counts or measures
_LATIN_WORD_BEFORE = re.compile(r"(?<![A-Za-z0-9])(?=[A-Za-z0-9]*[a-z])[A-Za-z][A-Za-z0-9]* $")
_QUOTED_NAME_AFTER = re.compile(rf"[{HAN}]{{1,6}}[”’」』\"']")

# ---------------------------------------------------------------------------
# Reading a match


#: a minus sign (the pattern's ``neg``) is read after a Han character, a space, a colon, a bracket
#: or a comma (气温-5℃, 在-35℃也能越冬, 每桶-37.63美元); after a letter, a percent sign or a closing
#: bracket the pattern reads none (6.5%-7%, COVID-19, LPR)-30基点). After a number and its unit it
#: is a range's hyphen (5000米-7000米, 30万元-50万元), unless a word that introduces a value stands
#: right before it (降至-5, 增长-3%)
_SIGN_INTRODUCERS = frozenset("为至到是达于：:（(，, 桶长")
_DIGIT_AND_MULTIPLIER_BEFORE = re.compile(r"[0-9０-９][亿万千百]零?$|[一二三四五六七八九十两零〇]亿$")
_NUMBER_JUST_BEFORE = re.compile(r"[0-9０-９][^0-9\s，。；、,;]{0,4}$")
_BELOW_ZERO = "零下"
_ZERO_SIDES = (_BELOW_ZERO, "零上")  # a temperature: 零下25度到零上40度


#: one-character prefixes that count rather than qualify (好几百, 无数): left to the grammar
_COUNT_PREFIXES = frozenset("几数")


def interpret(m: re.Match, sh: str) -> Optional[ClaimMatch]:
    """Validate one grammar match on the shadow ``sh``; ``None`` when it is no claim. A number
    below zero (气温-5℃, 零下12℃) is negative, its sign in the span.

    >>> interpret(CLAIM_RE.search("最低气温零下12℃"), "最低气温零下12℃")[:5]
    (-12.0, None, '℃', None, 4)
    """
    found = _interpret(m, sh)
    if found is None:
        return None
    s = found.start
    if sh.endswith(_BELOW_ZERO, 0, s):
        # (零下22至25摄氏度: both bounds are below zero)
        upper = None if found.value_max is None else -found.value_max
        return found._replace(value=-found.value, value_max=upper, start=s - len(_BELOW_ZERO))
    if sh.endswith(_ZERO_SIDES[1], 0, s):
        return found._replace(start=s - len(_ZERO_SIDES[1]))  # 零上40度: the sign word is the span's
    return found


def _interpret(m: re.Match, sh: str) -> Optional[ClaimMatch]:
    g = m.groupdict()
    s, e = m.start(), m.end()
    if g["neg"] and g["neg"] != "负":  # (至负0.4%: the word after a linking word is a sign, never a hyphen;
        # 减负5200万元, 税负: 负 closing a word is none)
        sign = m.start("neg")
        if sh[sign - 1] not in _SIGN_INTRODUCERS and _NUMBER_JUST_BEFORE.search(sh, max(0, sign - 6), sign):
            g["neg"] = None  # 5000米-7000米: a range's hyphen, no sign (a range's upper bound keeps its own)
            s += s == sign
    if (g["sp"] or g["msp"]) and sh[s - 1:s] != " " and sh[s - 2:s] != " +":
        # 一共 30 块, 前置 1000 万像素: a space after an arabic number (before its unit or its
        # multiplier) only when one stands before it too, as pages that space out numbers write
        # (or a spaced plus of a list of parts: 1200 万主摄 +6400 万长焦)
        return None
    if g["n1"] and _DIGIT_AND_MULTIPLIER_BEFORE.search(sh, max(0, m.start("n1") - 3), m.start("n1")):
        # 13亿5000人, 1.2亿3000万: the last group of a number the grammar could not read whole
        # (numerals.GROUPS_AFTER_MULTIPLIER), never a count of its own
        return None
    if sh[s - 1:s] == " " and _LATIN_WORD_BEFORE.search(sh, max(0, s - 24), s):
        return None  # Exynos 990 处理器, iPhone 11: a model's number, not a count (NBA 30支球队 is one)
    if sh[max(0, s - _LONGEST_ORDINAL_MARKER - 1):s].rstrip(" ").endswith(W.ORDINAL_MARKERS):
        return None  # 第3轮, 第 3 轮, 周5, 星期三
    if g["half"] and sh[s - 1:s] in W.HALF_ORDINAL_MARKERS:
        return None  # 上半年, 下半场: the first or second half, no length
    if sh[s - 1:s] in W.MONTH_PERIOD_MARKERS and W.unit_key(g["unit"] or "") == "个月" \
            and (sh[s - 2:s - 1] == "年" or not ends_a_word(sh, s - 1)):
        # 今年前8个月, 2023年前11个月: the months from January, a reporting period, no length (not
        # 目前6个月, 此前3个月: 前 ends another word there)
        return None
    if g["n1"] and not g["n1"][0].isdigit() and (_idiom_at(sh, s, e) or _in_slogan(sh, s, e)):
        return None  # 十年九旱, 百年大计: a set phrase; “两个一百年”: a slogan (claim_slogans.tsv)
    if (written := g["n1"] or g["bare"]) and not written[0].isdigit() \
            and _in_slogan(sh, m.start(), m.end("n1") if g["n1"] else m.end("bare")):
        return None  # 成千上万劳动者, 成百上千名: the number of an idiom, however the unit runs on
    if g["pre"] and len(g["pre"]) == 1 and W.PREFIX_QUALIFIER.get(g["pre"]) is not None \
            and g["pre"] not in _COUNT_PREFIXES and ends_a_word(sh, m.start("pre")):
        # 签约3套, 最近3天, 附近300米: the character ends a word, no qualifier
        g["pre"] = g["preaux"] = None
        s = m.end("preaux") if m.group("preaux") else m.end("pre")
    if g["vpre"] and g["vpre"] not in _COUNT_PREFIXES and ends_a_word(sh, m.start("vpre")):
        g["vpre"] = None  # 经过十年, 马上千人: the character ends a word, no qualifier (过万例 is one)
        s = m.end("vpre")
    if g["pre"] and len(g["pre"]) >= 2 and sh[s - 1:s] + g["pre"][0] in W.CHANGE_VERBS:
        # 年均增长达8.5%, 提高达30%: the prefix's first character closes the verb of change before
        # it (增|长达 is 增长|达), so the prefix is the rest, or none
        rest = g["pre"][1:]
        g["pre"] = rest if rest in W.PREFIX_QUALIFIER else None
        s = m.start("pre") + 1
    prefix = g["pre"] or g["vpre"]
    qualifier = W.PREFIX_QUALIFIER.get(prefix) if prefix else None
    if g["pre"] and qualifier in W.NEGATED_QUALIFIER:
        negation = next((n for n in W.NEGATIONS if sh.endswith(n, 0, s)), None)
        if negation:  # 不得超过三个月: at most; 不低于100万元: at least (the span takes the negation)
            qualifier, s = W.NEGATED_QUALIFIER[qualifier], s - len(negation)
    if sh.startswith("分之", e):
        return None  # 约为百万分之二: the denominator of a fraction the grammar does not read, no figure
    if g["preaux"] == "为":
        s = m.end("preaux")  # 约为8590亿美元: the qualifier holds; span and noun are read from the number on
    if g["pct"] or g["percent"]:
        return _percentage(m, g, qualifier, s, e)
    if g["fden"] or g["halfshare"] or g["dden"]:
        if sh.startswith("决赛", e):
            return None  # 1/8决赛, 四分之一决赛: a round of a tournament, no share
        return _fraction(g, qualifier, s, e, sh)
    unit = g["unit"]
    if unit == "秒" and (_CLOCK_BEFORE.search(sh, max(0, s - 5), s) or _MINUTES_BEFORE.search(sh, max(0, s - 2), s)):
        return None  # 8时8分45秒: the seconds of a time of day; 6分20秒时, 1分32秒76
    if _NO_QUANTITY_BEFORE.search(sh, max(0, s - 3), s):
        return None  # 公元72年
    if unit == "款" and g["n1"] and _MODEL_YEAR.fullmatch(g["n1"]) and not g["m1"]:
        return None  # 2009款日产阳光, 2014款: a model year, no count of models
    if g["nounit"] is not None:
        if sh.startswith(W.NO_UNIT_NOT_BEFORE, e) or sh[e:e + 1].isdigit():
            return None  # 十万级洁净车间: a grade
        unit = ""  # 20多万华商, 近50万: no measure word (the counted noun is the unit: extract.py)
    elif not unit:
        return None
    elif (g["m1"] or g["mult"]) and _unit_starts_a_word(sh, e, unit, g):
        # 300万成年残疾人, 200万款项: after 万 or 亿 the unit's character opens the counted noun
        unit, e = "", m.start("unit")
    mid = g["mid"]
    if unit.startswith("个") and mid:
        unit = "个" + unit[2:]  # 个多月 → 个月
    alt = g["alt"]
    per = g["per"] or ""
    if per and unit in W.MONEY_UNITS and per[1:] in W.PER_ITEM_DENOMINATORS:
        per = ""  # 800元/辆, 5元/小时: a price each, in 元 (the span keeps /辆)
    unit_out = unit + (alt.replace("（", "(").replace("）", ")") if alt else "") + per  # 13元/斤, 米/秒
    set_length = _set_length(sh, s, e, unit, g)
    quantity = _quantity(g, unit, unit_out, qualifier, sh[e:e + 2], set_length)
    if quantity is None:
        return None
    value, value_max, qualifier = quantity
    if qualifier == "range" and value == 0 and sh.startswith("加速", e):
        return None  # 0-100km/h加速时间: the name of a car's test, no range of speeds
    if g["post1"] or g["post2"] or mid in ("多", "余"):
        qualifier = "more_than" if qualifier in (None, "more_than") else qualifier
    if g["post3"] and W.CHANGE_VERB_RE.match(sh, e - 1):  # a verb of change at its last character
        e -= len(g["post3"])  # 连续5个月以下跌报收: 以 + 下跌, no 以下
    elif g["post3"]:
        qualifier = W.POST_QUALIFIER[g["post3"]] or qualifier
    elif unit and sh[e:e + 1] == "多" and qualifier is None and (
            sh[e:e + 2] not in jieba_word_tags() or unit in W.DURATION_UNITS and sh.startswith(W.DURATION_FRAME_WORDS, e + 1)):
        # 3米多深, 1米多宽 (not 5天多云: 多云 is a word); 5年多来 is 5年来 with more_than, a time
        # frame as that is (a claim only after a verb: 坚持了5年多来)
        qualifier, e = "more_than", e + 1
    if unit in W.DURATION_UNITS and s and sh[s - 1] in _OPENING_QUOTES and _QUOTED_NAME_AFTER.match(sh, e):
        return None  # 长江“十年禁渔”: a length of time opening a quoted name is part of the name
    if not _unit_fits(sh, s, e, unit, value, g, set_length):
        return None
    for written, reported in W.REPORTED_UNIT.items():
        unit_out = unit_out.replace(written, reported)
    upper = m.start("n2") if qualifier == "range" else -1
    return ClaimMatch(value, value_max, unit_out, qualifier, s, e, _verb_frame(sh, e, unit), upper)


def _verb_frame(sh: str, e: int, unit: str) -> bool:
    """A duration followed by a frame word that a verb before it makes a claim (求学6年后)."""
    return unit in W.DURATION_UNITS and sh.startswith(W.VERB_FRAME_WORDS, e)


def _percentage(m: re.Match, g: dict, qualifier: Optional[str], s: int, e: int) -> Optional[ClaimMatch]:
    """百分之三十二点八 / 32.8% / 3-5%."""
    raw = g["pnum"] if g["pct"] else g["n1"]
    if raw is None:
        return None
    value = parse_number(raw)
    if value is None:
        return None
    if g["neg"] and not g["pct"]:
        value = -value  # 增长-3%
    value_max = None
    if g["n2"] and not g["pct"]:
        value_max = parse_number(g["n2"])
        if value_max is None:
            return None
        qualifier = "range"
    if g["post1"] in ("余", "多"):
        qualifier = qualifier or "more_than"
    if g["post3"]:
        qualifier = W.POST_QUALIFIER[g["post3"]] or qualifier
    return ClaimMatch(value, value_max, "%", qualifier, s, e, upper=m.start("n2") if value_max is not None else -1)


def _fraction(g: dict, qualifier: Optional[str], s: int, e: int, sh: str) -> Optional[ClaimMatch]:
    """三分之一 / 四分之三以上 / 一半 / 2/3: the share as a number (no unit, as the guidelines write a share),
    rounded to ``fraction_digits`` decimals so that 1/3 reads 0.333333, not a float's tail."""
    if g["halfshare"]:
        # 一半是书，一半是杂物 / 吃了一半: a half of something, no figure; 减少了一半 and 一半以上 are
        if sh[e:e + 1] in _HALF_NOT_BEFORE or sh[s - 1:s] == "了" and not _CHANGED_TO_HALF.search(sh, max(0, s - 6), s):
            return None
        denominator, numerator = 2.0, 1.0  # 一半
    elif g["dden"]:  # 1/3左右, 2/3的矿产资源 (24/7: no share)
        denominator, numerator = float(g["dden"]), float(g["dnum"])
    else:
        denominator, numerator = parse_number(g["fden"]), parse_number(g["fnum"])
    if not denominator or numerator is None or numerator > denominator:
        return None
    if g["post3"]:
        qualifier = W.POST_QUALIFIER[g["post3"]] or qualifier
    return ClaimMatch(round(numerator / denominator, _T.fraction_digits), None, "", qualifier, s, e, ratio=True)


#: jieba tags of set phrases: idioms (i: 十室九空) and fixed expressions (l: 十年九旱, 百年大计)
_SET_PHRASE_TAGS = ("i", "l")
_SET_PHRASE_MIN_CHARS = 4
_SET_PHRASE_MAX_CHARS = 6


def _idiom_at(sh: str, s: int, e: int) -> bool:
    """A set phrase of jieba's dictionary (four characters or more, tag i or l) starts at ``s``
    and goes on two characters or more past the match's end ``e`` (十年 of 十年九旱; 二十四小时,
    a phrase too, is the whole quantity, and 十几年来 only adds the time frame's 来)."""
    tags = jieba_word_tags()
    return any(tags.get(sh[s:s + n]) in _SET_PHRASE_TAGS
               for n in range(max(_SET_PHRASE_MIN_CHARS, e - s + 2), _SET_PHRASE_MAX_CHARS + 1))


def _in_slogan(sh: str, s: int, e: int) -> bool:
    """A slogan of claim_slogans.tsv is written over [s, e) (两个一百年 holds 一百年)."""
    return any(m.start() <= s and m.end() >= e
               for m in W.SLOGAN_RE.finditer(sh, max(0, s - W.SLOGAN_MAX_CHARS), e + W.SLOGAN_MAX_CHARS))


def _set_length(sh: str, s: int, e: int, unit: str, g: dict) -> bool:
    """A length of time written as a limit or a measured span: 三日内, 一个月以内 (a deadline),
    超过三个月, 不到两周, 连续三天, 长达五年; then even a small word numeral is a claim."""
    if unit not in W.DURATION_UNITS:
        return False
    if W.limit_word_length(sh, e):
        return True
    prefix = g["pre"]
    return (W.PREFIX_QUALIFIER.get(prefix) in _LENGTH_QUALIFIERS if prefix else
            sh[max(0, s - 4):s].endswith(W.DAY_CONTEXT))


def _quantity(g: dict, unit: str, unit_out: str, qualifier: Optional[str], after: str = "",
              set_length: bool = False):
    """(value, value_max, qualifier) of the number part, or ``None`` when it is no count;
    ``after`` is the text after the match; ``set_length``: a limit or measured span of time
    (``_set_length``), a claim even in a small word numeral."""
    tail_is_name = bool(after) and is_han(after[0]) and not after.startswith(("的",) + tuple(W.POST_QUALIFIER))
    pre, vpre, mid = g["pre"], g["vpre"], g["mid"]
    if g["m1"] and g["mult"]:
        return None  # two multipliers
    mult_word = g["m1"] or g["mult"] or ""
    mult = W.MULTIPLIER_VALUE.get(mult_word, 1.0)
    value_max = None
    if g["half"]:
        if vpre or unit == "个" or unit_out == "个":
            return None
        value = 0.5
    elif g["bare"]:
        if not (pre or vpre) or mult_word:
            return None  # 千家万户, 万家平安: a bare 万 needs a prefix
        value = W.MULTIPLIER_VALUE[g["bare"]]
    else:
        number = _numeral(g, mult, qualifier)
        if number is None:
            return None
        value, value_max, qualifier = number
        n1 = g["n1"]
        if is_small_word(n1) and not mult_word and not vpre and mid != "半" and not g["uhalf"] and not set_length \
                and not (unit in W.SHARE_UNITS and (pre or not tail_is_name)):
            # 一个个, 两户, 三个小组: a small word numeral is no count; a share is (近三成, 增长了一倍),
            # unless a name goes on after it with no qualifier before it (三成店村)
            return None
    if (mid == "半" or g["uhalf"]) and value_max is not None:
        value_max += 0.5  # 3到4个半月: the half goes with the upper bound (3 to 4.5 months)
    elif mid == "半" or g["uhalf"]:
        value += 0.5  # 一个半小时, 一年半, 七成半
    if g["neg"]:
        value = -value  # 每桶-37.63美元, 降至-5, 气温-5℃ (_interpret: no range's hyphen)
    return value, value_max, qualifier


def _numeral(g: dict, mult: float, qualifier: Optional[str]):
    """(value, value_max, qualifier) of an arabic or Chinese number, a pair or a range."""
    n1, pre, vpre = g["n1"], g["pre"], g["vpre"]
    is_cn = not n1[0].isdigit()
    if "亿" in n1 or n1[0].isdigit() and "万" in n1:
        if g["rsep"] or n1[0] == "0" or vpre:
            return None
        v = grouped_value(n1, g["m1"] or g["mult"] or "")
        return (v, None, qualifier) if v is not None else None
    if not is_cn:
        if len(n1) > 1 and n1[0] == "0" and n1[1] != ".":
            return None  # 05鑫港社区, 0531 …
        if len(n1.replace(",", "").split(".")[0]) >= _T.identifier_min_digits:
            return None  # phone numbers / ids
        if vpre:
            return None  # 上 / 几 / 数 only before a Chinese round number
    elif n1[0] in "百千" and not (pre or vpre or g["post1"] in ("余", "多") or g["post2"]
                                  or W.POST_QUALIFIER.get(g["post3"] or "")):
        return None  # 千家万户, 千方百计; but 百余米, 千余人, 百米开外
    pair = approximate_pair(n1) if is_cn else None
    if pair:
        return scaled(pair[0], mult), scaled(pair[1], mult), qualifier or "about"
    if is_cn and len(n1) >= 2 and is_digit_run(n1) and not any(c in ZERO_DIGITS for c in n1):
        return None  # 二三四: not a number
    v = parse_number(n1)
    if v is None:
        return None
    if not g["rsep"]:
        return scaled(v, mult), None, qualifier
    v2 = parse_number(g["n2"])
    if v2 is None:
        return None
    m2 = W.MULTIPLIER_VALUE.get(g["m2"] or g["mult"] or "", 1.0)
    low = scaled(v, mult if g["m1"] else m2)  # 3至5万人: the multiplier of the upper bound
    high = scaled(v2, m2)
    if high <= low:
        return None
    return low, high, "range"


def _unit_starts_a_word(sh: str, e: int, unit: str, g: dict) -> bool:
    """The unit's character opens another word here: before a character of
    claim_unit_not_next.tsv (成员, 款项), or a share after 万 or 亿 (300万成年残疾人)."""
    nxt = sh[e:e + 1]
    return bool(unit in W.NOT_AFTER_MULTIPLIER and (g["m1"] or g["mult"])
                or unit in W.UNIT_NOT_NEXT and nxt and nxt in W.UNIT_NOT_NEXT[unit])


def _unit_fits(sh: str, s: int, e: int, unit: str, value: float, g: dict, set_length: bool) -> bool:
    """Unit-specific filters: ages, years, days, time frames, reduplication; ``set_length``: the
    match is a limit or measured span of time (``_set_length``: 三日内 is no date)."""
    after = sh[e:e + 4]
    if unit_key(unit) == "岁" and "平均" not in sh[max(0, s - _T.average_age_window):s] \
            and not _CHANGED_TO.search(sh, max(0, s - _T.average_age_window), s):
        return False  # 61岁的…: only an average age, or an age limit changed (婚龄降低到18岁), is a claim
    if unit == "年":
        raw = g["n1"] or ""
        if value >= 1000 or _MONTH_AFTER.match(after) or after.startswith(W.YEAR_NOT_BEFORE):
            return False  # 2020年, 24年党龄, 80年代
        if raw and not raw[0].isdigit() and len(raw) >= 3 and is_digit_run(raw):
            return False  # 二〇二〇年
        if after.startswith(W.YEAR_FRAME_WORDS) and not after.startswith(W.VERB_FRAME_WORDS):
            return False  # 5年间: a time frame
    if unit == "日" and g["pre"] != "长达" and not sh[max(0, s - 4):s].endswith(W.DAY_CONTEXT) \
            and not (is_small_word(g["n1"] or "") and sh[s - 1:s] != "月" and set_length):
        return False  # 1月20日: a date unless 连续/持续/历时 N日, or a deadline in words (三日内)
    if unit == "月":
        return False  # 3月: a month
    if unit in W.DURATION_UNITS and after.startswith(W.DURATION_FRAME_WORDS) \
            and not after.startswith(W.VERB_FRAME_WORDS):
        return False  # 3天前: a time frame (3天后, 5年来: only after a verb, extract.py)
    if unit in W.UNIT_NEXT and after[:1] not in tuple(W.UNIT_NEXT[unit]):
        return False  # 88层观光厅: a floor, not a count of floors
    if _unit_starts_a_word(sh, e, unit, g):
        return False  # 欧盟27成员国: the unit character starts another word
    if weight_class(sh, s, e, unit):
        return False  # 女子举重48公斤级: a weight class, an event's name (500公斤级标准载重 stays a claim)
    if unit in W.MULTIPLIER_ONLY_UNITS and not (g["m1"] or g["mult"]) and not sh.endswith(_ZERO_SIDES, 0, s) \
            and not temperature(sh, s, e):
        return False  # 180度, 东经95.1度: an angle or a position (60亿度 is energy; 零下25度, 气温35度 temperatures)
    if unit in ("个", "次", "名", "位") and after[:1] == unit:
        return False  # 一个个 / 一次次 reduplication
    if after[:1].isdigit() and unit in ("点", "时"):
        return False  # clock times
    return True
