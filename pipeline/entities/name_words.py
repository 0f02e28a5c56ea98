"""Word lists and dictionary helpers the mention rules share: what can sit inside a name, what
ends one, which endings close a place, and where a known division or dictionary place covers a
character. Every list is a ``pipeline/data/lexicons/*.tsv`` file (named where it is loaded); this
module holds no rule, only the words and three lookups.

>>> has_verb_or_adverb("随时联系"), has_verb_or_adverb("星河丽景")
(True, False)
>>> text = "呼和浩特市公安局"
>>> division_covering(text, 1, 0)
0
"""
from __future__ import annotations

import re
from typing import Optional

from ..affixes import Affixes
from ..gazetteer import divisions, suffixes_at
from ..lexicons import alternation, leading_class, lexicon
from ..resources import jieba_word_tags
from ..settings import setting
from ..text.chars import HAN
from .heads import KNOWN_ORGANIZATIONS, STRONG_ORG_HEADS

KNOWN_ORG_RE = leading_class(alternation(KNOWN_ORGANIZATIONS))
RULE_ORG_MAX_CHARS = setting("entities", "rule_org_max_chars_before_head")  # settings.toml [entities]
STRONG_HEAD_RE = re.compile(alternation(STRONG_ORG_HEADS))
HEAD_WORD_NEXT = frozenset(lexicon("org_head_next_chars").words())
#: words after a body's name that make it a thing named after it (道琼斯 + 指数: org_named_thing_words.tsv)
ORG_NAMED_THING_RE = re.compile(rf"[{HAN}]{{0,4}}?(?:{alternation(lexicon('org_named_thing_words').words())})")
#: words ending like a body's name that name a category of bodies (中小学: org_category_words.tsv)
ORG_CATEGORY_WORDS = tuple(lexicon("org_category_words").words())
STOP = lexicon("name_stop_chars")
# whitespace ends a name too (a TSV row cannot hold it)
NAME_STOP_CHARS = frozenset(STOP.words()) | frozenset(" \n")
CONJUNCTIONS = frozenset(STOP.flagged("conjunction"))
#: stop characters that may sit inside a foreign party's name (人民民主和正义阵线, 为泰党)
PARTY_NAME_CHARS = frozenset(STOP.flagged("party_name"))
CLAUSE_VERBS = lexicon("clause_verbs")  # regex fragments: 组织(?!部) is a verb, 组织部 a name
NAME_STOP_VERB_ALTERNATION = alternation(CLAUSE_VERBS.flagged("name_stop"), escape=False, longest_first=False)
#: Clause verbs that never sit inside a title (people.py splits a title at them).
TITLE_BREAK_VERBS = CLAUSE_VERBS.flagged("title_break")
#: verbs whose object is another party (召见, 会见, 出席): the body before one is no titled object's
MEETING_VERBS = CLAUSE_VERBS.flagged("meets")
#: one of them ending right where a body starts (出席 + 联合国大会的阿巴斯总统)
MEETING_VERB_BEFORE_RE = re.compile(f"(?:{alternation(MEETING_VERBS, escape=False, longest_first=False)})$")
NAME_STOP_VERBS = re.compile(f"(?:{NAME_STOP_VERB_ALTERNATION})$")
NAME_STOP_VERBS_ANY = re.compile(NAME_STOP_VERB_ALTERNATION)
LOC_LEAD = re.compile(f"(?:{alternation(lexicon('place_lead_words').words(), longest_first=False)})+")

TAILS = lexicon("place_tails")


def tail_alternation(column: str) -> str:
    return "|".join(re.escape(w) + (f"(?![{not_before}])" if not_before != "-" else "")
                    for w, flag, not_before in zip(TAILS.words(), TAILS.column(column), TAILS.column("not_before"))
                    if flag == "yes")


# A rule place: two to rule_place_max_chars characters closed by a sub-county ending (…社区, …村).
PLACE_SUFFIX_RE = re.compile(
    f"[{HAN}]{{2,{setting('entities', 'rule_place_max_chars')}}}?(?:{tail_alternation('rule')})")
#: The endings PLACE_SUFFIX_RE closes a rule place with, longest first.
RULE_PLACE_ENDINGS = tuple(sorted(TAILS.flagged("rule"), key=len, reverse=True))


