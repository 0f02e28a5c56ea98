"""The stages of the pipeline, declared once and in order.

Contract
--------
A page travels through the stages in a ``PageContext``: ``task``, ``max_bytes`` and
``with_sentences`` (the run writes the optional sentences table) are its inputs, and every stage reads some fields of the context and sets others. ``STAGES`` is the
one ordered list of ``Stage`` records; each names the fields its function reads (``requires``,
which are also the function's parameters, in order) and the fields it sets (``assigns``, the
function's return value, a tuple when there are several) — the declaration spaCy's
``@Language.factory(assigns=..., requires=...)`` makes for a pipeline component. Everything
that walks the stages loops over this list: ``runner.process_task``, the worker warm-up
(``warm_up``), the per-stage clocks and the run summary's per-stage line.

``check_stages`` runs at import: every field a stage requires is an input or assigned by an
earlier stage, every assigned field exists on ``PageContext``, and a function's parameters
are its stage's ``requires``. A stage that raises ``PageRejected`` ends the page as a
``rejects`` row with that reason (``process_task`` turns any other exception into ``error``).

    ingest     : task, max_bytes -> raw, article_id      (PageRejected: empty, binary, too_large …)
    clean      : raw -> clean                             (PageRejected: boilerplate_only …)
    metadata   : raw, clean -> meta
    segment    : clean -> sentences                       (PageRejected: too_large body)
    entities   : clean, sentences, meta, article_id -> people, organizations, places
    geocode    : places, organizations, people, clean, meta -> places, organizations, people,
                 article_place  (codes, within codes, completed names, the article's own place)
    statistics : clean, sentences, article_id, places, organizations, meta, article_place -> statistics
                 (claims with their place code, class, and which claim already counts them)
    sentences  : clean, sentences, article_id, people, organizations, places, statistics,
                 with_sentences -> people, organizations, places, statistics (sentence_id set),
                 sentence_rows (the sentences table's rows with words; [] unless with_sentences)
    minhash    : clean -> signature                       (for the corpus-level repost step)

Example
-------
>>> [stage.name for stage in STAGES]
['ingest', 'clean', 'metadata', 'segment', 'entities', 'geocode', 'statistics', 'sentences', 'minhash']
>>> check_stages([Stage("entities", lambda sentences: [], requires=("sentences",), assigns=("people",))])
Traceback (most recent call last):
...
ValueError: stage 'entities' requires sentences, which no earlier stage assigns
"""
from __future__ import annotations

import dataclasses
import hashlib
import inspect
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

from .clean import clean_page
from .entities import extract_entities
from .geocode import (NO_PLACE, ArticlePlace, article_place, claim_codes, complete_organizations,
                      complete_people, geocode_places, within_codes)
from .ingest import DEFAULT_MAX_BYTES, PageTask, read_page
from .metadata import extract_metadata
from .records import (ArticleMetadata, ArticleRow, CleanPage, NumericClaim, OrganizationRow, PageRejected,
                      PersonRow, PlaceRow, RawPage, SentenceRow)
from .segment import sentence_spans
from .sentences import sentence_rows, set_sentence_ids
from .settings import setting
from .claims import attach_context, claim_mentions, keep_repeats_of_other_places, mark_counted, subject_class
from .corpus.reposts import signature as repost_signature


