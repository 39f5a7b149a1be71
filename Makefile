# The two commands of the README: `make run` and `make test`. Both set everything up themselves.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
NODE_STAMP := node_modules/.installed-$(shell cat package-lock.json | cksum | cut -d' ' -f1)
VESKO_HOST ?= 127.0.0.1
VESKO_PORT ?= 8000
# One dashboard signing key per `make run`, shared by its workers (production sets its own, see docs/self-hosting.md).
export VESKO_SECRET_KEY ?= $(shell python3 -c 'import secrets; print(secrets.token_hex(32))')

.PHONY: run test test-python test-extension bench eval setup extension chromium clean loadtest

$(PY):
	$(PYTHON) -m venv $(VENV)

# Re-installs whenever pyproject.toml changes.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

# The extension's test tools (web-ext, React for a fixture page); re-installs when the lock file changes.
$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/vesko db upgrade
	$(VENV)/bin/gunicorn --bind $(VESKO_HOST):$(VESKO_PORT) --workers 2 --threads 4 "server:create_app()"

# Debian's Chromium for the browser tests (never a browser download of a test tool's own).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "!! Chromium is missing and this is not root: the browser tests will be SKIPPED (apt-get install chromium)"; fi; }

extension: $(STAMP)
	$(PY) -m scripts.build_extension

test-extension: extension $(NODE_STAMP)
	node --test tests/extension/
	npx --no-install web-ext lint --source-dir dist/firefox --self-hosted --output text

# The storage tests run on PostgreSQL too when one answers on 127.0.0.1:5432 (CI has one), each in a schema of its own.
POSTGRES_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test

test-python: $(STAMP) chromium extension $(NODE_STAMP)
	@pg="$$VESKO_TEST_POSTGRES_URL"; \
	if [ -z "$$pg" ] && $(PY) -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
	  pg="$(POSTGRES_TEST_URL)"; fi; \
	if [ -z "$$pg" ]; then echo "!! No PostgreSQL on 127.0.0.1:5432: the storage tests run on SQLite only, the PostgreSQL ones are SKIPPED"; \
	else echo "Storage tests on SQLite and on PostgreSQL ($$pg)"; fi; \
	VESKO_TEST_POSTGRES_URL="$$pg" $(PY) -m pytest

test: test-extension test-python

bench: $(STAMP)
	-$(PY) -m benchmarks.bench_check   # prints SLOW rows and exits 1 when a target is missed; the next runs anyway
	$(PY) -m benchmarks.bench_groups

# Not part of `make test`: 60 s of wrk against the production configuration on loopback (docs/benchmarks.md).
loadtest: $(STAMP)
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; }
	$(PY) -m scripts.loadtest

# Vesko against proselint, alex, write-good (and LanguageTool when VESKO_LANGUAGETOOL is set): docs/benchmarks.md.
.PHONY: bench-peers bench-scaling
bench-peers: $(STAMP) $(NODE_STAMP)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) -m scripts.bench_peers

# Time and memory vs text length (plot: docs/scaling.png) and the service's start-up time.
bench-scaling: $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) -m scripts.bench_scaling

eval: $(STAMP)
	$(PY) -m scripts.evaluate

clean:
	rm -rf $(VENV) build dist node_modules *.egg-info .pytest_cache
