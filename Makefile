# The README's commands. Every target builds on `install`, which makes .venv from nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev
WEB    := src/frontlines/web
WEBSTAMP := $(WEB)/vendor/.built

.PHONY: install install-dev pg run test lint bench eval clean web chromium serve

install: $(STAMP) $(WEBSTAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/frontlines gazetteer build
	$(BIN)/frontlines train classifier --folds 0
	$(BIN)/frontlines prepare
	touch $@

install-dev: install $(DEV) chromium

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

# The map page's JS/CSS: npm packages (pinned in package-lock.json) copied into the Python package, so
# the page never loads anything from a CDN. npm comes from Debian when missing (CI runs as root).
web: $(WEBSTAMP)

$(WEBSTAMP): $(WEB)/package.json $(WEB)/package-lock.json
	command -v npm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm)
	npm ci --prefix $(WEB) --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -rf $(WEB)/vendor && mkdir -p $(WEB)/vendor/images
	cp $(WEB)/node_modules/leaflet/dist/leaflet.js $(WEB)/node_modules/leaflet/dist/leaflet.css $(WEB)/vendor/
	cp $(WEB)/node_modules/leaflet/dist/images/*.png $(WEB)/vendor/images/
	cp $(WEB)/node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
	   $(WEB)/node_modules/leaflet.markercluster/dist/MarkerCluster.css \
	   $(WEB)/node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css $(WEB)/vendor/
	cp $(WEB)/node_modules/swagger-ui-dist/swagger-ui-bundle.js \
	   $(WEB)/node_modules/swagger-ui-dist/swagger-ui.css $(WEB)/vendor/
	touch $@

# Debian's chromium for the browser tests (Playwright's own browser download does not work offline).
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

serve: run
	$(BIN)/frontlines serve

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
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/extract_throughput.py
	$(BIN)/python bench/gazetteer.py
	$(BIN)/python bench/classifier.py
	$(BIN)/python bench/merge.py
	$(BIN)/python bench/api.py
	$(BIN)/python bench/ingest.py --articles 8040 --then 10

SHARED := ../shared/data

eval: install
	$(BIN)/frontlines eval acled tests/eval/acled_dev.csv --baseline tests/eval/baseline.toml
	$(BIN)/frontlines eval merge tests/merge/dedup.toml
	@if [ -d $(SHARED) ]; then \
	  $(BIN)/frontlines eval geoparse $(SHARED)/geoparsing_dev/lgl.xml $(SHARED)/geoparsing_dev/TR-News.xml && \
	  $(BIN)/frontlines eval control $(SHARED)/wikipedia_syria_battles/pages 2>/dev/null | head -3 && \
	  $(BIN)/frontlines eval places && \
	  $(BIN)/python eval/fakes_admin1.py; \
	else echo "skipped the evaluations on $(SHARED): not found"; fi

clean:
	rm -rf $(VENV) $(WEB)/node_modules $(WEB)/vendor out frontlines.db frontlines.db-wal frontlines.db-shm
