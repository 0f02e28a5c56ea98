"""Horizontal bar charts as inline SVG, drawn on the server: the page needs no script to show them.

Contract
--------
``bar_chart(chart)`` → the ``<svg>`` markup of a ``figures.Chart``: one row per bar, its label on
the left (cut with … past ``LABEL_CHARS`` characters; the whole label is the row's tooltip), a
``<rect>`` as long as its value relative to the largest, then the value and the bar's note. Each
row is an ``<a href="#ANCHOR">`` to the table of the rows behind the bar, ``bar_anchor(key, i)``,
which the page renders under the chart. A chart with no bars draws nothing (``""``). Text is
escaped; the SVG inherits the page's font (the embedded CJK subset).

Example
-------
>>> from pipeline.report.figures import Bar, Chart
>>> from pipeline.report.rows import RowTable
>>> rows = RowTable(("article",), (), 0)
>>> svg = bar_chart(Chart("p", "t", "c", "articles", (Bar("宋国威", 4, "检验科主任", rows), Bar("A&B", 1, "", rows))))
>>> svg.count("<rect"), svg.count('href="#p-'), "A&amp;B" in svg, 'width="300.0"' in svg
(2, 2, True, True)
>>> bar_anchor("people", 3), format_value(201268.0), format_value(2.25)
('people-3', '201,268', '2.2')
"""
from __future__ import annotations

from html import escape

#: Sizes in px: the widest row (a full bar, a value and a note of NOTE_CHARS CJK characters at
#: 13 px) fits WIDTH; the page scales the chart down on a narrower screen.
WIDTH, LABEL_WIDTH, BAR_WIDTH, ROW_HEIGHT, BAR_HEIGHT = 980, 250, 300, 24, 16
LABEL_CHARS, NOTE_CHARS = 17, 26


def bar_anchor(chart_key: str, index: int | str) -> str:
    """The page anchor of the rows behind bar ``index`` of chart ``chart_key`` (or of a listing)."""
    return f"{chart_key}-{index}"


def format_value(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def bar_chart(chart) -> str:
    if not chart.bars:
        return ""
    largest = max(bar.value for bar in chart.bars) or 1
    height = ROW_HEIGHT * len(chart.bars) + 8
    parts = [f'<svg class="chart" role="img" aria-label="{escape(chart.title)}" width="{WIDTH}" '
             f'height="{height}" viewBox="0 0 {WIDTH} {height}">']
    for i, bar in enumerate(chart.bars):
        y = 4 + i * ROW_HEIGHT
        text_y = y + BAR_HEIGHT - 3
        # a bar of a non-zero value stays visible however small beside the largest
        length = round(max(BAR_WIDTH * bar.value / largest, 2 if bar.value else 0), 1)
        value = format_value(bar.value) + (f" · {_cut(bar.note, NOTE_CHARS)}" if bar.note else "")
        tip = f"{bar.label}: {format_value(bar.value)} {chart.measure}" + (f" ({bar.note})" if bar.note else "")
        parts.append(
            f'<a href="#{bar_anchor(chart.key, i)}"><title>{escape(tip)}</title>'
            f'<text class="label" x="{LABEL_WIDTH - 8}" y="{text_y}" text-anchor="end">'
            f"{escape(_cut(bar.label, LABEL_CHARS))}</text>"
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" rx="2"/>'
            f'<text class="value" x="{LABEL_WIDTH + length + 6}" y="{text_y}">{escape(value)}</text></a>')
    parts.append("</svg>")
    return "".join(parts)
