"""Metadata of an HTML page from everything it offers, cross-checked.

Contract
--------
``from_html_page(page, clean, meta) -> ArticleMetadata`` refines what ``metadata`` read from
the extracted text (``meta``) with ``page.html_facts`` (``pipeline/html_page.py``):

* **the chrome around the body.** The page's visible lines are aligned with the cleaned body:
  the lines between the headline and the body (``before``: 来源 / 发布时间 / 作者 lines) and the
  few lines after it (``after``: 责任编辑, 本文来源, 文/… credits) are read with the same field
  grammar as text dumps. Menus, sidebars and related-article lists lie outside both windows, so
  their dates and names are never read.
* **title**: an ``<h1>`` that the ``<title>`` / ``og:title`` / JSON-LD headline confirms, else
  the ``<title>`` without its site suffix (``标题_教育频道_中国青年网`` → ``标题``), else what
  the text gave.
* **source**: a 来源 field before the body (also in an info bar written without colons:
  ``发表于… | 来源CSDN | 作者魏星``), a ``date · outlet`` line there, the text's own field, a
  本文来源 / 主办单位 field after the body, a known outlet alone on a line after it (``,南方都市报``),
  ``<meta name="source">``, a WeChat article's account (its script's ``nickname``), then
  ``og:site_name``, the extractor's site name and last the site the ``<title>`` names after the
  headline (``标题_上海新闻网``; never a channel: 滚动新闻, 财经频道). A copyright line (网易版权所有),
  a domain name, a menu item or a platform (微信公众平台) is never a source; ``光明网-《光明日报》``
  is 光明日报; a place in brackets after the outlet goes.
* **published_at**: the first date before the body (nearest the headline), else the article's
  meta (``article:published_time``, ``publishdate``, ``pubdate``, JSON-LD ``datePublished``, a
  WeChat article's ``ct``), else the text's header. The clock time is kept; a day-only date takes
  the time of a meta date of the same day, or of the first publication time a script gives
  (``script:pubtime``) or a ``<time datetime>`` element holds. ``published_precision`` says which
  (day / minute / second).
* **authors / editors**: the text's, then the windows' credits (``作者：``, ``文/栗思``,
  ``编辑/倪家宁``, ``责任编辑：李曦_NN2587`` → 李曦, ``选稿：``, ``《棱镜》作者 周纯``, an editor
  handle such as ``biaoffeng``), a photographer in a caption the extractor left out
  (``（刘通摄）``), a credit line the extractor skipped inside the body's run, and a WeChat
  article's author meta.
* **url**: the canonical / ``og:url`` link (``finish`` in metadata prefers a manifest's or a
  corpus record's url).
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Optional

from .clean import classify_line
from .text.normalise import normalise_line
from .html_page import HtmlFacts, line_key
from .lexicons import alternation, lexicon
from .metadata import (_DATE_FIELD, _editors, _authors, _handle, _source_from_field,
                       names_in, parse_meta_date, published)
from .outlets import known_outlet
from .records import ArticleMetadata, CleanPage, RawPage
from .resources import to_simplified, to_simplified_lines
from .text.chars import CJK, cjk_count
from .text.dates import CHROME_DATE_RE

#: lines read before the body (from the headline) and after it
BEFORE_LINES, AFTER_LINES = 15, 8
#: how far above the body the headline is looked for: share buttons and a caption may stand
#: between them (BBC Chinese: headline, date, 13 share links, the caption, the body)
HEADLINE_LINES_UP = 25

_TITLE_PARTS = re.compile(r"\s*(?:--|_|\||｜|\s[-—–]\s|-)\s*")
_COPYRIGHT = re.compile(alternation(lexicon("chrome_copyright").words(), escape=False), re.I)
_DOMAIN = re.compile(r"(?:^|[\s(（])(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|tw|hk|uk|gov)\b", re.I)
_PLACE_BRACKET = re.compile(rf"[(（][{CJK}]{{2,4}}[)）]$")
_PAPER = re.compile(r"《(?P<paper>[^》]{2,12})》")
_DATE_PIECE = re.compile(rf"{CHROME_DATE_RE.pattern}|\d{{1,2}}[:：]\d{{2}}(?::\d{{2}})?")
_OUTLET_LINE_JUNK = re.compile(r"^[\s·•|｜/／\-—]+|[\s·•|｜/／\-—]+$")
_SLASH = {field: re.compile(rf"^[\s(（【\[]*(?:{alternation(lexicon('credit_slash_labels').where('field', field))})"
                            rf"\s*[/／︱丨|｜]\s*(?P<names>[^)）】\]]+)")
          for field in ("author", "editor")}
_OUTLET_END = re.compile(rf"^[A-Za-z0-9{CJK}·]{{1,10}}(?:{alternation(lexicon('outlet_suffixes').words())})$")
_HANDLE = re.compile(rf"(?<=[{CJK}])_[A-Za-z0-9]+")
_META_DATES = ("article:published_time", "publishdate", "pubdate", "og:release_date", "datepublished",
               "publish_date", "ptime", "wechat:ct")


def _simplified(lines) -> list[str]:
    return to_simplified_lines([normalise_line(x) for x in lines])


def _clean_source(value: Optional[str]) -> Optional[str]:
    """An outlet as a field writes it, without a trailing date, a bracketed place or a website
    before the 《paper》; None for a copyright line, a domain name or too little text."""
    if not value:
        return None
    value = _DATE_PIECE.sub("", value).strip(" -—·,，;；。【】[]")  # 【来源：北京日报】
    paper = _PAPER.search(value)
    if paper:
        value = paper.group("paper")
    value = _PLACE_BRACKET.sub("", value).strip()
    if not value or _COPYRIGHT.search(value) or _DOMAIN.search(value) or len(value) > 24:
        return None
    if cjk_count(value) < 2 and not re.search(r"[A-Za-z]{2,}", value):
        return None
    return value


def _site_source(value: Optional[str], facts: HtmlFacts) -> Optional[str]:
    """A site name from the markup, when it can be an outlet (not a menu item, Chinese text)."""
    value = _clean_source(to_simplified(value.strip())) if value else None
    if not value or cjk_count(value) < 2 or line_key(value) in facts.link_lines and len(value) <= 4 \
            or value in _PLATFORMS:
        return None
    return value


# 游民星空[整理] 1: an editorial tag in brackets and a bare count (comments, views) beside the outlet
_TAGS_AND_COUNTS = re.compile(r"[\[【(（][^\]】)）]{1,4}[\]】)）]|(?:^|\s)\d{1,6}(?=\s|$)")


def _outlet_beside_date(lines: list[str]) -> Optional[str]:
    """``TNW中文站2016年10月14日07:17`` / ``2024-05-09 22:30·新华社``: a date line whose rest is
    one outlet-shaped word."""
    for line in lines:
        if not CHROME_DATE_RE.search(line) or cjk_count(line) > 20:
            continue
        rest = _OUTLET_LINE_JUNK.sub("", _TAGS_AND_COUNTS.sub(" ", _DATE_PIECE.sub(" ", line))).strip()
        if " " in rest or not rest:
            continue
        rest = re.sub(r"^[^:：]{1,4}[:：]\s*", "", rest)  # 原创：39健康网
        outlet = _clean_source(rest)
        if outlet and (known_outlet(outlet) or _OUTLET_END.search(outlet)):
            return outlet
    return None


#: how many lines right above the body a known outlet alone on a line is read from (an info bar
#: whose date and outlet are two elements: <div class=date>…</div><div class=source>光明日报</div>)
_OUTLET_LINES_ABOVE_BODY = 4


def _outlet_line(lines: list[str], facts: HtmlFacts) -> Optional[str]:
    """A known outlet written alone on a line right after the body (``,南方都市报``: a content
    farm's credit of the paper it copied) or in the info bar above it, never a link (a menu or a
    related list)."""
    for line in lines:
        value = line.strip(" ,，.。;；:：|｜-—()（）【】[]")
        if 2 <= cjk_count(value) <= 12 and value == line_key(value) and line_key(line) not in facts.link_lines:
            outlet = _clean_source(value)
            if outlet and known_outlet(outlet):
                return outlet
    return None


def _title(facts: HtmlFacts, meta: ArticleMetadata) -> Optional[str]:
    hints = [h for h in (facts.meta_value("og:title"), facts.title, facts.jsonld_value("headline")) if h]
    keys = [line_key(to_simplified(normalise_line(h))) for h in hints]
    for h1 in facts.h1:
        h1 = to_simplified(normalise_line(h1))
        k = line_key(h1)
        if cjk_count(h1) >= 4 and any(k in key for key in keys):
            return h1
    text_title = meta.title
    parts = _title_parts(facts)
    if text_title and len(parts) > 1 and line_key(text_title) in {line_key(p) for p in parts[1:]} \
            and cjk_count(text_title) < cjk_count(_headline_part(parts)):
        return _headline_part(parts)  # <h1>新浪网</h1> (the logo) in 标题_新闻中心_新浪网: the site, no headline
    if text_title and any(line_key(text_title) in key for key in keys):
        parts = [p for p in _TITLE_PARTS.split(text_title) if p.strip()]
        if len(parts) > 1 and any(line_key(p) != line_key(text_title) for p in parts):
            return _headline_part(parts)
        return text_title
    if len(parts) > 1:
        return _headline_part(parts)
    return text_title


def _title_parts(facts: HtmlFacts) -> list[str]:
    """The ``<title>``'s parts between site separators (headline, channel, site), simplified."""
    if not facts.title:
        return []
    return [p.strip() for p in _TITLE_PARTS.split(to_simplified(normalise_line(facts.title))) if p.strip()]


