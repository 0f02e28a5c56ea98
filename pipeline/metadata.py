"""metadata: read title, outlet, publication time, authors and editors from page chrome.

Contract
--------
``extract_metadata(page: RawPage, clean: CleanPage) -> ArticleMetadata``

Reads only what ``clean`` set aside — ``header`` / ``footer`` (field lines such
as ``来源:河北日报发布时间:2021-01-23 08:11:33``), ``bylines`` and ``captions`` —
never the body, so that dates and names inside the story are not mistaken for
metadata. Every string is simplified Chinese without inner spaces in names;
lists are de-duplicated in order of first appearance; ``published_at`` is a
naive datetime in Asia/Shanghai local time (midnight when only a date is given,
``None`` when the chrome has no dated field; year-less dates are ignored) and
``published_precision`` says how much of it the page wrote (``day``, ``minute``,
``second``), so a date alone is told apart from a real midnight. On an HTML page
the footer's dates are not read (sidebars); ``html_meta.from_html_page`` then reads
the page's markup and chrome. ``finish`` adds the outlet (``outlets.outlet_of``),
url, domain and crawl time to every page.

* title: ``page.html_title`` when a header line matches it (or, failing
  that, the html title without its site suffix); else the first header line
  that is not chrome, not a site name and not scrape garbage; else the text
  of a ``原标题:`` line.
* source: the value of a ``来源:`` field (cut at the next field label, ignored
  when empty, when it is itself followed by ``:`` or repeats the headline);
  fallback: the outlet of a dateline lead (``河北共产党员网讯(…)``,
  ``中新网上海3月16日电``) or of a ``X日报记者`` byline; ``本报`` is not an outlet.
* authors: names after reporter roles in bylines (``记者``/``通讯员``/…),
  name-only credits (``(左丹丹)``), photographers at the end of captions
  (``河北日报记者 张 昊摄`` → 张昊), and a ``作者:`` field when it lists at
  most four name-shaped tokens. One-character tokens are the halves of a
  spaced two-character name (``董 昌`` → 董昌). Tokens that end like an
  organisation (``云区组``, ``总医院``) are dropped.
* editors: names after ``编辑`` / ``责编`` / ``责任编辑`` in header/footer lines.

Example
-------
>>> from pipeline.records import RawPage, CleanPage
>>> raw = RawPage("a.txt", "", "text", "utf-8", "x")
>>> c = CleanPage("a.txt", "traditional", "…", "…",
...     header=["北京基層黨員書寫抗疫答卷", "2020年07月16日08:13 來源:光明日報"],
...     footer=["(責編:段晨茜、閆妍)"], bylines=["(本報記者 章正 張景華 董城)"])
>>> m = extract_metadata(raw, c)
>>> m.title, m.source, m.published_at.isoformat(), m.authors, m.editors
('北京基层党员书写抗疫答卷', '光明日报', '2020-07-16T08:13:00', ['章正', '张景华', '董城'], ['段晨茜', '闫妍'])
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Iterable, Optional

from .clean import classify_line
from .text.normalise import normalise_line, strip_pinyin
from .lexicons import alternation, lexicon, lexicon_alternation
from .outlets import known_outlet, outlet_of
from .records import ArticleMetadata, CleanPage, LineKind, RawPage
from .resources import jieba_word_tags, to_simplified, to_simplified_lines
from .text.chars import CJK, cjk_count
from .text.chrome import BYLINE_ROLE_RE, FIELD_LABELS, SITE_NAME_RE
from .text.dates import DATELINE_DATE_RE, DATETIME_RE as _DATETIME  # the one date grammar

# --------------------------------------------------------------------------
# Dates: 2021-01-23 08:11:33 · 2020年07月16日08:13 · 2020/02/01 · 2022-03-22 10:56


def parse_datetime(s: str) -> Optional[datetime]:
    return parse_datetime_precise(s)[0]


def precision_of(m: re.Match) -> str:
    """How precise a ``DATETIME_RE`` match is: ``second``, ``minute`` or ``day``."""
    return "second" if m["S"] else "minute" if m["H"] else "day"


def written_precision(value: str) -> str:
    """Precision of a date string in another format (ISO, English): by the clock it writes.

    >>> written_precision("2018-02-21T18:03:00"), written_precision("May 3, 2020 8:11 AM"), written_precision("2020-05-03")
    ('second', 'minute', 'day')
    """
    if re.search(r"\d[:：]\d{2}[:：]\d{2}", value):
        return "second"
    return "minute" if re.search(r"\d[:：]\d{2}", value) else "day"


def parse_datetime_precise(s: str) -> tuple[Optional[datetime], Optional[str]]:
    """First complete date (year, month, day; optional time) in ``s``.

    >>> parse_datetime("来源:河北日报发布时间:2021-01-23 08:11:33")
    datetime.datetime(2021, 1, 23, 8, 11, 33)
    >>> parse_datetime("2020年07月16日08:13 來源:光明日報")
    datetime.datetime(2020, 7, 16, 8, 13)
    """
    for m in _DATETIME.finditer(s):
        try:
            return (datetime(int(m["y"]), int(m["m"]), int(m["d"]),
                             int(m["H"] or 0), int(m["M"] or 0), int(m["S"] or 0)), precision_of(m))
        except ValueError:  # 2020-13-45: not a date, keep looking
            continue
    return None, None


# --------------------------------------------------------------------------
# Field lines

def _field_labels(field: str) -> str:
    """Alternation of the labels that introduce ``field`` (source, date, author, editor)."""
    return alternation(lexicon("field_labels").where("field", field))


_SOURCE_FIELD = re.compile(rf"(?:{_field_labels('source')})\s*[:：]\s*")
_NEXT_LABEL = re.compile(rf"(?:{FIELD_LABELS})\s*[:：]?|\s{{1}}|[|｜]|[:：]")
_EDITOR_FIELD = re.compile(rf"(?:{_field_labels('editor')})\s*[:：]\s*(?P<names>(?:(?!(?:{FIELD_LABELS})\s*[:：])[^)）】\]|｜:：])*)")
_AUTHOR_FIELD = re.compile(rf"(?:{_field_labels('author')})\s*[:：]\s*(?P<value>[^\s|｜]*)")
_OUTLET_SUFFIX = re.compile(rf"^.*(?:{alternation(lexicon('outlet_suffixes').flagged('dateline'))})")
_NOT_OUTLET = frozenset(lexicon("not_outlets").words())
_DATELINE_WORDS = lexicon_alternation("dateline_words")
_DATELINE_LEAD = re.compile(rf"^(?P<lead>[^(（]*?)(?:{_DATELINE_WORDS})\s*[:：]?\s*(?:[(（]|$)")

# --------------------------------------------------------------------------
# Names

_NAME_TOKEN = re.compile(rf"^[{CJK}]{{2,4}}$|^[{CJK}]{{1,6}}·[{CJK}]{{1,8}}$")
# Words that sit where a name would but are not people.
_NOT_NAME = frozenset(lexicon("not_names").flagged("credit"))
# A credit such as 云区组 / 总医院 / 宣传部 names a unit, not a person.
_ORG_END = re.compile(rf"(?:{lexicon_alternation('credit_unit_endings')})$")
_CAPTION_CREDIT = re.compile(r"(?:摄|供图|[/／]\s*图)\s*[)）]?\s*$")


def _merge_spaced(tokens: list[str]) -> list[str]:
    """``董 昌`` → ``董昌``: a one-character token is half of a two-character name."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if len(t) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) == 1:
            out.append(t + tokens[i + 1])
            i += 2
            continue
        out.append(t)
        i += 1
    return out


