"""Where the article ends inside the text below its last paragraph: a line alone that ends it (阅读剩余全文,
a box of other stories headed 值班总编推荐: chrome_end_markers.tsv); teasers of other stories, a line
that ends as a link to the rest of another story (【详细】, 详细>>) or as its excerpt cut short
(…46人因参…: chrome_teaser_endings.tsv), with the headline written right above it; and a list of
other stories' headlines that closes the extracted text (trafilatura writes a list item ``- …``).

``article_end(lines, start, end)`` takes the page's lines (objects with ``simp``, ``kind`` and
``n_cjk``, as ``pipeline/clean.py`` builds them) and the body's first and last line, and returns
the body's last line after the three cuts, in that order. Each cut ends the body at the last text
line before what it finds only when the body has no more text from there on than before it:

* ``end_before_marker``: the first end marker;
* ``end_before_teasers``: the first teaser and its headline;
* ``end_before_tail_list``: a list of two items or more that runs to the body's end, unless the
  line before it introduces it (…如下：).

>>> from types import SimpleNamespace as L
>>> lines = [L(simp="江门警方提示，切勿轻易相信来电。", kind="text", n_cjk=14),
...          L(simp="香港警方：示威行动未发生致命事件", kind="text", n_cjk=14),
...          L(simp="港铁公司表示，有46人因参…", kind="text", n_cjk=11)]
>>> end_before_teasers(lines, 0, 2)
0
"""
from __future__ import annotations

import re
from typing import Optional

from ..lexicons import lexicon_alternation

_END_MARKER = re.compile(rf"(?:{lexicon_alternation('chrome_end_markers')})")
_MARKER_WRAPPING = re.compile(r"[\s()（）\[\]【】<>《》:：>»|｜]+")
_TEASER_END = re.compile(rf"(?:{lexicon_alternation('chrome_teaser_endings')})\s*$")
_SENTENCE_END = re.compile(r"[。！？!?]")
#: the longest line read as a teaser's headline (its own line, no sentence ending)
_HEADLINE_MAX_CHARS = 40
_LIST_ITEM = re.compile(r"^[-•]\s")
#: a line this short between a closing list's items (a box's heading, 关注我们) goes with them
_SHORT_LINE_MAX_CHARS = 20


def article_end(lines, start: int, end: int) -> int:
    end = end_before_marker(lines, start, end)
    end = end_before_teasers(lines, start, end)
    return end_before_tail_list(lines, start, end)


def _text_cjk(lines, a: int, b: int) -> int:
    """CJK characters of the text lines ``lines[a:b]``."""
    return sum(ln.n_cjk for ln in lines[a:b] if ln.kind == "text")


def _last_text_line(lines, a: int, b: int) -> Optional[int]:
    """The last text line of ``lines[a:b]``, or None."""
    return max((i for i in range(a, b) if lines[i].kind == "text"), default=None)


def end_before_marker(lines, start: int, end: int) -> int:
    for k in range(start + 1, end + 1):
        if _END_MARKER.fullmatch(_MARKER_WRAPPING.sub("", lines[k].simp)):
            if _text_cjk(lines, start, k) >= _text_cjk(lines, k + 1, end + 1):
                last = _last_text_line(lines, start, k)
                return end if last is None else last
    return end


def is_teaser(simp: str) -> bool:
    return bool(_TEASER_END.search(simp))


def end_before_teasers(lines, start: int, end: int) -> int:
    for k in range(start + 1, end + 1):
        if lines[k].kind != "text" or not is_teaser(lines[k].simp):
            continue
        if _text_cjk(lines, start, k) < _text_cjk(lines, k, end + 1):
            return end
        cut = k
        previous = _last_text_line(lines, start, k)
        if previous is not None and previous > start and not _SENTENCE_END.search(lines[previous].simp) \
                and len(lines[previous].simp) <= _HEADLINE_MAX_CHARS:
            cut = previous  # 香港警方：…谴责造谣者 above its excerpt: the teaser's headline
        last = _last_text_line(lines, start, cut)
        return end if last is None else last
    return end


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
    last = _last_text_line(lines, start, first)
    if last is None or lines[last].simp.rstrip().endswith(("：", ":")):
        return end  # (具体措施如下：- …: the article's own list)
    return last if _text_cjk(lines, start, first) >= _text_cjk(lines, first, end + 1) else end