def _confirmed(title: str, facts: HtmlFacts, above: list[str]) -> bool:
    """A title an <h1> gives, or one written as a line above the body."""
    key = line_key(title)
    return any(line_key(to_simplified(normalise_line(h))) == key for h in facts.h1) or \
        any(line_key(line) == key for line in above) or \
        any(key == "".join(line_key(x) for x in above[i:i + n])  # a headline broken over lines
            for n in (2, 3, 4) for i in range(max(0, len(above) - BEFORE_LINES), len(above) - n + 1))


def _headline_part(parts: list[str]) -> str:
    """The headline among the parts of a ``<title>``: the longest (site and channel names are short)."""
    return max(parts, key=cjk_count).strip()


def _body_runs(lines: list[str], body: str, title_key: str) -> list[tuple[int, int]]:
    """Runs of visible lines that are body lines (gaps of a few lines allowed: captions, ads);
    the headline is none, even when a subtitle in the body repeats its words."""
    body_key = line_key(body)
    # a short line counts when it is a whole line of the body (成人票原价：190元 in a price list):
    # a list of short items must not split the body into runs and hide its first lines
    body_lines = {line_key(x) for x in body.split("\n") if cjk_count(x) >= 2}
    in_body = [i for i, (line, key) in enumerate(zip(lines, map(line_key, lines))) if key != title_key and (
        (cjk_count(line) >= 8 and (key[:16] in body_key or key[-16:] in body_key)) or key in body_lines)]
    runs: list[list[int]] = []
    for i in in_body:
        if runs and i - runs[-1][-1] <= 6:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:  # a copy of the body's words a few lines above it (a broken meta tag's text) is not its start
        while len(run) > 1 and run[1] - run[0] > 3 and _repeated_below(lines, run):
            run.pop(0)
    return [(run[0], run[-1]) for run in runs]


