"""Sanitising: the mentions of one text unit that cannot be names dropped, and the ones a rule can
repair repaired.

Contract
--------
``sanitise(text, m) -> Optional[Mention]``: one mention of ``text`` (after the rule mentions and the
trimming of ``mentions.unit_mentions``) as it should stand, or ``None`` when it is no name: common
words and parts of idioms (返乡, 众志成城), things named with a number (天河一号), a country
abbreviation pair (俄乌冲突), a department without its body; places the model called organizations
or people relabelled (北京新发地市场, 哈尔科夫), a person the model read as a place before a title
(钟南山院士), a name the model cut one character short completed (叶刘淑 + 仪).

The word lists are loaded once, in ``name_words.py``.

>>> text = "邀请钟南山院士等多位专家。"
>>> sanitise(text, Mention(2, 5, "LOC", 0)).label
'PER'
"""
from __future__ import annotations

import re
from typing import Optional

from ..gazetteer import COUNTRIES, COUNTRIES_LONGEST_FIRST, ETHNIC_GROUPS, PLACES_KNOWN_BY_NAME, country_at, divisions, place_level, prefecture_short_names
from ..lexicons import alternation, lexicon, word_at
from ..resources import jieba_module, jieba_word_tags
from ..text.chars import CLOSE_DOUBLE_QUOTES, HAN, is_han
from ..text.numerals import CN_DIGITS
from .edges import is_transliterated
from .heads import KNOWN_ORGANIZATIONS, KNOWN_ORGANIZATIONS_BY_FIRST, ORG_HEAD_ENDINGS, ORG_HEADS, department_kind_at
from .name_words import (ZONE_ENDINGS, is_named_venue, FOREIGN_CITIES, LOCATIVE_BEFORE, ORG_CATEGORY_WORDS, ORG_NAMED_THING_RE, COMMON_WORD_TAGS, DEPARTMENT, DIVISION_SUFFIX_CHARS, FACILITY_TAILS, HALF_SUFFIX,
                         LOCAL_SUFFIXES, NAME_STOP_CHARS, PLACE_WORD_AFTER_NAME, VILLAGE_VERB_WORDS,
                         VILLAGE_WORD_NEXT, PEOPLE_OF_PLACE, NAMED_AFTER_WORDS, COUNTED_BODIES, COUNT_BEFORE_CLASSIFIER,
                         ORG_COUNT_CLASSIFIERS, ROUTE_TAILS, EVENT_ENDINGS,
                         COUNTRY_ABBREVIATIONS, COUNTRY_PAIR_NOUNS, PROVINCE_ABBREVIATIONS,
                         PROVINCE_PAIR_NOUNS, PLACE_VERBS_BEFORE_NAME, NOT_PLACE_START, TITLE_HEAD_RE, KNOWN_FOREIGN_PLACES, FOREIGN_PLACES, SPEECH_VERBS,
                         PLACE_NOUNS_BEFORE_NAME, PERSON_CUES_BEFORE, PERSON_CUES_AFTER, MEMBERSHIP_TITLES,
                         LANGUAGE_WORD_NEXT_CHARS, CLAUSE_CHARS_AFTER_NAMES, COMMON_SURNAMES, DOUBLE_SURNAMES, TITLE_HEADS,
                         division_covering)
from .units import Mention

#: one-character place suffixes that make a foreign "person" before them a place (马图阿 + 岛, 波特兰 + 市)
_SUFFIXES_AFTER_FOREIGN_NAMES = tuple(lexicon("place_suffixes").flagged("after_foreign_name"))
#: words after a foreign name that make it a people's (库尔德 + 人, 犹太 + 人): people_words_after_names.tsv
_PEOPLE_WORDS_AFTER = tuple(lexicon("people_words_after_names").words())

# jieba tags (first letter) of a word that can open a place name (向阳: nr; not 到达: v)
NAME_WORD_TAGS = ("n",)

#: jieba tags of the words that make the part before a route word a clause: adverb, numeral,
#: locative, preposition, pronoun, verb, adjective (不通, 多条, 一条)
_CLAUSE_TAGS = ("d", "m", "f", "p", "r", "v", "a")
_OPENING_CLAUSE_TAGS = ("m", "f", "p", "r")


def _clause_word_in(prefix: str) -> Optional[int]:
    """Where a word of the clause starts in what stands before a route word (罗城|不通 → 2), or
    None when the prefix reads as a name (京沪, 拉林, 张呼)."""
    tags = jieba_word_tags()
    at = 0
    for word in jieba_module().cut(prefix):
        tag = tags.get(word, "")[:1]
        # (an opening adverb or verb may be a place's character: 连霍高速)
        if tag in _CLAUSE_TAGS if at else tag in _OPENING_CLAUSE_TAGS:
            return at
        at += len(word)
    return None


def _title_inside(name: str) -> int:
    """Where a foreign name starts after a title head the model tagged with it (卡塔尔埃米尔塔米姆 →
    6: 塔米姆, two transliteration characters or more); 0 when there is none."""
    for t in reversed(list(TITLE_HEAD_RE.finditer(name))):
        rest = name[t.end():]
        if t.start() > 0 and len(rest) >= 2 and is_transliterated(rest):
            return t.end()
    return 0


