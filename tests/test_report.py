"""The report (issue #17): its figures over real pages, a self-contained page whose Chinese is drawn
with its own font, and the page in a real headless browser (Debian's Chromium, driven by
Playwright; skipped only when no chromium binary exists — .ci/run installs it).

The corpus: the five pages of data/raw, the 石家庄 page twice more (an exact copy and a
traditional-script copy: one story in three articles) and two bad pages (empty, binary)."""
import base64
import io
import json
import re
import shutil
from datetime import date

import pyarrow.parquet as pq
import pytest

from conftest import RAW, ROOT
from pipeline.cli import main
from pipeline.report import write_report
from pipeline.report.data import open_output
from pipeline.report.figures import gather
from pipeline.report.font import FAMILY, covered
from pipeline.runner import run
from pipeline.schema import output_tables
from pipeline.text.chars import CJK_CHAR

SHIJIAZHUANG = "石家庄市20.1万名党员投身疫情防控一线"


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    import opencc

    d = tmp_path_factory.mktemp("report")
    pages = d / "in"
    (pages / "reposts").mkdir(parents=True)
    (pages / "bad").mkdir()
    for page in RAW.glob("*.txt"):
        shutil.copy(page, pages / page.name)
    original = next(RAW.glob("000_*.txt")).read_text(encoding="utf-8")
    (pages / "reposts" / "000_copy.txt").write_text(original, encoding="utf-8")
    (pages / "reposts" / "000_big5.txt").write_text(opencc.OpenCC("s2t").convert(original), encoding="utf-8")
    (pages / "bad" / "empty.txt").write_bytes(b"")
    (pages / "bad" / "blob.txt").write_bytes(b"\x89PNG\r\n\x00\x00" * 64)
    run(pages, d / "out", workers=1, use_cache=False)
    return d / "out"


@pytest.fixture(scope="module")
def figures(out):
    return gather(open_output(out))


@pytest.fixture(scope="module")
def report(out):
    return write_report(out)


@pytest.fixture(scope="module")
def html(report):
    return report.path.read_text(encoding="utf-8")


def chart(figures, key):
    return next(c for s in figures.sections for c in s.charts if c.key == key)


def bars(figures, key):
    return [(b.label, b.value, b.note) for b in chart(figures, key).bars]


# --- the figures ---------------------------------------------------------------------------------

def test_overview_counts_pages_articles_stories_rejects_outlets_dates_and_scripts(figures):
    o = figures.overview
    assert (o.pages, o.articles, o.stories, o.rejects, o.outlets) == (9, 7, 5, 2, 3)
    assert (o.first_day, o.last_day, o.undated) == (date(2020, 2, 1), date(2022, 6, 1), 1)
    assert o.scripts == {"simplified": 5, "traditional": 2}
    assert o.rows["statistics"] == 146 and o.rows["rejects"] == 2 and o.generation


def test_rejects_by_reason_list_the_pages_behind_each_bar(figures):
    assert bars(figures, "rejects") == [("binary", 1, ""), ("empty", 1, "")]
    assert [b.rows.cells for b in chart(figures, "rejects").bars] == [
        (("bad/blob.txt", "NUL byte at offset 6"),), (("bad/empty.txt", "zero bytes"),)]


def test_articles_by_outlet_with_level_and_kind_and_by_year(figures):
    assert bars(figures, "outlet") == [("河北日报", 3, "provincial · party_paper"), ("(no known outlet)", 2, ""),
                                        ("光明日报", 1, "central · party_paper"), ("株洲日报", 1, "local · party_paper")]
    hebei = chart(figures, "outlet").bars[0].rows
    assert [r[1] for r in hebei.cells] == ["000_223767d5c64caf43.txt", "reposts/000_big5.txt", "reposts/000_copy.txt"]
    assert bars(figures, "years") == [("2020", 2, ""), ("2021", 3, ""), ("2022", 1, ""), ("(undated)", 1, "")]
    assert bars(figures, "scripts") == [("simplified", 5, ""), ("traditional", 2, "")]


