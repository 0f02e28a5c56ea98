"""Stage 5 — entities: people, organizations and places of one article.

Contract
--------
``extract_entities(doc, sentences, meta, clean, article_id)`` →
``(list[PersonRow], list[OrganizationRow], list[PlaceRow])``: one row per
distinct entity, first mention's offsets into ``clean.text`` (``text[start:end]
== name``), the sentence holding it, and the number of mentions. Entities
named only in captions or bylines get ``start = end = None`` and the caption /
byline as ``sentence``.

``doc`` is a spaCy ``Doc`` of ``clean.text`` from ``segment()`` (its
``zh_char_ner`` entities are used when that component has run), or ``None``:
the model then reads ``clean.text`` directly, with the same result. The run
path passes ``None`` because the model reads characters and no table holds
words, so jieba segmentation and the Doc would be work thrown away.

How
---
1. Mentions: the trained character NER model (``pipeline/ner.py``, PER / LOC /
   ORG) over the body and each caption, plus rule sources for what the model
   misses: organization names closed by a known head noun (…有限公司, …党支部,
   …医院, …救援队), division names from the gazetteer (山城区), places closed by
   a sub-county suffix after a locative or in a list (…村, …社区, …小区), and
   facility tails after a place (株洲 + 西收费站). Mentions that are common
   words or parts of idioms (返乡, 众志成城) are dropped.
2. Organizations: adjacent place + organization mentions are merged into the
   most complete name as written (鹿泉区 + 石井乡 + 黄岩村党支部 →
   鹿泉区石井乡黄岩村党支部); generic kinds (党组织, 基层党组织, 医疗机构…) are
   dropped; ``org_type`` comes from the head noun (``ORG_HEADS``).
3. Places: mentions outside organization names (a place inside an
   organization's name counts only if it also appears alone); chains of
   divisions are cut into parts (石家庄市桥西区 → 石家庄市, 桥西区); ``level``
   from the gazetteer or the suffix (``pipeline/gazetteer.py``).
4. People: full names only (two to four characters, or with a middle dot);
   one-character mentions (赵书记) are partial references, not people.
   ``titles`` are the role words written right before the name
   (检验科主任宋国威), or after it as "NAME是…的TITLE"; ``organization`` the
   organization written before the title; ``age`` from "61岁的…NAME",
   ``party_years`` from "有着24年党龄的…NAME". Names in a 、-list share the
   list's title. Reporters, photographers and editors from bylines and
   captions become people with titles 记者 / 通讯员 / 编辑 and their outlet.

>>> from pipeline.segment import segment, sentence_spans
>>> from pipeline.records import ArticleMetadata, CleanPage
>>> text = "石家庄市人民医院检验科主任宋国威带领团队奋战。"
>>> clean = CleanPage("a.txt", "simplified", text, text)
>>> people, orgs, places = extract_entities(segment(text), sentence_spans(text), ArticleMetadata(), clean, "a")
>>> [(p.name, p.titles, p.organization) for p in people]
[('宋国威', ['检验科主任'], '石家庄市人民医院')]
>>> [(o.name, o.org_type) for o in orgs], [(p.name, p.level) for p in places]
([('石家庄市人民医院', 'hospital')], [])
>>> extract_entities(None, sentence_spans(text), ArticleMetadata(), clean, "a")[0] == people
True
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional, Sequence

from .gazetteer import divisions, place_level, split_place_chain
from .ner import load_ner_model
from .records import ArticleMetadata, CleanPage, OrganizationRow, PersonRow, PlaceRow
from .resources import jieba_word_tags, to_simplified_lines

if TYPE_CHECKING:  # the run path passes no Doc and never imports spaCy
    from spacy.tokens import Doc

# ---------------------------------------------------------------------------
# Lexicons

#: Organization head nouns → org_type, longest first when matching.
ORG_HEADS: dict[str, str] = {}
for _type, _heads in {
    "party": "党委 党支部 临时党支部 党总支 党总支部 总支部 党支部委员会 工委 党工委 党组 组织部 宣传部 统战部 政法委 纪委 纪工委 "
             "市委 县委 区委 省委 州委 镇党委 乡党委 党委会 支部委员会 总支部委员会",
    "hospital": "医院 人民医院 中医院 卫生院 卫生所 卫生服务中心 疾控中心 疾病预防控制中心 妇幼保健院 "
                "方舱医院 研究所 急救中心 血站",
    "company": "有限公司 有限责任公司 股份有限公司 公司 集团 药业 药房 大药房 银行 超市 工厂 车间 "
               "合作社 酒店 电信 移动 联通 供电公司",
    "media": "日报 晚报 时报 商报 新闻网 电视台 广播电视台 融媒体中心 新华社 人民网 新华网 网 报社 通讯社 频道 客户端",
    "school": "大学 学院 中学 小学 学校 幼儿园 职业技术学院 党校",
    "police": "公安局 公安分局 派出所 交警大队 公安厅 交警支队 特警支队",
    "government": "人民政府 政府 卫健委 卫生健康委员会 国资委 发改委 委员会 管委会 指挥部 办公室 "
                  "办事处 局 厅 署 法院 检察院 应急管理局 民政局 街道办",
    "community": "居委会 村委会 居民委员会 村民委员会 社区居委会",
    "military": "部队 武警 支队 军区 驻军 舰队",
    "ngo": "救援队 志愿者协会 志愿服务队 志愿者服务队 协会 红十字会 基金会 商会 联合会 慈善总会",
}.items():
    for _h in _heads.split():
        ORG_HEADS.setdefault(_h, _type)
_ORG_HEADS_BY_LENGTH = sorted(ORG_HEADS, key=len, reverse=True)
_ORG_HEAD_ENDINGS = tuple(ORG_HEADS)
# heads of two or more characters grouped by length, longest first: one set lookup per length
_ORG_HEAD_SETS = [(n, frozenset(h for h in ORG_HEADS if len(h) == n))
                  for n in sorted({len(h) for h in ORG_HEADS if len(h) >= 2}, reverse=True)]

#: Generic kinds of organization, never reported as names.
GENERIC_ORGS = frozenset(
    "党组织 基层党组织 各级党组织 农村党组织 社区党组织 临时党组织 党支部 临时党支部 党委 党总支 "
    "医疗机构 医院 公司 企业 政府 社区 村委会 居委会 组织部 学校 基层 单位 部门 机关 党员突击队 "
    "党员服务队 志愿服务队 医疗队 工作组 指挥部 党中央 中央 国务院 党组 县委 市委 区委 乡党委 院党委 "
    "国有企业 非公有制经济组织 社会组织 两新组织 新闻网 该院 该公司".split())

#: Title head words: a role written before a name ends with one of these.
TITLE_HEADS = sorted(set(
    "主任 副主任 书记 副书记 第一书记 经理 总经理 副经理 护士长 护士 医生 医师 主治医师 副主任医师 "
    "主任医师 村医 检验员 班长 组长 副组长 队长 副队长 站长 所长 局长 副局长 处长 副处长 科长 副科长 "
    "部长 副部长 常务副部长 院长 副院长 董事长 副董事长 总裁 副总裁 主席 副主席 委员 干部 驻村干部 "
    "民警 警官 辅警 交警 教师 老师 志愿者 学生 村民 居民 网格员 队员 研究员 助理研究员 社工 "
    "社区工作者 工作者 负责人 党员 共产党员 老党员 记者 通讯员 编辑 责编 主管 职工 员工 司机 "
    "快递员 厂长 镇长 乡长 县长 市长 省长 区长 村长 主任委员 专家 技术员 保安 楼长 代表 专员 "
    "秘书长 理事长 会长 馆长 校长 副校长 指导员 教授 副教授 药师 护师 技师 检验师 医务人员 "
    "工程师 营业员 店长 巡察员 调研员 常委 监察员 主播 大学生 战士 官兵 政委 参谋 教导员 中心户长 "
    "副秘书长 户长".split()),
    key=len, reverse=True)
_TITLE_HEAD_RE = "|".join(map(re.escape, TITLE_HEADS))
# A title: up to 8 characters of qualifiers (检验科, 储运服务部, 产二科) then a head word.
_TITLE_BEFORE_NAME = re.compile(rf"((?:(?![的岁年了着和与及])[\u4e00-\u9fff]){{0,8}}?(?:{_TITLE_HEAD_RE}))$")
_TITLE_AFTER_NAME = re.compile(
    rf"^(?:是|为|系|担任|任|作为)([\u4e00-\u9fff、]{{0,40}}?)(?:的)?((?:{_TITLE_HEAD_RE}))(?=[，。；、,;!！?？\n]|$)")
_AGE = re.compile(r"(\d{1,3})岁(?:的|高龄的)")
_PARTY_YEARS = re.compile(r"(\d{1,2})年党龄")
# Left context of a mention stops at these: they end the phrase a title could belong to.
_CLAUSE_BREAK = re.compile(r"[，。；：！？“”‘’\"(（)）\n,;:!?]")

_SURNAME_DOUBLE = ("欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 "
                   "端木 独孤 南宫 西门 呼延 赫连 澹台 百里 东郭 万俟").split()
_NOT_NAMES = frozenset("党员 群众 干部 同志 老人 村民 居民 医生 护士 记者 书记 主任 志愿者 战士 "
                       "共产党员 老党员 党支部 习近平总书记".split())

_BYLINE_ROLE = re.compile(r"(通讯员|记者|摄影|责编|责任编辑|编辑|摄)")
_AGENCY_CAPTION = re.compile(r"(新华社|中新社|人民网|央视新闻|新华网)(?:记者[\u4e00-\u9fff ]{2,12})?(?:发|摄)")


@dataclass
class _Mention:
    start: int
    end: int
    label: str  # PER | LOC | ORG
    unit: int  # 0 = body, k > 0 = caption k-1


@dataclass
class _Unit:
    """A piece of text entities are read from: the body, or one caption."""

    text: str
    in_body: bool
    sentences: Sequence[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self):
        self._starts = [s for s, _ in self.sentences]

    def sentence_at(self, offset: int) -> str:
        if not self.in_body or not self.sentences:
            return self.text
        i = max(0, bisect_right(self._starts, offset) - 1)
        s, e = self.sentences[i]
        return self.text[s:e]


def extract_entities(doc: Optional["Doc"], sentences: Sequence[tuple[int, int]], meta: ArticleMetadata,
                     clean: CleanPage, article_id: str):
    units = [_Unit(clean.text, True, sentences)] + [_Unit(c, False) for c in clean.captions]
    model = load_ner_model()
    if doc is not None:
        per_unit = [recognise(doc)] + model.predict_many(list(clean.captions))
    else:  # body and captions in one call: one feature pass per page
        per_unit = model.predict_many([clean.text] + list(clean.captions))
    mentions_by_unit = []
    for k, (unit, spans) in enumerate(zip(units, per_unit)):
        mentions = [_Mention(s, e, label, k) for s, e, label in spans]
        mentions = _add_rule_mentions(unit.text, mentions, k)
        mentions = [_split_department(unit.text, t)
                    for t in (_trim_mention(unit.text, m) for m in mentions) if t is not None]
        mentions = [t for t in (_sanitise(unit.text, m) for m in mentions) if t is not None]
        mentions_by_unit.append(_merge_organizations(unit.text, _join_place_tails(unit.text, mentions)))

    organizations = _organization_rows(units, mentions_by_unit, meta, clean, article_id)
    places = _place_rows(units, mentions_by_unit, article_id)
    people = _people_rows(units, mentions_by_unit, meta, clean, article_id)
    return people, organizations, places


def recognise(doc: "Doc") -> list[tuple[int, int, str]]:
    """Character-level PER/LOC/ORG spans of ``doc``, from the pipeline's ``zh_char_ner`` component."""
    from .nlp import load_nlp

    if doc.has_extension("char_ents") and doc._.char_ents is not None:
        return list(doc._.char_ents)
    return list(load_nlp().get_pipe("zh_char_ner")(doc)._.char_ents)


