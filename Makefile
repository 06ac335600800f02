# Builds and installs fuwu like any terminal tool:
#
#   make                          release build (swift build -c release)
#   make install PREFIX=DIR       binary, catalogue, man page and completions under DIR (default /usr/local)
#   make uninstall PREFIX=DIR     removes exactly what install put there
#
# DESTDIR is honoured for packaging. Needs Swift 6 and, on Debian: make pkg-config
# libncursesw5-dev libsqlite3-dev (see README.md, "Set-up").

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
# Extra flags for `swift build`. By default the Swift libraries are linked in
# (--static-swift-stdlib): the binary then needs no Swift toolchain at run time and starts with
# less (`fuwu --help` 44 → 29 M instructions, peak RSS 23.5 → 18.5 MB; the browser's first frame
# 9 MB above that instead of 12.5), at the cost of size (108 MB, 68 MB stripped, against 37 and
# 9 MB). SWIFT_BUILD_FLAGS= builds the dynamically linked binary.
SWIFT_BUILD_FLAGS ?= --static-swift-stdlib
CONFIGURATION ?= release

root := $(DESTDIR)$(PREFIX)
bindir := $(root)/bin
datadir := $(root)/share
catalogue := $(datadir)/fuwu/futian
man1dir := $(datadir)/man/man1
bashdir := $(datadir)/bash-completion/completions
zshdir := $(datadir)/zsh/site-functions
fishdir := $(datadir)/fish/vendor_completions.d

# A Linux release build gives each Swift function a section of its own and has the linker lay
# out first the functions a start runs (scripts/code-order.txt, from scripts/generate-code-order.py),
# so that a start pages in less of the binary (docs/performance.md, issue #10).
# CODE_ORDER_FLAGS= builds without.
ifeq ($(CONFIGURATION)-$(shell uname -s),release-Linux)
CODE_ORDER_FLAGS ?= -Xswiftc -Xfrontend -Xswiftc -function-sections \
	-Xlinker --section-ordering-file=$(CURDIR)/scripts/code-order.txt
endif
# Where swift build works; .build by default (a folder of its own lets a release build run
# beside a debug one; any .build* folder of the tree counts as an in-tree build). The ordered
# release build has its own, .build-ordered: Swift does not rewrite an object file whose code it
# finds unchanged (its stored module hash), even when -function-sections was added since.
BUILD_PATH ?= $(if $(CODE_ORDER_FLAGS),.build-ordered,.build)

build = $(SWIFT) build -c $(CONFIGURATION) --build-path $(BUILD_PATH) $(SWIFT_BUILD_FLAGS) $(CODE_ORDER_FLAGS)

.PHONY: all build install uninstall

all: build

build:
	$(build) --product fuwu

install: build
	set -e; bin="$$($(build) --show-bin-path)/fuwu"; \
	install -d "$(bindir)" "$(man1dir)" "$(bashdir)" "$(zshdir)" "$(fishdir)" "$(datadir)/fuwu"; \
	install -m 755 "$$bin" "$(bindir)/fuwu"; \
	rm -rf "$(catalogue)"; \
	cp -R data/futian "$(catalogue)"; \
	chmod -R u=rwX,go=rX "$(catalogue)"; \
	"$$bin" manual > "$(man1dir)/fuwu.1"; \
	"$$bin" --generate-completion-script bash > "$(bashdir)/fuwu"; \
	"$$bin" --generate-completion-script zsh > "$(zshdir)/_fuwu"; \
	"$$bin" --generate-completion-script fish > "$(fishdir)/fuwu.fish"

# Folders are removed only when empty, deepest first, never the prefix itself.
uninstall:
	rm -f "$(bindir)/fuwu" "$(man1dir)/fuwu.1" "$(bashdir)/fuwu" "$(zshdir)/_fuwu" "$(fishdir)/fuwu.fish"
	rm -rf "$(catalogue)"
	for dir in "$(datadir)/fuwu" "$(man1dir)" "$(datadir)/man" "$(bashdir)" "$(datadir)/bash-completion" \
	           "$(zshdir)" "$(datadir)/zsh" "$(fishdir)" "$(datadir)/fish" "$(datadir)" "$(bindir)"; do \
	    rmdir "$$dir" 2>/dev/null || true; \
	done