#: the labels of the author and editor fields (作者, 责任编辑 …), longest first
_CREDIT_LABELS = alternation(lexicon("field_labels").where("field", "author") + lexicon("field_labels").where("field", "editor"))
_CREDIT_FIELD = re.compile(rf"(?:{_CREDIT_LABELS})\s*[:：]")
_ROLE_BEFORE_NAME = re.compile(rf"^[^\s]{{0,12}}?(?:{_CREDIT_LABELS})\s+")
# an info bar's field without its colon (来源CSDN, 作者魏星) and a credit line of its own, label and
# name apart (《棱镜》作者 周纯)
_COLONLESS = re.compile(rf"^(?P<label>{alternation(lexicon('field_labels').where('field', 'source'))}|{_CREDIT_LABELS})"
                        rf"(?P<value>[^\s:：]{{2,12}})$")
_SPACED_CREDIT = re.compile(rf"^(?:《[^》]{{1,12}}》)?(?P<label>{_CREDIT_LABELS})"
                            rf"\s+(?P<value>[{CJK}·]{{2,8}}(?:\s+[{CJK}·]{{2,8}}){{0,3}})$")


def _repeated_below(lines: list[str], run: list[int]) -> bool:
    """The run's first line is a copy: its opening words stand again in a later line of the run
    (a real first paragraph separated from the rest by a share box is not)."""
    key = line_key(lines[run[0]])[:16]
    return len(key) >= 8 and any(key in line_key(lines[i]) for i in run[1:])


