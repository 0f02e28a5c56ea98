"""Rule mentions: what the model misses or cuts short, found by the words that close names.

``add_rule_mentions(text, mentions, unit)``: the model's mentions of one text unit with rule
mentions added: organizations closed by a strong head noun (…有限公司, …党支部), known national and
international bodies by name (工业和信息化部, 全国政协), the items of a list of companies
(阿斯克建材、恒泰压铸等企业), names before a stock code (长安汽车(000625)), dictionary names before a
title (习近平总书记), regions by name (长三角), foreign parties before a title (``foreign_bodies.py``);
then the person rules of ``person_rules.py`` (names before and after titles, spaced name lists, lists
of names) and, last, the place rules of ``rule_places.py`` (division names from the gazetteer,
places closed by a sub-county ending, facility tails after a place).

>>> text = "交通运输部和工业和信息化部联合发文。"
>>> [(text[m.start:m.end], m.label) for m in add_rule_mentions(text, [Mention(6, 13, "ORG", 0)], 0)]
[('交通运输部', 'ORG'), ('工业和信息化部', 'ORG')]
"""
from __future__ import annotations

import re

from ..gazetteer import COUNTRIES_LONGEST_FIRST, REGIONS_FOUND_BY_NAME
from ..lexicons import alternation, lexicon
from ..resources import jieba_word_tags
from ..text.chars import HAN
from ..text.numerals import CN_DIGITS
from .name_words import (MEMBERSHIP_TITLES, TITLE_HEADS, COMPANY_NAME_ENDINGS, HEAD_WORD_NEXT, ORG_CATEGORY_WORDS, KNOWN_ORG_RE, NAME_STOP_CHARS,
                         NAME_STOP_VERBS, RULE_ORG_MAX_CHARS, STOP_CHAR_NAME_WORDS, STRONG_HEAD_RE, TITLE_HEAD_RE, division_covering,
                         NAME_STOP_VERBS_ANY, SPEECH_VERBS, has_verb_or_adverb)
from .foreign_bodies import foreign_body_spans, party_before_title_spans
from .heads import (COMPANY_HEAD_ENDINGS, COMPANY_WORDS, KNOWN_BRANDS, KNOWN_ORGANIZATIONS, ORG_HEAD_ENDINGS, PAPER_HEADS,
                    company_seat_at, company_seat_ending_at, sent_team_join)
from .rule_places import add_rule_places
from .person_rules import (add_foreign_names_after_titles, add_japanese_names_after_titles, add_names_after_titles, add_names_in_person_lists,
                           add_names_before_sessions, add_speaker_names, add_names_in_spaced_lists, add_tibetan_names,
                           add_titled_dictionary_names)
from .units import Mention, replacing_overlaps


# a date ends the clause before a name (2014年 + 大学毕业后: no body named 2014年大学), with the
# time of day or 起 after it (29日晚 + 应约同欧盟委员会…, 2月3日起 + 承担火神山医院…)
_DATE_END = re.compile(rf"[0-9{CN_DIGITS}]+[年月日](?:上午|下午|晚间|晚|起)?$")


#: "former", before a body's head word in a title (原党委委员, 原党工委书记)
_FORMER = "原"


