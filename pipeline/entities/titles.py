"""Titles around a person's name: the role words written before it (检验科主任宋国威; the chain
before that title, 党委副书记、院长雷冬竹, is ``title_chains.py``'s), after it (NAME是…的TITLE,
习近平总书记), or closing a list of names (习近平、李克强等党和国家领导人), and the unit a title opens
with (鑫港社区干部 → 鑫港社区 + 干部).

Contract: functions of (text, offsets, the unit's ORG mentions) → titles and organizations as
written; ``people.py`` decides which apply to whom. The word lists are lexicons read through
``name_words`` (title_heads.tsv, title_stop_chars.tsv, title_after_cues.tsv).

>>> organization_in_title("鑫港社区干部"), organization_in_title("检验科主任")
(('鑫港社区', '干部'), (None, '检验科主任'))
>>> title_right_after("习近平总书记指出", 3), title_right_after("李明代表团到达", 2) is None
('总书记', True)
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from ..gazetteer import COUNTRIES, COUNTRIES_LONGEST_FIRST, country_at, divisions
from ..lexicons import alternation, lexicon
from ..resources import jieba_module, jieba_word_tags
from ..settings import setting
from ..text.chars import CLOSE_DOUBLE_QUOTES, HAN, is_han
from .heads import TITLE_UNIT_ENDINGS
from .mentions import NAME_STOP_CHARS, TITLE_BREAK_VERBS, Mention
from .name_words import (COMMUNITY_SUFFIXES, COUNTRY_ABBREVIATIONS, MEETING_VERB_BEFORE_RE, MEETING_VERBS,
                         TITLE_HEAD_RE, TITLE_HEAD_WORDS, TITLE_HEADS, TITLE_VERB_HEADS)
from .organizations import is_generic_org
from .title_units import end_of_noun_across, organization_in_title, verbal_word

_TITLE_HEAD_ALTERNATION = alternation(TITLE_HEADS)
_TITLE_STOP = lexicon("title_stop_chars")
# A title: up to title_qualifier_max_chars of qualifiers (检验科, 储运服务部, 产二科) then a head word.
_TITLE_BEFORE_NAME = re.compile(
    rf"((?:(?![{''.join(_TITLE_STOP.flagged('qualifier'))}])[{HAN}])"
    rf"{{0,{setting('entities', 'title_qualifier_max_chars')}}}?(?:{_TITLE_HEAD_ALTERNATION}))$")
# a Latin word written right before a unit's name (HMC证券, LG电子): part of the name
_LATIN_NAME_BEFORE = re.compile(r"(?<![A-Za-z0-9.])[A-Za-z][A-Za-z0-9&]{1,11}$")
# (不再担任…职务: the post left, named as held until then)
#: the words that put a title after a name (是, 为, 担任, 任: title_after_cues.tsv); 任 of 任命 and 任免 is
#: the verb of appointing another (朴槿惠任命国务总理: the premier is someone else)
_TITLE_CUES = alternation(lexicon("title_after_cues").words())
#: what closes a title written after a name: punctuation, 职务 (不再担任…书记职务), the text's end
_AFTER_TITLE_END = r"[，。；、,;!！?？\n]|职务|$"
_TITLE_AFTER_NAME = re.compile(
    rf"^(?:同志|代表|委员)?(?:不再)?(?:{_TITLE_CUES})(?![命免])"
    rf"([{HAN}、]{{0,{setting('entities', 'title_after_max_chars')}}}?)(?:的)?((?:{_TITLE_HEAD_ALTERNATION}))"
    rf"(?=期间|{_AFTER_TITLE_END})")
# Verbs, conjunctions and counts never sit inside a title: 任命医疗队队长 → 医疗队队长; a verb
# before 组, 队, 团 or 委 names a team or a committee (中央指导组组长, 定期会晤委员会), it is no verb there.
_TITLE_BREAK = re.compile(rf"[{''.join(_TITLE_STOP.flagged('break'))}]|\d+[名个位]|(?:"
                          + alternation(TITLE_BREAK_VERBS, escape=False, longest_first=False) + ")(?![组队团委])")
# A verb whose object is another party (召见, 会见, 出席: clause_verbs.tsv meets): between a body and a
# title it makes the body the verb's subject, no unit of the title; before a body, what is attended
_MEETING_VERB = re.compile(alternation(MEETING_VERBS, escape=False, longest_first=False))
# One item of a title chain: a unit and a title head, nothing else (中共中央政治局常委).
TITLE_ITEM = re.compile(rf"[{HAN}]{{0,{setting('entities', 'title_qualifier_max_chars')}}}(?:{_TITLE_HEAD_ALTERNATION})")


def head_of(title: str) -> str:
    """The title head word ``title`` ends with, the longest ("" when none): 党委副书记 → 副书记
    (title_heads.tsv)."""
    return TITLE_HEAD_WORDS.longest_ending(title) or ""


def break_in(title: str) -> Optional[re.Match]:
    """A verb, conjunction or count in the qualifiers of a title, not in its head word (女排运动员:
    the 动员 of 运动员 is no verb there)."""
    return _TITLE_BREAK.search(title, 0, len(title) - len(head_of(title)))


def after_last_break(title: str) -> str:
    """The part of a title after the last break in its qualifiers (任命医疗队队长 → 医疗队队长)."""
    head = head_of(title)
    return _TITLE_BREAK.split(title[:len(title) - len(head)])[-1] + head


def _appointed_in(title: str) -> bool:
    """A name and 任 stand in the qualifiers of ``title`` (王强任组长): another person's appointment,
    where 任 ends no word (责任编辑, 常任代表, 副主任医师 are titles).

    >>> _appointed_in("王强任组长"), _appointed_in("责任编辑"), _appointed_in("副主任医师")
    (True, False, False)
    >>> _appointed_in("澳门特区候任行政长官")
    False
    """
    tags = jieba_word_tags()
    # (a name's length before 任, no word: 澳门特区候任行政长官 is a title)
    return any(title[k] == "任" and title[k - 1:k + 1] not in tags and title[:k] not in tags
               for k in (2, 3) if k < len(title) - len(head_of(title)))


# Left context of a mention stops at these: they end the phrase a title could belong to.
CLAUSE_BREAK = re.compile(r"[，。；：！？“”‘’\"(（)）\n,;:!?]")


_TITLE_BEFORE_CHARS = setting("entities", "title_context_before_chars")
_TITLE_AFTER_CHARS = setting("entities", "title_context_after_chars")
_DASH = "——"
#: one space between a Chinese title and the name after it (a caption: 董事长 梁华：)
_SPACE_AFTER_TITLE = re.compile(rf"(?<=[{HAN}])[ \u3000]$")
#: the last character of a date written in digits (25日, 3月, 2020年): never the start of a title
_DATE_TAILS = "日月年号后"
# 张超，海军某部舰载机飞行员。: a name opening its sentence, a comma, and a title that ends it
#: a title in brackets right after the name: 冯鑫（暴风科技董事长）, 王文（中国人民大学重阳金融研究院执行院长）
_BRACKETED_TITLE = re.compile(
    rf"^[（(]([{HAN}·、]{{0,{setting('entities', 'title_after_max_chars')}}}?)((?:{_TITLE_HEAD_ALTERNATION}))[）)]")
_APPOSITION = re.compile(
    rf"^，([{HAN}]{{0,{setting('entities', 'title_apposition_max_chars')}}}?)((?:{_TITLE_HEAD_ALTERNATION}))(?=。)")


class TitleMatch(NamedTuple):
    title: Optional[str]
    organization: Optional[str]


NO_TITLE = TitleMatch(None, None)


def last_break(s: str) -> int:
    last = 0
    for m in CLAUSE_BREAK.finditer(s):
        last = m.end()
    return last


_QUALIFIER_STOPS = frozenset(_TITLE_STOP.flagged("qualifier"))


def _second_of_jian(title: str) -> str:
    """国务委员兼外交部长 → 外交部长 (two titles; titles_chained_before reads the first); 兼职教师 is one."""
    left, jian, right = title.rpartition("兼")
    return right if jian and left.endswith(TITLE_HEADS) and right.endswith(TITLE_HEADS) else title


_PERSON_COUNT_UNITS = tuple(lexicon("claim_units").flagged("person"))
# function words that may open a title all the same (人文与发展学院…教授, 微电子所所长, 驻华大使)
_TITLE_OPENING_WORDS = frozenset(lexicon("title_opening_words").words())
TITLE_PRAISE_WORDS = tuple(lexicon("title_praise_words").words())


def without_leading_function_words(title: str) -> str:
    """A title without the pronouns, adverbs, conjunctions and one-character verbs or prepositions
    that open its qualifier (jieba's dictionary tags): the clause before it (但法国总理 → 法国总理,
    他都会将法国总统 → 法国总统); the head word stays whole."""
    head = head_of(title)
    if not head or len(title) == len(head):
        return title
    praise = max((title.find(w) + len(w) for w in TITLE_PRAISE_WORDS if w in title[:-len(head)]), default=0)
    if praise:  # (晚会由)著名导演 → 导演: praise opens the title and is no part of it (title_praise_words.tsv)
        return without_leading_function_words(title[praise:].removeprefix("的"))
    tags = jieba_word_tags()
    if not any(_may_open_clause(title[:k], tags) for k in range(1, min(4, len(title) - len(head)) + 1)):
        return title  # the segmenter's first word can be none of those: no cut (and no segmenting)
    cut = 0
    for word in jieba_module().cut(title[:-len(head)]):
        if not _may_open_clause(word, tags):
            break
        cut += len(word)
    return title[cut:]


def _may_open_clause(word: str, tags) -> bool:
    """``word`` is a clause's word that opens no title: a pronoun, a conjunction, a preposition (根据 +
    总统), a time word (七旬党员 is a party member in his seventies), a one-character adverb, particle or verb, or a
    count of people (一位护士, 一名医生); never a word of title_opening_words.tsv."""
    tag = tags.get(word, "")
    return word not in _TITLE_OPENING_WORDS and (
        tag[:1] in ("r", "c", "t", "p") or len(word) == 1 and tag[:1] in ("d", "u", "v")
        or tag[:1] == "m" and word.endswith(_PERSON_COUNT_UNITS))


def _continues_unit(ch: str) -> bool:
    """A character that can sit inside a unit's name written before a title."""
    return is_han(ch) and ch not in _QUALIFIER_STOPS