# 王煌忠／台中报导: the desk or place after the slash is no name; 编译/林靖东: the label before it
_SLASH_DESK = re.compile(rf"[/／][{CJK}]{{0,6}}(?:报导|报道)")
_SLASH_LABEL = re.compile(rf"(?:^|(?<=\s))(?:{lexicon_alternation('credit_slash_labels')})\s*[/／︱丨｜]")


def names_in(segment: str) -> list[str]:
    """Person names in a credit segment (``李支国 尹二荣``, ``段晨茜、闫妍``, ``董 昌``)."""
    segment = _SLASH_LABEL.sub(" ", _SLASH_DESK.sub(" ", segment))
    segment = re.sub(r"(?:报道|报导|摄影|摄|供图|[/／]\s*图)\s*[:：]?", " ", segment)
    tokens = [t for t in re.split(r"[\s、，,;；/／()（）【】\[\]□■:：]+", segment) if t]
    names = []
    for t in (n for token in _merge_spaced(tokens) for n in _jammed_names(token)):
        if _NAME_TOKEN.match(t) and t not in _NOT_NAME and not BYLINE_ROLE_RE.search(t) \
                and not (_ORG_END.search(t) and not _surname_and_given(t)):
            names.append(t)
    return names


_SURNAMES = frozenset(lexicon("common_surnames").words())


