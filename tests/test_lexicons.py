"""Integrity of the knowledge files in pipeline/data/lexicons/ and of the regex builders.

Every file says what it is and where its entries came from, has no duplicate entries, is read
by some module (no dead data), declares columns its rows fill, and keeps the lists it is
declared disjoint from free of its words. The package data globs ship every file in a wheel.
"""
import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.lexicons import (alternation, first_chars, leading_class, lexicon, lexicon_names,
                               parse_lexicon)

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pipeline"
NAMES = lexicon_names()
CODE = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))


def test_there_are_lexicons():
    assert len(NAMES) >= 20


@pytest.mark.parametrize("name", NAMES)
def test_header_says_what_and_where_from(name):
    lex = lexicon(name)
    assert len(lex.header["concept"]) >= 20, "say what the list is"
    source = lex.header["source"]
    assert len(source) >= 30, "say where the entries came from"
    assert re.search(r"hand-written|derived|from|package|corpus", source)
    assert lex.rows, "an empty list is dead data"


@pytest.mark.parametrize("name", NAMES)
def test_no_duplicate_entries(name):
    words = lexicon(name).words()
    dupes = sorted({w for w in words if words.count(w) > 1})
    assert not dupes, f"{name}: listed twice: {dupes}"


@pytest.mark.parametrize("name", NAMES)
def test_flag_columns_hold_yes_or_no(name):
    lex = lexicon(name)
    for column in lex.columns[1:]:
        values = set(lex.column(column))
        if values & {"yes", "no"}:
            assert values <= {"yes", "no"}, f"{name}.{column}: {sorted(values - {'yes', 'no'})}"


@pytest.mark.parametrize("name", NAMES)
def test_regex_lexicons_compile_and_literal_ones_are_words(name):
    lex = lexicon(name)
    for word in lex.words():
        if lex.is_regex:
            re.compile(word)
        else:
            assert not re.search(r"\s", word), f"{name}: {word!r} holds whitespace"


@pytest.mark.parametrize("name", NAMES)
def test_every_lexicon_is_read_by_some_module(name):
    assert re.search(rf"""["']{re.escape(name)}["']""", CODE), f"no module reads {name}.tsv"


@pytest.mark.parametrize("name", [n for n in NAMES if "disjoint" in lexicon(n).header])
def test_declared_disjoint_lists_share_no_word(name):
    mine = set(lexicon(name).words())
    for other in lexicon(name).header["disjoint"].split():
        shared = sorted(mine & set(lexicon(other).words()))
        assert not shared, f"{name} and {other} contradict each other on {shared}"


def test_package_data_ships_every_knowledge_file():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["pipeline"]
    data = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    missing = [d for d in data if not any(fnmatch(d, g) for g in globs)]
    assert data and not missing, f"not shipped in a wheel: {missing}"


def test_the_loader_refuses_files_without_provenance():
    with pytest.raises(ValueError, match="source"):
        parse_lexicon("x", "# concept: a list of something or other\n# columns: word\n甲\n")
    with pytest.raises(ValueError, match="fields"):
        parse_lexicon("x", "# concept: c\n# source: s\n# columns: word\tkind\n甲\n")
    with pytest.raises(ValueError, match="spaces"):
        parse_lexicon("x", "# concept: c\n# source: s\n# columns: word\n甲 \n")


def test_alternation_puts_longer_words_first():
    pattern = re.compile(alternation(["编辑", "责任编辑", "责编"]))
    assert pattern.search("责任编辑:王强").group() == "责任编辑"


