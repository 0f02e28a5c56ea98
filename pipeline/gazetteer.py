"""Administrative-division gazetteer and place-level rules.

Source: ``pipeline/data/divisions.tsv``, built by ``recipes/build_gazetteer.py``
from the division table ``adcodes.csv`` shipped inside the PyPI package
``cpca`` 0.5.5 (MIT, released 2021-02; 3,219 province-, prefecture- and
county-level divisions with their 12-digit National Bureau of Statistics
codes). Nothing is downloaded. The code's structure gives the level:
``PP0000…`` province, ``PPCC00…`` prefecture (city), ``PPCCDD…`` county level
(district / county / county-level city).

Below county level (towns, subdistricts, villages, communities, compounds) no
free offline list exists, so the level comes from the name's suffix
(``pipeline/data/lexicons/place_suffixes.tsv``, the rows flagged ``by_suffix``, in file
order). Countries and macro-regions are known by name (``places_by_name.tsv``); a
division is also known by its name without its suffix (``division_name_suffixes.tsv``).

>>> place_level("石家庄市"), place_level("石家庄"), place_level("深泽县")
('city', 'city', 'county')
>>> place_level("黄岩村"), place_level("青园街道"), place_level("谈中园小区")
('village', 'subdistrict', 'compound')
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .affixes import Affixes
from .lexicons import alternation, lexicon
from .text.chars import HAN

# The first suffix a division's full name ends with, by level (石家庄市 → 石家庄): file order.
_DIVISION_SUFFIXES = lexicon("division_name_suffixes")
_STRIP_SUFFIXES = {level: _DIVISION_SUFFIXES.flagged(level) for level in ("province", "city", "county")}

# Suffix → level, tried in file order (a longer suffix before a shorter one it ends with:
# 社区 before 区, 街道 before 道).
_SUFFIX_LEVELS = tuple((row.suffix, row.level) for row in lexicon("place_suffixes").records()
                       if row.by_suffix == "yes")
# the longest suffix decides (山 and 火山 are both landmarks; tests/test_affixes.py checks that no
# shorter suffix listed first gives another level); the first row of a suffix listed twice
_LEVEL_OF_SUFFIX: dict[str, str] = {}
for _suffix, _level in _SUFFIX_LEVELS:
    _LEVEL_OF_SUFFIX.setdefault(_suffix, _level)
_LEVEL_SUFFIXES = Affixes(_LEVEL_OF_SUFFIX)

# Countries and macro-regions: known by name, before the gazetteer.
_PLACES_BY_NAME = lexicon("places_by_name").mapping("level")
COUNTRIES = frozenset(n for n, level in _PLACES_BY_NAME.items() if level == "country")
#: Every name places_by_name.tsv lists (countries, regions, seas, mountains, landmarks)
PLACES_KNOWN_BY_NAME = frozenset(_PLACES_BY_NAME)
#: Countries other than China (中国, and 中华 that opens Chinese bodies' own names): a foreign
#: body's location, a foreign party's country
FOREIGN_COUNTRIES = COUNTRIES - {"中国", "中华"}
#: the countries, longest first: for ``str.startswith`` / ``str.endswith`` with a tuple, and for the
#: first match of a loop to be the whole name (南苏丹 before 苏丹)
COUNTRIES_LONGEST_FIRST = tuple(sorted(COUNTRIES, key=len, reverse=True))
#: the countries by their first character, longest first (one dict lookup before any startswith)
COUNTRIES_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _country in COUNTRIES_LONGEST_FIRST:
    COUNTRIES_BY_FIRST[_country[0]] = COUNTRIES_BY_FIRST.get(_country[0], ()) + (_country,)


def country_at(text: str, start: int) -> Optional[str]:
    """The longest country's name written at ``start`` of ``text``, or None."""
    return next((c for c in COUNTRIES_BY_FIRST.get(text[start:start + 1], ()) if text.startswith(c, start)), None)
REGIONS = frozenset(n for n, level in _PLACES_BY_NAME.items() if level == "region")
#: Regions found in the text by name where the model tagged nothing (长三角, 粤港澳大湾区)
REGIONS_FOUND_BY_NAME = frozenset(lexicon("places_by_name").flagged("find"))

#: Division suffixes a place is written with and without (石家庄 / 石家庄市): the entities stage
#: folds the two forms into one row under the fuller name, and geocode reads the row so.
FOLDED_SUFFIXES = ("市", "省", "县", "区")


