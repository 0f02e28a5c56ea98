"""Stage 1 — ingest: find input documents and decode them into ``RawPage`` records.

Contract
--------
``discover(input_dir)`` walks the input folder (``files.walk``: sorted,
recursively, hidden files and symlinked folders included, loops cut) and yields
one ``PageTask`` per document: one per ``.txt`` / ``.html`` / ``.htm`` file, one
per row of a ``.jsonl`` or ``.parquet`` corpus (text column ``text``, or
``content``/``body``; a ``url`` column gives the page's url). A ``.tsv`` manifest beside the
pages (``SOURCES.tsv``: columns ``file`` and ``url``, optionally ``crawled_at``) is read, not
processed: the pages it names get its url and crawl time, and it yields no row of its own.
Anything else becomes a task that is rejected as
``unsupported``, and FIFOs, sockets and devices as ``not_a_file`` (never
opened), so every file in the input shows up in the output, as an article or
as a reject.

With ``slice_records=N`` (the Dask engine), a corpus file yields ``CorpusSlice``
descriptors instead (a byte range of N lines of a ``.jsonl``, one row group of
a ``.parquet``): the records are read by ``expand(slices)`` where they are
processed, so corpus text never travels through the client or the scheduler.
``expand`` gives the same tasks, in the same order, as the whole-file walk,
also for a Parquet file with a corrupt row group (which costs one reject for
the rest of that group, never the other groups).

``read_page(task)`` returns a ``RawPage`` or raises ``PageRejected`` with one
of the reasons of the ``rejects`` table:

* ``empty`` — zero bytes or only whitespace;
* ``too_large`` — over ``max_bytes`` (default 20 MB; news pages are ~10 kB, so
  a bigger file is a dump or a mistake and would stall a worker), counted on the
  open file (``files.read_bounded``), never more than ``max_bytes + 1`` read;
* ``binary`` — a NUL byte anywhere, or mostly control bytes (images, archives,
  PDFs); UTF-16 and UTF-32 with a byte order mark are decoded, not binary;
* ``bad_record`` — a corpus record without a text field, or a Parquet corpus
  whose text column is not a string column (``text column is int64``);
* ``undecodable`` — not UTF-8, GB18030/GBK or Big5 (the encodings of Chinese
  news sites); UTF-8 with a handful of broken bytes is accepted with U+FFFD
  replacements, since the rest of the page is still worth reading;
* ``no_body`` — HTML in which the main-content extractor found no text.

HTML goes through trafilatura (main-content extraction, the best maintained
open-source extractor for news pages) so that the ``clean`` stage sees the
same plain-text shape as for page dumps; a page nested too deep for it is
given again unwrapped (``html_depth.flatten``).

Example
-------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_bytes("党员".encode("gb18030"))
>>> [read_page(t).text for t in discover(d)]
['党员']
"""
from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .files import read_bounded, read_manifests, walk
from .html_depth import flatten as flatten_deep_html
from .html_embedded import script_article
from .html_page import drop_link_lines, is_prose, line_key, page_facts, prose_chars, prose_run
from .lexicons import lexicon
from .records import PageRejected, RawPage
from .settings import section
from .text.chars import is_han, is_rare_for_prose

PAGE_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html"}
TEXT_COLUMNS = ("text", "content", "body")
URL_COLUMNS = ("url", "link", "source_url")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Encodings Chinese news sites actually use, in the order we try them after
# UTF-8. GB18030 is a superset of GBK and GB2312.
_CANDIDATE_ENCODINGS = ("gb18030", "big5")
# A UTF-8 page with at most this share of undecodable bytes is kept (with
# U+FFFD): real pages carry a few corrupted characters.
_MAX_REPLACED_SHARE = 0.01


@dataclass(frozen=True)
class PageTask:
    """A unit of work: one page file, or one record of a corpus file.

    ``text`` is set for corpus records (already read in the main process);
    ``path`` is set for page files (read in the worker, so big corpora stream).
    """

    source_path: str
    path: Optional[str] = None
    text: Optional[str] = None
    fmt: str = "text"
    problem: Optional[tuple[str, str]] = None  # (reason, detail) found while discovering
    url: Optional[str] = None         # from a manifest beside the page or the corpus record
    crawled_at: Optional[str] = None  # as the manifest writes it


