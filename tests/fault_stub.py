"""The command line with a fast stand-in for the extraction stages, for tests/test_faults.py.

``python tests/fault_stub.py run --input IN --output OUT …`` runs the real command line (lock,
discovery, reading with ``ingest.read_page``, worker pool, writer, commit, signals) but replaces
the stages after ingest with rows made up from the page, so a fault trial costs a second, not
the time the NER model takes to load. Environment:

* ``FAULT_STUB_TAG`` — written into every row (``article_id`` ``TAG-…``, a reject's detail
  ``TAG: …``), so a reader can tell which run wrote each table;
* ``FAULT_STUB_ROWS`` — people, organization, place and statistics rows per article (default 1);
* ``FAULT_STUB_DELAY`` — seconds each page takes (default 0);
* ``FAULT_STUB_TEXT`` — characters of made-up text per article (default 20), to fill a disk;
* a page whose text starts with ``REJECT`` becomes a reject, one starting with ``CRASH`` kills
  its worker process (SIGKILL), as a segfault would.

The patches are made when this file runs as the main module, also in the forkserver workers
(which import it as ``__mp_main__``); importing it (tests/test_faults.py does) patches nothing.
"""
import os
import random
import signal
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pipeline.runner as runner  # noqa: E402
from pipeline.ingest import read_page  # noqa: E402
from pipeline.records import (ArticleResult, ArticleRow, NumericClaim, OrganizationRow, PageRejected,  # noqa: E402
                              PersonRow, PlaceRow, RejectRow)


def stub_process_task(task, max_bytes=runner.DEFAULT_MAX_BYTES, sentences=False) -> ArticleResult:
    tag = os.environ.get("FAULT_STUB_TAG", "T")
    rows = int(os.environ.get("FAULT_STUB_ROWS", "1"))
    time.sleep(float(os.environ.get("FAULT_STUB_DELAY", "0")))
    try:
        page = read_page(task, max_bytes)
    except PageRejected as rejected:
        return ArticleResult(rejects=[RejectRow(task.source_path, rejected.reason, rejected.detail)])
    if page.text.startswith("CRASH"):
        os.kill(os.getpid(), signal.SIGKILL)
    if page.text.startswith("REJECT"):
        return ArticleResult(rejects=[RejectRow(task.source_path, "empty", f"{tag}: stub reject")])
    aid = f"{tag}-{task.source_path}"
    rng = random.Random(task.source_path)
    text = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(int(os.environ.get("FAULT_STUB_TEXT", "20"))))
    return ArticleResult(
        article=ArticleRow(aid, task.source_path, "sha", "标题", None, datetime(2021, 1, 1), [], [], "simplified",
                           text, text, [], len(text)),
        people=[PersonRow(aid, f"张{i}", "mentioned", [], None, None, None, 1, None, None, None)
                for i in range(rows)],
        organizations=[OrganizationRow(aid, f"机构{i}", "other", 1, None, None, None) for i in range(rows)],
        places=[PlaceRow(aid, f"地{i}", "city", 1, None, None, "句", adcode_status="unknown") for i in range(rows)],
        statistics=[NumericClaim(aid, "1名", 1.0, None, "名", None, None, 0, 2, "1名") for _ in range(rows)])


def _no_warm_up(scratch_dir=None) -> None:
    pass


if __name__ in ("__main__", "__mp_main__"):  # the command line and its workers; never a mere import
    runner.process_task = stub_process_task
    runner._init_worker = _no_warm_up

if __name__ == "__main__":
    from pipeline.cli import main

    sys.exit(main(sys.argv[1:]))
