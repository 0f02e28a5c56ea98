"""Mentions: where a person, place or organization is written in one text unit.

Contract
--------
``unit_mentions(text, spans, unit) -> list[Mention]``: the model's character spans
``(start, end, label)`` of one text (the body or a caption), completed by rules and
cleaned, sorted by start:

1. rule mentions for what the model misses: national and international bodies by name
   (工业和信息化部, 全国政协, 世卫组织: ``known_organizations.tsv``) unless a dictionary word
   runs across their edge (教育部门, 东北约), organizations closed by a strong head noun
   (…有限公司, …党支部, …医院, …救援队), division names from the gazetteer (山城区), places
   closed by a sub-county ending after a locative or in a list (…村, …社区, …小区), and
   facility tails after a place (株洲 + 西收费站);
2. trimming: a name that ran into the clause before it is cut after the last stop
   character or clause verb (防控卡点纷纷成立临时党支部 → 临时党支部); a department written
   after its organization is cut off (石家庄市人民医院检验科 → 石家庄市人民医院);
3. sanitising: mentions that are common words or parts of idioms (返乡, 众志成城) are
   dropped, places the model called organizations relabelled;
4. foreign names finished over transliteration characters (埃尔多 + 安), then joins: a place
   tail the model tagged apart (株洲 + 西站) and chains LOC* ORG of
   adjacent mentions (鹿泉区 + 石井乡 + 黄岩村党支部) become one mention.

The word lists are ``pipeline/data/lexicons/*.tsv`` (named where each is loaded).

>>> text = "防控卡点纷纷成立临时党支部。鹿泉区石井乡黄岩村党支部书记到株洲西站。"
>>> model_spans = [(0, 13, "ORG"), (29, 31, "LOC"), (31, 33, "LOC")]  # 防控卡点…党支部, 株洲, 西站
>>> [(text[m.start:m.end], m.label) for m in unit_mentions(text, model_spans, 0)]
[('临时党支部', 'ORG'), ('鹿泉区石井乡黄岩村党支部', 'ORG'), ('株洲西站', 'LOC')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple, Optional, Sequence

from ..gazetteer import divisions, place_level
from ..lexicons import alternation, leading_class, lexicon
from ..resources import jieba_word_tags
from ..segment import SentenceIndex
from ..settings import setting
from ..text.chars import HAN
from .heads import (KNOWN_ORGANIZATIONS, ORG_HEAD_ENDINGS, ORG_HEADS, ORG_HEADS_BY_LENGTH, STRONG_ORG_HEADS,
                    head_at)


@dataclass
class Mention:
    start: int
    end: int
    label: str  # PER | LOC | ORG
    unit: int  # 0 = body, k > 0 = caption k-1


class FirstMention(NamedTuple):
    """Where a name is first written: the text unit and the offsets in it."""

    unit: int
    start: int
    end: int


class Position(NamedTuple):
    """A row's offsets into the body and its sentence (offsets ``None`` outside the body)."""

    start: Optional[int]
    end: Optional[int]
    sentence: str


@dataclass
class TextUnit:
    """A piece of text entities are read from: the body, or one caption."""

    text: str
    in_body: bool
    sentences: Sequence[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self):
        self._index = SentenceIndex(self.text, self.sentences)

    def sentence_at(self, offset: int) -> str:
        if not self.in_body or not self.sentences:
            return self.text
        s, e = self._index.at_or_before(offset)
        return self.text[s:e]

    def position(self, start: int, end: int) -> Position:
        """A caption has no offsets into the body: its rows give the caption as the sentence."""
        if self.in_body:
            return Position(start, end, self.sentence_at(start))
        return Position(None, None, self.text)


class FirstMentions:
    """Distinct names in order of first mention, with the first mention's place."""

    def __init__(self):
        self.first: dict[str, FirstMention] = {}

    def add(self, name: str, unit: int, start: int, end: int) -> None:
        if name not in self.first:
            self.first[name] = FirstMention(unit, start, end)


