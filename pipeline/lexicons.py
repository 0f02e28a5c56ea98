"""The one loader of the pipeline's language knowledge, and the regex builders that use it.

Word lists, head nouns, unit words, boilerplate cues and their attributes live in
``pipeline/data/lexicons/*.tsv``; code holds logic. Every file opens with a header of
``# key: value`` lines that says what the list is (``concept``) and where its entries came
from (``source``: the pages a rule was written on, or the package / corpus and version it
was derived from), then names its columns::

    # concept: Organization head nouns and the org_type each implies.
    # source: hand-written from the reference pages (data/raw) and tests/data/extra.
    # columns: word	org_type
    党委	party
    医院	hospital

Optional header keys: ``format: regex`` (entries are regular-expression fragments, not
literal words; the loader does not escape them), ``order: file`` (the order of the rows
matters: the loader keeps it; otherwise code that builds an alternation sorts longest
first), ``disjoint: other_lexicon`` (no word may be in both lists; the integrity test
checks it). Blank lines are ignored; a literal entry never has surrounding spaces.

``leading_class(pattern)`` puts a pattern behind a lookahead for the characters any of
its matches can start with, computed from the pattern itself, so a word added to a
lexicon can never be silently skipped by a hand-kept first-character set.

>>> lexicon("byline_roles").words()[:3]
('记者', '通讯员', '实习生')
>>> alternation(["编辑", "责任编辑", "来源"])
'(?:来源|编辑|责任编辑)'
>>> alternation(["编辑", "责任编辑"], escape=False)
'责任编辑|编辑'
>>> "".join(sorted(first_chars("(?:近|将近)?[0-9]+(?:万|亿)")))
'0123456789将近'
>>> first_chars("(?:近)?[^0-9]") is None
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as _resources
from typing import Iterable, Optional

try:  # Python 3.11+: the parser behind ``re``
    from re import _constants as _sre_c, _parser as _sre_parse
except ImportError:  # pragma: no cover - older interpreters
    import sre_constants as _sre_c
    import sre_parse as _sre_parse

LEXICON_PACKAGE = "pipeline.data.lexicons"
REQUIRED_HEADER = ("concept", "source", "columns")


@dataclass(frozen=True)
class Lexicon:
    """One knowledge file: its header and its rows (tuples of column values)."""

    name: str
    header: dict
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def is_regex(self) -> bool:
        return self.header.get("format") == "regex"

    def _index(self, column: str) -> int:
        if column not in self.columns:
            raise KeyError(f"{self.name}.tsv has no column {column!r}; its columns are {self.columns}")
        return self.columns.index(column)

    def words(self) -> tuple[str, ...]:
        """The first column, in file order."""
        return tuple(r[0] for r in self.rows)

    def column(self, name: str) -> tuple[str, ...]:
        i = self._index(name)
        return tuple(r[i] for r in self.rows)

    def mapping(self, value: Optional[str] = None) -> dict[str, str]:
        """First column → ``value`` column (the second when not named); the first row wins."""
        if value is None and len(self.columns) < 2:
            raise KeyError(f"{self.name}.tsv has one column: nothing to map its words to")
        i = self._index(value) if value else 1
        out: dict[str, str] = {}
        for r in self.rows:
            out.setdefault(r[0], r[i])
        return out

    def where(self, column: str, value: str) -> tuple[str, ...]:
        """Words of the rows whose ``column`` equals ``value`` (file order)."""
        i = self._index(column)
        return tuple(r[0] for r in self.rows if r[i] == value)

    def flagged(self, column: str) -> tuple[str, ...]:
        """Words whose ``column`` is ``yes`` (a flag column holds only ``yes`` and ``no``)."""
        i = self._index(column)
        odd = sorted({r[i] for r in self.rows} - {"yes", "no"})
        if odd:
            raise ValueError(f"{self.name}.tsv column {column!r} is not a yes/no flag: {odd}")
        return tuple(r[0] for r in self.rows if r[i] == "yes")

    def records(self) -> list:
        """The rows as named tuples with one field per column (``row.word``, ``row.org_type``),
        so code never depends on the order of the columns."""
        from collections import namedtuple

        row_type = namedtuple(f"{self.name}_row", self.columns)
        return [row_type(*r) for r in self.rows]


def lexicon_names() -> list[str]:
    """Every lexicon file's name (without ``.tsv``), sorted."""
    root = _resources.files(LEXICON_PACKAGE)
    return sorted(p.name[:-4] for p in root.iterdir() if p.name.endswith(".tsv"))


