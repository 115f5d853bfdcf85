# Confiance — the two promised commands are `make demo` and `make test`.
# Each installs what is missing first (a Python 3.11 with venv is all a fresh machine needs).

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
UV_VERSION := 0.13.8
VENV := .venv
BIN := $(VENV)/bin
TOOLS := .tools

# Everything the demo writes lives under the data directory; the key does not.
export CONFIANCE_HOME ?= $(CURDIR)/var
export CONFIANCE_KEY_FILE ?= $(HOME)/.config/confiance/master.key
export CONFIANCE_WAREHOUSE_DB ?= $(CONFIANCE_HOME)/warehouse/warehouse.duckdb
# Airflow with its local metadata database (SQLite) under the data directory.
export AIRFLOW_HOME ?= $(CONFIANCE_HOME)/airflow
export AIRFLOW__CORE__DAGS_FOLDER := $(CURDIR)/dags
export AIRFLOW__CORE__LOAD_EXAMPLES := False
export AIRFLOW__CORE__UNIT_TEST_MODE := False
export AIRFLOW__COSMOS__ENABLE_TELEMETRY := False
export AIRFLOW__COSMOS__ENABLE_CACHE := False
# No phoning home from dbt, Cosmos, Great Expectations or anything else.
export DO_NOT_TRACK := 1
export GX_ANALYTICS_ENABLED := False
export SCARF_ANALYTICS := false
# OpenLineage events of every DAG run go to a file beside Airflow's metadata: nothing leaves the machine
# (point an OpenMetadata, DataHub or Marquez ingestion at it, or set another transport).
export AIRFLOW__OPENLINEAGE__NAMESPACE ?= confiance
export AIRFLOW__OPENLINEAGE__TRANSPORT ?= {"type": "file", "log_file_path": "$(AIRFLOW_HOME)/openlineage.jsonl", "append": true}
export PYTHONPATH := $(CURDIR)
# `airflow standalone` starts its components as `airflow ...` subprocesses: the venv comes first on PATH.
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

MEMBERS ?= 20000
SEED ?= 42
# The demo's extraction date: its twelve months of benefits are the closed year 2025 (only closed
# periods are published; see docs/disclosure-control.md).
AS_OF ?= 2026-01-01

.DEFAULT_GOAL := help
.PHONY: help install system-deps key demo test lint airflow dbt-manifest pipeline bench clean

# The master key: created once, outside the data directory, unless one is given in the environment.
key: install
	@if [ -n "$$CONFIANCE_MASTER_KEY" ]; then echo "master key: from CONFIANCE_MASTER_KEY"; \
	elif [ -f "$$CONFIANCE_KEY_FILE" ]; then echo "master key: $$CONFIANCE_KEY_FILE"; \
	else $(BIN)/confiance vault init-key; fi

help:
	@echo "make demo     generate a synthetic mutuelle and run the whole pipeline through Airflow"
	@echo "make test     run the test suite (lint included)"
	@echo "make airflow  start 'airflow standalone' to see and trigger the DAG in the Airflow UI"
	@echo "make bench    run the benchmarks under bench/ (slow, on demand)"
	@echo "make clean    remove the demo data directory ($(CONFIANCE_HOME))"

install: $(VENV)/.installed system-deps

# Debian packages: Chromium renders reports to PDF and runs the browser tests (Playwright drives
# /usr/bin/chromium; no browser is ever downloaded). Installed with apt-get when missing.
DEBIAN_PACKAGES := chromium fonts-dejavu-core
system-deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO=sudo; \
	  else echo "Debian packages missing:$$missing (run as root or install them with apt-get)"; exit 1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# uv itself is bootstrapped from PyPI into a private tools venv, then installs the locked set.
$(TOOLS)/bin/uv:
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.installed: pyproject.toml uv.lock | $(TOOLS)/bin/uv
	UV_PYTHON=$(PYTHON) $(TOOLS)/bin/uv sync --frozen
	@touch $@

# Cosmos renders the dbt DAG from dbt's manifest, so parsing the Airflow DAG stays fast.
dbt-manifest: install
	$(BIN)/dbt parse --project-dir dbt_project --profiles-dir dbt_project --quiet

demo: install dbt-manifest
	@$(MAKE) --no-print-directory key
	$(BIN)/confiance generate --members $(MEMBERS) --seed $(SEED) --as-of $(AS_OF) --defect-rate 0.001
	$(BIN)/airflow db migrate > $(CONFIANCE_HOME)/airflow-migrate.log 2>&1
	$(BIN)/airflow dags test confiance_pipeline > $(CONFIANCE_HOME)/airflow-dags-test.log 2>&1 \
	  || { tail -n 60 $(CONFIANCE_HOME)/airflow-dags-test.log; echo "The DAG run failed; full log: $(CONFIANCE_HOME)/airflow-dags-test.log"; exit 1; }
	$(BIN)/confiance summary

# The same pipeline without Airflow (dbt in a child process).
pipeline: install dbt-manifest
	@$(MAKE) --no-print-directory key
	$(BIN)/confiance run

airflow: install dbt-manifest
	@$(MAKE) --no-print-directory key
	$(BIN)/airflow standalone

test: install dbt-manifest
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/sqlfluff lint dbt_project/models
	$(BIN)/lint-imports
	$(BIN)/pytest -q -p no:cacheprovider --timeout 2400

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/sqlfluff lint dbt_project/models
	$(BIN)/lint-imports

bench: install
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(CONFIANCE_HOME)
