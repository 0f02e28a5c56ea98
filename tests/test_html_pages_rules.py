"""Rules for saved HTML pages learned from GeneralNewsExtractor's test pages (issue #15).

The tune part of tests/gne/selection.tsv (17 sites: recipes/fetch_gne_pages.py) showed these
patterns; the pages themselves are fetched from PyPI by the recipe and never committed, so each
rule is pinned here on a constructed page in the shape the real one had (the page named in each
test). Figures over the real pages: ``recipes/quality_report.py --sets gne-tune,gne-heldout``.
"""
from __future__ import annotations

from datetime import datetime

import pytest

from pipeline.clean import classify_line, clean_page
from pipeline.html_page import HtmlFacts, drop_link_lines, page_facts, prose_run
from pipeline.ingest import PageTask, drop_stray_end_tags, read_page
from pipeline.metadata import _byline_names, _editors, extract_metadata

BODY = ("<p>5月18日晚，古北水镇“光之城”文旅融合系列活动正式启动，游客可以在夜色中欣赏长城与水镇的灯光秀，"
        "感受传统文化与现代科技的结合。</p><p>活动现场，主办方介绍了今年夏季的一系列文旅项目，"
        "包括夜游长城、非遗展演和星空露营等内容，吸引了大批游客前来参与。</p>")


PARAGRAPHS = ("5月18日晚，古北水镇“光之城”文旅融合系列活动正式启动，游客可以在夜色中欣赏长城与水镇的灯光秀，"
              "感受传统文化与现代科技的结合。",
              "活动现场，主办方介绍了今年夏季的一系列文旅项目，包括夜游长城、非遗展演和星空露营等内容，吸引了大批游客前来参与。")


@pytest.fixture
def extractor(monkeypatch):
    """Makes trafilatura return the given body and no metadata, so a rule is tested on the page's
    own lines, not on what the extractor happened to keep (its date, its captions)."""
    import trafilatura

    def use(body: str):
        monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: body)
        monkeypatch.setattr(trafilatura, "extract_metadata", lambda *a, **k: None)
    return use


def page(head: str, top: str, after: str = "", body: str = BODY):
    html = (f"<html><head>{head}</head><body><div class=nav><a href=/>首页</a> <a href=/n>新闻</a></div>"
            f"{top}<div class=article>{body}</div>{after}</body></html>")
    raw = read_page(PageTask("p.html", text=html, fmt="html"))
    clean = clean_page(raw)
    return extract_metadata(raw, clean), clean


def test_an_info_bar_of_fields_without_colons():
    # csdn_1: 发表于2014-08-24 21:30| 1164次阅读| 来源CSDN| 0 条评论| 作者魏星
    m, _ = page("<title>知道安全论坛举办</title>", "<h1>知道安全论坛举办</h1>"
                "<div>发表于2014-08-24 21:30| 1164次阅读| 来源CSDN| 0 条评论| 作者魏星</div>")
    assert (m.source, m.authors, m.published_at, m.published_precision) == \
        ("CSDN", ["魏星"], datetime(2014, 8, 24, 21, 30), "minute")


def test_a_latin_outlet_in_a_source_field():
    # guancha_2: 2019-09-07 15:10:53 字号：A- A A+ 来源：EETOP
    m, _ = page("<title>集成电路进口突破三千亿美元</title>", "<h1>集成电路进口突破三千亿美元</h1>"
                "<div>2019-09-07 15:10:53 字号：A- A A+ 来源：EETOP</div>")
    assert m.source == "EETOP"


def test_the_site_its_title_names_is_the_last_resort_source():
    # 021news_v1: <title>大牛股…出货_上海新闻网</title>, no source field anywhere
    m, _ = page("<title>东山精密突然放量跌停_上海新闻网</title>", "<h1>东山精密突然放量跌停</h1>")
    assert m.source == "上海新闻网"
    m, _ = page("<title>东山精密突然放量跌停</title>", "<h1>东山精密突然放量跌停</h1>")
    assert m.source is None


def test_an_outlet_beside_the_date_with_an_editorial_tag_and_a_count():
    # gamersky_gamersky: 2019-09-05 11:10 游民星空[整理] 1
    m, _ = page("<title>逆水寒更新院门</title>", "<h1>逆水寒更新院门</h1><div>2019-09-05 11:10 新华网[整理] 1</div>")
    assert (m.source, m.published_at) == ("新华网", datetime(2019, 9, 5, 11, 10))