# ---------------------------------------------------------------------------
# Mentions


# Organization heads distinctive enough to find a name without the model; the name
# runs left from the head until a character or verb that never sits inside a name.
_STRONG_ORG_HEADS = ("股份有限公司", "有限责任公司", "有限公司", "集团", "人民医院", "医院", "卫生院",
                     "卫生服务中心", "疾控中心", "临时党支部", "党支部", "党总支", "党工委", "党委", "党组",
                     "救援队", "公安分局", "公安局", "派出所", "大学", "中学", "小学", "大药房",
                     "卫健局", "卫健委", "监督管理局", "审计局", "民政局", "林业局", "研究所", "委员会")
_ORG_HEAD_RE = re.compile("|".join(map(re.escape, _STRONG_ORG_HEADS)))
_NAME_STOP_CHARS = set("的在和与及是为由从到对把被向了着让给将于等、，。；：！？“”‘’（）()《》「」 \n,.;:!?"
                       "这那其各该每全本此他她它们也又还就才并而或个名位余往▲●■◆★·…—-\"'")
# Verbs that end the clause before a name (成立临时党支部, 带领党员服务队). They stop the
# leftward growth of a rule name and cut a model name that ran into the clause.
_CLAUSE_VERBS = ("成立", "组建", "带领", "联合", "号召", "动员", "依托", "通过", "帮助", "协调", "下发",
                 "发出", "选派", "派出", "来到", "走进", "前往", "赶到", "进入", "加入", "作为", "担任",
                 "隶属", "位于", "捐赠给", "捐给", "送到", "发挥", "指导", "督促", "要求", "推动", "开展",
                 "落实", "召开", "举行", "启动", "设立", "建立", "包括", "迅速", "积极", "纷纷", "立即",
                 "全力", "充分", "印发", "制定", "成为", "需要", "增开", "来自", "任命", "挑选",
                 "组织(?!部)", "抽调", "安排", "依靠", "配合", "协助", "响应")