def _clause_between(segment: str, title_start: int, own_country: bool = False) -> bool:
    """A clause break (a conjunction, preposition or clause verb: _TITLE_BREAK) between the
    organization and the title, not inside a word (共同主席) and not joining two titles of one
    person (党委书记和校长), unless the title names its ``own_country`` (东盟十国领导人以及俄罗斯总统:
    the leaders and the president are different people)."""
    tags = jieba_word_tags()
    for b in reversed(list(_TITLE_BREAK.finditer(segment, 0, title_start))):
        at = b.start()
        if len(b.group()) == 1 and (tags.get(segment[at - 1:at + 1], "c")[:1] != "c" or segment[at:at + 2] in tags):
            continue  # 共同, 和平: the character is part of a word (以及 is a conjunction itself)
        return own_country or not segment.endswith(TITLE_HEADS, 0, at)
    return False


def _opens_with_place(title: str) -> bool:
    """The title opens with a country, a country's one-character name or a division (美国前国务卿,
    乌总统, 澳门特别行政区行政长官)."""
    return title.startswith(COUNTRIES_LONGEST_FIRST) or any(title[:k] in divisions() for k in range(2, min(len(title), 8))) \
        or title[:1] in COUNTRY_ABBREVIATIONS and title[1:].startswith(TITLE_HEADS)