def unit_mentions(text: str, spans: Sequence[tuple[int, int, str]], unit: int) -> list[Mention]:
    """The mentions of one text unit from the model's ``spans`` (see the module docstring)."""
    mentions = [Mention(s, e, label, unit) for s, e, label in spans]
    mentions = _add_rule_mentions(text, mentions, unit)
    mentions = [_split_department(text, t)
                for t in (_trim_mention(text, m) for m in mentions) if t is not None]
    mentions = [t for t in (_sanitise(text, m) for m in mentions) if t is not None]
    mentions = _finish_foreign_names(text, mentions)
    return _merge_organizations(text, _join_place_tails(text, mentions))


# ---------------------------------------------------------------------------
# Lexicons

_KNOWN_ORG_RE = leading_class(alternation(KNOWN_ORGANIZATIONS))
_RULE_ORG_MAX_CHARS = setting("entities", "rule_org_max_chars_before_head")  # settings.toml [entities]
_STRONG_HEAD_RE = re.compile(alternation(STRONG_ORG_HEADS))
_HEAD_WORD_NEXT = frozenset(lexicon("org_head_next_chars").words())
_STOP = lexicon("name_stop_chars")
# whitespace ends a name too (a TSV row cannot hold it)
NAME_STOP_CHARS = frozenset(_STOP.words()) | frozenset(" \n")
CONJUNCTIONS = frozenset(_STOP.flagged("conjunction"))
_CLAUSE_VERBS = lexicon("clause_verbs")  # regex fragments: 组织(?!部) is a verb, 组织部 a name
_NAME_STOP_VERB_ALTERNATION = alternation(_CLAUSE_VERBS.flagged("name_stop"), escape=False, longest_first=False)
#: Clause verbs that never sit inside a title (people.py splits a title at them).
TITLE_BREAK_VERBS = _CLAUSE_VERBS.flagged("title_break")
_NAME_STOP_VERBS = re.compile(f"(?:{_NAME_STOP_VERB_ALTERNATION})$")
_NAME_STOP_VERBS_ANY = re.compile(_NAME_STOP_VERB_ALTERNATION)
_LOC_LEAD = re.compile(f"(?:{alternation(lexicon('place_lead_words').words(), longest_first=False)})+")

_TAILS = lexicon("place_tails")


def _tail_alternation(column: str) -> str:
    return "|".join(re.escape(w) + (f"(?![{not_before}])" if not_before != "-" else "")
                    for w, flag, not_before in zip(_TAILS.words(), _TAILS.column(column), _TAILS.column("not_before"))
                    if flag == "yes")


# A rule place: two to rule_place_max_chars characters closed by a sub-county ending (…社区, …村).
_PLACE_SUFFIX_RE = re.compile(
    f"[{HAN}]{{2,{setting('entities', 'rule_place_max_chars')}}}?(?:{_tail_alternation('rule')})")
# Facility names that continue a place the model tagged (株洲 + 西收费站, 武汉 + 天河机场).
_PLACE_TAIL_RE = re.compile(
    f"[{HAN}]{{0,{setting('entities', 'place_tail_max_chars')}}}?(?P<ending>{_tail_alternation('extends')})")
_PLACE_TAILS = frozenset(_TAILS.flagged("joins"))
# A "person" followed by one of these is a place: 甬莞 + 高速 (extended over it), 杨凌 + 示范区.
_PLACE_WORD_AFTER_NAME = re.compile(alternation(w for w in _TAILS.words() if len(w) >= 2))
_FACILITY_TAILS = frozenset(_TAILS.flagged("extends"))
_FRAGMENT_JOINING_ENDINGS = _TAILS.flagged("fragment")
_NEXT = lexicon("place_word_next_chars")
_NOT_PLACE_END_NEXT = frozenset(_NEXT.flagged("rule_end"))
_VILLAGE_WORD_NEXT = frozenset(_NEXT.flagged("village_end"))
_VILLAGE_VERB_WORDS = tuple(lexicon("village_verb_words").words())
_LOCATIVE_BEFORE = frozenset(lexicon("locative_chars").words())
_NOT_PLACE_START = frozenset(lexicon("not_place_start_chars").words())
# Division suffixes of county level and above (省市区县旗州盟), unless 委/长 follows (市委, 县长).
_DIVISION_SUFFIX_CHARS = "".join(
    s for s, level in zip(lexicon("place_suffixes").words(), lexicon("place_suffixes").column("level"))
    if len(s) == 1 and level in ("province", "city", "district", "county"))