def _surname_and_given(token: str) -> bool:
    """A common surname and two characters no dictionary word of another kind makes: a name even
    when it ends like a unit (通讯员刘永会: 会)."""
    return len(token) == 3 and token[0] in _SURNAMES and token[-1] not in "村镇乡县区市省" \
        and jieba_word_tags().get(token, "nr")[:2] == "nr"  # (张家村 is a village)


def _jammed_names(token: str) -> list[str]:
    """Names written together with no space (通讯员王金财陈兆洪, 冯素琴任文学李文海): six or nine
    characters whose every three open with a common surname are two or three names."""
    if len(token) in (6, 9) and all(token[k] in _SURNAMES for k in range(0, len(token), 3)):
        return [token[k:k + 3] for k in range(0, len(token), 3)]
    return [token]


_BARE_DATELINE = re.compile(rf"(?:{_DATELINE_WORDS})\s*[:：]?$")
_DATELINE_PAREN = re.compile(rf"(?:{_DATELINE_WORDS})\s*[:：]?\s*[(（]")


_UNIT_AFTER_LABEL = re.compile(rf"\s*[:：]\s*[{CJK}·]{{2,8}}")


def _byline_names(fragment: str) -> list[str]:
    """Names in one byline fragment, possibly a dateline lead with its parenthesis."""
    if _BARE_DATELINE.search(fragment):  # a bare dateline (本报讯) names no one
        return []
    m = re.search(r"[(（](?P<inner>[^()（）]+)[)）]?\s*$", fragment)
    if m and _DATELINE_PAREN.search(fragment):
        fragment = m.group("inner")
    parts = BYLINE_ROLE_RE.split(fragment)
    if len(parts) == 1:  # no role word: a name-only credit like (左丹丹) or 瞿长福 周 斌
        return names_in(parts[0])
    names = []
    for i, seg in enumerate(parts[1:], start=1):
        # 采写：南都记者 余毅菁: one word after a credit label's colon, written onto a role whose
        # names follow without a colon, is the reporters' unit (记者张三通讯员李四, 记者：张三通讯员：李四
        # and 记者：张三 李四通讯员 王五 keep every name)
        if i + 1 < len(parts) and _UNIT_AFTER_LABEL.fullmatch(seg) and not re.match(r"\s*[:：]", parts[i + 1]):
            seg = ""
        names.extend(names_in(seg))
    return names


# a photographer in brackets at a caption's end (…启动仪式。（刘通摄）); 供图 credits a body
# (视觉中国供图, 警方供图), so only 摄 counts
_BRACKETED_CREDIT = re.compile(rf"[(（](?P<names>[{CJK}·\s、]{{2,16}}?)\s*摄\s*[)）]\s*$")


