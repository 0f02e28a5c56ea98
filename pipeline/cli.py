"""Command line: ``python -m pipeline COMMAND`` (also installed as ``cnnews-pipeline``).

    run --input DIR --output DIR [--workers N] [--strict]   build all tables
        [--sentences]                                        … and the optional sentences table (words)
        [--engine dask [--scheduler tcp://HOST:8786]]        … on a Dask cluster
    ingest FILE      print the decoded page text
    clean FILE       print the cleaned body (simplified; --original for the page's script)
    metadata FILE    print title / source / published_at (+ precision) / authors / editors / outlet / url as JSON
    segment FILE     print one sentence per line, words separated by spaces
    extract FILE     print every row the page yields, as JSON lines {"table": ..., "row": ...}
                     (--sentences: the sentences table's rows too)
    ner              JSON lines {"text": ...} on stdin → {"text", "entities"} on stdout
    schema           print the data dictionary (Markdown) generated from schemas/tables.toml
    report --output DIR [--html FILE]   one self-contained HTML page of the tables (pipeline/report)

Every command takes ``--settings FILE``: a TOML file overriding thresholds of
``pipeline/settings.toml`` (the same as setting ``CNNEWS_SETTINGS=FILE``).

Exit codes: 0 success; 1 ``--strict`` and some page was rejected; 2 usage or
I/O error (missing input, unwritable output, output inside input, disk full,
another run writing the same output), reported in one line on stderr; 130 / 143
interrupted by SIGINT / SIGTERM ("interrupted; previous tables unchanged").
A refused run creates nothing; a failed or interrupted run leaves the previous
tables committed (``commit.py``).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sqlite3
import sys
from datetime import date, datetime
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    from .lifecycle import Terminated, terminate_as_exception

    try:
        with terminate_as_exception():
            if args.settings is not None:
                _use_settings(args.settings)
            return args.func(args)
    except _UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `... | head` is fine
        return 0
    except (KeyboardInterrupt, Terminated) as exc:
        print(_INTERRUPTED if args.command == "run" else "interrupted", file=sys.stderr)
        return 130 if isinstance(exc, KeyboardInterrupt) else 143
    except (OSError, sqlite3.Error) as exc:  # disk full, output removed, another run on the output …
        print(f"error: {_os_error_line(exc)}", file=sys.stderr)
        return 2


_INTERRUPTED = "interrupted; previous tables unchanged"


def _os_error_line(exc: BaseException) -> str:
    """One line for an I/O error; a full disk (or file size limit) says so and what it left."""
    import errno

    from .output_lock import OutputBusy

    if isinstance(exc, OutputBusy):
        return str(exc)
    text = " ".join(str(exc).split())
    if getattr(exc, "errno", None) in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT) or \
            any(s in text for s in ("No space left", "File too large", "Disk quota", "disk is full")):
        return f"disk full ({text}); nothing was committed, previous tables unchanged"
    return f"{type(exc).__name__}: {text}"


class _UsageError(Exception):
    pass


def _use_settings(path: Path) -> None:
    """Point this process and its workers (they inherit the environment) at an override file,
    before any stage module binds its thresholds; refuse a file that does not load."""
    import os

    from . import settings

    os.environ[settings.ENV_VAR] = str(path.resolve())
    try:
        settings.settings()
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise _UsageError(f"--settings {path}: {exc}")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--settings", type=Path, default=None, metavar="FILE",
                        help="TOML file overriding thresholds of pipeline/settings.toml")

    run = sub.add_parser("run", parents=[common], help="process every page under --input and write the tables")
    run.add_argument("--input", required=True, type=Path, help="folder of pages / corpora")
    run.add_argument("--output", required=True, type=Path, help="folder for the Parquet tables")
    run.add_argument("--workers", type=int, default=None,
                     help="worker processes (default: all cores)")
    run.add_argument("--strict", action="store_true", help="exit 1 if any page is rejected")
    run.add_argument("--max-bytes", type=int, default=None,
                     help="reject files bigger than this (default 20 MB)")
    run.add_argument("--no-progress", action="store_true", help="no progress line even on a terminal")
    run.add_argument("--no-cache", action="store_true",
                     help="re-extract every page (default: reuse results of unchanged pages from OUTPUT/.cache)")
    run.add_argument("--sentences", action="store_true",
                     help="also write the sentences table: every sentence with its words (jieba, entity names "
                          "kept whole); off by default: it adds about a third to the run time")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local process pool (default) or a Dask distributed cluster")
    run.add_argument("--scheduler", default=None,
                     help="Dask scheduler address (tcp://host:8786); without it --engine dask starts a LocalCluster")
    run.add_argument("--partition-size", type=int, default=256,
                     help="pages per Dask partition / output part file (--engine dask)")
    run.set_defaults(func=_cmd_run)

    for name, helptext in (("ingest", "print the decoded page text"),
                           ("clean", "print the cleaned body"),
                           ("metadata", "print the page metadata as JSON"),
                           ("segment", "print sentences, words separated by spaces"),
                           ("extract", "print every table row of the page as JSON lines")):
        cmd = sub.add_parser(name, parents=[common], help=helptext)
        cmd.add_argument("file", type=Path)
        if name == "clean":
            cmd.add_argument("--original", action="store_true", help="the page's own script")
        if name == "extract":
            cmd.add_argument("--sentences", action="store_true", help="the sentences table's rows too")
        cmd.set_defaults(func=_cmd_single)

    ner = sub.add_parser("ner", parents=[common], help="tag JSON lines {\"text\": ...} from stdin with PER/LOC/ORG")
    ner.set_defaults(func=_cmd_ner)
    schema = sub.add_parser("schema", parents=[common], help="print the data dictionary as Markdown")
    schema.set_defaults(func=_cmd_schema)
    report = sub.add_parser("report", parents=[common],
                            help="write one self-contained HTML report of an output folder's tables")
    report.add_argument("--output", required=True, type=Path, help="folder of the tables (a run's --output)")
    report.add_argument("--html", type=Path, default=None,
                        help="where to write the page (default: OUTPUT/report.html)")
    report.set_defaults(func=_cmd_report)
    return p


def _cmd_run(args) -> int:
    from .ingest import DEFAULT_MAX_BYTES
    from .runner import ensure_writable, run

    # every check that can refuse the run comes before anything is created
    if not args.input.is_dir():
        raise _UsageError(f"input directory not found: {args.input}")
    if args.workers is not None and args.workers < 1:
        raise _UsageError("--workers must be at least 1")
    if args.partition_size < 1:
        raise _UsageError("--partition-size must be at least 1")
    if args.max_bytes is not None and args.max_bytes < 1:
        raise _UsageError("--max-bytes must be at least 1")
    if args.output.resolve().is_relative_to(args.input.resolve()):
        raise _UsageError("--output must not be inside --input (the tables would be read as input next time)")
    if args.scheduler and args.engine != "dask":
        raise _UsageError("--scheduler needs --engine dask")
    if args.engine == "dask":
        try:
            from .distributed import run_dask
        except ImportError as exc:
            raise _UsageError(f"--engine dask needs dask and distributed installed ({exc})")
    try:
        ensure_writable(args.output)
    except OSError as exc:
        raise _UsageError(f"cannot write to output directory {args.output}: {exc.strerror or exc}")
    max_bytes = args.max_bytes or DEFAULT_MAX_BYTES
    if args.engine == "dask":
        summary = run_dask(args.input, args.output, scheduler=args.scheduler, workers=args.workers,
                           partition_size=args.partition_size, max_bytes=max_bytes, sentences=args.sentences)
    else:
        progress = sys.stderr.isatty() and not args.no_progress
        summary = run(args.input, args.output, workers=args.workers, max_bytes=max_bytes,
                      progress=progress, use_cache=not args.no_cache, sentences=args.sentences)
    print(summary.format(), file=sys.stderr)
    if args.strict and summary.pages_rejected:
        print(f"error: {summary.pages_rejected} page(s) rejected (--strict); see rejects.parquet",
              file=sys.stderr)
        return 1
    return 0


def _single_page(path: Path):
    from .ingest import PAGE_SUFFIXES, PageTask

    if not path.is_file():
        raise _UsageError(f"file not found: {path}")
    if path.suffix.lower() in (".jsonl", ".parquet"):
        raise _UsageError(f"{path} is a corpus of many pages: use `run --input` on its folder")
    fmt = PAGE_SUFFIXES.get(path.suffix.lower(), "text")
    return PageTask(path.name, path=str(path), fmt=fmt)


def _cmd_single(args) -> int:
    from .records import PageRejected

    task = _single_page(args.file)
    try:
        return _SINGLE[args.command](task, args)
    except PageRejected as rejected:
        print(f"rejected: {rejected.reason}: {rejected.detail}", file=sys.stderr)
        return 1


def _show_ingest(task, args) -> int:
    from .ingest import read_page

    print(read_page(task).text)
    return 0


def _show_clean(task, args) -> int:
    from .clean import clean_page
    from .ingest import read_page

    clean = clean_page(read_page(task))
    print(clean.text_original if args.original else clean.text)
    return 0


def _show_metadata(task, args) -> int:
    from .clean import clean_page
    from .ingest import read_page
    from .metadata import extract_metadata

    raw = read_page(task)
    clean = clean_page(raw)
    meta = dataclasses.asdict(extract_metadata(raw, clean))
    meta["script"] = clean.script
    print(json.dumps(meta, ensure_ascii=False, indent=1, default=_json_default))
    return 0


def _show_segment(task, args) -> int:
    from .clean import clean_page
    from .ingest import read_page
    from .segment import segment

    doc = segment(clean_page(read_page(task)).text)
    for sent in doc.sents:
        words = [t.text for t in sent if not t.is_space]
        if words:
            print(" ".join(words))
    return 0


def _show_extract(task, args) -> int:
    from .emit import result_rows
    from .runner import process_task
    from .schema import output_tables

    result = process_task(task, sentences=args.sentences)
    for table in output_tables(["sentences"] if args.sentences else ()):
        for row in result_rows(result, table):
            print(json.dumps({"table": table, "row": dataclasses.asdict(row)},
                             ensure_ascii=False, default=_json_default))
    return 0 if result.article is not None else 1


_SINGLE = {"ingest": _show_ingest, "clean": _show_clean, "metadata": _show_metadata,
           "segment": _show_segment, "extract": _show_extract}


def _json_default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _cmd_ner(args) -> int:
    from .ner import ner_jsonl

    try:
        ner_jsonl(sys.stdin, sys.stdout)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise _UsageError(f"stdin must be JSON lines with a \"text\" field ({type(exc).__name__}: {exc})")
    return 0


def _cmd_schema(args) -> int:
    from .schema import data_dictionary_markdown

    print(data_dictionary_markdown())
    return 0


def _cmd_report(args) -> int:
    from .report import write_report

    try:  # the font subset needs them (pyproject.toml requires them; an environment built otherwise may lack them)
        import brotli, fontTools, pylopdf_fonts_zh_cn  # noqa: F401, E401
    except ImportError as exc:
        raise _UsageError(f"the report needs fonttools, brotli and pylopdf-fonts-zh-cn installed ({exc})")
    if not args.output.is_dir():
        raise _UsageError(f"output directory not found: {args.output}")
    if args.html is not None and not args.html.parent.is_dir():
        raise _UsageError(f"no folder for --html: {args.html.parent}")
    from .load import OutputError

    try:
        report = write_report(args.output, args.html)
    except OutputError as exc:  # a committed set that is half-written or damaged
        raise _UsageError(str(exc)) from exc
    if report.missing:
        print(f"warning: {len(report.missing)} character(s) not in the embedded font, shown with the "
              f"reader's own fonts: {report.missing}", file=sys.stderr)
    print(f"report: {report.path} ({report.bytes / 1e6:.1f} MB, font {report.glyph_bytes / 1e3:.0f} kB)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