#: a stand-in for a title-ending character inside a country's name or a word of titles
#: (阿尔及利亚总统, 共和国总统, 当选总统: title_words_with_stops.tsv), a rare character no title holds
_STAND_IN = "丨"
_STOP_CHARS_OF_TITLES = set(_TITLE_STOP.words())
_WORDS_KEPT_WHOLE = {c: "".join(_STAND_IN if ch in _STOP_CHARS_OF_TITLES else ch for ch in c)
                         for c in (*COUNTRIES, *lexicon("title_words_with_stops").words())
                         if any(ch in _STOP_CHARS_OF_TITLES for ch in c)}
_WORD_KEPT_WHOLE_RE = re.compile(alternation(_WORDS_KEPT_WHOLE))
_UNMASK = {masked: c for c, masked in _WORDS_KEPT_WHOLE.items()}
_MASKED_RE = re.compile(alternation(_UNMASK))


def title_before(text: str, start: int, orgs: list[Mention]) -> TitleMatch:
    """The title and organization written right before a name: ORG? TITLE NAME. A country or a word
    whose name holds a character that ends titles elsewhere (阿尔及利亚, 特立尼达和多巴哥, 共和国,
    当选: title_words_with_stops.tsv) is read whole."""
    lo = max(0, start - _TITLE_BEFORE_CHARS)
    if not _WORD_KEPT_WHOLE_RE.search(text, lo, start):
        return _title_before(text, start, orgs)
    window = _WORD_KEPT_WHOLE_RE.sub(lambda c: _WORDS_KEPT_WHOLE[c.group()], text[lo:start])
    found = _title_before(text[:lo] + window + text[start:], start, orgs)
    return TitleMatch(*(_MASKED_RE.sub(lambda c: _UNMASK[c.group()], x) if x else x for x in found))


