# Set-up and everyday commands.  `make site` and `make test` each create the
# virtual environment from the lock file on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test serve pdf lint lock bench clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

## site: build the dossier site (and PDFs) into site/ from the articles in seeds/
site: $(STAMP)
	$(BIN)/dossier build

## test: run the test suite
test: $(STAMP)
	$(BIN)/python -m pytest -q

## serve: live preview on http://127.0.0.1:8000, re-rendered when an article or template changes
serve: $(STAMP)
	$(BIN)/mkdocs serve

## lint: ruff
lint: $(STAMP)
	$(BIN)/ruff check dossier tests benchmarks

## lock: re-resolve requirements.lock from pyproject.toml (needs network)
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e '.[test]'
	.lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^-e' > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf site .pytest_cache