_DIVISION_END = re.compile(f"(?<=..)[{_DIVISION_SUFFIX_CHARS}](?![{HAN}]{{0,1}}[委长])")
# 星河 + 丽景小区 is joined only when the first part is not a division that ends so
_ADMINISTRATIVE_SUFFIXES = lexicon("place_suffixes").flagged("chain_end")

_COMMON_WORD_TAGS = frozenset(lexicon("jieba_common_tags").words())
_HALF_SUFFIX = {w[0]: w[1:] for w in lexicon("half_suffixes").words()}  # 社 → 区, 街 → 道

_DEPARTMENTS = lexicon("department_endings")
DEPARTMENT_ENDINGS = _DEPARTMENTS.words()
DEPARTMENT_IN_TITLE_ENDINGS = _DEPARTMENTS.flagged("in_title")
_DEPARTMENT = re.compile(f"[{HAN}]{{1,6}}?(?:{alternation(DEPARTMENT_ENDINGS, longest_first=False)})$")
_NOT_DEPARTMENTS = lexicon("not_departments").words()


# ---------------------------------------------------------------------------
# Rule mentions


def _rule_org_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    floor = 0
    for m in _STRONG_HEAD_RE.finditer(text):
        head_start, end = m.span()
        if head_start < floor or text[end:end + 1] in _HEAD_WORD_NEXT:
            continue  # 党组织, 党组长, 党委员, 大学生: other words that contain a head
        start = head_start
        while start > floor and head_start - start < _RULE_ORG_MAX_CHARS \
                and not _NAME_STOP_VERBS.search(text[max(floor, start - 4):start]):
            if text[start - 1] in NAME_STOP_CHARS:
                # 呼和浩特市公安局: a stop character inside a known division name is part of it
                covering = _division_covering(text, start - 1, floor)
                if covering is None:
                    if text[start - 1:start + 1] in jieba_word_tags() and head_start - start >= 3:
                        start += 1  # 各类职教集团: the stop character's own word (各类) goes with it
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
    edge ends the name whatever the dictionary says (在世卫组织: 在世 is a word too)."""
    tags = jieba_word_tags()
    spans = []
    for m in _KNOWN_ORG_RE.finditer(text):
        s, e = m.span()
        if s > 0 and text[s - 1] not in NAME_STOP_CHARS and text[s - 1:s + 1] in tags:
            continue
        if e < len(text) and text[e] not in NAME_STOP_CHARS and tags.get(text[e - 1:e + 1], "")[:1] == "n":
            continue  # a noun across the end (部门); a verb there (国务院联防联控机制发布) is the clause
        spans.append((s, e))
    return spans


# 阿斯克建材、恒泰压铸、福星机械等企业: the items of a list closed by 等 + a kind of company
# are companies, however short their names.
_LISTED_COMPANIES = re.compile(
    rf"((?:[{HAN}A-Za-z0-9]{{2,10}}、)+[{HAN}A-Za-z0-9]{{2,10}})等(?:\d+家|多家|[{HAN}]{{0,2}}家)?"
    rf"(?:{alternation(lexicon('company_kind_words').words())})")


def _listed_company_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _LISTED_COMPANIES.finditer(text):
        pos = m.start(1)
        for item in m.group(1).split("、"):
            # the first item may carry the clause before it (组织阿斯克建材): keep it only
            # when no verb or function word opens it
            if len(item) >= 2 and not _has_verb_or_adverb(item[:2]) and item[0] not in NAME_STOP_CHARS:
                spans.append((pos, pos + len(item)))
            pos += len(item) + 1
    return spans


_TITLE_HEAD_RE = leading_class(alternation(lexicon("title_heads").words()))
_NUMERAL_CHARS = frozenset("一二三四五六七八九十两百千万零")


def _add_titled_dictionary_names(text: str, mentions: list[Mention], unit: int) -> list[Mention]:
    """A person's name of three characters in the dictionary (nr) written right before a title
    head (习近平总书记, 王沪宁主席), where the model tagged nothing: the model, trained on 1998
    text, does not know today's names."""
    tags = jieba_word_tags()
    added = []
    for m in _TITLE_HEAD_RE.finditer(text):
        s = m.start() - 3
        if s < 0 or not tags.get(text[s:m.start()], "").startswith("nr") or text[s] in _NUMERAL_CHARS:
            continue  # 二十大代表: the dictionary calls 二十大 a name too
        if any(x.start < m.start() and x.end > s for x in mentions + added):
            continue
        added.append(Mention(s, m.start(), "PER", unit))
    return mentions + added


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