def _title_before(text: str, start: int, orgs: list[Mention]) -> TitleMatch:
    left = text[max(0, start - _TITLE_BEFORE_CHARS):start]
    if left.endswith(_DASH):  # …医疗队的一位护士——李宾宾: the title, a dash, the name
        left = left[:-len(_DASH)]
        start -= len(_DASH)
    elif _SPACE_AFTER_TITLE.search(left):
        # 菲尼克斯（中国）投资有限公司总裁 顾建党：…: a speaker's caption, the title a space before the name
        left = left[:-1]
        start -= 1
    base = start - len(left)
    cut = last_break(left)
    # 意大利议会“中国之友”协会主席里佐蒂: an organization the break falls inside starts the unit
    cut = min([cut] + [o.start - base for o in orgs if o.start - base < cut < o.end - base and o.start >= base])
    if cut >= 2 and left[cut - 1] in CLOSE_DOUBLE_QUOTES:
        # “人权观察”执行主席罗斯: the body in quotes right before the title is the person's
        cut = min([cut] + [o.start - base for o in orgs if o.end - base == cut - 1 and o.start >= base])
    left, base = left[cut:], base + cut
    # Skip a "的" modifier between title and name: 检验科主任、有着多年党龄的宋国威.
    modifier = re.search(r"、[^、]{1,14}的$", left) or re.search(rf"(?<=[{HAN}])(?:的|、)$", left)
    core = left[:modifier.start()] if modifier else left
    org_end = 0
    org_name = None
    org_start = 0
    for o in orgs:
        if base <= o.start and o.end <= base + len(core):
            # (叙利亚常驻 + 联合国 + 代表: the body an envoy is posted to is not theirs)
            org_end, org_name = o.end - base, (None if text[o.start - 1:o.start] == "驻" else text[o.start:o.end])
            org_start = o.start
    segment = core[org_end:]
    item = segment.rfind("、")
    own = _TITLE_BEFORE_NAME.search(segment, item + 1) if item > 0 and org_name else None
    if own and not segment[:item].endswith(TITLE_HEADS) \
            and (organization_in_title(own.group(1))[0] or _opens_with_place(own.group(1))):
        # 人大常委会主任洛桑江村、自治区人民政府主席齐扎拉: a name, not a title, before the 、 (党委副书记、
        # 院长 is one chain) and a body in this person's title, or a country (联合国秘书长古特雷斯、美国国务卿
        # 布林肯): the organization before is the previous person's
        org_end, org_name = org_end + item + 1, None
        segment = core[org_end:]
    m = _TITLE_BEFORE_NAME.search(segment)
    if not m and org_end:
        # 外交部长王毅: the model's organization (外交部) holds the start of the title word
        whole = _TITLE_BEFORE_NAME.search(core)
        if whole and whole.start(1) < org_end < whole.end(1) and core[org_end - 1:whole.end(1)] in TITLE_HEADS:
            return TitleMatch(without_leading_function_words(_second_of_jian(whole.group(1))), org_name)
    if not m:
        # 石家庄市妇产医院的赵婷婷: an organization right before the name, no title (出席联合国大会的
        # 阿巴斯: not one a verb of the clause opens, which the person attends or visits)
        if org_name and not segment and not is_generic_org(org_name) \
                and not MEETING_VERB_BEFORE_RE.search(text, max(0, org_start - 4), org_start):
            if org_name.endswith(TITLE_HEADS) and (split := organization_in_title(org_name))[0]:
                # …第二医院营养科营养师陆彦妤: the model ran the body over the title
                return TitleMatch(split[1], split[0])
            return TitleMatch(None, org_name)
        return NO_TITLE
    title = m.group(1)
    if m.start(1) > 0 and _continues_unit(segment[m.start(1) - 1]) and not break_in(title):
        # the qualifier limit cut a longer unit (克罗地亚地缘经济论坛主席 → 地亚地缘经济论坛主席):
        # split the whole run into unit and title, else keep the head word alone
        run_start = m.start(1)
        while run_start > 0 and _continues_unit(segment[run_start - 1]):
            run_start -= 1
        unit, rest = organization_in_title(segment[run_start:m.end(1)])
        if unit is not None and org_name is None and not _TITLE_BREAK.search(unit):
            return TitleMatch(without_leading_function_words(rest), unit)
        title = head_of(title)
    # Verbs and conjunctions never sit inside a title: keep the part after them.
    # A head word is whole even with a break character in it (党和国家领导人).
    title = after_last_break(title) if len(title) > 2 and title not in TITLE_HEADS else title
    if _appointed_in(title):
        return NO_TITLE  # 王强任组长、李明: the title is 王强's, none of 李明's
    if org_name and _opens_with_place(title) and (_clause_between(segment, m.end(1) - len(title), own_country=True)
                                                  or text[org_start - 1:org_start] == "在"
                                                  or "的" in segment[:m.end(1) - len(title)]):
        # 国务院总理李克强与德国总理默克尔, …会见了美国前国务卿基辛格: the body before is the other
        # person's; …在柏林总理府同德国总理默克尔: the body is where they meet; 出席…非洲峰会全会的坦桑尼亚
        # 总统基奎特: the body is in the clause that describes them; this one's title names its own
        # country or region
        org_name = None
    if org_name and _MEETING_VERB.search(segment, 0, m.end(1) - len(title)):
        org_name = None  # 美国国务院随后就此事召见俄驻美大使安东诺夫: the body summons, it does not employ
    inner = None if _opens_with_place(title) else next(
        (k for k in range(1, len(title) - 1) if title[k - 1] not in "驻访赴" and (c := country_at(title, k))
         and (title[k + len(c):] in TITLE_HEADS or title[k + len(c):k + len(c) + 1] in "前副" and title[k + len(c) + 1:] in TITLE_HEADS)),
        None)
    if inner is not None:
        # 东盟轮值主席国越南总理阮春福: a country and a head ending the title are this person's own
        # title; the body and the words before it are another's (not 中国驻美国大使: 驻 + 美国; not
        # 跨党派中国小组副主席: a body's name goes on after the country)
        title, org_name = title[inner:], None
    title_end = base + org_end + m.end(1)
    if title[:1] in _DATE_TAILS and text[title_end - len(title) - 1:title_end - len(title)].isdigit():
        title = title[1:]  # 25日获公司总裁助理: the date's 日 opens no unit
    tags = jieba_word_tags()
    first = title_end - len(title)
    if first > 0 and tags.get(text[first - 1:first + 1], "")[:1] == "t":
        title = title[1:]  # 当天俄罗斯总统: 天 ends a time word (当 ends the clause before it)
    while len(title) > 2 and tags.get(title[:2], "")[:1] == "t" and title[2:].endswith(TITLE_HEADS):
        title = title[2:]  # 今天上午国家主席: time words open no title
    title = without_leading_function_words(_second_of_jian(title))
    if not title or not title.endswith(TITLE_HEADS):
        return NO_TITLE
    if is_generic_org(org_name or "x"):
        org_name = None
    if org_name is None:
        whole = title
        org_name, title = organization_in_title(title)
        if org_name and whole.startswith(org_name) and (
                latin := _LATIN_NAME_BEFORE.search(text, max(0, title_end - len(whole) - 12), title_end - len(whole))):
            org_name = latin.group(0) + org_name  # HMC + 证券分析师: a Latin name opens the body's name
    return TitleMatch(title, org_name)


