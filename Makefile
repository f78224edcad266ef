# Conductor: `make run` runs the main job, `make test` runs the lint, every test and conformance check.
# Both install what is missing first (Debian packages as root, Python tools into .venv) and are
# quick when everything is already there.

SWIFT ?= swift
PYTHON ?= python3
# The SwiftPM build folder; engineers working side by side pass their own (make SCRATCH=.build-x).
SCRATCH ?= .build
# An import of a module the target does not declare as a dependency fails the build.
SWIFT_FLAGS := --scratch-path $(SCRATCH) --explicit-target-dependency-import-check error

VENV := .venv
VENV_PYTHON := $(VENV)/bin/python
REQUIREMENTS := conformance/requirements.txt
VENV_STAMP := $(VENV)/.installed
SPEC := ../shared/octopus-api/swagger-2021.2.4488.json

# `make run` starts the shell on the embedded sandbox (the sample application); RUN_ARGS passes
# options or a subcommand, e.g. make run RUN_ARGS="-f examples/promote-to-staging.cond".
RUN_ARGS ?=

.PHONY: run test build build-release system venv swift-test swift-tests conformance bench bench-dashboard lint imports bench-completion completions soak soak-short

run: system build
	"$$($(SWIFT) build $(SWIFT_FLAGS) --show-bin-path)/conductor" $(RUN_ARGS)

test: system venv build
	@status=0; \
	$(MAKE) --no-print-directory lint SWIFT=$(SWIFT) || status=1; \
	$(MAKE) --no-print-directory swift-tests SCRATCH=$(SCRATCH) SWIFT=$(SWIFT) || status=1; \
	$(MAKE) --no-print-directory conformance SCRATCH=$(SCRATCH) || status=1; \
	$(MAKE) --no-print-directory soak-short SCRATCH=$(SCRATCH) || status=1; \
	if [ $$status -ne 0 ]; then echo "make test: FAILED (see above)"; fi; \
	exit $$status

build: imports
	$(SWIFT) build $(SWIFT_FLAGS)

# Every module a file imports is declared by its target in Package.swift (SwiftPM's own check lets a
# module through that arrives transitively, e.g. NIOPosix through Hummingbird).
imports:
	@SWIFT=$(SWIFT) $(PYTHON) .ci/check-imports

# `swift format lint` (.swift-format): fails on a force unwrap, a `try!`, an implicitly unwrapped
# optional or a doc comment that does not match its declaration; its whitespace findings are ignored.
lint:
	@SWIFT=$(SWIFT) bash .ci/lint

build-release: imports
	$(SWIFT) build -c release $(SWIFT_FLAGS)

# Debian packages the build and the tests need (libedit-dev, pkg-config, libsqlite3-dev, python3-venv, zsh, fish).
system:
	@bash .ci/system-packages

# Python tools (schemathesis, pytest, the swagger-generated Octopus client), pinned, into .venv.
venv: $(VENV_STAMP)

$(VENV_STAMP): $(REQUIREMENTS)
	@test -x $(VENV_PYTHON) || $(PYTHON) -m venv $(VENV)
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check -r $(REQUIREMENTS)
	@touch $@

swift-test: system build swift-tests

# Two test processes side by side: the end-to-end tests block their threads on `conductor` runs, and in the
# process that hosts the in-process sandboxes they would hold its cooperative pool (two threads here) and starve
# the sandboxes' handlers into timeouts. Apart, each process has a pool of its own.
swift-tests:
	$(SWIFT) build $(SWIFT_FLAGS) --build-tests
	@$(SWIFT) test $(SWIFT_FLAGS) --skip-build --filter ConductorEndToEndTests & endToEnd=$$!; \
	status=0; \
	$(SWIFT) test $(SWIFT_FLAGS) --skip-build --skip ConductorEndToEndTests || status=1; \
	wait $$endToEnd || status=1; \
	exit $$status

# The conformance suite against live sandboxes: schemathesis on every implemented operation, the
# swagger-generated Python client, and the field names of public samples.
conformance: venv
	@test -f $(SPEC) || { echo "conformance: $(SPEC) is missing: place the shared/ folder beside this repository." >&2; exit 1; }
	CONDUCTOR_BIN="$$($(SWIFT) build $(SWIFT_FLAGS) --show-bin-path)/conductor" \
		$(VENV_PYTHON) -m pytest -c conformance/pytest.ini conformance

# Benchmarks on a release build with the `large` seed; prints the figures (not part of `make test`).
bench: system venv build-release
	CONDUCTOR_BIN="$$($(SWIFT) build -c release $(SWIFT_FLAGS) --show-bin-path)/conductor" \
		$(VENV_PYTHON) benchmarks/bench.py

# Dashboard and progression latency alone (issue 10), release build; the large seed stays in BENCH_DATA between runs
# (the first run seeds it). `benchmarks/dashboard.py BIN1 BIN2` also checks that two builds answer alike.
BENCH_DATA ?= $(SCRATCH)/bench-large.sqlite
bench-dashboard: build-release
	$(PYTHON) benchmarks/dashboard.py --data $(BENCH_DATA) "$$($(SWIFT) build -c release $(SWIFT_FLAGS) --show-bin-path)/conductor"

# Issue 7's soak: 100 full promotions (Test -> Staging -> Production) under --fail-rate 0.05
# --reset-rate 0.02, kill -9 at 10 points then re-run, 2 and 4 concurrent promotions; prints runs,
# completed, duplicates, orphans, faults injected and the seed (SOAK_ARGS="--seed N" replays one).
SOAK_ARGS ?=
soak: system build
	CONDUCTOR_BIN="$$($(SWIFT) build $(SWIFT_FLAGS) --show-bin-path)/conductor" \
		$(PYTHON) soak/soak.py $(SOAK_ARGS)

# The short, fixed-seed version `make test` runs (a few minutes at most).
soak-short: build
	CONDUCTOR_BIN="$$($(SWIFT) build $(SWIFT_FLAGS) --show-bin-path)/conductor" \
		$(PYTHON) soak/soak.py --runs 2 --kills 3 --concurrent 2 --seed 7

# Completion benchmarks (issue 9): ranking with a large catalogue, the disk catalogue's load, `conductor __complete`,
# and Tab in the shell on a pseudo-terminal.
bench-completion: build-release
	CONDUCTOR_BIN="$$($(SWIFT) build -c release $(SWIFT_FLAGS) --show-bin-path)/conductor" \
		"$$($(SWIFT) build -c release $(SWIFT_FLAGS) --show-bin-path)/completion-bench"
	$(PYTHON) benchmarks/tab_latency.py "$$($(SWIFT) build -c release $(SWIFT_FLAGS) --show-bin-path)/conductor"

# The outer shells' completion scripts, regenerated from the binary (a test fails when they differ).
completions: build
	@for shell in bash zsh fish; do \
		case $$shell in bash) file=conductor.bash;; zsh) file=_conductor;; fish) file=conductor.fish;; esac; \
		"$$($(SWIFT) build $(SWIFT_FLAGS) --show-bin-path)/conductor" completion $$shell > completions/$$file; \
	done
