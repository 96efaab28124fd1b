# drafter: two commands on a fresh machine.
#   make demo   create .venv, install drafter, render every outline in outlines/ into out/
#   make test   run the test suite (the command CI runs)
#   make bench  run the benchmarks in benchmarks/ and write benchmarks/results.md
#   make eval   run the evaluations in eval/: the checker's precision and recall, import's structure accuracy,
#               check --against on labelled pairs, and the synthetic corruption eval (recall per injected class)
# DEPS=oldest (e.g. `make test DEPS=oldest`) uses a second virtual environment, .venv-oldest, where
# every dependency is the oldest version pyproject.toml allows (.ci/lower_bounds.py); CI runs both.
PYTHON ?= python3
DEPS ?= newest
VENV := $(if $(filter oldest,$(DEPS)),.venv-oldest,.venv)
BIN := $(VENV)/bin

.PHONY: demo test examples bench compile clean eval rules-table fuzz

$(BIN)/drafter: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
ifeq ($(DEPS),oldest)
	$(PYTHON) .ci/lower_bounds.py pyproject.toml > $(VENV)/constraints.txt
	$(BIN)/pip install --quiet -c $(VENV)/constraints.txt -e '.[test]'
else
	$(BIN)/pip install --quiet -e '.[test]'
endif
	touch $@

# Byte-compile drafter's sources, as `pip install` does for an installed package; an editable
# install otherwise compiles them in every process where PYTHONDONTWRITEBYTECODE is set.
compile: $(BIN)/drafter
	$(BIN)/python -m compileall -q drafter

demo: $(BIN)/drafter
	$(BIN)/drafter render outlines/*.yaml --out-dir out --force

test: $(BIN)/drafter
	$(BIN)/python -m pytest

# Regenerate examples/: each outline, its .docx and a PNG of every page.
examples: $(BIN)/drafter
	$(BIN)/python examples/regenerate.py examples

# Benchmarks (never part of `make test`): writes benchmarks/results.md.
bench: compile
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf .venv .venv-oldest out

# Evaluations (never part of `make test`): one command per evaluation.
eval: $(BIN)/drafter
	$(BIN)/python eval/check_eval.py
	$(BIN)/python eval/import_eval.py
	$(BIN)/python eval/against_eval.py
	$(BIN)/python eval/synthetic.py

# Rewrite README's rule table from the rules themselves (tests/test_check.py keeps them equal).
rules-table: $(BIN)/drafter
	$(BIN)/python -c "import re, pathlib; from drafter.check.rules import table; p = pathlib.Path('README.md'); s = p.read_text(encoding='utf-8'); i = s.index('| 规则 | 级别'); j = s.index('<!-- /rules -->'); p.write_text(s[:i] + table() + s[j:], encoding='utf-8')"

# The hostile-input suite in full (tests/hostile/): the named cases and 700 generated cases per
# strategy, with a fresh seed (printed; repeat a run with `make fuzz SEED=n`). Prints the cases
# and failures per family, the slowest case and the peak memory.
SEED ?=
fuzz: $(BIN)/drafter
	$(BIN)/python -m tests.hostile.fuzz --examples 700 $(if $(SEED),--seed $(SEED),)