def rule_place_stem(name: str) -> str:
    """A rule place without its ending (脱贫村 → 脱贫, 汇宁街社区 → 汇宁街)."""
    ending = next((t for t in RULE_PLACE_ENDINGS if name.endswith(t)), "")
    return name[:len(name) - len(ending)]


# Facility names that continue a place the model tagged (株洲 + 西收费站, 武汉 + 天河机场).
PLACE_TAIL_RE = re.compile(
    f"[{HAN}]{{0,{setting('entities', 'place_tail_max_chars')}}}?(?P<ending>{tail_alternation('extends')})")
PLACE_TAILS = frozenset(TAILS.flagged("joins"))
# A "person" followed by one of these is a place: 甬莞 + 高速 (extended over it), 杨凌 + 示范区.
PLACE_WORD_AFTER_NAME = re.compile(alternation(w for w in TAILS.words() if len(w) >= 2))
FACILITY_TAILS = frozenset(TAILS.flagged("extends"))
#: routes named after the places they join (京沪高速): never a single division's extension
ROUTE_TAILS = frozenset(TAILS.flagged("route"))
#: development and trade zones (…开发区, …综保区): a zone mention right after a place joins it (天竺 + 综保区)
ZONE_ENDINGS = tuple(sorted(TAILS.flagged("zone"), key=len, reverse=True))
FRAGMENT_JOINING_ENDINGS = TAILS.flagged("fragment")
VENUE_ENDINGS = tuple(sorted(TAILS.flagged("venue"), key=len, reverse=True))
#: Venue endings of two or more characters: an organization mention so ending is a place too
#: (上海迪士尼乐园, 上海汽车博物馆); of those, the parks and resorts are no organization.
NAMED_VENUE_ENDINGS = tuple(w for w in VENUE_ENDINGS if len(w) >= 2)

#: a numeral and a measure word, or a numeral at the end, before a venue's ending: a count (一座水电站, 美国一核电站;
#: not an ordinal, 福岛第一核电站)
_COUNT_OPENING = re.compile(r"(?<!第)[一二两三四五六七八九十百千万0-9]+[座个家处所]?$")


def is_named_venue(name: str) -> bool:
    """A park, museum or hall with a name before its ending (上海汽车博物馆, not 博物馆)."""
    ending = next((e for e in NAMED_VENUE_ENDINGS if name.endswith(e)), None)
    # (美国一核电站: a count, no name)
    return ending is not None and len(name) - len(ending) >= 2 and not _COUNT_OPENING.search(name[:len(name) - len(ending)])

PARK_ENDINGS = tuple(w for w, venue, org in zip(TAILS.words(), TAILS.column("venue"), TAILS.column("venue_org"))
                     if venue == "yes" and org == "no")
NEXT = lexicon("place_word_next_chars")
NOT_PLACE_END_NEXT = frozenset(NEXT.flagged("rule_end"))
VILLAGE_WORD_NEXT = frozenset(NEXT.flagged("village_end"))
#: after a place: a people's name (哈尼族, 非洲裔), unless a division goes on (土家族自治县, 民族乡)
PEOPLE_OF_PLACE = re.compile(f"(?:{alternation(lexicon('place_people_words').words())})(?!自治|乡)")
_COMPANY = lexicon("company_name_endings")
#: (ending, characters that may not follow it) of a company's or website's name: 天奇 + 股份, 雷锋 + 网
COMPANY_NAME_ENDINGS = tuple((w, frozenset() if nb == "-" else frozenset(nb))
                             for w, nb in zip(_COMPANY.words(), _COMPANY.column("not_before")))
VILLAGE_VERB_WORDS = tuple(lexicon("village_verb_words").words())
LOCATIVE_BEFORE = frozenset(lexicon("locative_chars").words())
NOT_PLACE_START = frozenset(lexicon("not_place_start_chars").words())
#: every one-character ending of a place's name (省, 县, 村, 州, 山, 江, 路 …)
PLACE_SUFFIX_CHARS = frozenset(s for s in lexicon("place_suffixes").words() if len(s) == 1)
# Division suffixes of county level and above (省市区县旗州盟), unless 委/长 follows (市委, 县长).
DIVISION_SUFFIX_CHARS = "".join(
    s for s, level in zip(lexicon("place_suffixes").words(), lexicon("place_suffixes").column("level"))
    if len(s) == 1 and level in ("province", "city", "district", "county"))
