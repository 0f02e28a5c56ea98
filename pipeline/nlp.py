"""The spaCy side of the pipeline: the ``zh_sentencizer`` and ``zh_char_ner`` components and the
shared ``load_nlp()`` pipeline.

The run path needs no spaCy: sentences come from :func:`pipeline.segment.sentence_spans` and
entities from :class:`pipeline.ner.NerModel`, so worker processes never import this module
(spaCy costs about 0.5 s and 50 MB per process). It is for analysts and the ``segment``
command, which want a ``Doc`` with words, sentences and ``doc.ents``.

Both components are registered when this module is imported and, through the package's
``spacy_factories`` entry points, whenever spaCy looks a name up, so after installing the
package ``spacy.blank("zh").add_pipe("zh_char_ner")`` works without importing anything:

>>> import spacy
>>> nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
>>> _ = nlp.add_pipe("zh_sentencizer"); _ = nlp.add_pipe("zh_char_ner")
>>> doc = nlp("石家庄市人民医院检验科主任宋国威。他说。")
>>> [(e.text, e.label_) for e in doc.ents], len(list(doc.sents))
([('石家庄市人民医院检验科', 'ORG'), ('宋国威', 'PER')], 2)
"""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .ner import NerModel, load_ner_model
from .segment import sentence_spans

if not Doc.has_extension("char_ents"):
    Doc.set_extension("char_ents", default=None)


def doc_text(doc: Doc) -> str:
    """``doc.text`` without rebuilding it: spaCy joins every token on each access,
    so :func:`pipeline.segment.segment` keeps the input string in ``doc.user_data``."""
    text = doc.user_data.get("text")
    return text if isinstance(text, str) else doc.text


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


class CharNerComponent:
    """Sets ``doc._.char_ents`` (the model's character spans) and ``doc.ents`` (those spans
    expanded to token boundaries, overlaps dropped)."""

    def __init__(self, nlp: Language, name: str, model_path: str | None = None):
        self.name = name
        self.model_path = model_path

    @property
    def model(self) -> NerModel:
        return load_ner_model(self.model_path)

    def _apply(self, doc: Doc, spans) -> Doc:
        doc._.char_ents = list(spans)
        ents, last_end = [], -1
        for s, e, lab in spans:
            span = doc.char_span(s, e, label=lab, alignment_mode="expand")
            if span is None or span.start < last_end:
                continue
            ents.append(span)
            last_end = span.end
        doc.ents = ents
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return self._apply(doc, self.model.predict(doc_text(doc)))

    def pipe(self, stream, batch_size: int = 64):
        buf = []
        for doc in stream:
            buf.append(doc)
            if len(buf) >= batch_size:
                yield from self._flush(buf)
        if buf:
            yield from self._flush(buf)

    def _flush(self, buf):
        preds = self.model.predict_many([doc_text(d) for d in buf])
        out = [self._apply(d, p) for d, p in zip(buf, preds)]
        buf.clear()
        return out


@Language.factory("zh_char_ner", default_config={"model_path": None})
def make_zh_char_ner(nlp: Language, name: str, model_path: str | None) -> CharNerComponent:
    return CharNerComponent(nlp, name, model_path)


@lru_cache(maxsize=None)
def load_nlp() -> Language:
    """The shared spaCy pipeline: jieba tokenizer, ``zh_sentencizer``, ``zh_char_ner``.

    ``nlp(text).ents`` gives the trained model's entities; :func:`pipeline.segment.segment`
    skips the NER component (the entities stage applies it, so the two stages are timed apart).
    """
    import spacy

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("zh_sentencizer")
    nlp.add_pipe("zh_char_ner")
    return nlp
