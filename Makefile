# Quick start: `make demo` runs the flagship playbook on the example data;
# `make test` runs every test. Both install what is missing first.
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build test demo bench-smoke

# libedit's headers are the one system package the build needs (Debian: libedit-dev).
deps:
	@if [ ! -f /usr/include/histedit.h ]; then \
	  echo "Installing libedit-dev…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libedit-dev; \
	fi

build: deps
	swift build

# Unit and end-to-end tests, then the shipped playbooks' own tests and formatting.
test: deps
	swift build
	swift test
	.build/debug/playloop check Playbooks/*.playbook
	.build/debug/playloop fmt --check Playbooks/*.playbook
	.build/debug/playloop test Playbooks/*.playbook

demo: deps
	swift build -c release --product playloop
	.build/release/playloop run Playbooks/service-recovery.playbook --out out/service-recovery

# The benchmark at a small size, as a smoke test: it must finish and print its figures.
# Never a pass/fail on timing (docs/PERFORMANCE.md has the real figures).
bench-smoke: deps
	swift build --product playloop-data
	swift build --product playloop-bench
	.build/debug/playloop-bench --sizes 10000 --repeats 1 --data .build/bench-smoke