def test_editor_handles_and_placeholder_credits():
    # ednchina_1 责编：Demi Xia, qq_2 责任编辑：biaoffeng, gamersky_gamersky 作者：未知 责任编辑：棒棒不是糖
    assert _editors(["责编：Demi Xia"]) == ["Demi Xia"]
    assert _editors(["责任编辑：biaoffeng"]) == ["biaoffeng"]
    assert _editors(["作者：未知 责任编辑：棒棒不是糖"]) == ["棒棒不是糖"]
    assert _editors(["责任编辑：系统管理员"]) == [] and _editors(["编辑：网络编辑部"]) == []
    m, _ = page("<title>阿里发布芯片</title>", "<h1>阿里发布芯片</h1><div>时间：2019-09-25 作者：网络整理 阅读：1644</div>",
                after="<p>作者：未知 责任编辑：棒棒不是糖</p>")
    assert (m.authors, m.editors) == ([], ["棒棒不是糖"])


def test_a_field_label_after_a_name_ends_it():
    # mydrivers_v1: 出处：快科技 作者：宪瑞 编辑：宪瑞 人气： 5380 次 (人气 is no editor)
    m, _ = page("<title>嫦娥五号一图看懂</title>", "<h1>嫦娥五号一图看懂</h1>"
                "<div>2020-11-23 10:22:14 出处：快科技 作者：宪瑞 编辑：宪瑞 人气： 5380 次 评论(18)</div>")
    assert (m.source, m.authors, m.editors) == ("快科技", ["宪瑞"], ["宪瑞"])


def test_credit_with_the_reporters_unit_after_a_label():
    # njxfhn_1: 采写：南都记者 余毅菁 向雪妮 (南都 is the unit, not a third name)
    assert _byline_names("采写：南都记者 余毅菁 向雪妮") == ["余毅菁", "向雪妮"]
    assert _byline_names("记者张三通讯员李四") == ["张三", "李四"]
    m, _ = page("<title>数据业大整顿</title>", "<h1>数据业大整顿</h1>", after="<p>《棱镜》作者 周纯</p>")
    assert m.authors == ["周纯"]  # qq_2


def test_editor_after_chrome_the_body_kept_at_its_end(extractor):
    # xinhuanet_1: …body… 【纠错】 责任编辑： 尹世杰 新闻评论 加载更多 — the extractor kept 新闻评论 and
    # 加载更多, so the body's run reaches past the editor line
    extractor("\n".join(PARAGRAPHS) + "\n新闻评论\n加载更多")
    filler = "".join(f"<div>热帖{i}</div>" for i in range(12))
    m, _ = page("<title>法国大罢工影响交通</title>", "<h1>法国大罢工影响交通</h1>",
                after="<div>【纠错】</div><div>责任编辑： 尹世杰</div><div>新闻评论</div><div>加载更多</div>" + filler)
    assert m.editors == ["尹世杰"]


def test_a_photo_credit_in_a_caption_the_extractor_left_out(extractor):
    # shanxi_1: 图为山西品牌丝路行（南美站）启动仪式。（刘通摄） above the body, not in the extracted text
    extractor("\n".join(PARAGRAPHS))
    m, _ = page("<title>山西品牌丝路行启动</title>", "<h1>山西品牌丝路行启动</h1><div>来源：山西日报 作者：张巨峰</div>"
                "<div class=pic><img src=a.jpg><span>图为山西品牌丝路行（南美站）启动仪式。（刘通摄）</span></div>")
    assert sorted(m.authors) == sorted(["张巨峰", "刘通"])
    m, _ = page("<title>山西品牌丝路行启动</title>", "<h1>山西品牌丝路行启动</h1><div>来源：山西日报 作者：张巨峰</div>"
                "<div class=pic><span>游客在景区游览。（视觉中国供图）</span></div>")
    assert m.authors == ["张巨峰"]  # 供图 credits a body, not a photographer


