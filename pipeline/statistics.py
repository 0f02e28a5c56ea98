"""Numeric claims ("statistics") found in a cleaned, simplified article body.

Contract
--------
``extract_statistics(text, sentence_spans, article_id="") -> list[NumericClaim]``

* ``text`` is the cleaned body (simplified script; traditional forms such as
  萬 億 餘 個 兩 幾 are accepted too and give the same rows);
  ``sentence_spans`` are ``(start, end)`` offsets covering ``text`` (empty →
  the whole text is one sentence).
* Claims come back in text order. ``text[c.start:c.end] == c.text`` (the span
  as written: qualifier + number + unit, plus the counted noun when it is
  adjacent: ``20.1万名党员``, ``口罩10万只``, ``日供防护服、隔离衣2万套``);
  ``c.sentence`` is the containing sentence.
* ``value`` has the multiplier applied (20.1万 → 201000, 12余万元 → 120000,
  半个多月 → 0.5, 百分之三十二点八 → 32.8); ``unit`` is the measure word
  without the multiplier (万元 → 元); ``qualifier`` is one of ``None``,
  ``more_than`` (余 多 以上 超过 几十), ``nearly`` (近 将近), ``about``
  (约 左右 五六个), ``at_least`` (至少 上千), ``less_than`` (不到 以下),
  ``range`` (3至5万人: ``value`` = lower bound, ``value_max`` = upper bound);
  approximate pairs (五六个小时) give ``value`` 5, ``value_max`` 6, ``about``.
* A quantity repeated with the same value, unit and (overlapping) subject is
  reported once, at its first mention: the gold standard is a set per article.

Grammar (matched on a same-length simplified "shadow" of the text)
------------------------------------------------------------------
::

    claim   := [prefix] number [余|多|几] [mult] [余|多] unit [以上|以下|左右|之多]
             | [prefix] 百分之 number | number %
    prefix  := 近 | 将近 | 约 | 超过 | 逾 | 至少 | 不到 | 不足 | 仅 | 达 ...
             | (上 | 几 | 数) before a bare 十/百/千/万 (上千名, 几十个, 数万人次)
    number  := arabic (1,200 / 20.1) | chinese (两千三百, 十五) | pair (五六)
             | 半 | number (至|到|-|~) number           (ranges)
    mult    := 万 | 亿 | 千万 | 百万 | 千 | 百
    unit    := 名 个 位 人 人次 户 家 支 条 件 套 只 盒 瓶 份 台 辆 吨 公里 平方米
               元 天 小时 个小时 个昼夜 个月 年 岁 例 起 次 % ...

Only the numeral part is converted (``cn2an.cn2an(..., "smart")`` for
regular numerals; a small converter of our own for what cn2an rejects or
glues: bare 千/百 after 近/上, 百分之…, thousands commas, approximate pairs,
half forms).

Not claims: dates and clock times (1月20日, 凌晨2时31分; N日 only counts
after 连续/持续/长达/历时), years (2020年), ordinals (第3轮), identifiers
(际华3502, P2, 05鑫港社区), generations (80后), 一级/十万级, single small
word numerals (一个个, 两户, 三个小组: value < 10 written in words, unless an
approximate pair 五六个 or with a multiplier 三万), ages (61岁的… — only an
average age 平均年龄67岁 is a claim), party tenure (24年党龄), bare 千/万
without a prefix (千家万户, 万家平安), time frames (3天后, 5年来).

>>> text = "全市4050个农村党组织、727个社区党组织,20.1万名党员投身一线。"
>>> [(c.text, c.value, c.unit, c.subject, c.qualifier)
...  for c in extract_statistics(text, [(0, len(text))])]  # doctest: +NORMALIZE_WHITESPACE
[('4050个农村党组织', 4050.0, '个', '农村党组织', None),
 ('727个社区党组织', 727.0, '个', '社区党组织', None),
 ('20.1万名党员', 201000.0, '名', '党员', None)]
>>> [(c.text, c.value, c.unit, c.qualifier) for c in extract_statistics("口罩110余万个,其他用品90余万盒(瓶)。", [])]
[('口罩110余万个', 1100000.0, '个', 'more_than'), ('用品90余万盒(瓶)', 900000.0, '盒(瓶)', 'more_than')]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date, datetime
from typing import Optional, Sequence

from pipeline.records import NumericClaim
from pipeline.resources import jieba_word_tags

__all__ = ["extract_statistics", "parse_number", "attach_context"]

# ---------------------------------------------------------------------------
# Same-length traditional → simplified shadow (only characters the grammar and
# the subject trimming look at; full OpenCC is used when it keeps the length).

_TRAD = (
    "萬億餘個兩幾數點時晝週歲齡黨噸隻條戶臺檯輛項場處張雙間棟層級約過將僅達連續長歷計總來後號於與參組隊員為這"
    "從還動積極織進務畝頓頂屆顆劑盞車輪筆週區檢測幹產齊實驗樣錢衛療醫藥務災撥額開們"
    "０１２３４５６７８９％．，～"
)
_SIMP = (
    "万亿余个两几数点时昼周岁龄党吨只条户台台辆项场处张双间栋层级约过将仅达连续长历计总来后号于与参组队员为这"
    "从还动积极织进务亩顿顶届颗剂盏车轮笔周区检测干产齐实验样钱卫疗医药务灾拨额开们"
    "0123456789%.,~"
)
assert len(_TRAD) == len(_SIMP)
_SHADOW_MAP = str.maketrans(_TRAD, _SIMP)

# ---------------------------------------------------------------------------
# Grammar

_CN_D = "零〇一二三四五六七八九两"
_CN_VAL = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_ARABIC = r"(?<![0-9A-Za-z.#])(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?(?![0-9A-Za-z])"
_CHINESE = rf"[{_CN_D}十百千]+(?:[万亿]零?[{_CN_D}十百千]+)*(?:点[{_CN_D}]+)?"
_NUM = rf"(?:{_ARABIC}|{_CHINESE})"
_MULT = r"(?:[千百十]?万|亿|千(?![瓦克米])|百(?![分]))"

# Longest first. "个" units may carry 多/余/半 inside (半个多月, 一个半小时).
_UNITS = [
    "个工作日", "个百分点", "个小时", "个钟头", "个昼夜", "个星期", "个月", "个",
    "百分点", "平方公里", "平方米", "立方米", "千瓦时", "千米", "公里", "公斤", "千克",
    "吉焦", "小时", "昼夜", "人次", "架次", "辆次", "台次", "车次", "户次", "班次",
    "美元", "元", "名", "位", "人", "户", "家", "支", "条", "件", "套", "只", "盒",
    "瓶", "袋", "箱", "包", "份", "台", "辆", "架", "艘", "吨", "斤", "克", "米", "亩",
    "天", "日", "周", "年", "岁", "例", "起", "次", "轮", "场", "处", "所", "座", "栋",
    "幢", "间", "张", "床", "顶", "副", "双", "把", "片", "粒", "剂", "项", "批",
    "篇", "封", "枚", "顿", "趟", "笔", "台",
]
_UNIT_RE = (
    r"个(?P<mid>多|余|半)?(?:工作日|百分点|小时|钟头|昼夜|星期|月)"
    r"|(?:" + "|".join(re.escape(u) for u in _UNITS if not u.startswith("个")) + r")"
    r"|个"
)
_PRE = r"将近|近|大约|约|超过|逾|至少|不少于|不到|不足|多达|高达|长达|仅|达"


def _leading_class(first_chars: str, pattern: str) -> re.Pattern:
    """``pattern`` behind a lookahead for the characters any of its matches starts with. The
    matches are the same; Python's regex engine tries a pattern that opens with optional groups
    at every position of the text, but skips ahead in C to a character of a leading class
    (4x faster over a page for the two patterns below)."""
    return re.compile(f"(?=[{first_chars}])(?:{pattern})")


# every claim starts with a qualifier word, 上/几/数, 百分之, 半, 万/亿 or a numeral
_CLAIM_FIRST = "将近大约超逾至不多高长仅达上几数百半万亿0-9" + _CN_D + "十千"
_CLAIM_PATTERN = (
    rf"(?:(?P<pre>{_PRE})|(?P<vpre>上|几|数)(?=[十百千万亿]))?"
    r"(?:"
    rf"(?P<pct>百分之)(?P<pnum>{_NUM})"
    r"|"
    r"(?:(?P<half>半)(?=个|小时|天|年|钟头)"
    rf"|(?P<bare>[万亿])"
    rf"|(?P<n1>{_NUM})(?P<m1>{_MULT})?"
    rf"(?:(?P<rsep>至|到|-|~|—|－)(?P<n2>{_NUM})(?P<m2>{_MULT})?)?)"
    r"(?P<post1>余|多|几)?"
    rf"(?P<mult>{_MULT})?"
    r"(?P<post2>余|多)?"
    r"(?:(?P<unit>" + _UNIT_RE + r")(?P<alt>[(（][\u4e00-\u9fff]{1,2}[)）])?|(?P<percent>%))"
    r")"
    r"(?P<post3>以上|以下|左右|之多)?"
)
_CLAIM_RE = _leading_class(_CLAIM_FIRST, _CLAIM_PATTERN)

_PRE_QUAL = {"将近": "nearly", "近": "nearly", "大约": "about", "约": "about",
             "超过": "more_than", "逾": "more_than", "至少": "at_least",
             "不少于": "at_least", "不到": "less_than", "不足": "less_than",
             "多达": None, "高达": None, "长达": None, "仅": None, "达": None,
             "上": "at_least", "几": "more_than", "数": "more_than"}
_POST_QUAL = {"以上": "more_than", "以下": "less_than", "左右": "about", "之多": None}
_MULT_VAL = {"万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8, "千": 1e3, "百": 1e2}

_TIME_UNITS = {"天", "日", "小时", "个小时", "个钟头", "昼夜", "个昼夜", "个月", "周",
               "个星期", "年", "个工作日"}
_DAY_CONTEXT = ("连续", "持续", "长达", "历时", "累计", "整整", "坚守")
_BAD_BEFORE = ("第", "初", "周", "星期", "礼拜")
_YEAR_BAD_AFTER = ("党龄", "龄", "代", "级", "届", "底", "初", "末", "中", "度")

# Subject trimming
_CJK = r"\u3400-\u9fff"
_AFTER_RUN = re.compile(rf"[{_CJK}A-Za-z0-9.“”‘’\"']{{1,24}}")
_BEFORE_RUN = re.compile(rf"[{_CJK}、]{{1,14}}$")
_STOPS = sorted([
    "在", "于", "和", "与", "及", "以", "等", "均", "都", "全部", "已", "正", "将", "把",
    "被", "从", "向", "为", "也", "还", "就", "又", "共", "主动", "积极", "第一时间",
    "投身", "投入", "奔赴", "参与", "参加", "签订", "坚守", "组成", "组建", "下沉",
    "迅速", "立即", "纷纷", "踊跃", "披星", "自愿", "自发", "分赴", "义无反顾", "充实",
    "拧成", "发出", "筑牢", "吹响", "赴", "到", "来", "去", "进行", "开展", "全力",
    "加入", "走下", "就地", "带领", "连续", "每天", "共同", "的", "是", "了", "着",
    "作为", "成立", "按照", "负责", "报名", "请缨", "有", "中", "里", "上",
    "符合", "具有", "来自", "佩戴", "准时", "全面", "维护", "解除", "接受", "值守",
], key=len, reverse=True)
_STOP_RE = re.compile("|".join(re.escape(s) for s in _STOPS))
_LEAD_STRIP = re.compile(r"^(?:其中|其他|其余|另有|共有|共|有|累计|设置|配送|加急|协调|发放|筹集|捐赠|调配|"
                         r"向|为|对|将|把|全市|全县|全区|全省|全国|全乡|全镇|全村|目前|已)+")
_RATE_TAIL = re.compile(r"(?:日产|日供|每天|每日|日均|月产|年产|共计|累计|合计|共有|共|已达|达|就有|有|为|约|是|就是|已经|已|就)+$")


_last_shadow: tuple = (None, None)  # (text, shadow): the two statistics steps read the same page


def _shadow(text: str) -> str:
    global _last_shadow
    last = _last_shadow
    if last[0] is text:
        return last[1]
    sh = _shadow_of(text)
    _last_shadow = (text, sh)
    return sh


def _shadow_of(text: str) -> str:
    sh = text.translate(_SHADOW_MAP)
    if sh != text:  # traditional (or full-width) input: try full OpenCC, keep offsets
        try:
            from pipeline.resources import to_simplified

            full = to_simplified(sh)
            if len(full) == len(text):
                return full
        except Exception:  # pragma: no cover - opencc missing
            pass
    return sh


# ---------------------------------------------------------------------------
# Numerals


def _cn_int(s: str) -> Optional[float]:
    """Chinese integer numeral without 万/亿 (十五, 两千三百, 千 → 1000, 一百零五)."""
    if not s or len(s) > 15:
        return None  # no count is written with more than 15 numeral characters
    if all(ch in _CN_VAL for ch in s):
        if len(s) == 1:
            return float(_CN_VAL[s])
        if any(ch in "零〇" for ch in s[1:]) or len(s) >= 3:  # 二〇二〇 style
            return float(int("".join(str(_CN_VAL[ch]) for ch in s)))
        return None  # 五六: a pair, handled by the caller
    total, cur = 0, None
    for ch in s:
        if ch in _CN_VAL:
            cur = _CN_VAL[ch]
        elif ch in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[ch]
            total += (1 if cur is None else cur) * unit
            cur = None
        else:
            return None
    if cur is not None:
        total += cur
    return float(total)


def parse_number(s: str) -> Optional[float]:
    """Value of a numeral span (arabic or Chinese, with 万/亿): ``20.1万`` → 201000.

    Uses ``cn2an.cn2an(s, "smart")``; falls back to our own converter for forms
    cn2an rejects (``千``, ``1,200``).
    """
    s = s.replace(",", "")
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", s):
        return float(s)
    try:
        import cn2an

        return float(cn2an.cn2an(s, "smart"))
    except Exception:
        pass
    m = re.fullmatch(rf"([{_CN_D}十百千]*)(?:点([{_CN_D}]+))?", s)
    if m and m.group(1):
        v = _cn_int(m.group(1))
        if v is not None and m.group(2):
            v += float("0." + "".join(str(_CN_VAL[c]) for c in m.group(2)))
        return v
    return None


def _pair(s: str) -> Optional[tuple[float, float]]:
    """五六 → (5, 6); 一两 / 两三 → (1, 2) / (2, 3); anything else → None."""
    if len(s) != 2 or s[0] not in _CN_VAL or s[1] not in _CN_VAL:
        return None
    a, b = _CN_VAL[s[0]], _CN_VAL[s[1]]
    if a >= 1 and b == a + 1 and not (s[0] == "二" and s[1] == "三" and False):
        return float(a), float(b)
    return None


def _is_small_word(num: str) -> bool:
    return len(num) == 1 and num in _CN_VAL


# ---------------------------------------------------------------------------


# Word boundaries: ``jieba.cut`` on the short window around a claim (never on
# whole texts) plus the part-of-speech tag of each word from jieba's bundled
# dictionary (a plain lookup; jieba.posseg is not used: too slow). Words the
# dictionary lacks get "?" and count as nouns.
_JIEBA: dict = {}
_HARD_TAGS = ("p", "c", "u", "r", "d", "f", "m", "t", "i", "y", "e", "o", "x", "vd")
_VERB_TAGS = ("v", "vg", "vi", "vq")
# words that end a noun phrase whatever their dictionary tag says
_END_WORDS = frozenset(_STOPS) | frozenset([
    "既", "当", "又", "也", "都", "已", "已经", "后", "前", "满负荷", "一线", "部署", "特别", "分别",
    "全部", "且", "并", "则", "而", "就", "便", "再", "仍", "均", "各", "每", "该", "此", "这", "那",
    "不", "没有", "没", "未", "将", "要", "会", "能", "可", "需", "需要", "得", "地", "之", "们",
    "相关", "来到", "发挥",
])
# verbs the dictionary tags as nouns (vn) that still end a noun phrase before a number
_VERB_WORDS = frozenset([
    "供应", "发放", "配送", "捐赠", "调配", "筹集", "招募", "发布", "设置", "组建", "成立",
    "协调", "采集", "运送", "派出", "建立", "选派", "抽调", "组织", "捐款", "捐献", "劝返", "劝退",
    "登记", "排查", "收治", "接待", "累计", "共计", "合计", "取消", "劝延", "新增", "治愈",
    "出院", "完成", "投入", "发出", "下沉", "动员", "设立", "开放", "储备", "生产", "转运", "开展",
])
# adverbial words left dangling before a verb (口罩免费发放 → 口罩)
_ADVERBIAL = frozenset(["免费", "志愿", "自愿", "主动", "集体", "统一", "共同", "紧急", "连夜", "自发", "无偿"])
_COME_BACK = frozenset(["回来", "归来", "返回", "返乡", "来自", "返回来"])
_GENERIC_HEAD = frozenset(["人员", "车辆", "人数", "人口", "病例", "患者"])
# one-character verbs that end a noun phrase (other one-character "verbs" from the
# segmenter are mostly pieces of unknown compounds: 查/控, 无症状)
_ONE_CHAR_CUT = frozenset("有是为到来去送捐派设占用在给向对把被将赴")
_FUSE = {("在", "岗"): "在岗", ("在", "职"): "在职", ("在", "编"): "在编", ("在", "册"): "在册"}
# short verb phrase before a duration (连续奋战了18个昼夜, 每天工作长达20个小时)
_DUR_ADV = frozenset(["连续", "持续", "整整", "每天", "每日", "坚持", "日夜", "昼夜", "通宵", "轮流"])
_DUR_TAIL = re.compile(r"(?:了|着|著|过|就是|就|已经|已|长|共|累计|有|达|近|约|用时|时间)+$")


_ALNUM_WORD = re.compile(r"[A-Za-z0-9]+")
_CJK_FIRST = re.compile(rf"[{_CJK}]")


def _tokens(s: str) -> list[tuple[str, str]]:
    """(word, tag) pairs of ``s`` (jieba.cut boundaries, dictionary tags)."""
    if not s:
        return []
    if "cut" not in _JIEBA:
        import jieba

        jieba.setLogLevel(60)
        _JIEBA["tags"] = jieba_word_tags()
        _JIEBA["cut"] = jieba.cut
    tags = _JIEBA["tags"]
    words = list(_JIEBA["cut"](s))
    out: list[tuple[str, str]] = []
    for w in words:
        if out and (out[-1][0], w) in _FUSE:
            fused = _FUSE[(out[-1][0], w)]
            out[-1] = (fused, "v")
            continue
        if _ALNUM_WORD.fullmatch(w):
            out.append((w, "nx"))  # PCR实验室
        elif not _CJK_FIRST.match(w):
            out.append((w, "x"))
        else:
            t = tags.get(w, "?")
            if len(w) >= 4 and t[:1] in ("n", "l", "i") and (
                    w[:2] in _END_WORDS or tags.get(w[:2], "n") in ("v", "d", "ad", "vd")):
                t = "v"  # 坚守岗位, 踊跃报名, 履行职责
            elif t == "i" and w[0] in "无非未":
                t = "b"  # 无症状
            out.append((w, t))
    return out


_NOUN_PREFIX = frozenset("正副总老小新原准非")  # 正县级干部, 非党员


def _hard(word: str, tag: str) -> bool:
    if word in _NOUN_PREFIX:
        return False
    return word in _END_WORDS or tag.startswith(_HARD_TAGS) or (
        tag == "?" and re.search("[而就都已着了且并也又既当]", word) is not None)


def _verbal(word: str, tag: str) -> bool:
    return tag in _VERB_TAGS or word in _VERB_WORDS


def _noun_phrase_after(run: str) -> Optional[str]:
    """Leading noun phrase of ``run`` (the words after the unit): stops at the first
    verb, adverb, particle, pronoun or locative word (党员既当保管员 → 党员,
    核酸检测点位后 → 核酸检测点位, 平面口罩生产线满负荷 → 平面口罩生产线)."""
    toks = _tokens(run)
    head: list[str] = []
    stopped_at_verb = False
    if toks and toks[0][1] == "?" and len(toks[0][0]) == 2 and _hard(*toks[0]) \
            and toks[0][0][0] not in _END_WORDS:
        toks = [(toks[0][0][0], "n"), (toks[0][0][1], "d")] + toks[1:]  # 人且 → 人|且
    for i, (w, t) in enumerate(toks):
        if _hard(w, t) or (w == "、") or (i == 0 and t == "q"):
            break  # a measure word goes on a noun (互通口), it does not start one
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        nxt_noun = nxt is not None and not _hard(*nxt) and not _verbal(*nxt) and nxt[1] != "x"
        if _verbal(w, t) and t != "vn" or t.startswith("a"):
            # a verb or adjective inside the phrase only as a modifier of a following noun
            # (无职党员, 居家在职党员); as the first word it may stand alone (在岗, 务工)
            if nxt_noun or (i == 0 and t.startswith("v") and not (nxt and _verbal(*nxt))):
                head.append(w)
                if not nxt_noun:
                    break
                continue
            stopped_at_verb = True
            break
        if t == "l" and i > 0:
            break
        head.append(w)
    if head and toks[len(head):len(head) + 1] and toks[len(head)][1] == "?" and head[-1] == toks[len(head) - 1][0] \
            and toks[len(head) - 1][1] == "?" and _hard(*toks[len(head)]):
        head.pop()  # 闻令|而动: an unknown verb phrase split in two
    if stopped_at_verb:
        while head and head[-1] in _ADVERBIAL:
            head.pop()
    subj = "".join(head)
    if len(subj) >= 2 and subj.endswith("里"):  # 几十个群里
        subj = subj[:-1]
    return subj or None


def _subject_after(sh: str, pos: int, ceil: int, duration: bool = False) -> tuple[Optional[str], int]:
    """Counted noun right after the unit; returns (subject, span end).

    The span end covers the subject only when it directly follows the unit (never
    for durations: 36个小时不眠不休 → subject 不眠不休, span 36个小时).
    """
    m = _AFTER_RUN.match(sh, pos)
    if not m:
        return None, pos
    run = m.group(0)
    if m.end() > ceil:  # the run reaches the next claim: keep it only if a 的 follows it
        di = run.find("的", ceil - pos)
        if di < 0:
            run = run[:ceil - pos]
            if not run:
                return None, pos
    offset = 0
    if run[0] == "的":
        run, offset = run[1:], 1
    stop = _first_stop(run)
    if stop == 0 and run[:2] in ("在岗", "在职", "在编", "在册"):  # 近千人在岗
        stop = _first_stop(run[2:])
        stop = None if stop is None else stop + 2
    di = run.find("的")
    # "300余家符合开门条件的门店", "15人组成的大学生志愿者队伍", "10名曾经的突击队队员",
    # "8个武汉回来的人员": the noun follows a modifier clause ending in 的
    if di >= 2 and (stop == 0 or re.search(r"[0-9]", run[:di])
                    or (not duration and di <= 8 and any(
                        w in _COME_BACK or t.startswith(("d", "p")) for w, t in _tokens(run[:di])))):
        run = run[di + 1:]
        offset += di + 1
        stop = _first_stop(run)
    qm = _QUOTED_AFTER.match(run)
    if qm and not duration and (not qm.group(1) or _noun_phrase_after(qm.group(1)) == qm.group(1)):
        subj = qm.group(0)  # 298个党建“小网格”: a quoted noun stays whole
        return subj, (pos + len(subj)) if offset == 0 else pos
    dm = re.search(r"[0-9.“”‘’\"']", run)
    if dm:
        run = run[:dm.start()]
        if stop is not None and stop > dm.start():
            stop = None
    if stop == 0:
        return None, pos  # a verb follows the unit (7个小时共采集): noun is before
    if duration:
        if stop is not None:
            run = run[:stop]
        parts = run.split("的")
        lead_toks = _tokens(parts[0])
        if len(parts) > 1 and len(parts[1]) >= 2 and len(lead_toks) == 1 and \
                (lead_toks[0][1] in ("l", "d", "ad") or lead_toks[0][0] in _DUR_ADVERBIAL):
            parts = parts[1:]  # 24小时不间断的巡堤查险: the activity is the noun after 的
        run = re.sub(r"[着著了过]+$", "", parts[0][:6])
        if len(run) < 2:
            return None, pos
        return run, pos
    subj = _noun_phrase_after(run)
    if subj is None:
        return None, pos
    subj = subj[:10]
    if subj.endswith("们") and len(subj) >= 3:
        subj = subj[:-1]
    if len(subj) < 2 and not (subj in "人群" and subj):
        return None, pos
    return subj, (pos + len(subj)) if offset == 0 and run.startswith(subj) else pos


def _first_stop(run: str) -> Optional[int]:
    """Index of the first verb/particle that ends a noun phrase (single characters
    only count from index 2 on, so that 2-character nouns survive)."""
    for sm in _STOP_RE.finditer(run):
        if sm.group(0) == "的":
            continue
        if len(sm.group(0)) == 1 and sm.start() < 2 and sm.start() != 0:
            continue
        return sm.start()
    return None


def _duration_before(sh: str, pos: int, floor: int) -> Optional[str]:
    """Short verb phrase right before a duration (她的团队已连续奋战了 → 连续奋战,
    扎营实验室 → 扎营实验室); None when there is none (一忙就是, 用了, 医护人员)."""
    m = _BEFORE_RUN.search(sh, max(floor, pos - 14), pos)
    if not m:
        return None
    run = m.group(0).replace("、", "")
    run = _DUR_TAIL.sub("", run)
    toks = _tokens(run)
    obj: list[str] = []
    words: list[str] = []
    i = len(toks) - 1
    while i >= 0 and not words and toks[i][1].startswith("n") and toks[i][0] not in _END_WORDS:
        obj.insert(0, toks[i][0])  # object of the verb (扎营实验室)
        i -= 1
    while i >= 0:
        w, t = toks[i]
        if w in _DUR_ADV and words:
            words.insert(0, w)
        elif t.startswith("v") and w not in _END_WORDS and w not in ("有", "是", "为", "用"):
            words.insert(0, w)
        else:
            break
        i -= 1
    if not any(toks[j][1].startswith("v") for j in range(i + 1, len(toks)) if toks[j][0] in words):
        return None
    phrase = "".join(words + obj)
    return phrase[-8:] if len(phrase) >= 2 else None


_QUOTED_AFTER = re.compile(rf"([{_CJK}]{{0,4}})([“‘\"'])([{_CJK}]{{1,8}})([”’\"'])")
_DUR_ADVERBIAL = frozenset(["不间断", "全天候", "不停歇", "不停", "连续", "持续"])
_PLACE_SUFFIX = ("市", "省", "县", "区", "镇", "乡", "村", "社区", "街道", "地区", "州", "盟", "旗")
_COMMON_NS = frozenset(["城市", "农村", "城乡", "乡村", "城区", "乡镇", "社区", "地方", "基层", "全国",
                        "全市", "全县", "全区", "全省", "全镇", "全乡", "全村"])


def _split_place(subj: str) -> tuple[str, Optional[str]]:
    """(noun, trailing place name) of a subject found before a number: 网格员西关社区 →
    (网格员, 西关社区), 拉萨市 → ("", 拉萨市), 湖北 → ("", 湖北); no place → (subj, None).
    A place is a dictionary place name (jieba tag ns) or a name followed by a bare
    administrative suffix (那曲|市, 棘洪滩|街道); common nouns (城市, 高风险区) are not places."""
    if not subj or subj.startswith(("全", "本", "该", "我")) or "、" in subj:
        return subj, None
    toks = _tokens(subj)
    if not toks:
        return subj, None
    w, t = toks[-1]
    if w not in _COMMON_NS and t == "ns" and len(w) >= 2:
        return "".join(x for x, _ in toks[:-1]), w
    return _name_and_suffix(toks) or (subj, None)


def _name_and_suffix(toks: list[tuple[str, str]]) -> Optional[tuple[str, str]]:
    """(noun, place) when the subject ends in a name and a bare administrative suffix (那曲|市)."""
    w = toks[-1][0]
    if w in _PLACE_SUFFIX and len(toks) >= 2:
        pw, pt = toks[-2]
        if pw not in _COMMON_NS and len(pw) >= 2 and pt in ("ns", "nr", "?"):
            return "".join(x for x, _ in toks[:-2]), pw + w
    return None


def _subject_before(sh: str, pos: int, floor: int) -> tuple[Optional[str], int]:
    """Noun before a number-after-noun form (口罩10万只); returns (subject, start).

    The phrase is cut after the last verb, preposition, adverb or pronoun
    (累计为困难群众发放物资 → 物资, 劝延或取消各类酒宴 → 酒宴); a subject made
    of verbs only stays whole (治愈出院1600人), a generic head keeps its verb
    (劝返人员280人次)."""
    m = _BEFORE_RUN.search(sh, max(floor, pos - 20), pos)
    if not m:
        return None, pos
    run = m.group(0)
    start = m.start()
    tail = _RATE_TAIL.search(run)
    core = run[:len(run) - (len(tail.group(0)) if tail else 0)]
    n0 = len(core)
    core = re.sub(r"(?:等|的)+$", "", core)
    # 李文芝包保的4户, 占全县规上工业的98.04%: a modifier, not the noun as written
    detached = core.endswith("的") or n0 > len(core) and run[len(core)] == "的"
    # 将日核酸检测能力提升至3万份: the noun is before the verb of change
    core = re.sub(r"(?:提升|提高|增加|增长|增至|降低|下降|减少|达到|上升|扩大)(?:至|到)?$", "", core)
    toks = _tokens(core)
    cut_hard = cut_verb = 0  # char offsets in core after the last hard / verb cut
    prev_cut = 0
    pos_c = 0
    last_verb = ("", "", 0)  # the verb of the last cut, its predecessor, its start
    prev_w = ""
    for j, (w, t) in enumerate(toks):
        pos_c += len(w)
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if w == "、":
            pass
        elif w in "中高低" and nxt is not None and nxt[1][:1] == "n":
            pass  # 中风险区
        elif _hard(w, t) and w not in ("和", "与", "及"):
            cut_hard = cut_verb = prev_cut = pos_c
        elif (_verbal(w, t) or (t == "?" and len(w) == 2 and len(prev_w) == 2 and w[0] == prev_w[0]
                                and prev_w == last_verb[0])) \
                and (len(w) >= 2 or w in _ONE_CHAR_CUT) and prev_w != "、":  # 、防护设备; 复工复产
            prev_cut, cut_verb = cut_verb, pos_c
            last_verb = (w, prev_w, pos_c - len(w))
        prev_w = w
    k = cut_verb
    if 0 < len(core) - k < 2:  # a one-character rest is part of a compound (隔离衣)
        k = prev_cut
    v, v_prev, v_start = last_verb
    if k == cut_verb and k < len(core) and v and len(v) >= 2 and (
            core[k:] in _GENERIC_HEAD or (v not in _VERB_WORDS and v_prev in _VERB_WORDS)):
        k = v_start  # 劝返人员, 确诊病例; 设置|查控卡点, 招募|注册志愿者
    if k >= len(core):
        k = cut_hard  # only verbs: 治愈出院, 复工复产, 捐款
    subj = core[k:]
    sstart = start + k
    lead = _LEAD_STRIP.match(subj)
    if lead:
        if lead.end() == len(subj) and re.fullmatch(r"全[市县区乡镇村]", subj):
            return subj, pos  # 全村104户: the scope is all there is
        subj = subj[lead.end():]
        sstart += lead.end()
    prep = re.match(r"(?:与|和|对|同|跟)+", subj)
    if prep and len(subj) - prep.end() >= 2:  # 与集团20余名: the preposition is no part of the noun
        subj = subj[prep.end():]
        sstart += prep.end()
    rate = re.match(r"(?:日供|日产|日均|每天|每日)+", subj)
    if rate:  # 日供防护服、隔离衣2万套: the rate marker stays in the span, not in the subject
        subj = subj[rate.end():]
    else:
        rate = re.search(r"(?:日供|日产|日均|每天|每日)$", core[:k])
        if rate:
            sstart -= len(rate.group(0))
    while subj.startswith("、"):
        subj = subj[1:]
        sstart += 0 if rate else 1
    subj = subj.strip("、")
    if subj.endswith("们") and len(subj) >= 3:
        subj = subj[:-1]
    if len(subj) < 2:
        return None, pos
    if len(subj) > 10:
        subj = subj[len(subj) - 10:]
        return subj, pos  # too long to be the whole noun: keep it out of the span
    return subj, (pos if detached else sstart)


def extract_statistics(text: str, sentence_spans: Sequence[tuple[int, int]],
                       article_id: str = "") -> list[NumericClaim]:
    if not text:
        return []
    sh = _shadow(text)
    spans = sorted(sentence_spans) if sentence_spans else [(0, len(text))]
    starts = [s for s, _ in spans]
    found = []
    for m in _CLAIM_RE.finditer(sh):
        claim = _interpret(m, sh)
        if claim is not None:
            found.append(claim)
    out: list[NumericClaim] = []
    seen: list[tuple[float, str, Optional[str]]] = []
    enclosing: Optional[tuple[int, str]] = None  # (end, subject) of the last claim that may head a list
    for idx, (value, value_max, unit, qual, s, e) in enumerate(found):
        i = bisect.bisect_right(starts, s) - 1
        ss, se = spans[i] if i >= 0 else (0, len(text))
        if not (ss <= s < se):
            ss, se = 0, len(text)
        # the subject never reaches into a neighbouring claim
        floor = max(ss, found[idx - 1][5]) if idx else ss
        ceil = min(se, found[idx + 1][4]) if idx + 1 < len(found) else se
        s2 = s
        if _unit_key(unit) in _TIME_UNITS or unit in _TIME_UNITS:
            # durations: the span is the quantity as written; the subject is the
            # activity (36个小时不眠不休, 连续奋战了18个昼夜) or None
            subj, e2 = _subject_after(sh, e, ceil, duration=True)
            e2 = e
            if subj is None:
                subj = _duration_before(sh, s, floor)
        else:
            subj, e2 = _subject_after(sh, e, ceil)
            if subj is None:
                if idx and found[idx - 1][5] == s and out and out[-1].end >= s:
                    subj = out[-1].subject  # 89户351人: the people of those households
                else:
                    subj, s2 = _subject_before(sh, s, floor)
                    noun, place = _split_place(subj) if subj else (subj, None)
                    if place is not None:
                        if len(noun) >= 2:
                            subj = noun  # 网格员西关社区共有112名 → 网格员
                        else:
                            # a place is where, not what: inside a 其中…、… list the counted
                            # noun is the enclosing claim's (其中拉萨市8例 → 拉萨市确诊病例)
                            subj = None
                            if enclosing is not None and enclosing[0] >= ss and \
                                    "其中" in sh[enclosing[0]:s] and not _CLAUSE_BREAK.search(sh, enclosing[0], s):
                                subj = place + enclosing[1]
                            else:
                                s2 = s
                e2 = e
        if subj is not None and s2 >= ss and not (enclosing is not None and subj.endswith(enclosing[1])
                                                   and enclosing[0] >= ss and "其中" in sh[enclosing[0]:s]):
            enclosing = (e2, subj)
        key_unit = _unit_key(unit)
        if any(v0 == value and u0 == key_unit and _same_subject(sj0, subj)
               for v0, u0, sj0 in seen):
            continue  # same quantity of the same thing, mentioned again
        seen.append((value, key_unit, subj))
        out.append(NumericClaim(
            article_id=article_id, text=text[s2:e2], value=value, value_max=value_max,
            unit=unit, subject=subj, qualifier=qual, start=s2, end=e2,
            sentence=text[ss:se]))
    return out


def _same_subject(a: Optional[str], b: Optional[str]) -> bool:
    """Subjects of two mentions denote the same thing: equal, or one contains the other
    (党员 / 党员们). An unknown subject matches only another unknown one, so a bare
    "3个" never hides a later "3个社区"."""
    if a is None or b is None:
        return a is b
    return a in b or b in a


def _unit_key(u: str) -> str:
    return {"个小时": "小时", "个昼夜": "昼夜", "个钟头": "小时", "个星期": "周"}.get(u, u)


def _interpret(m: re.Match, sh: str):
    """Validate one grammar match; returns (value, value_max, unit, qualifier, start, end) or None."""
    g = m.groupdict()
    s, e = m.start(), m.end()
    pre, vpre = g["pre"], g["vpre"]
    qual = _PRE_QUAL.get(pre or vpre) if (pre or vpre) else None
    value_max = None
    before = sh[max(0, s - 2):s]
    if before.endswith(_BAD_BEFORE) or sh[max(0, s - 2):s] in _BAD_BEFORE:
        return None
    if s > 0 and sh[s - 1] in "第初":
        return None

    # ---- percentages
    if g["pct"] or g["percent"]:
        raw = g["pnum"] if g["pct"] else g["n1"]
        if raw is None:
            return None
        v = parse_number(raw)
        if v is None or g["rsep"] and not g["pct"] and g["n2"] is None:
            return None
        if g["n2"] and not g["pct"]:
            v2 = parse_number(g["n2"])
            if v2 is None:
                return None
            value_max, qual = v2, "range"
        if g["post1"] in ("余", "多"):
            qual = qual or "more_than"
        if g["post3"]:
            qual = _POST_QUAL[g["post3"]] or qual
        return v, value_max, "%", qual, s, e

    unit = g["unit"]
    if not unit:
        return None
    mid = g["mid"]
    if unit.startswith("个") and mid:
        unit = "个" + unit[2:]
    alt = g["alt"]
    unit_out = unit + (alt.replace("（", "(").replace("）", ")") if alt else "")

    mult_s = g["m1"] or g["mult"] or ""
    if g["m1"] and g["mult"]:
        return None
    mult = _MULT_VAL.get(mult_s, 1.0)

    small_word = False
    if g["half"]:
        if vpre:
            return None
        value = 0.5
        if unit == "个" or unit_out == "个":
            return None
    elif g["bare"]:
        if not (pre or vpre):
            return None
        value = _MULT_VAL[g["bare"]]
        if mult_s:
            return None
    else:
        n1 = g["n1"]
        is_cn = not n1[0].isdigit()
        if not is_cn and len(n1) > 1 and n1[0] == "0" and n1[1] != ".":
            return None  # 05鑫港社区, 0531 …
        if not is_cn and len(n1.replace(",", "").split(".")[0]) >= 10:
            return None  # phone numbers / ids
        if is_cn and n1[0] in "百千" and not (pre or vpre):
            return None  # 千家万户, 千方百计
        pair = _pair(n1) if is_cn else None
        if pair:
            value, value_max = pair[0] * mult, pair[1] * mult
            qual = qual or "about"
        else:
            if is_cn and len(n1) >= 2 and all(ch in _CN_VAL for ch in n1) and not any(c in "零〇" for c in n1):
                return None  # 二三四: not a number
            v = parse_number(n1)
            if v is None:
                return None
            if g["rsep"]:
                v2 = parse_number(g["n2"])
                if v2 is None:
                    return None
                m2 = _MULT_VAL.get(g["m2"] or g["mult"] or "", 1.0)
                lo = v * (mult if g["m1"] else (m2 if not g["m1"] else 1.0))
                hi = v2 * m2
                if hi <= lo:
                    return None
                value, value_max, qual = lo, hi, "range"
            else:
                value = v * mult
            if is_cn and _is_small_word(n1) and not mult_s and not vpre and mid != "半":
                small_word = True
            if vpre and not is_cn:
                return None
        if mid == "半":
            value += 0.5
            small_word = False
    if small_word:
        return None
    if g["post1"] or g["post2"] or (mid in ("多", "余")):
        qual = "more_than" if qual in (None, "more_than") else qual
    if g["post3"]:
        pq = _POST_QUAL[g["post3"]]
        if pq:
            qual = pq

    after = sh[e:e + 4]
    # ---- unit specific filters
    if unit == "岁":
        if "平均" not in sh[max(0, s - 8):s]:
            return None
    if unit == "年":
        raw = g["n1"] or ""
        if value >= 1000 or re.match(r"[0-9]{1,2}月", after) or after.startswith(_YEAR_BAD_AFTER):
            return None
        if raw and not raw[0].isdigit() and len(raw) >= 3 and all(c in _CN_VAL for c in raw):
            return None
    if unit == "日" and pre != "长达" and not sh[max(0, s - 4):s].endswith(_DAY_CONTEXT) and \
            not any(sh[max(0, s - 4):s].endswith(c) for c in _DAY_CONTEXT):
        return None
    if unit == "月":
        return None
    if unit in _TIME_UNITS and after[:1] in ("前", "后", "来"):
        return None
    if unit == "年" and after.startswith(("以来", "间")):
        return None
    if unit in ("个", "次", "名", "位") and after[:1] == unit:
        return None  # 一个个 / 一次次 reduplication
    if after[:1].isdigit() and unit in ("点", "时"):
        return None
    unit_out = unit_out.replace("个钟头", "个小时")
    return value, value_max, unit_out, qual, s, e


# ---------------------------------------------------------------------------
# Context: place, organization and date of each claim
#
# ``attach_context(claims, text, sentence_spans, places, organizations,
# published_at) -> list[NumericClaim]`` returns copies of ``claims``
# (``dataclasses.replace``) with ``place`` / ``organization`` / ``date``
# filled from the claim's own sentence; everything is matched on the same
# simplified shadow as the grammar, so traditional input behaves the same.
#
# The *anchor* of a claim is its first numeral character (``口罩10万只`` → the
# ``1``); "before the number" means ending at or before the anchor.
#
# A cue (place name, scope word or organization name) *reaches* the number
# when no ``。；！？`` or line break lies between them and either no comma lies
# between them or the cue opens its comma clause (only adverbials such as
# 据统计 / 目前 / 在 / a date before it) and no later comma clause starts a new
# subject (他/她/他们/我们/大家…, a place name or a scope word). The nearest
# reaching cue before the anchor wins.
#
# place
#     Cues are occurrences of ``places`` row names (longest name at a
#     position; a name inside an organization name occurring there is not a
#     cue: 石家庄市人民医院10名医生 → organization 石家庄市人民医院, place None)
#     and scope words: 全市/我市/本市/该市 → a …市 / city place named earlier
#     in the sentence (醴陵市公安局…奔赴全市7个 → 醴陵市), else the article's
#     ``city`` row with most mentions; likewise 县 → county, 区 → district,
#     省 → province, 镇/乡 → town, 村 → village, 街道 → subdistrict, 社区 →
#     community, 全国 → country. A scope word whose level has no row gives None.
# organization
#     Cues are ``organizations`` row names, plus the parent written alone for
#     unit rows (际华3502公司党委 also matches 际华3502公司). An organization
#     followed by 、/和/及/与 is a list member, not the owner of the figure
#     (成立…临时党委、5个工作组临时党支部 → None).
# date
#     A 月日 date in the sentence: the nearest one before the anchor, else the
#     first one after it. 1月19日 / 一月十九日 / 1月19号 / 2020年2月1日 /
#     2020-02-01 / 1月21日至29日 (first day) / 6月27日凌晨 (time dropped).
#     Without a written year the year comes from ``published_at``, minus one
#     when the month is after the publication month (a 12月 date in a January
#     article); 去年/前年/明年 before the month shift it. No ``published_at`` and
#     no written year, month-only (2020年2月) or season words (春节期间) → None.

_SCOPE_LEVEL = {"市": "city", "县": "county", "区": "district", "省": "province",
                "镇": "town", "乡": "town", "村": "village", "街道": "subdistrict",
                "社区": "community", "国": "country"}
_SCOPE_RE = re.compile(r"(?:全|我|本|该)(街道|社区|[市县区省镇乡村])|全(国)")
_CLAUSE_BREAK = re.compile(r"[；;。！？!?\n]")
_COMMA = re.compile(r"[，,]")
# What may stand between the start of a clause and a cue in subject position
# (据统计,在这场…中,全市…; 目前,际华3502公司…; 1月28日,位于株洲的…公司).
_LEAD_OK = re.compile(
    r"(?:[\s“”\"'‘’—]|据统计|据了解|据悉|目前|同时|此外|另外|其中|随后|如今|当天|当日|截至目前|"
    r"今年以来|疫情发生后|在|由|从|[0-9]{1,4}[年月日号时]|[0-9]{1,2}分|[上下]午|凌晨|早上|晚上|以来|期间|"
    r"位于[\u4e00-\u9fff]{2,6}的)*")
_SIBLING_RE = re.compile(r"(?:、|和|及|与|以及)")
_NEW_SUBJECT_RE = re.compile(
    r"[\s“”\"']*(?:目前|同时|此外|另外|随后|之后|其后|而|但)?[\s]*"
    r"(?:他们|她们|我们|咱们|大家|人们|群众|他|她|我)"
)
_ANCHOR_RE = re.compile(r"[0-9零〇一二三四五六七八九十百千万亿两半几数]|百分之")

_CN_DAY = r"[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_CN_MONTH = r"十[一二]?|[一二三四五六七八九]"
# every date starts with a digit, a Chinese numeral or 今/去/前/明 (年)
_DATE_FIRST = "0-9零〇一二三四五六七八九十今去前明"
_DATE_PATTERN = (
    r"(?:(?P<y>(?<![0-9])[0-9]{4}|[零〇一二三四五六七八九]{4})年|(?P<rel>今年|去年|前年|明年))?"
    rf"(?<![0-9])(?P<m>[0-9]{{1,2}}|{_CN_MONTH})月(?:份)?"
    rf"(?P<d>[0-9]{{1,2}}|{_CN_DAY})[日号]"
    rf"(?:(?:至|到|-|—|－|~)(?:(?:[0-9]{{1,2}}|{_CN_MONTH})月)?(?:[0-9]{{1,2}}|{_CN_DAY})[日号])?"
    r"|(?<![0-9])(?P<iy>(?:19|20)[0-9]{2})(?P<sep>[-/.])(?P<im>[0-9]{1,2})(?P=sep)(?P<id>[0-9]{1,2})(?![0-9])"
)
_DATE_RE = _leading_class(_DATE_FIRST, _DATE_PATTERN)
_REL_YEAR = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}


def _small_int(s: str) -> Optional[int]:
    if s.isdigit():
        return int(s)
    v = _cn_int(s)
    return int(v) if v is not None else None


def _match_date(m: re.Match, published_at) -> Optional[date]:
    if m.group("iy"):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        mo, d = _small_int(m.group("m")), _small_int(m.group("d"))
        if mo is None or d is None:
            return None
        ys = m.group("y")
        if ys:
            y = int(ys) if ys.isdigit() else int("".join(str(_CN_VAL[c]) for c in ys))
        else:
            if published_at is None:
                return None
            y = published_at.year
            rel = m.group("rel")
            if rel:
                y += _REL_YEAR[rel]
            elif mo > published_at.month:
                y -= 1
    try:
        return date(y, mo, d)
    except (ValueError, TypeError):
        return None


_ORG_UNIT_SUFFIX = re.compile(
    r"(?:临时党支部|党支部|党总支|党工委|党委|党组|团委|工会|党员服务队|党员突击队|志愿服务队)$")
_ORG_STEM_HEAD = re.compile(
    r"(?:公司|集团|药业|医院|卫生院|中心|大学|学院|学校|银行|局|厅|委员会|政府)$")


def _org_names(organizations) -> list[str]:
    """Organization row names, plus the parent written alone: a unit row such as
    际华3502公司党委 also yields 际华3502公司 (stem ending in an organization head)."""
    names = []
    for o in organizations:
        n = o.name
        if not n:
            continue
        names.append(n)
        m = _ORG_UNIT_SUFFIX.search(n)
        if m and m.start() >= 4 and _ORG_STEM_HEAD.search(n, 0, m.start()):
            names.append(n[:m.start()])
    return names


def _names_re(names) -> Optional[re.Pattern]:
    uniq = sorted({n for n in names if n and len(n) >= 2}, key=len, reverse=True)
    if not uniq:
        return None
    return re.compile("|".join(re.escape(n) for n in uniq))


def _fits_scope(occ: tuple, scope: str) -> bool:
    """A place occurrence (start, end, name, level) fits a scope word (全市 → …市 / city)."""
    return occ[2].endswith(scope) or occ[3] == _SCOPE_LEVEL[scope]


def _main_place(places, level: str) -> Optional[str]:
    best = None
    for p in places:
        if p.level != level or not p.name or len(p.name) < 2:
            continue
        key = (p.mentions or 0, -(p.start if p.start is not None else 1 << 30))
        if best is None or key > best[0]:
            best = (key, p.name)
    return best[1] if best else None


def _last_before(occ: list, starts: list, lo: int, anchor: int):
    """Last occurrence (start, end, payload) with start >= lo and end <= anchor."""
    i = bisect.bisect_left(starts, anchor) - 1
    while i >= 0 and occ[i][0] >= lo:
        if occ[i][1] <= anchor:
            return occ[i]
        i -= 1
    return None


def _subject_position(sh: str, start: int, ss: int) -> bool:
    """The cue at ``start`` opens its comma clause (only adverbials before it)."""
    lo = ss
    for m in _COMMA.finditer(sh, ss, start):
        lo = m.end()
    m = _LEAD_OK.match(sh, lo, start)
    return m.end() == start


def _reaches(sh: str, cue: tuple, anchor: int, ss: int, cues: list, cue_starts: list) -> bool:
    """A cue ending before ``anchor`` governs the number there: same clause, or
    the cue is the subject of an earlier comma clause and no new subject intervenes."""
    if _CLAUSE_BREAK.search(sh, cue[1], anchor):
        return False
    commas = list(_COMMA.finditer(sh, cue[1], anchor))
    if not commas:
        return True
    if not _subject_position(sh, cue[0], ss):
        return False
    return not any(_new_subject(sh, cm.end(), cues, cue_starts) for cm in commas)


def _new_subject(sh: str, p: int, cues: list, cue_starts: list) -> bool:
    """A clause starting at ``p`` (right after a comma) names a new subject."""
    if _NEW_SUBJECT_RE.match(sh, p):
        return True
    while p < len(sh) and sh[p].isspace():
        p += 1
    j = bisect.bisect_left(cue_starts, p)
    return j < len(cues) and cues[j][0] == p


def attach_context(claims: list[NumericClaim], text: str, sentence_spans: Sequence[tuple[int, int]],
                   places: Sequence, organizations: Sequence,
                   published_at: Optional[datetime]) -> list[NumericClaim]:
    """Fill ``place``, ``organization`` and ``date`` of each claim from its sentence.

    >>> from pipeline.records import PlaceRow, OrganizationRow
    >>> text = "1月19日,全市4050个农村党组织投入战斗。目前,际华3502公司2条生产线运转。"
    >>> spans = [(0, 22), (22, len(text))]
    >>> claims = extract_statistics(text, spans)
    >>> out = attach_context(claims, text, spans, [PlaceRow("", "石家庄市", "city", 3, 0, 4, None)],
    ...                      [OrganizationRow("", "际华3502公司", "company", 1, 25, 33, None)],
    ...                      datetime(2021, 1, 23))
    >>> [(c.text, c.place, c.organization, str(c.date)) for c in out]
    [('4050个农村党组织', '石家庄市', None, '2021-01-19'), ('2条生产线运转', None, '际华3502公司', 'None')]
    """
    if not claims:
        return []
    sh = _shadow(text)
    spans = sorted(sentence_spans) if sentence_spans else [(0, len(text))]
    sstarts = [s for s, _ in spans]

    org_re = _names_re(_org_names(organizations))
    orgs = [(m.start(), m.end(), m.group(0)) for m in org_re.finditer(sh)] if org_re else []
    org_starts = [o[0] for o in orgs]

    place_re = _names_re(p.name for p in places)
    cues = []  # (start, end, place name or None, is_scope, scope character)
    all_places = []  # every place-name occurrence, inside organization names too
    level_of = {p.name: p.level for p in places}
    if place_re:
        oi = 0
        for m in place_re.finditer(sh):
            ps, pe = m.start(), m.end()
            while oi < len(orgs) and orgs[oi][1] <= ps:
                oi += 1
            inside = any(os_ <= ps and pe <= oe for os_, oe, _ in orgs[max(0, oi - 1):oi + 3])
            all_places.append((ps, pe, m.group(0), level_of.get(m.group(0))))
            if not inside:
                cues.append((ps, pe, m.group(0), False, None))
    main_cache: dict[str, Optional[str]] = {}
    for m in _SCOPE_RE.finditer(sh):
        level = _SCOPE_LEVEL[m.group(1) or m.group(2)]
        if level not in main_cache:
            main_cache[level] = _main_place(places, level)
        cues.append((m.start(), m.end(), main_cache[level], True, m.group(1) or m.group(2)))
    cues.sort()
    all_starts = [p[0] for p in all_places]
    cue_starts = [c[0] for c in cues]

    dates = [(m.start(), m.end(), m) for m in _DATE_RE.finditer(sh)]
    date_starts = [d[0] for d in dates]

    out = []
    for c in claims:
        i = bisect.bisect_right(sstarts, c.start) - 1
        ss, se = spans[i] if i >= 0 else (0, len(text))
        if not (ss <= c.start < se):
            ss, se = 0, len(text)
        am = _ANCHOR_RE.search(sh, c.start, max(c.end, c.start + 1))
        anchor = am.start() if am else c.start

        place = None
        cue = _last_before(cues, cue_starts, ss, anchor)
        while cue is not None and not _reaches(sh, cue, anchor, ss, cues, cue_starts):
            cue = _last_before(cues, cue_starts, ss, cue[0])
        if cue is not None:
            place = cue[2]
            if cue[3]:  # scope word: a place of that level named earlier in the sentence
                near = _last_before(all_places, all_starts, ss, cue[0])
                while near is not None and not _fits_scope(near, cue[4]):
                    near = _last_before(all_places, all_starts, ss, near[0])
                if near is not None:
                    place = near[2]

        organization = None
        org = _last_before(orgs, org_starts, ss, anchor)
        while org is not None and (_SIBLING_RE.match(sh, org[1])
                                   or not _reaches(sh, org, anchor, ss, cues, cue_starts)):
            org = _last_before(orgs, org_starts, ss, org[0])
        if org is not None:
            organization = org[2]

        when = None
        d = _last_before(dates, date_starts, ss, anchor)
        if d is None:
            j = bisect.bisect_left(date_starts, anchor)
            if j < len(dates) and dates[j][0] < se:
                d = dates[j]
        if d is not None:
            when = _match_date(d[2], published_at)
        out.append(replace(c, place=place, organization=organization, date=when))
    return out
