"""People the model is unsure of: an untitled name that no mention tags confidently as a person.

Contract
--------
``confident_people(people, text, model) -> list[PersonRow]`` keeps every row except a person the
story is about (role ``subject``, not a byline credit) who has no title and is named in the body
only where the model's confidence that the name is a person (``NerModel.span_confidence``: the
CRF's marginal probability, the smallest over the name's characters) stays below
``[entities] person_min_confidence`` at every mention. Such rows are the model's guesses on
words it half knows — product names (陈酿), place pieces (拉林段), clause debris (戴党徽), brand
names (世嘉) — while a real name is tagged with confidence somewhere, or comes with a title
(检验科主任宋国威), which other rules read. A Tibetan name (洛桑江村: two name elements of
tibetan_name_parts.tsv) is kept too: the model was never trained on one, and so is a name written
between two other people of one list (吴春历、苏林、阮文年) and a national leader of principal_offices.tsv
whose name has three characters or more (those found by name wherever written: 习近平 of
习近平新时代中国特色社会主义思想, where the model tags no name; 李强 and 韩正 are scored like anyone). A foreign double name
(阿卜杜勒-迈赫迪) is scored part by part as well: the model may call one part a place and be sure
of the other. A row with no body offset (a name only in a byline or
a caption) is kept: nothing here scores it.

>>> from pipeline.ner import load_ner_model
>>> from pipeline.records import PersonRow
>>> text = "检验科主任宋国威和她的团队连续奋战。"
>>> row = PersonRow("a", "宋国威", "subject", [], None, None, None, 1, 5, 8, text)
>>> [p.name for p in confident_people([row], text, load_ner_model())]
['宋国威']
"""
from __future__ import annotations

from typing import Sequence

from ..records import PersonRow
from ..settings import setting
from .edges import NAME_HYPHENS, regnal_number_length
from .name_words import LEADER_NAMES, is_tibetan_name
from .person_rules import named_as_a_speaker, named_before_a_session
from .units import occurrences

_MIN_CONFIDENCE = setting("entities", "person_min_confidence")
_LEADERS = frozenset(LEADER_NAMES)
_MAX_MENTIONS = 8  # enough to find one confident mention; a name written more often is kept anyway


def confident_people(people: Sequence[PersonRow], text: str, model) -> list[PersonRow]:
    if not _MIN_CONFIDENCE:
        return list(people)
    names = tuple(p.name for p in people)
    return [p for p in people if not _unsure(p, text, model, names)]


def _between_people(name: str, text: str, starts: Sequence[int], names: tuple[str, ...]) -> bool:
    """Some mention of ``name`` stands between two other people of one list (吴春历、苏林、阮文年)."""
    return any(text.endswith(tuple(n + "、" for n in names if n != name), 0, s)
               and text.startswith(tuple("、" + n for n in names if n != name), s + len(name)) for s in starts)


def _unsure(person: PersonRow, text: str, model, names: tuple[str, ...] = ()) -> bool:
    if person.role != "subject" or person.titles or person.start is None:
        return False
    if is_tibetan_name(person.name):
        return False  # found by its name elements (tibetan_name_parts.tsv), which the model never saw
    if person.name in _LEADERS:
        # a national leader (principal_offices.tsv, three characters or more) found by name, wherever written: 以习近平新时代中国特色
        # 社会主义思想为指导, where the model tags no name, names him (the guidelines: leaders mentioned in
        # passing are people; the tuned-on labels require him in seven of ten such articles)
        return False

    starts = occurrences(text, person.name, _MAX_MENTIONS)
    if not starts or len(starts) >= _MAX_MENTIONS or _between_people(person.name, text, starts, names) \
            or any(named_before_a_session(text, s, person.name) or named_as_a_speaker(text, s, person.name)
                   for s in starts):
        # (an item of a list of people is one too, however unsure the model is of it, the name a
        # removal names before a body's session: 免去苟仲文第十四届全国政协委员职务, and an
        # interview's speaker: 陈研：我最初出来的时候)
        return False
    hyphen = max(person.name.find(h) for h in NAME_HYPHENS)
    parts = [(0, len(person.name))] + ([(0, hyphen), (hyphen + 1, len(person.name))] if hyphen > 0 else [])
    if regnal := regnal_number_length(person.name):
        parts.append((0, len(person.name) - regnal))  # 阿尔贝 of 阿尔贝二世: the model may leave the ordinal out
    spans = [(pos + a, pos + b, "PER") for pos in starts for a, b in parts]
    scores = model.span_confidence(text, spans)
    return all(s is not None and s < _MIN_CONFIDENCE for s in scores)
