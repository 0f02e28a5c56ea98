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
model in :mod:`pipeline.nlp`; this module itself needs no spaCy.
"""
from __future__ import annotations

import gzip
import json
import re
import time
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from . import ner_kernels
from .ner_kernels import StringTable

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL_DIR = PROJECT_ROOT / "models" / "ner"

LABELS = ("PER", "LOC", "ORG")
TAGS = ("O",) + tuple(f"{p}-{l}" for l in LABELS for p in "BIES")
TAG2ID = {t: i for i, t in enumerate(TAGS)}
N_TAGS = len(TAGS)

# lexicon classes (index 0 = any word) and positions
# lexicon classes: 0-4 from jieba's dictionary (any word / nr* / ns / nt / nz), 5-7 from a
# gazetteer of the training set's entity strings (PER / LOC / ORG)
LEX_CLASSES = ("ANY", "PER", "LOC", "ORG", "NZ", "GAZ_PER", "GAZ_LOC", "GAZ_ORG")
N_LEX = 3 * len(LEX_CLASSES)  # positions B, M, E (max; a model may use fewer classes)
LEX_MAXLEN = 8  # jieba words
GAZ_MAXLEN = 16  # gazetteer entries

MAX_CHUNK = 200
INT8_GRAPH = "model.int8.onnx"  # encoder with int8 weights, written by recipes/export_onnx.py
_SENT_RE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;\n]*")
_SOFT_BREAK = set("，,、：: ")
_WS_RE = re.compile(r"\s+")

PAD, UNK = 0, 1


# --------------------------------------------------------------------------- normalisation
def _build_norm_table() -> dict[int, int]:
    table = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}  # full-width ASCII -> ASCII
    table[0x3000] = 0x20  # ideographic space
    return table


_NORM = _build_norm_table()


def normalize(text: str) -> str:
    """Per-character normalisation (same length as the input, so offsets are unchanged).

    >>> normalize("１９９７年ＷＴＯ，")
    '1997年WTO,'
    """
    return text.translate(_NORM)


_DIGITS = str.maketrans("0123456789", "0000000000")


def embed_key(text_norm: str) -> str:
    """The string whose chars/bigrams index the embeddings: digits collapse to ``0``."""
    return text_norm.translate(_DIGITS)


# --------------------------------------------------------------------------- lexicon
def jieba_class(flag: str) -> int:
    """jieba POS flag -> lexicon class index (0 = no special class)."""
    if flag.startswith("nr"):
        return 1
    if flag == "ns":
        return 2
    if flag == "nt":
        return 3
    if flag == "nz":
        return 4
    return 0


def build_lexicon_from_jieba() -> dict[str, int]:
    """word -> class bitmask (bit 0 = dictionary word, bit c = jieba class c; words of
    2..LEX_MAXLEN chars from jieba's bundled dict.txt)."""
    import jieba

    path = Path(jieba.__file__).resolve().parent / "dict.txt"
    lex: dict[str, int] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 3:
                continue
            w = normalize(parts[0])
            if not (2 <= len(w) <= LEX_MAXLEN):
                continue
            c = jieba_class(parts[2])
            lex[w] = lex.get(w, 0) | 1 | (1 << c)
    return lex


def lexicon_trie(lex: dict[str, int], n_classes: int = len(LEX_CLASSES)) -> dict[str, tuple[int, ...]]:
    """prefix dict: every word and every proper prefix; value = class ids to fire (() = prefix only).

    ``lex`` maps word -> bitmask of classes; classes >= n_classes are ignored."""
    trie: dict[str, tuple[int, ...]] = {}
    for w, bits in lex.items():
        cls = tuple(c for c in range(n_classes) if bits >> c & 1)
        if not cls:
            continue
        for k in range(2, len(w)):
            trie.setdefault(w[:k], ())
        trie[w] = cls
    return trie


def lexicon_features(text: str, trie: dict[str, tuple[int, ...]], n_classes: int = len(LEX_CLASSES)) -> np.ndarray:
    """(len(text), 3 * n_classes) float32 multi-hot lexicon flags for one (normalised) text."""
    n = len(text)
    feats = np.zeros((n, 3 * n_classes), np.float32)
    get = trie.get
    rows: list[int] = []
    cols: list[int] = []
    for i in range(n - 1):
        lim = min(GAZ_MAXLEN, n - i)
        for length in range(2, lim + 1):
            cls = get(text[i:i + length])
            if cls is None:
                break
            if cls:
                e = i + length - 1
                for c in cls:
                    base = 3 * c
                    rows.append(i)
                    cols.append(base)
                    rows.append(e)
                    cols.append(base + 2)
                    for j in range(i + 1, e):
                        rows.append(j)
                        cols.append(base + 1)
    if rows:
        feats[rows, cols] = 1.0
    return feats


def reference_features(text_norm: str, char2id: dict[str, int], bigram2id: dict[str, int],
                       trie: dict[str, tuple[int, ...]], n_classes: int):
    """The definition of the model's features for one chunk, one character at a time:
    char ids, ids of the bigrams ending / starting at each char (the chunk padded with
    ``\x00``), lexicon flags. :class:`FeatureExtractor` computes the same arrays vectorised."""
    key = embed_key(text_norm)
    c = np.fromiter((char2id.get(ch, UNK) for ch in key), np.int64, len(key))
    padded = "\x00" + key + "\x00"
    b = np.fromiter((bigram2id.get(padded[i:i + 2], UNK) for i in range(len(key) + 1)), np.int64, len(key) + 1)
    return c, b[:-1], b[1:], lexicon_features(text_norm, trie, n_classes)


# --------------------------------------------------------------------------- tags <-> spans
def spans_to_tags(n: int, spans: Iterable[Sequence]) -> list[int]:
    tags = [0] * n
    for s, e, lab in spans:
        if e - s == 1:
            tags[s] = TAG2ID["S-" + lab]
        else:
            tags[s] = TAG2ID["B-" + lab]
            for j in range(s + 1, e - 1):
                tags[j] = TAG2ID["I-" + lab]
            tags[e - 1] = TAG2ID["E-" + lab]
    return tags


def tags_to_spans(tags: Sequence[int]) -> list[tuple[int, int, str]]:
    spans = []
    start, cur = -1, None
    for i, t in enumerate(tags):
        tag = TAGS[t]
        if tag == "O":
            start, cur = -1, None
            continue
        p, lab = tag[0], tag[2:]
        if p == "S":
            spans.append((i, i + 1, lab))
            start, cur = -1, None
        elif p == "B":
            start, cur = i, lab
        elif p == "I":
            if cur != lab:
                start, cur = i, lab
        else:  # E
            if cur == lab and start >= 0:
                spans.append((start, i + 1, lab))
            else:
                spans.append((i, i + 1, lab))
            start, cur = -1, None
    return spans


def allowed_transitions() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """BIOES constraints: (trans[from, to], start[to], end[from]) boolean masks."""
    def parts(t):
        return ("O", None) if t == "O" else (t[0], t[2:])

    trans = np.zeros((N_TAGS, N_TAGS), bool)
    start = np.zeros(N_TAGS, bool)
    end = np.zeros(N_TAGS, bool)
    for i, a in enumerate(TAGS):
        pa, la = parts(a)
        start[i] = pa in ("O", "B", "S")
        end[i] = pa in ("O", "E", "S")
        for j, b in enumerate(TAGS):
            pb, lb = parts(b)
            if pa in ("O", "E", "S"):
                trans[i, j] = pb in ("O", "B", "S")
            else:  # B or I
                trans[i, j] = pb in ("I", "E") and lb == la
    return trans, start, end


# --------------------------------------------------------------------------- chunking
def split_chunks(text: str, max_len: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """Sentence-like chunks (start, end) covering the non-blank parts of ``text``."""
    out = []
    for m in _SENT_RE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        while e - s > max_len:
            cut = -1
            for k in range(s + max_len, s + max_len // 2, -1):
                if text[k - 1] in _SOFT_BREAK:
                    cut = k
                    break
            if cut < 0:
                cut = s + max_len
            out.append((s, cut))
            s = cut
        if e > s:
            out.append((s, e))
    return out


# --------------------------------------------------------------------------- fast features
class FeatureExtractor:
    """Character, bigram and lexicon features of a whole text in one compiled pass.

    The reference definition is per chunk and per character (``char2id``, ``bigram2id`` and
    :func:`lexicon_features` over :func:`lexicon_trie`); this class computes the same arrays
    with a table for characters and :class:`~pipeline.ner_kernels.StringTable` hash tables for
    bigrams and lexicon words (with their prefixes), walked by :mod:`pipeline.ner_kernels`, so
    no Python code runs per character. ``tests/test_ner.py`` checks that both give identical
    arrays on real pages and on MSRA.

    >>> fx = FeatureExtractor(["<pad>", "<unk>", "人", "民"], ["<pad>", "<unk>", "人民"], {"人民": 1}, 1)
    >>> c, bl, br, lex = fx.ids("人民")
    >>> c.tolist(), bl.tolist(), br.tolist(), lex.tolist()
    ([2, 3], [1, 2], [2, 1], [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    """

    def __init__(self, chars: Sequence[str], bigrams: Sequence[str], lex: dict[str, int], n_classes: int):
        self.n_classes = n_classes
        self.char2id = {c: i for i, c in enumerate(chars)}
        self._char_table = np.full(0x10000, UNK, np.int64)
        for c, i in self.char2id.items():
            if len(c) == 1 and ord(c) < 0x10000:
                self._char_table[ord(c)] = i
        pairs = [(b, i) for i, b in enumerate(bigrams) if len(b) == 2]
        self._bigrams = StringTable([b for b, _ in pairs], [i for _, i in pairs])
        mask = (1 << n_classes) - 1
        # longer words the reference never looks for; NUL separates chunks in a flat text
        words = [(w, bits & mask) for w, bits in lex.items()
                 if 2 <= len(w) <= GAZ_MAXLEN and bits & mask and "\x00" not in w]
        self._lexicon = StringTable([w for w, _ in words], [b for _, b in words], min_len=2, with_prefixes=True)
        self.max_len = max((len(w) for w, _ in words), default=1)

    def flat(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Feature arrays for every position of ``text`` (normalised; chunks may be joined by
        ``"\\x00"`` separators, which no lexicon word contains): char ids, ids of the bigram
        ending at / starting at each char, and (len, 3 * n_classes) lexicon flags."""
        cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        c, bl, br, lex = ner_kernels.features(cps, self._char_table, self._bigrams, self._lexicon,
                                              self.n_classes, self.max_len)
        if len(cps) and cps.max() >= 0x10000:  # outside the table: look the char up by name
            for i in np.flatnonzero(cps >= 0x10000).tolist():
                c[i] = self.char2id.get(text[i], UNK)
        return c, bl, br, lex

    def ids(self, text_norm: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Features of one chunk, as the model saw them in training (bigrams padded with ``\\x00``)."""
        return self.flat(text_norm)


# --------------------------------------------------------------------------- decoding
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


def _compile_viterbi():
    from numba import njit

    try:
        return njit(cache=True, nogil=True)(_viterbi_flat_py)
    except RuntimeError:  # no writable cache location: compile once per process instead
        return njit(nogil=True)(_viterbi_flat_py)


_viterbi_flat = _compile_viterbi()


# --------------------------------------------------------------------------- model
def _sigmoid(x):
    return 0.5 * np.tanh(0.5 * x) + 0.5


class NerModel:
    """Inference for the character CRF tagger stored in ``path``.

    ``backend`` picks how the CNN encoder runs: ``"onnx-int8"`` (onnxruntime, int8 weights from
    ``model.int8.onnx``, about 2x faster), ``"numpy"`` (float32 reference), or ``"auto"`` (the
    int8 graph when the model directory has one). Features and Viterbi are the same for both.
    """

    def __init__(self, path: str | Path, backend: str = "auto"):
        path = Path(path)
        self.path = path
        self.meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        vocab = json.loads((path / "vocab.json").read_text(encoding="utf-8"))
        cfg = self.meta["config"]
        self.n_classes = cfg.get("lex_classes", 5)
        bits_format = cfg.get("lexicon_format") == "bits"
        with gzip.open(path / "lexicon.txt.gz", "rt", encoding="utf-8") as f:
            fields = f.read().rstrip("\n").replace("\n", "\t").split("\t")  # word \t class per line
        classes = map(int, fields[1::2])
        if not bits_format:  # legacy: one jieba class per word
            classes = (1 | (1 << c) for c in classes)
        lex = dict(zip(fields[0::2], classes))
        self.features = FeatureExtractor(vocab["chars"], vocab["bigrams"], lex, self.n_classes)
        with np.load(path / "model.npz") as z:
            w = {k: z[k].astype(np.float32) for k in z.files}
        self._setup(w)
        self.backend = self._choose_backend(backend)

    def _choose_backend(self, backend: str) -> str:
        onnx_path = self.path / INT8_GRAPH
        if backend == "auto":
            backend = "onnx-int8" if self.arch == "cnn" and onnx_path.exists() else "numpy"
        if backend == "onnx-int8":
            import onnxruntime as ort

            opts = ort.SessionOptions()
            # one thread: the runner parallelises over pages with processes
            opts.intra_op_num_threads = 1
            opts.inter_op_num_threads = 1
            opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            self._session = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        elif backend != "numpy":
            raise ValueError(f"unknown NER backend {backend!r} (auto, numpy, onnx-int8)")
        return backend

    # ------------------------------------------------------------------ weights
    def _setup(self, w: dict[str, np.ndarray]):
        cfg = self.meta["config"]
        self.arch = cfg["arch"]
        trans_ok, start_ok, end_ok = allowed_transitions()
        neg = np.float32(-1e4)
        self.trans = np.where(trans_ok, w["crf.trans"], neg).astype(np.float32)
        self.start = np.where(start_ok, w["crf.start"], neg).astype(np.float32)
        self.end = np.where(end_ok, w["crf.end"], neg).astype(np.float32)
        self.out_W = np.ascontiguousarray(w["out.weight"].T)
        self.out_b = w["out.bias"]
        Ec, Eb = w["emb_char.weight"], w["emb_bigram.weight"]
        dc, db = Ec.shape[1], Eb.shape[1]
        if self.arch == "cnn":
            P = w["proj.weight"]  # (C, dc + 2 db + N_LEX)
            self.tab_c = Ec @ P[:, :dc].T + w["proj.bias"]
            self.tab_bl = Eb @ P[:, dc:dc + db].T
            self.tab_br = Eb @ P[:, dc + db:dc + 2 * db].T
            self.lex_W = np.ascontiguousarray(P[:, dc + 2 * db:].T)
            self.convs = []
            for k, d in enumerate(cfg["dilations"]):
                W = w[f"convs.{k}.weight"]  # (C, C, 3)
                self.convs.append(
                    (d, [np.ascontiguousarray(W[:, :, j].T) for j in range(3)], w[f"convs.{k}.bias"])
                )
            self.gap = max(cfg["dilations"]) if cfg["dilations"] else 1
        else:
            self.Ec, self.Eb = Ec, Eb
            self.lstm = []
            for sfx in ("", "_reverse"):
                Wih = w[f"lstm.weight_ih_l0{sfx}"]  # (4H, I), gates i f g o
                Whh = w[f"lstm.weight_hh_l0{sfx}"]
                b = w[f"lstm.bias_ih_l0{sfx}"] + w[f"lstm.bias_hh_l0{sfx}"]
                H = Whh.shape[1]
                # reorder gates to i f o | g so the three sigmoids are contiguous
                order = np.r_[0:H, H:2 * H, 3 * H:4 * H, 2 * H:3 * H]
                Wc = Wih[order]
                self.lstm.append({
                    "tab_c": Ec @ Wc[:, :dc].T + b[order],
                    "W_b": np.ascontiguousarray(Wc[:, dc:dc + 2 * db].T),
                    "W_lex": np.ascontiguousarray(Wc[:, dc + 2 * db:].T),
                    "Whh": np.ascontiguousarray(Whh[order].T),
                    "H": H,
                })
            # fused copies: sigmoid gates (i f o) pre-scaled by 1/2 so one tanh serves all gates
            half = np.ones(4 * H, np.float32)
            half[:3 * H] = 0.5
            for p in self.lstm:
                p["tab_c"] = p["tab_c"] * half
            self.W_b2 = np.concatenate([p["W_b"] * half for p in self.lstm], axis=1)
            self.W_lex2 = np.concatenate([p["W_lex"] * half for p in self.lstm], axis=1)
            self.Whh2 = np.stack([p["Whh"] * half for p in self.lstm])

    # ------------------------------------------------------------------ encoders
    def _emissions_cnn(self, flat_text: str, mask: np.ndarray, offsets: Sequence[int],
                       lengths: Sequence[int]) -> np.ndarray:
        """Emissions for every position of a flat layout: chunks separated (and surrounded) by
        ``gap`` NUL characters whose rows ``mask`` zeroes, so no convolution sees across chunks."""
        c, bl, br, lex = self.features.flat(flat_text)
        x = np.empty((len(c), self.tab_c.shape[1]), np.float32)
        ner_kernels.embed(c, bl, br, lex, self.tab_c, self.tab_bl, self.tab_br, self.lex_W, mask[:, 0], x)
        if self.backend == "numpy":
            return self._conv_numpy(x, mask)
        # one int8 call per chunk: activations are quantised with one scale per call, so a
        # chunk's emissions depend on that chunk alone, never on the rest of the page
        em = np.zeros((len(x), N_TAGS), np.float32)
        run = self._session.run
        for o, n in zip(offsets, lengths):
            em[o:o + n] = run(None, {"x": x[o:o + n]})[0]
        return em

    def _conv_numpy(self, x: np.ndarray, mask: np.ndarray) -> np.ndarray:
        for d, (W0, W1, W2), b in self.convs:
            # the flat layout starts and ends with >= d zero rows, so the rows outside
            # [d, total - d) are gaps (masked to 0 below) and need no padding
            h = np.zeros_like(x)
            hv = h[d:-d]
            np.matmul(x[:-2 * d], W0, out=hv)
            hv += x[d:-d] @ W1
            hv += x[2 * d:] @ W2
            hv += b
            np.maximum(h, 0, out=h)
            h *= mask
            x = x + h
        return x @ self.out_W + self.out_b

    def _emissions_lstm(self, feats):
        """Both directions run in one time loop; the input gates of all chunks in one matmul."""
        fw, bw = self.lstm
        H = fw["H"]
        lens_all = [len(f[0]) for f in feats]
        c = np.concatenate([f[0] for f in feats])
        bemb = np.concatenate([self.Eb[np.concatenate([f[1] for f in feats])],
                               self.Eb[np.concatenate([f[2] for f in feats])]], axis=1)
        lx = np.concatenate([f[3] for f in feats])
        flat = np.concatenate([fw["tab_c"][c], bw["tab_c"][c]], axis=1)
        flat += bemb @ self.W_b2 + lx @ self.W_lex2
        offs = np.concatenate([[0], np.cumsum(lens_all)])
        Hflat = np.empty((len(c), 2 * H), np.float32)
        order = sorted(range(len(feats)), key=lambda i: lens_all[i])
        B = 128
        for k in range(0, len(order), B):
            group = order[k:k + B]
            lens = [lens_all[i] for i in group]
            T, nb = max(lens), len(group)
            G = np.zeros((T, 2, nb, 4 * H), np.float32)
            for r, i in enumerate(group):
                o, n = offs[i], lens_all[i]
                G[:n, 0, r] = flat[o:o + n, :4 * H]
                G[:n, 1, r] = flat[o:o + n, 4 * H:][::-1]
            h = np.zeros((2, nb, H), np.float32)
            cst = np.zeros((2, nb, H), np.float32)
            Hs = np.empty((T, 2, nb, H), np.float32)
            Whh = self.Whh2
            for t in range(T):
                gt = G[t] + np.matmul(h, Whh)
                sg = np.tanh(gt)  # sigmoid(x) = 0.5 * tanh(x / 2) + 0.5 (weights pre-halved)
                sg[..., :3 * H] *= 0.5
                sg[..., :3 * H] += 0.5
                cst = sg[..., H:2 * H] * cst + sg[..., :H] * sg[..., 3 * H:]
                h = sg[..., 2 * H:3 * H] * np.tanh(cst)
                Hs[t] = h
            for r, i in enumerate(group):
                o, n = offs[i], lens_all[i]
                Hflat[o:o + n, :H] = Hs[:n, 0, r]
                Hflat[o:o + n, H:] = Hs[:n, 1, r][::-1]
        em = Hflat @ self.out_W + self.out_b
        return [em[offs[i]:offs[i + 1]] for i in range(len(feats))]

    # ------------------------------------------------------------------ decoding
    def _viterbi_reference(self, ems: list[np.ndarray]) -> list[np.ndarray]:
        """Batched numpy Viterbi: the reference that the compiled ``_viterbi_flat`` is tested against."""
        if not ems:
            return []
        lens = np.array([len(e) for e in ems])
        order = np.argsort(lens, kind="stable")
        res: list = [None] * len(ems)
        ar = np.arange(N_TAGS)
        for k in range(0, len(order), 256):
            group = order[k:k + 256]
            gl = lens[group]
            T, nb = int(gl.max()), len(group)
            E = np.zeros((nb, T, N_TAGS), np.float32)
            for r, i in enumerate(group):
                E[r, :gl[r]] = ems[i]
            score = self.start[None, :] + E[:, 0]
            bps = np.empty((T, nb, N_TAGS), np.int64)
            bps[0] = ar
            trans = self.trans[None]
            for t in range(1, T):
                cand = score[:, :, None] + trans
                bp = cand.argmax(axis=1)
                best = cand.max(axis=1) + E[:, t]
                active = (gl > t)[:, None]
                score = np.where(active, best, score)
                bps[t] = np.where(active, bp, ar)
            score = score + self.end[None]
            last = score.argmax(axis=1)
            path = np.empty((nb, T), np.int64)
            path[:, T - 1] = last
            for t in range(T - 1, 0, -1):
                last = bps[t, np.arange(nb), last]
                path[:, t - 1] = last
            for r, i in enumerate(group):
                res[i] = path[r, :gl[r]]
        return res

    # ------------------------------------------------------------------ public
    def predict_many(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """Entities of each text, ``[(start, end, label), ...]`` sorted, offsets into that text.

        All chunks (sentence-like pieces) of all texts share one feature pass, but each chunk is
        encoded on its own (zero gaps between chunks in the numpy encoder, one call per chunk in
        the int8 one), so a text's entities never depend on the other texts of the batch."""
        chunks = []  # (text index, chunk start in text, kept positions or None, chunk as tagged)
        for ti, text in enumerate(texts):
            if not text:
                continue
            norm = normalize(text)
            for s, e in split_chunks(norm):
                chunk = norm[s:e]
                keep = None
                if _WS_RE.search(chunk):
                    # the training text has no whitespace ("张 昊" on pages): tag the chunk with
                    # its whitespace removed and map the offsets back
                    keep = [i for i, ch in enumerate(chunk) if not ch.isspace()]
                    chunk = _WS_RE.sub("", chunk)
                chunks.append((ti, s, keep, chunk))
        results: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        if not chunks:
            return results
        lengths = np.array([len(ch) for *_, ch in chunks], np.int64)
        if self.arch == "cnn":
            gap = "\x00" * self.gap
            flat = gap + gap.join(ch for *_, ch in chunks) + gap
            offsets = self.gap + np.concatenate([[0], np.cumsum(lengths[:-1] + self.gap)])
            mask = np.zeros((len(flat), 1), np.float32)
            for o, n in zip(offsets.tolist(), lengths.tolist()):
                mask[o:o + n] = 1.0
            em = self._emissions_cnn(flat, mask, offsets.tolist(), lengths.tolist())
        else:
            em = np.concatenate(self._emissions_lstm([self.features.ids(ch) for *_, ch in chunks]))
            offsets = np.concatenate([[0], np.cumsum(lengths[:-1])])
        tags = np.zeros(len(em), np.int64)
        _viterbi_flat(np.ascontiguousarray(em, np.float32), offsets, lengths, self.trans, self.start, self.end, tags)
        for (ti, s, keep, _), o, n in zip(chunks, offsets.tolist(), lengths.tolist()):
            spans = tags_to_spans(tags[o:o + n].tolist())
            if keep is None:
                results[ti].extend((s + a, s + b, lab) for a, b, lab in spans)
            else:
                results[ti].extend((s + keep[a], s + keep[b - 1] + 1, lab) for a, b, lab in spans)
        for r in results:
            r.sort()
        return results

    def predict(self, text: str) -> list[tuple[int, int, str]]:
        """``[(start, end, label), ...]`` sorted, with offsets into ``text``."""
        return self.predict_many([text])[0]


@lru_cache(maxsize=None)
def _load_cached(path: str) -> NerModel:
    return NerModel(path)


def load_ner_model(path: str | Path | None = None) -> NerModel:
    """The model stored at ``path`` (default ``models/ner`` in the repo), loaded once per process."""
    p = Path(path) if path is not None else DEFAULT_MODEL_DIR
    return _load_cached(str(p.resolve()))


# --------------------------------------------------------------------------- JSONL + scoring
def ner_jsonl(in_stream, out_stream, model: NerModel | None = None, batch_size: int = 64) -> int:
    """Read ``{"text": ...}`` lines, write ``{"text", "entities": [[s, e, type], ...]}`` lines."""
    model = model or load_ner_model()
    n = 0
    batch: list[dict] = []

    def flush():
        preds = model.predict_many([r.get("text") or "" for r in batch])
        for rec, ents in zip(batch, preds):
            out = {"text": rec.get("text") or "", "entities": [[s, e, lab] for s, e, lab in ents]}
            out_stream.write(json.dumps(out, ensure_ascii=False) + "\n")
        batch.clear()

    for line in in_stream:
        line = line.strip()
        if not line:
            continue
        batch.append(json.loads(line))
        n += 1
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return n


def score_spans(gold: Sequence[Iterable], pred: Sequence[Iterable]) -> dict:
    """Exact span+type P/R/F1 per type and micro over parallel lists of span lists."""
    tp = {l: 0 for l in LABELS}
    ng = {l: 0 for l in LABELS}
    npred = {l: 0 for l in LABELS}
    for g, p in zip(gold, pred):
        gs = {(int(s), int(e), l) for s, e, l in g}
        ps = {(int(s), int(e), l) for s, e, l in p}
        for s in gs:
            ng[s[2]] += 1
        for s in ps:
            npred[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1

    def prf(t, n_p, n_g):
        p = t / n_p if n_p else 0.0
        r = t / n_g if n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "support": n_g}

    res = {l: prf(tp[l], npred[l], ng[l]) for l in LABELS}
    res["micro"] = prf(sum(tp.values()), sum(npred.values()), sum(ng.values()))
    return res


def evaluate(gold_jsonl_path: str | Path, model: NerModel | None = None, limit: int | None = None) -> dict:
    """Score ``model`` (default: the committed one) on a gold JSONL file in the corpora format."""
    model = model or load_ner_model()
    texts, gold = [], []
    with open(gold_jsonl_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            texts.append(r["text"])
            gold.append(r["entities"])
            if limit and len(texts) >= limit:
                break
    t0 = time.perf_counter()
    pred = model.predict_many(texts)
    dt = time.perf_counter() - t0
    res = score_spans(gold, pred)
    res["n_sentences"] = len(texts)
    res["chars_per_s"] = round(sum(map(len, texts)) / dt) if dt > 0 else None
    return res
