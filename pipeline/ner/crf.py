"""Inference in the NER model's linear-chain CRF, compiled with numba: the best tag path
(``_viterbi_flat``, what ``NerModel.predict_many`` decodes with) and the tag marginals
(``crf_marginals``, what ``NerModel.span_confidence`` reads).

Contract
--------
Emissions are ``(T, L)`` scores, ``trans[i, j]`` the score of tag ``i`` followed by ``j``, and
``start`` / ``end`` the scores of the first and last tag; a forbidden transition carries a large
negative score. ``crf_marginals`` returns ``P(tag_t = j | x)``, each row summing to 1.

>>> em = np.log(np.array([[0.9, 0.1], [0.2, 0.8]]))
>>> crf_marginals(em, np.zeros((2, 2)), np.zeros(2), np.zeros(2)).round(2).tolist()
[[0.9, 0.1], [0.2, 0.8]]
"""
from __future__ import annotations

import numpy as np


def _viterbi_flat_py(em, offsets, lengths, trans, start, end, out):  # pragma: no cover - compiled
    """Viterbi for each span ``em[o:o + n]`` of a flat emission array; tags written to ``out``.

    Ties go to the lowest tag id, as with ``numpy.argmax``; sums stay in float32 like the numpy
    reference (:meth:`NerModel._viterbi_reference`)."""
    n_tags = em.shape[1]
    max_len = 0
    for k in range(len(lengths)):
        max_len = max(max_len, lengths[k])
    back = np.zeros((max(max_len, 1), n_tags), np.int64)
    score = np.empty(n_tags, np.float32)
    new = np.empty(n_tags, np.float32)
    for k in range(len(offsets)):
        o, n = offsets[k], lengths[k]
        if n == 0:
            continue
        for j in range(n_tags):
            score[j] = start[j] + em[o, j]
        for t in range(1, n):
            for j in range(n_tags):
                best = score[0] + trans[0, j]
                arg = 0
                for i in range(1, n_tags):
                    v = score[i] + trans[i, j]
                    if v > best:
                        best = v
                        arg = i
                new[j] = best + em[o + t, j]
                back[t, j] = arg
            for j in range(n_tags):
                score[j] = new[j]
        best = score[0] + end[0]
        arg = 0
        for j in range(1, n_tags):
            v = score[j] + end[j]
            if v > best:
                best = v
                arg = j
        out[o + n - 1] = arg
        for t in range(n - 1, 0, -1):
            arg = back[t, arg]
            out[o + t - 1] = arg


def _crf_marginals_py(em, trans, start, end, out):  # pragma: no cover - compiled
    """Forward-backward with per-step scaling (probability space: one exp per score, no
    log-sum-exp in the inner loop); ``out`` receives ``P(tag_t = j | x)``."""
    n, n_tags = em.shape
    expt = np.exp(trans - trans.max())
    p = np.empty((n, n_tags))  # exp(emissions), each row scaled by its max
    for t in range(n):
        m = em[t, 0]
        for j in range(1, n_tags):
            m = max(m, em[t, j])
        for j in range(n_tags):
            p[t, j] = np.exp(em[t, j] - m)
    alpha = np.empty((n, n_tags))
    beta = np.empty((n, n_tags))
    m = start[0]
    for j in range(1, n_tags):
        m = max(m, start[j])
    total = 0.0
    for j in range(n_tags):
        alpha[0, j] = np.exp(start[j] - m) * p[0, j]
        total += alpha[0, j]
    for j in range(n_tags):
        alpha[0, j] /= total
    for t in range(1, n):
        total = 0.0
        for j in range(n_tags):
            acc = 0.0
            for i in range(n_tags):
                acc += alpha[t - 1, i] * expt[i, j]
            alpha[t, j] = acc * p[t, j]
            total += alpha[t, j]
        for j in range(n_tags):
            alpha[t, j] /= total
    m = end[0]
    for j in range(1, n_tags):
        m = max(m, end[j])
    for j in range(n_tags):
        beta[n - 1, j] = np.exp(end[j] - m)
    for t in range(n - 2, -1, -1):
        total = 0.0
        for i in range(n_tags):
            acc = 0.0
            for j in range(n_tags):
                acc += expt[i, j] * p[t + 1, j] * beta[t + 1, j]
            beta[t, i] = acc
            total += acc
        for i in range(n_tags):
            beta[t, i] /= total
    for t in range(n):
        total = 0.0
        for j in range(n_tags):
            out[t, j] = alpha[t, j] * beta[t, j]
            total += out[t, j]
        for j in range(n_tags):
            out[t, j] /= total


def _compile(fn):
    from numba import njit

    try:
        return njit(cache=True, nogil=True)(fn)
    except RuntimeError:  # no writable cache location: compile once per process instead
        return njit(nogil=True)(fn)


_viterbi_flat = _compile(_viterbi_flat_py)
_crf_marginals = _compile(_crf_marginals_py)


def crf_marginals(em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """``P(tag_t = j | x)`` for a linear-chain CRF with emissions ``em`` (T × L), transitions
    ``trans[i, j]`` (i → j) and start/end scores; forbidden transitions carry large negative
    scores, so they get no mass. Compiled (numba), in float64.

    >>> em = np.log(np.array([[0.9, 0.1], [0.2, 0.8]]))
    >>> crf_marginals(em, np.zeros((2, 2)), np.zeros(2), np.zeros(2)).round(2).tolist()
    [[0.9, 0.1], [0.2, 0.8]]
    """
    args = [np.ascontiguousarray(a, np.float64) for a in (em, trans, start, end)]
    out = np.empty_like(args[0])
    _crf_marginals(*args, out)
    return out