_NAME_STOP_VERBS = re.compile("(?:" + "|".join(_CLAUSE_VERBS) + ")$")
_NAME_STOP_VERBS_ANY = re.compile("|".join(_CLAUSE_VERBS))
_CONJUNCTIONS = set("和与及")
# Words a model place mention sometimes starts with: 驻高峰镇, 辖区二矿小区, 居住地陈家坝社区.
_LOC_LEAD = re.compile(r"(?:辖区|居住地|所居住|居住|所在地|所在|驻|推进|重点|前往|来自)+")
_PLACE_SUFFIX_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:街道|社区|小区|村|乡|镇|火车站|高铁站|城铁站|收费站|"
                              r"东站|西站|南站|北站|经济技术开发区|开发区|示范区|新区|市场(?!景|化|监|经|主|价|供|需|秩|环))")
# 乡/镇/村 + one of these is a word (乡镇, 村民, 村医…), not the end of a place name
_NOT_PLACE_END_NEXT = set("镇村民医干委支里口级务组长")
_LOCATIVE_BEFORE = set("在到赴往至于从来去住自回进驻距离")


def _rule_org_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    floor = 0
    for m in _ORG_HEAD_RE.finditer(text):
        head_start, end = m.span()
        if head_start < floor or text[end:end + 1] in ("织", "长", "员", "生"):
            continue  # 党组织, 党组长, 党委员, 大学生: other words that contain a head
        start = head_start
        while start > floor and head_start - start < 24 \
                and not _NAME_STOP_VERBS.search(text[max(floor, start - 4):start]):
            if text[start - 1] in _NAME_STOP_CHARS:
                # 呼和浩特市公安局: a stop character inside a known division name is part of it
                covering = _division_covering(text, start - 1, floor)
                if covering is None:
                    break
                start = covering
                continue
            start -= 1
        # two characters or more before the head: 院党委 / 乡党委 are references, not names
        if head_start - start >= 2:
            spans.append((start, end))
        floor = end
    return spans


def _has_verb_or_adverb(s: str) -> bool:
    tags = jieba_word_tags()
    return any(tags.get(s[i:i + 2], "")[:1] in ("v", "d") for i in range(len(s) - 1))


def _division_covering(text: str, i: int, floor: int) -> Optional[int]:
    """Start of a gazetteer division name that covers position ``i``, if any."""
    names = divisions()
    for j in range(i, max(floor, i - 5) - 1, -1):
        for length in range(max(2, i - j + 1), 8):
            if text[j:j + length] in names:
                return j
    return None


_DIVISION_END = re.compile(r"(?<=..)[省市区县旗州盟](?![\u4e00-\u9fff]{0,1}[委长])")
# A name never starts with a quantifier or pronoun: “很多村…, 、各社区…
_NOT_PLACE_START = set("很多各全每本该这那其一两几有个此")
# Facility names that continue a place the model tagged (株洲 + 西收费站, 武汉 + 天河机场).
_PLACE_TAIL_RE = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:收费站|火车站|高铁站|城铁站|汽车站|东站|西站|南站|北站|机场|商圈)")


