"""Typed records that flow between the pipeline stages.

Every stage is a function from some of these records to others; no stage reads
another stage's internals. ``pipeline/stages.py`` declares the stages once, in
order, with the fields of its ``PageContext`` each one reads and sets. The table
rows at the end (``ArticleRow`` … ``RejectRow``) mirror ``schemas/tables.toml``
column for column, and the TOML names each table's row type and its field on
``ArticleResult``; ``pipeline/schema.py`` checks that at import time so the two
never drift apart.

    ingest     : read_page(task) : PageTask -> RawPage           (raises PageRejected)
    clean      : clean_page(raw) : RawPage -> CleanPage          (raises PageRejected)
    metadata   : extract_metadata(raw, clean) -> ArticleMetadata
    segment    : sentence_spans(clean.text) -> [(start, end)]    (segment.segment gives a spaCy Doc)
    entities   : extract_entities(clean, sentences, meta, article_id)
                 -> (list[PersonRow], list[OrganizationRow], list[PlaceRow])
    geocode    : geocode_places(places, clean.text, meta.source) -> list[PlaceRow] with adcode, adcode_status,
                 province, city and county set; then complete_names / org and person codes /
                 within codes / article_place (pipeline/geocode: relative.py, article.py)
    statistics : pipeline/claims: extract_statistics(clean.text, sentences, article_id)
                 -> list[NumericClaim]; then attach_context adds place / organization /
                 date from the entity rows and the metadata, and claim_codes the
                 code of the place
    sentences  : pipeline/sentences.py: set_sentence_ids(rows, spans, article_id) on every
                 entity and claim row; sentence_rows(...) -> list[SentenceRow] when asked
    emit       : ArticleResult stream -> Parquet tables
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple, Optional


class LineKind(NamedTuple):
    """How ``clean`` classified one line: ``kind`` is ``text`` | ``chrome`` | ``caption`` |
    ``byline``; ``why`` names the rule (``field``, ``nav``, ``original_title`` …; empty for text)."""

    kind: str
    why: str = ""


class PageRejected(Exception):
    """Raised by a stage when a page cannot yield an article.

    ``reason`` is a short machine-readable code (see ``schemas/tables.toml``,
    table ``rejects``), ``detail`` a human-readable explanation.
    """

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class RawPage:
    """One decoded input document, before any cleaning.

    ``source_path`` is relative to the ``--input`` directory; records taken
    from a ``.jsonl``/``.parquet`` corpus get ``file#row`` (0-based row).
    ``text`` is plain text: for HTML input it is the main content found by
    the HTML extractor (``fmt == "html"``), with ``html_title`` /
    ``html_date`` / ``html_sitename`` carrying what the extractor read from
    the markup (``None`` when absent).
    """

    source_path: str
    text: str
    fmt: str  # "text" | "html"
    encoding: str
    content_sha1: str
    html_title: Optional[str] = None
    html_date: Optional[str] = None
    html_sitename: Optional[str] = None
    #: what the HTML says besides its body (``pipeline.html_page.HtmlFacts``): tags, canonical
    #: link, visible lines; None for text pages
    html_facts: Optional[object] = None
    #: where the page came from (a manifest beside the pages or the corpus record's url field)
    url: Optional[str] = None
    crawled_at: Optional[str] = None


@dataclass
class CleanPage:
    """Article body separated from site chrome.

    ``text`` is the body in simplified script (what every extractor reads);
    ``text_original`` is the same body in the page's own script. Both have the
    same paragraphs in the same order, one paragraph per line (``\\n``).
    ``header`` holds the lines above the body, ``footer`` those below it
    (both pinyin-stripped, original script) so that ``metadata`` can read the
    title, outlet, date and editors from them. ``bylines`` are the byline
    fragments cut out of the body (``河北日报记者 董 昌``), ``captions`` the
    photo captions (simplified), kept out of ``text``. ``header_kinds`` says
    how ``clean`` classified each header line (parallel to ``header``), so
    ``metadata`` reads the headline without classifying clean's lines again;
    it is empty for a record built by hand (metadata then classifies them).
    """

    source_path: str
    script: str  # "simplified" | "traditional"
    text: str
    text_original: str
    captions: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    removed_lines: int = 0
    header_kinds: list[LineKind] = field(default_factory=list)


@dataclass
class ArticleMetadata:
    """Metadata read from the page chrome. Names are simplified, no spaces."""

    title: Optional[str] = None
    source: Optional[str] = None
    published_at: Optional[datetime] = None  # naive, Asia/Shanghai local time
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    #: how much of published_at the page wrote: "day" | "minute" | "second"; None without a date
    published_precision: Optional[str] = None
    outlet: Optional[str] = None        # canonical outlet of `source` (pipeline/outlets.py)
    outlet_level: Optional[str] = None  # central | provincial | local
    outlet_kind: Optional[str] = None   # party_paper | newspaper | news_agency | broadcaster | …
    url: Optional[str] = None           # where the page came from
    domain: Optional[str] = None
    crawled_at: Optional[datetime] = None
    #: the page's visible lines outside the body that credits were read from (an HTML page's
    #: windows around its body, simplified); not a column: entities finds each credited name's
    #: line and role word (责编：郝帅 → 责编) there, as it does in clean's header and footer
    credit_lines: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------
# Table rows: field names and order match schemas/tables.toml exactly.


@dataclass
class ArticleRow:
    article_id: str
    source_path: str
    content_sha1: str
    title: Optional[str]
    source: Optional[str]
    published_at: Optional[datetime]
    authors: list[str]
    editors: list[str]
    script: str
    text: str
    text_original: str
    captions: list[str]
    n_chars: int
    # set from the geocode stage's ArticlePlace (pipeline/geocode/article.py)
    place: Optional[str] = None
    place_adcode: Optional[str] = None
    published_precision: Optional[str] = None
    outlet: Optional[str] = None
    outlet_level: Optional[str] = None
    outlet_kind: Optional[str] = None
    url: Optional[str] = None
    domain: Optional[str] = None
    crawled_at: Optional[datetime] = None
    # the exact hash of ``text`` (filled from it when not given); the repost columns are set over
    # the whole corpus once every page is processed (pipeline/corpus/reposts.py): until then an
    # article is its own group and canonical
    text_sha1: Optional[str] = None
    duplicate_group: Optional[str] = None
    is_canonical: bool = True

    def __post_init__(self) -> None:
        if self.text_sha1 is None:
            self.text_sha1 = hashlib.sha1(self.text.encode("utf-8", "surrogatepass")).hexdigest()
        if self.duplicate_group is None:
            self.duplicate_group = self.article_id


@dataclass
class PersonRow:
    article_id: str
    name: str
    role: str
    titles: list[str]
    organization: Optional[str]
    age: Optional[int]
    party_years: Optional[int]
    mentions: int
    start: Optional[int]
    end: Optional[int]
    sentence: Optional[str]
    # set by the geocode stage (pipeline/geocode/relative.py); None until it runs
    organization_completed: Optional[str] = None
    adcode: Optional[str] = None
    # set over the whole corpus by the linking step (pipeline/corpus/linking.py)
    person_id: Optional[str] = None
    # set by the sentences stage (pipeline/sentences.py); None until it runs and without offsets
    sentence_id: Optional[str] = None


@dataclass
class OrganizationRow:
    article_id: str
    name: str
    org_type: str
    mentions: int
    start: Optional[int]
    end: Optional[int]
    sentence: Optional[str]
    generic: bool = False
    # set by the geocode stage (pipeline/geocode/relative.py); None until it runs
    name_completed: Optional[str] = None
    adcode: Optional[str] = None
    # set over the whole corpus by the linking step (pipeline/corpus/linking.py)
    org_id: Optional[str] = None
    # set by the sentences stage (pipeline/sentences.py); None until it runs and without offsets
    sentence_id: Optional[str] = None


@dataclass
class PlaceRow:
    article_id: str
    name: str
    level: str
    mentions: int
    start: Optional[int]
    end: Optional[int]
    sentence: Optional[str]
    # set by the geocode stage (pipeline/geocode); None until it runs
    adcode: Optional[str] = None
    adcode_status: Optional[str] = None
    province: Optional[str] = None
    city: Optional[str] = None
    county: Optional[str] = None
    within_adcode: Optional[str] = None
    # set by the sentences stage (pipeline/sentences.py); None until it runs and without offsets
    sentence_id: Optional[str] = None


@dataclass
class NumericClaim:
    article_id: str
    text: str
    value: float
    value_max: Optional[float]
    unit: str
    subject: Optional[str]
    qualifier: Optional[str]
    start: int
    end: int
    sentence: str
    place: Optional[str] = None
    organization: Optional[str] = None
    date: Optional[date] = None
    adcode: Optional[str] = None  # the code of ``place`` among the article's place rows
    subject_class: Optional[str] = None  # what is counted, by kind (pipeline/claims/classes.py)
    counted_in: Optional[int] = None  # start of the claim that already counts this one (claims/totals.py)
    count_relation: Optional[str] = None  # part | restatement, with counted_in
    sentence_id: Optional[str] = None  # set by the sentences stage (pipeline/sentences.py)


@dataclass
class SentenceRow:
    """One sentence of an article and its words (the optional ``sentences`` table)."""

    article_id: str
    sentence_id: str
    index: int
    start: int
    end: int
    text: str
    words: list[str]


@dataclass
class RejectRow:
    source_path: str
    reason: str
    detail: str


# Rows of the corpus-level tables (scope = "corpus" in tables.toml): pipeline/corpus/linking.py.


@dataclass
class PersonEntityRow:
    person_id: str
    name: str
    aliases: list[str]
    titles: list[str]
    roles: list[str]
    organizations: list[str]
    organization: Optional[str]
    adcode: Optional[str]
    articles: int
    mentions: int
    first_date: Optional[date]
    last_date: Optional[date]
    ambiguous: bool


@dataclass
class OrganizationEntityRow:
    org_id: str
    name: str
    aliases: list[str]
    org_type: str
    org_types: list[str]
    adcode: Optional[str]
    generic: bool
    articles: int
    mentions: int
    first_date: Optional[date]
    last_date: Optional[date]
    ambiguous: bool


@dataclass
class ArticleResult:
    """Everything one page contributes to the output tables."""

    article: Optional[ArticleRow] = None
    people: list[PersonRow] = field(default_factory=list)
    organizations: list[OrganizationRow] = field(default_factory=list)
    places: list[PlaceRow] = field(default_factory=list)
    statistics: list[NumericClaim] = field(default_factory=list)
    #: rows of the optional ``sentences`` table (empty unless the run asked for it)
    sentence_rows: list[SentenceRow] = field(default_factory=list)
    rejects: list[RejectRow] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    #: MinHash signature of the article's text (stage ``minhash``), for the corpus-level repost
    #: step; no table's column
    signature: Optional[bytes] = None


#: Fields of ``ArticleResult`` that hold no table's rows.
RESULT_EXTRAS = ("seconds", "signature")
