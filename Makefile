# Congrès — build, run and test helpers.
#
#   make deps    check (and on Debian/Ubuntu install) what Fyne needs to compile
#   make build   build ./congres
#   make run     build, create demo.congres if absent, and open it
#   make test    go vet, staticcheck (pinned in go.mod), race-enabled tests (with a throwaway
#                PostgreSQL server: make postgres-test), data's behaviour suite again on
#                PostgreSQL (make postgres-suite, without -race), the fault-injection
#                suite (without -race), the desk in a real window (desk-check), and the Windows
#                cross-build (check-windows)
#   make desk-check  the welcome desk in a real window (Xvfb), scanned at scanner speed (xdotool)
#   make postgres-test  the PostgreSQL store's tests, on a throwaway server of their own
#   make postgres-suite  data's behaviour suite on PostgreSQL, on a throwaway server of its own
#   make dist    the Linux package and the Windows executable, into dist/
#   make check-windows  cross-compile for Windows, to prove it still builds
#   make bench   benchmarks of data/, export/ and ui/
#   make screenshots  a PNG of every screen, in English and French, and sample badges, into docs/screenshots/
#   make fmt     gofmt the tree
#   make clean   remove ./congres and dist/

SHELL := /bin/bash

# Debian packages providing the C compiler, libc headers (cgo, -race) and the
# OpenGL/X11 headers Fyne (GLFW) needs.
DEB_PACKAGES := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libxkbcommon-dev

# Tests read the PDFs they write back with poppler (pdftotext, pdfinfo,
# pdftoppm) and check their structure with qpdf, decode the badges' QR
# codes with zbar, and keep a password in
# a real GNOME Keyring on a private D-Bus (ui/keyring); with
# CONGRES_REQUIRE_TOOLS set, a missing tool fails those tests instead of
# skipping them. (Target-specific: make run does not need them.)
TEST_PACKAGES := poppler-utils qpdf zbar-tools python3-openpyxl ghostscript dbus gnome-keyring
test bench screenshots: DEB_PACKAGES += $(TEST_PACKAGES)
test: export CONGRES_REQUIRE_TOOLS := 1

# The desk check (ui/deskcheck) runs congres in a virtual X server (Xvfb),
# types codes as a barcode scanner does (xdotool), and sets a French
# keyboard (setxkbmap, with the layouts of xkb-data). It skips under -race:
# it runs on its own, after the race-enabled tests.
DESK_CHECK_PACKAGES := xvfb xdotool x11-xkb-utils xkb-data
test desk-check: DEB_PACKAGES += $(DESK_CHECK_PACKAGES)
desk-check: export CONGRES_REQUIRE_TOOLS := 1
DESK_CHECK := go test -count=1 -timeout 15m -v -run '^TestDeskRealWindow$$' ./ui/deskcheck/

# The tests of the PostgreSQL store (data/postgres) run on a throwaway
# server: .ci/postgres run starts one (initdb in a temporary folder, run by
# the postgres user, on a free port of 127.0.0.1), runs the command with
# CONGRES_TEST_POSTGRES set to its URL, then stops it and removes its folder,
# whether the tests passed or not. Under make test, a test that finds no
# server fails instead of skipping (CONGRES_REQUIRE_TOOLS).
POSTGRES_PACKAGES := postgresql openssl
test postgres-test postgres-suite: DEB_PACKAGES += $(POSTGRES_PACKAGES)
postgres-test postgres-suite: export CONGRES_REQUIRE_TOOLS := 1
WITH_POSTGRES := bash .ci/postgres run

# Windows executables are cross-compiled with MinGW-w64 (cgo: Fyne's GLFW).
# fyne's release build compiles C with -fstack-protector-strong, whose
# functions MinGW keeps in libssp: linked statically, congres.exe needs no
# DLL beside it.
WINDOWS_PACKAGES := gcc-mingw-w64-x86-64
WINDOWS_ENV := GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc CGO_LDFLAGS=-l:libssp.a
test dist check-windows: DEB_PACKAGES += $(WINDOWS_PACKAGES)

# The race detector and Fyne's GLFW binding both need cgo.
export CGO_ENABLED := 1

.PHONY: all deps build run test desk-check postgres-test postgres-suite check-windows dist dist-linux dist-windows dist-macos bench screenshots fmt clean

all: build