def _extend_place_tails(text: str, mentions: list[_Mention]) -> list[_Mention]:
    out = []
    for i, m in enumerate(mentions):
        if m.label == "LOC":
            tail = _PLACE_TAIL_RE.match(text, m.end)
            nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
            if tail and tail.end() <= nxt and not _has_verb_or_adverb(tail.group()):
                m = _Mention(m.start, tail.end(), "LOC", m.unit)
        out.append(m)
    return out


def _add_rule_mentions(text: str, mentions: list[_Mention], unit: int) -> list[_Mention]:
    """Add organization and place mentions the model missed or cut short.

    A rule organization replaces the model mentions inside it (the model often tags
    only the tail, 职业装有限公司 of 际华3502职业装有限公司). A rule place is added only
    where nothing is tagged, after a locative (在/到/赴…) or right after another place
    (到青园街道谈中园小区).
    """
    for s, e in _rule_org_spans(text):
        inside = [m for m in mentions if m.start < e and m.end > s]
        if any(m.label == "PER" and (m.start < s or m.end > e) for m in inside):
            continue  # a person name crosses the boundary: trust the model
        start = min([s] + [m.start for m in inside if m.label in ("LOC", "ORG")])
        end = max([e] + [m.end for m in inside if m.label == "ORG"])
        mentions = [m for m in mentions if not (m.start < end and m.end > start)]
        mentions.append(_Mention(start, end, "ORG", unit))
    mentions = _extend_place_tails(text, sorted(mentions, key=lambda m: m.start))
    taken = bytearray(len(text))
    loc_ends = set()
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        if m.label == "LOC":
            loc_ends.add(m.end)
    added = []
    # Division names from the gazetteer (山城区, 渌口区) that the model left untagged.
    for m in _DIVISION_END.finditer(text):
        end = m.end()
        for length in range(7, 2, -1):
            start = end - length
            if start >= 0 and not any(taken[start:end]) and text[start:end] in divisions():
                added.append(_Mention(start, end, "LOC", unit))
                taken[start:end] = b"\x01" * length
                loc_ends.add(end)
                break
    pos = 0
    while True:
        m = _PLACE_SUFFIX_RE.search(text, pos)
        if not m:
            break
        s, e = m.span()
        pos = s + 1
        if any(taken[s:e]) or (text[e - 1] in "乡镇村" and text[e:e + 1] in _NOT_PLACE_END_NEXT):
            continue
        if _has_verb_or_adverb(text[s:e - 2]):
            continue  # 劝说社区, 随时联系社区: a clause, not a name
        if (s > 0 and text[s - 1] in _LOCATIVE_BEFORE) or s in loc_ends \
                or (s > 0 and text[s - 1] in "“、" and text[s] not in _NOT_PLACE_START):
            added.append(_Mention(s, e, "LOC", unit))
            taken[s:e] = b"\x01" * (e - s)
            loc_ends.add(e)
            pos = e
    return sorted(mentions + added, key=lambda m: m.start)


# Common-word tags of jieba's dictionary: a mention that is exactly such a word
# (返乡, 门诊, 先锋队, 众志成城) is a model error unless the gazetteer knows it.
_COMMON_WORD_TAGS = frozenset("n v vn vd a ad an d i l m q r t c p u f s z b".split())
# 村 + one of these is a word (村医, 村民, 村干部…), not the end of a village name.
_VILLAGE_WORD_NEXT = set("医民干委支里口级务组")


_HALF_SUFFIX = {"社": "区", "街": "道"}


def _sanitise(text: str, m: _Mention) -> Optional[_Mention]:
    """Drop or repair mentions that cannot be names."""
    name = text[m.start:m.end]
    if m.label == "PER":
        # 河北日报记者 张 昊摄: the photo credit's 摄 is not part of the name
        if name.endswith("摄") and len(name.replace(" ", "")) >= 3:
            return _Mention(m.start, m.end - 1, m.label, m.unit)
        return m
    if m.label in ("LOC", "ORG") and name[-1:] in _HALF_SUFFIX and text[m.end:m.end + 1] == _HALF_SUFFIX[name[-1]]:
        # 卫星街西段社 + 区: the model stopped one character short of the suffix
        m = _Mention(m.start, m.end + 1, m.label, m.unit)
        name = text[m.start:m.end]
    tags = jieba_word_tags()
    tag = tags.get(name)
    # jieba tags many small places as plain nouns (大红门, 方庄): 'n' only disqualifies organizations
    if tag in _COMMON_WORD_TAGS and name not in divisions() and (
            tag != "n" or m.label == "ORG" or (len(name) >= 4 and place_level(name) == "region")):
        return None  # …but a four-character noun with no place suffix is not a place (众志成城)
    for a, b in ((m.start - 1, m.end), (m.start, m.end + 1), (m.start - 1, m.end + 1)):
        window = text[max(a, 0):b]
        if len(window) >= 4 and tags.get(window) in _COMMON_WORD_TAGS:
            return None  # part of a longer common word or idiom: 众志成城 → 志成城
    if m.label == "ORG" and not name.endswith(_ORG_HEAD_ENDINGS) \
            and place_level(name) != "region":
        # 丰台区东铁匠营街道蒲安里第二社区铁二东院, 北京新发地市场: a place the model called an organization
        return _Mention(m.start, m.end, "LOC", m.unit)
    if m.label == "LOC" and name.endswith("村") and text[m.end:m.end + 1] in _VILLAGE_WORD_NEXT \
            and len(name) >= 3:
        return _Mention(m.start, m.end - 1, m.label, m.unit)
    if m.label == "ORG" and _DEPARTMENT.fullmatch(name) and not any(h in name for h in ORG_HEADS):
        return None  # a department without its organization (检验科, 储运服务部)
    return m


