"""Reposts: the same story saved from several sites, found across the whole corpus.

Contract
--------
Per page (in the workers, stage ``minhash``): ``text_sha1(text)`` is the SHA-1 of the cleaned
simplified text (``articles.text_sha1``: equal exactly when two cleaned texts are equal), and
``signature(text)`` a MinHash signature (datasketch, ``num_perm`` 32-bit values as bytes) of the
text's character shingles: ``shingle_chars`` consecutive letters or digits, punctuation and
white space removed, hashed in numpy. Texts with fewer than ``min_chars`` letters and digits get
no signature and join only exact copies.

Over the corpus, once every page is processed (``group_reposts(keys)``, both engines): every
article gets a ``duplicate_group`` and ``is_canonical``.

* Exact copies (same ``text_sha1``) are always one group.
* Near copies: the distinct texts are taken in the order of ``order_key`` (earliest day first);
  each joins the group whose *leader* (the group's first text in that order) it resembles most,
  if the MinHash estimate of their shingles' Jaccard similarity is at least ``threshold``, and
  else leads a new group. Candidate leaders come from a datasketch ``MinHashLSH`` index holding
  the leaders only, so the cost stays linear in the corpus even when one story is reposted a
  thousand times. A text is compared with the leader, never chained through another member:
  A ~ B and B ~ C do not put A and C together unless C resembles A's group's leader.
* The canonical article of a group (``canonical_key``): the earliest publication day; then the
  outlet closest to the source: a page naming (来源) the outlet most of the group's pages name,
  then a page naming another outlet, then a page naming none; then the earliest publication
  time; then the longest cleaned text (the fullest copy); then the smallest ``article_id``.
  Pages without a date come after dated ones.
* ``duplicate_group`` is the ``article_id`` of the group's canonical article (an article alone
  is its own group, canonical), so ``WHERE is_canonical`` counts every story once and
  ``GROUP BY duplicate_group HAVING count(*) > 1`` lists the reposts.

The result depends on the set of articles only, not on the input order (tested).

>>> from datetime import datetime
>>> text = "石家庄市20.1万名党员投身疫情防控一线，" * 4 + "全市各级党组织迅速行动，广大党员冲锋在前。"
>>> edited = text.replace("迅速行动", "闻令而动")
>>> other = "株洲各行业各领域1.1万余个基层党组织、24万余名党员奋勇争先，战斗在第一线、工作在最前沿。" * 2
>>> keys = [RepostKey("a", text_sha1(text), datetime(2021, 1, 23), "河北日报", len(text), signature(text)),
...         RepostKey("b", text_sha1(edited), datetime(2021, 1, 24), "河北日报", len(edited), signature(edited)),
...         RepostKey("c", text_sha1(other), datetime(2020, 2, 1), "株洲日报", len(other), signature(other))]
>>> group_reposts(keys)
{'a': ('a', True), 'b': ('a', False), 'c': ('c', True)}
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import datetime
from functools import lru_cache
from typing import Iterable, NamedTuple, Optional

import numpy as np

from ..settings import section

_S = section("reposts")
#: Letters and digits of any script; everything else (punctuation, spaces, symbols) is dropped
#: before shingling, so a repost that differs only there is an exact match of its shingles.
_NOT_WORD = re.compile(r"[\W_]+")
_SCHEME = "affine32"


class RepostKey(NamedTuple):
    """What the corpus step needs of one article (a few hundred bytes, whatever the text)."""

    article_id: str
    text_sha1: str
    published_at: Optional[datetime]
    source: Optional[str]
    n_chars: int
    signature: Optional[bytes]


def text_sha1(text: str) -> str:
    """SHA-1 (hex) of the cleaned text.

    >>> text_sha1("党员")[:12]
    '30ffa610596a'
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def shingle_hashes(text: str, k: Optional[int] = None) -> np.ndarray:
    """Distinct 32-bit hashes of the ``k``-character shingles of ``text``'s letters and digits
    (a polynomial hash of the code points, mixed; the same on every machine and run).

    >>> len(shingle_hashes("抗击疫情，党员先行!", k=5))   # 抗击疫情党员先行: 8 - 5 + 1 shingles
    4
    """
    return _hashes(_NOT_WORD.sub("", text), k or _S.shingle_chars)


def _hashes(chars: str, k: int) -> np.ndarray:
    if not chars:
        return np.zeros(0, dtype=np.uint32)
    codes = np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = max(1, len(codes) - k + 1)
    h = np.zeros(n, dtype=np.uint64)
    for j in range(min(k, len(codes))):  # unsigned arithmetic wraps modulo 2**64, by design
        h = h * np.uint64(1_000_003) + codes[j:j + n]
    h ^= h >> np.uint64(29)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(32)
    return np.unique((h & np.uint64(0xFFFFFFFF)).astype(np.uint32))


