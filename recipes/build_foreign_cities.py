"""Derive pipeline/data/lexicons/foreign_cities.tsv: the Chinese names of foreign cities, from the
exemplar cities of the Unicode CLDR's time zones as the babel package ships them (babel, a pinned
dependency: requirements.lock), so that a foreign city the places stage finds gets level ``city``
(德黑兰, 基辅, 东京, 伦敦: were ``region``, since neither the division table nor the derived
foreign_places.tsv holds them: they are dictionary words, no transliteration runs).

    .venv/bin/python recipes/build_foreign_cities.py

Kept: every exemplar city of CLDR's Chinese locale (``zh``) that is no Chinese division (澳门, 乌鲁木齐),
no country or region of places_by_name.tsv (安道尔, 圣卢西亚: country and city share the name),
no island (…岛, …群岛: a landmark or a region), no name qualified by its state (北达科他州比尤拉), not
CLDR's placeholder 未知城市, none of China's own time zones (台北), and none of ``NOT_CITIES``: the zones
CLDR names after a territory, an island or a region rather than a city (百慕大, 堪察加, 乌拉尔).
The table is small (a few hundred names) and is rebuilt, not edited.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "pipeline" / "data" / "lexicons" / "foreign_cities.tsv"
#: China's own zones (Asia/Shanghai, Asia/Taipei, …): no foreign city
CHINESE_ZONES = ("Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei")
#: exemplar "cities" that name a territory, an island, a region or a research station
NOT_CITIES = frozenset("""乌拉尔 南乔治亚 堪察加 开曼 百慕大 波多黎各 瓜德罗普 留尼汪 直布罗陀 库拉索 安圭拉 加那利 塔希提
法罗 查戈斯 皮特凯恩 纽埃 圣赫勒拿 圣基茨 圣文森特 安提瓜 瓦利斯 凯尔盖朗 布干维尔 可可斯 威克 塞班 瓜达尔卡纳尔
马提尼克 马约特 阿鲁巴 马德拉 马克萨斯 蒙特塞拉特 萨哈林 诺福克 麦格理 麦克默多 莫森 戴维斯 沃斯托克 罗瑟拉 帕尔默
特罗尔 昭和 卡塞 迪蒙·迪维尔 东加塔布 埃法特 拉罗汤加 甘比尔 恩德伯里 夸贾林 库赛埃 法考福 托尔托拉 大特克 密克隆
圣托马斯 巴伊亚 图勒""".split())


def main() -> int:
    sys.path.insert(0, str(ROOT))
    import babel
    from babel import Locale

    from pipeline.gazetteer import PLACES_KNOWN_BY_NAME, divisions

    names = {zone.get("city") for zone_id, zone in Locale("zh").time_zones.items()
             if zone_id not in CHINESE_ZONES} - {None, "未知城市"}
    kept = sorted(n for n in names
                  if n not in NOT_CITIES and n not in divisions() and n not in PLACES_KNOWN_BY_NAME
                  and not n.endswith("岛") and "州" not in n[:-1] and len(n) >= 2)
    header = [
        "# concept: Foreign cities by their Chinese names (德黑兰, 基辅, 东京): a place so named is a city, not a region.",
        f"# source: derived by recipes/build_foreign_cities.py from the exemplar cities of the Unicode CLDR time zones in Chinese (zh), as babel {babel.__version__} ships them; Chinese divisions and China's own zones, countries and regions of places_by_name.tsv, islands, territories and stations (the recipe's NOT_CITIES) and state-qualified names left out. Written 2026-12-06 night after three sweeps of 300 unlabelled CCTV articles found foreign capitals with level region.",
        "# used by: pipeline/entities/name_words.py",
        "# note: the rules that use it: pipeline/entities/places.py (levels), sanitise.py (a city the dictionary mis-tags stays a place: 首尔), rule_places.py (an untagged city after a locative: 在首尔)",
        "# columns: word",
    ]
    OUT.write_text("\n".join(header + kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} names written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