def _untitled_and_silent(text: str, m: Mention) -> bool:
    """No title before the mention and no verb of saying or form of address after it: a
    prefecture's two-character name read as a person (蚌埠157个库点, 许昌的企业) is the city."""
    return not text.endswith(TITLE_HEADS + PERSON_CUES_BEFORE, 0, m.start) \
        and not text.startswith(SPEECH_VERBS + PERSON_CUES_AFTER, m.end)


def _written_with_suffix(text: str, name: str) -> bool:
    """Whether the text also writes ``name`` as a division with its suffix (黄冈 and 黄冈市): then a
    two-character "person" 黄冈 is the place (a person 高明 in a story that names 高明区 is rare)."""
    at = text.find(name)
    while at >= 0:
        suffix = text[at + len(name):at + len(name) + 1]
        if suffix and suffix in DIVISION_SUFFIX_CHARS:
            return True
        at = text.find(name, at + 1)
    return False


def sanitise(text: str, m: Mention) -> Optional[Mention]:
    """Drop or repair mentions that cannot be names."""
    name = text[m.start:m.end]
    if _cuts_latin_word(text, m.start, m.end):
        return None  # amongthesile of “amongthesilenttrees”: a piece of an English word, no name
    if m.label == "PER" and len(name) >= 3 and name.endswith("网"):
        return Mention(m.start, m.end, "ORG", m.unit)  # 艾瑞网记者, 高朋网: a website, no person
    if m.label in ("PER", "LOC") and m.start > 0 and text[m.start - 1:m.end] in FOREIGN_PLACES:
        return Mention(m.start - 1, m.end, "LOC", m.unit)  # 汗 + 尤尼斯: the model left out the place's first character
    if m.label == "PER" and text.endswith(PLACE_NOUNS_BEFORE_NAME + PLACE_VERBS_BEFORE_NAME, 0, m.start) \
            and is_transliterated(name) and not text.startswith(SPEECH_VERBS, m.end):
        return Mention(m.start, m.end, "LOC", m.unit)  # 北部重镇佩斯基, 闯入拉姆安拉: a town, not a person
    if m.label == "PER" and len(name) == 3 and name[2] in CLAUSE_CHARS_AFTER_NAMES and is_han(text[m.end:m.end + 1]) \
            and (name[0] in COMMON_SURNAMES or is_transliterated(name[:2])) and name[:2] not in DOUBLE_SURNAMES:
        return Mention(m.start, m.end - 1, "PER", m.unit)  # 穆雷 + 偕当地政要, 傅莹 + 作的: the clause's adverb or verb
    if m.label == "PER" and len(name) == 3 and name[:2] in DOUBLE_SURNAMES and _name_char_before_clause(text, m.end):
        return Mention(m.start, m.end + 1, "PER", m.unit)  # 叶刘淑 + 仪表示: a joined surname and two characters
    if m.label == "PER" and len(name) >= 3 and name[0] in "同和与" and is_transliterated(name[1:]) \
            and text.endswith(TITLE_HEADS, 0, m.start):
        return Mention(m.start + 1, m.end, m.label, m.unit)  # 习近平主席同 + 莫迪总理: the conjunction opens no name
    if m.label == "PER" and (inside := _title_inside(name)):
        return Mention(m.start + inside, m.end, m.label, m.unit)  # 卡塔尔埃米尔 + 塔米姆: the title is no name
    if m.label == "LOC" and text[m.end:m.end + 1] in ("区", "县") and place_level(name[-2:]) == "landmark" \
            and name[-2:] + text[m.end] in divisions():
        return Mention(m.start, m.end + 1, "LOC", m.unit)  # 杭州西湖 + 区: the district, not the lake
    if _NUMBERED_THING.search(name) or m.label == "LOC" and _THING_NUMBER.match(text, m.end):
        return None  # 谷神星一号遥四运载火箭, “天河一号”, 吉林 + 一号卫星: a rocket, a computer, a satellite
    if m.label == "LOC" and (whole := next((k for k in (2, 1) if text[m.start:m.end + k] in PLACES_KNOWN_BY_NAME), None)):
        return Mention(m.start, m.end + whole, "LOC", m.unit)  # 加沙 + 地带: a place known by its whole name
    if m.label == "LOC" and (event := _EVENT_OPENING.match(name)) and name[event.end():] in divisions():
        # 冬奥会 + 延庆 (of 北京冬奥会延庆赛区): the games are no place, the division after them is
        # (not 世博会 + 博物馆, a museum's name)
        return Mention(m.start + event.end(), m.end, "LOC", m.unit)
    if m.label == "LOC" and _COUNTED_DIVISIONS.search(name) and name not in divisions():
        return None  # 首都圈 + 3县, 全美50州: a count of divisions, no division's name
    if m.label == "LOC" and name.endswith("峰") and text[m.end:m.end + 1] == "会":
        # G20大阪峰会, 中海峰会: a summit (峰会), no peak; the place before it when one is known
        short = name[:-1]
        known = short in PLACES_KNOWN_BY_NAME or short in KNOWN_FOREIGN_PLACES or short in divisions()
        return Mention(m.start, m.end - 1, "LOC", m.unit) if known else None
    if m.label == "LOC" and len(name) >= 3 and name[0] in COUNTRY_ABBREVIATIONS and name not in COUNTRIES \
            and name not in KNOWN_FOREIGN_PLACES:
        # 美多州, 美得州, 俄阿斯特拉罕州: a country's one-character name before a place of it (or
        # before a count of its states: no place)
        if name[1] in NOT_PLACE_START:
            return None
        rest = name[1:]
        if rest in KNOWN_FOREIGN_PLACES or rest.rstrip("州") in FOREIGN_PLACES or rest in COUNTRIES:
            # (在巴 + 中国机构: the one-character name ends a phrase of its own, the country opens the next)
            return Mention(m.start + 1, m.end, "LOC", m.unit)
    if m.label == "LOC" and text[m.end:m.end + 1] == "语" and text[m.end + 1:m.end + 2] not in LANGUAGE_WORD_NEXT_CHARS["语"]:
        return None  # 维吾尔语, 朝鲜语: a language, no place (语言, 语音, 语文 … are words of their own)
    # (three characters at least, and no body's word after the suffix: 通讯员王娜 + 市委宣传部)
    if m.label == "PER" and len(name) >= 3 and text.startswith(_SUFFIXES_AFTER_FOREIGN_NAMES, m.end) \
            and is_transliterated(name, rare=1) and text[m.end + 1:m.end + 2] not in ("委", "政") \
            and not text.startswith(TITLE_HEADS, m.end) and not text.endswith(TITLE_HEADS, 0, m.start):
        return Mention(m.start, m.end + 1, "LOC", m.unit)  # 马图阿 + 岛, 波特兰 + 市中心: a foreign place
    if m.label == "PER" and name in FOREIGN_PLACES and not text.startswith(SPEECH_VERBS, m.end) \
            and not text.endswith(TITLE_HEADS, 0, m.start):
        return Mention(m.start, m.end, "LOC", m.unit)  # 哈尔科夫, 赫尔松: a foreign place (foreign_places.tsv)
    if m.label == "PER" and name in KNOWN_FOREIGN_PLACES and m.start > 0 and text[m.start - 1] in LOCATIVE_BEFORE:
        return Mention(m.start, m.end, "LOC", m.unit)  # 在 + 塔什干 + 会见: a city after a locative, whatever follows
    if m.label == "PER" and name in ETHNIC_GROUPS:
        return None  # 毛南族: one of China's peoples, no person
    if m.label == "PER" and _AWARD_AFTER.match(text, m.end):
        return None  # 诺贝尔 + 物理学奖, 鲁迅 + 文学奖: an award named after someone, no mention of them
    if m.label == "LOC" and _AWARD_AFTER.match(text, m.end) and name not in COUNTRIES and name not in divisions():
        return None  # 长江 + 韬奋奖: an award's name, no place (中国 + 新闻奖 and 北京 + …奖 stay)
    if m.label == "LOC" and name in COUNTRIES and m.start > 0 and text[m.start - 1:m.start + 1] in jieba_word_tags() \
            and text[m.end - 1:m.end + 2] in jieba_word_tags():
        return None  # 闽南 + 非物质文化遗产: words run across both edges of 南非, no country there
    if m.label == "LOC" and name in COUNTRIES and text[m.end:m.end + 1] == "文" \
            and text[m.end + 1:m.end + 2] not in LANGUAGE_WORD_NEXT_CHARS["文"]:
        return None  # 西班牙文版: a language, no place (not 中国文化, 英国文学: words of their own)
    if m.label in ("PER", "LOC") and (longer := next((k for k in (1, 2) if text[m.start:m.end + k] in PLACES_KNOWN_BY_NAME), None)):
        return Mention(m.start, m.end + longer, "LOC", m.unit)  # 扎波罗 + 热: a place the model cut short
    if m.label == "LOC" and _ship_mark_at(text, m.end, "place"):
        return None  # 太原 + 舰, 巢湖舰: a warship named after a city, no place (东海舰队 stays a fleet)
    if m.label in ("PER", "LOC", "ORG") and _inside_ship_name(text, m):
        return None  # “中远荷兰”号: a ship's name, nothing in it is a person, a place or a body
    if m.label == "LOC" and name[:-1] in COUNTRIES and name[-1] in CLAUSE_CHARS_AFTER_NAMES:
        return Mention(m.start, m.end - 1, "LOC", m.unit)  # 卡塔尔 + 都在努力: the clause's adverb
    if m.label == "ORG" and name[-2:-1] in CLOSE_DOUBLE_QUOTES and _ship_mark_at(text, m.end - 1, "quote"):
        country = country_at(name, 0)  # 韩国“世越”号: a ship's name, no body; its country is a place
        return Mention(m.start, m.start + len(country), "LOC", m.unit) if country else None
    if m.label == "PER" and text[m.end:m.end + 1] == "语" and text[m.end + 1:m.end + 2] not in LANGUAGE_WORD_NEXT_CHARS["语"]:
        return None  # 塔吉克 + 语版: a language's people, no person
    if m.label == "LOC" and text.startswith(_PEOPLE_WORDS_AFTER, m.end) and is_transliterated(name, rare=1) \
            and name not in COUNTRIES and name not in PLACES_KNOWN_BY_NAME and name not in divisions():
        # 库尔德人, 犹太人定居点, 库尔德武装: a people or a faction (people_words_after_names.tsv);
        # the country written before it stays (也门 of 也门胡塞武装)
        country = country_at(name, 0)  # (the name is no country's: see above)
        return Mention(m.start, m.start + len(country), "LOC", m.unit) if country else None
    if m.label == "LOC" and text[m.end:m.end + 1] == "国" and name + "国" in COUNTRIES:
        return Mention(m.start, m.end + 1, "LOC", m.unit)  # 同蒙古国签署: the state's name is 蒙古国
    if name in KNOWN_ORGANIZATIONS:
        return Mention(m.start, m.end, "ORG", m.unit)
    if m.label == "LOC" and _person_before_title(text, m, name):
        return Mention(m.start, m.end, "PER", m.unit)  # 邀请钟南山院士: a person (jieba and the model: a mountain)
    if m.label == "ORG" and len(name) == 2 and all(c in COUNTRY_ABBREVIATIONS for c in name):
        return None  # 中缅 + 油气管道项目, 中美: two countries' short names, no body
    if m.label == "ORG" and name.startswith("号"):
        return None  # “和平方舟”号医院船, “福特”号航空母舰: a ship's name cut at its quotes, no body
    if m.label == "ORG" and name[0] in PROVINCE_ABBREVIATIONS and text[m.start - 1:m.start] in _LOCATIVE_CHARS \
            and any(name.startswith(k, 1) for k in KNOWN_ORGANIZATIONS_BY_FIRST.get(name[1:2], ())):
        return Mention(m.start + 1, m.end, "ORG", m.unit)  # 在京 + 中共中央政治局: 京 is where, not the body
    if m.label == "ORG" and department_kind_at(text, m.end):
        # 江西农业部 + 门, 意大利卫生部 + 门: departments of a kind, no ministry; the place stays
        k = next((k for k in range(min(len(name) - 1, 6), 1, -1) if name[:k] in divisions() or name[:k] in COUNTRIES), 0)
        return Mention(m.start, m.start + k, "LOC", m.unit) if k else None
    if m.label == "ORG" and len(name) == 2 and text.startswith(MEMBERSHIP_TITLES, m.end):
        return None  # 10位政协委员, 人大代表: a member's title, no mention of a body
    if m.label == "ORG" and name.endswith("集团") and text[m.end:m.end + 1] == "军":
        return Mention(m.start, m.end + 1, "ORG", m.unit)  # 陆军第81集团 + 军: an army, no company
    if m.label == "ORG" and name in divisions():
        return Mention(m.start, m.end, "LOC", m.unit)  # 山海关 (a district) is no customs house
    if m.label == "ORG" and text[m.start - 1:m.start] == "援" and name[0] in PROVINCE_ABBREVIATIONS:
        return Mention(m.start - 1, m.end, "ORG", m.unit)  # 援鄂医疗队: 援 + 鄂 is the team's name
    if m.label == "PER" and (name in COUNTRIES or name in divisions() and (
            len(name) >= 3 or _PLACES_LIST_AFTER.match(text, m.end)
            or (_written_with_suffix(text, name) or name in prefecture_short_names()) and _untitled_and_silent(text, m))):
        # 霍尔果斯、阿拉山口, 马耳他, 武威、张掖等地: a place, not a person; a two-character
        # division name only in a list of places (高明说, 王强、高平、李明三人 are people)
        return Mention(m.start, m.end, "LOC", m.unit)
    if m.label == "PER" and all(c in COUNTRY_ABBREVIATIONS for c in name) and (
            len(name) >= 3 and not (text.endswith(TITLE_HEADS, 0, m.start) and text[m.end:m.end + 1] not in "两三四五六七八九十几多各诸"
                                    and not text.startswith(COUNTRY_PAIR_NOUNS, m.end))
            or len(name) == 2 and text.startswith(COUNTRY_PAIR_NOUNS, m.end)):
        # 俄乌冲突, 卡俄土三方会议, 代表中美俄英法五国: a group of countries (校长韩英, 记者韩越, 发言人巴加埃
        # 今天表示 are people)
        return None
    if m.label == "PER" and len(name) >= 3 and all(c in PROVINCE_ABBREVIATIONS for c in name):
        return Mention(m.start, m.end, "LOC", m.unit)  # 江浙沪, 滇黔桂: a group of provinces
    if m.label == "PER" and len(name) == 2 and all(c in PROVINCE_ABBREVIATIONS for c in name) \
            and text.startswith(PROVINCE_PAIR_NOUNS, m.end):
        return None  # 云贵电力互联通道, 川渝地区: a pair of provinces (鲁豫 alone is a person)
    if m.label == "PER" and name.endswith("高") and text[m.end:m.end + 1] == "铁":
        return Mention(m.start, m.end + 1, "LOC", m.unit)  # 张呼高 + 铁: a high-speed line (张呼高铁)
    if m.label == "PER" and (name.startswith("·") or name.endswith("·")):
        # ······习近平: a dot run written as an ellipsis, no part of the name
        dots_before, dots_after = len(name) - len(name.lstrip("·")), len(name) - len(name.rstrip("·"))
        return Mention(m.start + dots_before, m.end - dots_after, m.label, m.unit) \
            if m.end - dots_after - m.start - dots_before >= 2 else None
    if m.label == "PER" and (tail := PLACE_WORD_AFTER_NAME.search(name)) and tail.end() == len(name) \
            and tail.start() >= 2 and tail.group() in FACILITY_TAILS:
        return Mention(m.start, m.end, "LOC", m.unit)  # 拉林铁路 as a "person": a railway
    if m.label == "PER" and (tail := PLACE_WORD_AFTER_NAME.search(name)) and tail.end() == len(name) \
            and tail.group() in ROUTE_TAILS:
        return None  # 商合 + 杭高铁: the end of a route's name, the rest cut off
    if m.label == "PER" and is_han(text[m.end:m.end + 1]) and text[m.end] not in NAME_STOP_CHARS \
            and (tail := PLACE_WORD_AFTER_NAME.match(text, m.end + 1)) and tail.group() in ROUTE_TAILS:
        return Mention(m.start, tail.end(), "LOC", m.unit)  # 张吉 + 怀 + 高铁: a route through three cities
    if m.label == "PER" and (tail := PLACE_WORD_AFTER_NAME.match(text, m.end)):
        # (乌东德 + 水电站, 张江高科 + 片区: a venue or a zone named after the place is one place too)
        end = tail.end() if tail.group() in FACILITY_TAILS or tail.group() in ZONE_ENDINGS \
            or is_named_venue(name + tail.group()) else m.end
        return Mention(m.start, end, "LOC", m.unit)
    if (m.label == "PER" or m.label == "LOC" and name not in COUNTRIES and name not in divisions()) \
            and word_at(text, m.end, NAMED_AFTER_WORDS):
        return None  # 南丁格尔奖, 白求恩奖章: a prize named after a person, no mention of them
    if m.label == "PER" and (k := _division_opening(name)):
        return Mention(m.start, m.start + k, "LOC", m.unit)  # 家住湾沚区华庆社区: 湾沚区 + 华 is no person
    if m.label == "PER":
        # 河北日报记者 张 昊摄: the photo credit's 摄 is not part of the name
        if name.endswith("摄") and len(name.replace(" ", "")) >= 3:
            return Mention(m.start, m.end - 1, m.label, m.unit)
        return m
    if m.label == "LOC" and m.start > 0 and text[m.start - 1] in NAME_STOP_CHARS \
            and name.endswith(LOCAL_SUFFIXES) \
            and jieba_word_tags().get(text[m.start - 1:m.start + 1], "v")[:1] in NAME_WORD_TAGS:
        # 在向阳街道 → 阳街道: the model read 向 as a preposition, but 向阳 is a word: the name starts there
        return Mention(m.start - 1, m.end, m.label, m.unit)
    route = next((r for r in ROUTE_TAILS if name.endswith(r) and len(name) > len(r)), None) \
        if m.label == "LOC" else None
    if route and place_level(name[:-len(route)]) not in ("region", "landmark"):
        return Mention(m.start, m.end - len(route), m.label, m.unit)  # 青海格尔木铁路: the route runs there
    if route and (clause := _clause_word_in(name[:-len(route)])) is not None:
        # 罗城不通高速, 辽宁省内多条高速: a clause, not a route's name; the division before it stays
        place = next((k for k in range(clause, 1, -1) if name[:k] in divisions()), clause)
        return Mention(m.start, m.start + place, m.label, m.unit) if place >= 2 else None
    if m.label == "LOC" and PEOPLE_OF_PLACE.match(text, m.end):
        return None  # 哈尼族群众, 非洲裔男子: a people, not a place
    if m.label == "LOC" and _inside_a_set_phrase(text, m):
        return None  # 金山 + 银山 of “金山银山”, 南海北 of 天南海北: a phrase, no place (place_like_phrases.tsv)
    if m.label == "LOC" and (longer := _division_ending_at(text, m)) is not None:
        # 贵州 + 紫云苗族布依族自治县 of which the model tagged 布依族自治县: the whole division
        m, name = longer, text[longer.start:longer.end]
    if m.label == "LOC" and m.start > 0 and text[m.start - 1] not in NAME_STOP_CHARS \
            and text[m.start - 1] not in DIVISION_SUFFIX_CHARS \
            and text[m.start - 1:m.start + 1] in jieba_word_tags() and name not in divisions() \
            and name not in COUNTRIES and not _opens_with_place_word(text, m) and not _after_a_country(text, m):
        # 贯通河长, 助力斯经济: a word runs across the start, no name starts here (after a
        # division's suffix one does: 赛罕区 + 星河丽景小区, though 区星 is in the dictionary; and
        # after a country's name: 以色列 + 特拉维夫, though 列特 is too; and a country's whole
        # name: 在约旦的, though 在约 is a word)
        return None
    if m.label in ("LOC", "ORG") and name[-1:] in HALF_SUFFIX and text[m.end:m.end + 1] == HALF_SUFFIX[name[-1]]:
        # 卫星街西段社 + 区: the model stopped one character short of the suffix
        m = Mention(m.start, m.end + 1, m.label, m.unit)
        name = text[m.start:m.end]
    tags = jieba_word_tags()
    tag = tags.get(name)
    # jieba tags many small places as plain nouns (大红门, 方庄): 'n' only disqualifies organizations
    # (约旦 and 也门 are tagged adverbs: a country's whole name is never the common word)
    if tag in COMMON_WORD_TAGS and name not in divisions() and name not in COUNTRIES and (
            tag != "n" or m.label == "ORG" or (len(name) >= 4 and place_level(name) == "region")) \
            and not _party_before_its_title(text, m, name) and not (m.label == "LOC" and name in FOREIGN_CITIES):
        # …but a four-character noun with no place suffix is not a place (众志成城); a foreign city
        # the dictionary mis-tags is (首尔 is an adverb there, 拿骚 a verb: foreign_cities.tsv)
        return None
    for a, b in ((m.start - 1, m.end), (m.start, m.end + 1), (m.start - 1, m.end + 1)):
        window = text[max(a, 0):b]
        if len(window) >= 4 and tags.get(window) in COMMON_WORD_TAGS:
            return None  # part of a longer common word or idiom: 众志成城 → 志成城
    if m.label == "ORG" and name.endswith(ORG_CATEGORY_WORDS):
        return None  # 上海中小学: a category of bodies, none named
    if m.label == "ORG" and (thing := ORG_NAMED_THING_RE.match(text, m.end)) \
            and not any(tags.get(text[i:i + 2]) == "v" for i in range(m.end, thing.end() - 2)):
        return None  # 道琼斯工业平均指数: an index named after the company (统计局发布指数: a verb between)
    if m.label == "ORG" and _LATIN_WORD.fullmatch(name):
        return None  # (Neil Armstrong), (State University of New York): a word of an English gloss
    if m.label == "ORG" and (count := COUNTED_BODIES.search(name)) and name not in KNOWN_ORGANIZATIONS \
            and division_covering(text, m.start + count.start(), m.start) is None \
            and not any(c in name[count.end():] for c in "村镇乡"):
        # 16座方舱医院, 火神山两家医院, 一些医院: bodies counted, none named (五家渠市人民医院 and
        # 三家店村委会 are named after places)
        return None
    if m.label == "ORG" and name.startswith(ORG_COUNT_CLASSIFIERS) and name not in KNOWN_ORGANIZATIONS \
            and COUNT_BEFORE_CLASSIFIER.search(text, max(0, m.start - 6), m.start):
        return None  # 12 + 家股份制商业银行: the model left the number out of the same count
    if m.label == "ORG" and len(name) == 2 and m.start >= 2 and any(
            tags.get(w) in COMMON_WORD_TAGS for w in (text[m.start - 2:m.start + 1], text[m.end - 1:m.end + 2])):
        return None  # 残疾人大提琴: a word of three across an edge of a short name, no 人大
    if m.label == "ORG" and not text.startswith(TITLE_HEADS, m.end) and (
            any(tags.get(text[m.start:m.end + k]) in COMMON_WORD_TAGS for k in (1, 2))
            or not name.endswith(ORG_HEAD_ENDINGS) and any(
                tags.get(w := text[a:m.end + k]) in COMMON_WORD_TAGS and not w.endswith(TITLE_HEADS)
                for a in range(m.start + 1, m.end - 1) for k in (1, 2))):
        # 三星 + 堆遗址, 农业部 + 门: the name opens a longer common word; 中国电 + 子商务: a common
        # word runs on past it from inside (not a title: 司法部长; nor after a head: 有限公司 + 制剂).
        # No body's name either way (纪委书记: a title follows)
        return None
    if m.label == "ORG" and len(name) == 2 and tags.get(text[m.end - 1:m.end + 1]) in COMMON_WORD_TAGS:
        return None  # “罗斯福”号航母 → 号航: a noun across the end of a short name, no body's name
    if m.label == "ORG" and not name.endswith(ORG_HEAD_ENDINGS) and not _ends_with_known_body(name) \
            and place_level(name) != "region":
        # 丰台区东铁匠营街道蒲安里第二社区铁二东院, 北京新发地市场: a place the model called an organization
        return Mention(m.start, m.end, "LOC", m.unit)
    if m.label == "LOC" and name.endswith(VILLAGE_VERB_WORDS):
        return None  # 县领导包乡, 村封村: a verb and the village, no name
    if m.label == "LOC" and name.endswith("村") and text[m.end:m.end + 1] in VILLAGE_WORD_NEXT \
            and len(name) >= 3:
        if jieba_word_tags().get(name[:-1], "")[:1] in ("a", "v", "d"):
            return None  # 一个普通村庄, 美丽村庄: a word before 村庄, no village's name
        return Mention(m.start, m.end - 1, m.label, m.unit)
    if m.label == "ORG" and DEPARTMENT.fullmatch(name) and not any(h in name for h in ORG_HEADS):
        return None  # a department without its organization (检验科, 储运服务部)
    return m