DIVISION_END = re.compile(f"(?<=..)[{DIVISION_SUFFIX_CHARS}](?![{HAN}]{{0,1}}[委长])")
# 星河 + 丽景小区 is joined only when the first part is not a division that ends so
ADMINISTRATIVE_SUFFIXES = lexicon("place_suffixes").flagged("chain_end")


# the division suffixes (chain_end) of towns and of villages and communities, longest first
TOWN_SUFFIXES = suffixes_at(("town", "subdistrict"), "chain_end")          # 街道 乡 镇
COMMUNITY_SUFFIXES = suffixes_at(("village", "community"), "chain_end")    # 社区 村
LOCAL_SUFFIXES = TOWN_SUFFIXES + COMMUNITY_SUFFIXES

COMMON_WORD_TAGS = frozenset(lexicon("jieba_common_tags").words())
HALF_SUFFIX = {w[0]: w[1:] for w in lexicon("half_suffixes").words()}  # 社 → 区, 街 → 道

_TITLES = lexicon("title_heads")
#: Title head words, longest first: a role written before a name ends with one of these.
TITLE_HEADS = tuple(sorted(_TITLES.words(), key=len, reverse=True))
#: the same words, asked which one a title ends with (head_of)
TITLE_HEAD_WORDS = Affixes(TITLE_HEADS)
#: characters that open the clause after a name and end no given name (王琳 + 正带领: clause_chars_after_names.tsv)
CLAUSE_CHARS_AFTER_NAMES = frozenset(lexicon("clause_chars_after_names").words())
#: words after a name that show it has ended (林常珍一家, 刘福有夫妇: name_followers.tsv)
NAME_FOLLOWERS = tuple(lexicon("name_followers").words())
#: 在 + body + one of these + 的 + name: the body is the person's (workplace_verbs.tsv)
WORKPLACE_VERBS = tuple(lexicon("workplace_verbs").words())
#: a post held in one kind of institution (医生: hospital): written after a name, the post belongs to the
#: paragraph's institution of that kind only (post_institution_types.tsv)
POST_INSTITUTION_TYPES = {post: frozenset((kind,)) for post, kind in lexicon("post_institution_types").mapping().items()}
#: A title head written at a position (习近平 + 总书记; a person's name before one).
TITLE_HEAD_RE = leading_class(alternation(TITLE_HEADS))
# A post inside an institution (检验员赵丽 of the hospital the paragraph is about), not a
# membership (党员, 志愿者, 村民): the rows flagged staff.
STAFF_TITLES = frozenset(_TITLES.flagged("staff"))
COMMON_SURNAMES = frozenset(lexicon("common_surnames").words())
#: two-character surnames (欧阳, and Hong Kong's joined 林郑, 叶刘)
DOUBLE_SURNAMES = frozenset(lexicon("double_surnames").words())
#: Japanese family names of two characters (岸田, 山口): a name of four or five characters opening with one
#: is whole (岸田文雄), and one at a line's end after a title must open with one (japanese_surnames.tsv)
JAPANESE_SURNAMES = frozenset(lexicon("japanese_surnames").words())
#: a Tibetan name: two elements of tibetan_name_parts.tsv (洛桑 + 江村, 白玛 + 赤林), not the first
#: part of a place (a division suffix right after the pair makes it none: …县, …村)
_TIBETAN_PART = alternation(lexicon("tibetan_name_parts").words())
TIBETAN_NAME_RE = re.compile(rf"(?:{_TIBETAN_PART})(?:{_TIBETAN_PART})(?![县市区乡镇村])")


def is_tibetan_name(name: str) -> bool:
    """Two Tibetan name elements and nothing else (洛桑江村, 白玛赤林; not 洛桑江)."""
    m = TIBETAN_NAME_RE.match(name)
    return m is not None and m.end() == len(name)
QUANTITY_WORDS = tuple(lexicon("quantity_words").words())

DEPARTMENTS = lexicon("department_endings")
DEPARTMENT_ENDINGS = DEPARTMENTS.words()
DEPARTMENT_IN_TITLE_ENDINGS = DEPARTMENTS.flagged("in_title")
DEPARTMENT = re.compile(f"[{HAN}]{{1,6}}?(?:{alternation(DEPARTMENT_ENDINGS, longest_first=False)})$")
NOT_DEPARTMENTS = lexicon("not_departments").words()


