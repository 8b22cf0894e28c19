# Set-up and everyday commands.  `make site` and `make test` each create the
# virtual environment from the lock file on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test serve pdf fonts browser nginx icu lint lock bench clean

$(STAMP): requirements.lock pyproject.toml
	@$(MAKE) --no-print-directory icu
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

## site: build the dossier site (and PDFs) into site/ from the articles in seeds/
site: $(STAMP) fonts
	$(BIN)/dossier build

## test: run the test suite (the browser tests drive headless Chromium: see `browser`)
test: $(STAMP) fonts browser nginx
	$(BIN)/python -m pytest -q

## pdf: write the whole dossier as one PDF into pdf/ (see `dossier pdf --help` for meeting briefs)
pdf: $(STAMP) fonts
	$(BIN)/dossier pdf

# A font for Chinese and Japanese names in the PDFs (DejaVu covers Latin and
# Cyrillic only): nothing to do when fontconfig already has one; as root,
# Debian's fonts-wqy-microhei (1.6 MB); otherwise a warning, not a failure.
CJK_PROBE := :charset=5b89 30a2 3042
## fonts: install a font that draws Chinese and Japanese names in PDFs, unless one is installed
fonts:
	@if command -v fc-list >/dev/null 2>&1 && [ -n "$$(fc-list '$(CJK_PROBE)' family)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "make fonts: installing fonts-wqy-microhei for Chinese and Japanese names in PDFs"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -qq fontconfig fonts-wqy-microhei >/dev/null 2>&1 || \
	  { apt-get update -qq && apt-get install -y -qq fontconfig fonts-wqy-microhei >/dev/null; }; \
	else \
	  echo "make fonts: warning: no font draws Chinese or Japanese; such names print as boxes in PDFs." \
	    "As root: apt-get install fonts-wqy-microhei" >&2; \
	fi

## browser: install headless Chromium for the browser tests, unless one is installed: as root, Debian's chromium
browser:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	    command -v google-chrome >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "make browser: installing Debian's chromium for the browser tests"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -qq chromium >/dev/null 2>&1 || \
	  { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }; \
	else \
	  echo "make browser: warning: no Chromium; the browser tests are skipped. As root: apt-get install chromium" >&2; \
	fi

## nginx: install Debian's nginx for the hosting test (hosting/nginx.conf under a real server), unless one is installed
nginx:
	@if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "make nginx: installing Debian's nginx for the hosting test"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -qq nginx >/dev/null 2>&1 || \
	  { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }; \
	else \
	  echo "make nginx: warning: no nginx; the hosting test is skipped. As root: apt-get install nginx" >&2; \
	fi

## serve: live preview on http://127.0.0.1:8000, re-rendered when an article or template changes (only the pages that changed)
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty

## bench: the extraction speed and PDF benchmarks on ../shared/corpus, near-duplicate detection on synthetic articles, event resolution on synthetic reports (prints figures; not a test)
bench: $(STAMP) fonts
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python benchmarks/pdf_bench.py
	$(BIN)/python benchmarks/dedupe.py
	$(BIN)/python benchmarks/resolve_events.py

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

# PyICU (needed by followthemoney for the FtM export) builds from source against
# the system's ICU: Debian's libicu-dev and pkg-config, installed when missing.
## icu: install the ICU headers PyICU compiles against, unless pkg-config finds them
icu:
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists icu-uc; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "make icu: installing Debian's libicu-dev and pkg-config (PyICU builds against them)"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -qq libicu-dev pkg-config g++ >/dev/null 2>&1 || \
	  { apt-get update -qq && apt-get install -y -qq libicu-dev pkg-config g++ >/dev/null; }; \
	else \
	  echo "make icu: warning: no ICU headers; installing PyICU will fail. As root: apt-get install libicu-dev pkg-config" >&2; \
	fi
