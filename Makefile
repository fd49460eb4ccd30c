# The README's two commands: `make demo` and `make test`.
# Each first makes sure the Debian -dev packages the build links against are
# installed, then runs SwiftPM.

# C libraries the package links (system-library targets in Package.swift),
# and the commands the tests run: python3 for the fixture upload server,
# openssl for a self-signed certificate, Debian's aiosmtpd (under
# /usr/bin/python3) for the fixture SMTP server of `imrf remind`.
DEB_PACKAGES := libcurl4-openssl-dev libssl-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev zlib1g-dev libxml2-dev python3 openssl curl python3-aiosmtpd

SWIFT ?= swift

# Where `make install` puts imrf: PREFIX/bin (imrf and imrf-server) and
# PREFIX/share/imrf (Calendars, Templates), where an installed imrf looks
# for them; DESTDIR for packaging. CONFIGURATION=debug installs the debug
# build (the CI's install test, which reuses the test build).
PREFIX ?= /usr/local
DESTDIR ?=
CONFIGURATION ?= release

.PHONY: demo test build deps install

demo: deps
	$(SWIFT) run -c release imrf demo

test: deps
	$(SWIFT) test

# The Swift runtime and Foundation linked in: one file to install, and half
# the start time, which cron pays on every `imrf status` (Benchmarks/status.sh).
build: deps
	$(SWIFT) build -c release --static-swift-stdlib

# The two executables of CONFIGURATION (built here if need be), the
# calendars and the templates. A calendar the office edited in
# PREFIX/share/imrf/Calendars is kept: a newer one is installed beside it as
# NAME.ics.new, and make says so.
install: deps
	@set -e; \
	if [ "$(CONFIGURATION)" = release ]; then flags="-c release --static-swift-stdlib"; else flags="-c $(CONFIGURATION)"; fi; \
	$(SWIFT) build $$flags --product imrf; \
	$(SWIFT) build $$flags --product imrf-server; \
	bin=$$($(SWIFT) build $$flags --show-bin-path); \
	share="$(DESTDIR)$(PREFIX)/share/imrf"; \
	install -d "$(DESTDIR)$(PREFIX)/bin" "$$share/Calendars" "$$share/Templates"; \
	install -m 755 "$$bin/imrf" "$$bin/imrf-server" "$(DESTDIR)$(PREFIX)/bin/"; \
	install -m 644 Templates/*.mustache "$$share/Templates/"; \
	install -m 644 Calendars/README.md "$$share/Calendars/"; \
	for file in Calendars/*.ics; do \
	  target="$$share/Calendars/$$(basename "$$file")"; \
	  if [ -f "$$target" ] && ! cmp -s "$$file" "$$target" && [ "$$target" -nt "$$share/.installed" ]; then \
	    install -m 644 "$$file" "$$target.new"; \
	    echo "imrf: $$target was changed since it was installed: kept; the new one is $$target.new"; \
	  else \
	    install -m 644 "$$file" "$$target"; \
	  fi; \
	done; \
	touch "$$share/.installed"; \
	echo "imrf: installed $(DESTDIR)$(PREFIX)/bin/imrf, imrf-server and $$share"

# Installs what is missing: as root directly, else through sudo when it can
# run without a password, else says exactly what to run.
deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "imrf: installing Debian packages:$$missing"; \
	if [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else \
	  echo "imrf: these Debian packages are needed to build:$$missing" >&2; \
	  echo "imrf: run as root:  apt-get update && apt-get install -y$$missing" >&2; \
	  exit 1; \
	fi