@lru_cache(maxsize=None)
def lexicon(name: str) -> Lexicon:
    """Load ``pipeline/data/lexicons/<name>.tsv`` (once per process)."""
    text = _resources.files(LEXICON_PACKAGE).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    return parse_lexicon(name, text)


def parse_lexicon(name: str, text: str) -> Lexicon:
    header: dict[str, str] = {}
    rows: list[tuple[str, ...]] = []
    columns: tuple[str, ...] = ()
    if "\r" in text:
        raise ValueError(f"{name}.tsv: carriage return in the file (write it with \\n line ends)")
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            if rows:
                raise ValueError(f"{name}.tsv:{number}: header line after the first entry")
            key, sep, value = line[1:].strip().partition(":")
            if not sep:
                raise ValueError(f"{name}.tsv:{number}: header lines are '# key: value'")
            key = key.strip()
            if key in header:  # a long value continues on a repeated key
                header[key] += " " + value.strip()
            else:
                header[key] = value.strip()
            continue
        if not columns:
            columns = _declared_columns(name, header)
        values = tuple(line.split("\t"))
        if len(values) != len(columns):
            raise ValueError(f"{name}.tsv:{number}: {len(values)} fields, columns are {columns}")
        if any(not v for v in values):  # an empty regex entry would match everywhere
            raise ValueError(f"{name}.tsv:{number}: empty field")
        if header.get("format") != "regex" and any(v != v.strip() for v in values):
            raise ValueError(f"{name}.tsv:{number}: surrounding spaces")
        rows.append(values)
    return Lexicon(name, header, columns or _declared_columns(name, header), tuple(rows))


def _declared_columns(name: str, header: dict) -> tuple[str, ...]:
    """The columns a complete header declares (refuses a header without its required keys)."""
    missing = [k for k in REQUIRED_HEADER if k not in header]
    if missing:
        raise ValueError(f"{name}.tsv: header lacks {', '.join(missing)}")
    return tuple(header["columns"].split())


# ---------------------------------------------------------------------------
# Regex builders


def alternation(words: Iterable[str], escape: bool = True, longest_first: bool = True) -> str:
    """A pattern matching any of ``words`` where a longer word always wins (责任编辑 before 编辑).

    Literal words (``escape``) longest first are written as a trie, ``(?:来源|编辑|责任编辑)``
    with shared beginnings written once: Python's ``re`` tries the alternatives of an alternation
    one by one at every position, so a list of hundreds of names cost hundreds of tries per
    character; the trie costs one per character of the longest word there. It matches what
    ``a|b|c`` longest first matches, in any pattern around it: every word that can match at one
    position lies on one path of the trie, tried longest first (``tests/test_lexicons.py`` checks
    this for any words). Regex fragments (``escape=False``), file order (``longest_first=False``)
    and an empty word give ``a|b|c`` (deduplicated; longest first with ties in code-point order,
    so the result is stable)."""
    uniq = list(dict.fromkeys(words))
    if escape and longest_first and uniq and all(uniq):
        return _trie_pattern(uniq)
    if longest_first:
        uniq.sort(key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) if escape else w for w in uniq)