def _windows(lines: list[str], title: Optional[str], body: str) -> tuple[list[str], list[str], int]:
    """The visible lines between the headline and the body, those right after the body, and the
    index of the body's first line (-1 when the body is not found among the lines)."""
    title_key = line_key(title or "")
    runs = _body_runs(lines, body, title_key)
    if not runs:
        return [], [], -1
    # the main body: the run with the most text
    start, end = max(runs, key=lambda r: sum(cjk_count(x) for x in lines[r[0]:r[1] + 1]))
    head = None
    above = range(start - 1, max(-1, start - 1 - HEADLINE_LINES_UP), -1)
    if title_key:  # the headline as written, else a line holding it (正在阅读：标题)
        head = next((i for i in above if line_key(lines[i]) == title_key), None)
        if head is None:
            head = next((i for i in above if title_key in line_key(lines[i])
                         and len(line_key(lines[i])) <= len(title_key) + 12), None)
    # chrome the body kept at its end (新闻评论, 加载更多) must not push the credits out of reach:
    # the window after the body starts after its last prose-length line
    end_prose = max((i for i in range(start, end + 1) if cjk_count(lines[i]) >= 8), default=end)
    first = head + 1 if head is not None else max(0, start - BEFORE_LINES // 3)
    # a caption may open the body above the date line: the short lines among its first ones count
    lead = [line for line in lines[start:start + 3] if cjk_count(line) <= 10]
    # a credit line the extractor left out, inside the body's run (…（BBC） 责任编辑：张迪 关键字：…
    # 更多猛料！… while the run goes on to the promotion after it)
    body_key = line_key(body)
    # the body's own credit lines without a colon are read here too (《棱镜》作者 周纯, 【文/观察者网专栏作者 王文】)
    inside = [line for line in lines[start:end_prose + 1] if cjk_count(line) <= 20 and (
        _CREDIT_FIELD.search(line) and line_key(line) not in body_key
        or _SPACED_CREDIT.match(line) or any(p.match(line) for p in _SLASH.values()))]
    return lines[first:start] + lead, inside + lines[end_prose + 1:end + 1 + AFTER_LINES], start


def _headline_above(lines: list[str], start: int, facts: HtmlFacts) -> Optional[str]:
    """The headline-shaped text line nearest above the body (field lines and menus skipped)."""
    for line in reversed(lines[max(0, start - BEFORE_LINES // 3):start]):
        if classify_line(line).kind != "text" or line_key(line) in facts.link_lines:
            continue
        if 4 <= cjk_count(line) <= 40 and not line.endswith("。"):
            return line
        return None
    return None


def _slash_names(lines: list[str], field: str) -> list[str]:
    names: list[str] = []
    for line in lines:
        m = _SLASH[field].match(line)
        if m and cjk_count(line) <= 20:  # 文/观察者网专栏作者 王文: the unit and role before the name go
            names.extend(names_in(_ROLE_BEFORE_NAME.sub("", m.group("names"))))
    return names


def _published(before: list[str], after: list[str], facts: HtmlFacts, meta: ArticleMetadata, page: RawPage):
    when, precision = published(before)
    if when is None:  # after the body only a labelled date (时间：…) is the article's
        when, precision = published([line for line in after if _DATE_FIELD.search(line)])
    meta_when, meta_precision = None, None
    for key in _META_DATES:
        value = facts.meta_value(key)
        if value and key == "wechat:ct":
            meta_when, meta_precision = _epoch_date(value)
        elif value:
            meta_when, meta_precision = parse_meta_date(value)
            if meta_when:
                break
    if meta_when is None and facts.jsonld_value("datePublished"):
        meta_when, meta_precision = parse_meta_date(facts.jsonld_value("datePublished"))
    if when is None and meta_when is not None:
        when, precision = meta_when, meta_precision
    elif when is not None and precision == "day" and meta_when is not None \
            and meta_when.date() == when.date() and meta_precision != "day":
        when, precision = meta_when, meta_precision
    if when is None:
        when, precision = meta.published_at, meta.published_precision
    if when is None and page.html_date:
        when, precision = parse_meta_date(page.html_date)
    for key in ("script:pubtime", "time:datetime"):
        # a day-only date takes the clock time the page's script or its first <time> element gives
        # the same day (never their day alone: the first may be another article's, or a clock's)
        if when is not None and precision == "day" and facts.meta_value(key):
            clock, clock_precision = parse_meta_date(facts.meta_value(key))
            if clock is not None and clock.date() == when.date() and clock_precision != "day":
                when, precision = clock, clock_precision
    return when, precision


def from_html_page(page: RawPage, clean: CleanPage, meta: ArticleMetadata) -> ArticleMetadata:
    facts: Optional[HtmlFacts] = page.html_facts
    if facts is None:  # built by hand or from a corpus without markup facts: the extractor's hints
        if meta.published_at is None and page.html_date:
            meta.published_at, meta.published_precision = parse_meta_date(page.html_date)
        if meta.source is None and page.html_sitename:
            meta.source = _site_source(page.html_sitename, HtmlFacts())
        return meta
    title = _title(facts, meta)
    lines = _simplified(facts.lines)
    before, after, start = _windows(lines, title, clean.text)
    if title is not None and start >= 0 and not _confirmed(title, facts, lines[:start]):
        title = _headline_above(lines, start, facts) or title
        before, after, start = _windows(lines, title, clean.text)
    before, after = [_colon_fields(x) for x in before], [_colon_fields(x) for x in after]
    source = (_clean_source(_source_from_field(before)) or _outlet_beside_date(before)
              or _outlet_line(before[-_OUTLET_LINES_ABOVE_BODY:], facts)  # …08:00 / 光明日报 (two lines)
              or _clean_source(meta.source) or _clean_source(_source_from_field(after))
              or _outlet_line(after, facts)
              or _clean_source(_meta_source(facts))
              or _outlet_author(facts)  # sina writes its channel there: article:author 新浪科技
              or _clean_source(to_simplified(facts.meta_value("wechat:nickname") or ""))  # a link on the page
              or _site_source(facts.meta_value("og:site_name"), facts)
              or _site_source(page.html_sitename, facts)
              or _title_site(facts, title))
    when, precision = _published(before, after, facts, meta, page)
    bylines = [line for line in before + after if classify_line(line).kind == "byline"]
    # a photo credit in a caption the extractor left out of the body (图为…。（刘通摄）)
    captions = [line for line in before + after if classify_line(line).kind == "caption"]
    authors = meta.authors + _authors("", before, after, bylines, captions) + _slash_names(before + after, "author")
    if facts.meta_value("wechat:nickname") and not authors:  # a WeChat article's author meta is its byline
        authors = _handle(facts.meta_value("author") or "") or names_in(facts.meta_value("author") or "")
    window_editors = _editors([_HANDLE.sub("", line) for line in before + after]) + _slash_names(after, "editor")
    return ArticleMetadata(
        title=title, source=source, published_at=when, published_precision=precision,
        authors=list(dict.fromkeys(authors)),
        editors=list(dict.fromkeys(meta.editors + window_editors)),
        url=facts.url, credit_lines=before + after,
    )


def _outlet_author(facts: HtmlFacts) -> Optional[str]:
    """An ``article:author`` / ``author`` meta that names a known outlet, not a person (新浪科技)."""
    for key in ("article:author", "author"):
        value = _clean_source(to_simplified(facts.meta_value(key) or ""))
        if value and known_outlet(value):
            return value
    return None


def _meta_source(facts: HtmlFacts) -> Optional[str]:
    value = facts.meta_value("source")
    if not value:
        return None
    value = to_simplified(value)
    return re.sub(r"^[^:：]{0,6}[:：]\s*", "", value) if re.match(r"^[^:：]{0,6}[:：]", value) else value


def _epoch_date(value: str):
    """A WeChat ``ct`` (Unix seconds) as Shanghai time to the second."""
    if not re.fullmatch(r"[0-9]{9,10}", value):
        return None, None
    when = datetime.fromtimestamp(int(value), timezone(timedelta(hours=8))).replace(tzinfo=None)
    return (when, "second") if 2000 <= when.year <= datetime.now().year + 1 else (None, None)


_LATIN_SITE = re.compile(r"[A-Za-z][A-Za-z0-9 ]{2,19}")
_CHANNEL_ENDINGS = tuple(lexicon("channel_name_endings").words())
_PLATFORMS = frozenset(lexicon("platform_site_names").words())


def _title_site(facts: HtmlFacts, headline: Optional[str]) -> Optional[str]:
    """The site a ``<title>`` names after the headline (``标题_上海新闻网``, ``标题|游民星空``):
    a known outlet among the parts after the headline (``标题 - BBC中文网 - 两岸三地``), else the
    last part, when it is not the headline itself."""
    parts = _title_parts(facts)
    if len(parts) < 2:
        return None
    # 标题 - BBC中文网 - 两岸三地: a known outlet among the parts after the headline is the site,
    # wherever it stands; the part after it is a section
    known = next((p for p in reversed(parts[1:]) if known_outlet(_clean_source(p) or "")), None)
    if known is not None and not (headline and line_key(known) in line_key(headline)):
        return _site_source(known, facts)
    last = parts[-1]
    if headline and line_key(last) in line_key(headline):
        return None
    if cjk_count(last) < 3 and not _LATIN_SITE.fullmatch(last):  # 监察法-纪检: a channel, not a site
        return None
    if last.endswith(_CHANNEL_ENDINGS) and not known_outlet(last):  # 标题_滚动新闻, 标题-财经频道
        return None
    return _site_source(last, facts)


def _colon_fields(line: str) -> str:
    """An info bar of ``|``-separated fields written without colons (``发表于2014-08-24 21:30|
    1164次阅读| 来源CSDN| 作者魏星``) with the colons put back, so the field grammar reads it."""
    pieces = re.split(r"\s*[|｜]\s*", line)
    if len(pieces) < 3 or not re.search(r"[0-9]", line):  # an info bar holds a date or a count
        # a credit line of its own, label and name apart: 《棱镜》作者 周纯
        m = _SPACED_CREDIT.match(line)
        # (the outlet in title marks before the label stays: 《棱镜》作者：周纯 names 棱镜)
        return f"{line[:m.start('label')]}{m.group('label')}：{m.group('value')}" if m else line
    fixed = [_COLONLESS.sub(r"\g<label>：\g<value>", p.strip()) for p in pieces]
    return " | ".join(fixed) if fixed != [p.strip() for p in pieces] else line
