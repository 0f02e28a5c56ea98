"""Stage — sentences: the sentence of every row, and the optional ``sentences`` table with words.

Contract
--------
``sentence_id(article_id, index)`` names the ``index``-th sentence (from 0) of an article:
``"<article_id>:<index>"``. A string rather than a bare index, so that one column joins any row to
its sentence across the corpus (``people.sentence_id = sentences.sentence_id``); it is the same on
every run over the same page (the article id is the page path's hash, the sentences are
``segment.sentence_spans``'s).

``set_sentence_ids(rows, spans, article_id)`` sets ``sentence_id`` on people, organizations, places
and statistics rows: the sentence holding the row's ``start`` (the last sentence starting at or
before it, which is how the entities stage picks the row's ``sentence``); ``None`` for a row
without offsets (a name only in a byline or caption). It runs on every page, whether or not the
sentences table is written: one bisection per row.

``sentence_rows(text, spans, article_id, names)`` gives one ``SentenceRow`` per span: its offsets,
``text[start:end]`` and its words. The stage builds them only when the run asks for the table
(``run --sentences``); otherwise it returns ``[]`` without touching jieba.

Words. jieba (``jieba.cut``, HMM on, as the segment stage's spaCy Doc uses it) over the simplified
text: the issue asked for "jieba through the spaCy tokenizer", and spaCy's ``zh`` tokenizer *is*
``jieba.cut``; spaCy itself stays out of the run path (0.5 s and 50 MB per worker, see
``segment.py``), so jieba is called directly and gives the same words. Whitespace tokens are
dropped; punctuation stays (as in a spaCy Doc), so an analyst filters it as they choose.

Names whole. The page's entity names (people, organizations and places rows, two characters or
more) must stay one word each: 石家庄市人民医院, not 石家庄 / 市 / 人民医院. A per-page user
dictionary (``jieba.add_word`` per name) would do it, but jieba's dictionary is global to the
worker process: a word added for one page stays for every later page (a name of page 1 would cut
page 2's text), removing it again costs a rebuild, and each add changes the dictionary's total
and so the odds of every other route. Instead each sentence is cut *at the names*: every
occurrence of a name (leftmost, longest first) becomes one word, and only the gaps between them
go through ``jieba.cut``. That is what a dictionary in which each name is forced whole
(``suggest_freq(name, True)``) gives — on the 336 sentences of ``data/raw`` the words are the same
(``tests/test_sentences.py``) — without touching the shared dictionary. Where the two differ, the
names win: a name jieba's dictionary cannot hold (雪克来提·扎克尔: jieba splits words at ``·``)
stays whole, and a name inside a longer dictionary word (the place row 阿里 in 阿里地区) is cut
as the entity rows cut it, so the words agree with the rows.

Example
-------
>>> text = "石家庄市人民医院检验科主任宋国威带领党员奋战。\\n党员冲锋在前！"
>>> spans = sentence_spans(text)
>>> rows = sentence_rows(text, spans, "a1", ["宋国威", "石家庄市人民医院"])
>>> [(r.sentence_id, r.start, r.end) for r in rows]
[('a1:0', 0, 23), ('a1:1', 24, 31)]
>>> rows[0].words
['石家庄市人民医院', '检验科', '主任', '宋国威', '带领', '党员', '奋战', '。']
>>> sentence_id("a1", 1)
'a1:1'
"""
from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

from .records import SentenceRow
from .resources import jieba_module
from .segment import SentenceIndex, sentence_spans  # noqa: F401  (sentence_spans: the doctest's)

#: Shorter names are not forced: a one-character "word" would only split its neighbours.
MIN_NAME_CHARS = 2


def sentence_id(article_id: str, index: int) -> str:
    """The id of the ``index``-th sentence (from 0) of an article."""
    return f"{article_id}:{index}"


def set_sentence_ids(rows: Iterable, spans: Sequence[tuple[int, int]], article_id: str) -> None:
    """Set ``sentence_id`` on each row from its ``start``: the last sentence starting at or
    before it (``None`` without a start, or when the text has no sentence)."""
    index = SentenceIndex("", spans) if spans else None
    for row in rows:
        row.sentence_id = None if row.start is None or index is None else \
            sentence_id(article_id, index.position_at_or_before(row.start))


def name_pattern(names: Iterable[str]) -> Optional[re.Pattern]:
    """A regex matching any of ``names`` (≥ ``MIN_NAME_CHARS``, no whitespace inside), longest
    first, so that at each position the longest name wins; ``None`` when there is none."""
    kept = sorted({n for n in names if len(n) >= MIN_NAME_CHARS and not any(c.isspace() for c in n)},
                  key=lambda n: (-len(n), n))
    return re.compile("|".join(map(re.escape, kept))) if kept else None


def words(sentence: str, names: Optional[re.Pattern], cut=None) -> list[str]:
    """The words of ``sentence``: each match of ``names`` one word, the gaps between them cut by
    jieba (``cut``: ``jieba.cut`` by default); whitespace tokens dropped."""
    cut = cut or jieba_module().cut
    out: list[str] = []
    at = 0
    if names is not None:
        for m in names.finditer(sentence):
            if m.start() > at:
                out.extend(w for w in cut(sentence[at:m.start()]) if w and not w.isspace())
            out.append(m.group())
            at = m.end()
    if at < len(sentence):
        out.extend(w for w in cut(sentence[at:]) if w and not w.isspace())
    return out


def sentence_rows(text: str, spans: Sequence[tuple[int, int]], article_id: str,
                  names: Iterable[str] = ()) -> list[SentenceRow]:
    """One row per sentence span of ``text`` (simplified), with its words; ``names`` are kept
    whole (the page's entity names)."""
    pattern = name_pattern(names)
    cut = jieba_module().cut
    return [SentenceRow(article_id=article_id, sentence_id=sentence_id(article_id, index), index=index,
                        start=start, end=end, text=text[start:end], words=words(text[start:end], pattern, cut))
            for index, (start, end) in enumerate(spans)]