def _rule_org_spans(text: str) -> list[tuple[int, int]]:
    tags = jieba_word_tags()
    spans = []
    floor = 0
    for m in STRONG_HEAD_RE.finditer(text):
        head_start, end = m.span()
        if head_start < floor or text[end:end + 1] in HEAD_WORD_NEXT or text.endswith(ORG_CATEGORY_WORDS, 0, end):
            continue  # 党组织, 党组长, 党委员, 大学生: other words that contain a head; 中小学: a category
        if text[head_start - 1:head_start] == _FORMER and text.endswith(ORG_HEAD_ENDINGS, 0, head_start - 1):
            continue  # 国家行政学院 + 原党委委员: a former member's title, the body is before 原 (not 天原集团)
        if tags.get(text[head_start - 1:head_start + 1], "")[:1] == "v" \
                or tags.get(text[head_start:end + 1], "")[:1] == "n" \
                or tags.get(text[end - 1:end + 1], "")[:1] == "v" and text[end:end + 2] not in tags:
            # 扩大 + 学前教育, 公司 + 法: a verb opens the head's first character, a noun goes on after
            # it; 社民党组 + 成: a verb closes with its last (not 党组 + 成员, a word of its own)
            continue
        start = head_start
        company = text.endswith(COMPANY_HEAD_ENDINGS, 0, end)
        while start > floor and head_start - start < RULE_ORG_MAX_CHARS \
                and not NAME_STOP_VERBS.search(text[max(floor, start - 4):start]) \
                and not _DATE_END.search(text, max(floor, start - 5), start):
            if company and text[start - 1] in "）)" and (seat := company_seat_ending_at(text, start)) is not None \
                    and seat.start() > floor:
                start = seat.start()  # 联邦快递 + （中国） + 有限公司: the seat is part of the name
                continue
            if text[start - 1] in NAME_STOP_CHARS:
                # 呼和浩特市公安局: a stop character inside a known division name is part of it
                covering = division_covering(text, start - 1, floor)
                if covering is None:
                    if text[start - 1:start + 1] in tags and head_start - start >= 3 \
                            and text[start:start + 2] not in tags:
                        # 各类职教集团: the stop character's own word (各类) goes with it; not when
                        # the next character opens a word of its own (改造为重症救治定点医院: 重症)
                        start += 1
                    break
                start = covering
                continue
            start -= 1
        # two characters or more before the head: 院党委 / 乡党委 are references, not names
        if head_start - start >= 2:
            spans.append((start, end))
        floor = end
    return spans


def _known_organization_spans(text: str) -> list[tuple[int, int]]:
    """Known bodies written in ``text``, unless a dictionary word crosses an edge of the match:
    教育部门 (a noun across the end) is a kind of office, 东北约100万 (a word across the start)
    no 北约. A function word at the
    edge ends the name whatever the dictionary says (在世卫组织: 在世 is a word too). A company's
    short name runs on over the words of company names after it (格力 + 电器, 上汽 + 通用 + 五菱)."""
    spans = []
    for s, e in _names_found(text, KNOWN_ORG_RE, bodies=True):
        # (only a company's: 联合国 + 生物多样性大会 is no 联合国生物)
        for _ in range(3 if KNOWN_ORGANIZATIONS.get(text[s:e]) == "company" else 0):
            word = next((w for w, not_before in COMPANY_NAME_ENDINGS if text.startswith(w, e)
                         and text[e + len(w):e + len(w) + 1] not in not_before), None)
            if word is None:
                break
            e += len(word)
        spans.append((s, e))
    return spans


_REGION_RE = re.compile(alternation(REGIONS_FOUND_BY_NAME))


def _named_region_spans(text: str) -> list[tuple[int, int]]:
    """Regions of several divisions written by name (长三角电力大动脉, 融入长三角区域), with the
    same edge checks as the known bodies."""
    return _names_found(text, _REGION_RE)


def _plain_word_run_on(text: str, tags: dict[str, str], start: int, end: int) -> bool:
    """``text[start:end]`` is a dictionary word other than a name (nt, nz) or an abbreviation (j),
    and no title (部长 ends one: 农业部 + 长 is the body and its head's title)."""
    return tags.get(text[start:end], "nt") not in ("nt", "nz", "j") and not text[start:end].endswith(TITLE_HEADS)


