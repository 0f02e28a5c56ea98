"""The five-level division table (NBS 2023), loaded once per process, lazily.

Source: ``pipeline/data/divisions5.tsv.gz``, built by ``recipes/build_divisions.py`` from the
National Bureau of Statistics' *统计用区划代码和城乡划分代码*, 2023 release (its header says the
input's sha256 and the recipe's). 665,262 divisions: code, the name as news writes it (关口垭村 for
关口垭村委会), level 1-5, parent code, and the short form of levels 1-4 (湖北, 石家庄, 长阳, 付家店 for 付家店满族乡).

The table is held in columns (Arrow / NumPy arrays, about 30 MB), not in Python objects (a dict of
the 620k village names was 120 MB and took 4 s to build): names are found by binary search over the
UTF-8 names sorted once at load, codes by binary search over the sorted codes.

>>> table = divisions_table()
>>> [table.name(c) for c in table.lookup("榔坪镇")]
['榔坪镇']
>>> table.lookup("榔坪镇"), table.lookup_short("石家庄"), table.lookup("没有这个镇")
((420528107000,), (130100000000,), ())
>>> table.lookup_short("付家店"), table.lookup_town_short("付家店")
((), (130824210000,))
>>> table.level(420528107203), table.ancestors(420528107203)
(5, (420528107000, 420528000000, 420500000000, 420000000000))
>>> table.ancestors(110101000000)   # 东城区: the 市辖区 placeholder is no division
(110000000000,)
"""
from __future__ import annotations

import bisect
from array import array
import gzip
from functools import lru_cache
from importlib import resources

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import csv

ARTIFACT = "divisions5.tsv.gz"
COLUMNS = ("code", "name", "level", "parent", "short")


class _SortedNames:
    """The names in sorted order, as UTF-8 bytes, for ``bisect`` (a sequence view, no copies)."""

    def __init__(self, data: bytes, offsets: np.ndarray, order: np.ndarray):
        # array('q') indexes as fast as a list and holds 8 bytes an item, not 36
        self._data, self._offsets, self._order = data, array("q", offsets.astype(np.int64)), array("q", order)

    def __len__(self) -> int:
        return len(self._order)

    def __getitem__(self, k: int) -> bytes:
        i = self._order[k]
        return self._data[self._offsets[i]:self._offsets[i + 1]]

    def row(self, k: int) -> int:
        return self._order[k]