def test_people_organizations_and_places_count_a_reposted_story_once_with_their_types(figures, out):
    # 宋国威 is in three articles (person_entities.articles), all copies of one story
    entities = pq.read_table(out / "person_entities.parquet").to_pylist()
    assert next(e["articles"] for e in entities if e["name"] == "宋国威") == 3
    song = next(b for b in chart(figures, "people").bars if b.label == "宋国威")
    assert (song.value, song.note, song.rows.total) == (1, "检验科主任 · 石家庄市人民医院", 1)
    assert song.rows.cells[0][:5] == (SHIJIAZHUANG, "宋国威", "subject", "检验科主任", "石家庄市人民医院")
    people = chart(figures, "people")
    assert len(people.bars) == 15 and len(people.bars) + people.more == 77  # every linked person of data/raw (戴党徽 and 滦平, a county, are none)
    assert [b.value for b in people.bars] == sorted((b.value for b in people.bars), reverse=True)

    hospital = next(b for b in chart(figures, "organizations").bars if b.label == "石家庄市人民医院")
    assert (hospital.value, hospital.note) == (1, "hospital")
    # 武汉 is named in the 株洲 and the 石家庄 stories (the latter's canonical copy: 000_big5.txt)
    assert bars(figures, "places")[0] == ("武汉", 2, "city · 湖北省")
    assert [r[0] for r in chart(figures, "places").bars[0].rows.cells] == [
        "战“疫”的堡垒 防控的屏障——株洲各级基层党组织抗击疫情综述", SHIJIAZHUANG]
    assert ("湖北", 1, "province") in bars(figures, "places")


def test_claims_by_class_are_the_claims_of_the_stories_once(figures):
    assert bars(figures, "claim_classes") == [
        ("(no class)", 34, ""), ("party_members", 15, ""), ("time", 15, ""), ("staff", 13, ""),
        ("organizations", 11, ""), ("goods", 10, ""), ("money", 3, ""), ("people", 2, ""),
        ("person_times", 2, ""), ("area", 1, ""), ("distance", 1, ""), ("households", 1, "")]
    # the same counts as data/raw alone (the golden statistics): the two copies add nothing
    golden = [json.loads(line) for line in (ROOT / "tests/golden/statistics.jsonl").open(encoding="utf-8")]
    assert sum(b.value for b in chart(figures, "claim_classes").bars) == len(golden) == 108


def test_party_members_summed_by_province_with_the_claims_behind_each_sum(figures):
    members = chart(figures, "party_members")
    # a claim's own place, else its article's: 鹤壁's 20名党员干警, 18名, 35名 are 河南's, 铁二东院's 21名 北京's
    assert bars(figures, "party_members") == [("湖南省", 240000, ""), ("河北省", 204988, ""), ("河南省", 27073, ""),
                                              ("北京市", 21, "")]
    hebei = members.bars[1].rows
    # 石家庄's 17名 and 52名 党员 are counted in its 20.1万 (statistics.counted_in); 268支 teams are no members
    assert [(r[1], r[2]) for r in hebei.cells] == [("3988名无职党员", "3988"), ("20.1万名党员", "201000")]
    unplaced, counted = members.listings
    assert unplaced.rows.total == 0 and "summing to 0" in unplaced.title
    assert counted.rows.total == 5 and "summing to 155" in counted.title
    assert counted.rows.columns[-1] == "count_relation"


def test_reposts_list_the_copies_of_each_story_and_mark_the_canonical_one(figures):
    (story,) = chart(figures, "reposts").bars
    assert (story.label, story.value) == (SHIJIAZHUANG, 3)
    assert [(r[1], r[2]) for r in story.rows.cells] == [
        ("no", "000_223767d5c64caf43.txt"), ("yes", "reposts/000_big5.txt"), ("no", "reposts/000_copy.txt")]


