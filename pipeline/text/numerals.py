"""Chinese and arabic numerals: one set of tools for every stage that reads a number.

``parse_number(span)`` gives the value of a numeral span as written (arabic with thousands
commas, Chinese with 万/亿, decimals with 点); ``cn_int`` reads a Chinese integer without
万/亿 (the piece cn2an rejects or glues: a bare 千, 二〇二〇); ``approximate_pair`` reads the
two-numeral approximations 五六 / 两三.

The regex pieces (``ARABIC``, ``CHINESE``, ``NUMERAL``) are the numeral grammar of the claim
patterns (pipeline/claims) and are matched on the simplified shadow text (ASCII digits).

>>> parse_number("20.1万"), parse_number("1,200"), parse_number("千"), parse_number("两千三百")
(201000.0, 1200.0, 1000.0, 2300.0)
>>> cn_int("二〇二〇"), cn_int("一百零五"), cn_int("五六")
(2020.0, 105.0, None)
>>> approximate_pair("五六"), approximate_pair("两三"), approximate_pair("五七")
((5.0, 6.0), (2.0, 3.0), None)
"""
from __future__ import annotations

from decimal import Decimal

import re
from typing import Optional

from ..lexicons import lexicon

#: Chinese digit characters (两 is 2 before a measure word or a power of ten).
CN_DIGITS = "零〇一二三四五六七八九两"
CN_DIGIT_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}
#: Powers of ten written inside a Chinese integer (万 and 亿 are multipliers, read apart).
CN_POWERS = {"十": 10, "百": 100, "千": 1000}
ZERO_DIGITS = "零〇"

#: Units written in Latin letters right after a number (4000mAh, 120Hz, 12GB): the letters of
#: claim_units.tsv's Latin rows.
LATIN_UNITS = tuple(sorted((w for w in lexicon("claim_units").words() if re.fullmatch(r"[A-Za-z]+", w)),
                           key=len, reverse=True))
#: An arabic number as written: thousands commas (1,200) or plain digits, optional decimals;
#: never glued to a letter, a digit or a ``.``/``#`` before it (P2, 3.5.1, #12), nor to letters
#: after it other than a whole Latin unit (S20, 5G and 8K are names; 4000mAh is a quantity).
ARABIC = (r"(?<![0-9A-Za-z.#])(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?(?![0-9])"
          # a letter may follow only where a whole Latin unit starts
          rf"(?!(?!(?:{'|'.join(LATIN_UNITS)})(?![A-Za-z]))[A-Za-z])")
#: A Chinese number: digits and powers of ten, 万/亿 groups, optional 点 decimals.
CHINESE = rf"[{CN_DIGITS}十百千]+(?:[万亿]零?[{CN_DIGITS}十百千]+)*(?:点[{CN_DIGITS}]+)?"
NUMERAL = rf"(?:{ARABIC}|{CHINESE})"

_PLAIN_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_CN_DECIMAL = re.compile(rf"([{CN_DIGITS}十百千]*)(?:点([{CN_DIGITS}]+))?")
MAX_NUMERAL_CHARS = 15  # no count is written with more Chinese numeral characters


def cn_int(s: str) -> Optional[float]:
    """Chinese integer numeral without 万/亿 (十五, 两千三百, 千 → 1000, 一百零五); ``None`` for
    what is not one number (五六 is a pair: ``approximate_pair``)."""
    if not s or len(s) > MAX_NUMERAL_CHARS:
        return None
    if all(ch in CN_DIGIT_VALUE for ch in s):
        if len(s) == 1:
            return float(CN_DIGIT_VALUE[s])
        if any(ch in ZERO_DIGITS for ch in s[1:]) or len(s) >= 3:  # 二〇二〇 style
            return float(int(digit_string(s)))
        return None  # 五六: a pair, handled by the caller
    total, cur = 0, None
    for ch in s:
        if ch in CN_DIGIT_VALUE:
            cur = CN_DIGIT_VALUE[ch]
        elif ch in CN_POWERS:
            total += (1 if cur is None else cur) * CN_POWERS[ch]
            cur = None
        else:
            return None
    if cur is not None:
        total += cur
    return float(total)


def digit_string(s: str) -> str:
    """Chinese digits read one by one as ASCII digits (二〇二〇 → ``2020``)."""
    return "".join(str(CN_DIGIT_VALUE[ch]) for ch in s)


