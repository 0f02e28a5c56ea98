"""Stage 5 — entities: people, organizations and places of one article.

Contract
--------
``extract_entities(clean, sentences, meta, article_id)`` →
``(list[PersonRow], list[OrganizationRow], list[PlaceRow])``: one row per
distinct entity, first mention's offsets into ``clean.text`` (``text[start:end]
== name``), the sentence holding it (``sentences`` are the ``(start, end)`` spans
of :func:`pipeline.segment.sentence_spans`), and the number of mentions. Entities
named only in captions or bylines get ``start = end = None`` and the caption /
byline as ``sentence``.

The trained character NER model (``pipeline/ner/``, ``load_ner_model``) reads ``clean.text`` and the
captions directly: no table holds words, so the stage needs no jieba segmentation
and no spaCy ``Doc`` (the spaCy component that sets the same spans on a Doc is
``zh_char_ner`` in ``pipeline/nlp.py``, for analysts).

How
---
1. Mentions (``mentions.py``): the model's PER / LOC / ORG spans over the body and
   each caption, plus rule mentions for what the model misses, trimmed, sanitised
   and joined (鹿泉区 + 石井乡 + 黄岩村党支部 → 鹿泉区石井乡黄岩村党支部).
2. Organizations (``organizations.py``): generic kinds (党组织, 基层党组织,
   医疗机构…) are dropped; ``org_type`` comes from the head noun (``heads.py``,
   ``pipeline/data/lexicons/org_heads.tsv``); outlets and agencies of the chrome
   are added.
3. Places (``places.py``): mentions outside organization names (a place inside an
   organization's name counts only if it also appears alone); chains of
   divisions are cut into parts (石家庄市桥西区 → 石家庄市, 桥西区); ``level``
   from the gazetteer or the suffix (``pipeline/gazetteer.py``).
4. People (``people.py``): full names with the titles, organization, age and party
   years written around them (the organization, where the title names none, by
   ``affiliations.py``); reporters, photographers and editors from the chrome. Last, a local
   role with no body of its own (村支书, 社区书记) takes the one village or community the
   article's place rows name (``affiliations.place_of_local_title``).

The word lists all rules read are ``pipeline/data/lexicons/*.tsv``, each with its
provenance; the modules build their sets and regexes once, at import.

>>> from pipeline.segment import sentence_spans
>>> from pipeline.records import ArticleMetadata, CleanPage
>>> text = "石家庄市人民医院检验科主任宋国威带领团队奋战。"
>>> clean = CleanPage("a.txt", "simplified", text, text)
>>> people, orgs, places = extract_entities(clean, sentence_spans(text), ArticleMetadata(), "a")
>>> [(p.name, p.titles, p.organization) for p in people]
[('宋国威', ['检验科主任'], '石家庄市人民医院')]
>>> [(o.name, o.org_type) for o in orgs], [(p.name, p.level) for p in places]
([('石家庄市人民医院', 'hospital')], [('石家庄市', 'city')])
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..ner import load_ner_model
from ..gazetteer import PLACES_KNOWN_BY_NAME, divisions, place_level
from ..records import ArticleMetadata, CleanPage, OrganizationRow, PersonRow, PlaceRow
from .affiliations import place_of_local_title
from .heads import ORG_HEADS, org_type
from .confidence import confident_people
from .things import drop_things
from .datelines import dateline_leads
from .mentions import TextUnit, unit_mentions
from .name_words import TITLE_HEADS
from .organizations import is_generic_org, organization_rows, outlet_names
from .cut_names import finish_names_cut_before_a_follower, finish_names_cut_short
from .people import people_rows
from .places import is_place_name, place_rows

__all__ = ["extract_entities", "org_type", "outlet_names", "is_generic_org", "is_place_name",
           "ORG_HEADS", "TITLE_HEADS"]


def extract_entities(clean: CleanPage, sentences: Sequence[tuple[int, int]], meta: ArticleMetadata,
                     article_id: str) -> tuple[list[PersonRow], list[OrganizationRow], list[PlaceRow]]:
    """People, organizations and places of one cleaned page (see the module docstring)."""
    # the dateline cut from the body (新华社北京11月17日电) names an agency and a place of the
    # article: read like a caption, without offsets unless the body names them too
    extra = list(clean.captions) + dateline_leads(clean.bylines)
    units = [TextUnit(clean.text, True, sentences)] + [TextUnit(c, False) for c in extra]
    # body, captions and datelines in one call: one feature pass per page
    spans_by_unit = load_ner_model().predict_many([clean.text] + extra)
    mentions_by_unit = [unit_mentions(unit.text, spans, k)
                        for k, (unit, spans) in enumerate(zip(units, spans_by_unit))]
    organizations = organization_rows(units, mentions_by_unit, meta, clean, article_id)
    places = place_rows(units, mentions_by_unit, article_id)
    people = confident_people(people_rows(units, mentions_by_unit, meta, clean, article_id), clean.text,
                              load_ner_model())
    people = finish_names_cut_before_a_follower(people, clean.text)  # 刘福 + 有一家 → 刘福有
    people = finish_names_cut_short(people, clean.text, load_ner_model())  # 宋维 + 大就新添了 → 宋维大
    # a name-like word the body shows to be a thing (a county, a quoted code name, 万寿菊是一种…)
    people = drop_things(people, clean.text,
                         [(m.start, m.end) for m in mentions_by_unit[0] if m.label == "LOC"])
    # 龙美婷 read as a place in one sentence and as a person in six: a name with no place
    # suffix and no gazetteer entry that names a person of the article is that person
    # (钟南山院士 … 钟南山表示: a "mountain" by its last character only, known to no list)
    names = {p.name for p in people}
    places = [p for p in places if p.name not in names or not _place_by_suffix_only(p.name)]
    # 村支书薛安全 in an article on 小坡村 alone: a local role with no body of its own is that place's
    place_names = {p.name for p in places}
    people = [replace(p, organization=local) if p.organization is None
              and (local := place_of_local_title(p.titles, place_names)) else p for p in people]
    return people, organizations, places


def _place_by_suffix_only(name: str) -> bool:
    """A place name no list knows: a region by default, or a landmark by its last character."""
    level = place_level(name)
    return level == "region" or level == "landmark" and name not in PLACES_KNOWN_BY_NAME \
        and name not in divisions()
