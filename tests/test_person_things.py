"""Name-like words the text shows to be things are no people (pipeline/entities/things.py).

Sentences from the third tune set (tests/tune3, CCTV 2020-2022), the tune part of the saved HTML
pages (tests/html/split.tsv) and the labelled pages; each false person below was a row before
the rule, and the right person beside it must stay."""
import pytest

from pipeline.entities import extract_entities
from pipeline.records import ArticleMetadata, CleanPage, PersonRow
from pipeline.segment import sentence_spans
from pipeline.entities.things import drop_things
from pipeline.entities.heads import KNOWN_BRANDS


def people_of(text):
    clean = CleanPage("a.txt", "simplified", text, text)
    people, _, _ = extract_entities(clean, sentence_spans(text), ArticleMetadata(), "a")
    return {p.name for p in people}


@pytest.mark.parametrize("text, thing, person", [
    # a county written short (河北省阜平县): never a person of the story
    ("2012年12月，习近平总书记在阜平县考察工作时来到顾家台村。家里生活很困难。在阜平，村民唐荣斌说，日子越过越好。",
     "阜平", "唐荣斌"),
    # defined as a kind
    ("云南腾冲，连片的万寿菊竞相绽放。万寿菊是一种特色经济作物，种植户李春华说，今年收成好。", "万寿菊", "李春华"),
    # listed after a common noun, or with the places the model found
    ("这里主要种植油菜以及紫云英等绿肥作物，种粮大户刘军说，地力越养越好。", "紫云英", "刘军"),
    ("中国长城学会和山海关、黄崖关、金山岭、慕田峪、嘉峪关等兄弟长城机构发来祝贺视频，导演郎昆说。",
     "慕田峪", "郎昆"),
    # the surname of an anonymised person, read with the title before it
    ("在金宇车城董事长胡某的指使下，公司董秘罗某安排原员工唐某买入股票。记者王小伟报道。", "董秘罗", "王小伟"),
])
def test_a_word_the_text_shows_to_be_a_thing_is_no_person(text, thing, person):
    found = people_of(text)
    assert thing not in found and person in found


def row(text, name, titles=(), role="subject"):
    start = text.find(name)
    return PersonRow("a", name, role, list(titles), None, None, None, 1, start, start + len(name), text)


def test_people_listed_with_people_or_coworkers_stay():
    # tune2 xwlb_39609: 和 before a common noun of people (工友们) joins people, not things
    text = "一千多名工人坚守施工一线。张绍勇和工友们正在安装设备，王强、李明也在现场。"
    rows = [row(text, n) for n in ("张绍勇", "王强", "李明")]
    assert [p.name for p in drop_things(rows, text, [])] == ["张绍勇", "王强", "李明"]


@pytest.mark.parametrize("text, person", [
    # found by the review of things.py: a list of names (海洋 ends 张海洋), a noun of people
    # (负责人), a place that is no whole list item (武汉的…, 北京选手, 在上海)
    ("张海洋、李明华等10名党员参加了志愿服务。李明华说，大家干劲很足。", "李明华"),
    ("企业负责人及王志刚等人接受了询问。王志刚表示将全力配合。", "王志刚"),
    ("王强和武汉的医护人员并肩作战。", "王强"),
    ("他在上海和张建国一起创业。张建国说，那几年很难。", "张建国"),
    ("冠军得主刘洋、北京选手张伟接受了采访。", "刘洋"),
])
def test_people_listed_beside_people_nouns_or_places_in_phrases_stay(text, person):
    assert person in people_of(text)


def test_the_list_rule_reads_whole_items_only():
    # 北京 as a whole item (、北京、) makes the listed word a place; 北京选手 does not
    text = "山海关、北京、慕田峪等地的长城"
    loc = [(text.find("山海关"), text.find("山海关") + 3), (4, 6)]
    assert drop_things([row(text, "慕田峪")], text, loc) == []
    text = "冠军得主刘洋、北京选手张伟接受了采访"
    loc = [(text.find("北京"), text.find("北京") + 2)]
    assert [p.name for p in drop_things([row(text, "刘洋")], text, loc)] == ["刘洋"]


def test_titled_and_credited_names_are_never_dropped():
    # the rule reads only untitled people of the story: a title or a byline credit is evidence
    text = "台风“巴威”登陆。万寿菊是一种作物。"
    rows = [row(text, "巴威", titles=["记者"]), row(text, "万寿菊", role="reporter")]
    assert [p.name for p in drop_things(rows, text, [])] == ["巴威", "万寿菊"]


def test_a_name_quoted_once_but_written_plainly_elsewhere_stays():
    text = "大家都叫他“王大林”。王大林每天第一个到岗。"
    assert [p.name for p in drop_things([row(text, "王大林")], text, [])] == ["王大林"]


def test_a_name_quoted_at_every_mention_is_dropped():
    # tune3 xwlb_53804: “双枢纽” (Beijing's two airports), four mentions, all quoted; tune3
    # xwlb_43381: 台风“巴威”; single quotes inside a quotation too
    text = "北京围绕“双枢纽”将建成两个千亿级商圈，“双枢纽”及其临空经济区加快建设。"
    assert drop_things([row(text, "双枢纽")], text, []) == []
    text = "今年第8号台风“巴威”今天登陆。他说：“‘巴威’来得很快。”"
    assert drop_things([row(text, "巴威")], text, []) == []