_DIVISIONS_TSV = Path(__file__).resolve().parent / "data" / "divisions.tsv"
#: the divisions of the NBS 2023 table that cpca's (divisions.tsv) predates: 坪山区, 渌口区, 临平区 …
#: (recipes/build_division_additions.py)
_DIVISIONS_ADDED_TSV = Path(__file__).resolve().parent / "data" / "divisions_added.tsv"


@lru_cache(maxsize=None)
def _division_rows() -> tuple[tuple[str, str, str], ...]:
    """(name, code, level) of every row of divisions.tsv and divisions_added.tsv, read once per process."""
    rows = []
    for path in (_DIVISIONS_TSV, _DIVISIONS_ADDED_TSV):
        with open(path, encoding="utf-8") as fh:
            rows += [tuple(line.rstrip("\n").split("\t")) for line in fh if not line.startswith("#")]
    return tuple(rows)


@lru_cache(maxsize=None)
def _added_division_names() -> frozenset[str]:
    """The names of divisions_added.tsv (the NBS divisions cpca's table predates)."""
    with open(_DIVISIONS_ADDED_TSV, encoding="utf-8") as fh:
        return frozenset(line.split("\t")[0] for line in fh if not line.startswith("#"))


@lru_cache(maxsize=None)
def divisions() -> dict[str, str]:
    """Name → level for every division, under its full and (where unambiguous) short name."""
    full: dict[str, str] = {}
    for name, _code, level in _division_rows():
        full.setdefault(name, level)
    short: dict[str, str] = {}
    added = _added_division_names()
    for name, level in full.items():
        # (a division of the NBS additions is read under its full name only: 光明 of 光明区, 云冈 of
        # 云冈区 are words and landmarks far more often than the districts made in 2016-2021)
        stem = _strip_division_suffix(name, level) if name not in added else None
        if stem and len(stem) >= 2 and stem not in full:
            # Two divisions sharing a stem (e.g. two 新华区) keep the higher level.
            short[stem] = min(short.get(stem, level), level, key=_LEVEL_RANK.index)
    return {**short, **full}


@lru_cache(maxsize=None)
def short_division_names() -> frozenset[str]:
    """Two-character short names of prefecture-level cities (``prefecture_short_names``) and of
    counties and districts that the dictionary knows as place names or not at all (孝感, 伊春,
    嘉定; not those that are common words): the names a list of places or a verb of going writes
    without their suffix."""
    from .resources import jieba_word_tags  # the dictionary loads once, on first use

    tags = jieba_word_tags()
    names = set(prefecture_short_names())
    for name, _code, level in _division_rows():
        if level in ("county", "district"):
            stem = _strip_division_suffix(name, level)
            if stem and len(stem) == 2 and tags.get(stem) in (None, "ns") and divisions().get(stem) in ("county", "district"):
                names.add(stem)
    return frozenset(names)


# NBS codes: province 2 digits, prefecture 4, county 6, town 9, village 12
_LEVEL_WIDTHS = (2, 4, 6, 9, 12)


@lru_cache(maxsize=None)
def prefecture_short_names() -> frozenset[str]:
    """Short names of the prefecture-level cities (蚌埠 of 蚌埠市; code XXYY00…, not a county-level
    city such as 高平市, nor a 地区 or 盟 such as 阿里地区, whose short name is a common foreign name):
    a two-character one read as a person is more often the city."""
    names = set()
    for name, code, level in _division_rows():
        if level == "city" and code[2:4] != "00" and code[4:] == "00000000" and name.endswith("市"):
            stem = _strip_division_suffix(name, level)
            if stem and len(stem) == 2:
                names.add(stem)
    return frozenset(names)


def code_prefix(code: Optional[str]) -> Optional[str]:
    """The significant digits of a 12-digit NBS code: the shortest level prefix followed only
    by zeros, so a division holds another when the other's prefix starts with its own
    (130100000000 → 1301; 110105000000 → 110105); ``None`` for no code.

    >>> code_prefix("130100000000"), code_prefix("110000000000"), code_prefix("420528107203"), code_prefix(None)
    ('1301', '11', '420528107203', None)
    """
    if not code:
        return None
    for width in _LEVEL_WIDTHS:
        if not code[width:].strip("0"):
            return code[:width]
    return code


