# The two commands a new user needs are `make briefing` and `make test`; both install
# missing Debian packages first.
PREFIX ?= /usr/local
SWIFT ?= swift
BIN := .build/release/briefing

.PHONY: briefing test deps build install uninstall clean bench bench-quick memcheck fuzz-render fuzz-floats

deps:
	@scripts/install-deps.sh

# The Swift runtime is linked statically: a run starts in about 9 ms instead of 15 (no
# dynamic linking of Foundation and ICU), and the installed binary keeps working for cron
# whatever happens to the Swift toolchain later.
build: deps
	$(SWIFT) build -c release --product briefing --static-swift-stdlib

## Build in release mode and write output/briefing.pdf.
briefing: build
	@mkdir -p output
	$(BIN) generate --output output/briefing.pdf

## Run the whole test suite (unit tests, end-to-end runs of the real binary, a real cron job).
test: deps
	@scripts/start-cron.sh
	$(SWIFT) build --product briefing
	$(SWIFT) test

## Measure speed and memory (release build, whole processes) and write docs/benchmarks.md.
bench: build
	python3 benchmarks/run.py

bench-quick: build
	python3 benchmarks/run.py --quick

## Run the release binary under valgrind's memcheck (needs valgrind; CI installs it).
memcheck: build
	scripts/memcheck.sh

## Feed hostile text through the real renderer for 10 minutes (release binary; see README).
fuzz-render: build
	$(SWIFT) build --build-tests
	BRIEFING_BINARY=$(BIN) BRIEFING_RENDER_FUZZ_SECONDS=$${SECONDS_LIMIT:-600} $(SWIFT) test --skip-build --filter RendererFuzzTests

## Mix floats with lists, footnotes and section ends for 3,000 cases (release binary; see README).
fuzz-floats: build
	$(SWIFT) build --build-tests
	BRIEFING_BINARY=$(BIN) BRIEFING_MIXED_FLOAT_CASES=$${CASES:-3000} $(SWIFT) test --skip-build --filter MixedFloatFuzzTests

## Install the binary with its templates and fonts: PREFIX/bin/briefing, PREFIX/share/briefing/.
install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/briefing
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/briefing
	cp -R Templates Fonts $(DESTDIR)$(PREFIX)/share/briefing/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/briefing
	rm -rf $(DESTDIR)$(PREFIX)/share/briefing

clean:
	rm -rf .build output/*.pdf