#: a number in words and 号, unless a place's part follows (一号线, 一号楼, 一号院: a line, a building
#: of the place): the model of a rocket, satellite or computer (天河一号, 谷神星一号遥四, 吉林一号卫星)
_THING_NUMBER = re.compile(f"[{CN_DIGITS}十百]+号(?![线楼院门桥路街站口井区馆厅台码])")
#: the rest of an award's name after a name (诺贝尔 + 物理学奖, 茅盾 + 文学奖): a field of up to four
#: characters, or two fields joined by 或 (诺贝尔 + 生理学或医学奖), none a verb of winning or giving, a
#: rank, a particle, a conjunction or a preposition (not 王五 + 获奖, 李明 + 获得一等奖, 张三 + 的奖状,
#: 曹硕 + 和徐晓龙将向奖牌); 奖牌, 奖杯, 奖品, 奖项, 奖章 are things, no award's name
_AWARD_FIELD = "[^获得荣颁领夺拿等大小的之给和与及向将在捧参评发，。、；：！？“”\\s]"
_AWARD_AFTER = re.compile(rf"(?:{_AWARD_FIELD}{{0,4}}?|{_AWARD_FIELD}{{1,3}}或{_AWARD_FIELD}{{1,3}})奖(?![励金状牌杯品项章])")
#: marks of a ship's name by where they stand, and the characters that make them another word (ship_name_marks.tsv)
_SHIP_MARK_ROWS = lexicon("ship_name_marks")
_SHIP_MARKS = {(mark, after): frozenset(not_before) for mark, after, not_before in zip(
    _SHIP_MARK_ROWS.words(), _SHIP_MARK_ROWS.column("after"), _SHIP_MARK_ROWS.column("not_before"))}
