"""Numeric claims ("statistics") found in a cleaned, simplified article body.

Contract
--------
``extract_statistics(text, sentence_spans, article_id="") -> list[NumericClaim]``

* ``text`` is the cleaned body (simplified script; traditional forms such as
  萬 億 餘 個 兩 幾 are accepted too and give the same rows);
  ``sentence_spans`` are ``(start, end)`` offsets covering ``text`` (empty →
  the whole text is one sentence).
* Claims come back in text order. ``text[c.start:c.end] == c.text`` (the span
  as written: qualifier + number + unit, plus the counted noun when it is
  adjacent: ``20.1万名党员``, ``口罩10万只``, ``日供防护服、隔离衣2万套``);
  ``c.sentence`` is the containing sentence.
* ``value`` has the multiplier applied (20.1万 → 201000, 12余万元 → 120000,
  半个多月 → 0.5, 百分之三十二点八 → 32.8); ``unit`` is the measure word
  without the multiplier (万元 → 元); ``qualifier`` is one of ``None``,
  ``more_than`` (余 多 以上 超过 几十), ``nearly`` (近 将近), ``about``
  (约 左右 五六个), ``at_least`` (至少 上千), ``less_than`` (不到 以下),
  ``range`` (3至5万人: ``value`` = lower bound, ``value_max`` = upper bound; the upper
  bound is also a row of its own, ``5万人`` with qualifier ``range_max``);
  approximate pairs (五六个小时) give ``value`` 5, ``value_max`` 6, ``about``.
* A number with a multiplier and no measure word takes its counted noun as ``unit``
  (20多万华商 → 华商, 900多万人口 → 人口), or ``""`` when no noun follows (近50万).
* A quantity repeated with the same value, unit and (overlapping) subject is
  reported once, at its first mention: the gold standard is a set per article.
  ``claim_mentions`` gives every mention with the repeats marked; the statistics stage keeps
  a repeat that another division owns once places are attached
  (``totals.keep_repeats_of_other_places``: 石家庄市组织100名党员 … 株洲市组织100名党员).

Grammar (matched on a same-length simplified "shadow" of the text: ``shadow.py``)
--------------------------------------------------------------------------------
::

    claim   := [prefix] number [余|多|几] [mult] [余|多] unit [以上|以下|左右|之多]
             | [prefix] 百分之 number | number %
    prefix  := 近 | 将近 | 约 | 超过 | 逾 | 至少 | 不到 | 不足 | 仅 | 达 ...
             | (上 | 几 | 数) before a bare 十/百/千/万 (上千名, 几十个, 数万人次)
    number  := arabic (1,200 / 20.1) | chinese (两千三百, 十五) | pair (五六)
             | 半 | number (至|到|-|~) number           (ranges)
    mult    := 万 | 亿 | 千万 | 百万 | 千 | 百
    unit    := 名 个 位 人 人次 户 家 支 条 件 套 只 盒 瓶 份 台 辆 吨 公里 平方米
               元 天 小时 个小时 个昼夜 个月 年 岁 例 起 次 % ...

The word lists are lexicons (``pipeline/data/lexicons/claim_*.tsv``, loaded by
``words.py``); the pattern is built from them in ``grammar.py``. Only the numeral
part is converted (``pipeline.text.numerals``: ``cn2an.cn2an(..., "smart")`` for
regular numerals; a small converter of our own for what cn2an rejects or
glues: bare 千/百 after 近/上, 百分之…, thousands commas, approximate pairs,
half forms).

Modules: ``shadow`` (the shadow text), ``grammar`` (pattern, ``ClaimMatch``), ``figures`` (the
grammar's matches outside title marks, with the values sharing a unit),
``subject`` (the counted noun), ``before`` (the noun before a number, the clause's topic),
``events`` (the event a length after 为期/持续 is of), ``extract`` (``extract_statistics``),
``distribute`` (the figures given out to the items of a listed topic: 出口额和进口额分别…),
``context`` (``attach_context``: place, organization, date), ``classes`` (``subject_class``),
``totals`` (``mark_counted``: which claims are parts or restatements of another).

Not claims: dates and clock times (1月20日, 凌晨2时31分; N日 only counts
after 连续/持续/长达/历时), years (2020年), ordinals (第3轮), identifiers
(际华3502, P2, 05鑫港社区), generations (80后), 一级/十万级, single small
word numerals (一个个, 两户, 三个小组: value < 10 written in words, unless an
approximate pair 五六个 or with a multiplier 三万), ages (61岁的… — only an
average age 平均年龄67岁 is a claim), party tenure (24年党龄), bare 千/万
without a prefix (千家万户, 万家平安), time frames (3天后, 5年来).

>>> text = "全市4050个农村党组织、727个社区党组织,20.1万名党员投身一线。"
>>> [(c.text, c.value, c.unit, c.subject, c.qualifier)
...  for c in extract_statistics(text, [(0, len(text))])]  # doctest: +NORMALIZE_WHITESPACE
[('4050个农村党组织', 4050.0, '个', '农村党组织', None),
 ('727个社区党组织', 727.0, '个', '社区党组织', None),
 ('20.1万名党员', 201000.0, '名', '党员', None)]
>>> [(c.text, c.value, c.unit, c.qualifier) for c in extract_statistics("口罩110余万个,其他用品90余万盒(瓶)。", [])]
[('口罩110余万个', 1100000.0, '个', 'more_than'), ('用品90余万盒(瓶)', 900000.0, '盒(瓶)', 'more_than')]

``attach_context(claims, text, sentence_spans, places, organizations, published_at)``
fills each claim's place, organization and date from its sentence (``context.py``):

>>> from datetime import datetime
>>> from pipeline.records import PlaceRow, OrganizationRow
>>> text = "1月19日,全市4050个农村党组织投入战斗。目前,际华3502公司2条生产线运转。"
>>> spans = [(0, 22), (22, len(text))]
>>> claims = extract_statistics(text, spans)
>>> out = attach_context(claims, text, spans, [PlaceRow("", "石家庄市", "city", 3, 0, 4, None)],
...                      [OrganizationRow("", "际华3502公司", "company", 1, 25, 33, None)],
...                      datetime(2021, 1, 23))
>>> [(c.text, c.place, c.organization, str(c.date)) for c in out]
[('4050个农村党组织', '石家庄市', None, '2021-01-19'), ('2条生产线运转', None, '际华3502公司', 'None')]
"""
from __future__ import annotations

from pipeline.text.numerals import parse_number

from .classes import subject_class
from .context import attach_context
from .extract import claim_mentions, extract_statistics
from .totals import keep_repeats_of_other_places, mark_counted

__all__ = ["extract_statistics", "claim_mentions", "keep_repeats_of_other_places", "parse_number", "attach_context",
           "subject_class", "mark_counted"]
