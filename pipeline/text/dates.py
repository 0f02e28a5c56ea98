"""The date grammar, written once: named pieces (year, month, day, separators, time of day)
and the variants the stages match with.

Variants
--------
``CHROME_DATE_RE`` (clean)
    A full numeric date, optional ``HH:MM[:SS]`` clock time: how a page's chrome writes the
    publication time (2021-01-23 08:11:33 · 2020年07月16日 08:13 · 2020/02/01).
``DATETIME_RE`` (metadata)
    The same date with a looser time of day (08时13分, 08 : 13) and named groups
    ``y m d H M S`` for ``parse_datetime``.
``DATELINE_DATE_RE`` (metadata)
    The month and day of a dateline lead (中新网上海3月16日电), cut off to find the outlet.
``MONTH_DAY_RE`` (claims)
    The date of a claim in running text, matched on the simplified shadow: 月日 with an
    optional written year (2020年 / 二〇二〇年) or relative year (去年), Chinese or arabic
    numerals, an optional second day (1月21日至29日: the first day counts), or an ISO date
    (2020-02-01). Groups ``y rel m d`` / ``iy im id``; ``month_day_date`` turns a match
    into a ``date``.

>>> bool(CHROME_DATE_RE.fullmatch("2020年07月16日 08:13"))
True
>>> DATETIME_RE.search("发布时间:2021-01-23 08时11分33").group("y", "m", "d", "H", "M", "S")
('2021', '01', '23', '08', '11', '33')
>>> DATETIME_RE.search("更新时间 2012年12月10日, 格林尼治标准时间10:41").group("d", "H", "M")
('10', '10', '41')
>>> from datetime import datetime
>>> [str(month_day_date(m, datetime(2021, 1, 23))) for m in MONTH_DAY_RE.finditer("去年十二月三十日与1月19号")]
['2020-12-30', '2021-01-19']
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from pipeline.lexicons import leading_class

from .numerals import digit_string, small_int

# ---------------------------------------------------------------------------
# Pieces

#: A four-digit year of this or the last century, any decimal digits (chrome, as written).
YEAR = r"(?:19|20)\d{2}"
#: The same year in ASCII digits (claims: the shadow maps full-width digits to ASCII).
YEAR_ASCII = r"(?:19|20)[0-9]{2}"
MONTH = r"\d{1,2}"
DAY = r"\d{1,2}"
MONTH_ASCII = DAY_ASCII = r"[0-9]{1,2}"
#: Any four-digit year written in running text (a claim's date: 2020年).
YEAR_WRITTEN = r"[0-9]{4}"
#: A year written in Chinese digits (二〇二〇).
YEAR_CN = r"[零〇一二三四五六七八九]{4}"
MONTH_CN = r"十[一二]?|[一二三四五六七八九]"
DAY_CN = r"[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
#: Relative years and their offset from the publication year.
RELATIVE_YEAR = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}
RELATIVE_YEAR_WORDS = "|".join(RELATIVE_YEAR)

#: Separators: numeric dates (2020-02-01, 2020/02/01, 2020.02.01).
NUMERIC_SEPARATOR = r"[-/.]"
#: After the year / after the month, numeric or written (2020年07月16日).
AFTER_YEAR = r"\s*[-/.年]\s*"
AFTER_MONTH = r"\s*[-/.月]\s*"
#: Day markers: 日 in chrome; 日 or 号 in running text.
DAY_MARK = "[日号]"
#: Between the two ends of a date range (1月21日至29日).
RANGE_SEPARATOR = r"至|到|-|—|－|~"

#: Clock time as chrome writes it, colons only (08:13, 08:11:33).
CLOCK_TIME = r"\d{1,2}[:：]\d{2}(?::\d{2})?"
#: Time of day with named groups, colons or 时/分 (08:13, 08时13分33).
TIME_OF_DAY = r"(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2}))?"

#: A time zone named between a date and its time (2012年12月10日, 格林尼治标准时间10:41: BBC
#: Chinese's pages); the time is kept as written, in the zone the page names.
TIME_ZONE_WORDS = ("北京时间", "格林尼治标准时间", "格林威治标准时间", "格林尼治时间", "格林威治时间", "GMT", "UTC")
BEFORE_TIME = rf"\s*(?:[,，]\s*)?(?:(?:{'|'.join(TIME_ZONE_WORDS)})\s*)?"

#: Year, month, day in digits, numeric or 年月日 separators (the date of a page).
FULL_DATE = rf"(?P<y>{YEAR}){AFTER_YEAR}(?P<m>{MONTH}){AFTER_MONTH}(?P<d>{DAY})\s*日?"

# ---------------------------------------------------------------------------
# Variants

CHROME_DATE_PATTERN = rf"{FULL_DATE}(?:{BEFORE_TIME}{CLOCK_TIME})?"
DATELINE_DATE_PATTERN = rf"{MONTH}月{DAY}日"
DATETIME_PATTERN = rf"{FULL_DATE}(?:{BEFORE_TIME}{TIME_OF_DAY})?"

_MONTH_ANY = rf"{MONTH_ASCII}|{MONTH_CN}"
_DAY_ANY = rf"{DAY_ASCII}|{DAY_CN}"
MONTH_DAY_PATTERN = (
    rf"(?:(?P<y>(?<![0-9]){YEAR_WRITTEN}|{YEAR_CN})年|(?P<rel>{RELATIVE_YEAR_WORDS}))?"
    rf"(?<![0-9])(?P<m>{_MONTH_ANY})月(?:份)?"
    rf"(?P<d>{_DAY_ANY}){DAY_MARK}"
    rf"(?:(?:{RANGE_SEPARATOR})(?:(?:{_MONTH_ANY})月)?(?:{_DAY_ANY}){DAY_MARK})?"
    rf"|(?<![0-9])(?P<iy>{YEAR_ASCII})(?P<sep>{NUMERIC_SEPARATOR})(?P<im>{MONTH_ASCII})(?P=sep)(?P<id>{DAY_ASCII})(?![0-9])"
)

CHROME_DATE_RE = re.compile(CHROME_DATE_PATTERN)
DATETIME_RE = re.compile(DATETIME_PATTERN)
DATELINE_DATE_RE = re.compile(DATELINE_DATE_PATTERN)
MONTH_DAY_RE = leading_class(MONTH_DAY_PATTERN)


def month_day_date(m: re.Match, published_at) -> Optional[date]:
    """The ``date`` of a ``MONTH_DAY_RE`` match. Without a written year the year comes from
    ``published_at``, minus one when the month is after the publication month (a 12月 date in
    a January article); a relative year (去年) shifts it. ``None`` without either, or when the
    numbers are no calendar date."""
    if m.group("iy"):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        mo, d = small_int(m.group("m")), small_int(m.group("d"))
        if mo is None or d is None:
            return None
        written = m.group("y")
        if written:
            y = int(written) if written.isdigit() else int(digit_string(written))
        else:
            if published_at is None:
                return None
            y = published_at.year
            rel = m.group("rel")
            if rel:
                y += RELATIVE_YEAR[rel]
            elif mo > published_at.month:
                y -= 1
    try:
        return date(y, mo, d)
    except (ValueError, TypeError):
        return None
