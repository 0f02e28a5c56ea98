"""The stages are declared once (pipeline/stages.py), and so are the tables (schemas/tables.toml)."""
import dataclasses
import tomllib
import types

import pytest

from pipeline import records, stages
from pipeline.ingest import PageTask
from pipeline.records import ArticleResult
from pipeline.resources import SCHEMA_PATH
from pipeline.runner import RunSummary, process_task
from pipeline.schema import (CORPUS_TABLES, RESULT_FIELDS, ROW_TYPES, TABLES, check_rows_match_schema, column_names,
                             table_specs)
from pipeline.stages import INPUTS, STAGES, PageContext, Stage, check_stages

from conftest import page_text


# ----------------------------------------------------------------------------- stages
def test_every_stage_reads_only_inputs_and_fields_set_before_it():
    available = set(INPUTS)
    for stage in STAGES:
        assert set(stage.requires) <= available, stage.name
        available |= set(stage.assigns)
    # and nothing on the context is dead weight: each field is an input or some stage's output
    assert {f.name for f in dataclasses.fields(PageContext)} == available


def test_the_order_check_refuses_a_stage_that_reads_a_later_field():
    swapped = (STAGES[0], STAGES[2], STAGES[1]) + STAGES[3:]  # metadata before clean
    with pytest.raises(ValueError, match="stage 'metadata' requires clean"):
        check_stages(swapped)


def test_the_check_refuses_a_function_whose_parameters_are_not_its_requires():
    bad = Stage("clean", lambda page: page, requires=("raw",), assigns=("clean",))
    with pytest.raises(ValueError, match="takes \\['page'\\]"):
        check_stages(STAGES[:1] + (bad,))
    with pytest.raises(ValueError, match="not a PageContext field"):
        check_stages(STAGES[:1] + (Stage("x", lambda raw: 0, requires=("raw",), assigns=("nope",)),))
    with pytest.raises(ValueError, match="two stages are named"):
        check_stages(STAGES + STAGES[-1:])


def test_process_task_times_every_stage_under_its_name():
    result = process_task(PageTask("a.txt", text=page_text("000_")))
    assert result.article is not None and result.people and result.statistics
    assert list(result.seconds) == [stage.name for stage in STAGES]
    summary = RunSummary()
    summary.count(result)
    stage_line = next(line for line in summary.format().splitlines() if line.startswith("seconds per stage"))
    assert [part.split()[0] for part in stage_line.split(": ", 1)[1].split(", ")] == list(stages.STAGE_NAMES)


def test_a_stage_that_rejects_the_page_stops_the_stages_after_it():
    result = process_task(PageTask("empty.txt", text="   "))
    assert [(r.reason, r.detail) for r in result.rejects] == [("empty", "no text")]
    assert list(result.seconds) == ["ingest"]


def test_a_body_over_the_limit_is_rejected_after_metadata(monkeypatch):
    monkeypatch.setattr(stages, "_MAX_TEXT_CHARS", 10)
    result = process_task(PageTask("a.txt", text=page_text("000_")))
    assert result.article is None
    assert result.rejects[0].reason == "too_large" and "> limit 10" in result.rejects[0].detail
    assert list(result.seconds) == ["ingest", "clean", "metadata", "segment"]


def test_the_warm_up_page_goes_through_every_stage():
    context = stages.warm_up()
    assert context.sentences and context.people and context.statistics
    assert [p.name for p in context.people] == ["宋国威"]


# ----------------------------------------------------------------------------- tables
def test_every_table_has_a_row_type_with_its_columns_and_a_result_field():
    assert TABLES == tuple(table_specs())  # the TOML's order
    result_fields = {f.name for f in dataclasses.fields(ArticleResult)}
    for table in TABLES:
        assert [f.name for f in dataclasses.fields(ROW_TYPES[table])] == column_names(table)
        assert table in CORPUS_TABLES or RESULT_FIELDS[table] in result_fields
    assert CORPUS_TABLES == ("person_entities", "organization_entities")
    assert result_fields - set(RESULT_FIELDS.values()) == {"seconds", "signature"}


def _specs_with_events() -> dict:
    with open(SCHEMA_PATH, "rb") as fh:
        specs = tomllib.load(fh)
    specs["events"] = {"description": "One row per event.", "key": ["article_id"], "row_type": "EventRow",
                       "result_field": "events",
                       "columns": [{"name": "article_id", "type": "string", "doc": "id"},
                                   {"name": "what", "type": "string", "doc": "what happened"}]}
    return specs


def test_a_new_table_takes_the_toml_its_row_type_and_its_result_field():
    specs = _specs_with_events()
    with pytest.raises(RuntimeError, match="row_type 'EventRow'"):
        check_rows_match_schema(specs)  # records.py has no EventRow yet

    @dataclasses.dataclass
    class EventRow:
        article_id: str
        what: str

    @dataclasses.dataclass
    class ResultWithEvents(ArticleResult):
        events: list = dataclasses.field(default_factory=list)

    fake_records = types.SimpleNamespace(**{name: getattr(records, name) for name in dir(records)})
    fake_records.EventRow = EventRow
    with pytest.raises(RuntimeError, match="ArticleResult has no field 'events'"):
        check_rows_match_schema(specs, fake_records)
    fake_records.ArticleResult = ResultWithEvents
    check_rows_match_schema(specs, fake_records)

    @dataclasses.dataclass
    class WrongColumns:
        article_id: str
        who: str

    fake_records.EventRow = WrongColumns
    with pytest.raises(RuntimeError, match="for table 'events'"):
        check_rows_match_schema(specs, fake_records)


def test_a_corpus_table_has_no_result_field():
    specs = {**table_specs()}
    specs["person_entities"] = {**specs["person_entities"], "result_field": "people"}
    with pytest.raises(RuntimeError, match="scope corpus cannot have a result_field"):
        check_rows_match_schema(specs)


def test_a_result_field_of_no_table_is_refused():
    specs = {t: s for t, s in table_specs().items() if t != "rejects"}
    with pytest.raises(RuntimeError, match=r"\['rejects'\] belong to no table"):
        check_rows_match_schema(specs)