@dataclass(slots=True)
class PageContext:
    """One page on its way through the stages: the inputs, then what each stage assigns."""

    task: PageTask
    max_bytes: int = DEFAULT_MAX_BYTES
    #: the run writes the optional sentences table (``run --sentences``)
    with_sentences: bool = False
    raw: Optional[RawPage] = None
    article_id: str = ""
    clean: Optional[CleanPage] = None
    meta: Optional[ArticleMetadata] = None
    sentences: Sequence[tuple[int, int]] = ()
    people: list[PersonRow] = field(default_factory=list)
    organizations: list[OrganizationRow] = field(default_factory=list)
    places: list[PlaceRow] = field(default_factory=list)
    statistics: list[NumericClaim] = field(default_factory=list)
    sentence_rows: list[SentenceRow] = field(default_factory=list)
    article_place: ArticlePlace = NO_PLACE
    signature: Optional[bytes] = None

    def article_row(self) -> ArticleRow:
        """The ``articles`` row of a page that went through every stage."""
        raw, clean, meta = self.raw, self.clean, self.meta
        return ArticleRow(
            article_id=self.article_id, source_path=self.task.source_path, content_sha1=raw.content_sha1,
            title=meta.title, source=meta.source, published_at=meta.published_at,
            authors=meta.authors, editors=meta.editors, script=clean.script,
            text=clean.text, text_original=clean.text_original, captions=clean.captions,
            n_chars=len(clean.text), place=self.article_place.name, place_adcode=self.article_place.adcode,
            published_precision=meta.published_precision, outlet=meta.outlet, outlet_level=meta.outlet_level,
            outlet_kind=meta.outlet_kind, url=meta.url, domain=meta.domain, crawled_at=meta.crawled_at)


