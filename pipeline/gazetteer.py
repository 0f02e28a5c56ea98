"""Administrative-division gazetteer and place-level rules.

Source: ``pipeline/data/divisions.tsv``, built by ``recipes/build_gazetteer.py``
from the division table ``adcodes.csv`` shipped inside the PyPI package
``cpca`` 0.5.5 (MIT, released 2021-02; 3,219 province-, prefecture- and
county-level divisions with their 12-digit National Bureau of Statistics
codes). Nothing is downloaded. The code's structure gives the level:
``PP0000…`` province, ``PPCC00…`` prefecture (city), ``PPCCDD…`` county level
(district / county / county-level city).

Below county level (towns, subdistricts, villages, communities, compounds) no
free offline list exists, so the level comes from the name's suffix.

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

_PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
_CITY_SUFFIXES = ("自治州", "地区", "盟", "市")
_COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "县", "区", "市", "旗")

# Suffix → level, longest suffix first. Order matters: 社区 before 区, 街道 before 道.
_SUFFIX_LEVELS = (
    ("自治区", "province"), ("特别行政区", "province"), ("省", "province"),
    ("自治州", "city"), ("地区", "region"),
    ("经济技术开发区", "district"), ("开发区", "district"), ("新区", "district"),
    ("街道", "subdistrict"), ("办事处", "subdistrict"),
    ("社区", "community"), ("小区", "compound"), ("家园", "compound"), ("花园", "compound"),
    ("公寓", "compound"), ("大院", "compound"), ("东院", "compound"), ("西院", "compound"),
    ("新村", "compound"), ("苑", "compound"),
    ("村", "village"), ("屯", "village"), ("庄", "village"), ("嘎查", "village"),
    ("乡", "town"), ("镇", "town"), ("苏木", "town"),
    ("县", "county"), ("旗", "county"),
    ("区", "district"), ("市", "city"), ("州", "city"),
    ("山", "landmark"), ("岭", "landmark"), ("峰", "landmark"), ("河", "landmark"), ("江", "landmark"),
    ("湖", "landmark"), ("海", "landmark"), ("岛", "landmark"), ("湾", "landmark"),
    ("市场", "landmark"), ("商圈", "landmark"), ("广场", "landmark"), ("车站", "landmark"),
    ("东站", "landmark"), ("西站", "landmark"), ("南站", "landmark"), ("北站", "landmark"),
    ("机场", "landmark"), ("港", "landmark"), ("桥", "landmark"), ("公园", "landmark"),
)

COUNTRIES = frozenset("中国 美国 日本 韩国 俄罗斯 英国 法国 德国 意大利 西班牙 伊朗 印度 巴基斯坦 "
                      "老挝 越南 泰国 缅甸 柬埔寨 新加坡 马来西亚 印度尼西亚 菲律宾 蒙古 朝鲜 "
                      "加拿大 澳大利亚 新西兰 巴西 阿根廷 墨西哥 埃及 南非 塞尔维亚 匈牙利 "
                      "哈萨克斯坦 土耳其 以色列 沙特阿拉伯 阿联酋 乌克兰 波兰 荷兰 比利时 瑞士 "
                      "瑞典 挪威 丹麦 芬兰 葡萄牙 希腊 奥地利 捷克 爱尔兰 智利 秘鲁 古巴 委内瑞拉".split())
REGIONS = frozenset("华北 华东 华南 华中 西南 西北 东北 京津冀 长三角 珠三角 大湾区 粤港澳大湾区 "
                    "港澳台 港澳 内地 大陆".split())


_DIVISIONS_TSV = Path(__file__).resolve().parent / "data" / "divisions.tsv"


@lru_cache(maxsize=None)
def divisions() -> dict[str, str]:
    """Name → level for every division, under its full and (where unambiguous) short name."""
    full: dict[str, str] = {}
    with open(_DIVISIONS_TSV, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            name, _code, level = line.rstrip("\n").split("\t")
            full.setdefault(name, level)
    short: dict[str, str] = {}
    for name, level in full.items():
        stem = _strip_division_suffix(name, level)
        if stem and len(stem) >= 2 and stem not in full:
            # Two divisions sharing a stem (e.g. two 新华区) keep the higher level.
            short[stem] = min(short.get(stem, level), level, key=_LEVEL_RANK.index)
    return {**short, **full}


_LEVEL_RANK = ("province", "city", "district", "county")


def _strip_division_suffix(name: str, level: str) -> Optional[str]:
    suffixes = {"province": _PROVINCE_SUFFIXES, "city": _CITY_SUFFIXES}.get(level, _COUNTY_SUFFIXES)
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return None


def place_level(name: str) -> str:
    """Level of a place name: gazetteer first, then the suffix, else ``region``."""
    if name in COUNTRIES:
        return "country"
    if name in REGIONS:
        return "region"
    level = divisions().get(name)
    if level:
        return level
    for suffix, level in _SUFFIX_LEVELS:
        if name.endswith(suffix) and len(name) > len(suffix):
            return level
    return "region"


# Where a multi-level place string can be cut into its parts
# (石家庄市桥西区 → 石家庄市 | 桥西区); only after a division suffix.
_SPLIT_AFTER = re.compile(r"(?<=..)(?:省|自治区|市|自治州|地区|县|区|乡|镇|街道)(?=[\u4e00-\u9fff]{2,})")


_AREA_WORDS = frozenset(("市区", "城区", "社区", "小区", "园区", "景区", "库区", "山区", "街区"))
_SPLIT_AFTER_LOCAL = re.compile(
    r"(?<=..)(?:社区|村|街(?!道))(?![东西南北中]段)(?=[\u4e00-\u9fff]{1,8}(?:小区|社区|村|花园|家园|苑|东院|西院|大院)$)")


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
    """
    # 市区 / 城区 / 社区 … end in 区 but are words, not division cut points
    division_cuts = {m.end() for m in _SPLIT_AFTER.finditer(name)
                     if name[max(0, m.end() - 2):m.end()] not in _AREA_WORDS}
    # 日光社区日光小区, 安塘街安塘村: a community, village or street before a smaller place
    local_cuts = {m.end() for m in _SPLIT_AFTER_LOCAL.finditer(name)}
    parts = []
    start = 0
    for end in sorted(division_cuts | local_cuts):
        if end - start >= 2 and len(name) - end >= 2:
            parts.append((start, end))
            start = end
    parts.append((start, len(name)))
    return parts
