# The README's commands. Every target builds on `install`, which makes .venv from nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev

.PHONY: install install-dev pg run test lint bench eval clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/frontlines gazetteer build
	$(BIN)/frontlines train classifier --folds 0
	touch $@

install-dev: $(DEV)

$(DEV): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# PostgreSQL 15 + PostGIS for the PostgreSQL store tests (a server is started per test session by a
# fixture, in a temporary folder; nothing is configured system-wide). Installed with apt when missing
# and running as root (CI); otherwise the tests that need it are skipped and say so.
PG_BIN  := /usr/lib/postgresql/15/bin
POSTGIS := /usr/share/postgresql/15/extension/postgis.control

pg:
	@if [ -x $(PG_BIN)/initdb ] && [ -f $(POSTGIS) ]; then \
	  echo "PostgreSQL 15 + PostGIS present"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 postgresql-15-postgis-3; \
	else \
	  echo "PostgreSQL 15 + PostGIS missing (run 'make pg' as root): the PostgreSQL store tests will be skipped"; \
	fi

run: install
	$(BIN)/frontlines ingest examples/
	$(BIN)/frontlines events --format table
	mkdir -p out
	$(BIN)/frontlines export --format geojson -o out/events.geojson
	$(BIN)/frontlines export --format acled-csv -o out/events.csv

test: install-dev lint pg
	$(BIN)/python -m pytest

lint: install-dev
	$(BIN)/ruff check src tests bench eval
	$(BIN)/ruff format --check src tests bench eval
	$(BIN)/mypy src

bench: install
	$(BIN)/python bench/extract_throughput.py
	$(BIN)/python bench/gazetteer.py
	$(BIN)/python bench/classifier.py
	$(BIN)/python bench/merge.py
	$(BIN)/python bench/ingest.py --articles 8040 --then 10

SHARED := ../shared/data

eval: install
	$(BIN)/frontlines eval acled tests/eval/acled_dev.csv --baseline tests/eval/baseline.toml
	$(BIN)/frontlines eval merge tests/merge/dedup.toml
	@if [ -d $(SHARED) ]; then \
	  $(BIN)/frontlines eval geoparse $(SHARED)/geoparsing_dev/lgl.xml $(SHARED)/geoparsing_dev/TR-News.xml && \
	  $(BIN)/frontlines eval control $(SHARED)/wikipedia_syria_battles/pages 2>/dev/null | head -3 && \
	  $(BIN)/python eval/fakes_admin1.py; \
	else echo "skipped the evaluations on $(SHARED): not found"; fi

clean:
	rm -rf $(VENV) out frontlines.db frontlines.db-wal frontlines.db-shm
