"""Behaviour of pipeline.clean.clean_page.

Table-driven part: every page listed in tests/expected/clean_metadata.json
(the five reference pages and the 30 extra samples) — boilerplate lines must be
gone from ``text``, body substrings must survive, ``script`` must match.
Expectations were written by reading the pages; known misses are marked
``xfail`` in that file, never weakened.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pytest

from pipeline.clean import clean_page
from pipeline.text.normalise import strip_pinyin
from pipeline.records import PageRejected
from pipeline.resources import to_simplified

from conftest import EXPECTED, ROOT, expected_page, raw_page





def norm(s: str) -> str:
    """Same comparison as /work/shared/gold/score.py: NFKC, no whitespace, simplified."""
    return to_simplified(re.sub(r"\s+", "", unicodedata.normalize("NFKC", s)))


@lru_cache(maxsize=None)
def cleaned(stem: str):
    return clean_page(expected_page(stem))


def expect_failure(stem: str, check: str) -> None:
    reason = (EXPECTED[stem].get("xfail") or {}).get(check)
    if reason:
        pytest.xfail(reason)


# --------------------------------------------------------------------------
# Table-driven over the expectations file


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_boilerplate_removed(stem):
    expect_failure(stem, "boilerplate")
    text = norm(cleaned(stem).text)
    left = [line for line in EXPECTED[stem]["boilerplate"] if norm(line) in text]
    assert left == []


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_body_kept(stem):
    expect_failure(stem, "keep")
    text = norm(cleaned(stem).text)
    lost = [s for s in EXPECTED[stem]["keep"] if norm(s) not in text]
    assert lost == []


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_script(stem):
    expect_failure(stem, "script")
    assert cleaned(stem).script == EXPECTED[stem]["script"]


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_text_is_simplified_original(stem):
    page = cleaned(stem)
    # converted on a traditional page; as written on a simplified one
    assert page.text == (to_simplified(page.text_original) if page.script == "traditional" else page.text_original)
    assert page.text.count("\n") == page.text_original.count("\n")
    assert all(line == line.strip() and line for line in page.text.split("\n"))


# --------------------------------------------------------------------------
# Pinyin annotations (three styles) and what must not be taken for pinyin


@pytest.mark.parametrize("raw, clean", [
    ("中國共產(chǎn)黨新聞網(wǎng)", "中國共產黨新聞網"),                  # toned, no padding
    ("讓黨(dang) 旗在防汛救災第一線", "讓黨旗在防汛救災第一線"),        # toneless, padded with a blank
    ("一(yi)次(ci)(ci)大考(kao)", "一次大考"),                         # doubled annotation
    ("各乡(镇、街道)下辖", "各乡(镇、街道)下辖"),                        # real parenthesis
    ("李若曦(右)在進入", "李若曦(右)在進入"),
    ("直播平台、CCtalk(CCtalk)等", "直播平台、CCtalk(CCtalk)等"),        # not lowercase pinyin
    ("消毒用品90余万盒(瓶)。", "消毒用品90余万盒(瓶)。"),
    ("把抗洪搶險作為(we", "把抗洪搶險作為"),                            # cut off by a truncated page
])
def test_strip_pinyin(raw, clean):
    assert strip_pinyin(raw) == clean


def test_pinyin_stripped_in_header_and_body():
    text = ("中國共產(chǎn)黨新聞網(wǎng)>>主題教育官方網(wǎng)站\n標題(tí)在這裡\n"
            "習(xi) 近平總書(shu) 記多次作出重要指示,要求盡最大努力保障人民群眾(zhong) 生命財產(chan) 安全。")
    page = clean_page(raw_page(text))
    assert page.text_original == "習近平總書記多次作出重要指示,要求盡最大努力保障人民群眾生命財產安全。"
    assert page.header == ["中國共產黨新聞網>>主題教育官方網站", "標題在這裡"]


def test_blank_after_toned_pinyin_is_a_real_separator():
    page = clean_page(raw_page("標題\n發布時間:2022-03-16 文章來源:中新網(wǎng) 點擊:668799\n"
                               "近日,記者在該小區大門口看到,一群身穿防護服的志愿者們奔赴各個樓棟。"))
    assert page.header[1] == "發布時間:2022-03-16 文章來源:中新網 點擊:668799"


# --------------------------------------------------------------------------
# Bylines


BODY = "疾风知劲草,烈火炼真金。连日来,在石家庄市防控新冠肺炎疫情战场上,共产党员挺身而出。"


def test_trailing_byline_in_parentheses_is_cut():
    page = clean_page(raw_page(f"标题\n{BODY}\n日供防护服、隔离衣2万套,口罩10万只。(河北日报记者 董 昌"))
    assert page.text.split("\n")[-1] == "日供防护服、隔离衣2万套,口罩10万只。"
    assert page.bylines == ["河北日报记者 董 昌"]


def test_dateline_lead_with_correspondent_is_cut():
    page = clean_page(raw_page("标题\n  河北共产党员网讯(通讯员 吴树玲)“五月的风是前行,飘飞的柳絮,衬托的是大白的身影……”"
                               "这是驻村干部康占稳笔下的滦平五月。"))
    assert page.text == "“五月的风是前行,飘飞的柳絮,衬托的是大白的身影……”这是驻村干部康占稳笔下的滦平五月。"
    assert page.bylines == ["河北共产党员网讯(通讯员 吴树玲)"]


def test_standalone_byline_line():
    page = clean_page(raw_page(f"标题\n株洲日报记者 李支国 尹二荣 沈全华 邹怡敏\n{BODY}"))
    assert page.bylines == ["株洲日报记者 李支国 尹二荣 沈全华 邹怡敏"]
    assert "李支国" not in page.text


def test_parenthesised_traditional_byline_line():
    page = clean_page(raw_page(f"標題\n{BODY}\n(本報記者 章正 張景華 董城)\n(責編:段晨茜、閆妍)"))
    assert page.bylines == ["(本報記者 章正 張景華 董城)"]
    assert page.footer == ["(責編:段晨茜、閆妍)"]
    assert page.text == BODY


def test_name_only_credit_after_last_sentence():
    page = clean_page(raw_page(f"标题\n{BODY}支持所在街道(社区)疫情防控工作。(左丹丹)"))
    assert page.text.endswith("支持所在街道(社区)疫情防控工作。")
    assert page.bylines == ["左丹丹"]


# --------------------------------------------------------------------------
# Captions


def test_captions_go_to_captions_with_photographer():
    page = clean_page(raw_page(
        "标题\n来源:河北日报\n1月20日,医护突击队在社区为居民进行核酸咽拭子采样。河北日报记者 张 昊摄\n"
        f"{BODY}\n▲团结一心,共战疫情。\n16523e26dac579b00dd106f8abde997\n图为目前市民按规定扫场所码进入超市场景\n"
        f"6月29日,郭猛在豐臺區豐臺街道進行消殺工作。新華社發\n党员网格员合影。\n{BODY}"))
    assert page.captions == [
        "1月20日,医护突击队在社区为居民进行核酸咽拭子采样。河北日报记者 张 昊摄",
        "▲团结一心,共战疫情。",
        "图为目前市民按规定扫场所码进入超市场景",
        "6月29日,郭猛在丰台区丰台街道进行消杀工作。新华社发",
        "党员网格员合影。",
    ]
    assert page.text == f"{BODY}\n{BODY}"


def test_short_sentence_with_inner_comma_is_body_not_caption():
    page = clean_page(raw_page(f"疫情就是警情,警情就是命令。\n{BODY}"))
    assert page.text.split("\n")[0] == "疫情就是警情,警情就是命令。"
    assert page.captions == []


def test_short_report_sentences_are_body_not_captions():
    # sweeps 8-10 (unlabelled CCTV articles): 王晨出席座谈会。 closing the article was cut as a
    # photo caption; meeting and ceremony sentences and completed actions are the report's
    closing = ["王晨出席座谈会。", "吉炳轩主持座谈会。", "会议还研究了其他事项。", "特此公告。",
               "大会在雄壮的国歌声中闭幕。", "任命唐登杰为民政部部长。"]
    page = clean_page(raw_page("\n".join([BODY, closing[0], BODY] + closing[1:])))
    assert page.text.split("\n") == [BODY, closing[0], BODY] + closing[1:]
    assert page.captions == []
    # a photo's short description stays a caption (tests/data/extra/p24.txt)
    assert clean_page(raw_page(f"{BODY}\n党员网格员进行商户排查。\n{BODY}")).captions == ["党员网格员进行商户排查。"]


# --------------------------------------------------------------------------
# Keyword rules do not remove body sentences


def test_body_sentence_mentioning_source_and_editor_stays():
    sentence = ("据编辑部介绍,这些数据来源:市卫健委每日通报,编辑:王强同志逐条核对后发布,"
                "浏览量已超过十万次,来源可靠。")
    page = clean_page(raw_page(f"标题\n来源:河北日报\n{BODY}\n{sentence}\n编辑:王强"))
    assert page.text == f"{BODY}\n{sentence}"
    assert page.footer == ["编辑:王强"]


def test_section_headings_between_paragraphs_stay():
    page = clean_page(raw_page(f"标题\n{BODY}\n主动请缨,奋战在抗疫一线\n{BODY}"))
    assert page.text.split("\n")[1] == "主动请缨,奋战在抗疫一线"


def test_edition_marker_and_continuation_prefix():
    page = clean_page(raw_page(f"第RB03版:日报06版\n标题\n上接第一版){BODY}\ncb"))
    assert page.text == BODY
    assert page.removed_lines == 3


def test_nav_breadcrumb_spam_prompts_copyright_removed():
    text = "\n".join([
        "党纪法规| 审查调查| 通报曝光 | 巡视巡察| 信息公开",
        "所在位置:首页>新闻播报>廉洁河北>",
        "99在线免费观看,亚洲精品不卡在线,亚洲国产剧情在线,男女男精品网站免费观看",
        "标题",
        "分享到:",
        BODY,
        "承德频道新闻热线:13831489999",
        "[京ICP证040655号] [ 京公网安备 11010202009201号]",
        "返回顶部",
    ])
    page = clean_page(raw_page(text))
    assert page.text == BODY
    assert page.removed_lines == 8
    assert page.header[3] == "标题"


# --------------------------------------------------------------------------
# Normalisation, tags, rejection


def test_fullwidth_digits_and_letters_become_ascii_punctuation_stays():
    page = clean_page(raw_page("标题\n　　全市４０５０个农村党组织、ＣＣｔａｌｋ平台，２０．１万名党员投身抗疫一线，占９８．０４％。"))
    assert page.text == "全市4050个农村党组织、CCtalk平台，20.1万名党员投身抗疫一线，占98.04%。"


def test_html_paragraph_tags_become_lines():
    page = clean_page(raw_page(f"<p> {BODY}</p> <p>&ldquo;我是党员,就要肩负起自己的责任。&rdquo;这是他常说的话,大家都记得。</p>"))
    assert page.text == f"{BODY}\n“我是党员,就要肩负起自己的责任。”这是他常说的话,大家都记得。"


def test_news_paragraph_naming_asia_twice_is_body_not_spam():
    # 亚洲 is a spam cue (亚洲精品不卡); a dateline paragraph of a CCTV transcript says it twice
    para = ("央视网消息（新闻联播）：4月20日，习近平主席在博鳌亚洲论坛2021年年会开幕式上发表主旨演讲，"
            "倡议亚洲和世界各国回应时代呼唤，携手共克疫情，加强全球治理，在与会嘉宾中引起了热烈反响。")
    page = clean_page(raw_page(f"与会嘉宾高度评价主旨演讲\n{para}\n{BODY}"))
    assert page.text.startswith("4月20日，习近平主席在博鳌亚洲论坛2021年年会开幕式上")
    assert page.bylines == ["央视网消息（新闻联播）："]


def test_dateline_alone_on_a_header_line_is_a_byline():
    page = clean_page(raw_page(f"国内联播快讯\n央视网消息（新闻联播）：\n即日起 减免部分涉企征信服务收费\n{BODY}"))
    assert page.bylines == ["央视网消息（新闻联播）："]
    assert page.header == ["国内联播快讯", "即日起 减免部分涉企征信服务收费"]


def test_short_sentence_with_one_spam_cue_is_body():
    # 体育中心 is a spam cue; a short news sentence that names one is still news
    page = clean_page(raw_page(f"标题\n{BODY}\n当天，武汉体育中心改为方舱医院。\n{BODY}"))
    assert "当天，武汉体育中心改为方舱医院。" in page.text


def test_spam_and_menu_only_page_is_rejected():
    text = ("99在线免费观看,亚洲精品不卡在线,亚洲国产剧情在线\n党纪法规| 审查调查| 通报曝光 | 巡视巡察\n"
            "首页 > 国内新闻 > 正文\n分享到:\n返回顶部")
    with pytest.raises(PageRejected) as err:
        clean_page(raw_page(text))
    assert err.value.reason == "boilerplate_only"


@pytest.mark.parametrize("text", ["", "   \n\n　\n", "<p></p><br/>"])
def test_empty_page_is_rejected(text):
    with pytest.raises(PageRejected) as err:
        clean_page(raw_page(text))
    assert err.value.reason == "no_body"


def test_traditional_script_detected_from_body_not_spam():
    page = clean_page(raw_page("99在线免费观看,亚洲精品不卡在线,亚洲国产剧情在线\n標題\n"
                               "一個多月前,北京新發疫情突至。有一群體,從隔離病房到社區,從實驗室到值勤點,哪裡任務重。"))
    assert page.script == "traditional"
    assert page.text == "一个多月前,北京新发疫情突至。有一群体,从隔离病房到社区,从实验室到值勤点,哪里任务重。"


def test_a_simplified_page_keeps_its_own_characters():
    # a sweep of 2023-2026 CCTV text: OpenCC read the simplified 乾 of 乾安县 and 寀 of 寀卢村 as
    # traditional and wrote 干安县, 采卢村 into the text, the rows and their sentences
    page = clean_page(raw_page("标题\n在吉林省乾安县的玉米种植示范区里，寀卢村的村民正在收割玉米，今年的产量比去年提高了不少。"))
    assert page.script == "simplified" and "乾安县" in page.text and "寀卢村" in page.text


def test_removed_lines_counts_nonempty_input_lines_not_in_text():
    page = clean_page(raw_page((ROOT / "data/raw/002_2ce852fb66e9e90e.txt").read_text(encoding="utf-8")))
    raw_nonempty = [x for x in (ROOT / "data/raw/002_2ce852fb66e9e90e.txt").read_text(encoding="utf-8").split("\n")
                    if x.strip()]
    assert page.removed_lines == len(raw_nonempty) - len(page.text.split("\n"))


# 10_gmw.cn (saved HTML, tune part): the body ran on past 阅读剩余全文 into the 值班总编推荐 box and
# a list of academicians' names
_GMW_BODY = ["中国科学院专家19日在北京介绍国内首次在轨水生生态研究项目进展情况。空间站小型受控生命生态实验组件由神舟十八号航天员转移至问天舱生命生态实验柜中开展实验后，目前在轨运行稳定、4条斑马鱼状态良好。",
             "活动现场，科学家将斑马鱼样品赠予同学们并回答问题。“斑马鱼作为‘模式生物’，与人类基因组相似度高达87%，可以作为许多人类疾病的研究模型。”中国科学院水生生物研究所研究员王高鸿说。"]
_GMW_AFTER = ["阅读剩余全文（）", "值班总编推荐", "“鬼秤”频现，危害性不应被低估",
              "习近平主持召开企业和专家座谈会强调 紧扣推进中国式现代化主题 进一步全面深化改革",
              "物理化学家万惠霖院士逝世", "万惠霖常印佛计亮年 孙钧 朱起鹤 朱伯芳胡和生盛志勇 王子才肖序常徐承恩 曹春晓王明庥秦裕琨汪忠镐钟万勰袁权 "
              "韩大匡潘镜芙郑光美胡英汪应洛凌永顺钟训正刘守仁陆元九关兴亚万哲先毛江森"]


def test_nothing_after_an_end_marker_is_body():
    page = clean_page(raw_page("\n".join(["中国“太空养鱼”项目进展顺利", *_GMW_BODY, *_GMW_AFTER])))
    assert page.text.split("\n") == _GMW_BODY
    assert "值班总编推荐" in page.footer


def test_an_end_marker_with_more_article_after_it_than_before_ends_nothing():
    # a related-reading box near the top of a long story: the story goes on below it
    long_tail = [_GMW_BODY[1]] * 3
    page = clean_page(raw_page("\n".join(["标题", _GMW_BODY[0], "相关阅读", *long_tail])))
    assert page.text.split("\n") == [_GMW_BODY[0], *long_tail]


def test_script_is_detected_when_conversion_changes_the_length():
    # OpenCC may convert a phrase to one of another length; the count then goes by characters
    # (this branch raised NameError until 2026-12-05)
    from pipeline.clean import detect_script

    original = "這個醫院的醫護人員連續奮戰了十八個晝夜，為患者提供服務。"
    assert detect_script(original, to_simplified(original) + "x") == "traditional"
    assert detect_script("这个医院", "这个医院x") == "simplified"


@pytest.mark.parametrize("line, kind", [
    ("成人票原价：279元", "text"),          # 20_021east (HTML, tune part): a ticket price, not spam
    ("成人教育招生简章", "text"),
    ("成人视频", "chrome"),
    ("成人在线免费观看", "chrome"),
])
def test_adult_is_a_spam_cue_only_outside_tickets_and_education(line, kind):
    from pipeline.clean import classify_line
    from pipeline.text.chars import cjk_count

    assert classify_line(line, cjk_count(line)).kind == kind


@pytest.mark.parametrize("line", ["国产大飞机C919首飞成功", "武汉体育中心方舱医院", "中国队晋级亚洲杯八强"])
def test_a_word_of_general_news_alone_is_no_spam(line):
    # 国产, 体育中心, 亚洲 are spam cues only with a second cue (亚洲国产欧美…) — issue #15
    from pipeline.clean import classify_line
    from pipeline.text.chars import cjk_count

    assert classify_line(line, cjk_count(line)).kind == "text"


@pytest.mark.parametrize("line, kind", [
    # GNE's sina pages outside the GNE selection (tune site): app promotions pointing at the layout
    ("专注苹果新闻报道，每日推送最新苹果资讯。扫描下方二维码关注苹果汇官方微信(或微信中搜：appleinc2012)。", "chrome"),
    ("更多猛料！欢迎扫描左方二维码关注新浪新闻官方微信（xinlang-xinwen）", "chrome"),
    # a notice in the story that tells readers to scan a code stays (no layout word)
    ("居民可扫描社区张贴的二维码，关注“健康石家庄”公众号，完成信息登记。", "text"),
    ("符合条件的市民扫描下方二维码，填写姓名和身份证号即可完成预约。", "text"),
    ("- 原标题：苹果回应“违反中国劳动法”：大多数指控错误", "chrome"),  # an extractor's list item
])
def test_prompts_that_point_at_the_layout_are_chrome(line, kind):
    from pipeline.clean import classify_line
    from pipeline.text.chars import cjk_count

    assert classify_line(line, cjk_count(line)).kind == kind


def _page(text: str):
    from pipeline.records import RawPage
    return RawPage("menu.txt", text, "text", "utf-8", "x")


BODY = ("证券时报e公司讯，当升科技竞得常州市工业用地，将为公司常州锂电新材料产业基地提供用地。"
        "金陵药业公告称，公司总裁助理李泉、贾明怡增持公司股份。")


def test_a_site_menu_one_item_per_line_is_chrome():
    # GNE tune stcn_1 / qq_qq / sina_1: the extractor kept the site's menu inside the body
    menu = "\n".join(["研报", "机构", "数据", "专题", "视频", "公告", "国内", "海外", "滚动", "评论"])
    page = clean_page(_page(f"标题\n{BODY}\n{menu}\n{BODY}"))
    assert "研报" not in page.text and page.text.count("当升科技") == 2


def test_names_one_per_line_are_no_menu():
    # a list of people or places one per line (表彰名单) is content, not a menu
    names = "\n".join(["张三丰", "李四光", "王五", "赵六", "孙七"])
    places = "\n".join(["台南市", "高雄市", "屏东县", "台东县"])
    page = clean_page(_page(f"标题\n{BODY}\n{names}\n{places}\n{BODY}"))
    assert "李四光" in page.text and "屏东县" in page.text


@pytest.mark.parametrize("line", ['description = "证券时报新闻APP，是证券时报官方新闻客户端。";', "//要分享的链接地址",
                                  "title: '午间公告：天奇股份中标广汽丰田项目_证券时报网',", '"title" : \'法国全国大罢工\','])
def test_a_line_of_the_page_script_is_chrome(line):
    # GNE tune stcn_1 and xinhuanet_1: the script's share settings came through as body lines
    page = clean_page(_page(f"标题\n{BODY}\n{line}\n{BODY}"))
    assert norm(line) not in norm(page.text)


@pytest.mark.parametrize("line", ["//@张三: 说得好，我们都支持这个决定，也希望大家一起参与。", "CPU: 骁龙865处理器，性能提升了很多，功耗也降低了。"])
def test_a_repost_or_a_spec_line_is_no_script(line):
    page = clean_page(_page(f"标题\n{BODY}\n{line}\n{BODY}"))
    assert norm(line) in norm(page.text)


def test_a_list_a_colon_introduces_or_with_no_menu_word_is_content():
    # found by the review: 社会主义核心价值观 one per line, a recipe's ingredients
    values = "\n".join(["富强", "民主", "文明", "和谐", "自由", "平等"])
    recipe = "\n".join(["五花肉", "冰糖", "生姜", "料酒", "酱油"])
    page = clean_page(_page(f"标题\n{BODY}\n社会主义核心价值观的基本内容是：\n{values}\n{BODY}\n准备食材\n{recipe}\n{BODY}"))
    assert "和谐" in page.text and "冰糖" in page.text


def test_an_interview_line_is_no_script():
    page = clean_page(_page(f"标题\n{BODY}\nQ: \"新产品什么时候上市？\"\nA: \"我们会尽快推出，请大家耐心等待。\"\n{BODY}"))
    assert "新产品什么时候上市" in page.text


def test_teasers_of_other_stories_below_the_article_are_cut():
    # gne-tune njxfhn_1 and people_1 (tuned on): a headline and an excerpt cut short (…), and
    # teasers ending 【详细】, below the last paragraph (chrome_teaser_endings.tsv)
    advice = ("江门警方提示，接到自称是公安、检察院、法院、银行等单位人员的来电切勿轻易相信。"
              "“警方通常不会通过电话对案件进行详细咨询，如需要市民配合调查，多会通过面谈方式进行。”冯警官提醒。")
    page = clean_page(raw_page(f"标题\n{BODY}\n{advice}\n香港警方：8.31示威行动未发生致命事件，谴责造谣者\n"
                               "港铁公司车务营运总监表示，8月31日晚，因激进示威者的破坏行为，有46人因参…"))
    assert page.text.split("\n")[-1] == advice
    page = clean_page(raw_page(f"标题\n{BODY}\n{advice}\n致敬改革开放四十年，文化大家讲述亲历 一个时代有一个时代的文艺。"
                               "邀请当代中国最具代表性的文化艺术大家，分享其求艺之路的艺术探索与思想感悟。【详细】"))
    assert page.text.split("\n")[-1] == advice
    # a paragraph cut short in the first half of the body is no teaser: the article goes on
    cut_short = "人员乘坐直升机全部撤离后，21名公安边防官兵主动请缨，坚守国门。持续的余震和塌方使口岸屡涉险境，官兵们悄悄地写下了遗书…"
    page = clean_page(raw_page(f"标题\n{BODY}\n{cut_short}\n{advice}"))
    assert page.text.split("\n")[1:] == [cut_short, advice]


def test_the_note_of_a_decisions_adoption_opens_its_text():
    # gne-tune other_1 (tuned on): a decision of the NPC Standing Committee on a government site
    note = "（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）"
    page = clean_page(raw_page(f"全国人民代表大会常务委员会关于批准财政部发行特别国债的决议\n{note}\n{BODY}"))
    assert page.text.split("\n")[0] == note


def test_a_list_of_other_stories_closing_the_text_is_cut_but_an_introduced_list_stays():
    # gne-tune stcn_1, mydrivers_v1 (tuned on): trafilatura writes the items of a box of other
    # stories as "- …" after the article's last paragraph
    last = "伊戈尔：拟1079.6万元收购控股子公司日本伊戈尔少数股权。"
    items = ["- 十一国庆假期前，金融委召开会议，部署了一系列金融领域下一步的重点工作。",
             "- 今天是国庆节前最后一个交易日，持股还是持币过节又成为投资者一个老大难的问题。"]
    page = clean_page(raw_page("标题\n" + "\n".join([BODY, last] + items)))
    assert page.text.split("\n")[-1] == last
    # a short last paragraph before the list stays; a line between items goes with them
    short = "而后“造不如买，买不如租”……"
    page = clean_page(raw_page("标题\n" + "\n".join([BODY, last, short, "- 关注我们", "看最新手机、电脑、汽车信息",
                                                      "- 微博：快科技官方 快科技官方微博", "- 今日头条：快科技 带来最快资讯！"])))
    assert page.text.split("\n")[-1] == short
    # introduced by the line before it, the list is the article's
    intro = "具体措施如下："
    page = clean_page(raw_page("标题\n" + "\n".join([BODY, intro] + items)))
    assert page.text.split("\n")[-2:] == items