def title_after(text: str, end: int, orgs: list[Mention], start: Optional[int] = None) -> TitleMatch:
    """The title and organization written as NAME是ORG…的TITLE, as NAME（ORG…TITLE）, or as
    NAME，ORG…TITLE。 when the name opens its sentence (``start``: where the name starts)."""
    right = text[end:end + _TITLE_AFTER_CHARS]
    m = _TITLE_AFTER_NAME.match(right) or _BRACKETED_TITLE.match(right)
    if not m and start is not None and (start == 0 or text[start - 1] in "\n。"):
        m = _APPOSITION.match(right)
        if m and (_TITLE_BREAK.search(m.group(1)) or any(verbal_word(w) for w in jieba_module().cut(m.group(1)))):
            m = None  # 黄文秀，北京师范大学研究生毕业后回到家乡担任…第一书记: a clause, no apposition
    if not m:
        return NO_TITLE
    head = m.group(2)
    org_name = None
    title = head
    tags = jieba_word_tags()
    for o in orgs:
        if end + m.start(1) <= o.start and o.end <= end + m.end(1):
            # the model may stop inside a word: 港沟街道办 + 事处主任 → 港沟街道办事处 + 主任
            o_end = end_of_noun_across(text, o.end, tags) or o.end
            if o_end > end + m.end(1) or not text[o.start:o_end].endswith(TITLE_UNIT_ENDINGS):
                o_end = o.end  # 公司 + 制剂: only a unit's own ending (办事处) goes on past the model's end
            org_name = text[o.start:o_end]
            rest = text[o_end:end + m.end(1)]
            # the department between organization and head belongs to the title (产二科护士)
            if rest and len(rest) <= 8 and "的" not in rest and "、" not in rest:
                title = rest + head
    if (org_name is None or is_generic_org(org_name)) and m.re is _TITLE_AFTER_NAME and "的" in m.group(1):
        # 叶全奖生前是…许民村的党支部书记: a village's or community's own committee or branch
        owner, _, unit = m.group(1).rpartition("的")
        if unit and owner.endswith(COMMUNITY_SUFFIXES) and is_generic_org(unit):
            return TitleMatch(unit + head, owner[last_break(owner):] + unit)
    if org_name is None:
        # (in brackets the unit no model mention holds is read off the title: 暴风科技 + 董事长)
        bracketed = m.re is _BRACKETED_TITLE and m.group(1)
        org_name, title = organization_in_title(m.group(1) + head if bracketed else title)
        if org_name is None and bracketed:
            title = head
    return TitleMatch(title, org_name)


