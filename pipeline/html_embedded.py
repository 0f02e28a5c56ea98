"""An article body that a saved page carries only inside a script.

Pages rendered in the browser by JavaScript (a news app's web page, a portal's article template)
may ship the article as a string in a script, with an empty ``<div id="root">`` where it will be
shown: ``articleInfo: {content: '&lt;p&gt;第一段……&lt;/p&gt;'}``, or JSON state such as
``window.__INITIAL_STATE__ = {"content": "<p>\\u7b2c…</p>"}``. Saved before the script ran, such a
page shows a reader no article, and the main-content extractor finds none either.

Contract
--------
``script_article(html) -> list[str]``: the visible lines of the string literal in the page's
``<script>`` elements that is HTML markup holding the most prose (after undoing JavaScript/JSON
escapes and HTML entities), or ``[]`` when no script holds one. Ingest reads it only when neither
the extracted body nor the page's visible text holds more than a few prose characters
(``[clean] script_body_max_page_prose``), so it costs nothing on an ordinary page and never replaces a
short article the page shows by another story a script carries (a recommended item).

>>> page = ('<html><body><div id="root"></div><script>var BASE_DATA = {articleInfo: {'
...         "content: '&lt;div&gt;&lt;p&gt;村党支部书记带领党员连夜值守，守住了村口。&lt;/p&gt;"
...         "&lt;p&gt;全村共有党员三十二名，都参加了防控工作。&lt;/p&gt;&lt;/div&gt;'}}</script></body></html>")
>>> script_article(page)
['村党支部书记带领党员连夜值守，守住了村口。', '全村共有党员三十二名，都参加了防控工作。']
"""
from __future__ import annotations

import html as html_entities
import re

from .html_page import is_prose, prose_chars, visible_lines
from .text.chars import cjk_count

_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
#: a string literal in double or single quotes, with backslash escapes, to its closing quote or the end
#: of its line: every match consumes what it read, so an unclosed quote costs one pass, not one per quote
_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*+)(?:"|$)' + r"|'((?:[^'\\\n]|\\.)*+)(?:'|$)", re.MULTILINE)
#: shorter literals hold no article
_LITERAL_MIN_CHARS = 80
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.DOTALL)
#: a CJK character written as a JSON escape (\u7b2c)
_CJK_ESCAPE = re.compile(r"\\u[4-9][0-9a-fA-F]{3}")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "", "b": "", "f": "", "v": "", "0": ""}
#: markup a body is written in: a paragraph, a line break or a block
_MARKUP = re.compile(r"<(?:p|br|div|section|span)\b", re.IGNORECASE)


def _unescape(literal: str) -> str:
    """A JavaScript or JSON string literal's value (\\u7b2c, \\x41, \\", \\/, \\n …)."""
    def one(m: re.Match) -> str:
        code = m.group(1)
        if code[0] in "ux" and len(code) > 1:
            return chr(int(code[1:], 16))
        return _SIMPLE_ESCAPES.get(code, code)
    return _ESCAPE.sub(one, literal)


def script_article(html: str) -> list[str]:
    """Visible lines of the script string that holds the most prose (see the module docstring)."""
    import lxml.html
    from lxml import etree

    best: list[str] = []
    best_prose = 0
    for script in _SCRIPT.finditer(html):
        body = script.group(1)
        if cjk_count(body) + len(_CJK_ESCAPE.findall(body)) < 20:
            continue  # (most scripts hold code and no Chinese text at all)
        for m in _LITERAL.finditer(body):
            literal = m.group(1) if m.group(1) is not None else m.group(2)
            if len(literal) < _LITERAL_MIN_CHARS:
                continue
            value = _unescape(literal)
            if "<" not in value:  # markup written as entities (&lt;p&gt;): undone once, not twice
                value = html_entities.unescape(value)
            if not _MARKUP.search(value) or cjk_count(value) < 20:
                continue
            try:
                fragment = lxml.html.fragment_fromstring(value, create_parent="div")
            except (etree.ParserError, ValueError):
                continue
            for bad in list(fragment.iter("script", "style", etree.Comment)):
                bad.drop_tree()
            lines, links = visible_lines(fragment)
            lines = [line for line in lines if line]
            prose = prose_chars(lines, frozenset(links))
            if prose > best_prose and any(is_prose(line) for line in lines):
                best, best_prose = lines, prose
    return best