def _join_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """京 + 沪 + 高速 → 京沪高速: one-character place abbreviations written together name a
    facility when a place tail follows them right away (中美 alone is two countries, no place)."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions) and all(x.label == "LOC" and x.end - x.start == 1 for x in mentions[i:j + 2]) \
                and mentions[j].end == mentions[j + 1].start:
            j += 1
        tail = _PLACE_TAIL_RE.match(text, mentions[j].end) if j > i else None
        if tail and tail.start("ending") == mentions[j].end:
            out.append(Mention(mentions[i].start, mentions[j].end, "LOC", mentions[i].unit))
            i = j + 1
            continue
        out.append(mentions[i])
        i += 1
    return out


def _place_word_covering(text: str, i: int, floor: int, ceiling: int) -> Optional[int]:
    """Start of a dictionary place name (ns) inside ``[floor, ceiling)`` that covers ``i``."""
    tags = jieba_word_tags()
    for j in range(i, max(floor, i - 5) - 1, -1):
        for length in range(max(2, i - j + 1), min(7, ceiling - j) + 1):
            if tags.get(text[j:j + length]) == "ns":
                return j
    return None


def _extend_place_tails(text: str, mentions: list[Mention]) -> list[Mention]:
    mentions = _join_abbreviations(text, mentions)
    out = []
    for i, m in enumerate(mentions):
        if m.label == "LOC":
            tail = _PLACE_TAIL_RE.match(text, m.end)
            nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
            # the ending itself may be tagged an adverb (高速): only what comes before it counts
            if tail and tail.end() <= nxt and not _has_verb_or_adverb(text[m.end:tail.start("ending")]):
                m = Mention(m.start, tail.end(), "LOC", m.unit)
        out.append(m)
    return out


def _add_rule_mentions(text: str, mentions: list[Mention], unit: int) -> list[Mention]:
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
        mentions.append(Mention(start, end, "ORG", unit))
    for s, e in _listed_company_spans(text):
        if not any(m.start <= s and m.end >= e and m.label == "ORG" for m in mentions):
            mentions = [m for m in mentions if not (m.start < e and m.end > s)]
            mentions.append(Mention(s, e, "ORG", unit))
    for s, e in _known_organization_spans(text):
        inside = [m for m in mentions if m.start < e and m.end > s]
        if any(m.label == "PER" or (m.label == "ORG" and m.start <= s and m.end >= e) for m in inside):
            continue  # a longer organization holds it (国务院办公厅), or a person crosses it
        mentions = [m for m in mentions if not (m.start < e and m.end > s)]
        mentions.append(Mention(s, e, "ORG", unit))
    mentions = _add_titled_dictionary_names(text, mentions, unit)
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
                added.append(Mention(start, end, "LOC", unit))
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
        if e - s >= 3 and text[e - 1] in "乡镇村" and jieba_word_tags().get(text[e - 2:e]) in _COMMON_WORD_TAGS:
            continue  # 挖断农村, 房及农村: the ending is a common noun (农村, 乡镇), no name's suffix
        if (s > 0 and text[s - 1] in _LOCATIVE_BEFORE) or s in loc_ends \
                or (s > 0 and text[s - 1] in "“、" and text[s] not in _NOT_PLACE_START):
            added.append(Mention(s, e, "LOC", unit))
            taken[s:e] = b"\x01" * (e - s)
            loc_ends.add(e)
            pos = e
    return sorted(mentions + added, key=lambda m: m.start)


# ---------------------------------------------------------------------------
# Trimming and sanitising


def _sanitise(text: str, m: Mention) -> Optional[Mention]:
    """Drop or repair mentions that cannot be names."""
    name = text[m.start:m.end]
    if name in KNOWN_ORGANIZATIONS:
        return Mention(m.start, m.end, "ORG", m.unit)
    if m.label == "PER" and len(name) >= 3 and name in divisions():
        return Mention(m.start, m.end, "LOC", m.unit)  # 霍尔果斯、阿拉山口: a division, not a person
    if m.label == "PER" and (tail := _PLACE_WORD_AFTER_NAME.match(text, m.end)):
        end = tail.end() if tail.group() in _FACILITY_TAILS else m.end
        return Mention(m.start, end, "LOC", m.unit)
    if m.label == "PER":
        # 河北日报记者 张 昊摄: the photo credit's 摄 is not part of the name
        if name.endswith("摄") and len(name.replace(" ", "")) >= 3:
            return Mention(m.start, m.end - 1, m.label, m.unit)
        return m
    if m.label == "LOC" and m.start > 0 and text[m.start - 1] not in NAME_STOP_CHARS \
            and text[m.start - 1] not in _DIVISION_SUFFIX_CHARS \
            and text[m.start - 1:m.start + 1] in jieba_word_tags() and name not in divisions():
        # 贯通河长, 助力斯经济: a word runs across the start, no name starts here (after a
        # division's suffix one does: 赛罕区 + 星河丽景小区, though 区星 is in the dictionary)
        return None
    if m.label in ("LOC", "ORG") and name[-1:] in _HALF_SUFFIX and text[m.end:m.end + 1] == _HALF_SUFFIX[name[-1]]:
        # 卫星街西段社 + 区: the model stopped one character short of the suffix
        m = Mention(m.start, m.end + 1, m.label, m.unit)
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
    if m.label == "ORG" and not name.endswith(ORG_HEAD_ENDINGS) \
            and place_level(name) != "region":
        # 丰台区东铁匠营街道蒲安里第二社区铁二东院, 北京新发地市场: a place the model called an organization
        return Mention(m.start, m.end, "LOC", m.unit)
    if m.label == "LOC" and name.endswith(_VILLAGE_VERB_WORDS):
        return None  # 县领导包乡, 村封村: a verb and the village, no name
    if m.label == "LOC" and name.endswith("村") and text[m.end:m.end + 1] in _VILLAGE_WORD_NEXT \
            and len(name) >= 3:
        return Mention(m.start, m.end - 1, m.label, m.unit)
    if m.label == "ORG" and _DEPARTMENT.fullmatch(name) and not any(h in name for h in ORG_HEADS):
        return None  # a department without its organization (检验科, 储运服务部)
    return m


def _trim_mention(text: str, m: Mention) -> Optional[Mention]:
    """Cut a LOC/ORG mention after the last character or verb that cannot be inside a name.

    The model and the rules sometimes run a name into the clause before it
    (悬挂党旗,各党支部 → 党支部, 防控卡点纷纷成立临时党支部 → 临时党支部).
    """
    if m.label == "PER" or text[m.start:m.end] in KNOWN_ORGANIZATIONS:
        return m
    start = m.start
    i = m.end - 1
    while i >= m.start:
        if text[i] in NAME_STOP_CHARS and text[i] not in CONJUNCTIONS:
            # 余杭区人民医院, 本溪市, 土耳其: a stop character inside a known division or a
            # dictionary place name is part of it
            covering = _division_covering(text, i, m.start)
            if covering is None:
                covering = _place_word_covering(text, i, m.start, m.end)
            if covering is None:
                start = i + 1
                break
            i = covering
        i -= 1
    if m.label == "LOC":
        lead = _LOC_LEAD.match(text, start, m.end)
        if lead and m.end - lead.end() >= 2:
            start = lead.end()
    verb = None
    for verb in _NAME_STOP_VERBS_ANY.finditer(text, start, m.end):
        pass
    if verb is not None and verb.end() < m.end:
        start = max(start, verb.end())
    if m.label == "ORG":
        start = _clause_word_end(text, start, m.end)
        if start is None:
            return None
    if m.end - start < 2:
        return None
    return Mention(start, m.end, m.label, m.unit)


# Dictionary tags of words that never sit inside an organization's name: prepositions,
# conjunctions, pronouns, particles (据, 即便, 我国, 的).
_FUNCTION_WORD_TAGS = frozenset({"p", "c", "r", "u"})  # not d: the dictionary tags 首都 so


def _clause_word_end(text: str, start: int, end: int) -> Optional[int]:
    """Where an organization's name starts once the clause before it is cut off: after the last
    function word, or after the last verb that a place or a known body follows, both of two or
    more characters
    (据大源集团 → 大源集团, 促进二十国集团 → 二十国集团, 来认识四川小金县冒水村党支部 →
    四川小金县冒水村党支部, 移交市工作委员会 → 市工作委员会). ``None`` when only verbs and
    function words stand before the head (外出上大学: no name at all). The words come from a
    greedy longest match on the dictionary over the part before the head; verbs inside names
    (保障中心, 解放军) are kept because no place follows them."""
    tags = jieba_word_tags()
    head_start = end - 2  # the head (…集团, …党支部) is never cut into
    cut = start
    i = start
    only_clause_words = head_start > start
    while i < head_start:
        for n in range(min(4, head_start - i), 0, -1):
            word = text[i:i + n]
            if n == 1 or word in tags:
                break
        tag = tags.get(word, "")
        nxt = i + n
        # one-character words are left to the stop characters (NAME_STOP_CHARS): 以 of
        # 石家庄以岭药业, 所 of 首儿所, 赴 of 赴湖北医疗队 sit inside names
        if (n >= 2 or i == start) and tag in _FUNCTION_WORD_TAGS and nxt < head_start:
            cut = nxt  # …or a preposition opening the mention: 据大源集团
        elif n >= 2 and tag == "v" and nxt < head_start and _starts_a_name(text, nxt, end):
            cut = nxt
        only_clause_words = only_clause_words and (tag in _FUNCTION_WORD_TAGS or tag[:1] in ("v", "f"))
        i = nxt
    return None if only_clause_words else cut


def _starts_a_name(text: str, i: int, end: int) -> bool:
    """A place (dictionary ns or a division), a known body or a relative unit (市…, 县…)
    starts at ``i``."""
    tags = jieba_word_tags()
    if text[i] in _DIVISION_SUFFIX_CHARS and end - i >= 4:
        return True  # 市工作委员会, 县卫健委: the unit of the article's own city or county
    for n in range(min(7, end - i), 1, -1):
        word = text[i:i + n]
        if word in KNOWN_ORGANIZATIONS or word in divisions() or tags.get(word) == "ns":
            return True
    return False


def _split_department(text: str, m: Mention) -> Mention:
    """A department written after its parent organization (石家庄市人民医院 + 检验科,
    石家庄四药有限公司 + 储运服务部) belongs in the person's title, not in the name."""
    if m.label != "ORG":
        return m
    name = text[m.start:m.end]
    if not name.endswith(DEPARTMENT_ENDINGS):
        return m  # every department ends with one of these (see _DEPARTMENT)
    for head in ORG_HEADS_BY_LENGTH:
        i = name.find(head)
        while i > 0:
            cut = i + len(head)
            dept = name[cut:]
            if dept and _DEPARTMENT.fullmatch(dept) and not dept.endswith(_NOT_DEPARTMENTS) \
                    and cut >= 4:
                return Mention(m.start, m.start + cut, "ORG", m.unit)
            i = name.find(head, i + 1)
    return m