def titles_chained_after(text: str, end: int) -> list[str]:
    """The titles listed after the one NAME任ORG…TITLE gives (``title_after``'s first form), each a
    bare item between 、 and punctuation: 许勤同志任黑龙江省委委员、常委、书记 → [常委, 书记];
    不再担任江苏省委书记、常委、委员职务 → [常委, 委员].

    >>> titles_chained_after("许勤同志任黑龙江省委委员、常委、书记；", 2)
    ['常委', '书记']
    >>> titles_chained_after("娄勤俭同志不再担任江苏省委书记、常委、委员职务。", 3)
    ['常委', '委员']
    >>> titles_chained_after("张三任村党支部书记、村民李四说", 2), titles_chained_after("王强任组长、李明任副组长。", 2)
    ([], [])
    """
    m = _TITLE_AFTER_NAME.match(text[end:end + _TITLE_AFTER_CHARS])
    if not m:
        return []
    chained: list[str] = []
    pos = end + m.end()
    while text.startswith("、", pos):
        item = TITLE_ITEM.match(text, pos + 1)
        if item is None or _TITLE_BREAK.search(item.group()) \
                or not _CHAIN_ITEM_END.match(text, item.end()) or _names_or_acts(item.group()):
            break  # (王某任组长、李某任副组长: the next item is another clause)
        chained.append(item.group())
        pos = item.end()
    return chained


