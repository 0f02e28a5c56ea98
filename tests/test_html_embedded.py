"""A page rendered by its script: the article is a string in a <script>, the page's own markup an
empty root. Ingest takes the body from that string when the page shows no prose, and only then."""
from __future__ import annotations

import json

import pytest

from pipeline.clean import clean_page
from pipeline.records import PageRejected
from pipeline.html_embedded import script_article
from pipeline.ingest import PageTask, read_page

PARAGRAPHS = ("5月18日晚，古北水镇“光之城”文旅融合系列活动正式启动，游客可以在夜色中欣赏长城与水镇的灯光秀，"
              "感受传统文化与现代科技的结合。",
              "活动现场，主办方介绍了今年夏季的一系列文旅项目，包括夜游长城、非遗展演和星空露营等内容，吸引了大批游客前来参与。")
MARKUP = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def _escaped_single_quoted(markup: str) -> str:
    # the 今日头条 form of 2018-2019: HTML entities inside a single-quoted JavaScript string
    return markup.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def rendered_by_script(script: str) -> str:
    return ("<html><head><title>古北水镇启动光之城活动 - 今日头条</title></head><body>"
            "<div class=nav><a href=/>首页</a> <a href=/n>热点</a></div><div id=root></div>"
            f"<script>{script}</script><script>var x = 1;</script></body></html>")


TOUTIAO = rendered_by_script("var BASE_DATA = {articleInfo: {title: '古北水镇启动光之城活动', "
                             f"content: '{_escaped_single_quoted(MARKUP)}'.replace(/<br \\/>/ig, ''), "
                             "groupId: '6700000000000000000'}};")
#: the JSON form: a state object with \\u escapes
STATE = rendered_by_script("window.__INITIAL_STATE__ = "
                           + json.dumps({"article": {"title": "古北水镇", "content": f"<div>{MARKUP}</div>"}}) + ";")


@pytest.mark.parametrize("page", [TOUTIAO, STATE], ids=["entities in a js string", "json state"])
def test_the_article_a_script_carries_is_the_body(page):
    assert script_article(page) == list(PARAGRAPHS)
    clean = clean_page(read_page(PageTask("t.html", text=page, fmt="html")))
    assert clean.text.split("\n")[-2:] == list(PARAGRAPHS)


def test_without_the_script_the_page_is_reported_not_dropped():
    page = rendered_by_script("var x = 1;")
    assert script_article(page) == []
    with pytest.raises(PageRejected):
        clean_page(read_page(PageTask("t.html", text=page, fmt="html")))


def test_a_page_that_shows_its_article_keeps_its_own_body():
    # a script string of other prose (a related story's summary) never replaces a body the page shows
    other = "<p>另一篇文章的摘要写在脚本里，说了很多很多别的事情，而且足够长，足够长，足够长，足够长。</p>" * 3
    page = (f"<html><head><title>古北水镇启动光之城活动</title></head><body><div class=article>{MARKUP}</div>"
            f"<script>var related = {{summary: '{_escaped_single_quoted(other)}'}};</script></body></html>")
    text = clean_page(read_page(PageTask("a.html", text=page, fmt="html"))).text
    assert PARAGRAPHS[0] in text and "另一篇文章" not in text


def test_a_short_article_the_page_shows_is_not_replaced_by_a_recommended_story():
    short = "<p>古北水镇今晚启动光之城灯光秀，欢迎游客前来观赏，活动将持续到十月底结束。</p>"
    recommended = json.dumps({"recommend": [{"content": f"<div>{MARKUP}</div>"}]})
    page = (f"<html><head><title>古北水镇启动光之城活动</title></head><body><div class=article>{short}</div>"
            f"<script>window.__DATA__ = {recommended};</script></body></html>")
    text = clean_page(read_page(PageTask("s.html", text=page, fmt="html"))).text
    assert "光之城灯光秀" in text and PARAGRAPHS[0] not in text


def test_an_unclosed_quote_in_a_script_is_read_once():
    # a truncated, escaped JSON line: every quote opens a literal that never closes
    page = "<html><body><script>var a = \"" + '\\"' * 50_000 + "中文字符" * 10 + "</script></body></html>"
    assert script_article(page) == []
