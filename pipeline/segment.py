"""Stage 4 — segment: cleaned simplified text → spaCy ``Doc`` with words and sentences.

Contract
--------
``segment(text) -> Doc``. Words come from spaCy's Chinese tokenizer with the
jieba segmenter (``jieba.cut``, never ``jieba.posseg``, which is ~6× slower);
sentences from the ``zh_sentencizer`` component, which applies ``sentence_spans``.
The shared ``load_nlp()`` pipeline (``pipeline/nlp.py``) also holds the
``zh_char_ner`` component, which ``segment`` leaves to the entities stage. The text
must already be simplified: jieba's dictionary is simplified and it slows down
and mis-segments on traditional script.

``sentence_spans(text)`` gives the same sentence boundaries as character
offsets without building a Doc.

Sentence rule: a sentence ends after 。！？!?；; or …… (plus any closing
quotes/brackets that follow), and at every line break (paragraphs never run
together). Whitespace between sentences belongs to no sentence.

>>> [s.text for s in segment("疾风知劲草，烈火炼真金。连日来，党员挺身而出！").sents]
['疾风知劲草，烈火炼真金。', '连日来，党员挺身而出！']
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # spaCy is imported only when a Doc is asked for (pipeline/nlp.py)
    from spacy.tokens import Doc

_SENTENCE_END = re.compile(r"(?:[。！？!?；;]|…{1,2}|\.{3,6})[”’」』\"')）】]*|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries as ``(start, end)`` character offsets, whitespace trimmed.

    >>> sentence_spans("一。二！\\n三")
    [(0, 2), (2, 4), (5, 6)]
    """
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if m.group()[0] != "\n" else m.start()
        _append_trimmed(text, start, end, spans)
        start = m.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


class SentenceIndex:
    r"""Which sentence an offset falls in, by bisection over ``sentence_spans``.

    >>> index = SentenceIndex("一。二！\n三", [(0, 2), (2, 4), (5, 6)])
    >>> index.containing(3), index.containing(4), index.at_or_before(4), index.position_at_or_before(5)
    ((2, 4), (0, 6), (2, 4), 2)
    """

    def __init__(self, text: str, spans: Sequence[tuple[int, int]]):
        self.length = len(text)
        self.spans = sorted(spans) if spans else [(0, len(text))]
        self.starts = [s for s, _ in self.spans]

    def position_at_or_before(self, offset: int) -> int:
        """Index of the last sentence starting at or before ``offset`` (0 before any)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def at_or_before(self, offset: int) -> tuple[int, int]:
        """The last sentence starting at or before ``offset`` (the first one before any)."""
        return self.spans[self.position_at_or_before(offset)]

    def containing(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset``; the whole text when none does (between sentences)."""
        i = bisect_right(self.starts, offset) - 1
        start, end = self.spans[i] if i >= 0 else (0, self.length)
        return (start, end) if start <= offset < end else (0, self.length)


def segment(text: str) -> "Doc":
    """Words and sentences of ``text`` (simplified script); no entities yet."""
    from .nlp import load_nlp

    nlp = load_nlp()
    doc = nlp.make_doc(text)
    doc.user_data["text"] = text  # spaCy rebuilds doc.text from the tokens on every access
    for name, component in nlp.pipeline:
        if name != "zh_char_ner":
            doc = component(doc)
    return doc
