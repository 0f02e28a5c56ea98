"""Words of the short window around a claim: ``jieba.cut`` boundaries and the part-of-speech tag
of each word from jieba's bundled dictionary (a plain lookup; jieba.posseg is not used: too slow).
Words the dictionary lacks get ``?`` and count as nouns; the claim lexicons fix some tags
(claim_segmenter_nouns.tsv, claim_fused_words.tsv).

>>> [w for w, _ in tokens("党员既当保管员")]
['党员', '既', '当', '保管员']
"""
from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.resources import jieba_word_tags
from pipeline.text.chars import HAN_EXT

from . import words as W

_JIEBA: dict = {}
_ALNUM_WORD = re.compile(r"[A-Za-z0-9]+")
_CJK_FIRST = re.compile(rf"[{HAN_EXT}]")


# tags of words that end a noun phrase: preposition, conjunction, particle, pronoun, adverb,
# locative, numeral, time, idiom, modal, interjection, onomatopoeia, non-word
_HARD_TAGS = ("p", "c", "u", "r", "d", "f", "m", "t", "i", "y", "e", "o", "x", "vd")
#: tags of verbs
VERB_TAGS = ("v", "vg", "vi", "vq")
# characters that make an unknown word a function phrase (闻令|而动, 人且)
_FUNCTION_CHAR = re.compile("[而就都已着了且并也又既当]")


#: prepositions that open the clause after a counted noun (5个常任理事国在…, 病例数在…); the segmenter
#: glues them to the noun's last character in words it makes up
_PREPOSITIONS_AFTER_NOUNS = frozenset("在于对向从与同把被")


class Token(NamedTuple):
    """One segmenter word and its part-of-speech tag from jieba's dictionary (``?``: unknown)."""

    word: str
    tag: str


def _segmenter():
    """(jieba.cut, the dictionary's tags), bound once per process."""
    if "cut" not in _JIEBA:
        from pipeline.resources import jieba_module

        _JIEBA["tags"] = jieba_word_tags()
        _JIEBA["cut"] = jieba_module().cut
    return _JIEBA["cut"], _JIEBA["tags"]


def tokens(s: str) -> list[Token]:
    """(word, tag) pairs of ``s`` (jieba.cut boundaries, dictionary tags)."""
    if not s:
        return []
    cut, tags = _segmenter()
    words = list(cut(s))
    out: list[Token] = []
    for w in words:
        if out and (out[-1].word, w) in W.FUSED:
            out[-1] = Token(W.FUSED[(out[-1].word, w)], "v")
            continue
        if _ALNUM_WORD.fullmatch(w):
            out.append(Token(w, "nx"))  # PCR实验室
        elif not _CJK_FIRST.match(w):
            out.append(Token(w, "x"))
        else:
            t = "n" if w in W.SEGMENTER_NOUNS else tags.get(w, "?")
            if len(w) >= 4 and t[:1] in ("n", "l", "i") and (
                    w[:2] in W.END_WORDS or tags.get(w[:2], "n") in ("v", "d", "ad", "vd")) \
                    and w[2:] not in W.GENERIC_HEADS and w[2:] not in W.PERSON_TITLE_HEADS:
                t = "v"  # 坚守岗位, 踊跃报名, 履行职责 (but 务工人员, 确诊病例, 驻华大使 are nouns)
            elif t == "i" and w[0] in "无非未":
                t = "b"  # 无症状
            elif t == "i" and len(w) == 4 and w[0] != w[1] and tags.get(w[2:], "")[:1] == "n" \
                    and tags.get(w[:2], "")[:1] in ("n", "a"):
                # 珍贵|文物, 粉末|涂料: a noun the dictionary lists as an idiom (counted nouns are no
                # idioms; 勃勃生机, a doubled opening, is one)
                t = "n"
            if t == "?" and len(w) == 2 and w[1] in _PREPOSITIONS_AFTER_NOUNS and tags.get(w[0], "")[:1] == "n":
                # 常任理事|国在|会上: a word the segmenter made up of a noun's last character and the
                # preposition after it is the two (not 路用沥青, 舰用: 用 makes the noun's modifier)
                out += [Token(w[0], tags[w[0]]), Token(w[1], tags[w[1]])]
                continue
            out.append(Token(w, t))
    return _compounds_joined(out) if any(c in s for c in W.COMPOUND_NOUNS) else out


_NAME_TAGS = frozenset({"nr", "ns", "nt", "nz"})


def ends_phrase(word: str, tag: str) -> bool:
    """The word ends a noun phrase: a function word, a time or a numeral, a lexicon end word."""
    if word in W.NOUN_PREFIXES:
        return False
    return word in W.END_WORDS or tag.startswith(_HARD_TAGS) or (
        tag == "?" and _FUNCTION_CHAR.search(word) is not None)


def is_verbal(word: str, tag: str) -> bool:
    """A verb by its tag or by the claim lexicons (claim_verb_words.tsv)."""
    return tag in VERB_TAGS or word in W.VERB_WORDS


def ends_a_word(sh: str, at: int) -> bool:
    """The one character at ``at`` ends a word the segmenter reads across it (签|约 of 签约, 最近,
    附近, 节约), and that word is no qualifier or adverb (共约 is one: 共约3000人); 损失约, 最高超
    are two words and a qualifier, and so are a name and a qualifier (以北约65公里).

    >>> ends_a_word("现场签约93亿元", 3), ends_a_word("经济损失约295亿元", 4)
    (True, False)
    """
    cut, tags = _segmenter()
    word = sh[at - 1:at + 1]
    tag = tags.get(word, "d")
    if at == 0 or word in W.PREFIX_QUALIFIER or tag[:1] == "d" or tag in _NAME_TAGS:
        return False  # (以北约65公里: 北约 is a name the segmenter finds where 以北 + 约 is meant)
    return list(cut(sh[max(0, at - 4):at + 1]))[-1] == word


def _compounds_joined(toks: list[Token]) -> list[Token]:
    """Runs of two to four words that spell a noun of claim_compound_nouns.tsv, as one noun."""
    out: list[Token] = []
    i = 0
    while i < len(toks):
        for k in (4, 3, 2):
            if i + k <= len(toks) and "".join(w for w, _ in toks[i:i + k]) in W.COMPOUND_NOUNS:
                out.append(Token("".join(w for w, _ in toks[i:i + k]), "n"))
                i += k
                break
        else:
            out.append(toks[i])
            i += 1
    return out