def _names_found(text: str, pattern: re.Pattern, bodies: bool = False) -> list[tuple[int, int]]:
    """Matches of ``pattern`` that no dictionary word runs across; for ``bodies`` also none a common
    word runs on from (三星 + 堆, 中国电 + 子商务: regions keep 长三角 + 地区)."""
    tags = jieba_word_tags()
    spans = []
    for m in pattern.finditer(text):
        s, e = m.span()
        if s > 0 and (text[s - 1] not in NAME_STOP_CHARS or text.startswith(STOP_CHAR_NAME_WORDS, s - 1)) \
                and text[s - 1:s + 1] in tags:
            continue  # (全国 + 新办: a word of names a stop character opens runs across the start, no 国新办)
        if s > 0 and text[s] in "万亿千百十" and (text[s - 1].isdigit() or text[s - 1] in CN_DIGITS):
            continue  # 64万达新高: a number's 万, no 万达
        if any(text[a:s + 1] in tags for a in range(max(0, s - 3), s - 1)):
            continue  # 风调雨顺 + 丰收: a longer word across the start, no 顺丰
        if e < len(text) and text[e] not in NAME_STOP_CHARS and tags.get(text[e - 1:e + 1], "")[:1] in ("n", "j") \
                and text[e:e + 2] not in tags:
            # a noun or an abbreviated one across the end (教育部门, 高通 + 胀); a verb there
            # (国务院联防联控机制发布) is the clause, and so is a word starting at the end
            # (工业和信息化部发布: 部发 is a noun too)
            continue
        if any(tags.get(text[a:b], "nt") not in ("nt", "nz")
               for a in range(max(0, s - 3), s) for b in range(e, min(len(text), e + 3) + 1)):
            continue  # a plain dictionary word holds the match: 实事求是, no 求是 (中国公安部 is a body)
        if bodies and not text.startswith(TITLE_HEADS, e):
            # the match opens the word (三星 + 堆, 农业部 + 门) or, unless it ends with a body's
            # head word, a character inside it does (中国电 + 子商务)
            starts = [s] if text[s:e].endswith(ORG_HEAD_ENDINGS) else [s, *range(s + 1, e - 1)]
            if any(_plain_word_run_on(text, tags, a, b) for a in starts for b in range(e + 1, min(len(text), e + 2) + 1)):
                continue  # a plain dictionary word the match opens or runs on into: 三星堆, 农业部门, 中国电子商务
        spans.append((s, e))
    return spans


#: the kinds of company a list of short company names goes with (company_kind_words.tsv: 企业, 门户网站)
_COMPANY_KINDS = alternation(lexicon("company_kind_words").words())
# 阿斯克建材、恒泰压铸、福星机械等企业: the items of a list closed by 等 + a kind of company
# are companies, however short their names.
_LISTED_COMPANIES = re.compile(
    rf"((?:[{HAN}A-Za-z0-9]{{2,10}}、)+[{HAN}A-Za-z0-9]{{2,10}})等(?:\d+家|多家|[{HAN}]{{0,2}}家)?"
    rf"(?:{_COMPANY_KINDS})")


# 这些公司包括EMS、顺丰、申通、圆通: the items of a list a kind of company opens with 包括, 例如, 比如, 如
_COMPANIES_AFTER_KIND = re.compile(
    rf"(?:{_COMPANY_KINDS})(?:包括|例如|比如|如(?![何果今此同]))[：:]?"
    rf"((?:[{HAN}A-Za-z0-9]{{2,6}}、)+[{HAN}A-Za-z0-9]{{2,6}}?)(?=等|[，。；,;）)]|$)")


#: a list item closed by a word of company names (保利影业、博纳文旅: 影业, 文旅), between 、 or
#: before 等: a company, even with no kind word after the list
_COMPANY_ITEM = rf"[{HAN}]{{2,6}}(?:{alternation(COMPANY_WORDS)})"
_LISTED_BY_ENDING = re.compile(rf"(?<=[、])({_COMPANY_ITEM})(?=[、等])|({_COMPANY_ITEM})(?=、)")


