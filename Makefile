# Two commands on a fresh machine:  make demo   |   make test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
EW     := $(VENV)/bin/eventwire
SHARED ?= ../shared
DEMO_DB ?= demo.duckdb

.PHONY: install install-test assets demo test bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed assets

# Front-end libraries for the dashboard come from npm at build time (never committed).
assets:
	@if [ -f web/package.json ]; then $(MAKE) -s -C web install; fi

demo: install
	@rm -f $(DEMO_DB)
	@if [ -d $(SHARED)/dev ]; then \
	  $(EW) ingest $(SHARED)/dev/articles.jsonl $(SHARED)/dev-world/articles.jsonl $(SHARED)/seeds --db $(DEMO_DB); \
	else \
	  echo "(no $(SHARED): using the illustrative sample corpus in samples/corpus)"; \
	  $(EW) ingest samples/corpus --db $(DEMO_DB); \
	fi
	@mkdir -p out
	$(EW) sitrep --db $(DEMO_DB) --out out/sitrep.html
	@echo ""
	@echo "Situation report: out/sitrep.html"
	@echo "Dashboard and REST API:  $(EW) serve --db $(DEMO_DB)   then open http://127.0.0.1:8000/"

test: install
	$(PY) -m pytest -q

bench: install
	$(PY) benchmarks/ingest.py
	$(PY) benchmarks/extract.py
	$(PY) benchmarks/resolve.py
	$(PY) benchmarks/resolution_quality.py
	$(PY) benchmarks/api.py

clean:
	rm -rf $(VENV) *.duckdb .pytest_cache
