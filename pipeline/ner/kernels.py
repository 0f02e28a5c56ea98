"""Compiled inner loops of the NER model's features (numba).

Per character the model needs a char id, the ids of the two bigrams around it and lexicon flags;
:func:`pipeline.ner.features.reference_features` defines them one Python dict lookup at a time. The
loops here compute the same arrays over a whole page in one compiled pass, looking strings up in
:class:`StringTable` (open addressing over code points, every hit checked against the stored
string, so a hash collision can cost a probe but never a wrong match). ``tests/test_ner.py``
checks the result against the reference on real pages, MSRA sentences and edge cases.

Functions are compiled on first use and cached next to this file (``cache=True``); where that
directory is read-only they are compiled once per process instead.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

_MUL = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit multiplier (golden ratio)
_ONE = np.uint64(1)
_DIGIT_0, _DIGIT_9 = 0x30, 0x39
_UNK = 1


def _jit(fn):
    from numba import njit

    try:
        return njit(cache=True, nogil=True)(fn)
    except RuntimeError:  # no writable cache location: compile once per process instead
        return njit(nogil=True)(fn)


def _probe_py(slots, hashes, starts, lengths, store, h, text, at, n, shift):  # pragma: no cover - compiled
    """Position in ``slots`` of the string ``text[at:at + n]`` (hash ``h``): the slot holding its
    entry, or the empty slot (``-1``) where it would go."""
    mask = np.uint64(len(slots) - 1)
    pos = (h * _MUL) >> shift
    while True:
        e = slots[pos]
        if e < 0:
            return pos
        if lengths[e] == n and hashes[e] == h:
            o = starts[e]
            same = True
            for k in range(n):
                if store[o + k] != text[at + k]:
                    same = False
                    break
            if same:
                return pos
        pos = (pos + _ONE) & mask


_probe = _jit(_probe_py)


def _build_py(store, offsets, word_lengths, values, min_len, with_prefixes, shift,
              slots, hashes, starts, lengths, vals, is_prefix):  # pragma: no cover - compiled
    """Insert every word (and prefix) into ``slots``; entries go to the parallel arrays in order
    of first appearance. Returns the number of entries."""
    count = 0
    for w in range(len(offsets)):
        o, n = offsets[w], word_lengths[w]
        h = np.uint64(0)
        for k in range(n):
            h = h * _MUL + np.uint64(store[o + k]) + _ONE
            size = k + 1
            if size < min_len or (size < n and not with_prefixes):
                continue
            pos = _probe(slots, hashes, starts, lengths, store, h, store, o, size, shift)
            e = slots[pos]
            if e < 0:
                e = count
                count += 1
                slots[pos] = e
                hashes[e] = h
                starts[e] = o
                lengths[e] = size
            if size == n:
                vals[e] = values[w]  # a repeated word keeps its last value, like a dict
            else:
                is_prefix[e] = 1
    return count


_build = _jit(_build_py)


def _rehash_py(hashes, shift, slots):  # pragma: no cover - compiled
    """Fill ``slots`` (all -1) with entries ``0..len(hashes)``, which are distinct strings."""
    mask = np.uint64(len(slots) - 1)
    for e in range(len(hashes)):
        pos = (hashes[e] * _MUL) >> shift
        while slots[pos] >= 0:
            pos = (pos + _ONE) & mask
        slots[pos] = e


_rehash = _jit(_rehash_py)


def _slot_bits(n_entries: int) -> int:
    return max(4, int(2 * max(n_entries, 1) - 1).bit_length())  # load factor <= 1/2


class StringTable:
    """Hash table from strings (code point arrays) to int32 values, built once per process.

    With ``with_prefixes``, every proper prefix of ``min_len`` or more chars is an entry too
    (value 0 unless it is a word itself) and is marked ``is_prefix``, so a walk over a text can
    stop as soon as no entry continues the string it has read. Open addressing over an int32
    slot array; entries (hash, where the string is in ``store``, length, value, prefix flag) are
    dense arrays, so the jieba + gazetteer lexicon (about 520,000 entries) takes about 20 MB.

    >>> t = StringTable(["北京", "北京市"], [1, 2], min_len=2, with_prefixes=True)
    >>> t.get("北京"), t.get("北京市"), t.get("京市")
    (1, 2, None)
    """

    def __init__(self, words: Sequence[str], values: Sequence[int], min_len: int = 1,
                 with_prefixes: bool = False):
        if len(values) != len(words):
            raise ValueError(f"{len(words)} words but {len(values)} values")
        joined = "".join(words)
        self.store = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).copy()
        if len(self.store) >= 2**31:
            raise ValueError("StringTable holds at most 2**31 code points")
        word_lengths = np.fromiter(map(len, words), np.int64, len(words))
        offsets = np.zeros(len(words), np.int64)
        np.cumsum(word_lengths[:-1], out=offsets[1:])
        # at most one entry per code point (with prefixes) or per word; trimmed after the build
        bound = int(word_lengths.sum()) if with_prefixes else len(words)
        bits = _slot_bits(bound)
        slots = np.full(1 << bits, -1, np.int32)
        hashes = np.zeros(bound, np.uint64)
        starts = np.zeros(bound, np.int32)
        lengths = np.zeros(bound, np.int32)
        vals = np.zeros(bound, np.int32)
        is_prefix = np.zeros(bound, np.uint8)
        count = _build(self.store, offsets, word_lengths, np.asarray(values, np.int32), min_len, with_prefixes,
                       np.uint64(64 - bits), slots, hashes, starts, lengths, vals, is_prefix)
        self.hashes, self.starts, self.lengths = hashes[:count].copy(), starts[:count].copy(), lengths[:count].copy()
        self.values, self.is_prefix = vals[:count].copy(), is_prefix[:count].copy()
        bits = _slot_bits(count)
        self.shift = np.uint64(64 - bits)
        self.slots = np.full(1 << bits, -1, np.int32)
        _rehash(self.hashes, self.shift, self.slots)

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in (self.slots, self.hashes, self.starts, self.lengths, self.values,
                                      self.is_prefix, self.store))

    def get(self, word: str):
        """The value stored for ``word`` (0 for a prefix that is not a word), or None."""
        text = np.frombuffer(word.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        h = 0
        for cp in text.tolist():
            h = (h * int(_MUL) + cp + 1) & 0xFFFF_FFFF_FFFF_FFFF
        pos = _probe(self.slots, self.hashes, self.starts, self.lengths, self.store, np.uint64(h), text, 0,
                     len(text), self.shift)
        e = self.slots[pos]
        return None if e < 0 else int(self.values[e])


def _features_py(cps, char_table, b_slots, b_hashes, b_starts, b_lengths, b_store, b_values, b_shift,
                 x_slots, x_hashes, x_starts, x_lengths, x_store, x_values, x_prefix, x_shift,
                 n_classes, max_len, c, bl, br, flags):  # pragma: no cover - compiled
    n = len(cps)
    # embedding keys: every ASCII digit is "0"; bigrams read the keys padded with NUL
    padded = np.zeros(n + 2, np.uint32)
    for i in range(n):
        k = cps[i]
        if _DIGIT_0 <= k <= _DIGIT_9:
            k = _DIGIT_0
        padded[i + 1] = k
        c[i] = char_table[k] if k < len(char_table) else _UNK
    for j in range(n + 1):
        h = (np.uint64(padded[j]) + _ONE) * _MUL + np.uint64(padded[j + 1]) + _ONE
        e = b_slots[_probe(b_slots, b_hashes, b_starts, b_lengths, b_store, h, padded, j, 2, b_shift)]
        b = b_values[e] if e >= 0 else _UNK
        if j < n:  # the bigram ending at char j
            bl[j] = b
        if j > 0:  # the bigram starting at char j - 1
            br[j - 1] = b
    # lexicon: walk from each start while the string read so far is a prefix of some word
    for i in range(n - 1):
        h = np.uint64(cps[i]) + _ONE
        for size in range(2, min(max_len, n - i) + 1):
            e = i + size - 1
            h = h * _MUL + np.uint64(cps[e]) + _ONE
            entry = x_slots[_probe(x_slots, x_hashes, x_starts, x_lengths, x_store, h, cps, i, size, x_shift)]
            if entry < 0:
                break
            word_bits = x_values[entry]
            for cls in range(n_classes):
                if (word_bits >> cls) & 1:
                    flags[i, 3 * cls] = 1.0
                    flags[e, 3 * cls + 2] = 1.0
                    for j in range(i + 1, e):
                        flags[j, 3 * cls + 1] = 1.0
            if x_prefix[entry] == 0:
                break


_features = _jit(_features_py)


def _embed_py(c, bl, br, flags, tab_c, tab_bl, tab_br, lex_w, mask, out):  # pragma: no cover - compiled
    """``out = tab_c[c] + tab_bl[bl] + tab_br[br] + flags @ lex_w``, rows where ``mask`` is 0 set
    to 0: the encoder's input in one pass, without the four (n, width) temporaries of numpy."""
    n, width = out.shape
    acc = np.empty(width, np.float32)
    for i in range(n):
        if mask[i] == 0:
            out[i, :] = 0.0
            continue
        acc[:] = 0.0
        for j in range(flags.shape[1]):
            f = flags[i, j]
            if f != 0.0:
                for k in range(width):
                    acc[k] += f * lex_w[j, k]
        ci, li, ri = c[i], bl[i], br[i]
        for k in range(width):
            out[i, k] = tab_c[ci, k] + tab_bl[li, k] + tab_br[ri, k] + acc[k]


embed = _jit(_embed_py)


def features(cps: np.ndarray, char_table: np.ndarray, bigrams: StringTable, lexicon: StringTable,
             n_classes: int, max_len: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(char ids, left bigram ids, right bigram ids, lexicon flags) of the code points ``cps``.
    Characters outside ``char_table`` get UNK; the caller looks them up itself."""
    n = len(cps)
    c = np.empty(n, np.int64)
    bl = np.empty(n, np.int64)
    br = np.empty(n, np.int64)
    flags = np.zeros((n, 3 * n_classes), np.float32)
    b, x = bigrams, lexicon
    _features(cps, char_table, b.slots, b.hashes, b.starts, b.lengths, b.store, b.values, b.shift,
              x.slots, x.hashes, x.starts, x.lengths, x.store, x.values, x.is_prefix, x.shift,
              n_classes, max_len, c, bl, br, flags)
    return c, bl, br, flags