@dataclass(frozen=True)
class CorpusSlice:
    """``count`` records of a ``.jsonl`` or ``.parquet`` corpus file, read by ``expand``.

    ``first`` is the index of the first record in the file (its line, or its row), so the tasks
    are named as in the whole-file walk. For ``kind == "jsonl"``, ``start``/``stop`` are the
    byte range of the lines; for ``"parquet"``, ``start`` is the row group (a slice is a whole
    row group) and ``stop`` is unused."""

    source_path: str
    path: str
    kind: str
    first: int
    count: int
    start: int
    stop: int


Discovered = Union[PageTask, CorpusSlice]


# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one
_UNICODE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                 (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))

# bytes that never occur in text: C0 controls other than tab, newline, vertical tab, form feed, CR
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b)


def discover(input_dir: os.PathLike | str, slice_records: Optional[int] = None) -> Iterator[Discovered]:
    """Yield a task for every document under ``input_dir``, in a stable order; with
    ``slice_records``, a ``CorpusSlice`` for every ``slice_records`` records of a corpus file."""
    root = Path(input_dir)
    entries = list(walk(root))
    manifests = read_manifests(root, entries)
    for path, problem in entries:
        rel = printable_path(path.relative_to(root).as_posix())
        suffix = path.suffix.lower()
        if problem is None and path in manifests:
            continue  # a manifest describes the pages beside it: read above, no article of its own
        if problem is not None:
            folder = problem[0] == "unreadable" and path.is_dir() and not path.is_symlink()
            yield PageTask(rel + "/" if folder else rel, problem=problem)
        elif suffix in PAGE_SUFFIXES:
            url, crawled = manifests.get((path.parent, path.name), (None, None))
            yield PageTask(rel, path=str(path), fmt=PAGE_SUFFIXES[suffix], url=url, crawled_at=crawled)
        elif suffix == ".jsonl":
            yield from (_jsonl_slices(path, rel, slice_records) if slice_records else _jsonl_tasks(path, rel))
        elif suffix == ".parquet":
            yield from (_parquet_slices(path, rel, slice_records) if slice_records else _parquet_tasks(path, rel))
        else:
            yield PageTask(rel, path=str(path),
                           problem=("unsupported", f"unsupported file type {suffix or '(none)'!r}"))


def printable_path(path: str) -> str:
    """A path that is valid UTF-8: file names in another encoding (GBK names unpacked
    from a zip) keep their bytes as ``\\xNN`` escapes instead of crashing the run."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def expand(items: Iterable[Discovered]) -> Iterator[PageTask]:
    """The page tasks of discovered items: a task as it is, a corpus slice read record by record."""
    for item in items:
        if isinstance(item, PageTask):
            yield item
        elif item.kind == "jsonl":
            yield from _read_jsonl_slice(item)
        else:
            yield from _read_parquet_slice(item)


def _open_or_reject(path, source: str) -> tuple[Optional[io.BufferedReader], Optional[PageTask]]:
    try:
        return open(path, "rb"), None
    except OSError as exc:
        return None, PageTask(source, problem=("unreadable", f"{type(exc).__name__}: {exc.strerror}"))


def _jsonl_tasks(path: Path, rel: str) -> Iterator[PageTask]:
    fh, rejected = _open_or_reject(path, rel)
    if rejected:
        yield rejected
        return
    with fh:
        yield from _jsonl_lines(fh, rel, 0)


def _jsonl_lines(lines: Iterable[bytes], rel: str, first: int) -> Iterator[PageTask]:
    for i, line in enumerate(lines, first):
        if not line.strip():
            continue
        source = f"{rel}#{i}"
        try:
            record = json.loads(line)
            text = _text_field(record)
        except _NullText:
            yield PageTask(source, problem=("empty", "null text"))
            continue
        except Exception as exc:  # any malformed line (even RecursionError) is one reject
            yield PageTask(source, problem=("bad_record", f"{type(exc).__name__}: {str(exc)[:200]}"))
            continue
        yield PageTask(source, text=text, fmt=_record_format(record, text), url=_record_url(record))


def _jsonl_slices(path: Path, rel: str, size: int) -> Iterator[Discovered]:
    """Byte ranges of ``size`` lines. Only line ends are looked for: nothing is parsed here."""
    fh, rejected = _open_or_reject(path, rel)
    if rejected:
        yield rejected
        return
    first = start = pos = lines = 0
    with fh:
        for line in fh:
            lines += 1
            pos += len(line)
            if lines == size:
                yield CorpusSlice(rel, str(path), "jsonl", first, lines, start, pos)
                first, start, lines = first + lines, pos, 0
    if lines:
        yield CorpusSlice(rel, str(path), "jsonl", first, lines, start, pos)


def _read_jsonl_slice(piece: CorpusSlice) -> Iterator[PageTask]:
    where = f"{piece.source_path}#{piece.first}-{piece.first + piece.count - 1}"
    fh, rejected = _open_or_reject(piece.path, where)
    if rejected:
        yield rejected
        return
    with fh:
        fh.seek(piece.start)
        data = fh.read(piece.stop - piece.start)
    # a binary file splits at b"\n" only, like the whole-file walk (bytes.splitlines would not)
    yield from _jsonl_lines(io.BytesIO(data), piece.source_path, piece.first)


def _parquet_file(path, rel: str):
    """(ParquetFile, text column) or (None, reject task)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # corrupt or truncated file: report it, keep going
        return None, PageTask(rel, problem=("undecodable", f"not a readable Parquet file: {exc}"))
    column = next((c for c in TEXT_COLUMNS if c in pf.schema_arrow.names), None)
    if column is None:
        return None, PageTask(rel, problem=("bad_record", f"no text column (looked for {', '.join(TEXT_COLUMNS)})"))
    kind = pf.schema_arrow.field(column).type
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)
            or getattr(pa.types, "is_string_view", lambda _: False)(kind)):
        return None, PageTask(rel, problem=("bad_record", f"{column} column is {kind}, not text"))
    return pf, column