def test_long_lists_are_cut_and_say_how_many_rows_they_leave_out(out):
    capped = gather(open_output(out), top=2, cap=2)
    classes = chart(capped, "claim_classes")
    assert [b.label for b in classes.bars] == ["(no class)", "party_members"] and classes.more == 10
    assert [(len(b.rows.cells), b.rows.total, b.rows.hidden) for b in classes.bars] == [(2, 34, 32), (2, 15, 13)]


def test_a_dataset_layout_and_an_output_without_generations_give_the_same_figures(out, figures, tmp_path):
    # each table a folder of two parts, in a folder of the older layout (no `current`, no manifest)
    for table in output_tables():  # the tables a run without --sentences writes
        rows = pq.read_table(out / f"{table}.parquet")
        (tmp_path / table).mkdir()
        half = rows.num_rows // 2
        pq.write_table(rows.slice(0, half), tmp_path / table / "part-00000.parquet")
        pq.write_table(rows.slice(half), tmp_path / table / "part-00001.parquet")
    again = gather(open_output(tmp_path))
    assert again.sections == figures.sections
    assert (again.overview.pages, again.overview.stories, again.overview.rows) == (9, 5, {})


# --- the page ------------------------------------------------------------------------------------

def test_the_page_names_no_other_file_or_host(html):
    assert not re.search(r"<script\b", html, re.I) and not re.search(r"<link\b", html, re.I)
    assert not re.search(r"@import|https?://", html, re.I)
    refs = re.findall(r'\b(?:href|src)\s*=\s*"([^"]*)"', html)
    assert len(refs) > 100 and all(r.startswith("#") for r in refs)
    assert [u[:23] for u in re.findall(r"url\(([^)]*)\)", html)] == ["data:font/woff2;base64,"]


def test_every_bar_links_to_the_table_of_its_rows(html, figures):
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    links = re.findall(r'<a href="#([^"]+)"><title>', html)  # the bars of the SVG charts
    assert len(links) == html.count("<rect") == sum(len(c.bars) for s in figures.sections for c in s.charts) == 74
    assert "party_members-1" in links and set(links) <= ids
    assert set(re.findall(r'href="#([^"]+)"', html)) <= ids
    # the rows behind 河北省 sit under the anchor its bar names
    rows = html[html.index('id="party_members-1"'):]
    assert rows.index("20.1万名党员") < rows.index("back to the chart")
    assert "Party-member claims with no province: 0" in html and "33 more row(s) not shown" not in html
    assert "counted in another claim of their article (a sub-total or a restatement), not added: 5" in html


def test_every_character_of_the_page_is_in_its_embedded_font(html, report):
    data = re.search(r"base64,([A-Za-z0-9+/=]+)", html).group(1)
    glyphs = covered(base64.b64decode(data))
    text = re.sub(r"<style>.*?</style>", "", html, flags=re.S)  # what the page shows
    chinese = set(CJK_CHAR.findall(text))
    assert len(chinese) > 500 and chinese <= glyphs
    assert {c for c in text if c >= " "} <= glyphs and report.missing == ""
    assert report.glyph_bytes < 1_000_000  # a subset: the whole font is 8 MB