def _caption_names(caption: str) -> list[str]:
    """Photographer at the end of a caption: ``…采样。河北日报记者 张 昊摄`` → 张昊."""
    if not _CAPTION_CREDIT.search(caption):
        return []
    credit = _BRACKETED_CREDIT.search(caption)
    if credit:  # …启动仪式。（刘通摄）
        return names_in(credit.group("names"))
    tail = _CAPTION_CREDIT.sub("", caption)
    tokens = tail.split(" ")
    picked: list[str] = []
    for tok in reversed(tokens):
        tok = tok.strip()
        if not tok:
            continue
        role = list(BYLINE_ROLE_RE.finditer(tok))
        if role:  # "…采样。河北日报记者" — the name ends here
            rest = tok[role[-1].end():]
            if rest:
                picked.insert(0, rest)
            break
        if len(tok) > 4 or not re.fullmatch(f"[{CJK}·]+", tok):
            break
        picked.insert(0, tok)
    return names_in(" ".join(picked))


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(x for x in items if x))


# --------------------------------------------------------------------------

def _title(page: RawPage, header: list[str], kinds: list[LineKind]) -> Optional[str]:
    candidates = []
    original_title = None
    for line, (kind, why) in zip(header, kinds):
        if why == "original_title" and original_title is None:
            original_title = re.sub(r"^(?:[-*•]\s*)?原标题\s*[:：]\s*", "", line)
        if kind != "text" or cjk_count(line) < 4:
            continue
        if SITE_NAME_RE.match(line):
            continue
        if re.search(rf"[{CJK}“”][a-z]{{2,}}(?:[{CJK}“”]|$)", line):  # scrape garbage (抗ldquo疫rd)
            continue
        candidates.append(line)
    if page.html_title:
        hint = to_simplified(normalise_line(page.html_title))
        hint_key = re.sub(r"\s+", "", hint)
        for c in candidates:
            if re.sub(r"\s+", "", c) in hint_key:
                return c
        if not candidates:
            # "标题_站点名" / "标题 - 站点名": the headline is the longest part.
            parts = [p.strip() for p in re.split(r"\s*[_|｜]\s*|\s+[-—]\s+", hint) if p.strip()]
            return max(parts, key=len) if parts else None
    if candidates:
        return candidates[0]
    return original_title


_LATIN_OUTLET = re.compile(r"[A-Za-z][A-Za-z0-9&\- ]{2,19}")


def _source_from_field(lines: list[str]) -> Optional[str]:
    for line in lines:
        for m in _SOURCE_FIELD.finditer(line):
            rest = line[m.end():]
            stop = _NEXT_LABEL.search(rest)
            value = rest[:stop.start()] if stop else rest
            value = value.strip(" ,，;；。")
            # an outlet in Chinese, or one in Latin letters only (来源：EETOP), never a domain
            if not value or len(value) > 24 or (cjk_count(value) < 2 and not _LATIN_OUTLET.fullmatch(value)):
                continue
            after = rest[len(value):len(value) + 1] if stop else ""
            if after in (":", "："):  # "来源:江西:党员突…" — a truncated headline, not an outlet
                continue
            return value
    return None


def _outlet_of(prefix: str) -> Optional[str]:
    prefix = DATELINE_DATE_RE.sub("", prefix).strip()
    m = _OUTLET_SUFFIX.match(prefix)
    if not m:
        return None
    outlet = m.group(0)
    return None if outlet in _NOT_OUTLET or cjk_count(outlet) < 2 else outlet


def _source_from_bylines(bylines: list[str]) -> Optional[str]:
    for frag in bylines:
        m = _DATELINE_LEAD.match(frag)
        if m:
            outlet = _outlet_of(m.group("lead"))
            if outlet:
                return outlet
    for frag in bylines:
        m = re.match(rf"^[\s(（□■]*(?P<outlet>[{CJK}·]{{2,12}}?)(?:记者|通讯员)", frag)
        if m:
            outlet = _outlet_of(m.group("outlet"))
            if outlet and not outlet.endswith(("全媒体", "融媒体")):
                return outlet
    return None