def listed_word_after(text: str, end: int, words: tuple[str, ...], longer: tuple[int, ...] = (1,)) -> bool:
    """One of ``words`` stands at ``end``, whole: with the next ``longer`` characters it makes no longer
    dictionary word (中国 + 结 of 中国结合 is 结合; 布朗 + 族, not 王氏 + 族人)."""
    tags = jieba_word_tags()
    word = next((w for w in words if text.startswith(w, end)), None)
    return word is not None and not any(text[end:end + len(word) + k] in tags for k in longer)


def has_verb_or_adverb(s: str) -> bool:
    tags = jieba_word_tags()
    return any(tags.get(s[i:i + 2], "")[:1] in ("v", "d") for i in range(len(s) - 1))

def division_covering(text: str, i: int, floor: int) -> Optional[int]:
    """Start of a gazetteer division name that covers position ``i``, if any."""
    names = divisions()
    for j in range(i, max(floor, i - 5) - 1, -1):
        for length in range(max(2, i - j + 1), 8):
            if text[j:j + length] in names:
                return j
    return None

#: foreign places written in transliteration characters (哈尔科夫: foreign_places.tsv, derived)
FOREIGN_PLACES = frozenset(lexicon("foreign_places").words())
#: foreign cities by their Chinese names (德黑兰, 东京: foreign_cities.tsv, derived from CLDR)
FOREIGN_CITIES = frozenset(lexicon("foreign_cities").words())
#: foreign places either list knows (foreign_places.tsv from the news, foreign_cities.tsv from CLDR)
KNOWN_FOREIGN_PLACES = FOREIGN_PLACES | FOREIGN_CITIES
_PERSON_CUES = lexicon("person_cue_words")
#: words before and after a name that make it a person's (他叫武威, 金华同志: person_cue_words.tsv)
PERSON_CUES_BEFORE = tuple(w for w, p in zip(_PERSON_CUES.words(), _PERSON_CUES.column("position")) if p == "before")
PERSON_CUES_AFTER = tuple(w for w, p in zip(_PERSON_CUES.words(), _PERSON_CUES.column("position")) if p == "after")
#: titles of membership after a body's short name (政协委员: membership_titles.tsv)
MEMBERSHIP_TITLES = tuple(lexicon("membership_titles").words())
#: characters after a language's suffix that make it another word (语言, 语音; 文化, 文学:
#: language_word_next_chars.tsv), by suffix
LANGUAGE_WORD_NEXT_CHARS = {suffix: frozenset(c for c, after in lexicon("language_word_next_chars").mapping("after").items()
                                              if after == suffix) for suffix in ("语", "文")}
#: nouns for a kind of place before a place's name (北部重镇佩斯基: place_nouns_before_name.tsv)
PLACE_NOUNS_BEFORE_NAME = tuple(lexicon("place_nouns_before_name").words())
PLACE_VERBS_BEFORE_NAME = tuple(lexicon("place_verbs_before_name").words())
#: prepositions no body's name opens with before a place's name (经 + 陕西省林业局)
PREPOSITIONS_BEFORE_PLACES = frozenset(lexicon("prepositions_before_places").words())
#: verbs of saying after a name (普京表示: speech_verbs.tsv)
SPEECH_VERBS = tuple(lexicon("speech_verbs").words())
#: title heads that are verbs before a noun (习近平代表中共中央: title_verb_heads.tsv)
TITLE_VERB_HEADS = frozenset(lexicon("title_verb_heads").words())
#: endings of events' names (北京冬奥会, 进博会): no organization (event_endings.tsv)
EVENT_ENDINGS = tuple(lexicon("event_endings").words())
#: words that open with a stop character and stay inside a name (全国, 对外: stop_char_name_words.tsv)
STOP_CHAR_NAME_WORDS = tuple(lexicon("stop_char_name_words").words())


def noun_word_opening(text: str, i: int, ceiling: int) -> Optional[int]:
    """End of a dictionary noun of three or more characters that starts at ``i`` and ends by
    ``ceiling`` (自治区 of 自治区农村信用社联合社: its 自 is no preposition there)."""
    tags = jieba_word_tags()
    for length in range(min(6, ceiling - i), 2, -1):
        if tags.get(text[i:i + length], "")[:1] == "n":
            return i + length
    return None


