"""Build pipeline/data/divisions.tsv from the division table shipped in the PyPI package cpca.

Source: ``cpca/resources/adcodes.csv`` in cpca 0.5.5 (MIT licence, released 2021-02): the
province-, prefecture- and county-level divisions of the PRC with their 12-digit National Bureau
of Statistics codes. We read the CSV file directly (importing cpca itself needs pkg_resources,
which current setuptools no longer provides) and keep name, code and level.

    python recipes/build_gazetteer.py            # needs `pip install cpca==0.5.5`
"""
import csv
import importlib.util
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "pipeline" / "data" / "divisions.tsv"
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def level_of(name: str, code: str) -> str:
    if code[2:6] == "0000":
        return "city" if name in MUNICIPALITIES else "province"
    if code[4:6] == "00":
        return "city"
    if name.endswith(("县", "旗")):
        return "county"
    if name.endswith("市"):
        return "city"
    return "district"


def main() -> int:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        print("cpca is not installed: pip install cpca==0.5.5", file=sys.stderr)
        return 1
    src = Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"
    with open(src, encoding="utf-8") as fh:
        rows = [(r["name"], r["adcode"]) for r in csv.DictReader(fh) if r["name"] not in PLACEHOLDERS]
    rows.sort(key=lambda r: r[1])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("# name\tadcode\tlevel  (source: cpca 0.5.5 resources/adcodes.csv, MIT)\n")
        for name, code in rows:
            fh.write(f"{name}\t{code}\t{level_of(name, code)}\n")
    print(f"wrote {len(rows)} divisions to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
