"""The figures of a text that may be claims, in text order: the claim grammar's matches
(``grammar.CLAIM_RE`` read by ``grammar.interpret``), less those inside title marks (《解码十年》: a
figure in a title names the work, it claims nothing), plus the values written before a match that
share its Latin unit (69.1 and 151.7 of 69.1×151.7×7.9mm).

Contract: ``figures(sh) -> list[ClaimMatch]`` on the shadow text ``sh`` (``shadow.py``); what each
figure counts is ``extract.py``'s.

>>> [(f.value, f.unit) for f in figures("整机尺寸为 69.1×151.7×7.9mm，《解码十年》播出3集。")]
[(69.1, 'mm'), (151.7, 'mm'), (7.9, 'mm'), (3.0, '集')]
"""
from __future__ import annotations

import re

from pipeline.settings import section

from .grammar import CLAIM_RE, ClaimMatch, interpret

#: Lengths from ``pipeline/settings.toml`` [claims], bound once per process.
_T = section("claims")


def figures(sh: str) -> list[ClaimMatch]:
    """The grammar's claims of ``sh`` outside title marks, each after the values sharing its unit."""
    found: list[ClaimMatch] = []
    titled = _title_mark_spans(sh)
    for m in CLAIM_RE.finditer(sh):
        claim = interpret(m, sh)
        if claim is not None and not any(a < claim.start < b for a, b in titled):
            # (《…稳定持续发展的50条》, 《解码十年》: a figure in a title names the work, it claims nothing)
            found.extend(_values_sharing_the_unit(sh, claim))
            found.append(claim)
    return found


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
