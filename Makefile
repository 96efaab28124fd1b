# drafter: two commands on a fresh machine.
#   make demo   create .venv, install drafter, render every outline in outlines/ into out/
#   make test   run the test suite (the command CI runs)
#   make bench  run the benchmarks in benchmarks/ and write benchmarks/results.md
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test examples bench compile clean fuzz

$(BIN)/drafter: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# Byte-compile drafter's sources, as `pip install` does for an installed package; an editable
# install otherwise compiles them in every process where PYTHONDONTWRITEBYTECODE is set.
compile: $(BIN)/drafter
	$(BIN)/python -m compileall -q drafter

demo: $(BIN)/drafter
	$(BIN)/drafter render outlines/*.yaml --out-dir out --force

test: $(BIN)/drafter
	$(BIN)/python -m pytest

# Regenerate examples/: each outline, its .docx and a PNG of its first page.
examples: $(BIN)/drafter
	$(BIN)/python examples/regenerate.py examples

# Benchmarks (never part of `make test`): writes benchmarks/results.md.
bench: compile
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) out

# The hostile-input suite in full (tests/hostile/): the named cases and 700 generated cases per
# strategy, with a fresh seed (printed; repeat a run with `make fuzz SEED=n`). Prints the cases
# and failures per family, the slowest case and the peak memory.
SEED ?=
fuzz: $(BIN)/drafter
	$(BIN)/python -m tests.hostile.fuzz --examples 700 $(if $(SEED),--seed $(SEED),)
