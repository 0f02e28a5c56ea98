"""Two-character names the model cut before their third character, finished from the body.

Contract
--------
Both functions take the page's people rows and its body text and return the rows with such names
made whole (``name`` and ``end`` move one character on; nothing else changes). They run after the
confidence check (``confidence.py``), which scores what the model tagged.

* ``finish_names_cut_before_a_follower(rows, body)``: written twice at least, always before the same
  character, which with it is followed by a word that follows names somewhere (刘福 + 有一家 → 刘福有:
  ``name_followers.tsv``).
* ``finish_names_cut_short(rows, body, model)``: a common surname and one character, always before the
  same character X that can end a given name, where X and what follows read as a name and the start of
  its clause, not as a word of the clause, and the model gives X some chance of being part of the name
  (``[entities] cut_name_min_confidence``). Written twice or more, the clause may go on with a verb,
  adverb, preposition or particle after X (刘谦 + 初的革命事迹 … 刘谦 + 初考入北京燕京大学); written once,
  only with 的 or 家 (a possession, a home) or punctuation after X, and X no numeral or locative
  (住在球场附近的杨光 + 红家正在拆老房): a name written once before a verb is as often a two-character
  name and an adverb or adjective of the clause (种粮大户李明 + 少浇了一次水, 刘洋 + 老是说, 张伟 + 一进门,
  王强 + 上，), which neither the dictionary nor the model tells apart from 宋维 + 大就新添了 (a name
  left as tagged). Where X opens a dictionary word (马英 + 加入八路, 杨春 + 生前, 吴丽 + 敏感到) the name
  stays as tagged.

>>> from pipeline.ner import load_ner_model
>>> from pipeline.records import PersonRow
>>> body = "住在球场附近的杨光红家正在拆老房。"
>>> row = PersonRow("a", "杨光", "subject", [], None, None, None, 1, 7, 9, body)
>>> [r.name for r in finish_names_cut_short([row], body, load_ner_model())]
['杨光红']
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..records import PersonRow
from ..resources import jieba_word_tags
from ..settings import setting
from ..text.chars import is_han
from .name_words import COMMON_SURNAMES, DOUBLE_SURNAMES, NAME_FOLLOWERS, NAME_STOP_CHARS
from .units import occurrences

_MIN_CONFIDENCE = setting("entities", "cut_name_min_confidence")
#: jieba tags of a one-character word that the clause after a name goes on with (a verb, preposition,
#: adverb, particle or conjunction): as the third character, the name's end is a word of the clause
#: (王强 + 说, 李明 + 在); also pronouns, measure words, nouns and time words (赵苗 + 家, 罗西 + 时)
_NOT_NAME_END_TAGS = ("v", "p", "d", "u", "c", "r", "q", "n", "t", "y", "e", "o", "s", "z")
#: tags of the word that opens a clause after a whole name written twice or more (刘谦初 + 考入, + 被选为)
_CLAUSE_OPENING_TAGS = ("v", "p", "d", "u", "c")
#: after a name written once, what shows it has ended: a possession or a home (杨光红 + 家正在拆老房: 家 is a
#: measure word to jieba)
_AFTER_A_NAME_WRITTEN_ONCE = ("的", "家")
#: tags of a third character that, in a name written once, is as often the clause's numeral or locative
#: (张伟 + 一进门, 王强 + 上，李明 + 下)
_NOT_NAME_END_ONCE_TAGS = ("m", "f")


def finish_names_cut_before_a_follower(rows: list[PersonRow], body: str) -> list[PersonRow]:
    """A two-character name always written before the same character, which with it is followed
    by a word that follows names (刘福 + 有一家, 有夫妇, 有和妻子: name_followers.tsv) somewhere, is
    that three-character name cut short (刘福有); written twice at least, the longer name followed
    by two different characters, so a name and a verb (李明有一家公司) once are not joined. Run
    after the confidence check, which scores what the model tagged (刘福)."""
    names = {r.name for r in rows}
    out = []
    for r in rows:
        starts = occurrences(body, r.name) if len(r.name) == 2 and all(map(is_han, r.name)) else []
        nexts = {body[k + 2:k + 3] for k in starts}
        if len(starts) >= 2 and len(nexts) == 1 and is_han(next(iter(nexts))) \
                and r.name + next(iter(nexts)) not in names and len({body[k + 3:k + 4] for k in starts}) >= 2 \
                and any(body.startswith(NAME_FOLLOWERS, k + 3) for k in starts):
            r = replace(r, name=r.name + next(iter(nexts)), end=None if r.end is None else r.end + 1)
        out.append(r)
    return out


def finish_names_cut_short(rows: Sequence[PersonRow], body: str, model) -> list[PersonRow]:
    """See the module docstring."""
    if not _MIN_CONFIDENCE:
        return list(rows)
    names = {r.name for r in rows}
    out = []
    for r in rows:
        third = _third_character(r, body, names, model)
        out.append(replace(r, name=r.name + third, end=None if r.end is None else r.end + 1) if third else r)
    return out


def _third_character(row: PersonRow, body: str, names: set[str], model) -> str:
    """The character that finishes ``row``'s name, or "" when it is whole as tagged."""
    name = row.name
    if row.role != "subject" or len(name) != 2 or not all(map(is_han, name)) or name[0] not in COMMON_SURNAMES \
            or name in DOUBLE_SURNAMES:
        return ""
    starts = occurrences(body, name)
    thirds = {body[k + 2:k + 3] for k in starts}
    if len(thirds) != 1:
        return ""  # written before two characters (or at the end): a name of two characters
    third = thirds.pop()
    tags = jieba_word_tags()
    if not is_han(third) or third in NAME_STOP_CHARS or tags.get(third, "")[:1] in _NOT_NAME_END_TAGS \
            or name + third in names:
        return ""
    once = len(starts) == 1
    if once and tags.get(third, "")[:1] in _NOT_NAME_END_ONCE_TAGS:
        return ""
    for k in starts:
        after = k + 3
        if body[k + 2:k + 4] in tags or body[k + 2:k + 5] in tags:
            continue  # 马英 + 加入八路, 杨春 + 生前: the character opens a word of the clause
        following = body[after:after + 1]
        ended = not following or not is_han(following) or following in _AFTER_A_NAME_WRITTEN_ONCE
        opens_clause = ended if once else (
            ended or tags.get(following, "")[:1] in _CLAUSE_OPENING_TAGS
            or tags.get(body[after:after + 2], "")[:1] in _CLAUSE_OPENING_TAGS or body.startswith(NAME_FOLLOWERS, after))
        if opens_clause:
            score = model.span_confidence(body, [(k, k + 3, "PER")])[0]
            if score is not None and score >= _MIN_CONFIDENCE:
                return third
    return ""
