# One entry point for developers and CI. `make run` and `make test` work on a fresh machine:
# they create .venv, install the pinned dependencies, generate the code and fetch the docs assets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
STAGE ?= local
SWAGGER_UI := chalicelib/_static/swagger-ui

.PHONY: install gen assets browser run token package load contract mock corpus test check lint format types codegen-check regen bench-codegen bench clean

.PHONY: client client-deps client-check docs

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check "pip<26.3"  # chalice 1.34 pins pip below 26.3
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

# Swagger UI for GET /docs, from the pinned npm package: part of the Lambda payload, never a CDN.
$(SWAGGER_UI)/.copied: node_modules/.package-lock.json
	mkdir -p $(SWAGGER_UI)
	cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css \
	   node_modules/swagger-ui-dist/LICENSE $(SWAGGER_UI)/
	touch $@

assets: $(SWAGGER_UI)/.copied

# Debian's Chromium, for the headless-browser test of /docs (CI runs as root; elsewhere sudo is used).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

gen: install  ## regenerate chalicelib/_generated from openapi.yaml
	$(PY) -m codegen

# `make run`: a local AWS stack (moto server: DynamoDB + S3, on 127.0.0.1 and a free port; the stage's table
# and bucket created) under `chalice local`, all stopped when chalice exits or on Ctrl-C (devtools/local_aws.py).
run: install assets gen  ## serve the API on http://$(HOST):$(PORT), storage on a local DynamoDB/S3 server
	$(PY) -m devtools.local_aws run --stage $(STAGE) --host $(HOST) --port $(PORT)

# `make package`: the SAM template (chalice's + infra/resources.json: table, bucket, S3 event, gateway
# responses) and deployment.zip in $(PACKAGE_DIR), ready for `aws cloudformation package/deploy`
# (docs/OPERATIONS.md). No AWS account needed to build it.
PACKAGE_STAGE ?= prod
PACKAGE_DIR ?= .cache/package-$(PACKAGE_STAGE)

token: install  ## a bearer token for `make run` (SUB=<user uuid>, SCOPE=admin for /admin/purge)
	@$(PY) -m devtools.mint_token --stage $(STAGE) $(if $(SUB),--sub $(SUB)) $(if $(SCOPE),--scope $(SCOPE))

package: install assets gen  ## chalice package --stage $(PACKAGE_STAGE) --merge-template infra/resources.json
	rm -rf $(PACKAGE_DIR)
	$(PY) -m devtools.package --stage $(PACKAGE_STAGE) --merge-template infra/resources.json $(PACKAGE_DIR)
	$(BIN)/cfn-lint $(PACKAGE_DIR)/sam.json

# `make load`: 8 clients x 500 POST /items against `chalice local` on the local stack (bench/load.py).
load: install assets gen  ## load test: no write lost or duplicated; throughput and latency
	$(PY) bench/load.py $(LOAD_ARGS)

# `make contract`: schemathesis (positive + negative data, all checks, stateful through the spec's links)
# against the local stage started as `make run` starts it, or a deployed one with URL=https://.../dev
# (API_TOKEN; API_ADMIN_TOKEN + API_KEY for POST /admin/purge). JUnit: reports/contract-junit.xml.
SEED ?= 8
MAX_EXAMPLES ?= 25
contract: install gen  ## contract tests against a stage (URL=..., SEED=, MAX_EXAMPLES=); docs/CONTRACT.md
	$(PY) -m devtools.contract --seed $(SEED) --max-examples $(MAX_EXAMPLES) --report reports/contract-junit.xml $(if $(URL),--url $(URL))

# `make mock`: openapi.yaml served as a mock (codegen --mock: each operation answers its spec example or data
# synthesized from its response schema) under `chalice local`, from a throwaway project in .cache/mock/;
# chalicelib/_generated is not touched. MOCK_SPEC=path/to/spec.yaml serves another spec.
MOCK_SPEC ?= openapi.yaml
mock: install  ## serve $(MOCK_SPEC) as a mock API on http://$(HOST):$(PORT), for front-end work
	$(PY) -m devtools.mock --spec $(MOCK_SPEC) --host $(HOST) --port $(PORT)

# `make corpus`: every spec of ../shared/specs as a mock app, checked by schemathesis in-process (positive +
# negative, every check, fixed seed, CORPUS_EXAMPLES per operation and mode, CORPUS_BUDGET s per spec).
CORPUS_EXAMPLES ?= 10
CORPUS_BUDGET ?= 60
corpus: install  ## the generator's conformance across real specs (docs/CORPUS.md)
	$(PY) -m devtools.corpus --seed $(SEED) --max-examples $(CORPUS_EXAMPLES) --budget $(CORPUS_BUDGET)

test: install assets browser  ## the whole test suite (CI runs exactly this)
	$(PY) -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

types: install
	$(BIN)/mypy

codegen-check: install
	$(PY) -m codegen --check

check: lint types codegen-check test  ## the gate: lint, types, generated code up to date, tests

regen: install  ## rewrite the golden records under tests/codegen/golden
	$(PY) -m tests.codegen.golden regen

bench-codegen: install  ## codegen wall time on the two largest corpus specs
	$(PY) bench/codegen_bench.py

# Request benchmark (bench/request_bench.py). Own venv: openapi-core, one of the compared peers, pins
# openapi-spec-validator < 0.9, which conflicts with requirements-dev.txt.
BENCH_VENV := .cache/bench-venv

$(BENCH_VENV)/.installed: requirements-bench.txt requirements.txt
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

bench: gen $(BENCH_VENV)/.installed  ## request latency + cold start vs bare Chalice, connexion, openapi-core
	$(BENCH_VENV)/bin/python bench/request_bench.py $(BENCH_ARGS)

# The typed TypeScript client (clients/typescript, its own pinned package.json/package-lock.json):
# openapi-typescript types in src/schema.d.ts (committed), openapi-fetch at run time (docs/CLIENT.md).
CLIENT := clients/typescript

$(CLIENT)/node_modules/.package-lock.json: $(CLIENT)/package.json $(CLIENT)/package-lock.json
	cd $(CLIENT) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

client-deps: $(CLIENT)/node_modules/.package-lock.json

client: client-deps  ## regenerate clients/typescript/src/schema.d.ts from openapi.yaml
	cd $(CLIENT) && node scripts/generate.mjs

client-check: client-deps  ## fail when the committed schema.d.ts differs from a fresh generation
	cd $(CLIENT) && node scripts/generate.mjs --check

# The static docs portal: docs/portal/index.html (committed) + Swagger UI from the pinned swagger-ui-dist
# (the same files `make assets` copies for GET /docs) + the spec; the generated files are gitignored.
docs: install node_modules/.package-lock.json  ## build the static docs portal in docs/portal/
	$(PY) docs/portal/build.py

test: client-deps
check: client-check

clean:
	rm -rf $(VENV) node_modules chalicelib/_static .cache .mypy_cache .ruff_cache .pytest_cache reports
