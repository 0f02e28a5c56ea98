"""The figures of the report, gathered from one output's tables.

Contract
--------
``gather(output)`` → ``Figures``: the corpus ``Overview`` and four ``Section``s of ``Chart``s —
corpus (rejects by reason, articles by script, outlet and year), entities (the people,
organizations and places in the most stories, with their types), claims (by subject class; party
members summed by province) and reposts (copies per story). A ``Bar`` carries the rows behind it
(``rows.RowTable``: the first ``cap``, and how many there are); a chart draws its ``top`` largest
bars and says how many it leaves out. Bars are ordered by value, then label, so the same output
always gives the same page. Counting rules, each said again in the chart's caption:

* the corpus charts count articles and rejects: every row, reposts included (what was read);
* the entity and claim charts count stories: rows of canonical articles only (``is_canonical``),
  so a story saved from three sites counts once. People and organizations by their linked entity
  (``person_id``, ``org_id``), places by division code (by name when there is none), each ranked
  by stories, then mentions;
* party members: the values of ``party_members`` claims summed by the first two digits of the
  claim's ``adcode``, else (for a claim naming no place) its article's ``place_adcode`` (the
  province; its name from the place rows), each figure once: claims
  counted in another claim of their article (``counted_in``: sub-totals, restatements) and
  claims with no code are listed beside the chart, not in it.

Example
-------
>>> import tempfile, pathlib
>>> from pipeline.report.data import open_output
>>> figures = gather(open_output(pathlib.Path(tempfile.mkdtemp())))
>>> figures.overview.pages, [s.key for s in figures.sections]
(0, ['corpus', 'entities', 'claims', 'reposts'])
>>> [len(c.bars) for c in figures.sections[0].charts]
[0, 0, 0, 0]
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Optional

import pyarrow as pa
import pyarrow.compute as pc

from .data import Output
from .rows import ArticleIndex, RowTable, row_table

#: Bars drawn per chart, rows listed per bar.
TOP, ROW_CAP = 15, 20

ARTICLE_COLUMNS = ("article", "source_path", "outlet", "published_at", "script", "place")
CLAIM_COLUMNS = ("article", "text", "value", "unit", "subject", "place", "sentence")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    note: str  # the bar's type or context (an outlet's level, a person's titles, a place's level)
    rows: RowTable


@dataclass(frozen=True)
class Listing:
    """Rows a chart leaves out but links to (party-member claims with no province)."""

    key: str
    title: str
    rows: RowTable


@dataclass(frozen=True)
class Chart:
    key: str  # prefix of the page anchors of its bars' rows
    title: str
    caption: str
    measure: str  # what a bar's length counts
    bars: tuple[Bar, ...]
    more: int = 0  # bars not drawn (beyond the top ones)
    listings: tuple[Listing, ...] = ()


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    charts: tuple[Chart, ...]


@dataclass(frozen=True)
class Overview:
    output: str
    generation: str
    code_version: str
    committed_at: str
    pages: int
    articles: int
    stories: int  # canonical articles: each story once
    rejects: int
    outlets: int  # distinct known outlets
    first_day: Optional[date]
    last_day: Optional[date]
    undated: int
    scripts: dict[str, int]
    rows: dict[str, int]  # rows per table


@dataclass(frozen=True)
class Figures:
    overview: Overview
    sections: tuple[Section, ...]


def gather(output: Output, top: int = TOP, cap: int = ROW_CAP) -> Figures:
    articles = output.table("articles", ["article_id", "title", "source_path", "outlet", "outlet_level",
                                         "outlet_kind", "published_at", "script", "place", "place_adcode",
                                         "duplicate_group", "is_canonical"])
    g = _Gatherer(output, articles, top, cap)
    return Figures(g.overview(), (
        Section("corpus", "Corpus", (g.rejects(), g.scripts(), g.outlets(), g.years())),
        Section("entities", "People, organizations and places", (g.people(), g.organizations(), g.places())),
        Section("claims", "Claims", (g.claim_classes(), g.party_members())),
        Section("reposts", "Reposts", (g.reposts(),)),
    ))


def _counts(table: pa.Table, key: str) -> list[dict]:
    """``[{key, "count_all"}]`` by count, then key (a null key last)."""
    if table.num_rows == 0:
        return []
    grouped = table.group_by(key).aggregate([([], "count_all")])
    return grouped.sort_by([("count_all", "descending"), (key, "ascending")]).to_pylist()


def _equal(column, value):
    return pc.is_null(column) if value is None else pc.equal(column, value)


class _Gatherer:
    def __init__(self, output: Output, articles: pa.Table, top: int, cap: int):
        self.output, self.articles, self.top, self.cap = output, articles, top, cap
        self.index = ArticleIndex(articles)
        self.canonical = articles.filter(articles["is_canonical"])["article_id"].combine_chunks()

    def rows(self, table, mask, columns) -> RowTable:
        return row_table(table, mask, columns, self.cap, self.index)

    def overview(self) -> Overview:
        a, m = self.articles, self.output.manifest
        rejects = self.output.table("rejects", ["source_path"]).num_rows
        days = pc.min_max(a["published_at"]).as_py() if a.num_rows else {"min": None, "max": None}
        return Overview(
            output=str(self.output.output), generation=m.get("generation", ""),
            code_version=m.get("code_version", ""), committed_at=m.get("committed_at", ""),
            pages=a.num_rows + rejects, articles=a.num_rows,
            stories=pc.sum(a["is_canonical"].cast(pa.int64())).as_py() or 0, rejects=rejects,
            outlets=pc.count_distinct(a["outlet"]).as_py(),
            first_day=days["min"] and days["min"].date(), last_day=days["max"] and days["max"].date(),
            undated=a["published_at"].null_count,
            scripts={r["script"]: r["count_all"] for r in _counts(a, "script")},
            rows=m.get("rows") or {})

    def _article_chart(self, key: str, title: str, caption: str, column: str, counts: list[dict],
                       label, note=lambda value: "") -> Chart:
        bars = tuple(Bar(label(r[column]), r["count_all"], note(r[column]),
                         self.rows(self.articles, _equal(self.articles[column], r[column]), ARTICLE_COLUMNS))
                     for r in counts[:self.top])
        return Chart(key, title, caption, "articles", bars, max(0, len(counts) - self.top))

    def rejects(self) -> Chart:
        rejects = self.output.table("rejects")
        counts = _counts(rejects, "reason")
        bars = tuple(Bar(r["reason"], r["count_all"], "",
                         self.rows(rejects, pc.equal(rejects["reason"], r["reason"]), ("source_path", "detail")))
                     for r in counts[:self.top])
        return Chart("rejects", "Rejected pages by reason",
                     "Every input page is an article or a reject; a reject says why (see the README's "
                     "'What happens to a bad page').", "pages", bars, max(0, len(counts) - self.top))

    def scripts(self) -> Chart:
        return self._article_chart("scripts", "Articles by script", "The script of the raw page; "
                                    "every table holds simplified text.", "script",
                                    _counts(self.articles, "script"), lambda s: s)

    def outlets(self) -> Chart:
        a = self.articles
        levels = {r["outlet"]: " · ".join(x for x in (r["outlet_level"], r["outlet_kind"]) if x)
                  for r in a.filter(pc.is_valid(a["outlet"])).select(
                      ["outlet", "outlet_level", "outlet_kind"]).to_pylist()}
        return self._article_chart(
            "outlet", "Articles by outlet",
            "The canonical outlet of the page's 来源 (aliases and channels merged); "
            "(no known outlet) when the page names none or one not in outlets.tsv.", "outlet",
            _counts(a, "outlet"), lambda o: o or "(no known outlet)", lambda o: levels.get(o, ""))

    def years(self) -> Chart:
        a = self.articles
        a = a.append_column("year", pc.cast(pc.year(a["published_at"]), pa.string()))
        counts = sorted(_counts(a, "year"), key=lambda r: (r["year"] is None, r["year"] or ""))
        bars = tuple(Bar(r["year"] or "(undated)", r["count_all"], "",
                         self.rows(a, _equal(a["year"], r["year"]), ARTICLE_COLUMNS)) for r in counts)
        return Chart("years", "Articles by year of publication",
                     "From published_at; pages that give no date are undated.", "articles", bars)

    def _in_stories(self, table: pa.Table) -> pa.Table:
        """The rows of canonical articles: each story once, however many copies the corpus holds."""
        return table.filter(pc.is_in(table["article_id"], value_set=self.canonical))

    def _ranked(self, rows: pa.Table, key: str, names: Optional[pa.Table] = None) -> tuple[list[dict], int]:
        """The ``top`` values of ``rows[key]`` by stories (``stories``), then mentions, then name
        (``names``: key → name) and key; and how many values there are in all."""
        rows = rows.filter(pc.is_valid(rows[key]))
        if rows.num_rows == 0:
            return [], 0
        grouped = rows.group_by(key).aggregate([("article_id", "count_distinct"), ("mentions", "sum")])
        grouped = grouped.rename_columns({"article_id_count_distinct": "stories"})
        order = [("stories", "descending"), ("mentions_sum", "descending")]
        if names is not None:
            grouped = grouped.join(names, key)
            order.append(("name", "ascending"))
        ranked = grouped.sort_by(order + [(key, "ascending")])
        return ranked.slice(0, self.top).to_pylist(), grouped.num_rows

    def _entities(self, table: str, key: str, columns: list[str], ids: list[str]) -> dict[str, dict]:
        entities = self.output.table(table, [key] + columns)
        chosen = entities.filter(pc.is_in(entities[key], value_set=pa.array(ids, pa.string())))
        return {e[key]: e for e in chosen.to_pylist()}

    def people(self) -> Chart:
        people = self._in_stories(self.output.table(
            "people", ["article_id", "name", "role", "titles", "organization", "mentions", "sentence", "person_id"]))
        names = self.output.table("person_entities", ["person_id", "name"])
        top, total = self._ranked(people, "person_id", names)
        entities = self._entities("person_entities", "person_id", ["titles", "roles", "organization"],
                                  [t["person_id"] for t in top])
        bars = tuple(
            Bar(t["name"], t["stories"], _person_note(entities[t["person_id"]]),
                self.rows(people, pc.equal(people["person_id"], t["person_id"]),
                          ("article", "name", "role", "titles", "organization", "sentence")))
            for t in top)
        return Chart("people", "People in the most stories",
                     "Linked people (person_id of person_entities: one name with a compatible "
                     "organization and place), counted in canonical articles, so a reposted story "
                     "counts once; ranked by stories, then mentions. Beside each: the titles seen, "
                     "else the role, and the organization.", "stories", bars, max(0, total - self.top))

    def organizations(self) -> Chart:
        orgs = self._in_stories(self.output.table(
            "organizations", ["article_id", "name", "org_type", "mentions", "sentence", "org_id"]))
        names = self.output.table("organization_entities", ["org_id", "name"])
        top, total = self._ranked(orgs, "org_id", names)
        entities = self._entities("organization_entities", "org_id", ["org_type", "generic"],
                                  [t["org_id"] for t in top])
        bars = tuple(
            Bar(t["name"], t["stories"], entities[t["org_id"]]["org_type"]
                + (" · generic" if entities[t["org_id"]]["generic"] else ""),
                self.rows(orgs, pc.equal(orgs["org_id"], t["org_id"]),
                          ("article", "name", "org_type", "mentions", "sentence")))
            for t in top)
        return Chart("organizations", "Organizations in the most stories",
                     "Linked organizations (org_id of organization_entities), with their org_type, "
                     "counted in canonical articles; ranked by stories, then mentions. Generic names "
                     "placed nowhere have no entity and are left out.", "stories", bars,
                     max(0, total - self.top))

    def places(self) -> Chart:
        places = self._in_stories(self.output.table(
            "places", ["article_id", "name", "level", "adcode", "adcode_status", "province", "mentions", "sentence"]))
        # one bar per division (its code); a place with no code by its name (a code is all digits)
        places = places.append_column("key", pc.coalesce(places["adcode"], places["name"]))
        top, total = self._ranked(places, "key")
        bars = []
        for t in top:
            mask = pc.equal(places["key"], t["key"])
            behind = places.filter(mask).select(["name", "level", "province"]).to_pylist()
            name = Counter(r["name"] for r in behind).most_common(1)[0][0]
            level, province = behind[0]["level"], behind[0]["province"]
            note = " · ".join(x for x in (level, province if level != "province" else None) if x)
            bars.append(Bar(name, t["stories"], note,
                            self.rows(places, mask, ("article", "name", "level", "adcode_status", "adcode",
                                                     "province", "sentence"))))
        return Chart("places", "Places in the most stories",
                     "Place rows of canonical articles by division code (the names a division is "
                     "written with make one bar), else by name; ranked by stories, then mentions. "
                     "Beside each: its level and province.", "stories", tuple(bars), max(0, total - self.top))

    def _canonical_claims(self) -> pa.Table:
        return self._in_stories(self.output.table(
            "statistics", ["article_id", "text", "value", "unit", "subject", "place", "adcode",
                           "subject_class", "sentence", "counted_in", "count_relation"]))

    def claim_classes(self) -> Chart:
        claims = self._canonical_claims()
        counts = _counts(claims, "subject_class")
        bars = tuple(Bar(r["subject_class"] or "(no class)", r["count_all"], "",
                         self.rows(claims, _equal(claims["subject_class"], r["subject_class"]), CLAIM_COLUMNS))
                     for r in counts[:self.top])
        return Chart("claim_classes", "Claims by subject class",
                     "Numeric claims of canonical articles (a reposted figure counts once) by "
                     "statistics.subject_class: what is counted, by kind.", "claims", bars,
                     max(0, len(counts) - self.top))

    def party_members(self) -> Chart:
        claims = self._canonical_claims()
        all_members = claims.filter(pc.equal(claims["subject_class"], "party_members"))
        # each figure once: a sub-total or restatement of another claim of its article is not added
        counted = all_members.filter(pc.is_valid(all_members["counted_in"]))
        members = all_members.filter(pc.is_null(all_members["counted_in"]))
        # the claim's own place, else its article's when the claim names none (a claim with no
        # place tells of the story's place; a national one, place 中国, of no province)
        article_code = dict(zip(self.articles["article_id"].to_pylist(), self.articles["place_adcode"].to_pylist()))
        codes = [article_code.get(aid) if place is None else code for code, place, aid in
                 zip(members["adcode"].to_pylist(), members["place"].to_pylist(), members["article_id"].to_pylist())]
        members = members.append_column("province", pc.utf8_slice_codeunits(pa.array(codes, pa.string()), 0, 2))
        placed = members.filter(pc.is_valid(members["province"]))
        names = self._province_names()
        sums = []
        if placed.num_rows:
            sums = placed.group_by("province").aggregate([("value", "sum")]).sort_by(
                [("value_sum", "descending"), ("province", "ascending")]).to_pylist()
        bars = tuple(Bar(names.get(r["province"], f"province {r['province']}"), r["value_sum"], "",
                         self.rows(placed, pc.equal(placed["province"], r["province"]), CLAIM_COLUMNS))
                     for r in sums[:self.top])
        unplaced = members.filter(pc.is_null(members["province"]))
        unplaced_sum = pc.sum(unplaced["value"]).as_py() or 0
        listing = Listing("unplaced", f"Party-member claims with no province: {unplaced.num_rows} "
                                      f"(summing to {unplaced_sum:,.0f})",
                          self.rows(unplaced, pc.is_null(unplaced["province"]), CLAIM_COLUMNS))
        counted_sum = pc.sum(counted["value"]).as_py() or 0
        counted_listing = Listing("counted", f"Party-member claims counted in another claim of their "
                                             f"article (a sub-total or a restatement), not added: "
                                             f"{counted.num_rows} (summing to {counted_sum:,.0f})",
                                  self.rows(counted, pc.is_valid(counted["counted_in"]),
                                            CLAIM_COLUMNS + ("count_relation",)))
        return Chart("party_members", "Party members by province (summed claims)",
                     f"Values of party_members claims of canonical articles, summed by the province of "
                     f"the claim's place code, else its article's, each figure once: {all_members.num_rows} such claims, "
                     f"{counted.num_rows} of them counted in another claim of their article "
                     f"(statistics.counted_in) and left out, {placed.num_rows} summed by province.",
                     "party members", bars, max(0, len(sums) - self.top), (listing, counted_listing))

    def _province_names(self) -> dict[str, str]:
        """Two-digit province code → name, from the place rows (every claim code is one of them)."""
        places = self.output.table("places", ["adcode", "province"]).filter(
            pc.is_valid(pc.field("province")))
        return {r["adcode"][:2]: r["province"] for r in places.to_pylist()}

    def reposts(self) -> Chart:
        a = self.articles
        groups = [r for r in _counts(a, "duplicate_group") if r["count_all"] > 1]
        titles = self.index.labels(r["duplicate_group"] for r in groups[:self.top])
        bars = tuple(Bar(titles.get(r["duplicate_group"], r["duplicate_group"]), r["count_all"], "",
                         self.rows(a, pc.equal(a["duplicate_group"], r["duplicate_group"]),
                                   ("article", "is_canonical") + ARTICLE_COLUMNS[1:]))
                     for r in groups[:self.top])
        copies = sum(r["count_all"] for r in groups)
        return Chart("reposts", "Reposts: copies per story",
                     f"Articles sharing a duplicate_group (exact or near copies of one story): "
                     f"{len(groups)} stories saved more than once, {copies} articles in them. "
                     f"The canonical copy is marked.", "copies", bars, max(0, len(groups) - self.top))


def _person_note(entity: dict) -> str:
    kind = "、".join(entity["titles"][:2]) or "、".join(entity["roles"][:1])
    return " · ".join(x for x in (kind, entity["organization"]) if x)