#: a LOC opening with an event's name (冬奥会延庆 of 北京冬奥会延庆赛区: event_endings.tsv)
_EVENT_OPENING = re.compile(rf"[{HAN}]*?(?:{'|'.join(map(re.escape, EVENT_ENDINGS))})")
#: digits before a one-character division word: a count of divisions (3县, 50个州), no name (names
#: hold numerals in words: 十堰市, 六盘水市)
_COUNTED_DIVISIONS = re.compile(r"[0-9]+个?[省市县州区乡镇村]$")
#: a name that holds one after a character of its own: a thing's name, never a place's or a person's
_NUMBERED_THING = re.compile(f"(?<=[{HAN}]){_THING_NUMBER.pattern}")
#: the characters of "in / to" before a province's abbreviation (在京, 赴沪, 来京, 抵京)
_LOCATIVE_CHARS = frozenset("在赴来到抵离进返")
#: one capitalised English word: in Chinese text a gloss's word, never a body's name (acronyms are:
#: IMF, DNC)
_LATIN_WORD = re.compile(r"[A-Z][a-z]+")
#: after a two-character division name the model calls a person: the rest of a list of places
#: closed by 等地 (武威、张掖等地)
_PLACES_LIST_AFTER = re.compile(rf"(?:[、和][{HAN}]{{2,4}})*等地")


