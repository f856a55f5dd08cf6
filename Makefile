# Two entry points: `make demo` (the main job on the bundled samples) and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEV_GOLD ?= ../shared/dev/dev_gold.json
# gold sets scored by `make test` when present, each against its floors in eval_floors.json
GOLD_SETS ?= $(DEV_GOLD) ../shared/dev/real_reports.json ../shared/dev/no_event_reports.json

.PHONY: demo test lint eval bench gazetteer clean

# the demo needs the app only; the test tools (dask, playwright, schemathesis…) come with
# `make test`
$(BIN)/marsad: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.dev: $(BIN)/marsad pyproject.toml
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

DEMO_DB ?= demo.db

demo: $(BIN)/marsad
	$(BIN)/marsad ingest marsad/samples --db $(DEMO_DB)
	$(BIN)/marsad incidents --db $(DEMO_DB)
	$(BIN)/marsad user add demo --db $(DEMO_DB) --password demo-reviewer
	@echo "review app: log in as demo / demo-reviewer (Ctrl-C to stop)"
	$(BIN)/marsad serve --db $(DEMO_DB) --port $${PORT:-8000}

lint: $(VENV)/.dev
	$(BIN)/ruff check marsad tests scripts benchmarks

test: lint
	bash scripts/ensure_postgres.sh
	bash scripts/ensure_browser.sh
	MARSAD_REQUIRE_PG=$${MARSAD_REQUIRE_PG:-$${CI:+1}} \
	MARSAD_REQUIRE_BROWSER=$${MARSAD_REQUIRE_BROWSER:-$${CI:+1}} $(BIN)/pytest -q
	@for gold in $(GOLD_SETS); do \
		if [ -f $$gold ]; then \
			echo "== gate: $$gold"; \
			$(BIN)/marsad eval $$gold --floors eval_floors.json --no-groups || exit 1; \
		else echo "no $$gold: its gate is skipped"; fi; \
	done

eval: $(VENV)/.dev
	$(BIN)/marsad eval $(DEV_GOLD)

bench: $(VENV)/.dev
	$(BIN)/python benchmarks/bench_extract.py --reports 10000 \
		--gold ../shared/dev/real_reports.json --bulletin-kb 1000
	$(BIN)/python benchmarks/bench_store.py --reports 100000

gazetteer: $(VENV)/.dev
	$(BIN)/python scripts/build_gazetteer.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