_LEVEL_RANK = ("province", "city", "district", "county")


# an autonomous division named after its river is not known by the river's name alone (怒江金丝猴,
# 三江平原, 红河: the river, a plain): the landmark endings of place_suffixes.tsv that name water
_WATER_ENDINGS = ("江", "河", "湖", "海")

# the ethnic words of an autonomous division's name (长阳土家族自治县, 湘西土家族苗族自治州)
#: China's 56 ethnic groups (哈萨克族, 土家族: ethnic_groups.tsv)
ETHNIC_GROUPS = frozenset(lexicon("ethnic_groups").words())
_ETHNIC_TAIL = re.compile(f"(?:{alternation(ETHNIC_GROUPS)})+$")


def _strip_division_suffix(name: str, level: str) -> Optional[str]:
    """The name without its suffix (石家庄市 → 石家庄); an autonomous division's without its ethnic
    words too (五峰土家族自治县 → 五峰), unless the dictionary reads what is left as a verb, adverb or
    adjective (互助土族自治县 → 互助土族: 互助 is a verb)."""
    suffixes = _STRIP_SUFFIXES.get(level, _STRIP_SUFFIXES["county"])
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治") and level != "province":
                from .resources import jieba_word_tags  # the dictionary loads once, on first use

                short = _ETHNIC_TAIL.sub("", stem)
                if len(short) >= 2 and jieba_word_tags().get(short, "")[:1] not in ("v", "d", "a") \
                        and not short.endswith(_WATER_ENDINGS):
                    return short
            return stem
    return None


_STATE_FORMS = lexicon("country_state_forms").mapping("needs_country")


def _is_state_formal_name(name: str) -> bool:
    """A sovereign state's formal name: a form word after two characters or more, and after a
    country's short name where the form word asks for one (沙特阿拉伯 + 王国)."""
    for form, needs_country in _STATE_FORMS.items():
        if name.endswith(form) and len(name) - len(form) >= 2:
            return needs_country != "yes" or name[:-len(form)] in COUNTRIES
    return False


def place_level(name: str) -> str:
    """Level of a place name: the places known by name (places_by_name.tsv), the gazetteer, then
    the suffix, else ``region``."""
    if name in _PLACES_BY_NAME:
        return _PLACES_BY_NAME[name]  # countries, regions, and seas or mountains named like a district
    level = divisions().get(name)
    if level:
        return level
    if _is_state_formal_name(name):
        return "country"  # 吉尔吉斯共和国, 俄罗斯联邦 (country_state_forms.tsv)
    suffix = _LEVEL_SUFFIXES.longest_ending(name, min_rest=1)
    return _LEVEL_OF_SUFFIX[suffix] if suffix else "region"


def suffixes_at(levels: tuple[str, ...], flag: str = "by_suffix") -> tuple[str, ...]:
    """The suffixes of place_suffixes.tsv at these levels whose ``flag`` column says yes, longest
    first (a suffix before any shorter one it ends with).

    >>> suffixes_at(("town",)), suffixes_at(("village", "community"), "chain_end")
    (('苏木', '乡', '镇'), ('社区', '村'))
    """
    rows = lexicon("place_suffixes").records()
    return tuple(sorted((r.suffix for r in rows if r.level in levels and getattr(r, flag) == "yes"),
                        key=len, reverse=True))


_LOCAL_LEVELS = ("town", "subdistrict", "village", "community")
#: Suffixes of towns and subdistricts (镇 乡 街道 苏木…), which a town may change between
#: (撤镇设街道): the geocode stage reads a town's name under the others too.
TOWN_SUFFIXES = suffixes_at(("town", "subdistrict"))
_LOCAL_SUFFIXES = suffixes_at(_LOCAL_LEVELS)
_LOCAL_SUFFIX_WORDS = Affixes(_LOCAL_SUFFIXES)


def local_stem(name: str) -> Optional[str]:
    """The name of a town, subdistrict, village or community without its suffix, as news
    writes it once the full name is given (绥阳镇 … 绥阳辖区); ``None`` for other names or a
    stem shorter than two characters.

    >>> local_stem("绥阳镇"), local_stem("汇宁街社区"), local_stem("东宁市"), local_stem("李村")
    ('绥阳', '汇宁街', None, None)
    """
    suffix = _LOCAL_SUFFIX_WORDS.longest_ending(name, min_rest=2)
    return name[:-len(suffix)] if suffix else None


