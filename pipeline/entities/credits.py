"""Credits: the reporters, photographers and editors a page's chrome names, with their role and
outlet; and how a short name abbreviates a longer one.

Contract
--------
``byline_credits(meta, clean) -> list[BylineCredit]``: one credit per author and editor of the
metadata, with the title the credit line writes before the name (记者, 通讯员, 摄影, 作者, 责编 …)
and the outlet as written there (新华社记者, 南都记者, 《棱镜》作者), else the page's outlet.
``abbreviates(short, name)``: ``short`` is ``name`` with some characters left out, in order, and
what is left out names no place (世卫组织 of 世界卫生组织; not 中国代表团 of 中国香港代表团).

>>> abbreviates("世卫组织", "世界卫生组织"), abbreviates("中国代表团", "中国香港代表团")
(True, False)
>>> _credit_role_and_outlet("《棱镜》作者", "腾讯网")
('作者', '棱镜')
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional, Sequence

from ..gazetteer import place_level
from ..lexicons import alternation, lexicon
from ..outlets import known_outlet
from ..records import ArticleMetadata, CleanPage
from ..resources import jieba_word_tags, to_simplified_lines
from ..text.chars import HAN
from .datelines import dateline_agency
from .organizations import outlet_names

_BYLINE_ROLE = re.compile(f"({alternation(lexicon('byline_roles').words())})")
#: an outlet in title marks or known by a short name before the role (《棱镜》作者, 南都记者)
_SHORT_OUTLET_BEFORE_ROLE = re.compile(rf"(?:《([^》]{{1,12}})》|([{HAN}]{{2,6}}))(?:记者|通讯员|作者)$")
_BYLINE_OUTLET = re.compile(
    rf"([{HAN}]{{2,12}}?(?:{alternation(lexicon('outlet_suffixes').flagged('byline'))}))(?:讯)?[(（]?(?:记者|通讯员)")


class BylineCredit(NamedTuple):
    """A reporter, photographer or editor credited in the chrome."""

    name: str
    title: str
    organization: Optional[str]
    context: Optional[str]

    @property
    def role(self) -> str:
        """The people table's role of the credit's title (记者 → reporter, 责编 → editor)."""
        return _PERSON_ROLE[self.title]


#: A credit's title → the person's role (byline_roles.tsv, column person_role).
_PERSON_ROLE = lexicon("byline_roles").mapping("person_role")


def left_out(short: str, name: str) -> tuple[str, bool]:
    """The characters of ``name`` that ``short`` leaves out, reading both in order, and whether
    every character of ``short`` was found so (``short`` is ``name`` with some left out)."""
    left_out, i = [], 0
    for ch in name:
        if i < len(short) and ch == short[i]:
            i += 1
        else:
            left_out.append(ch)
    return "".join(left_out), i == len(short)


def abbreviates(short: str, name: str) -> bool:
    """``short`` is ``name`` or written with some of its characters left out, in order, where what
    is left out names no place (中国代表团 is not 中国香港代表团)."""
    dropped, in_order = left_out(short, name)
    # place_level reads the division table first: any division's level is other than region
    return in_order and not (dropped and (place_level(dropped) != "region"
                                      or jieba_word_tags().get(dropped) == "ns"))


def _compact(line: str) -> str:
    """A credit line without spaces (河北日报记者 董 昌 → 河北日报记者董昌): names are matched so."""
    return line.replace(" ", "").replace("\u3000", "")


def _role_before(before: str) -> Optional[str]:
    """The last credit word written before a name on its line (责编：郝帅、杨迪 → 责编)."""
    role = None
    for r in _BYLINE_ROLE.finditer(before):
        role = r.group(1)
    return role


def _without_names(before: str, names: Sequence[str]) -> str:
    """``before`` without the names of a list written before the name (南都记者余毅菁 + 向雪妮)."""
    changed = True
    while changed:
        changed = False
        for other in names:
            stripped = before.rstrip("、,，")
            if other and stripped.endswith(other) and len(stripped) > len(other):
                before, changed = stripped[:-len(other)], True
    return before


#: a body line this short may be a credit line (《棱镜》作者 周纯), longer ones are prose
_BODY_CREDIT_LINE_CHARS = 24


def _credit_role_and_outlet(before: str, source_outlet: Optional[str]) -> tuple[str, Optional[str]]:
    """The title and outlet a credit line writes before an author's name (新华社记者, 南都记者,
    《棱镜》作者, 通讯员)."""
    title = "记者"
    role = _role_before(before)
    if role is None or _PERSON_ROLE[role] == "editor":
        pass  # no word, or an editor's word for a name read as an author: a reporter
    elif _PERSON_ROLE[role] == "photographer":
        title = "记者" if "记者" in before else "摄影"  # 记者 张三 摄: the reporter took it
    else:
        title = role  # as written: 评论员, 通讯员, 编译, 作者
    m = _BYLINE_OUTLET.search(before)
    short = _SHORT_OUTLET_BEFORE_ROLE.search(before)
    if m and not m.group(1).startswith("本"):
        return title, m.group(1)
    if short and (short.group(1) or known_outlet(short.group(2))
                  or source_outlet and abbreviates(short.group(2), source_outlet)):
        return title, short.group(1) or short.group(2)  # 南都记者 (of 南方都市报), 《棱镜》作者: as written
    # 新华社北京5月19日电（刘艺、杨吉） on another outlet's site: the agency's reporters
    return title, dateline_agency(before)


def byline_credits(meta: ArticleMetadata, clean: CleanPage) -> list[BylineCredit]:
    """Authors and editors named in the chrome, with their role and outlet."""
    out = []
    chrome = list(clean.bylines) + list(clean.captions) + list(clean.footer) + list(clean.header)
    # bylines and chrome are in the page's script; roles and names are matched in simplified,
    # and the line a credit comes from is reported in simplified like every other string
    compact = to_simplified_lines([_compact(c) for c in chrome])
    compact_chrome = list(zip(to_simplified_lines(chrome), compact))
    source_outlet = next(iter(outlet_names(meta.source)), None)
    compact_chrome += [(line, _compact(line)) for line in meta.credit_lines]  # simplified already
    # a credit line the extractor left in the body (《棱镜》作者 周纯 closing a qq.com article): read
    # last, so the chrome's own lines come first
    compact_chrome += [(line, _compact(line)) for line in clean.text.split("\n")
                       if len(line) <= _BODY_CREDIT_LINE_CHARS]
    for name in meta.authors:
        title, org, context = "记者", None, None
        # the first line that names the author, or a later one that names the outlet too (作者：周纯
        # in the header, 《棱镜》作者 周纯 in the body's chrome)
        for raw, compact in compact_chrome:
            i = compact.find(name)
            if i < 0:
                continue
            before = _without_names(compact[:i], meta.authors)  # 南都记者 余毅菁 + 向雪妮
            line_title, line_org = _credit_role_and_outlet(before, source_outlet)
            if context is None:
                context, title, org = raw, line_title, line_org
            elif org is None and line_org is not None:
                context, title, org = raw, line_title, line_org
            if org is not None:
                break
        out.append(BylineCredit(name, title, org or source_outlet, context))
    for name in meta.editors:
        title, context = "编辑", None
        for raw, compact in compact_chrome:
            i = compact.find(name)
            if i >= 0:
                role = _role_before(compact[:i])
                title, context = (role if role and _PERSON_ROLE[role] == "editor" else "编辑"), raw
                break
        out.append(BylineCredit(name, title, source_outlet, context))
    return out
