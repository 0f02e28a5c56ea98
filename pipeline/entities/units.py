"""The records the entity rules pass around: a mention, where a name is first written, and the
text units (the body, each caption) entities are read from.

>>> unit = TextUnit("第一句。第二句有宋国威。", True, [(0, 4), (4, 12)])
>>> unit.position(8, 11)
Position(start=8, end=11, sentence='第二句有宋国威。')
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Optional, Sequence

from ..segment import SentenceIndex


@dataclass
class Mention:
    start: int
    end: int
    label: str  # PER | LOC | ORG
    unit: int  # 0 = body, k > 0 = caption k-1


class FirstMention(NamedTuple):
    """Where a name is first written: the text unit and the offsets in it."""

    unit: int
    start: int
    end: int


class Position(NamedTuple):
    """A row's offsets into the body and its sentence (offsets ``None`` outside the body)."""

    start: Optional[int]
    end: Optional[int]
    sentence: str


@dataclass
class TextUnit:
    """A piece of text entities are read from: the body, or one caption."""

    text: str
    in_body: bool
    sentences: Sequence[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self):
        self._index = SentenceIndex(self.text, self.sentences)

    def sentence_at(self, offset: int) -> str:
        if not self.in_body or not self.sentences:
            return self.text
        s, e = self._index.at_or_before(offset)
        return self.text[s:e]

    def position(self, start: int, end: int) -> Position:
        """A caption has no offsets into the body: its rows give the caption as the sentence."""
        if self.in_body:
            return Position(start, end, self.sentence_at(start))
        return Position(None, None, self.text)


class FirstMentions:
    """Distinct names in order of first mention, with the first mention's place."""

    def __init__(self):
        self.first: dict[str, FirstMention] = {}

    def add(self, name: str, unit: int, start: int, end: int) -> None:
        if name not in self.first:
            self.first[name] = FirstMention(unit, start, end)


def replacing_overlaps(mentions: list[Mention], new: Mention) -> list[Mention]:
    """``mentions`` without those overlapping ``new``, then ``new``."""
    return [m for m in mentions if not (m.start < new.end and m.end > new.start)] + [new]


def occurrences(text: str, word: str, limit: Optional[int] = None) -> list[int]:
    """Where ``text`` writes ``word`` (overlapping ones too), the first ``limit`` of them."""
    starts, at = [], text.find(word)
    while at >= 0 and (limit is None or len(starts) < limit):
        starts.append(at)
        at = text.find(word, at + 1)
    return starts


def coverage(size: int, mentions: Sequence[Mention]) -> bytearray:
    """One byte per character of a text of ``size`` characters, 1 where a mention covers it (the
    rules that add a mention only where the model tagged nothing ask it with ``any(covered[s:e])``)."""
    covered = bytearray(size)
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    return covered


def uncovered_occurrences(text: str, names: Sequence[str], mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """Spans where ``text`` writes one of ``names`` and no mention (nor an earlier span found
    here) covers any of its characters, for the rules that find a known name wherever it is
    written (a national leader, a name the model tagged elsewhere in the unit)."""
    covered = coverage(len(text), mentions)
    spans = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            e = at + len(name)
            if not any(covered[at:e]):
                spans.append((at, e))
                covered[at:e] = b"\x01" * len(name)
            at = text.find(name, e)
    return spans
