"""Deeply nested HTML made shallow enough for the main-content extractor.

Contract
--------
libxml2, under trafilatura, stops building the tree of an HTML page past a depth of about 255
elements, so an article wrapped in thousands of ``<div>``s used to come out as ``no_body``.
``flatten(html, limit)`` returns the page with every element deeper than ``limit`` unwrapped
(its tags dropped, its text kept in place; paragraphs and headings keep their tags), or ``None`` when the page
never nests deeper than ``limit`` (nothing to do). It uses the standard library's streaming
``HTMLParser``, which keeps no tree and so has no depth limit. Text, entities, comments and
attributes pass through unchanged; ingest calls it only when extraction found nothing.

>>> page = "<html><body>" + "<div>" * 300 + "<p>正文</p>" + "</div>" * 300 + "</body></html>"
>>> flat = flatten(page, limit=50)
>>> flat.count("<div>"), "<p>正文</p>" in flat, flatten("<p>浅</p>", limit=50)
(48, True, None)
"""
from __future__ import annotations

from html.parser import HTMLParser
from typing import Optional

#: deeper than this the extractor is given a flattened page (libxml2 gives up at ~255)
DEPTH_LIMIT = 120

# paragraphs and headings keep their tags at any depth (a paragraph closes the one before it, so
# they do not nest): the extractor reads paragraph breaks from them
_PARAGRAPHS = frozenset("p h1 h2 h3 h4 h5 h6".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def flatten(html: str, limit: int = DEPTH_LIMIT) -> Optional[str]:
    parser = _Flattener(limit)
    parser.feed(html)
    parser.close()
    return "".join(parser.out) if parser.deepest > limit else None


class _Flattener(HTMLParser):
    def __init__(self, limit: int):
        super().__init__(convert_charrefs=False)
        self.limit = limit
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, written)
        self.deepest = 0
        self.written = 0  # elements written among those open

    def handle_starttag(self, tag, attrs):
        text = self.get_starttag_text()
        if tag in _VOID:
            self.out.append(text)
            return
        written = self.written < self.limit or tag in _PARAGRAPHS
        self.stack.append((tag, written))
        self.written += written
        self.deepest = max(self.deepest, len(self.stack))
        if written:
            self.out.append(text)

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                written = self.stack[i][1]
                self.written -= sum(w for _, w in self.stack[i:])
                del self.stack[i:]
                if written:
                    self.out.append(f"</{tag}>")
                return
        # an end tag that closes nothing open is dropped, as a browser does

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")
