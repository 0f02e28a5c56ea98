"""What the NER model sees per character: normalisation, lexicon flags, bigrams, chunking.

Per character the model sees its character id, the ids of the two bigrams around it (ending at
and starting at the char) and lexicon flags (position B/M/E x class) for every lexicon entry
covering it. ``reference_features`` defines them one Python lookup at a time;
``FeatureExtractor`` computes the same arrays for a whole text with the compiled loops of
:mod:`pipeline.ner.kernels` (``tests/test_ner.py`` checks both agree). ``split_chunks`` cuts a
text into the sentence-like pieces the model tags one at a time.

>>> split_chunks("党员干部。  冲在一线！")
[(0, 5), (7, 12)]
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

import numpy as np

from pipeline.text.chars import NAME_DOTS

from . import kernels
from .kernels import StringTable

# lexicon classes: 0-4 from jieba's dictionary (any word / nr* / ns / nt / nz), 5-7 from a
# gazetteer of the training set's entity strings (PER / LOC / ORG)
LEX_CLASSES = ("ANY", "PER", "LOC", "ORG", "NZ", "GAZ_PER", "GAZ_LOC", "GAZ_ORG")
N_LEX = 3 * len(LEX_CLASSES)  # positions B, M, E (max; a model may use fewer classes)
LEX_MAXLEN = 8  # jieba words
GAZ_MAXLEN = 16  # gazetteer entries

MAX_CHUNK = 200
_SENT_RE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;\n]*")
_SOFT_BREAK = set("，,、：: ")

PAD, UNK = 0, 1


# --------------------------------------------------------------------------- normalisation
def _build_norm_table() -> dict[int, int]:
    table = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}  # full-width ASCII -> ASCII
    table[0x3000] = 0x20  # ideographic space
    # 本尼・甘茨, 雪克来提•扎克尔: the dots pages write for the name dot · of the training text
    table.update(NAME_DOTS)
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
    from ..resources import jieba_module

    jieba = jieba_module()
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
    with a table for characters and :class:`~pipeline.ner.kernels.StringTable` hash tables for
    bigrams and lexicon words (with their prefixes), walked by :mod:`pipeline.ner.kernels`, so
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
        c, bl, br, lex = kernels.features(cps, self._char_table, self._bigrams, self._lexicon,
                                              self.n_classes, self.max_len)
        if len(cps) and cps.max() >= 0x10000:  # outside the table: look the char up by name
            for i in np.flatnonzero(cps >= 0x10000).tolist():
                c[i] = self.char2id.get(text[i], UNK)
        return c, bl, br, lex

    def ids(self, text_norm: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Features of one chunk, as the model saw them in training (bigrams padded with ``\\x00``)."""
        return self.flat(text_norm)