WECHAT = ('<html><head><meta property="og:site_name" content="微信公众平台"><meta name="author" content="kingname">'
          '<meta property="og:title" content="在 Python 中实现延迟调用"></head><body>'
          '<h2>在 Python 中实现延迟调用</h2><a href="#">未闻Code</a><em>前天</em>'
          f'<div id="js_content">{BODY}</div>'
          '<script>var nickname = "未闻Code"; var ct = "1581418070";</script></body></html>')


def test_a_wechat_article_names_its_account_and_time_in_script():
    # wechat_2: og:site_name is the platform, the visible date is 前天
    facts = page_facts(WECHAT)
    assert facts.meta_value("wechat:nickname") == "未闻Code" and facts.meta_value("wechat:ct") == "1581418070"
    raw = read_page(PageTask("w.html", text=WECHAT, fmt="html"))
    m = extract_metadata(raw, clean_page(raw))
    assert (m.source, m.published_at, m.published_precision, m.authors) == \
        ("未闻Code", datetime(2020, 2, 11, 18, 47, 50), "second", ["kingname"])


def test_a_stray_end_of_page_before_the_article():
    # other_1 (gov.cn): an included header closes </html> before the article
    html = ("<html><head><title>关于批准特别国债的决议</title></head><body><div>首页</div></html>"
            f"<div class=content><h1>关于批准特别国债的决议</h1>{BODY}</div></body></html>")
    assert "</html>" not in drop_stray_end_tags(html)
    assert drop_stray_end_tags("<html><body><p>正文</p></body></html>") == "<html><body><p>正文</p></body></html>"
    raw = read_page(PageTask("g.html", text=html, fmt="html"))
    assert "古北水镇" in clean_page(raw).text


def test_the_densest_prose_run_replaces_an_extract_of_chrome(monkeypatch):
    # wechat_1: trafilatura returned the account box and buttons, not the article
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: "微信号 FViewXFG\n信息来源于网络\n微信扫一扫 关注该公众号")
    raw = read_page(PageTask("w.html", text=WECHAT, fmt="html"))
    assert clean_page(raw).text.startswith("5月18日晚，古北水镇")
    facts = HtmlFacts(lines=("首页", "很短", "第一段说了很多很多的事情，而且很长很长。", "第二段也说了很多很多的事情，非常长。"))
    assert prose_run(facts) == ["第一段说了很多很多的事情，而且很长很长。", "第二段也说了很多很多的事情，非常长。"]


def test_a_related_item_joined_with_its_date_and_channel_is_a_link_line():
    # guancha_2: the extractor writes "- 美欧卫星险相撞，欧航局紧急变轨 2019-09-05 13:49 航空航天"
    facts = HtmlFacts(link_lines=frozenset({"美欧卫星险相撞，欧航局紧急变轨"}))
    body = "正文第一段，很长很长。\n- 美欧卫星险相撞，欧航局紧急变轨 2019-09-05 13:49 航空航天"
    assert drop_link_lines(body, facts) == "正文第一段，很长很长。"


@pytest.mark.parametrize("line, kind", [
    ("人 民 网 版 权 所 有 ，未 经 书 面 授 权 禁 止 使 用", "chrome"),                 # people_1
    ("声明：证券时报力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担。", "chrome"),  # stcn_1
    ("最近，三星在美国旧金山举行发布会，正式发布旗下新一代旗舰手机。", "text"),
])
def test_chrome_cues_from_the_tune_pages(line, kind):
    assert classify_line(line).kind == kind


def test_a_box_of_the_authors_other_articles_ends_the_body():
    # guancha_guancha: 作者最近文章 followed by the author's other headlines
    m, clean = page("<title>中美贸易持久战</title>", "<h1>中美贸易持久战</h1>",
                    body=BODY + "<p>作者最近文章</p><p>破7之后，我们为什么还对人民币有信心？</p>")
    assert "作者最近文章" not in clean.text and "破7之后" not in clean.text


def test_a_lone_line_above_the_chrome_is_not_the_start_of_the_body(extractor):
    # 021news_v1: a broken meta tag's text repeats the body's first words at the top of the page,
    # so the date line under the headline (发布于 2019-09-26 07:19:52) was outside the window
    extractor("\n".join(PARAGRAPHS))
    m, _ = page("<title>光之城活动启动_上海新闻网</title>",
                f"<div>{PARAGRAPHS[0][:30]}\" /></div><div>登录 注册</div><div>新闻资讯 金融理财</div>"
                "<div>当前位置：首页</div><h1>光之城活动启动</h1><div>发布于 2019-09-26 07:19:52</div>")
    assert (m.published_at, m.published_precision) == (datetime(2019, 9, 26, 7, 19, 52), "second")