def _listed_company_spans(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    if "、" not in text:
        return []  # each of the three patterns below holds a list's 、 (and costs a scan of the text)
    # items closed by a company word count only in a list that names an organization too (中国长城
    # 保护协会、中青旅、保利影业、博纳文旅等: not the sectors of 信息通信、汽车与能源)
    spans = [m.span(1) if m.group(1) else m.span(2) for m in _LISTED_BY_ENDING.finditer(text)
             if not has_verb_or_adverb((m.group(1) or m.group(2))[:2])]
    spans = [(s, e) for s, e in spans if _list_names_an_organization(text, s, e, mentions)]
    for m in (*_LISTED_COMPANIES.finditer(text), *_COMPANIES_AFTER_KIND.finditer(text)):
        pos = m.start(1)
        for item in m.group(1).split("、"):
            # the first item may carry the clause before it (组织阿斯克建材): keep it only
            # when no verb or function word opens it
            # (nor when a clause verb inside it joins it to the clause: 首都互联网协会联合新浪)
            if len(item) >= 2 and not has_verb_or_adverb(item[:2]) and item[0] not in NAME_STOP_CHARS \
                    and not NAME_STOP_VERBS_ANY.search(item):
                spans.append((pos, pos + len(item)))
            pos += len(item) + 1
    return spans


#: a paper or journal named in title marks: by its head (《华盛顿邮报》), or by what is said of it
#: (据《纽约时报》报道, 《新英格兰医学杂志》, 《求是》杂志, 《科学》周刊)
_TITLED_OUTLET = re.compile(rf"《([{HAN}·]{{1,12}}(?:{alternation(PAPER_HEADS)}|杂志))》"
                            rf"|据《([{HAN}·]{{2,12}})》[^，。；《]{{0,4}}?报道"
                            rf"|《([{HAN}·]{{2,12}})》(?=杂志|周刊)")


#: a name in title marks ending in 报 that no paper head closes (《世界报》, 《俄罗斯报》): a paper
#: by what stands around it (paper_cues.tsv)
_TITLED_BAO = re.compile(rf"《([{HAN}·]{{1,12}}报)》")
_PAPER_CUES = lexicon("paper_cues").records()
_PUBLISHING_AFTER = re.compile(rf"(?:[0-9{CN_DIGITS}]{{1,3}}[日号]|{alternation(r.word for r in _PAPER_CUES if r.kind == 'time')})?"
                               rf"(?:{alternation([r.word for r in _PAPER_CUES if r.kind == 'publishes'] + list(SPEECH_VERBS))})")
_DOCUMENT_ENDINGS = tuple(r.word for r in _PAPER_CUES if r.kind == "document")


def _titled_outlet_spans(text: str) -> list[tuple[int, int]]:
    """The names inside title marks that are papers or journals (``_TITLED_OUTLET``), and the
    names ending in 报 that a country stands right before (西班牙《世界报》) or a word of publishing
    or saying comes after (《俄罗斯报》说, 《星期日图片报》27号援引), unless a document's ending
    closes them (《温室气体公报》称)."""
    spans = [next(m.span(k) for k in (1, 2, 3) if m.group(k)) for m in _TITLED_OUTLET.finditer(text)]
    for m in _TITLED_BAO.finditer(text):
        name = m.group(1)
        if name.endswith(PAPER_HEADS) or m.span(1) in spans:
            continue
        if text.endswith(COUNTRIES_LONGEST_FIRST, 0, m.start()) \
                or (_PUBLISHING_AFTER.match(text, m.end()) and not name.endswith(_DOCUMENT_ENDINGS)):
            spans.append(m.span(1))
    return spans


#: a listed company's name in quotes before a word of its stock (买入“暴风科技”400股: stock_words.tsv)
_QUOTED_STOCK = re.compile(rf"“([{HAN}A-Za-z]{{2,8}})”(?=[0-9.万亿]*(?:{alternation(lexicon('stock_words').words())}))")


#: a name in quotes right before the title of a post and a person the model found (“人权观察”执行主席罗斯,
#: “自由之家”总裁阿布拉莫维茨): the body the person holds the post in; a title of membership after the
#: quotes (“最美奋斗者”代表) names a group of people, no body
_QUOTED_BODY = re.compile(rf"[“「]([{HAN}A-Za-z]{{2,12}})[”」](?=[{HAN}]{{0,2}}?(?:{TITLE_HEAD_RE.pattern}))")


def _quoted_body_spans(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    person_starts = {m.start for m in mentions if m.label == "PER"}
    spans = []
    for m in _QUOTED_BODY.finditer(text):
        title = TITLE_HEAD_RE.search(text, m.end(), m.end() + 14)
        if title and title.end() in person_starts and not text.startswith(MEMBERSHIP_TITLES, title.start()) \
                and not any(p.label == "PER" and p.start < m.end(1) and p.end > m.start(1) for p in mentions):
            spans.append(m.span(1))
    return spans


def _quoted_stock_spans(text: str) -> list[tuple[int, int]]:
    """Names in quotes written before a word of their stock (``_QUOTED_STOCK``)."""
    return [m.span(1) for m in _QUOTED_STOCK.finditer(text)]


#: a name before a stock code in brackets (长安汽车(000625,股吧), 网盛生意宝(股票代码：002095)): a listed company
_CODE = r"[（(](?:股票代码[:：]?)?[0-9]{6}"
_STOCK_CODE = re.compile(_CODE)
_STOCK_CODE_AFTER = re.compile(rf"([{HAN}A-Za-z]{{2,10}}){_CODE}(?:[.,，]?S[HZ])?[,，)）]")
#: dictionary tags of the words that end the clause before such a name: verbs, prepositions,
#: conjunctions, pronouns, particles, adverbs, numerals, time words (还有 + 海油工程, 12月 + 华夏银行)
_CLAUSE_TAGS = ("v", "p", "c", "r", "u", "d", "m", "t", "q", "f")


def _stock_code_spans(text: str) -> list[tuple[int, int]]:
    """Names written right before a stock code (``_STOCK_CODE_AFTER``), from after the last word of
    the clause before them (a greedy longest match on the dictionary)."""
    if not _STOCK_CODE.search(text):
        return []  # (most texts hold no code: a plain scan instead of the name pattern's)
    tags = jieba_word_tags()
    spans = []
    for m in _STOCK_CODE_AFTER.finditer(text):
        s, e = m.span(1)
        if text[s] in "年月日号" and text[s - 1:s].isdigit():
            s += 1  # 12月 + 华夏银行: the date's character (the dictionary reads 月华 as a word)
        start, i = s, s
        while i < e:
            n = next((n for n in range(min(4, e - i), 1, -1) if text[i:i + n] in tags), 1)
            word = text[i:i + n]
            tag = tags.get(word, "")[:1]
            # (words of two characters or more; a verb or adverb only with three characters left
            # after it: 网|盛|生意|宝 is one name)
            if i + n < e and (n >= 2 and tag in _CLAUSE_TAGS and (tag not in "vd" or e - (i + n) >= 3)
                              or n == 1 and word in "年月日号和与跟及、"):
                start = i + n
            i += n
        if e - start >= 2:
            spans.append((start, e))
    return spans


_LIST_BREAKS = frozenset("，,。；;：:！？!?\n")


def _list_bounds(text: str, s: int, e: int) -> tuple[int, int]:
    """The span of the list around ``s:e``: between the clause breaks before and after it."""
    left = max((text.rfind(c, 0, s) for c in _LIST_BREAKS), default=-1) + 1
    right = min((k for k in (text.find(c, e) for c in _LIST_BREAKS) if k >= 0), default=len(text))
    return left, right


def _list_names_an_organization(text: str, s: int, e: int, mentions: list[Mention]) -> bool:
    """Another item of the list around ``s:e`` (between clause breaks) is an organization."""
    left, right = _list_bounds(text, s, e)
    return any(m.label == "ORG" and left <= m.start and m.end <= right and (m.end <= s or m.start >= e)
               for m in mentions)


#: a number and a measure word opening a would-be name (万亩高标准农田示范区): a description
def _join_senders_of_teams(text: str, mentions: list[Mention]) -> list[Mention]:
    """One team with the place or body that sent it: 云南 + 第七批支援 + 湖北医疗队 → 云南第七批支援湖北医疗队
    (the model tags only the team and the place it went to, as MSRA writes such names)."""
    for team in [m for m in mentions if m.label == "ORG" and text[m.end - 1:m.end] == "队"]:
        # the sender's mention, then the join (支援, 第七批支援) right before the team
        sender = next((m for m in mentions if m.label in ("LOC", "ORG") and m.end < team.start
                       and sent_team_join(text, m.start, team.end) == (m.end, team.start)), None)
        if sender is not None:
            mentions = replacing_overlaps(mentions, Mention(sender.start, team.end, "ORG", team.unit))
    return mentions


#: the untagged words before a listed name that can be its body: Han characters, no break
_SPEAKER_BODY = re.compile(rf"[{HAN}]{{2,10}}")


def _bodies_of_listed_speakers(text: str, mentions: list[Mention], unit: int) -> list[Mention]:
    """In a list of names each written after its body (东方证券邵宇、申洲国际马建荣、树根互联贺东东等发了言),
    the words between a 、 and a name are that name's body when another item of the list is a body
    the model tagged right before its name. A list with no such item adds nothing (刘某、李某)."""
    people = [m for m in mentions if m.label == "PER"]
    org_ends = {m.end for m in mentions if m.label == "ORG"}
    added = []
    for person in people:
        item_start = person.start
        while item_start > 0 and text[item_start - 1] != "、" and text[item_start - 1] not in _LIST_BREAKS \
                and person.start - item_start < 10:
            item_start -= 1
        if text[item_start - 1:item_start] != "、" or item_start == person.start \
                or any(m.start < person.start and m.end > item_start and not (
                    m.label == "LOC" and m.start >= item_start) for m in mentions):
            continue  # (a place the model read inside the body goes: 申洲 of 申洲国际)
        if not _SPEAKER_BODY.fullmatch(text, item_start, person.start) \
                or has_verb_or_adverb(text[item_start:item_start + 2]):
            continue
        # the list's other items: an organization the model tagged, ending where its person starts
        left, right = _list_bounds(text, item_start, person.end)
        if any(o.start in org_ends and left <= o.start and o.end <= right and o is not person for o in people):
            added.append(Mention(item_start, person.start, "ORG", unit))
    for body in added:
        mentions = replacing_overlaps(mentions, body)
    return mentions


def add_rule_mentions(text: str, mentions: list[Mention], unit: int) -> list[Mention]:
    """Add organization and place mentions the model missed or cut short.

    A rule organization replaces the model mentions inside it (the model often tags
    only the tail, 职业装有限公司 of 际华3502职业装有限公司). A rule place is added only
    where nothing is tagged, after a locative (在/到/赴…) or right after another place
    (到青园街道谈中园小区).
    """
    # 淘宝, 戴尔, 斯柯达: a "person" with a brand's name is the company (known_brands.tsv)
    mentions = [Mention(m.start, m.end, "ORG", unit) if m.label == "PER" and text[m.start:m.end] in KNOWN_BRANDS
                else m for m in mentions]
    for s, e in _rule_org_spans(text):
        inside = [m for m in mentions if m.start < e and m.end > s]
        if any(m.label == "PER" and (m.start < s or m.end > e) for m in inside):
            continue  # a person name crosses the boundary: trust the model
        # (葛兰素史克 + （中国）投资有限公司: a "person" right before a company's seat is its name)
        people = [m for m in inside if m.label == "PER" and not (m.end < e and company_seat_at(text, m.end))]
        if people:
            # 医疗队员陈锦王最早一批进驻江汉方舱医院: a person the model found is no part of
            # the name; the organization starts after the last one
            s = max(m.end for m in people)
            inside = [m for m in inside if m.start >= s]
            if e - s < 3:
                continue
        start = min([s] + [m.start for m in inside if m.label in ("LOC", "ORG")])
        end = max([e] + [m.end for m in inside if m.label == "ORG"])
        mentions = replacing_overlaps(mentions, Mention(start, end, "ORG", unit))
    for s, e in _listed_company_spans(text, mentions):
        if not any(m.start <= s and m.end >= e and m.label == "ORG" for m in mentions):
            mentions = replacing_overlaps(mentions, Mention(s, e, "ORG", unit))
    for s, e in _known_organization_spans(text):
        inside = [m for m in mentions if m.start < e and m.end > s]
        if any(m.label == "PER" and (m.start < s or m.end > e) or (m.label == "ORG" and m.start <= s and m.end >= e)
               for m in inside):
            continue  # a longer organization holds it (国务院办公厅), or a person crosses it (华为 alone is the company)
        mentions = replacing_overlaps(mentions, Mention(s, e, "ORG", unit))
    for s, e in _titled_outlet_spans(text) + _quoted_stock_spans(text) + _stock_code_spans(text):
        # (the model's reading of the outlet with its marks or its issue goes: 第7期《求是》杂志)
        if not any(m.label == "PER" and m.start < e and m.end > s for m in mentions):
            mentions = replacing_overlaps(mentions, Mention(s, e, "ORG", unit))
    for s, e in _quoted_body_spans(text, mentions):
        if not any(m.label == "ORG" and m.start <= s and m.end >= e for m in mentions):
            mentions = replacing_overlaps(mentions, Mention(s, e, "ORG", unit))
    titles = [t.span() for t in TITLE_HEAD_RE.finditer(text)]  # read by four rules below
    person_starts = {m.start for m in mentions if m.label == "PER"}
    for s, e in foreign_body_spans(text, titles) + party_before_title_spans(text, titles, person_starts):
        inside = [m for m in mentions if m.start < e and m.end > s]
        # a person of two characters or more inside is the model's reading (刚果（金）: 金 is none)
        if not any(m.label == "PER" and m.end - m.start >= 2 or m.label == "ORG" and m.start <= s and m.end >= e
                   for m in inside):
            mentions = replacing_overlaps(mentions, Mention(s, e, "ORG", unit))
    for s, e in _named_region_spans(text):
        inside = [m for m in mentions if m.start < e and m.end > s]
        # untagged, or tagged in pieces (粤 + 港 + 澳 of 粤港澳大湾区, 中亚 of 中亚五国)
        if all(m.label == "LOC" and s <= m.start and m.end <= e for m in inside):
            mentions = replacing_overlaps(mentions, Mention(s, e, "LOC", unit))
    mentions = _join_senders_of_teams(text, mentions)
    mentions = add_names_in_spaced_lists(text, mentions, unit)
    mentions = add_titled_dictionary_names(text, mentions, unit, titles)
    mentions = add_names_after_titles(text, mentions, unit, titles)
    mentions = add_foreign_names_after_titles(text, mentions, unit, titles)
    mentions = add_japanese_names_after_titles(text, mentions, unit, titles)
    mentions = add_names_in_person_lists(text, mentions, unit)
    mentions = add_tibetan_names(text, mentions, unit)
    mentions = add_names_before_sessions(text, mentions, unit)
    mentions = add_speaker_names(text, mentions, unit)
    mentions = _bodies_of_listed_speakers(text, mentions, unit)
    return add_rule_places(text, mentions, unit)