def _ship_mark_at(text: str, at: int, after: str) -> bool:
    """A ship's mark stands at ``at`` (太原 + 舰, “世越” + 号), not opening another word (舰队, 号召)."""
    not_before = _SHIP_MARKS.get((text[at:at + 1], after))
    return not_before is not None and text[at + 1:at + 2] not in not_before


def _inside_ship_name(text: str, m: Mention) -> bool:
    """``m`` lies inside quotes closed by a ship's mark (“中远荷兰”号, “和平方舟”号; not “健康中国”号召)."""
    close = text.find("”", m.end - 1, m.end + 8)
    opening = text.rfind("“", max(0, m.start - 8), m.start + 1)
    return close >= 0 and opening >= 0 and _ship_mark_at(text, close + 1, "quote") and "，" not in text[opening:close]


def _party_before_its_title(text: str, m: Mention, name: str) -> bool:
    """A party the dictionary holds as a common noun (新党, 亲民党, 保守党, 工党), written right
    before the title of its leader or member (新党主席郁慕明): the party's name, unless a kind of
    party (执政党, 反对党: generic_orgs.tsv) or 党 opens a word there (社区党 + 员)."""
    from .organizations import is_generic_org  # (organizations reads the mentions sanitised here)

    return m.label == "ORG" and name.endswith("党") and text.startswith(TITLE_HEADS, m.end) \
        and text[m.end - 1:m.end + 1] not in jieba_word_tags() and not is_generic_org(name)  # (not 党 + 员)


