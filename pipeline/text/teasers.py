"""Teasers of other stories below an article's last paragraph: a line that ends as a link to
the rest of another story (【详细】, 详细>>) or as its excerpt cut short (…46人因参…:
chrome_teaser_endings.tsv), with the headline written right above it; and a list of other
stories' headlines that closes the extracted text (trafilatura writes a list item ``- …``).

``end_before_teasers(lines, start, end)`` takes the page's lines (objects with ``simp``, ``kind``
and ``n_cjk``, as ``pipeline/clean.py`` builds them) and the body's first and last line, and
returns the body's last line: the last text line before the first teaser and its headline, when
the body has no more text from the teaser on than before it; else ``end``.
``end_before_tail_list(lines, start, end)`` likewise for a list of two items or more that runs to
the body's end, unless the line before it introduces it (…如下：).

>>> from types import SimpleNamespace as L
>>> lines = [L(simp="江门警方提示，切勿轻易相信来电。", kind="text", n_cjk=14),
...          L(simp="香港警方：示威行动未发生致命事件", kind="text", n_cjk=14),
...          L(simp="港铁公司表示，有46人因参…", kind="text", n_cjk=11)]
>>> end_before_teasers(lines, 0, 2)
0
"""
from __future__ import annotations

import re

from ..lexicons import lexicon_alternation

_TEASER_END = re.compile(rf"(?:{lexicon_alternation('chrome_teaser_endings')})\s*$")
_SENTENCE_END = re.compile(r"[。！？!?]")
#: the longest line read as a teaser's headline (its own line, no sentence ending)
_HEADLINE_MAX_CHARS = 40


def is_teaser(simp: str) -> bool:
    return bool(_TEASER_END.search(simp))


def end_before_teasers(lines, start: int, end: int) -> int:
    for k in range(start + 1, end + 1):
        if lines[k].kind != "text" or not is_teaser(lines[k].simp):
            continue
        before = sum(ln.n_cjk for ln in lines[start:k] if ln.kind == "text")
        after = sum(ln.n_cjk for ln in lines[k:end + 1] if ln.kind == "text")
        if before < after:
            return end
        cut = k
        previous = max((i for i in range(start, k) if lines[i].kind == "text"), default=start)
        if previous > start and not _SENTENCE_END.search(lines[previous].simp) \
                and len(lines[previous].simp) <= _HEADLINE_MAX_CHARS:
            cut = previous  # 香港警方：…谴责造谣者 above its excerpt: the teaser's headline
        return max((i for i in range(start, cut) if lines[i].kind == "text"), default=end)
    return end


_LIST_ITEM = re.compile(r"^[-•]\s")
#: a line this short between a closing list's items (a box's heading, 关注我们) goes with them
_SHORT_LINE_MAX_CHARS = 20


def end_before_tail_list(lines, start: int, end: int) -> int:
    k, items = end, 0
    while k > start:
        ln = lines[k]
        if ln.kind == "text" and _LIST_ITEM.match(ln.simp):
            items += 1
        elif ln.kind == "text" and not (items and len(ln.simp) <= _SHORT_LINE_MAX_CHARS):
            break
        k -= 1
    if items < 2:
        return end
    # the list opens at its first item: a short line before it is the article's (…买不如租”……)
    first = next(i for i in range(k + 1, end + 1) if lines[i].kind == "text" and _LIST_ITEM.match(lines[i].simp))
    last = max((i for i in range(start, first) if lines[i].kind == "text"), default=None)
    if last is None or lines[last].simp.rstrip().endswith(("：", ":")):
        return end  # (具体措施如下：- …: the article's own list)
    before = sum(ln.n_cjk for ln in lines[start:first] if ln.kind == "text")
    after = sum(ln.n_cjk for ln in lines[first:end + 1] if ln.kind == "text")
    return last if before >= after else end
