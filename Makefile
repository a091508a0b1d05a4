# One-command set-up: every target builds the virtualenv it needs.
# Another Python, in its own virtualenv: make test PYTHON=python3.13 VENV=.venv-3.13
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# The benchmark's own environment: the project plus the engines it is compared with (never project dependencies).
BENCH_VENV := .venv-bench
BENCH_PY := $(BENCH_VENV)/bin/python
BENCH_PEERS := rule-engine==5.1.0 zen-engine==2.1.3 business-rules==1.1.1
# durable-rules 2.0.28 calls PyEval_CallObject, removed in Python 3.13; the define is harmless before it.
export CPPFLAGS := -DPyEval_CallObject=PyObject_CallObject $(CPPFLAGS)

.PHONY: demo register-demo test check schema docs bench bench-startup bench-register fuzz soak clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-cache-dir -e '.[durable,test]'
	$(PY) -c "import durable_rules_engine" || { echo "durable-rules is installed but does not import on $$($(PY) --version)"; exit 1; }
	touch $@

demo: $(VENV)/.installed
	$(PY) examples/embed_in_service.py examples/moete-emn-innkalling.yaml examples/moete-emn-etter.yaml

# The example year of cases (examples/saker/) as a register page and a calendar, as of 20 October 2027.
register-demo: $(VENV)/.installed
	mkdir -p build
	$(VENV)/bin/udi-rules register examples/saker --as-of 2027-10-20
	$(VENV)/bin/udi-rules register examples/saker --as-of 2027-10-20 --format html -o build/register.html
	$(VENV)/bin/udi-rules calendar examples/saker --as-of 2027-10-20 -o build/frister.ics
	@echo "build/register.html build/frister.ics"

test: $(VENV)/.installed
	MALLOC_PERTURB_=165 $(PY) -m pytest

check: $(VENV)/.installed
	$(VENV)/bin/udi-rules check rules

schema: $(VENV)/.installed
	$(VENV)/bin/udi-rules schema > rules/udi-rules.schema.json

docs: $(VENV)/.installed
	$(VENV)/bin/udi-rules docs site

$(BENCH_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_PY) -m pip install --quiet --upgrade pip
	$(BENCH_PY) -m pip install --quiet --no-cache-dir -e '.[durable]' $(BENCH_PEERS)
	touch $@

# One run, one table: the engine against durable-rules bare, by hand and its peers, start-up and memory;
# then how long `verify` takes over the whole fact space.
bench: $(BENCH_VENV)/.installed $(VENV)/.installed
	$(BENCH_PY) -m benchmarks.bench_all
	$(PY) benchmarks/bench_verify.py

bench-startup: $(VENV)/.installed
	$(PY) benchmarks/bench_startup.py

# Long runs outside `make test` (which runs short versions of both).
# fuzz: any rule file ends in a rulebook or located diagnostics, any facts in a decision or InvalidFacts.
fuzz: $(VENV)/.installed
	$(PY) benchmarks/fuzz.py $(FUZZ_ARGS)

# soak: 1,000,000 evaluations with memory sampled, 16 threads on one rulebook, worker pools forked.
soak: $(VENV)/.installed
	MALLOC_PERTURB_=165 $(PY) benchmarks/soak.py $(SOAK_ARGS)

bench-register: $(VENV)/.installed
	$(PY) benchmarks/bench_register.py

clean:
	rm -rf $(VENV) $(BENCH_VENV) .venv-3.* build dist .pytest_cache site
