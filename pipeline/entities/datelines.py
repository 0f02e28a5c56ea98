"""Datelines: the agency-and-place lead the cleaner cuts from a story's first line.

Contract
--------
``dateline_leads(bylines) -> list[str]``: from the byline fragments ``clean`` cut out of the
body (``CleanPage.bylines``, in the page's script), the simplified leads that end in a day and
电 or 讯 (新华社北京11月17日电, 中新网上海5月3日电); the reporters' parenthesis after it is not
part of the lead. The entities stage reads each lead like a caption: the agency becomes an
organization row and the city a place row, with the offsets of their first body mention, or
none. A lead without a day (河北日报讯, 央视网消息) is left to the byline rules, and a lead of
本报 names no outlet.

>>> dateline_leads(["新华社深圳5月12日电（记者戴小河、印朋）", "河北日报讯（记者 董昌）", "本报北京5月3日电"])
['新华社深圳5月12日电']
>>> dateline_leads(["新華社北京11月17日電", "本溪日报本溪5月3日讯", "新华社北京十一月十七日电"])
['新华社北京11月17日电', '本溪日报本溪5月3日讯', '新华社北京十一月十七日电']

``dateline_agency(line) -> str | None``: the outlet a line's dateline lead opens with, when
``outlets.tsv`` knows it (the reporters in its parenthesis work for it, whatever site carries
the story).

>>> dateline_agency("新华社北京5月19日电（刘艺、"), dateline_agency("本报北京5月3日电（记者"), dateline_agency("记者 张三")
('新华社', None, None)
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from ..lexicons import lexicon_alternation
from ..outlets import known_outlet
from ..resources import to_simplified_lines
from ..text.chars import HAN
from ..text.dates import DAY_ASCII, DAY_CN, MONTH_ASCII, MONTH_CN

# the one dateline date grammar (pipeline/text/dates.py), in figures or in words (十一月十七日电),
# then a dateline ending of dateline_words.tsv that a day is written before (电, 讯)
_DAY = rf"(?:(?:{MONTH_ASCII}|{MONTH_CN})月)?(?:{DAY_ASCII}|{DAY_CN})日"
_DATELINE = re.compile(rf"^[{HAN}]{{2,16}}?{_DAY}(?:{lexicon_alternation('dateline_words')})")
_OWN_OUTLET = ("本报", "本刊", "本台", "本网", "本站")  # "our paper": names no outlet


def dateline_leads(bylines: Sequence[str]) -> list[str]:
    leads = []
    for line in to_simplified_lines([b.replace(" ", "").replace("\u3000", "") for b in bylines]):
        m = _DATELINE.match(line)
        if m and not line.startswith(_OWN_OUTLET):
            leads.append(m.group())
    return leads


#: the longest outlet name looked for at a lead's start (中国新闻社, 经济日报, 中国青年报)
_AGENCY_MAX_CHARS = 8


def dateline_agency(line: str) -> Optional[str]:
    leads = dateline_leads([line])
    if not leads:
        return None
    lead = leads[0]
    return next((lead[:n] for n in range(min(_AGENCY_MAX_CHARS, len(lead)), 1, -1) if known_outlet(lead[:n])), None)