def test_a_character_outside_the_font_is_named_in_a_warning_and_the_page_still_written(out, tmp_path, capsys):
    for table in output_tables():
        shutil.copy(out / f"{table}.parquet", tmp_path / f"{table}.parquet")
    articles = pq.read_table(tmp_path / "articles.parquet")
    titles = ["石家庄\U00030000" if t == SHIJIAZHUANG else t for t in articles["title"].to_pylist()]
    pq.write_table(articles.set_column(articles.schema.get_field_index("title"), "title", [titles]),
                   tmp_path / "articles.parquet")
    assert main(["report", "--output", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "warning: 1 character(s) not in the embedded font" in err and "\U00030000" in err
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "1 character(s) of this page are not in it" in page and "石家庄\U00030000" in page


def test_the_command_writes_where_asked_and_refuses_a_missing_output(out, tmp_path, capsys):
    assert main(["report", "--output", str(out), "--html", str(tmp_path / "r.html")]) == 0
    assert f"report: {tmp_path / 'r.html'}" in capsys.readouterr().err
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["report", "--output", str(tmp_path / "none")]) == 2
    assert "error: output directory not found" in capsys.readouterr().err
    assert not list(tmp_path.glob(".*.tmp"))


# --- in a real browser ---------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
BAR_RED = (0xB8, 0x32, 0x2A)  # --bar in render.py


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (apt-get install chromium; .ci/run installs it)")
def test_the_page_in_headless_chromium(report, figures, tmp_path):
    from PIL import Image
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        # Playwright gives the browser a fresh profile in a temporary folder of its own
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            problems, requests = [], []
            page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(report.path.as_uri(), wait_until="load")
            state = page.evaluate("""async () => { await document.fonts.ready; return {
                faces: [...document.fonts].map(f => [f.family, f.status]),
                check: document.fonts.check('16px ReportCJK', '石家庄党员'),
                family: getComputedStyle(document.querySelector('svg.chart text')).fontFamily,
                charts: document.querySelectorAll('svg.chart').length,
                bars: document.querySelectorAll('svg.chart rect.bar').length,
                drawn: [...document.querySelectorAll('svg.chart rect.bar')].filter(
                    r => r.getBoundingClientRect().width > 0).length }; }""")
            page.locator("#chart-party_members svg a").nth(1).click()  # 河北省
            landed = page.evaluate("[location.hash, document.querySelector(':target h4').textContent]")
            shot = page.locator("#chart-people").screenshot()
        finally:
            browser.close()
    (tmp_path / "people.png").write_bytes(shot)
    assert problems == []
    assert requests == [report.path.as_uri()]  # the font is a data: URL, nothing else is fetched
    assert state["faces"] == [[FAMILY, "loaded"]] and state["check"] is True
    assert state["family"].startswith(FAMILY)
    total = sum(len(c.bars) for s in figures.sections for c in s.charts)
    assert state["bars"] == state["drawn"] == total and state["charts"] == 10
    assert landed == ["#party_members-1", "河北省: 204,988 party members"]
    image = Image.open(io.BytesIO(shot)).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 100  # text, antialiasing and bars: far from blank
    assert sum(n for n, c in colours if c == BAR_RED) > 15 * 1000  # 15 bars, each at least ~100 × 16 px


def test_an_output_whose_current_link_leads_nowhere_is_an_error_not_an_empty_report(tmp_path):
    # a damaged output (its generations deleted): the fixed names lead through `current` to nothing
    (tmp_path / "current").symlink_to(".generations/gone")
    for table in output_tables():
        (tmp_path / f"{table}.parquet").symlink_to(f"current/{table}.parquet")
    with pytest.raises(FileNotFoundError):
        open_output(tmp_path)


def test_a_damaged_committed_set_is_an_error_as_in_pipeline_load(out, tmp_path, capsys):
    # the report reads a committed set as pipeline.load does: a table shorter than its manifest
    # says (half-written) raises, where it once read whatever was there
    from pipeline.commit import snapshot
    from pipeline.load import OutputError

    copy = tmp_path / "out"
    shutil.copytree(out, copy, symlinks=True)
    people = snapshot(copy) / "people.parquet"
    rows = pq.read_table(people)
    people.unlink()  # the generation's file may be a hard link shared with `out`
    pq.write_table(rows.slice(0, 3), people)
    with pytest.raises(OutputError, match=f"table people has 3 rows, its manifest says {rows.num_rows}"):
        open_output(copy).table("people")
    assert main(["report", "--output", str(copy)]) == 2
    assert "table people has 3 rows" in capsys.readouterr().err
    # a table the run did not write (sentences, without --sentences) reads as empty
    assert open_output(out).table("sentences").num_rows == 0