def _cuts_latin_word(text: str, start: int, end: int) -> bool:
    """The mention starts or ends inside a run of Latin letters (a piece of an English word).

    >>> _cuts_latin_word("like the evening amongthesilenttrees.", 17, 29)
    True
    >>> _cuts_latin_word("美国Adobe公司", 2, 9)
    False
    """
    return start > 0 and _latin_pair(text[start - 1:start + 1]) or _latin_pair(text[end - 1:end + 1])


def _latin_pair(pair: str) -> bool:
    return len(pair) == 2 and pair.isascii() and pair.isalpha()


def _person_before_title(text: str, m: Mention, name: str) -> bool:
    """A three-character "place" that opens with a common surname, is no known place and stands
    right before a person's title is a person's name (钟南山院士). Known places before a title stay
    places (张家口市长, 马鞍山市委书记: the gazetteer knows them)."""
    return len(name) == 3 and name[0] in COMMON_SURNAMES and is_han(name[2]) \
        and name not in divisions() and name not in COUNTRIES and name not in FOREIGN_PLACES \
        and place_level(name) in ("landmark", "region") and name not in PLACES_KNOWN_BY_NAME \
        and TITLE_HEAD_RE.match(text, m.end) is not None


def _name_char_before_clause(text: str, end: int) -> bool:
    """The character at ``end`` is a name's last one: a Chinese character no stop character, and
    punctuation or a verb, preposition or adverb of the clause right after it (仪 + 表示)."""
    c = text[end:end + 1]
    if not c or not is_han(c) or c in NAME_STOP_CHARS or jieba_word_tags().get(c, "")[:1] in ("v", "p", "d", "u", "c", "r"):
        return False  # (欧阳春 + 说: the clause's verb)
    after = text[end + 1:end + 2]
    return not after or not is_han(after) or jieba_word_tags().get(text[end + 1:end + 3], "")[:1] in ("v", "p", "d")


