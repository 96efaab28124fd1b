# drafter: two commands on a fresh machine.
#   make demo   create .venv, install drafter, render every outline in outlines/ into out/
#   make test   run the test suite (the command CI runs)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test examples clean

$(BIN)/drafter: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/drafter
	$(BIN)/drafter render outlines/*.yaml --out-dir out

test: $(BIN)/drafter
	$(BIN)/python -m pytest

# Regenerate examples/: each outline, its .docx and a PNG of its first page.
examples: $(BIN)/drafter
	$(BIN)/python examples/regenerate.py examples

clean:
	rm -rf $(VENV) out
