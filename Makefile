# Congrès — build, run and test helpers.
#
#   make deps    check (and on Debian/Ubuntu install) what Fyne needs to compile
#   make build   build ./congres
#   make run     build, create demo.congres if absent, and open it
#   make test    go vet + race-enabled tests
#   make bench   benchmarks of data/, export/ and ui/
#   make screenshots  a PNG of every screen, in English and French, and sample badges, into docs/screenshots/
#   make fmt     gofmt the tree
#   make clean   remove ./congres

SHELL := /bin/bash

# Debian packages providing the C compiler, libc headers (cgo, -race) and the
# OpenGL/X11 headers Fyne (GLFW) needs.
DEB_PACKAGES := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libxkbcommon-dev

# Tests read the PDFs they write back with poppler (pdftotext, pdfinfo,
# pdftoppm) and decode the badges' QR codes with zbar; with
# CONGRES_REQUIRE_TOOLS set, a missing tool fails those tests instead of
# skipping them. (Target-specific: make run does not need them.)
TEST_PACKAGES := poppler-utils zbar-tools
test bench screenshots: DEB_PACKAGES += $(TEST_PACKAGES)
test: export CONGRES_REQUIRE_TOOLS := 1

# The race detector and Fyne's GLFW binding both need cgo.
export CGO_ENABLED := 1

.PHONY: all deps build run test bench screenshots fmt clean

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

test: deps
	go vet ./...
	go test -race -count=1 -timeout 20m ./...

bench: deps
	go test -run '^$$' -bench . -benchmem -count 6 ./data/ ./export/ ./ui/

screenshots: deps
	CONGRES_SCREENSHOTS=$(CURDIR)/docs/screenshots go test ./ui/ -run '^TestWriteScreenshots$$' -count=1
	CONGRES_SCREENSHOTS=$(CURDIR)/docs/screenshots go test ./export/ -run '^TestWrite(Badge|SignIn)Samples$$' -count=1

fmt:
	gofmt -l -w .

clean:
	rm -f congres
