"""Character-level Chinese named-entity recogniser (PER / LOC / ORG), served with numpy.

The model (trained by ``recipes/train_ner.py``) tags each character with BIOES tags.
Per character it sees

* a character embedding,
* two character-bigram embeddings (the bigram ending at and the bigram starting at the char),
* lexicon flags (position B/M/E x class) for every lexicon entry covering the character: words of
  2..8 chars from jieba's dictionary (classes any / person ``nr*`` / place ``ns`` / organization
  ``nt`` / other proper noun ``nz``) and entity strings of the training set (gazetteer classes
  PER / LOC / ORG); the lexicon ships inside the model directory,

followed by an encoder (a stack of residual dilated 1-D convolutions, or a BiLSTM) and a
linear-chain CRF decoded with Viterbi under BIOES constraints. Everything at run time is numpy:
no torch, no downloads. Text is normalised per character (full-width ASCII -> ASCII,
ideographic space -> space, digits -> one digit class for the embeddings), so offsets map 1:1.

Public API::

    load_ner_model(path=None) -> NerModel       # cached per process
    NerModel.predict(text) -> [(start, end, label), ...]
    NerModel.predict_many(texts) -> [[...], ...]
    ner_jsonl(in_stream, out_stream)            # {"text"} lines -> {"text", "entities"} lines
    evaluate(gold_jsonl_path, model=None) -> dict  # per-type and micro P/R/F1 (exact match)

The spaCy component ``"zh_char_ner"`` (sets ``doc.ents`` and ``doc._.char_ents``) wraps this
model in :mod:`pipeline.nlp`; this package itself needs no spaCy.

Modules, by concern (every name above, and the ones the training and export recipes use, is
importable from ``pipeline.ner``):

* :mod:`~pipeline.ner.tags` — BIOES tags, spans <-> tags, the CRF's allowed transitions;
* :mod:`~pipeline.ner.features` — normalisation, lexicon, bigrams, ``FeatureExtractor``,
  ``reference_features``, chunking;
* :mod:`~pipeline.ner.kernels` — the compiled (numba) loops behind the features;
* :mod:`~pipeline.ner.model` — ``NerModel`` (``predict_many``, ``span_confidence``), ``load_ner_model``;
* :mod:`~pipeline.ner.crf` — the compiled CRF inference: Viterbi and the tag marginals;
* :mod:`~pipeline.ner.scoring` — ``ner_jsonl``, ``score_spans``, ``evaluate``.
"""
from __future__ import annotations

from .features import (GAZ_MAXLEN, LEX_CLASSES, LEX_MAXLEN, MAX_CHUNK, N_LEX, PAD, UNK, FeatureExtractor,
                       build_lexicon_from_jieba, embed_key, jieba_class, lexicon_features, lexicon_trie,
                       normalize, reference_features, split_chunks)
from .crf import _viterbi_flat  # noqa: F401 (tests compare it with the numpy reference)
from .model import DEFAULT_MODEL_DIR, INT8_GRAPH, NerModel, load_ner_model
from .scoring import evaluate, ner_jsonl, score_spans
from .tags import LABELS, N_TAGS, TAG2ID, TAGS, allowed_transitions, spans_to_tags, tags_to_spans

__all__ = [
    "GAZ_MAXLEN", "LEX_CLASSES", "LEX_MAXLEN", "MAX_CHUNK", "N_LEX", "PAD", "UNK", "FeatureExtractor",
    "build_lexicon_from_jieba", "embed_key", "jieba_class", "lexicon_features", "lexicon_trie", "normalize",
    "reference_features", "split_chunks", "DEFAULT_MODEL_DIR", "INT8_GRAPH", "NerModel", "load_ner_model",
    "evaluate", "ner_jsonl", "score_spans", "LABELS", "N_TAGS", "TAG2ID", "TAGS", "allowed_transitions",
    "spans_to_tags", "tags_to_spans",
]