def test_a_division_is_a_person_only_where_the_article_never_reads_it_as_a_place():
    # 32_ifeng (saved HTML, tune part): 咸丰皇帝 is an emperor's reign name, no 咸丰县 in the story
    text = "这年10月，咸丰皇帝逃出紫禁城。"
    assert [p.name for p in drop_things([row(text, "咸丰")], text, [])] == ["咸丰"]
    text = "习近平总书记在阜平县考察工作。在阜平，习近平总书记强调，要把群众安危冷暖时刻放在心上。"
    county = (text.find("阜平县"), text.find("阜平县") + 3)
    assert drop_things([row(text, "阜平")], text, [county]) == []
    # the suffixed form must be a place the model read, not any string (高明市场 is a market)
    text = "高明市场里，高明说生意不错。"
    assert [p.name for p in drop_things([row(text, "高明")], text, [])] == ["高明"]


def test_a_name_running_into_a_venue_word_somewhere_is_that_place():
    # 20_021east (saved HTML, tune part): 上海朱家角古镇 … 仅朱家角景点联票
    text = "12、上海朱家角古镇景点联票，成人票原价：220元。备注：仅朱家角景点联票。"
    assert drop_things([row(text, "朱家角")], text, []) == []
    # a word that may follow a name (市场) is no venue word
    text = "王建国市场营销做得好，王建国说。"
    assert [p.name for p in drop_things([row(text, "王建国")], text, [])] == ["王建国"]


def test_a_product_the_dictionary_takes_for_a_name_is_no_person():
    # product_names.tsv (derived from Boson and CLUENER by recipes/build_product_names.py):
    # car models jieba tags nr, which the model reads as people in a list
    found = people_of("帕萨特和凯美瑞的销量都在上升，销售经理刘伟介绍。")
    assert found == {"刘伟"}


def test_the_product_list_holds_no_name_a_corpus_labels_a_person():
    from pipeline.lexicons import lexicon

    products = set(lexicon("product_names").words())
    assert {"桑塔纳", "支付宝", "帕萨特"} <= products
    assert not {"张伟", "王芳", "李娜"} & products


def test_a_name_running_into_a_company_or_website_word_is_a_business():
    # stcn_1 天奇股份, ednchina_1 雷锋网 (GNE tune pages, tests/gne/selection.tsv)
    text = ("运达股份为风电公司两风电场项目的风力发电机组设备供应商，中标价7亿元。"
            "天奇股份：确认中标广汽丰田公司涂装车间工程内搬送设备等项目，董事长黄伟兴表示进展顺利。")
    assert people_of(text) >= {"黄伟兴"} and "天奇" not in people_of(text)
    text = "（综合整理自澎湃新闻、智东西、雷锋网等）工程师王建华说，这块芯片只是第一步。"
    assert "雷锋" not in people_of(text) and "王建华" in people_of(text)
    # 网上 / 网友 are other words: the person stays
    assert "王芳" in people_of("退休教师王芳网上购物时被骗，民警李强说，已经立案。")


def test_companies_and_apps_the_dictionary_takes_for_names_are_no_people():
    # ednchina_1 阿里 (issue #13 lists it as never a name), csdn_1 微信
    found = people_of("在阿里2019云栖大会上，阿里巴巴集团首席技术官张建锋发布芯片，并在微信上直播。")
    assert "张建锋" in found and not found & {"阿里", "阿里巴巴", "微信"}


def test_a_name_only_inside_a_works_title_is_no_person():
    # tests/tune4 xwlb_44879: 《2040年亚太经合组织布特拉加亚愿景》
    text = ("二是要坚持创新发展。加大对数字基础设施投入和建设，加强科技创新合作，释放数字经济潜力。这一主张作为"
            "二十国集团共识首次写入领导人宣言，在《2040年亚太经合组织布特拉加亚愿景》中也得到充分体现。"
            "外交部长王毅表示，合作前景广阔。")
    found = people_of(text)
    assert "布特拉加亚" not in found and "王毅" in found


@pytest.mark.parametrize("text, person", [
    # the company rule needs every mention to run into a company word (review, 2026-12-06)
    ("中国宋庆龄基金会举办活动，宋庆龄的精神激励着后人，志愿者李强说。", "宋庆龄"),
    ("该公司由李嘉诚控股。李嘉诚表示，将继续投资内地。", "李嘉诚"),
    ("马云集团旗下公司发布公告。马云近日在演讲中谈到了教育。", "马云"),
    ("退休教师王芳网站上购物时被骗，民警李强说，已经立案。", "王芳"),
    # a Chinese full name inside a work's title is a person (《邓小平文选》)
    ("学习《邓小平文选》第三卷，党员王建国说，收获很大。", "邓小平"),
])
def test_people_the_thing_rules_must_keep(text, person):
    assert person in people_of(text)


def test_a_brand_the_model_reads_as_a_person_is_the_company():
    # Boson news paragraphs (tune half): 淘宝 came out as a person in ten of 900 paragraphs
    # (known_brands.tsv, recipes/build_known_brands.py)
    text = "新闻\n记者调查发现，淘宝表示将严查售假店铺。消费者王芳说，她在淘宝上买到了假货。"
    clean = CleanPage("a.txt", "simplified", text, text)
    people, orgs, _ = extract_entities(clean, sentence_spans(text), ArticleMetadata(), "a")
    assert [p.name for p in people] == ["王芳"]
    assert [(o.name, o.org_type) for o in orgs] == [("淘宝", "company")]
    assert "李宁" not in KNOWN_BRANDS  # a brand and a person in the corpora: left out
