"""The report as one self-contained HTML page.

Contract
--------
``render(figures)`` → ``Page``: the HTML text and the font embedded in it. Everything the page
needs is inside it: the style sheet, the charts (inline SVG, ``charts.py``) and the CJK font (a
``data:`` URL, ``font.py``); it has no script and names no other file or host, so it opens the
same offline, from a mail attachment or a file share. Sections: an overview (pages, articles,
stories, rejects, outlets, dates, scripts, rows per table, the run that wrote the tables), then
one ``<section>`` per ``figures.Section``; under each chart, the tables of the rows behind its
bars, each with the anchor its bar links to (``charts.bar_anchor``) and, for a long list, how many
rows it leaves out. The font is cut to the characters of the page once the page is written, and
the page says how many characters the font lacks (drawn with the reader's fonts), if any.

Example
-------
>>> import tempfile, pathlib
>>> from pipeline.report.data import open_output
>>> from pipeline.report.figures import gather
>>> page = render(gather(open_output(pathlib.Path(tempfile.mkdtemp()))))
>>> page.html.startswith("<!DOCTYPE html>"), "<script" in page.html, page.font.missing
(True, False, '')
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from . import font as fonts
from .charts import bar_anchor, bar_chart, format_value
from .figures import Chart, Figures, Overview
from .rows import RowTable

_FONT_SLOT = "/*font-face*/"

_STYLE = """/*font-face*/
:root{--ink:#1f2328;--muted:#59636e;--line:#d8dee4;--bar:#b8322a;--bar-hover:#7d1f19;--tint:#f6f8fa}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1100px;padding:24px 28px 64px;color:var(--ink);background:#fff;
font:15px/1.55 "ReportCJK",sans-serif}
h1{font-size:26px;margin:0 0 4px}h2{font-size:21px;margin:40px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:17px;margin:28px 0 4px}h4{font-size:15px;margin:18px 0 4px}
a{color:#0b5cad}nav a{margin-right:14px}
.meta,.caption,.more,.hidden,footer{color:var(--muted);font-size:13px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0;padding:0}
.cards div{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:128px;background:var(--tint)}
.cards dt{font-size:12px;color:var(--muted)}.cards dd{margin:0;font-size:22px;font-weight:bold}
svg.chart{display:block;max-width:100%;height:auto;margin:8px 0}
svg.chart text{font-size:13px;fill:var(--ink)}svg.chart text.value{fill:var(--muted)}
svg.chart rect.bar{fill:var(--bar)}svg.chart a:hover rect.bar{fill:var(--bar-hover)}
svg.chart a:hover text.label{text-decoration:underline}
details{margin:6px 0 0}summary{cursor:pointer;color:#0b5cad;font-size:14px}
table{border-collapse:collapse;margin:4px 0 2px;font-size:13px;width:100%}
th,td{border:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}
th{background:var(--tint);font-weight:normal;color:var(--muted)}
.rows{margin:0 0 10px;padding:2px 10px;border-left:3px solid var(--line)}
.rows:target{border-left-color:var(--bar);background:#fff7e6}
.num{text-align:right;white-space:nowrap}table.counts{width:auto;min-width:260px}
"""


@dataclass(frozen=True)
class Page:
    html: str
    font: fonts.EmbeddedFont


def render(figures: Figures) -> Page:
    o = figures.overview
    body = [_header(o, figures), _overview(o)]
    for section in figures.sections:
        body.append(f'<section id="{section.key}"><h2>{escape(section.title)}</h2>')
        body.extend(_chart(chart) for chart in section.charts)
        body.append("</section>")
    text = "".join(body)
    lacking = fonts.missing(text)
    body.append("<footer><p>Chinese is drawn with an embedded subset of Noto Sans SC (SIL Open Font "
                "License 1.1; from the PyPI package pylopdf-fonts-zh-cn)"
                + (f"; {len(lacking)} character(s) of this page are not in it and use your own fonts: "
                   f"{escape(lacking)}" if lacking else "") + ".</p></footer>")
    head = (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>Report: {escape(o.output)}</title><style>{_STYLE}</style></head><body>")
    html = head + "".join(body) + "</body></html>\n"
    font = fonts.embed(html)
    return Page(html.replace(_FONT_SLOT, font.css, 1), font)


def _header(o: Overview, figures: Figures) -> str:
    run = " · ".join(x for x in (f"generation {o.generation}" if o.generation else "",
                                 f"code {o.code_version}" if o.code_version else "",
                                 f"committed {o.committed_at}" if o.committed_at else "") if x)
    links = "".join(f'<a href="#{s.key}">{escape(s.title)}</a>' for s in figures.sections)
    return (f"<header><h1>cnnews-pipeline report</h1><p class=\"meta\">Tables in {escape(o.output)}"
            f"{' · ' + escape(run) if run else ''}</p><nav><a href=\"#overview\">Overview</a>{links}</nav></header>")


def _overview(o: Overview) -> str:
    cards = (("pages read", o.pages), ("articles", o.articles), ("stories (canonical)", o.stories),
             ("rejected pages", o.rejects), ("known outlets", o.outlets))
    days = (f"{o.first_day.isoformat()} to {o.last_day.isoformat()}" if o.first_day else "no dated article")
    scripts = ", ".join(f"{escape(k)} {v:,}" for k, v in o.scripts.items()) or "none"
    rows = "".join(f'<tr><td>{escape(t)}</td><td class="num">{n:,}</td></tr>' for t, n in o.rows.items())
    return ('<section id="overview"><h2>Overview</h2><dl class="cards">'
            + "".join(f"<div><dt>{escape(k)}</dt><dd>{v:,}</dd></div>" for k, v in cards)
            + f"</dl><p>Published {days} ({o.undated:,} undated). Scripts: {scripts}.</p>"
            + (f"<table class=\"counts\"><tr><th>table</th><th>rows</th></tr>{rows}</table>" if rows else "")
            + "</section>")


def _chart(chart: Chart) -> str:
    parts = [f'<div class="figure" id="chart-{chart.key}"><h3>{escape(chart.title)}</h3>'
             f'<p class="caption">{escape(chart.caption)}</p>']
    if chart.bars:
        parts.append(bar_chart(chart))
    else:
        parts.append('<p class="more">Nothing to chart: no rows.</p>')
    if chart.more:
        parts.append(f'<p class="more">{chart.more:,} more not drawn (the {len(chart.bars)} largest are).</p>')
    for listing in chart.listings:
        parts.append(f'<p class="more"><a href="#{bar_anchor(chart.key, listing.key)}">'
                     f"{escape(listing.title)}</a></p>")
    if chart.bars or chart.listings:
        parts.append(f"<details open><summary>The rows behind each bar</summary>")
        for i, bar in enumerate(chart.bars):
            title = f"{bar.label}: {format_value(bar.value)} {chart.measure}" + (f" ({bar.note})" if bar.note else "")
            parts.append(_rows(bar_anchor(chart.key, i), title, bar.rows, chart.key))
        for listing in chart.listings:
            parts.append(_rows(bar_anchor(chart.key, listing.key), listing.title, listing.rows, chart.key))
        parts.append("</details>")
    parts.append("</div>")
    return "".join(parts)


def _rows(anchor: str, title: str, rows: RowTable, chart_key: str) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in rows.columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>" for row in rows.cells)
    hidden = (f'<p class="hidden">{rows.hidden:,} more row(s) not shown (of {rows.total:,}).</p>'
              if rows.hidden else "")
    return (f'<div class="rows" id="{anchor}"><h4>{escape(title)}</h4>'
            f"<table><tr>{head}</tr>{body}</table>{hidden}"
            f'<p class="more"><a href="#chart-{chart_key}">back to the chart</a></p></div>')