def _parquet_task(text, source: str, url=None) -> PageTask:
    if not isinstance(text, str):
        return PageTask(source, problem=("empty", "null text"))
    return PageTask(source, text=text, fmt=_record_format({}, text),
                    url=url.strip() if isinstance(url, str) and url.strip() else None)


def _parquet_tasks(path: Path, rel: str) -> Iterator[PageTask]:
    pf, column = _parquet_file(path, rel)
    if pf is None:
        yield column
        return
    for piece in _row_groups(pf, path, rel):
        yield from _read_row_group(pf, column, piece)


def _row_groups(pf, path: Path, rel: str) -> Iterator[CorpusSlice]:
    first = 0
    for group in range(pf.num_row_groups):
        rows = pf.metadata.row_group(group).num_rows
        yield CorpusSlice(rel, str(path), "parquet", first, rows, group, 0)
        first += rows


def _parquet_slices(path: Path, rel: str, size: int) -> Iterator[Discovered]:
    """One slice per row group, from the file's footer alone. A row group is the smallest unit
    Parquet can be read by: slicing one would make every slice decode the group from its start."""
    pf, column = _parquet_file(path, rel)
    if pf is None:
        yield column
        return
    yield from _row_groups(pf, path, rel)


def _read_parquet_slice(piece: CorpusSlice) -> Iterator[PageTask]:
    pf, column = _parquet_file(piece.path, f"{piece.source_path}#{piece.first}-")
    if pf is None:
        yield column
        return
    yield from _read_row_group(pf, column, piece)


def _read_row_group(pf, column: str, piece: CorpusSlice) -> Iterator[PageTask]:
    """The rows of one row group; a group that fails to decode after row N keeps the rows before
    it and costs one reject for the rest of the group, never the other groups."""
    rel, row = piece.source_path, piece.first
    names = pf.schema_arrow.names
    url_column = next((c for c in URL_COLUMNS if c in names and c != column), None)
    columns = [column] + ([url_column] if url_column else [])
    try:
        for batch in pf.iter_batches(batch_size=1024, row_groups=[piece.start], columns=columns):
            urls = batch.column(1).to_pylist() if url_column else [None] * batch.num_rows
            for text, url in zip(batch.column(0).to_pylist(), urls):
                yield _parquet_task(text, f"{rel}#{row}", url)
                row += 1
    except Exception as exc:
        yield PageTask(f"{rel}#{row}-", problem=("undecodable", f"Parquet read failed at row {row}: {exc}"))