#: Fields set before the first stage runs.
INPUTS = ("task", "max_bytes", "with_sentences")


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline: ``function(*requires)`` gives the value(s) of ``assigns``."""

    name: str
    function: Callable
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, context: PageContext) -> None:
        value = self.function(*[getattr(context, name) for name in self.requires])
        if len(self.assigns) == 1:
            setattr(context, self.assigns[0], value)
        else:
            for name, item in zip(self.assigns, value, strict=True):
                setattr(context, name, item)


def article_id_for(source_path: str) -> str:
    """Stable id of a page: the same relative path gives the same id on every run.

    >>> article_id_for("a.txt")
    'cfc7b4885384957a'
    """
    return hashlib.sha1(source_path.encode("utf-8")).hexdigest()[:16]


# ----------------------------------------------------------------------------- stage functions
# Each takes the fields its stage requires, by name, and returns what it assigns.

def ingest(task: PageTask, max_bytes: int) -> tuple[RawPage, str]:
    return read_page(task, max_bytes=max_bytes), article_id_for(task.source_path)


def clean(raw: RawPage) -> CleanPage:
    return clean_page(raw)


def metadata(raw: RawPage, clean: CleanPage) -> ArticleMetadata:
    return extract_metadata(raw, clean)


#: Longest body processed (settings.toml [run]), bound once like every stage's thresholds.
_MAX_TEXT_CHARS = setting("run", "max_text_chars")


def segment(clean: CleanPage) -> list[tuple[int, int]]:
    # After metadata, as it always was: a page too large here is a too_large reject, and a
    # metadata error on it stays an error.
    if len(clean.text) > _MAX_TEXT_CHARS:
        raise PageRejected("too_large", f"body of {len(clean.text)} characters > limit {_MAX_TEXT_CHARS}")
    # Sentences are what the tables need from this stage. The NER model reads characters and
    # no table holds words, so the run path builds no spaCy Doc: jieba segmentation and the Doc
    # were a quarter of a page's time. segment.segment() still gives the Doc.
    return sentence_spans(clean.text)


def entities(clean: CleanPage, sentences, meta: ArticleMetadata, article_id: str):
    return extract_entities(clean, sentences, meta, article_id)


def geocode(places: list[PlaceRow], organizations: list[OrganizationRow], people: list[PersonRow],
            clean: CleanPage, meta: ArticleMetadata):
    text = clean.text
    places = within_codes(geocode_places(places, text, meta.source), text)
    organizations = complete_organizations(organizations, places, text)
    people = complete_people(people, organizations, places, text)
    return places, organizations, people, article_place(places, text, meta.source)


def statistics(clean: CleanPage, sentences, article_id: str, places: list[PlaceRow],
               organizations: list[OrganizationRow], meta: ArticleMetadata,
               article_place: ArticlePlace) -> list[NumericClaim]:
    mentions = claim_mentions(clean.text, sentences, article_id)
    claims = attach_context([m.claim for m in mentions], clean.text, sentences, places, organizations,
                            meta.published_at)
    for claim in claims:
        claim.subject_class = subject_class(claim.subject, claim.unit)
    # a figure written again is one row, unless another division owns it (places decide)
    claims = keep_repeats_of_other_places(claim_codes(claims, places), [m.repeat_of for m in mentions])
    return mark_counted(claims, article_place.adcode)


def sentences(clean: CleanPage, sentences, article_id: str, people: list[PersonRow],
              organizations: list[OrganizationRow], places: list[PlaceRow], statistics: list[NumericClaim],
              with_sentences: bool):
    # sentence_id on every row, always (a bisection per row); the words only when the run writes
    # the table: jieba over every sentence adds about a third to a page's time (README, Benchmarks)
    for rows in (people, organizations, places, statistics):
        set_sentence_ids(rows, sentences, article_id)
    rows = []
    if with_sentences:
        names = [row.name for table in (people, organizations, places) for row in table]
        rows = sentence_rows(clean.text, sentences, article_id, names)
    return people, organizations, places, statistics, rows


def minhash(clean: CleanPage) -> Optional[bytes]:
    # the page's share of the corpus-level repost step (pipeline/corpus/reposts.py)
    return repost_signature(clean.text)


#: The pipeline, in order. Add a stage here (and the fields it assigns to ``PageContext``).
STAGES: tuple[Stage, ...] = (
    Stage("ingest", ingest, requires=("task", "max_bytes"), assigns=("raw", "article_id")),
    Stage("clean", clean, requires=("raw",), assigns=("clean",)),
    Stage("metadata", metadata, requires=("raw", "clean"), assigns=("meta",)),
    Stage("segment", segment, requires=("clean",), assigns=("sentences",)),
    Stage("entities", entities, requires=("clean", "sentences", "meta", "article_id"),
          assigns=("people", "organizations", "places")),
    Stage("geocode", geocode, requires=("places", "organizations", "people", "clean", "meta"),
          assigns=("places", "organizations", "people", "article_place")),
    Stage("statistics", statistics,
          requires=("clean", "sentences", "article_id", "places", "organizations", "meta", "article_place"),
          assigns=("statistics",)),
    Stage("sentences", sentences,
          requires=("clean", "sentences", "article_id", "people", "organizations", "places", "statistics",
                    "with_sentences"),
          assigns=("people", "organizations", "places", "statistics", "sentence_rows")),
    Stage("minhash", minhash, requires=("clean",), assigns=("signature",)),
)
STAGE_NAMES = tuple(stage.name for stage in STAGES)


def check_stages(stages: Sequence[Stage], inputs: Sequence[str] = INPUTS) -> None:
    """Raise ``ValueError`` unless each stage reads only inputs and fields set by earlier
    stages, sets only ``PageContext`` fields, and takes its ``requires`` as its parameters."""
    fields = {f.name for f in dataclasses.fields(PageContext)}
    available = set(inputs)
    names = set()
    for stage in stages:
        if stage.name in names:
            raise ValueError(f"two stages are named {stage.name!r}")
        names.add(stage.name)
        for name in stage.requires:
            if name not in available:
                raise ValueError(f"stage {stage.name!r} requires {name}, which no earlier stage assigns")
        for name in stage.assigns:
            if name not in fields:
                raise ValueError(f"stage {stage.name!r} assigns {name}, which is not a PageContext field")
        params = [p.name for p in inspect.signature(stage.function).parameters.values()
                  if p.default is inspect.Parameter.empty]
        if params != list(stage.requires):
            raise ValueError(f"stage {stage.name!r} requires {list(stage.requires)} but its function "
                             f"takes {params}")
        available.update(stage.assigns)


#: Run through every stage at worker start-up (see ``warm_up``).
WARM_UP_PAGE = "石家庄市人民医院检验科主任宋国威带领17名党员在青园街道连续奋战了18个昼夜。"


def warm_up() -> PageContext:
    """Run one in-memory page through every stage, so that each loads its resources (NER
    model and lexicon, gazetteer, OpenCC, dictionaries) now and no real page pays for it.
    Raises what a stage raises: a worker that cannot process a page should not start."""
    context = PageContext(PageTask("warm-up", text=WARM_UP_PAGE), with_sentences=True)
    for stage in STAGES:
        stage(context)
    return context


check_stages(STAGES)