deps:
	@set -euo pipefail; \
	if ! command -v go >/dev/null 2>&1; then \
		echo "error: 'go' not found in PATH; install Go 1.26 or newer (see README, set-up section)." >&2; \
		exit 1; \
	fi; \
	if [ "$$(uname -s)" != Linux ] || ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "deps: not a dpkg-based system; install a C compiler and the OpenGL/X11 headers as described in README's set-up section."; \
		exit 0; \
	fi; \
	missing=(); \
	for pkg in $(DEB_PACKAGES); do \
		status=$$(dpkg-query -W -f='$${Status}' "$$pkg" 2>/dev/null || true); \
		[ "$$status" = "install ok installed" ] || missing+=("$$pkg"); \
	done; \
	if [ $${#missing[@]} -eq 0 ]; then exit 0; fi; \
	echo "deps: installing missing packages: $${missing[*]}"; \
	sudo=(); \
	if [ "$$(id -u)" -ne 0 ]; then \
		if ! command -v sudo >/dev/null 2>&1; then \
			echo "error: not root and sudo is unavailable; as root run: apt-get install -y $${missing[*]}" >&2; \
			exit 1; \
		fi; \
		sudo=(sudo); \
	fi; \
	apt=("$${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600); \
	"$${apt[@]}" update; \
	"$${apt[@]}" install -y "$${missing[@]}"

build: deps
	go build -o congres .

run: build
	@if [ ! -e demo.congres ]; then echo "./congres demo demo.congres"; ./congres demo demo.congres; fi
	./congres demo.congres

# The fault-injection suite (data's TestFault*: processes killed at random
# moments) looks for lost writes, not data races, and the race detector
# makes its hundred child processes some twenty times slower: it skips
# itself under -race and runs here on its own.
# The ui package's tests are the longest (about 20 minutes under -race):
# listed first, they start first, while the other packages share the
# second core, rather than last, after them (./... lists each package once).
test: deps check-windows
	go vet ./...
	go tool staticcheck ./...
	$(WITH_POSTGRES) go test -race -count=1 -timeout 30m ./ui/ ./...
	$(WITH_POSTGRES) env CONGRES_TEST_STORES=postgres go test -count=1 -timeout 20m ./data/
	set -o pipefail; go test -count=1 -timeout 10m -run '^TestFault' -v ./data/ | grep -E '^(---|ok|FAIL|panic)|fault_test.go:[0-9]+: [a-z]+:'
	$(DESK_CHECK)

desk-check: deps
	$(DESK_CHECK)

postgres-test: deps
	$(WITH_POSTGRES) go test -count=1 -v ./data/postgres/

# data's behaviour suite (package data_test) on PostgreSQL: each test on a
# database of its own (CONGRES_TEST_STORES, data/suite_passes_test.go).
postgres-suite: deps
	$(WITH_POSTGRES) env CONGRES_TEST_STORES=postgres go test -count=1 -timeout 30m ./data/

bench: deps
	go test -run '^$$' -bench . -benchmem -count 6 ./data/ ./export/ ./ui/

screenshots: deps
	CONGRES_SCREENSHOTS=$(CURDIR)/docs/screenshots go test ./ui/ -run '^TestWriteScreenshots$$' -count=1
	CONGRES_SCREENSHOTS=$(CURDIR)/docs/screenshots go test ./export/ -run '^TestWrite(Badge|SignIn)Samples$$' -count=1

# Release builds use the fyne command pinned in go.mod (its tool directive)
# on a copy of the sources: fyne writes files beside the sources while it
# builds and counts builds in FyneApp.toml, and the working tree stays as it
# is (others build and test in it meanwhile). Name, ID, version, build
# number and icon come from FyneApp.toml.
meta = $(shell sed -n 's/^$(1) *= *"\{0,1\}\([^"]*\)"\{0,1\}$$/\1/p' FyneApp.toml)
NAME = $(call meta,Name)
APP_ID = $(call meta,ID)
VERSION = $(call meta,Version)
BUILD = $(call meta,Build)

# stage copies the sources of the working tree (tracked or new, not ignored;
# outside a git checkout, all but dist/) into $(1)/src, an absolute path, and
# builds the fyne command as $(1)/fyne.
stage = mkdir -p $(1)/src && go build -o $(1)/fyne fyne.io/tools/cmd/fyne && \
	{ git ls-files -z --cached --others --exclude-standard 2>/dev/null \
		|| find . \( -path ./dist -o -path ./.git \) -prune -o -type f -print0; } \
	| xargs -0 sh -c 'for f; do if [ -e "$$f" ]; then printf "%s\0" "$$f"; fi; done' sh \
	| tar --null -T - -cf - | tar -xf - -C $(1)/src

# windows-exe builds $(1)/src/$(NAME).exe from the staged sources: a GUI
# program (no console window), with the icon and the version resource.
windows-exe = (cd $(1)/src && cp $(CURDIR)/FyneApp.toml . && $(WINDOWS_ENV) $(1)/fyne package -os windows -release)

# check-windows builds the Windows executable as make dist does, in a
# temporary folder, and checks that it is a GUI program carrying
# FyneApp.toml's version: a change that breaks the Windows build fails make
# test.
#
# The C of Fyne's OpenGL and GLFW bindings is most of a first build's time
# (minutes on a new machine): the check compiles it without optimisation
# (CGO_CFLAGS=-O0), which compiles the same code and takes a fraction of the
# time; make dist builds it optimised. Go's own checks (vet) run on Linux in
# make test; building the executable is the Windows check.
check-windows: deps
	set -euo pipefail; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(call stage,$$tmp); export CGO_CFLAGS=-O0; $(call windows-exe,$$tmp); exe="$$tmp/src/$(NAME).exe"; \
	x86_64-w64-mingw32-objdump -p "$$exe" | grep 'Subsystem.*(Windows GUI)' >/dev/null \
		|| { echo "check-windows: $(NAME).exe is not a GUI program" >&2; exit 1; }; \
	strings -el "$$exe" | grep -x '$(VERSION).$(BUILD)' >/dev/null \
		|| { echo "check-windows: $(NAME).exe does not say version $(VERSION).$(BUILD)" >&2; exit 1; }

# dist: the release packages, into dist/. On Linux: the Linux package and
# the Windows executable; on a Mac: the macOS app (Apple's tools are on a
# Mac only).
STAGE = $(CURDIR)/dist/.stage
DIST_TARGETS = $(if $(filter Darwin,$(shell uname -s)),dist-macos,dist-linux dist-windows)

dist: deps
	rm -rf dist
	set -euo pipefail; $(call stage,$(STAGE))
	@# One after the other: each builds in $(STAGE)/src.
	for t in $(DIST_TARGETS); do $(MAKE) --no-print-directory $$t || exit; done
	rm -rf $(STAGE)
	cd dist && $$(command -v sha256sum || echo shasum -a 256) -- * > SHA256SUMS && cat SHA256SUMS

# dist-linux: fyne's tarball, completed into
# dist/congres-VERSION-linux-amd64.tar.xz: the .congres file type (fyne
# writes MimeType= into the .desktop file but no type definition), one file
# opened at a time (%f: congres takes one FILE), French in the menu entry,
# and a Makefile whose install works (assets/linux/Makefile).
dist-linux:
	mkdir -p $(STAGE)/linux
	cp FyneApp.toml $(STAGE)/src/
	cd $(STAGE)/linux && $(STAGE)/fyne package -os linux -release --src ../src
	set -euo pipefail; cd $(STAGE)/linux; \
	mkdir x; tar -xJf *.tar.xz -C x; mv x/* x/congres-$(VERSION); cd x/congres-$(VERSION); \
	from=usr; [ ! -d usr/local ] || from=usr/local; \
	install -Dm644 $(CURDIR)/assets/linux/$(APP_ID).xml $$from/share/mime/packages/$(APP_ID).xml; \
	install -m644 $(CURDIR)/assets/linux/Makefile Makefile; \
	sed -i -e 's/^\(Exec=.*\) %F$$/\1 %f/' -e 's/^\(MimeType=.*[^;]\)$$/\1;/' \
		-e '/^GenericName=/a GenericName[fr]=Organisation de congrès' \
		-e '/^Comment=/a Comment[fr]=Inscriptions, programme, stands et accueil d’un congrès, dans un fichier' \
		$$from/share/applications/$(APP_ID).desktop; \
	cd ..; XZ_OPT=-T0 tar -cJf $(CURDIR)/dist/congres-$(VERSION)-linux-amd64.tar.xz congres-$(VERSION)

# dist-windows: dist/congres.exe.
dist-windows:
	$(call windows-exe,$(STAGE))
	mv "$(STAGE)/src/$(NAME).exe" dist/congres.exe

# dist-macos: dist/congres-VERSION-macos.zip, holding $(NAME).app.
dist-macos:
	mkdir -p $(STAGE)/macos
	cp FyneApp.toml $(STAGE)/src/
	cd $(STAGE)/macos && $(STAGE)/fyne package -os darwin -release --src ../src
	cd $(STAGE)/macos && ditto -c -k --keepParent *.app $(CURDIR)/dist/congres-$(VERSION)-macos.zip

fmt:
	gofmt -l -w .

clean:
	rm -f congres
	rm -rf dist
