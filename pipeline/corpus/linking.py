"""Entity linking across articles: one id per person and per organization of the corpus.

Contract
--------
``link_people(mentions)`` and ``link_organizations(mentions)`` take one ``Mention`` per row of
``people`` / ``organizations`` (with the article's date and place) and return
``{(article_id, name): entity_id}`` and the entity rows (``PersonEntityRow`` /
``OrganizationEntityRow``, one per linked person / organization). Ids are the first 16 hex digits
of a SHA-1 of the entity's *content* — its name, anchor place code and anchor organization — so
they are the same on every run over the same corpus, whatever the input order (tested).

The rule (both tables). Rows are blocked by name (a person's ``name`` without spaces and with
one kind of middle dot, ``person_key``; an organization's ``name_completed`` or else ``name``). Within a name, each row has:

* a **place**: a 12-digit division code. For a person: their organization's code
  (``people.adcode``), else the article's place (``articles.place_adcode``). For an
  organization: its own code (``organizations.adcode``); a *generic* name not completed
  (市人民医院, 镇党委) takes the article's place, since which body it is depends on the article.
* for a person, an **organization**: ``organization_completed`` or else ``organization``.

Two places are *compatible* when one contains the other (石家庄市 ⊃ 桥西区; 河北省 ⊃ 石家庄市) or one
is unknown; two organizations when one name contains the other (石家庄市人民医院 ⊂
石家庄市人民医院检验科) or one is unknown. Rows are taken most specific first (longest place code,
then longest organization, then by content), and each row joins the one entity of its name it is
compatible with — with the entity's most specific place, and with one of its organizations —
or starts a new one. A row compatible with two or more entities (a 李明 with no place in a
corpus with a 石家庄 李明 and a 株洲 李明) is never guessed: it goes to an entity of its own,
marked ``ambiguous``. So the same name with a compatible organization or place is one id,
homonyms in different places or organizations are two, and a row that does not say which is a
third. A generic organization name with no place at all (镇党委 in an article placed nowhere)
gets no id (``org_id`` null): nothing says which body it is.

>>> ms = [Mention("a1", "李明", None, "130100000000", None), Mention("a2", "李明", None, "430200000000", None),
...       Mention("a3", "宋国威", "石家庄市人民医院", "130100000000", None), Mention("a4", "宋国威", None, None, None)]
>>> ids, rows = link_people(ms)
>>> ids[("a1", "李明")] != ids[("a2", "李明")], ids[("a3", "宋国威")] == ids[("a4", "宋国威")]
(True, True)
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, NamedTuple, Optional

from ..geocode import code_prefix
from ..lexicons import lexicon
from ..records import OrganizationEntityRow, PersonEntityRow


class Mention(NamedTuple):
    """One row of ``people`` or ``organizations``, as the linker sees it."""

    article_id: str
    name: str                    # the blocking name (organizations: name_completed or name)
    organization: Optional[str]  # people: organization_completed or organization; orgs: None
    place: Optional[str]         # 12-digit code or None
    day: Optional[date]          # the article's publication day
    row_name: str = ""           # the row's own name (the table key with article_id)
    kind: str = ""               # people: role; organizations: org_type
    titles: tuple = ()           # people: titles
    mentions: int = 0
    generic: bool = False


# the separators written inside transliterated names: 雪克来提·扎克尔, 雪克来提•扎克尔, 雪克来提・扎克尔
_NAME_DOTS = str.maketrans({c: "·" for c in lexicon("name_dot_variants").words()})


def person_key(name: str) -> str:
    """A person's blocking name: the name as written without spaces (宋 国威 in a byline) and
    with one middle dot for the several a transliterated name is written with; the forms seen
    become the entity's ``aliases``.

    >>> person_key("宋 国威"), person_key("雪克来提•扎克尔"), person_key("雪克来提・扎克尔")
    ('宋国威', '雪克来提·扎克尔', '雪克来提·扎克尔')
    """
    return "".join(name.split()).translate(_NAME_DOTS)


def places_compatible(a: Optional[str], b: Optional[str]) -> bool:
    """One place contains the other, or one is unknown.

    >>> places_compatible("130100000000", "130000000000"), places_compatible("130100000000", "430200000000")
    (True, False)
    """
    sa, sb = code_prefix(a) or "", code_prefix(b) or ""
    return not sa or not sb or sa.startswith(sb) or sb.startswith(sa)


def orgs_compatible(a: Optional[str], b: Optional[str]) -> bool:
    return not a or not b or a in b or b in a


@dataclass
class _Entity:
    name: str
    place: Optional[str] = None
    orgs: set = field(default_factory=set)
    members: list = field(default_factory=list)
    ambiguous: bool = False

    def accepts(self, m: Mention) -> bool:
        return (places_compatible(self.place, m.place)
                and (not m.organization or not self.orgs or any(orgs_compatible(o, m.organization) for o in self.orgs)))

    def add(self, m: Mention) -> None:
        if len(code_prefix(m.place) or "") > len(code_prefix(self.place) or ""):
            self.place = m.place
        if m.organization:
            self.orgs.add(m.organization)
        self.members.append(m)

    def anchor_org(self) -> Optional[str]:
        return min(self.orgs, key=lambda o: (len(o), o)) if self.orgs else None

    def entity_id(self, kind: str) -> str:
        key = "\x1f".join([kind, self.name, self.place or "", self.anchor_org() or "", "?" if self.ambiguous else ""])
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _specificity(m: Mention) -> tuple:
    return (-len(code_prefix(m.place) or ""), -len(m.organization or ""), m.place or "", m.organization or "",
            m.article_id, m.row_name)


def _cluster(mentions: Iterable[Mention]) -> list[_Entity]:
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        by_name.setdefault(m.name, []).append(m)
    entities: list[_Entity] = []
    for name in sorted(by_name):
        found: list[_Entity] = []
        ambiguous: dict[tuple, _Entity] = {}
        for m in sorted(by_name[name], key=_specificity):
            fits = [e for e in found if e.accepts(m)]
            if len(fits) == 1:
                fits[0].add(m)
            elif not fits:
                entity = _Entity(name)
                entity.add(m)
                found.append(entity)
            else:  # fits several: never guessed
                entity = ambiguous.setdefault((m.place, m.organization), _Entity(name, ambiguous=True))
                entity.add(m)
        entities += found + list(ambiguous.values())
    return entities


def _dates(members) -> tuple[Optional[date], Optional[date]]:
    days = [m.day for m in members if m.day is not None]
    return (min(days), max(days)) if days else (None, None)


def _by_count(values: Iterable[str]) -> list[str]:
    counts = Counter(v for v in values if v)
    return sorted(counts, key=lambda v: (-counts[v], v))


def link_people(mentions: Iterable[Mention]) -> tuple[dict, list[PersonEntityRow]]:
    """``({(article_id, name): person_id}, [PersonEntityRow])`` (see the module docstring)."""
    ids, rows = {}, []
    for e in _cluster(mentions):
        pid = e.entity_id("person")
        first, last = _dates(e.members)
        for m in e.members:
            ids[(m.article_id, m.row_name or m.name)] = pid
        # the most frequent form names it; on a tie, the form that is its blocking name (no space)
        counts = Counter(m.row_name or m.name for m in e.members)
        written = sorted(counts, key=lambda n: (-counts[n], n != e.name, n))
        rows.append(PersonEntityRow(
            person_id=pid, name=written[0] if written else e.name,
            aliases=written[1:],
            titles=_by_count(t for m in e.members for t in m.titles),
            roles=_by_count(m.kind for m in e.members),
            organizations=_by_count(m.organization for m in e.members),
            organization=e.anchor_org(), adcode=e.place,
            articles=len({m.article_id for m in e.members}), mentions=sum(m.mentions for m in e.members),
            first_date=first, last_date=last, ambiguous=e.ambiguous))
    rows.sort(key=lambda r: (r.name, r.person_id))
    return ids, rows


def link_organizations(mentions: Iterable[Mention]) -> tuple[dict, list[OrganizationEntityRow]]:
    """``({(article_id, name): org_id}, [OrganizationEntityRow])``; a generic name without a
    place gets no id (see the module docstring)."""
    ids, rows = {}, []
    linkable = []
    for m in mentions:
        if m.generic and not m.place:
            ids[(m.article_id, m.row_name or m.name)] = None
        else:
            linkable.append(m)
    for e in _cluster(linkable):
        oid = e.entity_id("organization")
        first, last = _dates(e.members)
        for m in e.members:
            ids[(m.article_id, m.row_name or m.name)] = oid
        types = _by_count(m.kind for m in e.members)
        rows.append(OrganizationEntityRow(
            org_id=oid, name=e.name,
            aliases=[n for n in _by_count(m.row_name for m in e.members) if n != e.name],
            org_type=types[0] if types else "other", org_types=types, adcode=e.place,
            generic=all(m.generic for m in e.members),
            articles=len({m.article_id for m in e.members}), mentions=sum(m.mentions for m in e.members),
            first_date=first, last_date=last, ambiguous=e.ambiguous))
    rows.sort(key=lambda r: (r.name, r.org_id))
    return ids, rows