@lru_cache(maxsize=None)
def _template(num_perm: int):
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=1, scheme=_SCHEME)


def _identity(value):
    return value


def signature(text: str) -> Optional[bytes]:
    """The MinHash signature of ``text`` (``num_perm`` little-endian uint32 values), or ``None``
    for a text of fewer than ``min_chars`` letters and digits."""
    from datasketch import MinHash  # here, not at import: loaded by the worker's warm-up page

    chars = _NOT_WORD.sub("", text)
    if len(chars) < _S.min_chars:
        return None
    hashes = _hashes(chars, _S.shingle_chars)

    template = _template(_S.num_perm)
    m = MinHash(num_perm=_S.num_perm, seed=1, scheme=_SCHEME, hashfunc=_identity,
                permutations=template.permutations)
    m.update_batch(hashes.tolist())
    return np.asarray(m.hashvalues, dtype="<u4").tobytes()


def _minhash(sig: bytes):
    from datasketch import LeanMinHash, MinHash

    values = np.frombuffer(sig, dtype="<u4")
    return LeanMinHash(MinHash(num_perm=len(values), seed=1, scheme=_SCHEME, hashvalues=values,
                               permutations=_template(len(values)).permutations))


def order_key(key: RepostKey) -> tuple:
    """The order in which texts meet the group leaders: dated before undated, earliest day and
    time first, a page naming its outlet first, the longest text, then the id."""
    day = key.published_at
    return (day is None, day or datetime.min, key.source is None, -key.n_chars, key.article_id)


def canonical_key(key: RepostKey, main_source: Optional[str]) -> tuple:
    """Sort key of a group's members; the first is canonical (see the module docstring)."""
    when = key.published_at
    outlet = 0 if (key.source is not None and key.source == main_source) else 1 if key.source else 2
    return (when is None, when.date() if when else datetime.min.date(), outlet,
            when or datetime.min, -key.n_chars, key.article_id)


def group_reposts(keys: Iterable[RepostKey], threshold: Optional[float] = None) -> dict[str, tuple[str, bool]]:
    """``{article_id: (duplicate_group, is_canonical)}`` for every article of ``keys``."""
    threshold = _S.threshold if threshold is None else threshold
    keys = list(keys)
    by_text: dict[str, list[RepostKey]] = {}
    for key in keys:
        by_text.setdefault(key.text_sha1, []).append(key)
    # one representative per distinct text, in content order
    reps = sorted((min(same, key=order_key) for same in by_text.values()), key=order_key)
    leader_of: dict[str, str] = {}  # text_sha1 -> text_sha1 of its group's leader
    lsh = None
    leaders: dict[str, object] = {}
    for rep in reps:
        leader = None
        if rep.signature is not None:
            if lsh is None:
                from datasketch import MinHashLSH

                lsh = MinHashLSH(threshold=threshold, num_perm=len(rep.signature) // 4)
            m = _minhash(rep.signature)
            best = threshold
            for candidate in sorted(lsh.query(m)):
                similarity = m.jaccard(leaders[candidate])
                if similarity >= best and (leader is None or similarity > best):
                    leader, best = candidate, similarity
            if leader is None:
                lsh.insert(rep.text_sha1, m)
                leaders[rep.text_sha1] = m
        leader_of[rep.text_sha1] = leader or rep.text_sha1
    groups: dict[str, list[RepostKey]] = {}
    for key in keys:
        groups.setdefault(leader_of[key.text_sha1], []).append(key)
    out: dict[str, tuple[str, bool]] = {}
    for members in groups.values():
        sources = Counter(k.source for k in members if k.source)
        main_source = min(sources, key=lambda s: (-sources[s], s)) if sources else None
        canonical = min(members, key=lambda k: canonical_key(k, main_source)).article_id
        for k in members:
            out[k.article_id] = (canonical, k.article_id == canonical)
    return out


def groups_summary(assignments: dict[str, tuple[str, bool]]) -> tuple[int, int]:
    """``(groups of two or more articles, articles in them)``.

    >>> groups_summary({"a": ("a", True), "b": ("a", False), "c": ("c", True)})
    (1, 2)
    """
    sizes = Counter(group for group, _ in assignments.values())
    return sum(1 for n in sizes.values() if n > 1), sum(n for n in sizes.values() if n > 1)