def test_a_first_paragraph_set_apart_by_a_share_box_stays_the_start_of_the_body(extractor):
    # review: the lone-line rule must not take a real first paragraph for a copy
    extractor("\n".join(("2024年5月18日晚，古北水镇举行活动，吸引了很多很多的游客前来参与。",) + PARAGRAPHS))
    share = "".join(f"<div>分享{i}</div>" for i in range(5))
    m, _ = page('<title>光之城活动启动</title><meta property="article:published_time" content="2024-05-20T09:00:00">',
                "<h1>光之城活动启动</h1><div>2024-05-20 09:00</div>"
                "<p>2024年5月18日晚，古北水镇举行活动，吸引了很多很多的游客前来参与。</p>" + share)
    assert m.published_at == datetime(2024, 5, 20, 9, 0)


def test_a_headline_broken_over_lines_is_confirmed():
    # other_1 (gov.cn): the <title>'s headline is written on three lines above the body
    m, _ = page("<title>全国人民代表大会常务委员会关于批准特别国债的决议__国务院公报_中国政府网</title>",
                "<div>全国人民代表大会常务委员会<br>关于批准特别国债<br>的决议</div>"
                "<div>（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）</div>")
    assert m.title == "全国人民代表大会常务委员会关于批准特别国债的决议"


def test_an_editor_line_the_extractor_skipped_inside_the_body_run(extractor):
    # sina_1: …（BBC） 责任编辑：张迪 关键字：公园 — then a promotion the extractor kept, which the
    # body's run reaches, and many more lines after it
    promo = "更多猛料！欢迎扫描左方二维码关注新浪新闻官方微信，每天都有精彩内容推送给你。"
    more = ("市议会采纳这一建议后，新建的健康公园提高了当地老年居民的运动频率，做法还在多地得到复制。",
            "报道称，不只是温哥华，伦敦、柏林等城市也都开始效仿，打造鼓励市民健身运动的公园。")
    extractor("\n".join(PARAGRAPHS + more) + "\n" + promo)
    filler = "".join(f"<div>评论{i}</div>" for i in range(12))
    m, _ = page("<title>老外为何说了不得</title>", "<h1>老外为何说了不得</h1><div>2019-11-25 18:57 来源：参考消息</div>",
                body=BODY + "".join(f"<p>{x}</p>" for x in more)
                + f"<div>责任编辑：张迪</div><div>关键字：公园</div><p>{promo}</p>" + filler)
    assert m.editors == ["张迪"]


def test_a_known_outlet_alone_on_a_line_after_the_body():
    # njxfhn_1: a content farm's copy ends with ",南方都市报"; its <title> names the farm
    m, _ = page("<title>七旬阿婆被骗上百万-富达传媒</title>", "<h1>七旬阿婆被骗上百万</h1><div>2019年09月11日</div>",
                after="<div>,南方都市报</div>")
    assert m.source == "南方都市报"


def test_a_short_channel_in_the_title_is_no_site_and_a_host_line_names_the_publisher():
    # sxmu_1: <title>中华人民共和国监察法-纪检</title> … 主办单位：山西医科大学纪检监察室 版权所有
    m, _ = page("<title>中华人民共和国监察法-纪检</title>", "<div>中华人民共和国监察法</div>")
    assert m.source is None
    m, _ = page("<title>中华人民共和国监察法-纪检</title>", "<div>中华人民共和国监察法</div>",
                after="<div>主办单位：山西医科大学纪检监察室 版权所有</div>")
    assert m.source == "山西医科大学纪检监察室"


