"""Organization head nouns: the ``org_type`` of a name, and the head sets the mention rules read.

Contract
--------
``org_type(name) -> str``: the type of an organization from the head noun its name ends
with (``pipeline/data/lexicons/org_heads.tsv``; the types are listed in ``org_types.tsv``);
``head_at(text, pos)``: the longest head of two or more characters written at ``pos``.
``KNOWN_ORGANIZATIONS``: national and international bodies by name (``known_organizations.tsv``),
whose type is their row's, whatever their head (国务院, 联合国, 全国政协).
Everything here is built once, when the module is imported.

>>> org_type("石家庄四药有限公司"), org_type("鹿泉区石井乡黄岩村党支部"), org_type("河北日报")
('company', 'party', 'media')
>>> org_type("交通运输部"), org_type("全国政协"), org_type("世卫组织")
('government', 'government', 'other')
>>> head_at("黄岩村党支部书记", 3), head_at("黄岩村党支部", 0) is None
('党支部', True)
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ..affixes import Affixes
from ..gazetteer import COUNTRIES, country_at, divisions, short_division_names
from ..lexicons import alternation, lexicon
from ..resources import jieba_word_tags
from ..text.chars import HAN, is_han

_HEADS = lexicon("org_heads")
_duplicated = sorted(w for w, n in Counter(_HEADS.words()).items() if n > 1)
if _duplicated:  # org_type is read from one row: a head listed twice would hide its second type
    raise ValueError(f"org_heads.tsv lists a head more than once: {', '.join(_duplicated)}")

#: Organization head nouns → org_type, in file order (rows with org_type ``-`` are no type head).
ORG_HEADS: dict[str, str] = {w: t for w, t in zip(_HEADS.words(), _HEADS.column("org_type")) if t != "-"}
#: Longest first; among heads of one length, file order (a stable sort).
ORG_HEADS_BY_LENGTH = tuple(sorted(ORG_HEADS, key=len, reverse=True))
ORG_HEAD_ENDINGS = tuple(ORG_HEADS)
_ORG_HEAD_WORDS = Affixes(ORG_HEADS)
#: heads of government bodies of two or more characters (总统府, 政府, 联邦安全会议): a place the model
#: read ending in one is the body (土耳其总统府)
GOVERNMENT_HEADS = Affixes(h for h, t in ORG_HEADS.items() if t == "government" and len(h) >= 2)
# heads of two or more characters, asked which are written at a position (head_at)
_LONG_ORG_HEADS = Affixes(h for h in ORG_HEADS if len(h) >= 2)

#: Short company heads a place written alone before them does not take (中国科技, 长三角科技资源).
HEADS_NOT_AFTER_A_PLACE = frozenset(w for w, flag in zip(_HEADS.words(), _HEADS.column("after_place")) if flag == "no")
#: Heads distinctive enough to find a name without the model (…有限公司, …党支部, …派出所).
STRONG_ORG_HEADS = _HEADS.flagged("strong")
#: A title that starts with its unit (鑫港社区干部, 乡党委书记) splits the unit off at one of these.
TITLE_UNIT_ENDINGS = tuple(sorted({h for h in ORG_HEADS if len(h) >= 2} | set(_HEADS.flagged("title_unit")),
                                  key=len, reverse=True))
_PARTY_BRANCH_ENDINGS = _HEADS.flagged("party_branch")
_POLICE_WORD = re.compile(alternation(lexicon("police_words").words()))

#: The heads that close a newspaper's name (日报, 时报, 邮报): 《…》 so closed is a paper, not a
#: document (《情况通报》 and 《公报》 close with 报 alone)
PAPER_HEADS = tuple(h for h, t in ORG_HEADS.items() if t == "media" and len(h) == 2 and h.endswith("报"))

#: National and international bodies → org_type (工业和信息化部 → government, 联合国 → other).
KNOWN_ORGANIZATIONS: dict[str, str] = lexicon("known_organizations").mapping("org_type")

#: org_types whose departments (检验科, 储运服务部) a person's title may name.
INSTITUTION_TYPES = lexicon("org_types").flagged("institution")


def head_at(text: str, pos: int) -> Optional[str]:
    """The longest organization head of two or more characters starting at ``pos``."""
    return next((h for h in _LONG_ORG_HEADS.openings(text, pos) if not department_kind_at(text, pos + len(h))), None)


def department_kind_at(text: str, end: int) -> bool:
    """The 部 before ``end`` opens the word 部门 (卫生部 + 门: 卫生部门 is a department of a kind, no
    ministry)."""
    return text[end - 1:end] == "部" and text[end:end + 1] == "门"


#: company and brand names a "person" of the model may carry (淘宝, 戴尔: known_brands.tsv, derived by
#: recipes/build_known_brands.py from labelled corpora)
KNOWN_BRANDS = frozenset(lexicon("known_brands").words())


_TYPE_ENDINGS = lexicon("org_type_endings").mapping("org_type")
_TYPE_ENDING_WORDS = Affixes(_TYPE_ENDINGS)


def org_type(name: str) -> str:
    """Organization type: a known body's own type, else from its head noun (the longest known
    head it ends with)."""
    if name in KNOWN_ORGANIZATIONS:
        return KNOWN_ORGANIZATIONS[name]
    country = country_at(name, 0)
    if country and name[len(country):] in KNOWN_ORGANIZATIONS:
        return KNOWN_ORGANIZATIONS[name[len(country):]]  # 美国白宫, 俄罗斯国家杜马: the known body's type
    if name in KNOWN_BRANDS:
        return "company"
    if sent_team_join(name, 0, len(name)) is not None:
        return "other"  # 中日友好医院支援湖北医疗队: a team, not the hospital that sent it
    if name.startswith("中共") or name.endswith(("委员会", "中央")) and "党" in name:
        return "party"  # (老挝人民革命党中央, 哈萨克斯坦共产人民党中央)
    final_head = _ORG_HEAD_WORDS.longest_ending(name)
    if _POLICE_WORD.search(name) and not name.endswith(_PARTY_BRANCH_ENDINGS) \
            and ORG_HEADS.get(final_head) != "ngo":
        return "police"  # 呼和浩特市公安局禁毒支队: a police unit, not the military (an association is none)
    if final_head is not None:
        return ORG_HEADS[final_head]
    for head in ORG_HEADS_BY_LENGTH:  # head inside the name: 北京丰台蓝天救援队防疫消杀组
        if len(head) >= 2 and head in name:
            return ORG_HEADS[head]
    if name.endswith("社区"):
        return "community"
    ending = _TYPE_ENDING_WORDS.longest_ending(name, min_rest=1) if len(name) >= 3 else None
    if ending is not None:
        return _TYPE_ENDINGS[ending]  # 国土资源部, 银监会, 大庆油田 (org_type_endings.tsv)
    if any(name.startswith(k) and KNOWN_ORGANIZATIONS[k] == "company" and name[len(k):].startswith(COMPANY_WORDS)
           for k in KNOWN_ORGANIZATIONS_BY_FIRST.get(name[:1], ())):
        return "company"  # 格力电器, 上汽通用五菱: a known company's short name and words of company names
    if len(name) >= 4 and name.endswith(COMPANY_WORDS):
        return "company"  # 保利影业, 晶科能源: a word of company names closes it
    return "other"


#: Words that close a company's name (电器, 科技, 影业: company_name_endings.tsv)
COMPANY_WORDS = tuple(lexicon("company_name_endings").words())
#: known bodies by their first character (a name that opens with one: 格力电器, 华为公司)
KNOWN_ORGANIZATIONS_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _name in KNOWN_ORGANIZATIONS:
    KNOWN_ORGANIZATIONS_BY_FIRST[_name[0]] = KNOWN_ORGANIZATIONS_BY_FIRST.get(_name[0], ()) + (_name,)


#: what joins a team to the place or body that sent it (云南第七批支援湖北医疗队, 北京援鄂医疗队)
_SENT_TEAM_JOIN = re.compile(r"(?:第[0-9一二三四五六七八九十百]+批)?(?:支援|援)")


def sent_team_join(text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    """(start, end) of the 支援 (or 第七批支援, 援) inside a team's name ``text[start:end]`` that
    ends in 队, with a sender of two characters or more before it and a place and the team after
    it (湖北, 鄂: a division or a province's one-character name); None when there is none, or when
    the 援 is a word's (南昌消防救援支队特勤大队: 救援)."""
    if text[end - 1:end] != "队":
        return None
    from .name_words import PROVINCE_ABBREVIATIONS  # (name_words reads this module: imported at call time)
    tags = jieba_word_tags()
    joins = [j for j in _SENT_TEAM_JOIN.finditer(text, start + 2, end - 3)
             if text[j.end() - 2:j.end()] == "支援" or text[j.end() - 2:j.end()] not in tags
             if text[j.end():j.end() + 1] in PROVINCE_ABBREVIATIONS
             or any(text[j.end():j.end() + k] in divisions() for k in (2, 3, 4))]
    return joins[-1].span() if joins else None


#: a company's seat or group in brackets inside its registered name (联邦快递（中国）有限公司,
#: 乐普（北京）医疗器械股份有限公司, 中国人寿保险（集团）公司): the name goes on before the brackets
_BRACKETED_SEAT = re.compile(rf"[（(]([{HAN}]{{2,3}})[）)]")
_SEAT_WORDS = frozenset(lexicon("company_seat_words").words())
#: a company's whole registered name ends so (江苏省苏豪控股集团有限公司, 联邦快递（中国）有限公司)
COMPANY_HEAD_ENDINGS = ("公司", "集团")


def company_seat_at(text: str, at: int) -> Optional[re.Match]:
    """The brackets at ``at`` holding a company's seat: a country, a division's name or short name, or
    a word of company_seat_words.tsv (集团, 控股)."""
    seat = _BRACKETED_SEAT.match(text, at)
    if seat is None:
        return None
    word = seat.group(1)
    return seat if word in _SEAT_WORDS or word in COUNTRIES or word in divisions() or word in short_division_names() else None


def company_seat_ending_at(text: str, end: int) -> Optional[re.Match]:
    """A company's seat in brackets (``company_seat_at``) closing at ``end``, after a name's character."""
    for width in (4, 5):
        seat = company_seat_at(text, end - width) if end - width > 0 else None
        if seat is not None and seat.end() == end and (is_han(c := text[seat.start() - 1]) or c.isascii() and c.isalnum()):
            return seat
    return None


#: an organization's head right after a known body's short name (国家电投 + 集团): part of the owner's name
_OWNER_HEADS = ("集团", "有限公司", "公司")


def venue_owner(name: str) -> str:
    """The known body (the longest that opens the name: 中国广核集团, 三峡集团) or else the country
    (乌克兰) written before a venue's name; "" when none."""
    owner = max((k for k in KNOWN_ORGANIZATIONS_BY_FIRST.get(name[:1], ())
                 if 2 <= len(k) <= len(name) - 3 and name.startswith(k)), key=len, default=None)
    if owner:
        head = next((h for h in _OWNER_HEADS if name.startswith(h, len(owner))), "")
        return owner + head
    return country_at(name, 0) or ""