def _trim_mention(text: str, m: _Mention) -> Optional[_Mention]:
    """Cut a LOC/ORG mention after the last character or verb that cannot be inside a name.

    The model and the rules sometimes run a name into the clause before it
    (悬挂党旗,各党支部 → 党支部, 防控卡点纷纷成立临时党支部 → 临时党支部).
    """
    if m.label == "PER":
        return m
    start = m.start
    for i in range(m.end - 1, m.start - 1, -1):
        if text[i] in _NAME_STOP_CHARS and text[i] not in _CONJUNCTIONS:
            start = i + 1
            break
    if m.label == "LOC":
        lead = _LOC_LEAD.match(text, start, m.end)
        if lead and m.end - lead.end() >= 2:
            start = lead.end()
    verb = None
    for verb in _NAME_STOP_VERBS_ANY.finditer(text, start, m.end):
        pass
    if verb is not None and verb.end() < m.end:
        start = max(start, verb.end())
    if m.end - start < 2:
        return None
    return _Mention(start, m.end, m.label, m.unit)


# A department written after its parent organization (石家庄市人民医院 + 检验科,
# 石家庄四药有限公司 + 储运服务部) belongs in the person's title, not in the name.
_DEPARTMENT_ENDINGS = ("科", "处", "室", "车间", "服务部", "事业部", "业务部", "组", "分厂")
_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:" + "|".join(_DEPARTMENT_ENDINGS) + ")$")
_NOT_DEPARTMENTS = ("组织部", "宣传部", "统战部", "工作组", "领导小组")


def _split_department(text: str, m: _Mention) -> _Mention:
    if m.label != "ORG":
        return m
    name = text[m.start:m.end]
    if not name.endswith(_DEPARTMENT_ENDINGS):
        return m  # every department ends with one of these (see _DEPARTMENT)
    for head in _ORG_HEADS_BY_LENGTH:
        i = name.find(head)
        while i > 0:
            cut = i + len(head)
            dept = name[cut:]
            if dept and _DEPARTMENT.fullmatch(dept) and not dept.endswith(_NOT_DEPARTMENTS) \
                    and cut >= 4:
                return _Mention(m.start, m.start + cut, "ORG", m.unit)
            i = name.find(head, i + 1)
    return m


_ADMINISTRATIVE_SUFFIXES = ("省", "市", "区", "县", "乡", "镇", "街道", "村", "社区", "小区")
_PLACE_TAILS = frozenset("东站 西站 南站 北站 新区 城区 高铁站 火车站 收费站 市场 经济技术开发区 开发区 "
                         "高新区 示范区".split())


