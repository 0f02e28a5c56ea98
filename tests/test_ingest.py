"""Ingest: discovery, encodings, corpora, and the reasons pages are rejected."""
import json
import os

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.ingest import CorpusSlice, decode_bytes, discover, expand, read_page
from pipeline.records import PageRejected

from conftest import page_text

SENTENCE = "石家庄市20.1万名党员投身疫情防控一线。"
TRADITIONAL = "有著12年黨齡的郭猛是北京豐臺藍天救援隊防疫消殺組組長。"


def read_one(tmp_path, name, data: bytes):
    (tmp_path / name).write_bytes(data)
    (task,) = list(discover(tmp_path))
    return read_page(task)


@pytest.mark.parametrize("encoding, text", [
    ("utf-8", SENTENCE), ("utf-8-sig", SENTENCE), ("gb18030", SENTENCE), ("gbk", SENTENCE),
    ("big5", TRADITIONAL), ("gb18030", TRADITIONAL),
])
def test_chinese_encodings_are_detected(tmp_path, encoding, text):
    page = read_one(tmp_path, "p.txt", text.encode(encoding))
    assert page.text == text
    assert page.source_path == "p.txt"


def test_whole_reference_page_in_gb18030_round_trips(tmp_path):
    text = page_text("000_")
    assert read_one(tmp_path, "p.txt", text.encode("gb18030")).text == text


def test_utf8_with_a_few_broken_bytes_is_kept_with_replacement_chars(tmp_path):
    data = (SENTENCE * 20).encode("utf-8")
    cut = len(SENTENCE.encode("utf-8"))  # a character boundary
    data = data[:cut] + b"\xff" + data[cut:]
    page = read_one(tmp_path, "p.txt", data)
    assert page.text.count("\ufffd") == 1
    assert "replaced" in page.encoding


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n \t", "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ("latin.txt", bytes(range(128, 256)) * 40, "undecodable"),
    ("notes.docx", b"PK\x03\x04", "unsupported"),
])
def test_bad_pages_are_rejected_with_a_reason(tmp_path, name, data, reason):
    with pytest.raises(PageRejected) as err:
        read_one(tmp_path, name, data)
    assert err.value.reason == reason


def test_oversized_file_is_rejected_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse 50 MB file
    (task,) = list(discover(tmp_path))
    with pytest.raises(PageRejected) as err:
        read_page(task)
    assert err.value.reason == "too_large"
    assert "52428800 bytes" in err.value.detail