@pytest.mark.parametrize("line, kept", [
    # sina_3: a finance site's stock quote after a company's name (and its 2.47% is no claim)
    ("英国《金融时报》对几个资管公司进行了调查，包括先锋领航、摩根大通（115.395，2.79，2.47%）等。",
     "英国《金融时报》对几个资管公司进行了调查，包括先锋领航、摩根大通等。"),
    # guancha_2: an update stamp the extractor joined to the first paragraph
    ("最后更新: 2019-09-07 15:14:21 9月3日，在第二届全球IC企业家大会开幕式上，魏少军教授作了演讲。",
     "9月3日，在第二届全球IC企业家大会开幕式上，魏少军教授作了演讲。"),
    # qq_2: a link home at the end of the last paragraph
    ("可以预见的是，第三方数据行业的整顿仍将持续。返回腾讯网首页>>", "可以预见的是，第三方数据行业的整顿仍将持续。"),
])
def test_chrome_inside_a_body_line_is_cut_out(line, kept):
    raw = read_page(PageTask("t.txt", text=f"标题在这里\n{line}\n第二段正文，说了很多很多的事情，而且很长很长很长。", fmt="text"))
    assert kept in clean_page(raw).text and "115.395" not in clean_page(raw).text


# ------------------------------------------------ what the review of 2026-12-06 found misfiring

def test_a_short_story_with_a_long_comment_thread_keeps_its_body(extractor):
    brief = "古北水镇“光之城”文旅融合系列活动今晚正式启动，持续到十月底。"
    extractor(brief)
    comments = "".join(f"<div class=c>网友{i}：这个活动真不错，周末一定带家人一起去看看，听说灯光秀特别好看。</div>"
                       for i in range(8))
    raw = read_page(PageTask("p.html", text=f"<html><body><h1>光之城启动</h1><p>{brief}</p>{comments}</body></html>",
                             fmt="html"))
    assert "网友" not in clean_page(raw).text


def test_an_update_stamp_alone_is_the_pages_date_field():
    raw = read_page(PageTask("t.txt", text="标题在这里很长\n来源：新华网 更新时间：2024-05-12 10:00\n"
                             "正文第一段，说了很多很多的事情，而且很长很长很长。", fmt="text"))
    m = extract_metadata(raw, clean_page(raw))
    assert m.published_at == datetime(2024, 5, 12, 10, 0)


def test_channel_names_and_platforms_are_no_source():
    for title in ("东山精密突然放量跌停_滚动新闻", "东山精密突然放量跌停-财经频道", "东山精密突然放量跌停_手机版"):
        m, _ = page(f"<title>{title}</title>", "<h1>东山精密突然放量跌停</h1>")
        assert m.source is None, title
    m, _ = page('<title>三星发布新手机</title><meta property="og:site_name" content="微信公众平台">', "<h1>三星发布新手机</h1>")
    assert m.source is None  # a WeChat page without its account's name


def test_wechat_script_fields_only_on_a_wechat_page():
    html = ("<html><head><title>景区推出夜游项目</title></head><body><h1>景区推出夜游项目</h1>"
            f"{BODY}<p>扫码关注微信公众平台</p><script>var nickname = \"游客\"; var ct = \"1581418070\";</script></body></html>")
    assert page_facts(html).meta_value("wechat:nickname") is None
    bad = WECHAT.replace('var ct = "1581418070"', 'var ct = "²²²²²²²²²"')
    raw = read_page(PageTask("w.html", text=bad, fmt="html"))  # a non-ASCII digit never crashes the page
    assert extract_metadata(raw, clean_page(raw)).source == "未闻Code"


@pytest.mark.parametrize("value", ["admin", "CCTV", "xinhuanet.com", "小编有话说", "新华社新闻"])
def test_placeholders_outlets_and_domains_are_no_editor_handles(value):
    assert _editors([f"责任编辑：{value}"]) == []


def test_tab_bars_and_spaced_labels_name_no_one():
    m, _ = page("<title>光之城活动启动</title>", "<h1>光之城活动启动</h1><div>编辑推荐 | 热门排行 | 最新文章</div>",
                after="<div>作者 简介</div><div>编辑 手记</div>")
    assert (m.authors, m.editors, m.source) == ([], [], None)


def test_the_unit_rule_keeps_names_listed_with_colons():
    assert _byline_names("记者：张三通讯员：李四") == ["张三", "李四"]
    assert _byline_names("记者：张三、李四通讯员：王五") == ["张三", "李四", "王五"]


@pytest.mark.parametrize("line", ["专家提醒，盲目跟风炒股，后果风险自担，投资者应当理性看待市场波动。",
                                  "游客扫描景区二维码即可购票入园，十分方便。"])
def test_body_sentences_with_disclaimer_words_stay(line):
    assert classify_line(line).kind == "text"