def _names_or_acts(item: str) -> bool:
    """``item`` holds a cue of a title (任, 为, 是: title_after_cues.tsv), a verb or a person's name:
    a clause, no title (李明任副组长)."""
    if _TITLE_CUE.search(item):
        return True
    tags = jieba_word_tags()
    return any(verbal_word(w) or tags.get(w, "").startswith("nr") for w in jieba_module().cut(item))


_TITLE_CUE = re.compile(_TITLE_CUES)
# an item of a title chain after a name closes as the first title does (期间 aside)
_CHAIN_ITEM_END = re.compile(_AFTER_TITLE_END)


# jieba tags (first letter) of the word after a title head that show the clause going on
# t: a time word (习近平总书记近日对…作出重要指示)
_CLAUSE_GOES_ON = frozenset("vpdcmanliqt")  # l, i: set phrases and idioms (重要讲话); q: 总书记 + 系列讲话


def title_right_after(text: str, end: int) -> Optional[str]:
    """A title head written right after a name, where the clause goes on after it
    (习近平总书记指出, 古小红书记带领, 习近平主席在…): punctuation, a function word or a verb
    follows it; never the head of a longer word (李明代表团: 代表 + 团).

    >>> title_right_after("习近平总书记指出", 3), title_right_after("古小红书记带领大家", 3)
    ('总书记', '书记')
    >>> title_right_after("李明代表团到达", 2) is None, title_right_after("李明说", 2) is None
    (True, True)
    """
    m = TITLE_HEAD_RE.match(text, end)
    if not m:
        return None
    after = m.end()
    if after >= len(text) or not re.match(f"[{HAN}]", text[after]) or text[after] in NAME_STOP_CHARS:
        return m.group()
    tags = jieba_word_tags()
    if any(text[m.start():after + k] in tags for k in (1, 2)):
        return None  # the head opens a longer word (代表团, 书记处)
    # the word that follows (longest in the dictionary): the clause goes on with a verb,
    # preposition, adverb, adjective or noun (习近平主席同…, 总书记重要讲话, 教授团队)
    word = next((text[after:after + n] for n in (4, 3, 2) if text[after:after + n] in tags), text[after])
    if m.group() in TITLE_VERB_HEADS and tags.get(word, "?")[:1] in ("n", "?"):
        return None  # 习近平代表中共中央: the verb and its object (title_verb_heads.tsv)
    return m.group() if tags.get(word, "")[:1] in _CLAUSE_GOES_ON else None