_DATE_FIELD = re.compile(rf"(?:{_field_labels('date')})\s*[:：]\s*(?P<value>.{{6,40}})")
_DATEPARSER_SETTINGS = {"TIMEZONE": "Asia/Shanghai", "TO_TIMEZONE": "Asia/Shanghai",
                        "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past",
                        "REQUIRE_PARTS": ["day", "month", "year"],
                        # no relative dates (昨天, 2 days ago): they depend on the clock, and a
                        # run must give the same rows tomorrow
                        "PARSERS": ["timestamp", "custom-formats", "absolute-time"]}


def parse_datetime_fallback(value: str) -> Optional[datetime]:
    """dateparser for the formats our own pattern does not cover (English months,
    ISO strings with a UTC offset from HTML metadata), normalised to naive
    Asia/Shanghai local time.

    >>> parse_datetime_fallback("Jan 23, 2021 8:11 AM")
    datetime.datetime(2021, 1, 23, 8, 11)
    >>> parse_datetime_fallback("2021-01-23T00:11:33+00:00")
    datetime.datetime(2021, 1, 23, 8, 11, 33)
    """
    import dateparser

    return dateparser.parse(value.strip(), languages=["zh", "en"], settings=_DATEPARSER_SETTINGS)


def published(lines: list[str]) -> tuple[Optional[datetime], Optional[str]]:
    """Publication time and its precision from the first dated field line of ``lines``."""
    for line in lines:
        if cjk_count(line) > 40:  # a sentence, not a field line
            continue
        dt, precision = parse_datetime_precise(line)
        if dt is not None:
            return dt, precision
    for line in lines:  # a labelled date in a format of its own
        field = _DATE_FIELD.search(line)
        if field and cjk_count(line) <= 40:
            dt = parse_datetime_fallback(field["value"])
            if dt is not None:
                return dt, written_precision(field["value"])
    return None, None


def parse_meta_date(value: str) -> tuple[Optional[datetime], Optional[str]]:
    """A date from HTML metadata: with a UTC offset converted to Shanghai time, else as written."""
    value = re.sub(r"(?<=\d)T(?=\d)", " ", value.strip())  # 2018-02-21T18:03:00
    if re.search(r"[+-]\d{2}:?\d{2}$|Z$", value):
        dt = parse_datetime_fallback(value)
        return (dt, written_precision(value)) if dt else (None, None)
    dt, precision = parse_datetime_precise(value)
    if dt is None:
        dt = parse_datetime_fallback(value)
        precision = written_precision(value) if dt else None
    return dt, precision


def _page_order(page_key: str, fragment: str) -> int:
    """Offset of a credit on the page, so names come out in reading order."""
    key = re.sub(r"\s+", "", fragment)[:12]
    pos = page_key.find(key) if key else -1
    return pos if pos >= 0 else len(page_key)


def _authors(page_key: str, header: list[str], footer: list[str], bylines: list[str],
             captions: list[str]) -> list[str]:
    credits = [(frag, _byline_names) for frag in bylines] + [(cap, _caption_names) for cap in captions]
    credits.sort(key=lambda c: _page_order(page_key, c[0]))  # stable: ties keep clean's order
    names: list[str] = []
    for frag, reader in credits:
        names.extend(reader(frag))
    for line in header + footer:
        for m in _AUTHOR_FIELD.finditer(line):
            value = m.group("value")
            rest = line[m.end():]
            if not value or rest[:1] in (":", "："):
                continue
            tokens = [t for t in re.split(r"[、，,\s]+", value) if t]
            if len(tokens) > 4 or re.search(r"[:：]", value):  # keyword lists, truncated titles
                continue
            names.extend(names_in(" ".join(tokens)))
            names.extend(_names_spaced_after(rest))  # 作者：张晓明 李华
    return _dedupe(names)


def _names_spaced_after(rest: str) -> list[str]:
    """The further names of a credit field written with spaces between them (作者：张晓明 李华 → 李华):
    the words after the first name while each is a name alone; a label, a role, a date or an outlet
    ends them (作者：张三 责任编辑：李四, 作者：张三 新华社)."""
    names = []
    for word in re.split(r"[ \u3000]+", rest)[1:] if rest[:1] in (" ", "\u3000") else []:
        if not _NAME_TOKEN.match(word) or names_in(word) != [word] or known_outlet(word):
            break
        names.append(word)
    return names