# Where a multi-level place string can be cut into its parts
# (石家庄市桥西区 → 石家庄市 | 桥西区); only after a division suffix.
_SPLIT_AFTER = re.compile(
    rf"(?<=..)(?:{alternation(lexicon('place_suffixes').flagged('chain_split'))})(?=[{HAN}]{{2,}})")


_AREA_WORDS = frozenset(lexicon("area_words").words())
_SPLIT_AFTER_LOCAL = re.compile(
    rf"(?<=..)(?:社区|村|街(?!道))(?![东西南北中]段)(?=[{HAN}]{{1,8}}(?:{alternation(lexicon('place_suffixes').flagged('local_end'))})$)")


def _prefecture_short_cut(name: str) -> Optional[int]:
    """End of an autonomous prefecture written short with its 州 (湘西州, 恩施州, 凉山州) that opens
    ``name`` before a place of two or more characters: the gazetteer reads the short form as a
    city-level name, though it is no division's full name."""
    for k in (5, 4, 3):
        head, rest = name[:k], name[k:]
        if head.endswith("州") and len(rest) >= 2 and head not in divisions() \
                and place_level(head) == "city" and place_level(rest):
            return k
    return None


def _region_prefix(name: str) -> Optional[int]:
    """End of a region's name opening ``name`` before a village, community or town of two or
    more characters (湘西 + 十八洞村, 陕北 + 梁家河村): a place word of the dictionary (ns) that is
    no division the gazetteer knows (上海 + 花园社区 stays whole: a city's name opens many a
    community's)."""
    from .resources import jieba_word_tags  # the dictionary loads once, on first use

    for k in (3, 2):
        head, rest = name[:k], name[k:]
        stem = local_stem(rest)
        if stem and len(stem) >= 2 and head not in divisions() and jieba_word_tags().get(head) == "ns":
            return k
    return None


@lru_cache(maxsize=None)
def _division_prefixes() -> dict[str, frozenset[str]]:
    """Name (full, and short where ``divisions`` has it) → the code prefixes of its divisions
    (河北省 → {"13"}, 吉县 → {"141028"}): a division holds another when the other's code
    starts with its prefix."""
    prefixes: dict[str, set[str]] = {}
    for name, code, level in _division_rows():
        prefix = code_prefix(code)  # 110000… → 11
        prefixes.setdefault(name, set()).add(prefix)
        stem = _strip_division_suffix(name, level) if name not in _added_division_names() else None
        if stem and len(stem) >= 2:
            prefixes.setdefault(stem, set()).add(prefix)
    return {name: frozenset(p) for name, p in prefixes.items()}


# Words of a street's name (南京东路, 武汉大道, 吉林大路): a subdistrict so named opens with a city's
# name that is part of it
_STREET_WORDS = ("路", "大道", "街")


def division_holds(outer: str, inner: str) -> bool:
    """Whether a division named ``outer`` holds one named ``inner`` (full or short names, by the
    codes: 云南 holds 腾冲, 山西 holds 吉县, 河北 does not hold 腾冲).

    >>> division_holds("云南", "腾冲"), division_holds("河北", "腾冲"), division_holds("腾冲", "腾冲")
    (True, False, False)
    """
    prefixes = _division_prefixes()
    return outer in prefixes and inner in prefixes and any(
        r.startswith(h) and r != h for h in prefixes[outer] for r in prefixes[inner])


def division_prefix_cut(name: str) -> Optional[int]:
    """End of a division written without its suffix that opens ``name`` before a division it
    holds (山西 + 吉县, 北京 + 东城区) or a prefecture's before a town (和田 + 塔瓦库勒乡): the
    gazetteer's codes say the first holds the second; a town is taken on its suffix (no town
    list here).
    A village or community after a prefecture's or county's name is cut off when the five-level
    table has one so named under it (眉山 + 果园村); after a province-level city's name it stays
    whole (上海花园社区)."""
    prefixes = _division_prefixes()
    for k in (3, 2):
        head, rest = name[:k], name[k:]
        if head not in prefixes or len(rest) < 2 or head + rest[:1] in prefixes:
            continue
        if division_holds(head, rest):
            return k
        # a town after a prefecture's name (和田 + 塔瓦库勒乡); not after a province or a county
        # (上海 + 朱家角古镇 is a landmark, 东坡 + 傣族乡 one township's name)
        stem = local_stem(rest) or ""
        if place_level(rest) in ("town", "subdistrict") and len(stem) >= 2 and rest not in prefixes \
                and any(len(h) == 4 for h in prefixes[head]) and not any(w in stem for w in _STREET_WORDS):
            return k  # not 南京 + 东路街道: a subdistrict named after its street keeps the city's name
        if _village_under(head, rest):
            return k
    return None