class _NullText(Exception):
    pass


def _text_field(record) -> str:
    if not isinstance(record, dict):
        raise TypeError("record is not a JSON object")
    for key in TEXT_COLUMNS:
        if isinstance(record.get(key), str):
            return record[key]
    if any(key in record and record[key] is None for key in TEXT_COLUMNS):
        raise _NullText()
    raise TypeError(f"no string field among {', '.join(TEXT_COLUMNS)}")


def _record_url(record: dict) -> Optional[str]:
    """The record's ``url`` field (also ``link`` / ``source_url``), when it is a string."""
    value = next((record[k] for k in URL_COLUMNS if isinstance(record.get(k), str) and record[k].strip()), None)
    return value.strip() if value else None


def _record_format(record: dict, text: str) -> str:
    fmt = record.get("format")
    if fmt in ("html", "text"):
        return fmt
    head = text[:2000].lstrip().lower()
    return "html" if head.startswith(("<!doctype html", "<html")) else "text"


def read_page(task: PageTask, max_bytes: int = DEFAULT_MAX_BYTES) -> RawPage:
    """Decode one task into a ``RawPage``; raise ``PageRejected`` if it cannot be read."""
    if task.problem:
        raise PageRejected(*task.problem)
    if task.text is not None:
        # lone surrogates (from a JSON "\\ud800" escape) cannot be written as UTF-8
        data = task.text.encode("utf-8", "surrogatepass")
        text, encoding = task.text.encode("utf-8", "replace").decode("utf-8"), "utf-8"
        if len(data) > max_bytes:
            raise PageRejected("too_large", f"{len(data)} bytes > limit {max_bytes}")
        _reject_binary_text(text)
    else:
        data = read_bounded(task.path, max_bytes)
        text, encoding = decode_bytes(data)
    if not text.strip():
        raise PageRejected("empty", "no text" if data else "zero bytes")
    sha1 = hashlib.sha1(data).hexdigest()
    if task.fmt == "html":
        page = _html_page(task.source_path, text, encoding, sha1)
    else:
        page = RawPage(task.source_path, text, "text", encoding, sha1)
    if task.url or task.crawled_at:
        page = dataclasses.replace(page, url=task.url, crawled_at=task.crawled_at)
    return page


