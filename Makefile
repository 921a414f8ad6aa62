# Two commands on a fresh machine: `make demo` and `make test`.
# Each builds the virtual environment it needs (and installs Graphviz's `dot`
# when the machine lets us), so nothing has to be installed by hand first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo diagrams docs test lint typecheck unit install sysdeps browser bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Graphviz's `dot` renders PNG/PDF charts; apt-get is tried when it is missing
# and we are root. Without it, orgmodel says what to install.
sysdeps:
	@command -v dot >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null) \
	      || echo "note: could not install graphviz; PNG/PDF charts will be unavailable"; \
	  else echo "note: Graphviz 'dot' not found; install it for PNG/PDF charts"; fi; }

# Chromium (Debian's package) runs the HTML chart's browser tests and screenshots; apt-get
# is tried when no Chromium is found and we are root. Without one those tests skip and say why.
browser:
	@{ [ -n "$$ORGMODEL_CHROMIUM" ] || command -v chromium || command -v chromium-browser \
	   || command -v google-chrome; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "note: could not install chromium; the browser tests will skip"; \
	  else echo "note: no Chromium found; install it (apt-get install chromium) for the browser tests"; fi; }

demo: $(STAMP) sysdeps
	$(BIN)/python -m orgmodel.demo

# The charts of the sample data in diagrams/ (SVG, PNG, and the DOT and Mermaid
# sources a test compares with a fresh render; the HTML chart and its screenshots).
# Run after changing data/ or the renderer.
diagrams: $(STAMP) sysdeps browser
	$(BIN)/python -m orgmodel.render.samples diagrams

lint: $(STAMP)
	$(BIN)/ruff check orgmodel tests benchmarks docs
	$(BIN)/ruff format --check orgmodel tests benchmarks docs

# Strict, as pyproject.toml says, for the package, its tests and the benchmarks alike.
typecheck: $(STAMP)
	$(BIN)/mypy orgmodel tests benchmarks docs

unit: $(STAMP) sysdeps browser
	$(BIN)/pytest

# The documentation site (MkDocs + Material) into build/site; strict: a broken link, a
# missing page or an API name the docstrings do not resolve fails the build. Offline: the CLI
# reference and the rules page are generated from the code by docs/hooks.py.
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

test: lint typecheck docs unit

# Extraction speed, back to back on the same machine: the Python source (what this venv
# runs, installed editable) and the same modules compiled by mypyc, as `pip install .`
# builds them (a C compiler is needed; without one the second run says "pure Python").
COMPILED := build/compiled
bench: $(STAMP)
	rm -rf build
	$(BIN)/python -m pip wheel --quiet --no-deps -w build/wheel .
	$(BIN)/python -m pip install --quiet --no-deps --target $(COMPILED) build/wheel/orgmodel-*.whl
	$(BIN)/python benchmarks/extract_speed.py $(BENCH_ARGS)
	PYTHONPATH=$(COMPILED) $(BIN)/python benchmarks/extract_speed.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build
