"""Teasers of other stories below an article's last paragraph: a line that ends as a link to
the rest of another story (【详细】, 详细>>) or as its excerpt cut short (…46人因参…:
chrome_teaser_endings.tsv), with the headline written right above it.

``end_before_teasers(lines, start, end)`` takes the page's lines (objects with ``simp``, ``kind``
and ``n_cjk``, as ``pipeline/clean.py`` builds them) and the body's first and last line, and
returns the body's last line: the last text line before the first teaser and its headline, when
the body has no more text from the teaser on than before it; else ``end``.

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
