"""pipeline/affixes.py: the longest word a name ends or starts with, by one set lookup per length.

The promise holds for any words and any name: the answer is the one a longest-first scan over the
words gives (the scan the rules wrote before, ``next(h for h in HEADS if name.endswith(h))``).
"""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.affixes import Affixes
from pipeline.gazetteer import _SUFFIX_LEVELS, local_stem, place_level

# a small alphabet, so that words and names share endings often
_CHARS = st.sampled_from("书记副党委长市县区镇村社")
_WORDS = st.lists(st.text(_CHARS, min_size=0, max_size=4), max_size=12)
_NAMES = st.text(_CHARS, max_size=8)


def _scan_ending(words, name, min_rest):
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return next((w for w in ordered if name.endswith(w) and len(name) - len(w) >= min_rest), None)


def _scan_opening(words, text, at, end, min_rest):
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return next((w for w in ordered if text.startswith(w, at) and end - at - len(w) >= min_rest), None)


@given(_WORDS, _NAMES, st.integers(0, 3))
def test_longest_ending_is_the_longest_first_scan(words, name, min_rest):
    assert Affixes(words).longest_ending(name, min_rest) == _scan_ending(words, name, min_rest)


@given(_WORDS, _NAMES, st.integers(0, 8), st.integers(0, 8), st.integers(0, 3))
def test_longest_opening_is_the_longest_first_scan(words, text, at, end, min_rest):
    at = min(at, len(text))
    end = max(at, min(end, len(text)))
    found = Affixes(words).longest_opening(text, at, end, min_rest)
    assert found == _scan_opening(words, text[:end], at, end, min_rest)


@given(_WORDS, _NAMES, st.integers(0, 8))
def test_openings_are_every_word_at_the_position_longest_first(words, text, at):
    expected = sorted({w for w in words if w and text.startswith(w, at)}, key=len, reverse=True)
    assert list(Affixes(words).openings(text, at)) == expected


def test_examples():
    heads = Affixes(["书记", "副书记", "院长", ""])
    assert len(heads) == 3 and "院长" in heads
    assert heads.longest_ending("党委副书记") == "副书记"
    assert heads.longest_ending("副书记", min_rest=1) == "书记"
    assert heads.longest_ending("书记", min_rest=1) is None
    assert Affixes(["美国", "美"]).longest_opening("美国哈佛大学", min_rest=2) == "美国"
    assert Affixes(["美国哈佛大学"]).longest_opening("美国哈佛大学", end=4) is None


def test_no_shorter_place_suffix_listed_first_gives_another_level():
    """place_level asks the longest suffix; it read place_suffixes.tsv in file order before. The two
    agree while no suffix listed before a longer one ending with it has another level."""
    for i, (short, level) in enumerate(_SUFFIX_LEVELS):
        for long, other in _SUFFIX_LEVELS[i + 1:]:
            if long != short and long.endswith(short):
                assert other == level, (short, level, long, other)


def test_place_level_and_local_stem_by_suffix():
    assert place_level("某某火山") == "landmark" and place_level("火山") == "landmark"
    assert place_level("梧桐山") == "landmark"
    assert place_level("不知何处") == "region"
    assert local_stem("新华街道") == "新华" and local_stem("街道") is None and local_stem("李村") is None