#: the endings of a village's or community's name as the five-level table writes it
_VILLAGE_ENDINGS = ("村", "社区")


def _village_under(head: str, rest: str) -> bool:
    """A village or community after the name of a prefecture or county that holds one so named in
    the five-level table (眉山 + 果园村: 511403004220). Not after a province's or a province-level
    city's name: with tens of thousands of villages under it, one of the name is there by chance
    (上海 + 花园社区 is a community's whole name)."""
    if not rest.endswith(_VILLAGE_ENDINGS) or len(rest) < 3:
        return False
    prefixes = [p for p in _division_prefixes()[head] if len(p) >= 4]
    if not prefixes:
        return False
    from .geocode.divisions import divisions_table  # the five-level table loads once, on first use

    return any(f"{code:012d}".startswith(tuple(prefixes)) for code in divisions_table().lookup(rest))


def split_place_chain(name: str) -> list[tuple[int, int]]:
    """Cut a chain of divisions into parts, as (start, end) offsets within ``name``.

    Only cuts where the left part is a known division or ends in a division
    suffix and the right part is at least two characters.

    >>> n = "石家庄市桥西区红旗街道"
    >>> [n[s:e] for s, e in split_place_chain(n)]
    ['石家庄市', '桥西区', '红旗街道']
    >>> n = "安塘街安塘村"
    >>> [n[s:e] for s, e in split_place_chain(n)], split_place_chain("汇宁街社区")
    (['安塘街', '安塘村'], [(0, 5)])
    >>> split_place_chain("卫星街西段社区")
    [(0, 7)]
    >>> n = "湘西十八洞村"
    >>> [n[s:e] for s, e in split_place_chain(n)], len(split_place_chain("上海花园社区"))
    (['湘西', '十八洞村'], 1)
    >>> [[n[s:e] for s, e in split_place_chain(n)] for n in ("山西吉县", "和田塔瓦库勒乡", "吉林市", "南京东路街道")]
    [['山西', '吉县'], ['和田', '塔瓦库勒乡'], ['吉林市'], ['南京东路街道']]
    >>> [[n[s:e] for s, e in split_place_chain(n)] for n in ("湘西州十八洞村", "恩施州巴东县", "苏州工业园区")]
    [['湘西州', '十八洞村'], ['恩施州', '巴东县'], ['苏州工业园区']]
    >>> n = "兴安盟幸福嘎查"
    >>> [n[s:e] for s, e in split_place_chain(n)]
    ['兴安盟', '幸福嘎查']
    """
    # 市区 / 城区 / 社区 … end in 区 but are words, not division cut points
    division_cuts = {m.end() for m in _SPLIT_AFTER.finditer(name)
                     if name[max(0, m.end() - 2):m.end()] not in _AREA_WORDS}
    # 日光社区日光小区, 安塘街安塘村: a community, village or street before a smaller place
    local_cuts = {m.end() for m in _SPLIT_AFTER_LOCAL.finditer(name)}
    region = _region_prefix(name)
    prefecture = _prefecture_short_cut(name)
    if prefecture:
        division_cuts.add(prefecture)  # 湘西州十八洞村, 恩施州巴东县: 州 ends the prefecture's short name
    elif region:
        division_cuts.add(region)  # 湘西十八洞村: a region's name before a village of it
    short = division_prefix_cut(name)
    if short:
        division_cuts.add(short)  # 山西吉县: a province written short before a county of it
    league = next((k for k in (3, 4, 5) if name[k - 1:k] == "盟" and name[:k] in divisions()), None)
    if league:  # 兴安盟幸福嘎查: a league (Inner Mongolia's prefecture; 盟 alone ends 联盟 too) before a place of it
        division_cuts.add(league)
    parts = []
    start = 0
    for end in sorted(division_cuts | local_cuts):
        if end - start >= 2 and len(name) - end >= 2:
            parts.append((start, end))
            start = end
    parts.append((start, len(name)))
    return parts
