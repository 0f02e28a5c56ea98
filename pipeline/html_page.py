"""What a saved HTML page says about itself besides its body: tags, links and visible chrome.

Contract
--------
``page_facts(html) -> HtmlFacts`` parses the markup once (lxml, the parser under trafilatura)
and keeps what metadata and cleaning read later, as plain strings (the record is pickled
between processes and cached):

* ``title`` — the ``<title>``; ``h1`` — every ``<h1>``'s text;
* ``meta`` — ``(key, content)`` of every ``<meta>`` with a ``name``/``property``/``itemprop``
  (key lowercased: ``article:published_time``, ``og:site_name``, ``source``, ``publishdate``…),
  plus a WeChat article's account and time from its script (``wechat:nickname``, ``wechat:ct``)
  and the first publication time a script gives (``script:pubtime``) or a ``<time datetime>``
  element holds (``time:datetime``);
* ``jsonld`` — ``(field, value)`` from ``application/ld+json`` blocks: ``headline``,
  ``datePublished``, ``author`` and ``publisher`` names;
* ``url`` — the canonical link, else ``og:url``, else a ``url`` meta, when it is an absolute
  http(s) address of a page (a bare site root such as ``http://www.china.com.cn/`` is none);
* ``lines`` — the page's visible text, one line per block element, whitespace collapsed
  (scripts, styles, comments and templates dropped), in page order;
* ``link_lines`` — the lines made (mostly) of link text: the items of related-article lists,
  hot-news boxes and menus, which ingest keeps out of the body.

``prose_run(facts)`` is the page's densest run of prose lines (sentences, not links), what
ingest falls back on when the main-content extractor returned chrome instead of the article
(a WeChat page whose body sits in a ``<div>`` the extractor scores low).

>>> f = page_facts('<html><head><title>标题_新华网</title><link rel="canonical" href="http://a.cn/x.htm">'
...                '<meta property="og:site_name" content="新华网"></head><body><h1>标题</h1>'
...                '<p>正文第一段。</p><ul><li><a href="/y">相关新闻一</a> 2019-01-02</li></ul></body></html>')
>>> f.title, f.h1, f.url, f.meta_value("og:site_name"), f.lines
('标题_新华网', ('标题',), 'http://a.cn/x.htm', '新华网', ('标题', '正文第一段。', '相关新闻一 2019-01-02'))
>>> sorted(f.link_lines)
['相关新闻一2019-01-02']
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urlsplit

from .settings import section
from .text.chars import cjk_count

_BLOCK = frozenset("p div br li tr td th h1 h2 h3 h4 h5 h6 ul ol dl dd dt table section article header "
                   "footer aside nav blockquote pre figure figcaption form main center".split())
_DROP = ("script", "style", "noscript", "template", "select", "option", "textarea")
_SPACE = re.compile(r"\s+")
#: share of a line's CJK characters that sit inside links for it to count as a link line
LINK_SHARE = 0.6


def line_key(s: str) -> str:
    """A line without whitespace: how lines of the page and of the extracted body are compared."""
    return _SPACE.sub("", s)


@dataclass(frozen=True)
class HtmlFacts:
    title: Optional[str] = None
    h1: tuple[str, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()
    jsonld: tuple[tuple[str, str], ...] = ()
    url: Optional[str] = None
    lines: tuple[str, ...] = ()
    link_lines: frozenset = field(default_factory=frozenset)

    def meta_value(self, *keys: str) -> Optional[str]:
        """Content of the first non-empty meta among ``keys`` (in the order of ``keys``)."""
        for key in keys:
            for k, v in self.meta:
                if k == key and v.strip():
                    return v.strip()
        return None

    def jsonld_value(self, key: str) -> Optional[str]:
        return next((v for k, v in self.jsonld if k == key and v), None)


def page_url(url: Optional[str]) -> Optional[str]:
    """``url`` when it is an absolute http(s) address of a page, not a site's root."""
    if not url:
        return None
    url = url.strip()
    if url.startswith("//"):
        url = "http:" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if parts.path in ("", "/") and not parts.query:
        return None
    return url