def _join_place_tails(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """株洲 + 西站 → 株洲西站: the model sometimes tags a station or district tail apart."""
    out: list[_Mention] = []
    for m in mentions:
        previous = text[out[-1].start:out[-1].end] if out else ""
        if out and m.label == "LOC" and out[-1].label == "LOC" and out[-1].end == m.start \
                and (text[m.start:m.end] in _PLACE_TAILS
                     # 星河 + 丽景小区: a bare fragment before a compound or community name
                     or (text[m.start:m.end].endswith(("小区", "社区", "花园", "家园"))
                         and previous not in divisions()
                         and not previous.endswith(_ADMINISTRATIVE_SUFFIXES))):
            out[-1] = _Mention(out[-1].start, m.end, "LOC", m.unit)
            continue
        out.append(m)
    return out


def _merge_organizations(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Merge chains LOC* ORG (directly adjacent) into one ORG; extend ORG over a following head."""
    merged: list[_Mention] = []
    for m in mentions:
        if m.label == "ORG":
            start = m.start
            while merged and merged[-1].end == start and merged[-1].label in ("LOC", "ORG"):
                start = merged.pop().start
            m = _Mention(start, m.end, "ORG", m.unit)
        elif m.label == "LOC":
            # A place directly followed by an organization head word is an organization
            # (黄岩村 + 党支部, 滦平县 + 公安局) the model cut short.
            head = _head_at(text, m.end)
            if head:
                start = m.start
                while merged and merged[-1].end == start and merged[-1].label in ("LOC", "ORG"):
                    start = merged.pop().start
                m = _Mention(start, m.end + len(head), "ORG", m.unit)
        merged.append(m)
    # An ORG directly followed by another head (石家庄市委 + 组织部) is one name.
    for i, m in enumerate(merged):
        if m.label == "ORG":
            head = _head_at(text, m.end)
            nxt = merged[i + 1].start if i + 1 < len(merged) else len(text)
            if head and m.end + len(head) <= nxt:
                merged[i] = _Mention(m.start, m.end + len(head), "ORG", m.unit)
    return merged


def _head_at(text: str, pos: int) -> Optional[str]:
    """The longest organization head of two or more characters starting at ``pos``."""
    for n, heads in _ORG_HEAD_SETS:
        if text[pos:pos + n] in heads:
            return text[pos:pos + n]
    return None


_PARTY_ENDINGS = ("党委", "党支部", "党总支", "党总支部", "总支部", "党工委", "工委", "党组")


def org_type(name: str) -> str:
    """Organization type from its head noun (the longest known head it ends with).

    >>> org_type("石家庄四药有限公司"), org_type("鹿泉区石井乡黄岩村党支部"), org_type("河北日报")
    ('company', 'party', 'media')
    """
    if name.startswith("中共") or name.endswith(("委员会",)) and "党" in name:
        return "party"
    if re.search(r"公安|交警|边防检查|派出所|特警|禁毒", name) and not name.endswith(_PARTY_ENDINGS):
        return "police"  # 呼和浩特市公安局禁毒支队: a police unit, not the military
    for head in _ORG_HEADS_BY_LENGTH:
        if name.endswith(head):
            return ORG_HEADS[head]
    for head in _ORG_HEADS_BY_LENGTH:  # head inside the name: 北京丰台蓝天救援队防疫消杀组
        if len(head) >= 2 and head in name:
            return ORG_HEADS[head]
    if name.endswith("社区"):
        return "community"
    return "other"


# ---------------------------------------------------------------------------
# Rows


class _Collector:
    """Distinct names in order of first mention, with counts and first offsets."""

    def __init__(self):
        self.first: dict[str, tuple[int, int, int]] = {}  # name -> (unit, start, end)

    def add(self, name: str, unit: int, start: int, end: int) -> None:
        if name not in self.first:
            self.first[name] = (unit, start, end)


def _first_position(units, unit: int, start: int, end: int):
    if units[unit].in_body:
        return start, end, units[unit].sentence_at(start)
    return None, None, units[unit].text


def _organization_rows(units, mentions_by_unit, meta, clean, article_id) -> list[OrganizationRow]:
    seen = _Collector()
    for mentions in mentions_by_unit:
        for m in mentions:
            if m.label != "ORG":
                continue
            name = units[m.unit].text[m.start:m.end]
            if _is_generic_org(name):
                continue
            seen.add(name, m.unit, m.start, m.end)
    rows = []
    body = clean.text
    for name, (unit, start, end) in seen.first.items():
        s, e, sentence = _first_position(units, unit, start, end)
        rows.append(OrganizationRow(article_id, name, org_type(name), body.count(name), s, e, sentence))
    # Outlets and agencies named in the chrome (来源, bylines, "新华社发") are organizations too.
    extra = [(name, meta.source) for name in outlet_names(meta.source)]
    for text in list(clean.bylines) + list(clean.captions):
        compact = text.replace(" ", "")
        m = re.match(r"^[(（]?([\u4e00-\u9fff]{2,12}?(?:日报|晚报|时报|报|网|电视台|新闻网|社))(?:讯)?(?:记者|通讯员)", compact)
        if m and not m.group(1).startswith("本"):
            extra.append((m.group(1), text))
        for agency in _AGENCY_CAPTION.finditer(compact):
            extra.append((agency.group(1), text))
    names = {r.name for r in rows}
    for name, context in extra:
        if name not in names and len(name) >= 2:
            names.add(name)
            count = body.count(name)
            pos = body.find(name)
            if pos >= 0:
                rows.append(OrganizationRow(article_id, name, org_type(name), count, pos, pos + len(name),
                                            units[0].sentence_at(pos)))
            else:
                rows.append(OrganizationRow(article_id, name, org_type(name), 0, None, None, context))
    return rows


_OUTLET_SEPARATORS = re.compile(r"\s*[·•\-—|｜/、]\s*")
_OUTLET_TAIL = re.compile(r"(?<=[报网台社])(?:全媒体|融媒体|客户端|新媒体)$")


def outlet_names(source: Optional[str]) -> list[str]:
    """The outlets in a source field: 湖南日报·新湖南客户端 → 湖南日报, 新湖南客户端;
    人民网-广西频道 → 人民网, 广西频道; 重庆日报全媒体 → 重庆日报.

    >>> outlet_names("湖南日报·新湖南客户端"), outlet_names("重庆日报全媒体"), outlet_names(None)
    (['湖南日报', '新湖南客户端'], ['重庆日报'], [])
    """
    if not source:
        return []
    names = []
    for part in _OUTLET_SEPARATORS.split(source):
        part = _OUTLET_TAIL.sub("", part.strip())
        if len(part) >= 2 and part not in names:
            names.append(part)
    return names


_GENERIC_ORG_START = re.compile(r"^(?:上级|下级|两级|省市两级|市县两级|县乡两级|机关|系统|街道办事处$|街道办$|居委会$|村委会$)")


def _is_generic_org(name: str) -> bool:
    if len(name) < 2 or name in GENERIC_ORGS or name.endswith(("组织", "小组")):
        return True  # …党组织 is always a kind (农村党组织, 企业党组织); …领导小组 a task force
    # 各级党组织, 全市党组织, 该院党委: a quantifier or pronoun instead of a name
    if _GENERIC_ORG_START.match(name):
        return True  # 上级党委, 省市两级党委政府, 机关党支部: a level or kind, not a name
    return bool(re.match(r"^(?:各级|各|全市|全县|全区|全省|全国|该|本|其|所在|市县|县乡|乡村|村级)", name)) \
        and len(name) <= 6


def _place_rows(units, mentions_by_unit, article_id) -> list[PlaceRow]:
    body = units[0].text
    seen = _Collector()
    candidates = []
    for mentions in mentions_by_unit:
        for m in mentions:
            if m.label != "LOC":
                continue
            text = units[m.unit].text
            for ps, pe in split_place_chain(text[m.start:m.end]):
                candidates.append((text[m.start + ps:m.start + pe], m.unit, m.start + ps, m.start + pe))
    for name, unit, s, e in candidates:
        if _is_place_name(name):
            seen.add(name, unit, s, e)
    # One place written with and without its division suffix (石家庄 / 石家庄市) is one row,
    # under the fuller name (offsets of the fuller name's first mention, so text[start:end]
    # stays equal to the name).
    for name in list(seen.first):
        for suffix in ("市", "省", "县", "区"):
            full = name + suffix
            if full in seen.first and place_level(full) == place_level(name):
                del seen.first[name]
                break
    # A piece of a longer place of the same article (花岔乡 of 上花岔乡, 陈家坝 of 陈家坝社区)
    # is the model cutting the name short, unless the gazetteer knows the piece.
    names = list(seen.first)
    for name in names:
        if name not in divisions() and any(
                other != name and (other.endswith(name) or
                                   (other.startswith(name) and place_level(name) == "region"))
                for other in names):
            del seen.first[name]
    rows = []
    for name, (unit, start, end) in seen.first.items():
        if not units[unit].in_body:
            # Captions carry no offsets; report the first body mention if there is one.
            pos = body.find(name)
            if pos >= 0:
                unit, start, end = 0, pos, pos + len(name)
        s, e, sentence = _first_position(units, unit, start, end)
        rows.append(PlaceRow(article_id, name, place_level(name), body.count(name), s, e, sentence))
    return rows


_PLACE_STOP = frozenset("东门 南门 西门 北门 河沟 市州 行政中心 驻村 驻地 贫困村 集贸市场 农贸市场 菜市场 超市 全国 全省 全市 全县 全区 全乡 全镇 全村 各地 当地 外地 本地 基层 社区 农村 城市 "
                        "乡镇 街道 村庄 小区 一线 前线 后方 家乡 国家 祖国 城乡 辖区 村里 乡里".split())


def _is_place_name(name: str) -> bool:
    # 街道和社区, 出口和农村: two things joined by a conjunction; 聚和远见社区 is one name
    joined = re.split(r"[和与及]", name)
    return (len(name) >= 2 and name not in _PLACE_STOP and not re.search(r"[0-9A-Za-z]", name[:1])
            and not (len(joined) > 1 and all(len(part) >= 2 for part in joined)))


def _people_rows(units, mentions_by_unit, meta, clean, article_id) -> list[PersonRow]:
    people: dict[str, dict] = {}
    order: list[str] = []
    for mentions in mentions_by_unit:
        orgs = [m for m in mentions if m.label == "ORG"]
        previous_person: Optional[dict] = None
        previous_end = -10
        for m in mentions:
            if m.label != "PER":
                continue
            text = units[m.unit].text
            name = text[m.start:m.end].replace(" ", "")
            if not _is_full_name(name):
                continue
            person = people.get(name)
            if person is None:
                person = {"name": name, "titles": [], "organization": None, "age": None,
                          "party_years": None, "first": (m.unit, m.start, m.end)}
                people[name] = person
                order.append(name)
            title, org = _title_before(text, m.start, orgs)
            if title is None:
                title, org_after = _title_after(text, m.end, orgs)
                org = org or org_after
            if title is None and previous_person is not None and text[previous_end:m.start] == "、":
                # 教师周然、于瑞雪、李芳: a listed name shares the list's title
                title = previous_person["titles"][-1] if previous_person["titles"] else None
                org = previous_person["organization"]
            if title and org is None and _DEPARTMENT_IN_TITLE.search(title):
                # 检验科主治医师刘淑静 with 北京天坛医院 earlier in the paragraph: a department
                # belongs to the institution the paragraph is about
                org = _paragraph_institution(text, m.start, orgs)
            if title and title not in person["titles"]:
                person["titles"].append(title)
            if org and not person["organization"]:
                person["organization"] = org
            left = text[max(0, m.start - 24):m.start]
            left = left[_last_break(left):]
            if person["age"] is None and (age := _AGE.search(left)):
                person["age"] = int(age.group(1))
            if person["party_years"] is None and (years := _PARTY_YEARS.search(left)):
                person["party_years"] = int(years.group(1))
            previous_person, previous_end = person, m.end

    byline_people = _byline_people(meta, clean)
    for name, title, org, context in byline_people:
        person = people.get(name)
        if person is None:
            person = {"name": name, "titles": [], "organization": None, "age": None,
                      "party_years": None, "first": None, "context": context}
            people[name] = person
            order.append(name)
        if title and title not in person["titles"]:
            person["titles"].append(title)
        if org and not person["organization"]:
            person["organization"] = org

    rows = []
    body = units[0].text
    for name in order:
        p = people[name]
        first = p["first"]
        if first is not None and not units[first[0]].in_body:
            pos = body.find(name)
            first = (0, pos, pos + len(name)) if pos >= 0 else first
        if first is not None:
            s, e, sentence = _first_position(units, *first)
            if s is not None and body[s:e] != name:
                # written with a space inside (宋 国威): offsets must point at the name as
                # given, so use an unspaced mention if there is one, else none
                pos = body.find(name)
                s, e = (pos, pos + len(name)) if pos >= 0 else (None, None)
                sentence = units[0].sentence_at(pos) if pos >= 0 else sentence
        else:
            pos = body.find(name)
            s, e, sentence = ((pos, pos + len(name), units[0].sentence_at(pos)) if pos >= 0
                              else (None, None, p.get("context")))
        rows.append(PersonRow(article_id, name, p["titles"], p["organization"], p["age"],
                              p["party_years"], body.count(name), s, e, sentence))
    return rows


_DEPARTMENT_IN_TITLE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:科|室|处|车间)[\u4e00-\u9fff]*$")
_INSTITUTION_TYPES = ("hospital", "company", "school", "government", "police", "media")


def _paragraph_institution(text: str, start: int, orgs: list[_Mention]) -> Optional[str]:
    """The last institution (not a party branch) named earlier in the same paragraph."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    for o in reversed(orgs):
        if paragraph_start <= o.start and o.end <= start:
            name = text[o.start:o.end]
            if org_type(name) in _INSTITUTION_TYPES and not _is_generic_org(name):
                return name
    return None


def _is_full_name(name: str) -> bool:
    if name in _NOT_NAMES:
        return False
    if "·" in name:
        return 3 <= len(name) <= 20
    if not 2 <= len(name) <= 4 or not all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return False
    if len(name) == 4 and name[:2] not in _SURNAME_DOUBLE:
        return False
    return True


def _last_break(s: str) -> int:
    last = 0
    for m in _CLAUSE_BREAK.finditer(s):
        last = m.end()
    return last


# Verbs, conjunctions and counts never sit inside a title: 任命医疗队队长 → 医疗队队长.
_TITLE_BREAK = re.compile("[和与及是在为把被让给向对从当着了过]|\\d+[名个位]|"
                          + "|".join(v for v in _CLAUSE_VERBS if v != "联合")  # 联合门诊主任
                          + "|任命|来到|打开|带领")


def _title_before(text: str, start: int, orgs: list[_Mention]):
    """(title, organization) written right before a name: ORG? TITLE NAME."""
    left = text[max(0, start - 40):start]
    base = start - len(left)
    cut = _last_break(left)
    left, base = left[cut:], base + cut
    # Skip a "的" modifier between title and name: 检验科主任、有着多年党龄的宋国威.
    modifier = re.search(r"、[^、]{1,14}的$", left) or re.search(r"(?<=[\u4e00-\u9fff])(?:的|、)$", left)
    core = left[:modifier.start()] if modifier else left
    org_end = 0
    org_name = None
    for o in orgs:
        if base <= o.start and o.end <= base + len(core):
            org_end, org_name = o.end - base, text[o.start:o.end]
    segment = core[org_end:]
    m = _TITLE_BEFORE_NAME.search(segment)
    if not m:
        # 石家庄市妇产医院的赵婷婷: an organization right before the name, no title
        if org_name and not segment and not _is_generic_org(org_name):
            return None, org_name
        return None, None
    title = m.group(1)
    # Verbs and conjunctions never sit inside a title: keep the part after them.
    title = _TITLE_BREAK.split(title)[-1] if len(title) > 2 else title
    if not title or not any(title.endswith(h) for h in TITLE_HEADS):
        return None, None
    if _is_generic_org(org_name or "x"):
        org_name = None
    if org_name is None:
        org_name, title = _organization_in_title(title)
    return title, org_name


# A title that starts with the unit it belongs to: 鑫港社区干部, 乡党委书记, 组织部常务副部长.
_UNIT_ENDINGS = tuple(sorted(set(h for h in ORG_HEADS if len(h) >= 2) | {"社区", "村", "街道", "居委会"},
                             key=len, reverse=True))


def _organization_in_title(title: str) -> tuple[Optional[str], str]:
    """Split the unit off the front of a title: (unit or None, remaining title).

    >>> _organization_in_title("鑫港社区干部"), _organization_in_title("检验科主任")
    (('鑫港社区', '干部'), (None, '检验科主任'))
    """
    for cut in range(len(title) - 2, 1, -1):
        unit, rest = title[:cut], title[cut:]
        if unit.endswith(_UNIT_ENDINGS) and any(rest.endswith(h) for h in TITLE_HEADS) \
                and rest not in ("委员", "员") and not unit.startswith(("驻", "带领", "打开")):
            return unit, rest
    return None, title


def _title_after(text: str, end: int, orgs: list[_Mention]):
    """(title, organization) written as NAME是ORG…的TITLE."""
    right = text[end:end + 60]
    m = _TITLE_AFTER_NAME.match(right)
    if not m:
        return None, None
    head = m.group(2)
    org_name = None
    title = head
    for o in orgs:
        if end + m.start(1) <= o.start and o.end <= end + m.end(1):
            org_name = text[o.start:o.end]
            rest = text[o.end:end + m.end(1)]
            # the department between organization and head belongs to the title (产二科护士)
            if rest and len(rest) <= 8 and "的" not in rest and "、" not in rest:
                title = rest + head
    if org_name is None:
        org_name, title = _organization_in_title(title)
    return title, org_name


def _byline_people(meta: ArticleMetadata, clean: CleanPage):
    """(name, title, organization, context) for authors and editors named in the chrome."""
    out = []
    chrome = list(clean.bylines) + list(clean.captions) + list(clean.footer) + list(clean.header)
    # bylines and chrome are in the page's script; roles and names are matched in simplified
    compact = to_simplified_lines([c.replace(" ", "").replace("\u3000", "") for c in chrome])
    compact_chrome = list(zip(chrome, compact))
    for name in meta.authors:
        title, org, context = "记者", None, None
        for raw, compact in compact_chrome:
            i = compact.find(name)
            if i < 0:
                continue
            context = raw
            before = compact[:i]
            role = None
            for r in _BYLINE_ROLE.finditer(before):
                role = r.group(1)
            if role in ("通讯员",):
                title = "通讯员"
            elif role in ("摄影", "摄") and "记者" not in before:
                title = "摄影"
            m = re.search(r"([\u4e00-\u9fff]{2,12}?(?:日报|晚报|时报|报|网|电视台|社))(?:讯)?[(（]?(?:记者|通讯员)", before)
            if m and not m.group(1).startswith("本"):
                org = m.group(1)
            break
        out.append((name, title, org or next(iter(outlet_names(meta.source)), None), context))
    for name in meta.editors:
        context = next((raw for raw, compact in compact_chrome if name in compact), None)
        title = "责编" if context and ("责编" in context or "責編" in context) else "编辑"
        out.append((name, title, next(iter(outlet_names(meta.source)), None), context))
    return out