def _plain_alternation(words) -> str:
    """The longest-first ``a|b|c`` the trie stands for."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# few characters, so that words share beginnings and run into each other in the text
_TRIE_CHARS = st.sampled_from("中国人民银行市区县.")
_TRIE_WORDS = st.lists(st.text(_TRIE_CHARS, min_size=1, max_size=5), min_size=1, max_size=10)
# the trie inside patterns that backtrack into it: optional, repeated, followed by context
_CONTEXTS = ("{}", "(?:{})?[0-9]+名", "(?:{})+行", "人(?:{})??市", "(?<![国])({})(?=[区县]|$)", "((?:{})*?)民")


@given(_TRIE_WORDS, st.text(st.one_of(_TRIE_CHARS, st.sampled_from("0123名")), max_size=24),
       st.sampled_from(_CONTEXTS))
def test_the_trie_matches_what_the_longest_first_alternation_matches(words, text, context):
    trie = re.compile(context.format(alternation(words)))
    plain = re.compile(context.format(_plain_alternation(words)))
    assert [(m.span(), m.groups()) for m in trie.finditer(text)] == \
        [(m.span(), m.groups()) for m in plain.finditer(text)]


def test_alternation_as_a_trie():
    assert alternation(["中国", "中国人民银行", "中"]) == "(?:中(?:国(?:人民银行)?)?)"
    assert alternation(["市", "县", "区"]) == "(?:[区县市])"
    # fragments, file order and an empty word keep the plain form
    assert alternation(["[0-9]+", "号"], escape=False) == "[0-9]+|号"
    assert alternation(["乙", "甲乙"], longest_first=False) == "乙|甲乙"
    assert alternation(["甲", ""]) == "甲|"


@pytest.mark.parametrize("pattern, expected", [
    (r"(?:近|将近|最多)?[0-9]+万", set("0123456789近将最")),
    (r"(?<![0-9])(?:[0-9]{4}年)?[0-9]{1,2}月", set("0123456789")),
    (r"(?=[甲乙])(?:甲|乙丙)", {"甲", "乙"}),
    (r"(?:甲)?", None),          # can match the empty string
    (r"\w+", None),              # unbounded class
    (r"[^甲]", None),
])
def test_first_chars(pattern, expected):
    got = first_chars(pattern)
    assert (set(got) if got is not None else None) == expected


def test_a_word_with_a_new_first_character_is_matched():
    """The trap this module removes: a qualifier whose first character no hand-kept set lists."""
    words = ["近", "约", "超过"]
    for extra in ([], ["最多"]):
        pattern = f"(?:{alternation(words + extra)})?[0-9]+名"
        fast, plain = leading_class(pattern), re.compile(pattern)
        text = "最多300名，近20名，约5名"
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert leading_class(pattern).search("最多300名").group() == "最多300名"


@pytest.mark.parametrize("text, message", [
    ("# concept: c\n# source: s\n# format: regex\n# columns: pattern kind\n分享到\t\n", "empty field"),
    ("# concept: c\r\n# source: s\r\n# columns: word\r\n甲\r\n", "carriage return"),
])
def test_the_loader_refuses_entries_that_would_match_everywhere_or_never(text, message):
    with pytest.raises(ValueError, match=message):
        parse_lexicon("x", text)


def test_columns_are_read_by_name_and_flags_are_checked():
    lex = parse_lexicon("x", "# concept: c\n# source: s\n# columns: word\tkind\tstrong\n甲\tparty\tyes\n乙\tcompany\tmaybe\n")
    assert [r.kind for r in lex.records()] == ["party", "company"]
    with pytest.raises(KeyError, match="no column 'typ'"):
        lex.column("typ")
    with pytest.raises(ValueError, match="not a yes/no flag"):
        lex.flagged("strong")
    with pytest.raises(KeyError, match="one column"):
        parse_lexicon("y", "# concept: c\n# source: s\n# columns: word\n甲\n").mapping()


def test_leading_class_keeps_a_verbose_pattern_ending_in_a_comment():
    pattern = "(?:近|约)? [0-9]+ 名  # a count of people"
    assert leading_class(pattern, re.X).findall("近20名，约5名") == re.compile(pattern, re.X).findall("近20名，约5名")


@pytest.mark.parametrize("name", NAMES)
def test_used_by_names_exactly_the_modules_that_read_the_file(name):
    readers = sorted(p.relative_to(ROOT).as_posix() for p in PACKAGE.rglob("*.py")
                     if p.name != "lexicons.py"
                     and re.search(rf"""["']{re.escape(name)}["']""", p.read_text(encoding="utf-8")))
    assert lexicon(name).header.get("used by", "").split(", ") == readers


# Derived tables: (recipe, table, the recipe's attribute naming the input it needs from ../shared)
DERIVED_TABLES = [
    ("build_foreign_places", "foreign_places", "CORPUS"),  # derived from the unlabelled news
    ("build_foreign_cities", "foreign_cities", None),  # from CLDR, babel's data
    ("build_known_brands", "known_brands", "CORPORA"),  # from CLUENER2020 train and half of Boson
    ("build_product_names", "product_names", "CORPORA"),  # from Boson's tune half and CLUENER2020
    ("build_transliteration_chars", "transliteration_chars", "CORPORA"),  # MSRA, CLUENER2020, half of Boson
]


@pytest.mark.parametrize("recipe_name, table, needs", DERIVED_TABLES)
def test_a_derived_table_is_what_its_recipe_derives(recipe_name, table, needs, tmp_path, monkeypatch):
    # the committed table must be the recipe's output, so it can be rebuilt
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(recipe_name, root / "recipes" / f"{recipe_name}.py")
    recipe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(recipe)
    if needs and not getattr(recipe, needs).exists():
        pytest.skip("../shared/corpora not available")
    monkeypatch.setattr(recipe, "OUT", tmp_path / f"{table}.tsv")
    monkeypatch.setattr("sys.argv", [f"{recipe_name}.py"])
    assert recipe.main() == 0
    committed = (root / "pipeline" / "data" / "lexicons" / f"{table}.tsv").read_text(encoding="utf-8")
    assert (tmp_path / f"{table}.tsv").read_text(encoding="utf-8") == committed


def test_the_derived_tables_hold_the_names_they_were_derived_for():
    assert {"德黑兰", "基辅", "东京"} <= set(lexicon("foreign_cities").words())
    assert not {"台北", "百慕大", "北京"} & set(lexicon("foreign_cities").words())
    assert {"淘宝", "戴尔", "斯柯达"} <= set(lexicon("known_brands").words())
    assert not {"阿里", "李宁"} & set(lexicon("known_brands").words())  # a division's name; a person's too