def _trie_pattern(words: list[str]) -> str:
    """``words`` (non-empty literals) as one trie-shaped pattern: ``(?:来源|编辑|责任编辑)``."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = None  # a word ends here

    def alternatives(node: dict) -> list[str]:
        # characters that end a word and go on to nothing more share one class: 市 县 区 → [区县市]
        final = sorted(c for c, child in node.items() if c and list(child) == [""])
        going_on = [re.escape(c) + branch(child) for c, child in sorted(node.items())
                    if c and list(child) != [""]]
        if not final:
            return going_on
        return [re.escape(final[0]) if len(final) == 1 else "[" + "".join(map(re.escape, final)) + "]"] + going_on

    def branch(node: dict) -> str:
        found = alternatives(node)
        if not found:
            return ""
        body = found[0] if len(found) == 1 else "(?:" + "|".join(found) + ")"
        # a word ends here and longer ones go on: the longer ones first (greedy ?)
        return f"(?:{body})?" if "" in node else body

    # one group whatever the root holds, so the pattern nests inside (?:…) like ``a|b``
    return "(?:" + "|".join(alternatives(root)) + ")"


def word_at(text: str, pos: int, not_before: dict[str, str]) -> int:
    """Length of the first word of ``not_before`` (a lexicon's words → its ``not_before`` column:
    the characters after which the word is part of another one, ``-`` for none) written at
    ``pos``, or 0 when none is, or the one written there goes on into another word.

    >>> word_at("三日内解除", 2, {"以内": "-", "内": "蒙瓦"}), word_at("3日内蒙古", 2, {"内": "蒙瓦"})
    (1, 0)
    """
    for word, chars in not_before.items():
        if text.startswith(word, pos):
            after = text[pos + len(word):pos + len(word) + 1]
            return len(word) if chars == "-" or not after or after not in chars else 0
    return 0


def lexicon_alternation(name: str, column: Optional[str] = None) -> str:
    """Alternation of a lexicon's words: escaped unless the file is ``format: regex``; in file
    order when the file says ``order: file``, else longest first."""
    lex = lexicon(name)
    words = lex.column(column) if column else lex.words()
    return alternation(words, escape=not lex.is_regex, longest_first=lex.header.get("order") != "file")


class _Unknown(Exception):
    """The first character of a match cannot be bounded (``.``, ``\\w``, a negated class…)."""


def first_chars(pattern: str, flags: int = 0) -> Optional[frozenset[str]]:
    """Every character a non-empty match of ``pattern`` (compiled with ``flags``) can start
    with, or ``None`` when that set cannot be bounded (the pattern can match the empty string,
    or starts with ``.``, ``\\w``, a negated class, a backreference, or is case-insensitive
    anywhere). Computed from ``re``'s own parse tree, so ``re.VERBOSE`` and inline flags are
    read the way ``re`` reads them."""
    try:
        parsed = _sre_parse.parse(pattern, flags)
        if parsed.state.flags & re.IGNORECASE:  # case folding is wider than swapcase: not bounded
            return None
        chars, nullable = _first(parsed, pattern)
    except _Unknown:
        return None
    return None if nullable else frozenset(chars)


def _first(seq, pattern) -> tuple[set, bool]:
    """(first characters, can match empty) of a parsed sequence."""
    out: set = set()
    for op, av in seq:
        chars, nullable = _first_item(op, av, pattern)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_item(op, av, pattern) -> tuple[set, bool]:
    c = _sre_c
    if op is c.LITERAL:
        return {chr(av)}, False
    if op is c.IN:
        chars: set = set()
        for iop, iav in av:
            if iop is c.LITERAL:
                chars.add(chr(iav))
            elif iop is c.RANGE:
                lo, hi = iav
                if hi - lo > 50000:
                    raise _Unknown()
                chars.update(chr(x) for x in range(lo, hi + 1))
            else:  # NEGATE, CATEGORY (\d, \s …)
                raise _Unknown()
        return chars, False
    if op is c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE:  # (?i:…)
            raise _Unknown()
        return _first(sub, pattern)
    if op is c.BRANCH:
        chars, nullable = set(), False
        for branch in av[1]:
            bc, bn = _first(branch, pattern)
            chars |= bc
            nullable = nullable or bn
        return chars, nullable
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        lo, _hi, sub = av
        chars, nullable = _first(sub, pattern)
        return chars, nullable or lo == 0
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True  # zero-width: the next item gives the first character
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _first(av, pattern)
    raise _Unknown()  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, CATEGORY


def char_class(chars: Iterable[str]) -> str:
    """A ``[...]`` body matching exactly ``chars`` (runs of consecutive code points as ranges)."""
    points = sorted({ord(ch) for ch in chars})
    parts = []
    i = 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        lo, hi = chr(points[i]), chr(points[j])
        if j - i >= 2:
            parts.append(f"{re.escape(lo)}-{re.escape(hi)}")
        else:
            parts.extend(re.escape(chr(p)) for p in points[i:j + 1])
        i = j + 1
    return "".join(parts)


def leading_class(pattern: str, flags: int = 0) -> re.Pattern:
    """``pattern`` compiled behind a lookahead for the characters any of its matches starts
    with (``first_chars``). The matches are exactly the plain pattern's; Python's regex engine
    tries a pattern that opens with optional groups at every position of the text, but skips
    ahead in C to a character of a leading class (4x faster over a page for the claim and date
    grammars). A pattern whose first characters cannot be bounded, or that sets global inline
    flags (``(?i)…``, which must stay at the start), is compiled as it is."""
    chars = first_chars(pattern, flags)
    if not chars or _GLOBAL_FLAGS.match(pattern):
        return re.compile(pattern, flags)
    # in verbose mode a pattern may end in a comment: close the group on a line of its own
    close = "\n)" if flags & re.VERBOSE else ")"
    return re.compile(f"(?=[{char_class(chars)}])(?:{pattern}{close}", flags)


_GLOBAL_FLAGS = re.compile(r"\s*\(\?[aiLmsux]+\)")