def _reject_binary_text(text: str) -> None:
    """The text-level twin of the byte check in ``decode_bytes``, for corpus records."""
    head = text[:8192]
    if "\x00" in text:
        raise PageRejected("binary", f"NUL character at offset {text.index(chr(0))}")
    controls = sum(1 for ch in head if ch < "\t" or "\r" < ch < " ")
    if controls > 0.05 * len(head):
        raise PageRejected("binary", f"{controls} control characters in the first {len(head)}")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding name). Raises ``PageRejected`` (binary / undecodable).

    >>> decode_bytes("黨員".encode("big5"))
    ('黨員', 'big5')
    """
    if not data.strip():
        return "", "empty"
    for bom, encoding in _UNICODE_BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise PageRejected("undecodable", f"{encoding} byte order mark, but not {encoding}: {exc.reason}")
            _reject_binary_text(text)
            return text, encoding
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    head = data[:8192]
    if b"\x00" in data:
        raise PageRejected("binary", f"NUL byte at offset {data.index(0)}")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > 0.05 * len(head):
        raise PageRejected("binary", f"{controls} control bytes in the first {len(head)}")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in _CANDIDATE_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_chinese(text):
            return text, encoding
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    if replaced <= _MAX_REPLACED_SHARE * len(text) and _looks_like_chinese(text):
        return text, f"utf-8 ({replaced} bytes replaced)"
    best = _charset_normalizer_guess(data)
    if best is not None:
        return best
    raise PageRejected("undecodable", "not UTF-8, GB18030 or Big5")


# Frequent characters written identically in both scripts. A wrong decoding
# (Big5 bytes read as GB18030, or the reverse) yields valid but rare
# ideographs, so their share drops far below what real prose has (~25%).
_COMMON_CHARS = frozenset(lexicon("common_chars").words())


def _looks_like_chinese(text: str) -> bool:
    """True when the text reads as Chinese prose (or is nearly all ASCII)."""
    sample = text[:4000]
    if not sample:
        return False
    cjk = sum(1 for ch in sample if is_han(ch))
    odd = sum(1 for ch in sample if is_rare_for_prose(ch))
    letters = sum(1 for ch in sample if not ch.isspace())
    if cjk == 0:
        return sum(1 for ch in sample if ch.isascii()) > 0.95 * len(sample)
    common = sum(1 for ch in sample if ch in _COMMON_CHARS)
    # Too few ideographs to judge by frequency: a clean strict decode is enough.
    return odd < 0.02 * letters and (cjk < 20 or common > 0.2 * cjk)


def _charset_normalizer_guess(data: bytes) -> Optional[tuple[str, str]]:
    from charset_normalizer import from_bytes

    match = from_bytes(data[:200_000]).best()
    if match is None or match.encoding is None:
        return None
    try:
        text = data.decode(match.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return (text, match.encoding) if _looks_like_chinese(text) else None


_END_TAG = re.compile(r"</(?:html|body)\s*>", re.I)


def drop_stray_end_tags(html: str) -> str:
    """The page without ``</body>`` / ``</html>`` tags that have markup after them: libxml2 (under
    trafilatura and page_facts) drops what follows a stray ``</html>`` that a page's included
    header left before the article. Parsers close both elements at the end of the text anyway.

    >>> drop_stray_end_tags("<html><body><div>头</div></html><p>正文</p></body></html>")
    '<html><body><div>头</div><p>正文</p>'
    """
    first = _END_TAG.search(html)
    if first is None or "<" not in _END_TAG.sub("", html[first.end():]):
        return html
    return _END_TAG.sub("", html)


def _extractor_missed_the_article(body: str, run: list[str]) -> bool:
    """The extractor kept chrome instead of the article: the page's densest prose run holds far
    more prose than the body (``[clean] prose_fallback_share`` times plus ``prose_fallback_margin``)
    and none of the body's prose lines lies in it. A short story whose page carries a long
    comment thread keeps its body: its paragraph is a line of that run."""
    clean = section("clean")
    body_lines = body.split("\n")
    if prose_chars(run) <= clean.prose_fallback_share * prose_chars(body_lines) + clean.prose_fallback_margin:
        return False
    run_keys = "".join(line_key(line) for line in run)
    return not any(is_prose(line) and line_key(line)[:16] in run_keys for line in body_lines)


def _html_page(source_path: str, html: str, encoding: str, sha1: str) -> RawPage:
    import trafilatura

    html = drop_stray_end_tags(html)

    def extract(markup: str):
        return trafilatura.extract(markup, include_comments=False, include_tables=True,
                                   favor_recall=True, deduplicate=False)

    body = extract(html)
    if not body or not body.strip():
        flat = flatten_deep_html(html)  # libxml2 stops at ~255 levels: try the page unwrapped
        body = extract(flat) if flat is not None else None
    facts = page_facts(html)
    run = prose_run(facts)
    if _extractor_missed_the_article(body or "", run):
        body = "\n".join(run)
    clean = section("clean")
    if prose_chars((body or "").split("\n")) <= clean.script_body_max_page_prose \
            and prose_chars(facts.lines, facts.link_lines) <= clean.script_body_max_page_prose:
        # the page shows no article: a script may carry it, for the browser to render
        embedded = script_article(html)
        if prose_chars(embedded) >= clean.script_body_min_prose:
            body = "\n".join(embedded)
    if not body or not body.strip():
        raise PageRejected("no_body", "the HTML main-content extractor found no article text")
    body = drop_link_lines(body, facts, section("clean").link_line_max_cjk)
    meta = trafilatura.extract_metadata(html)
    title = getattr(meta, "title", None) if meta else None
    date = getattr(meta, "date", None) if meta else None
    sitename = getattr(meta, "sitename", None) if meta else None
    # Put the headline back on top: the cleaner reads the title from the first lines.
    text = f"{title}\n{body}" if title and title not in body[:200] else body
    return RawPage(source_path, text, "html", encoding, sha1,
                   html_title=title, html_date=date, html_sitename=sitename, html_facts=facts)
