# The two commands a new user needs are `make briefing` and `make test`; both install
# missing Debian packages first (scripts/install-deps.sh build, test). `make install`,
# `make uninstall` and `make deb` never install packages: they build and copy.
PREFIX ?= /usr/local
SWIFT ?= swift
BIN := .build/release/briefing
SHARE := .build/share
VERSION := $(shell sed -n 's/.*static let version = "\(.*\)"/\1/p' Sources/briefing/BriefingCommand.swift)
# The man page's date: the last commit's, so the page is the same on every machine.
MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null || date -u +%F)

.PHONY: briefing test deps build share install uninstall deb clean bench bench-quick memcheck fuzz-render fuzz-floats link-order

deps:
	@scripts/install-deps.sh build

# The Swift runtime is linked statically: a run starts in about 9 ms instead of 15 (no
# dynamic linking of Foundation and ICU), and the installed binary keeps working for cron
# whatever happens to the Swift toolchain later.
#
# The code is laid out for the runs it serves: each function in a section of its own, and
# lld placing the functions a run executes together (benchmarks/link-order.txt, from
# `make link-order`). A page fault on code maps the 64 KiB around it, so scattered functions
# cost resident memory and start-up: the default briefing's peak RSS fell from 60 to 47 MiB.
# Relative relocations are packed (RELR, glibc 2.36) and no symbols are exported (nothing
# loads the binary as a library): 6 MiB fewer pages read at start-up.
RELEASE := -c release --static-swift-stdlib -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections -Xswiftc -use-ld=lld \
  -Xlinker --symbol-ordering-file=$(CURDIR)/benchmarks/link-order.txt -Xlinker --no-warn-symbol-ordering \
  -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-export-dynamic
build:
	$(SWIFT) build $(RELEASE) --product briefing
	$(SWIFT) build $(RELEASE) --product briefing-preview

## Build in release mode and write output/briefing.pdf.
briefing: deps
	$(MAKE) build
	@mkdir -p output
	$(BIN) generate --output output/briefing.pdf

## Run both tiers of the test suite: the fast tier (plain `swift test`: unit and in-process
## tests, no root, cron or network) and the system tier (the real binary, a real cron job,
## mail through msmtp, mounts, pdfua, the fuzzers), which BRIEFING_SYSTEM_TESTS turns on.
test:
	@scripts/install-deps.sh
	@scripts/start-cron.sh
	$(SWIFT) build --product briefing
	$(SWIFT) build --product briefing-preview
	BRIEFING_SYSTEM_TESTS=1 $(SWIFT) test

## The man page (from the argument definitions, with ArgumentParser's generate-manual, so it
## cannot drift from --help) and the bash, zsh and fish completions.
share: build
	$(SWIFT) build $(RELEASE) --product generate-manual
	@mkdir -p $(SHARE)/man/man1 $(SHARE)/completions
	.build/release/generate-manual $(BIN) --date $(MAN_DATE) --output-directory $(SHARE)/man/man1
	$(BIN) --generate-completion-script bash > $(SHARE)/completions/briefing.bash
	$(BIN) --generate-completion-script zsh > $(SHARE)/completions/_briefing
	$(BIN) --generate-completion-script fish > $(SHARE)/completions/briefing.fish

## Install the binary with its templates, fonts, man page and completions:
## PREFIX/bin/briefing (and briefing-preview beside it, the server of `watch --serve`),
## PREFIX/share/briefing/, PREFIX/share/man/man1/briefing.1, and the
## completions where bash-completion, zsh and fish look for them.
install: share
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/briefing $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/briefing
	install -m 0755 $(BIN)-preview $(DESTDIR)$(PREFIX)/bin/briefing-preview
	cp -R Templates Fonts $(DESTDIR)$(PREFIX)/share/briefing/
	install -m 0644 $(SHARE)/man/man1/briefing.1 $(DESTDIR)$(PREFIX)/share/man/man1/briefing.1
	install -m 0644 $(SHARE)/completions/briefing.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/briefing
	install -m 0644 $(SHARE)/completions/_briefing $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_briefing
	install -m 0644 $(SHARE)/completions/briefing.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/briefing.fish

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/briefing $(DESTDIR)$(PREFIX)/bin/briefing-preview $(DESTDIR)$(PREFIX)/share/man/man1/briefing.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/briefing $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_briefing \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/briefing.fish
	rm -rf $(DESTDIR)$(PREFIX)/share/briefing

## A Debian package, briefing_VERSION_ARCH.deb, in .build/deb (dpkg-deb; Depends from dpkg-shlibdeps).
deb: share
	scripts/make-deb.sh $(VERSION)

## Measure speed and memory (release build, whole processes) and write docs/benchmarks.md.
bench: build
	@scripts/install-deps.sh bench
	python3 benchmarks/run.py

bench-quick: build
	@scripts/install-deps.sh bench
	python3 benchmarks/run.py --quick

## List the functions the release binary runs, for the linker to place together (needs valgrind).
link-order: build
	@scripts/install-deps.sh bench
	python3 benchmarks/link-order.py

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

clean:
	rm -rf .build output/*.pdf
