"""The figures of a text that may be claims, in text order: the claim grammar's matches
(``grammar.CLAIM_RE`` read by ``grammar.interpret``), less those inside title marks (《解码十年》: a
figure in a title names the work, it claims nothing), plus the values written before a match that
share its Latin unit (69.1 and 151.7 of 69.1×151.7×7.9mm) or are listed before it (3.6 and 23.6 of
3.6、23.6和27.8个百分点), and the medals of a medal tally
(3金2银3铜: claim_medal_units.tsv).

Contract: ``figures(sh) -> list[ClaimMatch]`` on the shadow text ``sh`` (``shadow.py``); what each
figure counts is ``extract.py``'s.

>>> [(f.value, f.unit) for f in figures("整机尺寸为 69.1×151.7×7.9mm，《解码十年》播出3集。")]
[(69.1, 'mm'), (151.7, 'mm'), (7.9, 'mm'), (3.0, '集')]
>>> [(f.value, f.unit) for f in figures("分别提高3.6、23.6和27.8个百分点。")]
[(3.6, '个百分点'), (23.6, '个百分点'), (27.8, '个百分点')]
>>> [(f.value, f.unit) for f in figures("中国队共获3金2银3铜，另有两金一银。")]
[(3.0, '金'), (2.0, '银'), (3.0, '铜'), (2.0, '金'), (1.0, '银')]
"""
from __future__ import annotations

import re

from pipeline.settings import section
from pipeline.text.numerals import parse_number

from . import words as W
from .grammar import CLAIM_RE, ClaimMatch, interpret

#: Lengths from ``pipeline/settings.toml`` [claims], bound once per process.
_T = section("claims")


def figures(sh: str) -> list[ClaimMatch]:
    """The grammar's claims of ``sh`` outside title marks, each after the values sharing its unit or
    listed before it, and the medals of its tallies, in text order."""
    found: list[ClaimMatch] = []
    titled = _title_mark_spans(sh)
    for m in CLAIM_RE.finditer(sh):
        claim = interpret(m, sh)
        if claim is not None and not any(a < claim.start < b for a, b in titled):
            # (《…稳定持续发展的50条》, 《解码十年》: a figure in a title names the work, it claims nothing)
            found.extend(_values_sharing_the_unit(sh, claim) or _values_listed_before(sh, claim))
            found.append(claim)
    tally = _medal_tallies(sh)
    if tally:  # the grammar reads no medal: merged in text order, a grammar match inside a tally dropped
        found = sorted([f for f in found if not any(t.start <= f.start < t.end for t in tally)] + tally,
                       key=lambda f: f.start)
    return found


#: numbers listed right before a figure, the last joined to it by 和/与/及 or 、 (3.6、23.6、6.4和 +
#: 27.8个百分点); the list starts at no digit, comma, separator, 第, hyphen or Latin letter (第251、252和253粒,
#: 1,200、1,500和2,000元, 运-20与6架, G20和3场: an ordinal, a figure written with commas, a model's name)
_LISTED_VALUES = re.compile(r"(?<![0-9.,，第、和与及\-－—A-Za-z])(?:[0-9]+(?:\.[0-9]+)?、)*[0-9]+(?:\.[0-9]+)?[、和与及]$")
_LISTED_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
#: a figure whose number is written in arabic digits alone, up to its unit (no 万/亿 the list would
#: share, no comma of thousands)
_PLAIN_FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?(?![0-9.,万亿千百])")
#: a distributive word before a list of two, in its clause (两国分别有3、4个城市入选)
_DISTRIBUTIVE_BEFORE = re.compile(rf"(?:{W.DISTRIBUTIVE_ALTERNATION})[^，,。；;]*$")


def _values_listed_before(sh: str, claim: ClaimMatch) -> list[ClaimMatch]:
    """The numbers listed right before ``claim`` that share its unit, each a claim marked ``listed``
    (分别比十年前提高3.6、23.6、6.4和27.8个百分点): only when the figure is a plain number in arabic digits
    and its unit with no qualifier (a multiplier after the last number, 3、5和8万元, leaves the others'
    scale unsaid); a list of two only after a distributive word (分别有3、4个城市): else two numbers are
    one rough figure (2、300块, 14、5公斤, 6、7个小时) or a name and a count (小米14和3款)."""
    if claim.qualifier is not None or claim.value_max is not None or not _PLAIN_FIGURE.match(sh, claim.start):
        return []
    listed = _LISTED_VALUES.search(sh, max(0, claim.start - _T.shared_unit_chain_max_chars), claim.start)
    if listed is None:
        return []
    values = [ClaimMatch(float(n.group()), None, claim.unit, None, n.start(), n.end(), listed=True)
              for n in _LISTED_NUMBER.finditer(sh, listed.start(), listed.end())]
    if len(values) == 1 and not _DISTRIBUTIVE_BEFORE.search(sh, max(0, listed.start() - _T.shared_unit_chain_max_chars),
                                                            listed.start()):
        return []
    return values


