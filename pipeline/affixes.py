"""Word sets looked up at the end or the start of a name, one set lookup per word length.

Rules ask the same question of hundreds of heads and suffixes for every mention: which title head
does 党委副书记 end with, which country does 美国哈佛大学 open with. A scan over the list
(``next(h for h in HEADS if name.endswith(h))``) costs one call per word and was the largest cost
of the entities stage after the NER model; ``Affixes`` asks one ``frozenset`` per distinct word
length instead, longest first, so the answer is the one a longest-first scan gives.

Contract: for any words and any name, ``Affixes(words).longest_ending(name, min_rest)`` is the
longest word ``w`` with ``name.endswith(w)`` and ``len(name) - len(w) >= min_rest``, else ``None``;
``longest_opening`` the same at the start (``tests/test_affixes.py`` checks both against the scan).

>>> heads = Affixes(["书记", "副书记", "院长"])
>>> heads.longest_ending("党委副书记"), heads.longest_ending("副书记", min_rest=1), heads.longest_ending("主任")
('副书记', '书记', None)
>>> Affixes(["美国", "美"]).longest_opening("美国哈佛大学", min_rest=2)
'美国'
>>> Affixes(["美国"]).longest_opening("在美国哈佛", at=1)
'美国'
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional


class Affixes:
    """A fixed set of words, asked for the longest one a string ends or starts with."""

    __slots__ = ("words", "_lengths")

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(w for w in words if w)
        self._lengths = tuple(sorted({len(w) for w in self.words}, reverse=True))

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def __len__(self) -> int:
        return len(self.words)

    def longest_ending(self, name: str, min_rest: int = 0) -> Optional[str]:
        """The longest word ``name`` ends with that leaves at least ``min_rest`` characters before it."""
        size = len(name)
        words = self.words
        for length in self._lengths:
            if size - length >= min_rest and name[size - length:] in words:
                return name[size - length:]
        return None

    def openings(self, text: str, at: int = 0) -> Iterator[str]:
        """Every word written at ``text[at:]``, longest first (for a rule that may refuse one and
        take a shorter: heads.head_at)."""
        words = self.words
        size = len(text)
        for length in self._lengths:
            if at + length <= size and text[at:at + length] in words:
                yield text[at:at + length]

    def longest_opening(self, text: str, at: int = 0, end: Optional[int] = None,
                        min_rest: int = 0) -> Optional[str]:
        """The longest word written at ``text[at:]`` that ends by ``end`` (default: the text's end)
        and leaves at least ``min_rest`` characters after it, before ``end``."""
        stop = len(text) if end is None else min(end, len(text))
        words = self.words
        for length in self._lengths:
            if stop - at - length >= min_rest and text[at:at + length] in words:
                return text[at:at + length]
        return None