def _editors(lines: list[str]) -> list[str]:
    names: list[str] = []
    for line in lines:
        if cjk_count(line) > 40:
            continue
        for m in _EDITOR_FIELD.finditer(line):
            found = names_in(m.group("names"))
            names.extend(found or _handle(m.group("names")))
    return _dedupe(names)


# An editor field's whole value may be a handle rather than a name: alonliu, Demi Xia, 棒棒不是糖
_HANDLE_VALUE = re.compile(rf"^(?:[A-Za-z][A-Za-z0-9_]{{2,19}}|[A-Z][a-z]+ [A-Z][a-z]+|[{CJK}]{{5,6}})$")
_NOT_NAME_WORDS = tuple(w for w in _NOT_NAME if len(w) >= 2)


def _handle(value: str) -> list[str]:
    """``[value]`` when a credit field's whole value is one handle (Latin login, romanised name,
    a nickname of 5-6 characters), never a role, a unit, an outlet or a placeholder (系统管理员,
    网络编辑, CCTV, admin, a domain)."""
    value = value.strip()
    if not _HANDLE_VALUE.match(value) or BYLINE_ROLE_RE.search(value) or _ORG_END.search(value) \
            or value.isupper() or value.lower() in _NOT_NAME or any(w in value for w in _NOT_NAME_WORDS) \
            or known_outlet(value):
        return []  # CCTV, admin, 小编有话说, 新华社新闻: an outlet, a placeholder or a label
    return [value]


def extract_metadata(page: RawPage, clean: CleanPage) -> ArticleMetadata:
    """Metadata of one page from the chrome that ``clean_page`` set aside (see module docstring)."""
    chrome = clean.header + clean.footer + clean.bylines
    simplified = to_simplified_lines(chrome)
    n_head, n_foot = len(clean.header), len(clean.footer)
    header = simplified[:n_head]
    footer = simplified[n_head:n_head + n_foot]
    bylines = simplified[n_head + n_foot:]
    captions = list(clean.captions)

    # Whitespace-free simplified page text, only needed to interleave bylines and captions
    # in reading order; each list is already in page order on its own.
    page_key = ""
    if bylines and captions:
        page_key = re.sub(r"\s+", "", to_simplified(strip_pinyin(page.text or "")))
    # clean recorded how it read each header line; a record built by hand has no kinds
    kinds = clean.header_kinds if len(clean.header_kinds) == n_head else [classify_line(x) for x in header]
    title = _title(page, header, kinds)
    source = _source_from_field(header + footer) or _source_from_bylines(bylines)
    when, precision = published(header)
    if when is None and page.html_facts is None:  # a page's footer holds sidebars' dates
        when, precision = published(footer)
    meta = ArticleMetadata(
        title=title.strip() if title else None,
        source=source,
        published_at=when,
        authors=_authors(page_key, header, footer, bylines, captions),
        editors=_editors(header + footer),
        published_precision=precision,
    )
    if page.fmt == "html":
        from .html_meta import from_html_page

        meta = from_html_page(page, clean, meta)
    return finish(meta, page)


def finish(meta: ArticleMetadata, page: RawPage) -> ArticleMetadata:
    """The fields every page gets from what was read: the outlet of the source, the url (a
    manifest's or a corpus record's, else the page's own link) and its domain, the crawl time."""
    from .html_page import domain_of, page_url
    outlet = outlet_of(meta.source)
    meta.outlet, meta.outlet_level, meta.outlet_kind = outlet
    url = page_url(page.url) or page.url or meta.url
    meta.url, meta.domain = url, domain_of(url)
    if page.crawled_at:
        meta.crawled_at = parse_meta_date(page.crawled_at)[0]
    if meta.published_at is None:
        meta.published_precision = None
    return meta
