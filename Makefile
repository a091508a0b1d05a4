# One-command set-up: every target builds the virtualenv it needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The benchmark's own environment: the project plus the engines it is compared with (never project dependencies).
BENCH_VENV := .venv-bench
BENCH_PY := $(BENCH_VENV)/bin/python
BENCH_PEERS := rule-engine==5.1.0 zen-engine==2.1.3 business-rules==1.1.1
# durable-rules 2.0.28 calls PyEval_CallObject, removed in Python 3.13; the define is harmless before it.
export CPPFLAGS := -DPyEval_CallObject=PyObject_CallObject $(CPPFLAGS)

.PHONY: demo test check schema bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-cache-dir -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(PY) examples/embed_in_service.py examples/moete-emn-innkalling.yaml examples/moete-emn-etter.yaml

test: $(VENV)/.installed
	MALLOC_PERTURB_=165 $(PY) -m pytest

check: $(VENV)/.installed
	$(VENV)/bin/udi-rules check rules

schema: $(VENV)/.installed
	$(VENV)/bin/udi-rules schema > rules/udi-rules.schema.json

$(BENCH_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_PY) -m pip install --quiet --upgrade pip
	$(BENCH_PY) -m pip install --quiet --no-cache-dir -e . $(BENCH_PEERS)
	touch $@

bench: $(BENCH_VENV)/.installed
	$(BENCH_PY) -m benchmarks.bench_all

clean:
	rm -rf $(VENV) $(BENCH_VENV) build dist .pytest_cache