def _ends_with_known_body(name: str) -> bool:
    """``name`` ends with a known body's name (日本 + 财务省: a ministry, though 省 ends provinces)."""
    return any(name[-k:] in KNOWN_ORGANIZATIONS for k in range(2, len(name) + 1))


def _division_opening(name: str) -> int:
    """Length of a county-level or higher division name (three or more characters with its
    suffix: 湾沚区) that opens a "person" and leaves one or two characters; 0 if none."""
    for k in range(len(name) - 1, 2, -1):
        if name[k - 1] in DIVISION_SUFFIX_CHARS and len(name) - k <= 2 \
                and (name[:k] in divisions() or place_level(name[:k]) in ("city", "district", "county")):
            return k
    return 0


_SET_PHRASE = re.compile(alternation(lexicon("place_like_phrases").words()))
_SET_PHRASE_LONGEST = max(map(len, lexicon("place_like_phrases").words()))


def _inside_a_set_phrase(text: str, m: Mention) -> bool:
    """The mention lies inside a set phrase of place_like_phrases.tsv written in the text."""
    lo = max(0, m.start - _SET_PHRASE_LONGEST)
    return any(p.start() <= m.start and m.end <= p.end()
               for p in _SET_PHRASE.finditer(text, lo, m.end + _SET_PHRASE_LONGEST))


