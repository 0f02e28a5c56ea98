"""Entity quality on every evaluation set, labelled as tuned-on or not, in one report.

    .venv/bin/python recipes/quality_report.py [--json OUT]      # = make quality

Sets (the pipeline's output scored with ../shared/gold/score.py, document-level sets):

* ``heldout``  — the fresh held-out pages (tests/heldout: 30 news articles of 2020-2022 drawn by
  recipes/select_heldout.py and labelled by the guidelines); **never tuned on**.
* ``tune`` — 30 more articles of the same population, disjoint from the held-out ones
  (``recipes/select_heldout.py --set tune``, labels in tests/tune); the pages rules are tuned on.
* ``tune2`` — a second such draw (``--set tune2``, tests/tune2, 2026-12-05), disjoint from both;
  scored once before any rule was tuned on it, tuned on after.
* ``tune3`` — a third draw (``--set tune3``, tests/tune3, labelled 2026-12-05 evening by two helpers
  who never saw the pipeline's output), scored once untouched, tuned on after.
* ``tune4`` — a fourth draw (``--set tune4``, tests/tune4, labelled 2026-12-06 by three helpers in the
  same way), scored once untouched, tuned on after.
* ``tune5`` — a fifth draw (``--set tune5``, tests/tune5, labelled 2026-12-06 night by three helpers in
  the same way), scored once untouched, tuned on after.
* ``tune6`` — a sixth draw (``--set tune6``, tests/tune6, labelled 2026-12-06 morning by three helpers
  in the same way), scored once untouched, tuned on after; with numeric claims too (tests/tune6/claims,
  labelled the same day by three more helpers, the first claims gold of CCTV text).
* ``tune7`` — a seventh draw (``--set tune7``, tests/tune7, labelled 2026-12-06 day by five helpers from
  the text alone, entities and claims), scored once untouched, tuned on after.
* ``tune8`` — an eighth draw (``--set tune8``, tests/tune8, labelled 2026-12-06 afternoon by four helpers
  from the text alone, entities and claims), leaving out the articles whose rows the sweeps read
  (tests/sweeps/read.tsv): scored with the afternoon session's start and end code to measure that
  session's rules on pages none was written from; tuned on from the evening session of 2026-12-06.
* ``tune9`` — a ninth draw (``--set tune9``, tests/tune9, labelled 2026-12-06 evening by four helpers
  from the text alone, entities and claims), leaving out the swept articles too: scored with the
  evening session's start and end code; tuned on from the next session (2026-12-06 night).
* ``tune10`` — a tenth draw (``--set tune10``, tests/tune10, labelled 2026-12-06 night by four
  helpers from the text alone, entities and claims), leaving out every article the sweeps 0-7 read:
  scored with that session's start and end code; tuned on from the next session.
* ``tune11`` — an eleventh draw (``--set tune11``, tests/tune11, labelled 2026-12-06 (the session after
  the night) by four helpers from the text alone, entities and claims), leaving out every article the
  sweeps 0-11 read: scored with that session's start and end code; tuned on from the next session.
* ``tune12`` — a twelfth draw (``--set tune12``, tests/tune12, labelled 2026-12-06 (the session after
  that) by four helpers from the text alone, entities and claims), leaving out every article the
  sweeps 0-12 read: scored with that session's start and end code; tuned on from the next session.
* ``tune13`` — a thirteenth draw (``--set tune13``, tests/tune13, labelled 2026-12-06 (the session
  after that) by four helpers from the text alone, entities and claims), leaving out every article the
  sweeps 0-13 read: scored with that session's start and end code; tuned on from the next session.
* ``tune14`` — a fourteenth draw (``--set tune14``, tests/tune14, labelled 2026-12-06 (the evening
  session after that) by four helpers from the text alone, entities and claims), leaving out every
  article the sweeps 0-14 read: scored with that session's start and end code; tuned on from the next
  session.
* ``tune15`` — a fifteenth draw (``--set tune15``, tests/tune15, labelled 2026-12-06 (the session after
  that) by four helpers from the text alone, entities and claims), leaving out every article the
  sweeps 0-16 read: scored with that session's start and end code; tuned on from the next session.
* ``tune16`` — a sixteenth draw (``--set tune16``, tests/tune16, labelled 2026-12-06 (the session after
  that) by four helpers from the text alone, entities and claims), leaving out every article the
  sweeps 0-18 read: scored with that session's start and end code; tuned on from the next session.
* ``tune17`` — a seventeenth draw (``--set tune17``, tests/tune17, labelled 2026-12-07 by four helpers
  from the text alone, entities and claims), leaving out every article the sweeps 0-27 read: scored
  with that session's start and end code; tuned on from the next session.
* ``tune18`` — an eighteenth draw (``--set tune18``, tests/tune18, labelled 2026-12-07 (the session
  after the first) by four helpers from the text alone, entities and claims), leaving out every
  article the sweeps 0-34 read: scored with that session's start and end code; tuned on from the next
  session.
* ``tune19`` — a nineteenth draw (``--set tune19``, tests/tune19, labelled 2026-12-07 (the third session
  of the day) by four helpers from the text alone, entities and claims), leaving out every article the
  sweeps 0-36 read: scored with that session's start and end code; tuned on from the next session.
* ``tune20`` — a twentieth draw (``--set tune20``, tests/tune20, labelled 2026-12-07 (the fourth session
  of the day) by four helpers from the text alone, entities and claims), leaving out every article the
  sweeps 0-38 read: scored with that session's start and end code; tuned on from the next session.
* ``tune21`` — a twenty-first draw (``--set tune21``, tests/tune21, labelled 2026-12-07 (the fifth session
  of the day) by four helpers from the text alone, entities and claims), leaving out every article the
  sweeps 0-40 read: scored with that session's start and end code; tuned on from the next session.
* ``tune22`` — a twenty-second draw (``--set tune22``, tests/tune22, labelled 2026-12-07 (the sixth session
  of the day) by four helpers from the text alone, entities and claims), leaving out every article the
  sweeps 0-42 read: scored with that session's start and end code; tuned on from the next session.
* ``tune23`` — a twenty-third draw (``--set tune23``, tests/tune23, labelled 2026-12-07 (the seventh session
  of the day) by four helpers from the text alone, entities and claims), leaving out every article the
  sweeps 0-44 read: scored with that session's start and end code; tuned on from the next session.
* ``tune24`` — a twenty-fourth draw (``--set tune24``, tests/tune24, labelled 2026-12-07 (the eighth session
  of the day) by four helpers from the text alone, entities and claims), leaving out every article the
  sweeps 0-48 read: scored with that session's start and end code; tuned on from the next session.
* ``tune25`` — a twenty-fifth draw (``--set tune25``, tests/tune25, labelled 2026-12-07 (the ninth session
  of the day) by four helpers from the text alone, entities and claims), leaving out every article the
  sweeps 0-49 read: scored with that session's start and end code; not tuned on.
* ``html-heldout`` / ``html-tune`` — the 30 saved HTML pages of ../shared/samples/html (23 sites,
  general news of 2019-2024, some traditional), split by tests/html/split.tsv: 10 never tuned on,
  20 that rules may be tuned on (metadata, cleaning and claims for issue #15; one entity rule,
  venue names, 2026-12-05); entity labels in tests/html/labels, metadata / cleaning / claims gold
  in tests/html/gold.
* ``gne-heldout`` / ``gne-tune`` — 44 article pages from 34 other sites (163, sina, thepaper,
  toutiao, WeChat, government and university sites, …): GeneralNewsExtractor's test pages, fetched by
  recipes/fetch_gne_pages.py from its PyPI sdist and split by site (tests/gne/selection.tsv): 17 sites
  never tuned on, 17 tuned on. Labelled 2026-12-06 by helpers who never saw the pipeline's output:
  metadata, cleaning lines, people and numeric claims (tests/gne/gold); no organizations or places,
  so those lines are not printed for them.
* ``reference`` — the five reference pages (data/raw, ../shared/gold/reference); tuned on.
* ``labelled`` — the project's own labelled pages (tests/labels/entities, pages in data/raw and
  tests/data/extra); tuned on.

and the NER model alone (exact spans, micro-F1 over PER/LOC/ORG):

* ``msra_dev`` — MSRA dev (the model's own development set).
* ``cluener_dev`` — CLUENER2020 dev with the corpora README's mapping (name → PER; address,
  scene → LOC; organization, government, company → ORG); other conventions (CLUENER's addresses
  are whole addresses), so a low figure is partly a boundary convention, not only errors.

Each document-level set also prints ``places_adcode`` when its gold places carry hand codes
(``adcode``, GUIDELINES.md "Place codes"): of the hand-coded places the output found, the share
whose ``adcode`` is the same code (right), another code (wrong) or null.

``--model DIR`` scores another NER model (a retrain written by ``recipes/train_ner.py --out DIR``)
in place of the committed ``models/ner``: the pipeline runs in this process (one worker), so
pointing ``pipeline.ner.model.DEFAULT_MODEL_DIR`` at it swaps the model for every set.

Needs ../shared (corpora and gold); a set whose files are missing is reported as such.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "gold" / "score.py"
CLUENER_TYPES = {"name": "PER", "address": "LOC", "scene": "LOC",
                 "organization": "ORG", "government": "ORG", "company": "ORG"}


def _score(gold_dir: Path, pages: list[Path], work: Path) -> dict:
    """Run the pipeline over ``pages`` (copied into one folder) and score with score.py."""
    sys.path.insert(0, str(ROOT))
    from pipeline.runner import run

    inp, out = work / "in", work / "out"
    inp.mkdir(parents=True)
    for page in pages:
        shutil.copy2(page, inp / page.name)
    run(inp, out, workers=1, use_cache=False)
    done = subprocess.run([sys.executable, str(SCORE), str(gold_dir), str(out), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)["summary"]


def _adcode_line(shares: dict) -> str:
    """score.py's ``places_adcode`` (right and wrong shares of the hand-coded places found, n) as
    one line with the null share and the counts: null = the found place left without a code."""
    n = shares["n"]
    right, wrong = round(shares["right"] * n), round(shares["wrong"] * n)
    null = n - right - wrong
    return (f"right {shares['right']:.3f}  wrong {shares['wrong']:.3f}  null {null / n:.3f}   "
            f"({right} / {wrong} / {null} of n {n})")


def _html_gold(part: str, work: Path) -> Path:
    """One gold folder for a part (``tune`` or ``heldout``, tests/html/split.tsv) of the saved HTML
    pages: the entity labels (tests/html/labels) and the metadata, cleaning and claims gold
    (tests/html/gold) of each page, as <stem>.entities.json + <stem>.stats.json (score.py merges
    the two by stem)."""
    folder = work / f"html-{part}-gold"
    folder.mkdir(parents=True, exist_ok=True)
    for row in (ROOT / "tests" / "html" / "split.tsv").read_text(encoding="utf-8").splitlines():
        if row.startswith("#") or not row.strip():
            continue
        stem, which = row.split("\t")
        if which != part:
            continue
        for source, suffix in ((ROOT / "tests" / "html" / "labels", "entities"), (ROOT / "tests" / "html" / "gold", "stats")):
            if (source / f"{stem}.json").exists():
                shutil.copy2(source / f"{stem}.json", folder / f"{stem}.{suffix}.json")
    return folder


def _gne_gold(part: str, work: Path) -> Path:
    """The gold of one part (``tune`` or ``heldout``) of GNE's saved pages (tests/gne/selection.tsv,
    recipes/fetch_gne_pages.py): metadata, cleaning lines, people and claims (tests/gne/gold); no
    organization or place labels."""
    folder = work / f"gne-{part}-gold"
    folder.mkdir(parents=True, exist_ok=True)
    for row in (ROOT / "tests" / "gne" / "selection.tsv").read_text(encoding="utf-8").splitlines():
        if row.startswith("#") or not row.strip():
            continue
        stem, _path, _sha1, which = row.split("\t")
        if which == part and (ROOT / "tests" / "gne" / "gold" / f"{stem}.json").exists():
            shutil.copy2(ROOT / "tests" / "gne" / "gold" / f"{stem}.json", folder / f"{stem}.json")
    return folder


def _with_claims(which: str, work: Path) -> Path:
    """The gold of a CCTV set: its entity labels (tests/<set>/labels), merged with its claims
    labels where it has them (tests/<set>/claims: tune6 to tune25) as <stem>.entities.json +
    <stem>.stats.json (score.py merges the two by stem)."""
    labels, claims = ROOT / "tests" / which / "labels", ROOT / "tests" / which / "claims"
    if not claims.is_dir():
        return labels
    folder = work / f"{which}-gold"
    folder.mkdir(parents=True, exist_ok=True)
    for source, suffix in ((labels, "entities"), (claims, "stats")):
        for f in source.glob("*.json"):
            shutil.copy2(f, folder / f"{f.stem}.{suffix}.json")
    return folder


def _pages_for(gold_dir: Path, folders: list[Path]) -> list[Path]:
    stems = {p.name.split(".")[0] for p in gold_dir.glob("*.json")}
    return sorted(p for folder in folders for p in folder.glob("*") if p.name.split(".")[0] in stems)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    ap.add_argument("--sets", default=None,
                    help="comma-separated first words of the sets to run (heldout, tune, tune2, tune3, tune4, tune5, tune6, tune7, tune8, tune9, tune10, tune11, tune12, tune13, tune14, tune15, tune16, tune17, tune18, tune19, tune20, tune21, tune22, tune23, tune24, tune25, html-heldout, html-tune, gne-heldout, gne-tune, reference, labelled, model); default all")
    ap.add_argument("--model", type=Path, default=None,
                    help="an NER model folder to score instead of the committed models/ner")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.model is not None:
        from pipeline.ner import model as ner_model

        ner_model.DEFAULT_MODEL_DIR = args.model.resolve()  # read by load_ner_model() at each call
        print(f"NER model: {ner_model.DEFAULT_MODEL_DIR}")
    report: dict = {}
    wanted = args.sets.split(",") if args.sets else None
    with tempfile.TemporaryDirectory() as tmp:
        for which in ("heldout", "tune", "tune2", "tune3", "tune4", "tune5", "tune6", "tune7", "tune8", "tune9", "tune10", "tune11", "tune12", "tune13", "tune14", "tune15", "tune16", "tune17", "tune18", "tune19", "tune20", "tune21", "tune22", "tune23", "tune24", "tune25"):
            if not any((ROOT / "data" / which).glob("*.txt")):
                subprocess.run([sys.executable, str(ROOT / "recipes" / "select_heldout.py"), "--set", which],
                               check=True)
        if (wanted is None or {"gne-heldout", "gne-tune"} & set(wanted)) and not any((ROOT / "data" / "gne").glob("*.html")):
            subprocess.run([sys.executable, str(ROOT / "recipes" / "fetch_gne_pages.py")], check=True)
        sets = {
            "heldout (never tuned on)": (ROOT / "tests" / "heldout" / "labels", [ROOT / "data" / "heldout"]),
            "tune (tuned on)": (ROOT / "tests" / "tune" / "labels", [ROOT / "data" / "tune"]),
            "tune2 (tuned on)": (ROOT / "tests" / "tune2" / "labels", [ROOT / "data" / "tune2"]),
            "tune3 (tuned on)": (ROOT / "tests" / "tune3" / "labels", [ROOT / "data" / "tune3"]),
            "tune4 (tuned on)": (ROOT / "tests" / "tune4" / "labels", [ROOT / "data" / "tune4"]),
            "tune5 (tuned on)": (ROOT / "tests" / "tune5" / "labels", [ROOT / "data" / "tune5"]),
            "tune6 (tuned on)": (_with_claims("tune6", Path(tmp)), [ROOT / "data" / "tune6"]),
            "tune7 (tuned on)": (_with_claims("tune7", Path(tmp)), [ROOT / "data" / "tune7"]),
            "tune8 (tuned on)": (_with_claims("tune8", Path(tmp)), [ROOT / "data" / "tune8"]),
            "tune9 (tuned on)": (_with_claims("tune9", Path(tmp)), [ROOT / "data" / "tune9"]),
            "tune10 (tuned on)": (_with_claims("tune10", Path(tmp)), [ROOT / "data" / "tune10"]),
            "tune11 (tuned on)": (_with_claims("tune11", Path(tmp)), [ROOT / "data" / "tune11"]),
            "tune12 (tuned on)": (_with_claims("tune12", Path(tmp)), [ROOT / "data" / "tune12"]),
            "tune13 (tuned on)": (_with_claims("tune13", Path(tmp)), [ROOT / "data" / "tune13"]),
            "tune14 (tuned on)": (_with_claims("tune14", Path(tmp)), [ROOT / "data" / "tune14"]),
            "tune15 (tuned on)": (_with_claims("tune15", Path(tmp)), [ROOT / "data" / "tune15"]),
            "tune16 (tuned on)": (_with_claims("tune16", Path(tmp)), [ROOT / "data" / "tune16"]),
            "tune17 (tuned on)": (_with_claims("tune17", Path(tmp)), [ROOT / "data" / "tune17"]),
            "tune18 (tuned on)": (_with_claims("tune18", Path(tmp)), [ROOT / "data" / "tune18"]),
            "tune19 (tuned on)": (_with_claims("tune19", Path(tmp)), [ROOT / "data" / "tune19"]),
            "tune20 (tuned on)": (_with_claims("tune20", Path(tmp)), [ROOT / "data" / "tune20"]),
            "tune21 (tuned on)": (_with_claims("tune21", Path(tmp)), [ROOT / "data" / "tune21"]),
            "tune22 (tuned on)": (_with_claims("tune22", Path(tmp)), [ROOT / "data" / "tune22"]),
            "tune23 (tuned on)": (_with_claims("tune23", Path(tmp)), [ROOT / "data" / "tune23"]),
            "tune24 (tuned on)": (_with_claims("tune24", Path(tmp)), [ROOT / "data" / "tune24"]),
            "tune25 (not tuned on)": (_with_claims("tune25", Path(tmp)), [ROOT / "data" / "tune25"]),
            "html-heldout (never tuned on)": (_html_gold("heldout", Path(tmp)), [SHARED / "samples" / "html"]),
            "html-tune (tuned on)": (_html_gold("tune", Path(tmp)),
                                                                   [SHARED / "samples" / "html"]),
            "gne-heldout (never tuned on)": (_gne_gold("heldout", Path(tmp)), [ROOT / "data" / "gne"]),
            "gne-tune (tuned on)": (_gne_gold("tune", Path(tmp)), [ROOT / "data" / "gne"]),
            "reference (tuned on)": (SHARED / "gold" / "reference", [ROOT / "data" / "raw"]),
            "labelled (tuned on)": (ROOT / "tests" / "labels" / "entities",
                                    [ROOT / "data" / "raw", ROOT / "tests" / "data" / "extra"]),
        }
        for i, (name, (gold, folders)) in enumerate(sets.items()):
            if wanted is not None and name.split()[0] not in wanted:
                continue
            pages = _pages_for(gold, folders)
            if not pages:
                report[name] = "missing"
                continue
            report[name] = _score(gold, pages, Path(tmp) / str(i))
            report[name]["pages"] = len(pages)
        from pipeline.ner import evaluate

        corpora = SHARED / "corpora"
        model_sets = wanted is None or "model" in wanted
        if model_sets and (corpora / "msra" / "dev.jsonl").exists():
            report["msra_dev (NER model)"] = evaluate(corpora / "msra" / "dev.jsonl")
        if model_sets and (corpora / "cluener2020" / "dev.jsonl").exists():
            report["cluener_dev mapped (NER model)"] = evaluate(corpora / "cluener2020" / "dev.jsonl",
                                                                type_map=CLUENER_TYPES)
    for name, figures in report.items():
        print(f"== {name}")
        if isinstance(figures, str):
            print("   " + figures)
            continue
        for key in ("pages", "people", "organizations", "organizations~", "places", "people_attributes",
                    "metadata", "cleaning", "statistics", "statistics~value", "statistics_subject_acc",
                    "PER", "LOC", "ORG", "micro"):
            if key.startswith(("metadata", "cleaning", "statistics")) and not figures.get(key):
                continue  # the set has no gold of this kind
            if key.startswith(("statistics", "organizations", "places")) and isinstance(figures.get(key), dict) \
                    and not figures[key].get("gold"):
                continue  # no gold of this kind (the GNE pages label no organizations or places)
            if key == "cleaning" and figures[key] == "0/0":
                continue
            if key in figures:
                print(f"   {key:18s} {figures[key]}")
        if "places_adcode" in figures:
            print(f"   {'places_adcode':18s} {_adcode_line(figures['places_adcode'])}")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
