"""Stage geocode — administrative codes on place rows.

Contract
--------
``geocode_places(places, text, source) -> list[PlaceRow]``: one article's place rows (from the entities
stage: name, level, first-mention offsets), its cleaned text and its outlet (``meta.source``) in; the same rows out, each with

* ``adcode``: the 12-digit NBS code (2023 release) of the division the place is, at its own
  level, or ``None``;
* ``adcode_status``: ``resolved`` | ``ambiguous`` | ``unknown`` | ``not_division``;
* ``province``, ``city`` (prefecture), ``county``: official names from the code's ancestors
  (``None`` above the place's own level, and when there is no code).

The division table (``pipeline/data/divisions5.tsv.gz``, built by ``recipes/build_divisions.py``)
is loaded once per process, on first use. Nothing is downloaded.

Rules, in order
---------------
A place's *candidates* are the divisions whose name as news writes it is the place's name
(关口垭村 for the official 关口垭村委会, at any level), plus the level 1-3 divisions whose short
form it is (湖北 → 湖北省, 石家庄 → 石家庄市, 北京 → 北京市, never the 市辖区 placeholder). When
one candidate contains all the others, the name is that one (承德 → 承德市, not 承德县 inside it).
Countries, landmarks, compounds, regions such as 京津冀 and one-character names (鄂) are no
division: ``not_division``.

a0. **A short form of a place the article writes in full.** A name that is the stem of exactly
   one town, subdistrict, village or community row of the article (绥阳 beside 绥阳镇: 绥阳辖区,
   高铁绥阳站) is that place: it takes that row's level and outcome, unless the article also
   writes a county or city of that stem in full (绥阳县). Read alone, 绥阳 is the only county of
   that name (Guizhou), not the 东宁 town the story is about.
a1. **A town's short form.** A name of three characters or more that is no division as written
   (level ``region``) may be a town's short form (长山峪、付家店等乡镇: 付家店 → 付家店满族乡). Town
   short forms repeat across the country, so it is resolved only when exactly one of its towns
   lies in a county the article resolves (滦平县 → 130824210000), and then takes that town's
   level; else ``ambiguous``.
a2. **A town renamed since.** Towns become subdistricts (撤镇设街道) and townships towns: a town
   name's candidates include the towns of the same stem under another town suffix (高峰镇 →
   万州's 高峰街道 too). Rules a and c pick among them (高峰镇吟水村 in a 万州 story →
   500101027000); when they do not, the town as written is kept if it is one.
b0. **A province's short form** is the province, not a district of that short form (河北 →
   河北省, never 天津's 河北区, which is written in full).
a. **The chain written around it.** Places written one right after another
   (湖北省长阳土家族自治县榔坪镇关口垭村 → rows 湖北省, 长阳土家族自治县, 榔坪镇, 关口垭村) keep the
   candidates that lie under a candidate of the place just before them (and the place before
   keeps those that contain one): 榔坪镇 → 420528107000, 关口垭村 → 420528107203. Two names side by
   side that no pair of candidates nests (武汉黄冈) are no chain.
b. **One division of that name in the country.** A name with exactly one candidate (at any
   level for short forms) is that division: 石家庄 → 130100000000, 湖北 → 420000000000.
c. **Other places of the article.** A place still with several candidates keeps those that are,
   or lie under, a division resolved in the article (or that division's province, city or
   county), or the province or prefecture a local outlet is named after (``source`` 河北日报 →
   河北省; 人民日报 and 光明日报 name none); exactly one left → that code. A candidate under a more specific division is not
   preferred (in a 滦平县 article 马圈子村 stays ambiguous: 承德's 兴隆县 has one too, and so do two
   other Hebei prefectures). This only narrows the ambiguous name itself and never
   changes a resolved place: medical teams sent to 武汉 put Hubei among the evidence of a 株洲
   article, but a village both in Hunan and Hubei stays ambiguous, and 株洲 stays 株洲.
   a and c repeat until nothing changes (a place c resolves can anchor a chain).
d. Otherwise no code: ``ambiguous`` when several candidates remain (a bare 茶园村: 88 villages),
   ``unknown`` when a division-level name matches none (北狮沟门村).

Never a guess: a wrong code is worse than none.

After the place rows (same stage)
---------------------------------
* ``relative.py``: relative organization names completed (``organizations.name_completed``,
  ``people.organization_completed``: 市人民医院 in a 鹤壁 article → 鹤壁市人民医院) and the codes of
  organizations and people (the place their name opens with); rules in its docstring.
* ``article.py``: ``within_adcode`` of landmarks and compounds, and the article's own place
  (``articles.place`` / ``place_adcode``: dateline, local outlet, weighted common ancestor).
* ``claim_codes``: ``statistics.adcode``, the code of the claim's place row (statistics stage).

Example
-------
>>> from pipeline.records import PlaceRow
>>> text = "石家庄市深泽县大桥头村。茶园村"
>>> rows = [PlaceRow("a", n, lv, 1, text.find(n), text.find(n) + len(n), text) for n, lv in
...         (("石家庄市", "city"), ("深泽县", "county"), ("大桥头村", "village"), ("茶园村", "village"),
...          ("太行山", "landmark"))]
>>> [(r.name, r.adcode, r.adcode_status) for r in geocode_places(rows, text)]  # doctest: +NORMALIZE_WHITESPACE
[('石家庄市', '130100000000', 'resolved'), ('深泽县', '130128000000', 'resolved'),
 ('大桥头村', '130128103213', 'resolved'), ('茶园村', None, 'ambiguous'), ('太行山', None, 'not_division')]
"""
import dataclasses
from typing import Sequence

from ..records import NumericClaim, PlaceRow
from .article import NO_PLACE, ArticlePlace, article_place, within_codes
from ..gazetteer import code_prefix  # one NBS code rule, with the gazetteer's division codes
from .divisions import divisions_table
from .relative import complete_organizations, complete_people, relative_opening
from .resolve import AMBIGUOUS, NOT_DIVISION, RESOLVED, UNKNOWN, geocode_places, hierarchy


def claim_codes(claims: Sequence[NumericClaim], places: Sequence[PlaceRow]) -> list[NumericClaim]:
    """Claims with ``adcode``: the code of their ``place`` among the article's place rows, or for
    a place that is no division (a compound, a market) the code of the division the article
    places it in (``within_adcode``): what a claim rolls up to."""
    code_of = {p.name: p.adcode or p.within_adcode for p in places}
    return [dataclasses.replace(c, adcode=code_of.get(c.place) if c.place else None) for c in claims]


__all__ = ["geocode_places", "divisions_table", "code_prefix", "hierarchy", "RESOLVED", "AMBIGUOUS", "UNKNOWN", "NOT_DIVISION",
           "article_place", "within_codes", "ArticlePlace", "NO_PLACE", "complete_organizations", "complete_people",
           "relative_opening", "claim_codes"]