_MEDAL_NUMBER = r"(?:[0-9]{1,3}|[一二两三四五六七八九十]{1,3})"
_MEDAL_CHARS = "".join(W.MEDAL_UNITS)
#: medals in a row, each a small number and its character (3金2银3铜, 两金一银): two or more, each medal
#: once and in the lexicon's order (_medal_tallies)
_MEDAL_TALLY = re.compile(rf"(?<![0-9.]){_MEDAL_NUMBER}[{_MEDAL_CHARS}](?:{_MEDAL_NUMBER}[{_MEDAL_CHARS}])+")
_MEDAL = re.compile(rf"({_MEDAL_NUMBER})([{_MEDAL_CHARS}])")


def medal_tally_at(sh: str, at: int) -> str:
    """The whole medal tally holding the medal at ``at`` (3金2银3铜 for its 2银), "" if none: two tallies of
    one article are two results even where a count recurs (日本队获得2金1银，韩国队获得2金3铜)."""
    return next((t.group() for t in _MEDAL_TALLY.finditer(sh, max(0, at - _MEDAL_TALLY_MAX_CHARS),
                                                           at + _MEDAL_TALLY_MAX_CHARS)
                 if t.start() <= at < t.end()), "")


#: the longest tally looked for around a medal (three medals of three-digit counts)
_MEDAL_TALLY_MAX_CHARS = 12


def _medal_tallies(sh: str) -> list[ClaimMatch]:
    """The medals of each tally of ``sh``, a claim each: two or more medals written in their order
    (金 before 银 before 铜, each once); one medal alone (3金) is as often a price or a name."""
    out: list[ClaimMatch] = []
    order = list(W.MEDAL_UNITS)  # (the lexicon's row order is the medals' rank: 金, 银, 铜)
    for tally in _MEDAL_TALLY.finditer(sh):
        medals = list(_MEDAL.finditer(sh, tally.start(), tally.end()))
        ranks = [order.index(m.group(2)) for m in medals]
        if ranks != sorted(set(ranks)):
            continue  # 金金, 银金: no tally
        for m in medals:
            value = parse_number(m.group(1))
            if value is not None:
                out.append(ClaimMatch(value, None, m.group(2), None, m.start(), m.end()))
    return out


def _title_mark_spans(sh: str) -> list[tuple[int, int]]:
    """Spans between 《 and the next 》 (titles of documents, programmes and books)."""
    spans = []
    at = sh.find("《")
    while at >= 0:
        end = sh.find("》", at)
        if end < 0:
            break
        spans.append((at, end))
        at = sh.find("《", end)
    return spans


_SHARED_UNIT_CHAIN = re.compile(r"(?<![A-Za-z0-9.])(?:[0-9]+(?:\.[0-9]+)?(?:[A-Za-z]+)?[×xX*/+])+$")
_CHAIN_NUMBER = re.compile(r"([0-9]+(?:\.[0-9]+)?)([A-Za-z]+)?[×xX*/+]")


def _values_sharing_the_unit(sh: str, claim: ClaimMatch) -> list[ClaimMatch]:
    """The values written before ``claim`` that share its Latin unit (a specification: 69.1 and
    151.7 of 69.1×151.7×7.9mm, 12 of 12/16GB), each a claim; none when the unit is no Latin one
    or another unit stands between (8GB+1TB); a value written with the unit is the grammar's
    (12GB+128/256/512GB: 128 and 256 are added)."""
    if not claim.unit.isascii() or not claim.unit.isalpha() or claim.qualifier is not None:
        return []
    chain = _SHARED_UNIT_CHAIN.search(sh, max(0, claim.start - _T.shared_unit_chain_max_chars), claim.start)
    if chain is None:
        return []
    values = []
    for n in _CHAIN_NUMBER.finditer(sh, chain.start(), claim.start):
        if n.group(2):  # 12GB+…: a value with its own unit is a claim of the grammar's already
            if n.group(2) != claim.unit:
                values = []  # …and a value of another unit ends the values that share this one
            continue
        values.append(ClaimMatch(float(n.group(1)), None, claim.unit, None, n.start(1), n.end(1)))
    return values
