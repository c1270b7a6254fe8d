# Quick start: `make demo` runs the flagship playbook on the example data;
# `make test` runs every test. Both install what is missing first.
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build test test-spark spark mcp-test report-test report-screenshots demo bench-smoke lint docs help-text fuzz fuzz-libfuzzer fuzz-build sanitize

# The system packages the build needs: libedit's headers (the shell), zlib's (`.gz`
# data files) and libpq's (`load … from postgres`); Debian: libedit-dev, zlib1g-dev,
# libpq-dev. And the time-zone database (`timezone` statements, a load's `timezone`):
# Debian's tzdata, which slim images leave out.
deps:
	@if [ ! -f /usr/include/histedit.h ]; then \
	  echo "Installing libedit-dev…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libedit-dev; \
	fi
	@if [ ! -f /usr/include/zlib.h ]; then \
	  echo "Installing zlib1g-dev…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq zlib1g-dev; \
	fi
	@if [ ! -f /usr/include/postgresql/libpq-fe.h ]; then \
	  echo "Installing libpq-dev…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libpq-dev; \
	fi
	@if [ ! -f /usr/share/zoneinfo/America/New_York ]; then \
	  echo "Installing tzdata…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tzdata; \
	fi

build: deps
	swift build

# Unit and end-to-end tests (the compiled SQL on Spark for a small fixed corpus), then the
# shipped playbooks' own tests and formatting.
test: deps
	swift build
	home=$$(bash Tests/spark/spark.sh home) && PLAYLOOP_SPARK_HOME=$$home swift test
	.build/debug/playloop check Playbooks/*.playbook
	.build/debug/playloop fmt --check Playbooks/*.playbook
	.build/debug/playloop test Playbooks/*.playbook
	$(MAKE) mcp-test
	$(MAKE) report-test

# Spark (pyspark from PyPI, with its `spark-sql`, in .build/spark-venv; Java 17), installed
# when missing: Tests/spark/spark.sh prints its home. `make test-spark` compares the engine
# with Spark on every case (all random playbooks, generated data), in one Spark run.
spark:
	bash Tests/spark/spark.sh home

test-spark: deps
	swift build --build-tests
	home=$$(bash Tests/spark/spark.sh home) && PLAYLOOP_SPARK_HOME=$$home PLAYLOOP_SPARK_FULL=1 \
	  swift test --skip-build --filter 'SparkTests|SparkCompileTests'

# `playloop mcp` driven end to end by the reference MCP client (the Python SDK, from
# PyPI into a private virtual environment; Debian's python3-venv when venv is missing).
MCP_VENV := .build/mcp-venv
mcp-test: deps
	swift build --product playloop
	@if ! $(MCP_VENV)/bin/python -c 'import mcp' 2>/dev/null; then \
	  [ -x $(MCP_VENV)/bin/pip ] || python3 -m venv $(MCP_VENV) 2>/dev/null || { \
	    echo "Installing python3-venv…"; rm -rf $(MCP_VENV); \
	    $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && python3 -m venv $(MCP_VENV); }; \
	  $(MCP_VENV)/bin/pip install -q mcp; \
	fi
	$(MCP_VENV)/bin/python Tests/mcp/client_test.py .build/debug/playloop

# `playloop report`'s page in a real browser: valid HTML, then headless Chromium (Debian's
# chromium, installed when missing; missing after that is a failure, never a skip) at
# 1280 and 390 px wide, in dark mode and in print: the text in place, nothing wider than
# the window, no console message. `make report-screenshots` keeps the screenshots the
# README shows in docs/.
report-test: deps
	swift build --product playloop
	@command -v chromium >/dev/null || { echo "Installing chromium…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
	python3 Tests/report/report_test.py .build/debug/playloop

report-screenshots: report-test
	python3 Tests/report/report_test.py .build/debug/playloop --screenshots docs

# The fuzz loops (Tests/PlaybookFuzzTests: CSV and JSON Lines readers, playbooks through
# parser, checker and engine) for longer than `make test` runs them: ITERATIONS inputs
# per target from SEED (deterministic: a failure names its seed and iteration).
ITERATIONS ?= 20000
SEED ?= 15737363
fuzz: deps
	PLAYLOOP_FUZZ_ITERATIONS=$(ITERATIONS) PLAYLOOP_FUZZ_SEED=$(SEED) swift test --filter PlaybookFuzzTests

# libFuzzer targets (Fuzz/): the CSV reader, the JSON Lines reader, and playbook text
# through parser, checker, plan, evaluation and decisions on a tiny dataset. The engine is
# built with coverage instrumentation in its own folder (.build-fuzz, never the normal
# build); each harness is linked against its objects with `swiftc -sanitize=fuzzer`.
# `make fuzz-libfuzzer FUZZ_TIME=600` runs each target that many seconds; its new inputs
# are kept in .build-fuzz/corpus/NAME, crashes in .build-fuzz/crash-NAME-* (replay one:
# .build-fuzz/fuzz-NAME FILE).
FUZZ_TIME ?= 60
# Longer inputs are kept whole from the seeds but slow every run; 8 KB keeps exec/s up.
FUZZ_MAX_LEN ?= 8192
# CI runs a fixed number of inputs per target from a fixed seed (`FUZZ_RUNS=500`); -1 is no limit.
FUZZ_RUNS ?= -1
FUZZ_SEED ?= 1
FUZZ_OUT := .build-fuzz
FUZZ_DEBUG = $(FUZZ_OUT)/debug
FUZZ_HARNESS_csv := $(CURDIR)/Fuzz/FuzzCSV.swift $(CURDIR)/Fuzz/TableReaderInput.swift
FUZZ_HARNESS_jsonlines := $(CURDIR)/Fuzz/FuzzJSONLines.swift $(CURDIR)/Fuzz/TableReaderInput.swift
# Absolute: the playbook harness finds Examples/data from its own #filePath.
FUZZ_HARNESS_playbook := $(CURDIR)/Fuzz/FuzzPlaybook.swift
FUZZ_SEEDS_csv := Examples/data Examples/flawed-data Examples/messy Examples/fixtures Tests/PlaybookEngineTests/CSVConformance Tests/Fixtures
FUZZ_SEEDS_jsonlines := Examples/data Examples/flawed-data Examples/messy Tests/PlaybookEngineTests/ForeignData
FUZZ_SEEDS_playbook := Playbooks Examples/messy Tests/Fixtures
fuzz-build: deps
	swift build -Xswiftc -sanitize=fuzzer --scratch-path $(FUZZ_OUT) --target PlaybookEngine
	for name in csv jsonlines playbook; do \
	  case $$name in csv) files="$(FUZZ_HARNESS_csv)";; jsonlines) files="$(FUZZ_HARNESS_jsonlines)";; \
	    playbook) files="$(FUZZ_HARNESS_playbook)";; esac; \
	  swiftc -sanitize=fuzzer -parse-as-library -g -module-name Fuzz_$$name -I $(FUZZ_DEBUG)/Modules \
	    -I Sources/CZlib -I $(FUZZ_DEBUG)/CFileWriteback.build -I $(FUZZ_DEBUG)/CPrefetch.build \
	    -I $(FUZZ_DEBUG)/CFreedMemory.build $$files \
	    $(FUZZ_DEBUG)/PlaybookEngine.build/*.o $(FUZZ_DEBUG)/PlaybookLanguage.build/*.o \
	    $(FUZZ_DEBUG)/CFileWriteback.build/*.o $(FUZZ_DEBUG)/CPrefetch.build/*.o \
	    $(FUZZ_DEBUG)/CFreedMemory.build/*.o \
	    -lz -o $(FUZZ_OUT)/fuzz-$$name || exit 1; \
	done

fuzz-libfuzzer: fuzz-build
	for name in csv jsonlines playbook; do \
	  case $$name in csv) seeds="$(FUZZ_SEEDS_csv)";; jsonlines) seeds="$(FUZZ_SEEDS_jsonlines)";; \
	    playbook) seeds="$(FUZZ_SEEDS_playbook)";; esac; \
	  mkdir -p $(FUZZ_OUT)/corpus/$$name; \
	  $(FUZZ_OUT)/fuzz-$$name -max_total_time=$(FUZZ_TIME) -runs=$(FUZZ_RUNS) -seed=$(FUZZ_SEED) -rss_limit_mb=4096 -max_len=$(FUZZ_MAX_LEN) -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_OUT)/crash-$$name- $(FUZZ_OUT)/corpus/$$name $$seeds || exit 1; \
	done

# The whole test suite under AddressSanitizer, then ThreadSanitizer, each in its own
# build folder. Slow (see README): not part of .ci/run. PLAYLOOP_SANITIZED lets the tests
# that run a command under a memory limit drop the limit (shadow memory exceeds any).
# LeakSanitizer checks the
# `playloop` shells the tests start on a pseudo-terminal (they get a minimal environment,
# so it stays on there: any leak fails their exit status), but is off in the test runner:
# it cannot follow pointers in which Swift stores enum tags (spare bits), so it reports
# values still in use as leaked, e.g. a `static let` Data, parsed expressions, Foundation's
# Process and Pipe (swift-corelibs-xctest#342, llvm-project#56751).
sanitize: deps
	swift build --build-tests --sanitize=address --scratch-path .build-asan
	ASAN_OPTIONS=detect_leaks=0 PLAYLOOP_SANITIZED=address swift test --skip-build --sanitize=address --scratch-path .build-asan
	swift build --sanitize=thread --scratch-path .build-tsan
	PLAYLOOP_SANITIZED=thread swift test --sanitize=thread --scratch-path .build-tsan

demo: deps
	swift build -c release --product playloop
	.build/release/playloop run Playbooks/service-recovery.playbook --out out/service-recovery

# The benchmark at a small size, as a smoke test: it must finish and print its figures.
# Never a pass/fail on timing (docs/PERFORMANCE.md has the real figures).
bench-smoke: deps
	swift build --product playloop-data
	swift build --product playloop-bench
	.build/debug/playloop-bench --sizes 10000 --repeats 1 --data .build/bench-smoke

# House rules: the committed .swift-format, checked without changing anything.
# `swift format format -i -r Sources Tests Package.swift` applies them.
lint:
	swift format lint --strict -r Sources Tests Fuzz Package.swift

# The shell's `:help TOPIC` text is docs/LANGUAGE.md's: after editing the document, this
# rewrites Sources/PlaybookLanguage/Reference/LanguageReference.swift from it (a test fails until then).
help-text: deps
	PLAYLOOP_WRITE_HELP=1 swift test --filter LanguageHelpTests

# The DocC catalogues of the language and the engine, built from fresh symbol graphs;
# a broken symbol link or an undocumented parameter fails the build.
DOC_MODULES := PlaybookLanguage PlaybookEngine
docs: deps
	swift build --scratch-path .build-docs --target PlaybookEngine \
	  -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc $(CURDIR)/.build-docs/symbol-graphs
	@for m in $(DOC_MODULES); do \
	  rm -rf .build-docs/graphs-$$m && mkdir -p .build-docs/graphs-$$m .build-docs/docs && \
	  cp .build-docs/symbol-graphs/$$m.symbols.json .build-docs/symbol-graphs/$$m@*.symbols.json .build-docs/graphs-$$m/ 2>/dev/null; \
	  docc convert Sources/$$m/$$m.docc --additional-symbol-graph-dir .build-docs/graphs-$$m \
	    --output-path .build-docs/docs/$$m --warnings-as-errors > .build-docs/docc-$$m.log 2>&1 \
	    || { grep -E '^(warning|error)' .build-docs/docc-$$m.log; echo "docs: $$m has errors"; exit 1; }; \
	  echo "docs: $$m -> .build-docs/docs/$$m"; \
	done
