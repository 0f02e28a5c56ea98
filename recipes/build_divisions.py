"""Build pipeline/data/divisions5.tsv.gz, the five-level division table the geocode stage reads.

Input: ``../shared/corpora/divisions/divisions.tsv.gz`` — the National Bureau of Statistics'
*统计用区划代码和城乡划分代码*, 2023 release (cut-off 2023-06-30), 665,271 rows of ``code``,
``name``, ``level`` (1 province … 5 village or residents' committee) and ``parent_code``, taken from
GitHub ``modood/Administrative-divisions-of-China`` (data commit dc3a1d7a; WTFPL / MIT, the data are
NBS public statistics). See ``../shared/corpora/README.md``. The corpus is not committed; this
derived table is.

What the run needs, per division: its 12-digit code, its name **as news writes it**, its level, its
parent's code, and for levels 1-4 the short form news also writes:

* village-level official names lose their committee suffix: 关口垭村委会 → 关口垭村, 大桥头村民委员会 →
  大桥头村, 多福巷社区居委会 → 多福巷社区, 汇宁街社区居民委员会 → 汇宁街社区, a bare 居委会 → 社区
  (绿洲第四居委会 → 绿洲第四社区), 嘎查委员会 → 嘎查; a trailing note in brackets is dropped
  (玉波门居委会（社区） → 玉波门社区);
* the placeholder rows 市辖区 / 县 / 省直辖县级行政区划 / 自治区直辖县级行政区划 (level 2) are not
  divisions news names: they are dropped and their children hang from the province (东城区's
  parent is 北京市, 仙桃市's is 湖北省), so 北京 resolves to 110000000000, never to 110100000000;
* short forms (levels 1-3 only): the name without its division suffix and, for autonomous areas,
  without the peoples named before 自治 (湖北省 → 湖北, 石家庄市 → 石家庄, 长阳土家族自治县 → 长阳,
  新疆维吾尔自治区 → 新疆); none shorter than two characters (浚县 has none) and none for zones whose
  name ends in a generic word (鹤壁经济技术开发区, 滨海新区);
* short forms of towns (level 4): the name without 镇 / 乡 / 街道 / 苏木 / 民族乡, or without the
  peoples named before 乡 (长山峪镇 → 长山峪, 付家店满族乡 → 付家店, 左岭街道 → 左岭). A town's
  short form repeats across the country far more than a county's: the geocode stage uses it only
  for a name that is no division as written, and only where the article pins it down.

Output: gzip of a UTF-8 TSV opening with ``# key: value`` lines (source, vintage, input and recipe
sha256, columns), rows in code order; written with a fixed gzip timestamp, so the same input gives
the same bytes.

    .venv/bin/python recipes/build_divisions.py [--input ../shared/corpora/divisions/divisions.tsv.gz]
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT.parent / "shared" / "corpora" / "divisions" / "divisions.tsv.gz"
OUT = ROOT / "pipeline" / "data" / "divisions5.tsv.gz"

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# Committee suffixes of level-5 names → what news writes instead, longest first.
COMMITTEE_SUFFIXES = (
    ("社区居民委员会", "社区"), ("社区居民委会", "社区"), ("社区居委会", "社区"), ("社区村委会", "社区"),
    ("嘎查村民委员会", "嘎查"), ("嘎查委员会", "嘎查"), ("嘎查委会", "嘎查"),
    ("村民委员会", "村"), ("村民委会", "村"), ("村委会", "村"), ("村委", "村"),
    ("居民委员会", "社区"), ("居委会", "社区"),
)
TRAILING_NOTE = re.compile(r"(?:[（(][^（）()]*[）)])+$")

# The 55 minority peoples, as named before 自治区/州/县/旗 (official list of the PRC's ethnic groups).
PEOPLES = ("蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
           "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
           "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
           "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
           "鄂伦春", "赫哲", "门巴", "珞巴", "基诺")
_PEOPLE = "|".join(sorted(PEOPLES, key=len, reverse=True))
AUTONOMOUS = re.compile(rf"^(.{{2,}}?)(?:(?:{_PEOPLE})族?)*自治(?:区|州|县|旗)$")
# Division suffixes stripped for the short form, by level, longest first.
SHORT_SUFFIXES = {1: ("特别行政区", "省", "市"), 2: ("地区", "市", "盟"), 3: ("林区", "特区", "市", "县", "区", "旗"),
                  4: ("民族乡", "街道", "镇", "乡", "苏木")}
# An ethnic township: 付家店满族乡 → 付家店 (the peoples named before 乡 go with the suffix).
ETHNIC_TOWNSHIP = re.compile(rf"^(.{{2,}}?)(?:(?:{_PEOPLE})族)+乡$")
NO_SHORT_FORM = re.compile(r"(?:开发区|新区|园区|管理区|示范区|工业区|实验区|试验区|合作区|保税区|度假区|景区|"
                           r"功能区|产业区|经济区|片区|城区|郊区|矿区|群岛|海域|委员会|管委会)$")


def news_name(name: str, level: int) -> str:
    """The name as news writes it (levels 1-4 unchanged).

    >>> news_name("关口垭村委会", 5), news_name("茶园村村民委员会", 5), news_name("多福巷社区居委会", 5)
    ('关口垭村', '茶园村', '多福巷社区')
    >>> news_name("绿洲第四居委会", 5), news_name("玉波门居委会（社区）", 5), news_name("榔坪镇", 4)
    ('绿洲第四社区', '玉波门社区', '榔坪镇')
    """
    if level < 5:
        return name
    name = TRAILING_NOTE.sub("", name) or name
    for suffix, written in COMMITTEE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            return stem if stem.endswith(written) else stem + written
    return name


def short_form(name: str, level: int) -> str:
    """The short form of a level 1-4 name, or '' when it has none.

    >>> short_form("湖北省", 1), short_form("长阳土家族自治县", 3), short_form("新疆维吾尔自治区", 1)
    ('湖北', '长阳', '新疆')
    >>> short_form("北京市", 1), short_form("浚县", 3), short_form("鹤壁经济技术开发区", 3)
    ('北京', '', '')
    >>> short_form("付家店满族乡", 4), short_form("长山峪镇", 4), short_form("左岭街道", 4), short_form("关口垭村", 5)
    ('付家店', '长山峪', '左岭', '')
    """
    if level > 4 or NO_SHORT_FORM.search(name):
        return ""
    autonomous = AUTONOMOUS.match(name) if level < 4 else ETHNIC_TOWNSHIP.match(name)
    if autonomous:
        stem = autonomous.group(1)
    else:
        stem = next((name[: -len(s)] for s in SHORT_SUFFIXES[level] if name.endswith(s)), "")
    return stem if len(stem) >= 2 and stem != name else ""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(src: Path) -> list[tuple[str, str, int, str, str]]:
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        assert header == ["code", "name", "level", "parent_code"], header
        raw = [line.rstrip("\n").split("\t") for line in fh if line.strip()]
    placeholder_parent = {code: parent for code, name, level, parent in raw
                          if level == "2" and name in PLACEHOLDERS}
    rows = []
    for code, name, level, parent in raw:
        if code in placeholder_parent:
            continue
        while parent in placeholder_parent:
            parent = placeholder_parent[parent]
        lv = int(level)
        rows.append((code, news_name(name, lv), lv, parent, short_form(name, lv)))
    rows.sort()
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--output", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if not args.input.exists():
        print(f"{args.input}: not found (the divisions corpus lives in ../shared/corpora/divisions)", file=sys.stderr)
        return 1
    rows = build(args.input)
    counts = [sum(1 for r in rows if r[2] == lv) for lv in range(1, 6)]
    text = io.StringIO()
    text.write("# concept: Administrative divisions of China, five levels, with the names news writes "
               "(village committees as 关口垭村 / 多福巷社区) and the short forms of levels 1-4 (湖北, 石家庄, 长山峪).\n")
    text.write("# source: NBS 统计用区划代码和城乡划分代码 via ../shared/corpora/divisions/divisions.tsv.gz "
               "(GitHub modood/Administrative-divisions-of-China, data commit dc3a1d7a; WTFPL/MIT; NBS public data)\n")
    text.write("# vintage: 2023 release (cut-off 2023-06-30)\n")
    text.write(f"# input_sha256: {sha256(args.input)}\n")
    text.write(f"# recipe: recipes/build_divisions.py sha256 {sha256(Path(__file__).resolve())}\n")
    text.write(f"# rows: {len(rows)} (levels 1-5: {' / '.join(map(str, counts))}); "
               "placeholder rows 市辖区/县/省直辖县级行政区划 dropped, their children hang from the province\n")
    text.write("# columns: code\tname\tlevel\tparent\tshort\n")
    for code, name, level, parent, short in rows:
        text.write(f"{code}\t{name}\t{level}\t{parent}\t{short}\n")
    data = text.getvalue().encode("utf-8")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=9, mtime=0,
                                                      filename="") as gz:
        gz.write(data)
    print(f"wrote {len(rows)} divisions ({args.output.stat().st_size:,} bytes) to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