def domain_of(url: Optional[str]) -> Optional[str]:
    """Host of ``url``, lowercased, without a leading ``www.``: ``http://www.news.cn/x`` → ``news.cn``."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def page_facts(html: str) -> HtmlFacts:
    import lxml.html
    from lxml import etree

    try:
        doc = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"),
                                            parser=lxml.html.HTMLParser(encoding="utf-8", huge_tree=True))
    except (etree.ParserError, ValueError):
        return HtmlFacts()
    meta: list[tuple[str, str]] = []
    for m in doc.iter("meta"):
        key = m.get("name") or m.get("property") or m.get("itemprop")
        if key and m.get("content") is not None:
            meta.append((key.strip().lower(), _SPACE.sub(" ", m.get("content")).strip()))
    jsonld = _jsonld(doc)
    title_el = doc.find(".//title")
    title = _SPACE.sub(" ", title_el.text_content()).strip() if title_el is not None else None
    canonical = next((link.get("href") for link in doc.iter("link")
                      if (link.get("rel") or "").lower() == "canonical" and link.get("href")), None)
    og = dict((k, v) for k, v in reversed(meta))
    url = page_url(canonical) or page_url(og.get("og:url")) or page_url(og.get("url"))
    og_site = next((v for k, v in meta if k == "og:site_name"), "")
    script_date = _SCRIPT_PUBTIME.search(html)
    if script_date:  # (the first: a later one may be a related article's)
        meta.append(("script:pubtime", script_date.group(1).strip()))
    stamp = next((t.get("datetime") for t in doc.iter("time") if t.get("datetime")), None)
    if stamp:  # <time datetime="2019-05-20T08:00:00+08:00">5月20日</time>
        meta.append(("time:datetime", stamp.strip()))
    if og_site == "微信公众平台" or "mp.weixin.qq.com" in (canonical or "") + next((v for k, v in meta if k == "og:url"), ""):
        meta.extend(_wechat_vars(html))
    for bad in list(doc.iter(*_DROP, etree.Comment)):
        bad.drop_tree() if bad.getparent() is not None else None  # keeps the text after it
    h1 = tuple(t for t in (_SPACE.sub(" ", h.text_content()).strip() for h in doc.iter("h1")) if t)
    lines, link_lines = visible_lines(doc.find("body") if doc.find("body") is not None else doc)
    return HtmlFacts(title=title or None, h1=h1, meta=tuple(meta), jsonld=tuple(jsonld), url=url,
                     lines=tuple(lines), link_lines=frozenset(link_lines))


# The publication time a page's script gives its article (qq: "pubtime": "2019-09-07 19:02:26";
# cjn: var __$pubtime='2020-10-04 20:30:00'; sina: pagepubtime: '2019-11-25'), often to the second
# where the visible line gives the day only.
_SCRIPT_PUBTIME = re.compile(r"""(?:\b|\$)(?:page)?pubtime["']?\s*[:=]\s*["']([^"'<>]{8,25})["']""", re.IGNORECASE)

# A WeChat article (mp.weixin.qq.com) names its account and its publication time only in script
# variables; og:site_name is the platform (微信公众平台), the visible date is relative (昨天).
_WECHAT_VAR = re.compile(r'\bvar\s+(nickname|ct)\s*=\s*"([^"]{1,40})"')


def _wechat_vars(html: str) -> list[tuple[str, str]]:
    """``("wechat:nickname", 爱否科技)`` and ``("wechat:ct", epoch seconds)`` of a WeChat article
    page (its og:site_name is 微信公众平台 or its address is on mp.weixin.qq.com)."""
    found: dict[str, str] = {}
    for m in _WECHAT_VAR.finditer(html):
        found.setdefault(f"wechat:{m.group(1)}", m.group(2).strip())
    return [(k, v) for k, v in found.items() if v]


def _jsonld(doc) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for script in doc.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if not isinstance(item, dict):
                continue
            for key in ("headline", "datePublished", "pubDate"):
                if isinstance(item.get(key), str):
                    out.append((key if key != "pubDate" else "datePublished", item[key].strip()))
            for key in ("author", "publisher"):
                for who in item.get(key) if isinstance(item.get(key), list) else [item.get(key)]:
                    name = who.get("name") if isinstance(who, dict) else who
                    if isinstance(name, str) and name.strip():
                        out.append((key, name.strip()))
    return out


