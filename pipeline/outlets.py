"""Outlets: the canonical name, level and kind of the outlet a page names as its source.

Contract
--------
``outlet_of(source) -> Outlet(name, level, kind)`` (each ``None`` when unknown);
``known_outlet(name)`` says whether it is known. ``source`` is
kept as written on ``articles``; this gives what an analyst groups by. Knowledge is
``outlets.tsv`` (names as pages write them → canonical outlet, level, kind); the rules:

1. the source itself, simplified, without spaces, is a listed name;
2. else its first part before a separator (``-`` ``—`` ``·`` ``|`` ``_``) or before a channel
   (``人民网-健康频道``, ``人民网健康频道``, ``中国证券报·中证网``) is a listed name;
3. else a ``《paper》`` inside it is a listed name (``光明网-《光明日报》``);
4. else ``<division>日报`` (a province, city or county of the gazetteer) is that division's
   party paper: provincial for a province, local below (``宜昌日报``).

>>> outlet_of("中新网"), outlet_of("人民网-健康频道").name, outlet_of("湖北日报").level
(Outlet(name='中国新闻网', level='central', kind='news_site'), '人民网', 'provincial')
>>> outlet_of("某某自媒体")
Outlet(name=None, level=None, kind=None)
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional

from .lexicons import lexicon


class Outlet(NamedTuple):
    name: Optional[str] = None
    level: Optional[str] = None
    kind: Optional[str] = None


_SEPARATORS = re.compile(r"\s*[-—–·•|｜_/／]+\s*")
_CHANNEL_END = re.compile(r"(?:频道|客户端|公众号|官方微博)$")
_PAPER = re.compile(r"《(?P<paper>[^》]{2,12})》")
_DAILY = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,10}?)日报$")


@lru_cache(maxsize=1)
def _table() -> dict[str, Outlet]:
    return {r.word: Outlet(r.outlet, None if r.level == "-" else r.level, r.kind)
            for r in lexicon("outlets").records()}


def _known(name: str) -> Optional[Outlet]:
    return _table().get(re.sub(r"\s+", "", name))


@lru_cache(maxsize=4096)
def outlet_of(source: Optional[str]) -> Outlet:
    if not source:
        return Outlet()
    hit = _known(source)
    if hit:
        return hit
    first = _SEPARATORS.split(source.strip())[0]
    if _known(first):
        return _known(first)
    if _CHANNEL_END.search(first):  # 人民网健康频道: the longest listed outlet it opens with
        for i in range(len(first) - 2, 1, -1):
            if _known(first[:i]):
                return _known(first[:i])
    paper = _PAPER.search(source)
    if paper and _known(paper.group("paper")):
        return _known(paper.group("paper"))
    daily = _DAILY.match(source.strip())
    if daily:
        from .gazetteer import divisions

        level = divisions().get(daily.group("place"))
        if level in ("province", "city", "district", "county"):
            return Outlet(source.strip(), "provincial" if level == "province" else "local", "party_paper")
    return Outlet()


def known_outlet(name: Optional[str]) -> bool:
    """``name`` is an outlet the lexicon knows (by the rules of :func:`outlet_of`)."""
    return outlet_of(name).name is not None
