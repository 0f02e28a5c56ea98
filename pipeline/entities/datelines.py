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
>>> dateline_leads(["新華社北京11月17日電"])
['新华社北京11月17日电']
"""
from __future__ import annotations

import re
from typing import Sequence

from ..resources import to_simplified_lines
from ..text.chars import HAN

_DATELINE = re.compile(rf"^[{HAN}]{{2,16}}?(?:\d{{1,2}}月)?\d{{1,2}}日(?:电|讯)")


def dateline_leads(bylines: Sequence[str]) -> list[str]:
    leads = []
    for line in to_simplified_lines([b.replace(" ", "").replace("\u3000", "") for b in bylines]):
        m = _DATELINE.match(line)
        if m and not line.startswith("本"):
            leads.append(m.group())
    return leads
