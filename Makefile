# One-command set-up: every target builds the virtualenv it needs.
# Another Python, in its own virtualenv: make test PYTHON=python3.13 VENV=.venv-3.13
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# durable-rules 2.0.28 calls PyEval_CallObject, removed in Python 3.13; the define is harmless before it.
export CPPFLAGS := -DPyEval_CallObject=PyObject_CallObject $(CPPFLAGS)

.PHONY: demo test check schema bench bench-startup clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-cache-dir -e '.[durable,test]'
	$(PY) -c "import durable_rules_engine" || { echo "durable-rules is installed but does not import on $$($(PY) --version)"; exit 1; }
	touch $@

demo: $(VENV)/.installed
	$(PY) examples/embed_in_service.py examples/moete-emn.yaml

test: $(VENV)/.installed
	MALLOC_PERTURB_=165 $(PY) -m pytest

check: $(VENV)/.installed
	$(VENV)/bin/udi-rules check rules

schema: $(VENV)/.installed
	$(VENV)/bin/udi-rules schema > rules/udi-rules.schema.json

bench: $(VENV)/.installed
	$(PY) benchmarks/bench_engine.py
	$(PY) benchmarks/bench_startup.py

bench-startup: $(VENV)/.installed
	$(PY) benchmarks/bench_startup.py

clean:
	rm -rf $(VENV) .venv-3.* build dist .pytest_cache