class Divisions:
    """Lookups over the division table; codes are ``int`` (``f"{code:012d}"`` is the adcode)."""

    def __init__(self, table: pa.Table, header: dict[str, str]):
        self.header = header
        table = table.combine_chunks()
        self._codes = table.column("code").to_numpy()
        if not bool(np.all(self._codes[1:] > self._codes[:-1])):
            raise ValueError(f"{ARTIFACT}: rows are not in increasing code order (rebuild it with the recipe)")
        self._levels = table.column("level").to_numpy()
        self._parents = table.column("parent").fill_null(0).to_numpy()
        names = table.column("name").chunk(0)
        self._names = names
        offsets = np.frombuffer(names.buffers()[1], dtype=np.int32)[names.offset:names.offset + len(names) + 1]
        data = names.buffers()[2].to_pybytes()
        by_name = pc.sort_indices(names).to_numpy()
        self._sorted = _SortedNames(data, offsets, by_name)  # offsets index the data buffer
        # the chain rule asks for the ancestors of the same candidates again and again, and a
        # corpus names the same places on page after page: lookups are cached per process
        self._ancestors = lru_cache(maxsize=1 << 16)(self._walk_up)
        self.lookup = lru_cache(maxsize=1 << 16)(self._lookup)  # type: ignore[method-assign]
        self.name = lru_cache(maxsize=1 << 16)(self._name)  # type: ignore[method-assign]
        self._short: dict[str, list[int]] = {}
        self._town_short: dict[str, list[int]] = {}
        upper = table.filter(pc.less_equal(table.column("level"), 4))
        for code, level, short in zip(upper.column("code").to_pylist(), upper.column("level").to_pylist(),
                                      upper.column("short").to_pylist()):
            if short:
                (self._short if level <= 3 else self._town_short).setdefault(short, []).append(code)

    def __len__(self) -> int:
        return len(self._codes)

    def _row(self, code: int) -> int:
        i = int(self._codes.searchsorted(code))
        if i == len(self._codes) or self._codes[i] != code:
            raise KeyError(f"{code:012d} is not a division")
        return i

    def __contains__(self, code: int) -> bool:
        i = int(self._codes.searchsorted(code))
        return i < len(self._codes) and self._codes[i] == code

    def _lookup(self, name: str) -> tuple[int, ...]:
        """Codes of the divisions whose news name is ``name`` (any level), in code order
        (``lookup``, cached)."""
        key = name.encode("utf-8")
        lo = bisect.bisect_left(self._sorted, key)
        hi = bisect.bisect_right(self._sorted, key, lo)
        return tuple(sorted(int(self._codes[self._sorted.row(k)]) for k in range(lo, hi)))

    def lookup_short(self, name: str) -> tuple[int, ...]:
        """Codes of the level 1-3 divisions whose short form is ``name`` (石家庄 → 石家庄市)."""
        return tuple(self._short.get(name, ()))

    def lookup_town_short(self, name: str) -> tuple[int, ...]:
        """Codes of the towns (level 4) whose short form is ``name`` (付家店 → 付家店满族乡,
        长山峪 → 长山峪镇); they repeat across the country, so the caller needs other evidence."""
        return tuple(self._town_short.get(name, ()))

    def _name(self, code: int) -> str:
        """The division's name (``name``, cached)."""
        return self._names[self._row(code)].as_py()

    def level(self, code: int) -> int:
        return int(self._levels[self._row(code)])

    def parent(self, code: int) -> int:
        """The parent's code, 0 for a province."""
        return int(self._parents[self._row(code)])

    def ancestors(self, code: int) -> tuple[int, ...]:
        """Codes of the divisions above ``code``, nearest first."""
        return self._ancestors(code)

    def _walk_up(self, code: int) -> tuple[int, ...]:
        out = []
        parent = self.parent(code)
        while parent:
            out.append(parent)
            parent = self.parent(parent)
        return tuple(out)


def _read_header(raw: bytes) -> tuple[dict[str, str], int]:
    header, n = {}, 0
    for line in raw.split(b"\n"):
        if not line.startswith(b"#"):
            break
        key, _, value = line[1:].decode("utf-8").strip().partition(":")
        header[key.strip()] = value.strip()
        n += 1
    return header, n


@lru_cache(maxsize=None)
def divisions_table() -> Divisions:
    """The table, read on first use (about 0.5 s) and kept for the life of the process."""
    raw = gzip.decompress(resources.files("pipeline").joinpath("data", ARTIFACT).read_bytes())
    header, n_header = _read_header(raw)
    if tuple(header.get("columns", "").split("\t")) != COLUMNS:
        raise ValueError(f"{ARTIFACT}: columns {header.get('columns')!r}, expected {COLUMNS}")
    table = csv.read_csv(
        pa.BufferReader(raw),
        read_options=csv.ReadOptions(skip_rows=n_header, column_names=list(COLUMNS), use_threads=False),
        parse_options=csv.ParseOptions(delimiter="\t", quote_char=False),
        convert_options=csv.ConvertOptions(
            column_types={"code": pa.int64(), "name": pa.string(), "level": pa.int8(),
                          "parent": pa.int64(), "short": pa.string()},
            strings_can_be_null=False, quoted_strings_can_be_null=False))
    loaded = Divisions(table, header)
    del table, raw
    pa.default_memory_pool().release_unused()  # the parse's scratch memory back to the system
    return loaded
