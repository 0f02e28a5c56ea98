"""Stage 4 — segment: cleaned simplified text → spaCy ``Doc`` with words and sentences.

Contract
--------
``segment(text) -> Doc``. Words come from spaCy's Chinese tokenizer with the
jieba segmenter (``jieba.cut``, never ``jieba.posseg``, which is ~6× slower);
sentences from ``zh_sentencizer`` below. The shared ``load_nlp()`` pipeline
also holds the ``zh_char_ner`` component (``pipeline/ner.py``), which
``segment`` leaves to the entities stage. The text
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
from functools import lru_cache

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .ner import doc_text

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


@Language.component("zh_sentencizer")
def zh_sentencizer(doc: Doc) -> Doc:
    """Set sentence starts from ``sentence_spans`` (punctuation and line breaks)."""
    if not len(doc):
        return doc
    starts = numpy.array([s for s, _ in sentence_spans(doc_text(doc))], dtype="int64")
    # Whitespace between two sentences stays with the one before it.
    sentence_of = numpy.searchsorted(starts, doc.to_array("IDX").astype("int64"), side="right") - 1
    flags = numpy.where(numpy.diff(sentence_of, prepend=-1) != 0, 1, -1).astype("int32")
    flags[0] = 1
    # One bulk write: setting token.is_sent_start one by one re-checks the whole
    # Doc's annotation on every call, which is quadratic in the number of tokens.
    doc.from_array([SENT_START], flags.astype("uint64"))
    return doc


@lru_cache(maxsize=None)
def load_nlp() -> Language:
    """The shared spaCy pipeline: jieba tokenizer, ``zh_sentencizer``, ``zh_char_ner``.

    ``nlp(text).ents`` gives the trained model's entities; the pipeline's own
    ``segment`` skips the NER component (the entities stage applies it, so
    the two stages are timed apart).
    """
    import spacy

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("zh_sentencizer")
    nlp.add_pipe("zh_char_ner")  # factory registered by importing pipeline.ner
    return nlp


def segment(text: str) -> Doc:
    """Words and sentences of ``text`` (simplified script); no entities yet."""
    nlp = load_nlp()
    doc = nlp.make_doc(text)
    doc.user_data["text"] = text  # spaCy rebuilds doc.text from the tokens on every access
    for name, component in nlp.pipeline:
        if name != "zh_char_ner":
            doc = component(doc)
    return doc