def place_word_covering(text: str, i: int, floor: int, ceiling: int) -> Optional[int]:
    """Start of a dictionary place name (ns) inside ``[floor, ceiling)`` that covers ``i``."""
    tags = jieba_word_tags()
    for j in range(i, max(floor, i - 5) - 1, -1):
        for length in range(max(2, i - j + 1), min(7, ceiling - j) + 1):
            if tags.get(text[j:j + length]) == "ns":
                return j
    return None


#: national leaders → the bodies of their principal offices (principal_offices.tsv)
PRINCIPAL_BODIES = {row.name: tuple(row.bodies.split("|")) for row in lexicon("principal_offices").records()}
#: national leaders found by name (three characters and more: 汪洋 is a word too)
LEADER_NAMES = tuple(n for n in PRINCIPAL_BODIES if len(n) >= 3)
#: the leaders of two characters (韩正, 汪洋: 汪洋 is also a word), found only right after a title
TWO_CHAR_LEADER_NAMES = frozenset(n for n in PRINCIPAL_BODIES if len(n) == 2)
#: titles that name one body only (委员长 → 全国人大常委会)
TITLE_BODIES = lexicon("title_bodies").mapping("body")

_CHAIN_KINDS = lexicon("chain_titles_not_affiliation").mapping("kind")
#: title words of a seat on a body (中共中央政治局委员) and bodies of a temporary group (中央指导组): in a
#: chain of titles, not the body the person belongs to (chain_titles_not_affiliation.tsv)
MEMBERSHIP_TITLE_WORDS = tuple(w for w, kind in _CHAIN_KINDS.items() if kind == "membership")
TASK_GROUP_WORDS = tuple(w for w, kind in _CHAIN_KINDS.items() if kind == "group")
#: a state leader's rank written before the person's own office (全国政协副主席)
RANK_TITLES = frozenset(w for w, kind in _CHAIN_KINDS.items() if kind == "rank")

#: after a name: a thing named after the person (南丁格尔奖, 白求恩奖章), with the characters after
#: which the word is another one (奖励)
NAMED_AFTER_WORDS = lexicon("named_after_words").mapping("not_before")

#: endings of a foreign party or body's name between its country and a title (广泛阵线, 为泰党)
FOREIGN_BODY_ENDINGS = tuple(sorted(lexicon("foreign_body_endings").words(), key=len, reverse=True))

#: a count of bodies inside an organization mention (16座方舱医院, 两家医院, 多所中小学, 一些医院): no
#: name; never after 第 (第一所, an ordinal)
ORG_COUNT_CLASSIFIERS = tuple(lexicon('org_count_classifiers').words())
_COUNT_NUMBER = r"(?:[0-9]+[多余几]?|[一二两三四五六七八九十百几多数]+)"
COUNTED_BODIES = re.compile(
    rf"(?<![第0-9一二两三四五六七八九十百几多数])(?:{_COUNT_NUMBER}"
    rf"(?:{alternation(ORG_COUNT_CLASSIFIERS)})|{alternation(QUANTITY_WORDS)})")
#: …and one whose number stands before the mention (12 + 家股份制商业银行)
COUNT_BEFORE_CLASSIFIER = re.compile(rf"{_COUNT_NUMBER}$")

#: a number after a dash, or a number and a product noun or a Latin letter, after a name: a model
#: (米格-31, 麒麟980芯片, 骁龙8Gen1)
MODEL_NUMBER_AFTER = re.compile(rf"[-－][0-9]+|[0-9]+(?:[A-Za-z]|{alternation(lexicon('model_number_nouns').words())})")

#: one-character country abbreviations: a "name" made only of them is a group of countries (俄乌)
COUNTRY_ABBREVIATIONS = frozenset(lexicon("country_abbreviations").words())
#: after two country abbreviations: what makes them a pair of countries (俄乌冲突, 中美关系)
COUNTRY_PAIR_NOUNS = tuple(lexicon("country_pair_nouns").words())
#: one-character province abbreviations: three or more of them together are a group of provinces
PROVINCE_ABBREVIATIONS = frozenset(lexicon("province_abbreviations").words())
PROVINCE_PAIR_NOUNS = tuple(lexicon("province_pair_nouns").words())