def parse_number(s: str) -> Optional[float]:
    """Value of a numeral span (arabic or Chinese, with 万/亿): ``20.1万`` → 201000.

    Uses ``cn2an.cn2an(s, "smart")``; falls back to ``cn_int`` for forms cn2an rejects
    (``千``, ``1,200``).
    """
    s = s.replace(",", "")
    if _PLAIN_DECIMAL.fullmatch(s):
        return float(s)
    try:
        import cn2an

        return float(cn2an.cn2an(s, "smart"))
    except Exception:
        pass
    m = _CN_DECIMAL.fullmatch(s)
    if m and m.group(1):
        v = cn_int(m.group(1))
        if v is not None and m.group(2):
            v += float("0." + digit_string(m.group(2)))
        return v
    return None


def scaled(value: float, multiplier: float) -> float:
    """``value × multiplier`` exact at the precision written: the product of the two decimals as
    written, then the nearest float (39.66 × 10⁸ → 3966000000.0, where the float product is
    3965999999.9999995; 4.56万 → 45600.0, not 45599.99999999999).

    >>> scaled(39.66, 1e8), scaled(4.56, 1e4), scaled(0.07, 1e4), scaled(1.5, 1.0)
    (3966000000.0, 45600.0, 700.0, 1.5)
    """
    if multiplier == 1.0:
        return value
    return float(Decimal(repr(value)) * Decimal(repr(multiplier)))


def approximate_pair(s: str) -> Optional[tuple[float, float]]:
    """五六 → (5, 6); 一两 / 两三 → (1, 2) / (2, 3); with a power after the pair, 五六千 → (5000, 6000),
    三四十 → (30, 40); with 十 before it, 十五六 → (15, 16); anything else → None.

    >>> approximate_pair("五六千"), approximate_pair("十五六"), approximate_pair("五十")
    ((5000.0, 6000.0), (15.0, 16.0), None)
    """
    scale, base = 1.0, 0.0
    if len(s) == 3 and s[2] in CN_POWERS:
        s, scale = s[:2], float(CN_POWERS[s[2]])
    elif len(s) == 3 and s[0] == "十":
        s, base = s[1:], 10.0
    if len(s) != 2 or s[0] not in CN_DIGIT_VALUE or s[1] not in CN_DIGIT_VALUE:
        return None
    a, b = CN_DIGIT_VALUE[s[0]], CN_DIGIT_VALUE[s[1]]
    if a >= 1 and b == a + 1:
        return base + a * scale, base + b * scale
    return None


def is_digit_run(s: str) -> bool:
    """Only Chinese digit characters (二三四, 五六, 二〇二〇): no power of ten."""
    return all(ch in CN_DIGIT_VALUE for ch in s)


def is_small_word(s: str) -> bool:
    """One Chinese digit written alone (一个个, 两户, 三个小组): no count of its own."""
    return len(s) == 1 and s in CN_DIGIT_VALUE


def small_int(s: str) -> Optional[int]:
    """A month or day number, arabic or Chinese (12, 十二)."""
    if s.isdigit():
        return int(s)
    v = cn_int(s)
    return int(v) if v is not None else None


#: a group of an arabic number written in groups (5千, 6千6百78, 5千零7, 2089; 五千 in 1万五千)
_GROUP = (r"零?(?:[0-9一二三四五六七八九两]千(?:[0-9一二三四五六七八九两]百)?零?[0-9]{0,2}"
          r"|[0-9一二三四五六七八九两]百零?[0-9]{0,2}|[0-9]{1,4})(?![0-9.A-Za-z])")
#: the groups after an arabic number's 亿 or 万 (1亿2516万, 2亿3263万6622, 476万2089, 6万5千, 1亿6千万):
#: one number, read whole, the 万 after a 亿 group multiplying that group only (a Chinese numeral,
#: 一亿二千万, is one ``NUMERAL`` already)
GROUPS_AFTER_MULTIPLIER = (rf"(?:(?<=[0-9])(?:亿(?:[0-9]{{1,4}}\.[0-9]+(?=[多余]?万)|{_GROUP}(?:万{_GROUP}|(?=[多余]?万)))"
                            rf"|万{_GROUP}))?")


def grouped_value(n1: str, mult_word: str) -> Optional[float]:
    """The value of a number written in groups, with the multiplier written after it: 1亿2516 + 万
    (the 万 multiplies the last group only), 1亿2351.3 + 万, 7亿6千 + (多)万, 2亿3263万6622, 476万2089, 6万5千,
    24万8009 + 亿 (the 亿 multiplies the whole: 248,009亿); None for what is none of these."""
    if "亿" in n1:
        high, low = n1.split("亿", 1)
        if not mult_word:
            return parse_number(n1)
        if mult_word != "万" or "万" in low:
            return None
        h, lo = parse_number(high), parse_number(low.lstrip("零"))
        return None if h is None or lo is None else scaled(h, 1e8) + scaled(lo, 1e4)
    v = parse_number(n1)
    if v is None or mult_word not in ("", "亿"):
        return None
    return scaled(v, 1e8) if mult_word else v