def _after_a_country(text: str, m: Mention) -> bool:
    """A transliterated name right after a country's name (以色列 + 特拉维夫; not 中国 + 特色…)."""
    return is_transliterated(text[m.start:m.end]) and text.endswith(COUNTRIES_LONGEST_FIRST, 0, m.start)




def _opens_with_place_word(text: str, m: Mention) -> bool:
    """The mention opens with a place word of the dictionary (ns) or a division right after
    another place (湖南 + 湘西十八洞村, though 南湘 is a word too; not 瓯江北 + 口大桥), or is one
    whole (美国 + 宾夕法尼亚州, though 国宾 is a word too)."""
    tags = jieba_word_tags()
    return any(tags.get(text[m.start:m.start + k]) == "ns" or text[m.start:m.start + k] in divisions()
               for k in (2, 3) if m.start + k <= m.end) or tags.get(text[m.start:m.end]) == "ns"


def _division_ending_at(text: str, m: Mention) -> Optional[Mention]:
    """The longest gazetteer division that ends where ``m`` ends and starts before it (布依族自治县
    → 紫云苗族布依族自治县), when ``m`` is a division's tail the model cut; else ``None``."""
    names = divisions()
    for k in range(min(12, m.end), m.end - m.start, -1):
        start = m.end - k
        if start < m.start and text[start:m.end] in names:
            return Mention(start, m.end, m.label, m.unit)
    return None


# ---------------------------------------------------------------------------
# Joins
