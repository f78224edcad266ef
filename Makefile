# Conductor: `make run` runs the main job, `make test` runs every test and conformance check.
SWIFT ?= swift

.PHONY: run test build
build:
	$(SWIFT) build

run: build
	$(SWIFT) run conductor

test:
	$(SWIFT) test
