"""Regenerate the README's data dictionary from ``schemas/tables.toml``.

``python -m pipeline.docs README.md`` replaces everything between the
``<!-- data-dictionary:start -->`` and ``<!-- data-dictionary:end -->``
markers; ``--check`` exits 1 if the README is out of date (used by the tests).
"""
from __future__ import annotations

import sys
from pathlib import Path

from .schema import data_dictionary_markdown

START = "<!-- data-dictionary:start -->"
END = "<!-- data-dictionary:end -->"


def render(readme: str) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{data_dictionary_markdown()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv and not argv[0].startswith("--") else Path("README.md")
    current = path.read_text(encoding="utf-8")
    updated = render(current)
    if "--check" in argv:
        if updated != current:
            print(f"{path}: data dictionary is out of date; run `make docs`", file=sys.stderr)
            return 1
        return 0
    path.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