_TRANSLITERATION = frozenset(lexicon("transliteration_chars").words())
_FOREIGN_NAME_MAX_EXTRA = 3


def is_transliterated(name: str) -> bool:
    """Every character of ``name`` is one foreign names are written with (埃尔多安)."""
    return all(ch in _TRANSLITERATION for ch in name)


def _finish_foreign_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A foreign name the model cut short is finished over the transliteration characters that
    follow it (埃尔多 + 安通电话 → 埃尔多安), unless the next character starts a dictionary word
    that the clause goes on with, or another mention, or is a function word."""
    out = []
    for i, m in enumerate(mentions):
        name = text[m.start:m.end].replace("·", "")
        if m.label == "PER" and len(name) >= 2 and is_transliterated(name):
            limit = min(mentions[i + 1].start if i + 1 < len(mentions) else len(text),
                        m.end + _FOREIGN_NAME_MAX_EXTRA)
            end = m.end
            tags = jieba_word_tags()
            # 安 of 埃尔多安通电话 goes with the name: 安通 is a word, but so is 通电, which then
            # starts the clause; 表 of 普京表示 does not (表示)
            while end < limit and text[end] in _TRANSLITERATION and text[end] not in NAME_STOP_CHARS \
                    and (text[end:end + 2] not in tags or text[end + 1:end + 3] in tags):
                end += 1
            m = Mention(m.start, end, m.label, m.unit)
        out.append(m)
    return out


# ---------------------------------------------------------------------------
# Joins


def _join_place_tails(text: str, mentions: list[Mention]) -> list[Mention]:
    """株洲 + 西站 → 株洲西站: the model sometimes tags a station or district tail apart.
    A "person" written right after a province or city (陕西 + 杨凌) is a place in it."""
    out: list[Mention] = []
    for m in mentions:
        if m.label == "PER" and out and out[-1].label == "LOC" and out[-1].end == m.start \
                and place_level(text[out[-1].start:out[-1].end]) in ("province", "city"):
            m = Mention(m.start, m.end, "LOC", m.unit)
        previous = text[out[-1].start:out[-1].end] if out else ""
        if out and m.label == "LOC" and out[-1].label == "LOC" and out[-1].end == m.start \
                and (text[m.start:m.end] in _PLACE_TAILS
                     # 星河 + 丽景小区: a bare fragment before a compound or community name
                     or (text[m.start:m.end].endswith(_FRAGMENT_JOINING_ENDINGS)
                         and previous not in divisions()
                         and not previous.endswith(_ADMINISTRATIVE_SUFFIXES))):
            out[-1] = Mention(out[-1].start, m.end, "LOC", m.unit)
            continue
        out.append(m)
    return out


def _merge_organizations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Merge chains LOC* ORG (directly adjacent) into one ORG; extend ORG over a following head."""
    merged: list[Mention] = []
    for m in mentions:
        if m.label == "ORG":
            start = m.start
            while merged and merged[-1].end == start and merged[-1].label in ("LOC", "ORG"):
                start = merged.pop().start
            m = Mention(start, m.end, "ORG", m.unit)
        elif m.label == "LOC":
            # A place directly followed by an organization head word is an organization
            # (黄岩村 + 党支部, 滦平县 + 公安局) the model cut short.
            head = head_at(text, m.end)
            if head:
                start = m.start
                while merged and merged[-1].end == start and merged[-1].label in ("LOC", "ORG"):
                    start = merged.pop().start
                m = Mention(start, m.end + len(head), "ORG", m.unit)
        merged.append(m)
    # An ORG directly followed by another head (石家庄市委 + 组织部) is one name.
    for i, m in enumerate(merged):
        if m.label == "ORG":
            head = head_at(text, m.end)
            nxt = merged[i + 1].start if i + 1 < len(merged) else len(text)
            if head and m.end + len(head) <= nxt:
                merged[i] = Mention(m.start, m.end + len(head), "ORG", m.unit)
    return merged