def visible_lines(root) -> tuple[list[str], set[str]]:
    """Visible text lines of ``root`` and the keys of those made mostly of link text."""
    lines: list[str] = []
    links: set[str] = set()
    text: list[str] = []
    linked = [0]

    def flush():
        line = _SPACE.sub(" ", "".join(text)).strip()
        if line:
            lines.append(line)
            key = line_key(line)
            n = cjk_count(line)
            if n and linked[0] >= LINK_SHARE * n:
                links.add(key)
        text.clear()
        linked[0] = 0

    from lxml import etree

    depth_in_link = 0  # open <a> elements
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCK:
                flush()
            if tag == "a":
                depth_in_link += 1
            if el.text:
                text.append(el.text)
                if depth_in_link:
                    linked[0] += cjk_count(el.text)
        else:
            if tag == "a":
                depth_in_link -= 1
            if tag in _BLOCK:
                flush()
            if el.tail and el is not root:
                text.append(el.tail)
                if depth_in_link:
                    linked[0] += cjk_count(el.tail)
    flush()
    return lines, links


_SENTENCE_MARK = re.compile(r"[。！？；，]")
#: the prose thresholds of settings.toml [clean], bound once per process
_CLEAN = section("clean")


def is_prose(line: str, link_lines=frozenset()) -> bool:
    """A line of running text: ``[clean] prose_line_min_cjk`` CJK characters, a sentence mark
    or comma inside, not a link line."""
    return cjk_count(line) >= _CLEAN.prose_line_min_cjk and bool(_SENTENCE_MARK.search(line)) \
        and line_key(line) not in link_lines


def prose_chars(lines, link_lines=frozenset()) -> int:
    """CJK characters in the prose lines of ``lines`` (link lines never count)."""
    return sum(cjk_count(line) for line in lines if is_prose(line, link_lines))


def prose_run(facts: HtmlFacts) -> list[str]:
    """The visible lines from the first to the last prose line of the page's run of prose lines
    (at most ``[clean] prose_run_gap`` other lines between two) that holds the most prose; [] for none.

    >>> prose_run(HtmlFacts(lines=("首页", "正文第一段，说了很多很多的事情。", "小标题",
    ...                            "正文第二段，又说了很多很多的事情。", "热门", "相关新闻")))
    ['正文第一段，说了很多很多的事情。', '小标题', '正文第二段，又说了很多很多的事情。']
    """
    gap = _CLEAN.prose_run_gap
    prose = [i for i, line in enumerate(facts.lines) if is_prose(line, facts.link_lines)]
    runs: list[list[int]] = []
    for i in prose:
        if runs and i - runs[-1][1] <= gap + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    if not runs:
        return []
    first, last = max(runs, key=lambda r: prose_chars(facts.lines[r[0]:r[1] + 1], facts.link_lines))
    return list(facts.lines[first:last + 1])


_DATED_TAIL = re.compile(r"\s+(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+\S{1,6})?\s*$")


def _is_link_text(piece: str, link_lines, limit: int) -> bool:
    """A piece of a body line that is one link line of the page, or several side by side."""
    if "。" in piece.strip()[:-1] or cjk_count(piece) > limit:
        return False
    # the extractor joins a list item's linked headline with its date and channel, which the
    # page keeps in blocks of their own: 美欧卫星险相撞，欧航局紧急变轨 2019-09-05 13:49 航空航天
    bare = _DATED_TAIL.sub("", piece)
    if bare != piece and cjk_count(bare) >= 6 and line_key(bare) in link_lines:
        return True
    return line_key(piece) in link_lines or (
        len(piece.split()) > 1 and all(line_key(part) in link_lines for part in piece.split()))


def drop_link_lines(body: str, facts: HtmlFacts, limit: int = 40) -> str:
    """The extracted body without the lines that are link lists on the page (related articles,
    hot-news boxes, menus the extractor let through): a short line (at most ``[clean]
    link_line_max_cjk`` CJK characters, no inner sentence end) whose text is mostly link text.

    >>> drop_link_lines("正文第一段，很长很长。\\n相关新闻一 2019-01-02", HtmlFacts(link_lines=frozenset({"相关新闻一2019-01-02"})))
    '正文第一段，很长很长。'
    """
    if not facts.link_lines:
        return body
    kept = []
    for line in body.split("\n"):
        # the extractor writes list items as "- item" and table rows as "| cell | cell |"
        cells = [c for c in line.strip().lstrip("-•·").split("|") if c.strip()] if "|" in line else [line.lstrip("-•· ")]
        left = [c for c in cells if not _is_link_text(c, facts.link_lines, limit)]
        if not cells or left:
            kept.append(line if len(left) == len(cells) else " | ".join(c.strip() for c in left))
    return "\n".join(kept)
