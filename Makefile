# The two commands of the README: `make run` and `make test`. Both set everything up themselves.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
VESKO_HOST ?= 127.0.0.1
VESKO_PORT ?= 8000

.PHONY: run test bench eval setup clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Re-installs whenever pyproject.toml changes.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

setup: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/gunicorn --bind $(VESKO_HOST):$(VESKO_PORT) --workers 2 --threads 4 "server:create_app()"

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) -m benchmarks.bench_check

eval: $(STAMP)
	$(PY) -m scripts.evaluate

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