def test_discovery_is_sorted_recursive_and_includes_hidden_files(tmp_path):
    """Hidden files and folders are pages like any other: never dropped without a trace."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("x")
    assert [t.source_path for t in discover(tmp_path)] == [".git/c.txt", ".hidden.txt", "a.txt", "b/2.txt"]


def test_jsonl_corpus_gives_one_page_per_line_and_reports_bad_lines(tmp_path):
    lines = [json.dumps({"text": SENTENCE}, ensure_ascii=False), "{not json", json.dumps({"id": 3}),
             "", json.dumps({"content": TRADITIONAL}, ensure_ascii=False)]
    (tmp_path / "corpus.jsonl").write_text("\n".join(lines), encoding="utf-8")
    tasks = list(discover(tmp_path))
    assert [t.source_path for t in tasks] == ["corpus.jsonl#0", "corpus.jsonl#1", "corpus.jsonl#2",
                                              "corpus.jsonl#4"]
    assert read_page(tasks[0]).text == SENTENCE
    assert read_page(tasks[3]).text == TRADITIONAL
    for task in tasks[1:3]:
        with pytest.raises(PageRejected) as err:
            read_page(task)
        assert err.value.reason == "bad_record"


def test_parquet_corpus_reads_the_text_column(tmp_path):
    pq.write_table(pa.table({"id": [1, 2], "text": [SENTENCE, None]}), tmp_path / "c.parquet")
    tasks = list(discover(tmp_path))
    assert [t.source_path for t in tasks] == ["c.parquet#0", "c.parquet#1"]
    assert read_page(tasks[0]).text == SENTENCE
    with pytest.raises(PageRejected):
        read_page(tasks[1])


HTML = """<!DOCTYPE html><html><head><title>石家庄市20.1万名党员投身疫情防控一线</title></head>
<body><div class="nav"><a href="/">首页</a> | <a href="/a">党纪法规</a> | <a>审查调查</a></div>
<article><h1>石家庄市20.1万名党员投身疫情防控一线</h1>
<p>疾风知劲草，烈火炼真金。连日来，在石家庄市防控新冠肺炎疫情战场上，共产党员挺身而出，党组织战斗堡垒巍然矗立，鲜红的党旗高高飘扬。</p>
<p>据统计，在这场疫情防控歼灭战中，全市4050个农村党组织、727个社区党组织，齐心构筑防控疫情堡垒，20.1万名党员投身抗疫防疫一线。</p>
</article><div class="footer">版权所有 冀ICP备12345678号</div></body></html>"""


def test_html_goes_through_the_main_content_extractor(tmp_path):
    page = read_one(tmp_path, "p.html", HTML.encode("utf-8"))
    assert page.fmt == "html"
    assert page.html_title == "石家庄市20.1万名党员投身疫情防控一线"
    assert "20.1万名党员投身抗疫防疫一线" in page.text
    assert "审查调查" not in page.text and "ICP" not in page.text


def test_html_without_body_is_rejected(tmp_path):
    with pytest.raises(PageRejected) as err:
        read_one(tmp_path, "p.html", b"<html><head><title>x</title></head><body></body></html>")
    assert err.value.reason == "no_body"


def test_decode_bytes_rejects_nul_bytes():
    with pytest.raises(PageRejected) as err:
        decode_bytes(b"abc\x00def" * 10)
    assert err.value.reason == "binary"


def test_a_file_name_in_another_encoding_is_kept_printable(tmp_path):
    name = os.fsdecode("党员".encode("gbk") + b".txt")  # a GBK name unpacked on Linux
    (tmp_path / name).write_text(SENTENCE, encoding="utf-8")
    (task,) = list(discover(tmp_path))
    assert task.source_path == "\\xb5\\xb3Ա.txt"  # bytes that are not UTF-8 stay as escapes
    assert read_page(task).text == SENTENCE


def test_hostile_corpus_lines_become_rejects(tmp_path):
    lines = ["[" * 100_000, json.dumps({"text": None}), json.dumps({"text": "党员\u0000\u0001\u0002" * 10}),
             json.dumps({"text": "\ud800党员投身抗疫一线"})]
    (tmp_path / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
    tasks = list(discover(tmp_path))
    reasons = []
    for task in tasks[:3]:
        with pytest.raises(PageRejected) as err:
            read_page(task)
        reasons.append(err.value.reason)
    assert reasons == ["bad_record", "empty", "binary"]
    assert read_page(tasks[3]).text == "?党员投身抗疫一线"  # a lone surrogate cannot be stored


def _slice_corpus(tmp_path):
    lines = [json.dumps({"text": SENTENCE}, ensure_ascii=False), "{not json", "", "  ",
             json.dumps({"text": None}), json.dumps({"content": TRADITIONAL + "\r"}, ensure_ascii=False),
             json.dumps({"text": "党员\r\n一线"}, ensure_ascii=False)] * 3
    (tmp_path / "a.jsonl").write_bytes(("\r\n".join(lines[:7]) + "\n" + "\n".join(lines[7:])).encode("utf-8"))
    texts = [SENTENCE, None, TRADITIONAL, "党员一线"] * 5
    pq.write_table(pa.table({"id": list(range(20)), "text": texts}), tmp_path / "b.parquet", row_group_size=6)
    (tmp_path / "c.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "empty.jsonl").write_bytes(b"")


@pytest.mark.parametrize("size", [1, 2, 5, 7, 1000])
def test_corpus_slices_expand_to_exactly_the_whole_file_tasks(tmp_path, size):
    _slice_corpus(tmp_path)
    whole = list(discover(tmp_path))
    items = list(discover(tmp_path, slice_records=size))
    assert list(expand(items)) == whole
    assert len(whole) == 15 + 20 + 1  # blank lines are no records
    # the descriptors carry no text: the records are read by expand(), where they are processed
    assert all(isinstance(i, CorpusSlice) or i.text is None for i in items)
    assert all(i.count <= size for i in items if isinstance(i, CorpusSlice) and i.kind == "jsonl")
    # a Parquet slice is one whole row group (groups of 6 rows here): never decoded twice
    parquet = [i for i in items if isinstance(i, CorpusSlice) and i.kind == "parquet"]
    assert [(i.first, i.count, i.start) for i in parquet] == [(0, 6, 0), (6, 6, 1), (12, 6, 2), (18, 2, 3)]


def test_a_corrupt_parquet_row_group_costs_only_its_rows_in_both_walks(tmp_path):
    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"text": [f"{SENTENCE}{i}" for i in range(30)]}), path, row_group_size=10,
                   compression="snappy")
    column = pq.ParquetFile(path).metadata.row_group(1).column(0)
    start = column.dictionary_page_offset or column.data_page_offset
    data = bytearray(path.read_bytes())
    data[start:start + column.total_compressed_size] = b"\xab" * column.total_compressed_size
    path.write_bytes(bytes(data))
    whole = list(discover(tmp_path))
    assert list(expand(discover(tmp_path, slice_records=4))) == whole
    ok = [t.source_path for t in whole if not t.problem]
    assert ok == [f"c.parquet#{i}" for i in list(range(10)) + list(range(20, 30))]
    assert [(t.source_path, t.problem[0]) for t in whole if t.problem] == [("c.parquet#10-", "undecodable")]


def test_a_corpus_slice_whose_file_is_gone_is_one_reject(tmp_path):
    _slice_corpus(tmp_path)
    items = list(discover(tmp_path, slice_records=5))
    (tmp_path / "a.jsonl").unlink()
    (tmp_path / "b.parquet").unlink()
    first = [t for t in expand(items[:1])]
    assert [t.source_path for t in first] == ["a.jsonl#0-4"] and first[0].problem[0] == "unreadable"
    parquet = next(i for i in items if isinstance(i, CorpusSlice) and i.kind == "parquet")
    (gone,) = list(expand([parquet]))
    assert gone.source_path == "b.parquet#0-" and gone.problem[0] == "undecodable"


@pytest.mark.parametrize("bom, encoding", [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
                                           (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be")])
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded(tmp_path, bom, encoding):
    page = read_one(tmp_path, "p.txt", bom + SENTENCE.encode(encoding))
    assert (page.text, page.encoding) == (SENTENCE, encoding)


def test_a_nul_byte_anywhere_makes_a_page_binary(tmp_path):
    with pytest.raises(PageRejected) as rejected:
        read_one(tmp_path, "p.txt", (SENTENCE * 1000).encode("utf-8") + b"\x00tail")
    assert rejected.value.reason == "binary" and "offset" in rejected.value.detail
    from pipeline.ingest import PageTask
    with pytest.raises(PageRejected) as in_corpus:
        read_page(PageTask("c.jsonl#0", text=SENTENCE * 1000 + "\x00"))
    assert in_corpus.value.reason == "binary"


@pytest.mark.parametrize("values, kind", [([1, 2], "int64"), ([b"a"], "binary")])
def test_a_parquet_corpus_whose_text_column_is_not_text_is_one_bad_record(tmp_path, values, kind):
    pq.write_table(pa.table({"text": values}), tmp_path / "c.parquet")
    (task,) = list(discover(tmp_path))
    assert task.problem[0] == "bad_record" and f"text column is {kind}" in task.problem[1]


def test_an_article_inside_ten_thousand_nested_divs_keeps_its_text(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in page_text("000_").splitlines() if line.strip())
    html = "<html><body>" + "<div>" * 10_000 + body + "</div>" * 10_000 + "</body></html>"
    page = read_one(tmp_path, "deep.html", html.encode("utf-8"))
    assert "党员" in page.text
    assert len(page.text) > 0.8 * len("".join(page_text("000_").split()))
