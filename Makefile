# Two commands on a fresh machine (Python 3.11 and nothing else):
#   make all    create .venv, install pinned dependencies, rebuild data/processed from data/raw
#   make test   create .venv if needed, install, run the test suite
# and `make report`: data/processed/report.html, one HTML page of the tables
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
INPUT  ?= data/raw
OUTPUT ?= data/processed
WORKERS ?=

.PHONY: all install data test model bench docs clean quality report

all: data

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

install: $(STAMP)

data: $(STAMP)
	$(PY) -m pipeline run --input $(INPUT) --output $(OUTPUT) --no-progress $(if $(WORKERS),--workers $(WORKERS))

# One self-contained HTML page over the tables: $(OUTPUT)/report.html (runs `make all` first;
# unchanged pages come from the cache, so that costs a fraction of a second)
report: data
	$(PY) -m pipeline report --output $(OUTPUT)

test: $(STAMP)
	$(PY) -m pytest tests

# Retrain the NER model from ../shared/corpora (never run by `make test`).
model: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-train.txt
	$(PY) recipes/train_ner.py --corpus ../shared/corpora/msra --out models/ner

# Entity quality on every evaluation set, held-out pages first (needs ../shared).
quality: $(STAMP)
	$(PY) recipes/quality_report.py

bench: $(STAMP)
	$(PY) bench/run.py

# Regenerate the README's data dictionary from schemas/tables.toml.
docs: $(STAMP)
	$(PY) -m pipeline.docs README.md

clean:
	rm -rf $(OUTPUT)/*.parquet $(OUTPUT)/manifest.json $(OUTPUT)/current $(OUTPUT)/.generations $(OUTPUT)/report.html
