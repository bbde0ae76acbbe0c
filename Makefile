# Makefile — builds shed, its tests, benchmarks, fuzzers and install.
#
# `make` builds ./shed; `make run` opens it on the demo sandbox; `make test` builds an
# ASan+UBSan copy and runs every suite. Missing Debian packages are installed first by
# scripts/deps.sh (also `make deps`). Objects go to build/<flavour>/ and never into the tree.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
CC        ?= cc
FUZZ_CC   ?= clang

PKGS      := ncursesw vterm libgit2 sqlite3 libcurl tree-sitter libcjson inih libpcre2-8 libutf8proc
TEST_PKGS := cmocka

# Lazily expanded: evaluated after the deps check has installed what was missing.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
TEST_LIBS  = $(shell pkg-config --libs $(TEST_PKGS))

WARN      := -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
BASEFLAGS := -std=c11 -D_GNU_SOURCE -DNCURSES_WIDECHAR=1 -DSHED_VERSION='"$(VERSION)"' \
             $(WARN) -MMD -MP -Isrc -Iui
RELFLAGS  := -O2 -g
ASANFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
             -fno-sanitize-recover=undefined
LDFLAGS_AS_NEEDED := -Wl,--as-needed

SRC   := $(sort $(wildcard src/*.c))
UI    := $(sort $(wildcard ui/*.c))
UNIT  := $(sort $(wildcard tests/unit/test_*.c))
FUZZ  := $(sort $(wildcard tests/fuzz/fuzz_*.c))

REL_SRC_OBJ  := $(SRC:%.c=build/rel/%.o)
REL_UI_OBJ   := $(UI:%.c=build/rel/%.o)
ASAN_SRC_OBJ := $(SRC:%.c=build/asan/%.o)
ASAN_UI_OBJ  := $(UI:%.c=build/asan/%.o)
UNIT_BINS    := $(UNIT:tests/unit/%.c=build/asan/tests/%)
FUZZ_BINS    := $(FUZZ:tests/fuzz/%.c=build/fuzz/%)
GRAMMARS     := $(patsubst syntaxes/%/grammar.ini,%,$(wildcard syntaxes/*/grammar.ini))
GRAMMAR_SOS  := $(GRAMMARS:%=build/grammars/%/parser.so)

.PHONY: all deps deps-check grammars run test unit e2e fuzz fuzz-build bench install uninstall \
        format lint clean

all: shed

deps:
	@scripts/deps.sh

deps-check:
	@scripts/deps.sh --if-missing

# ---- grammars --------------------------------------------------------------------------

# Each language's grammar is fetched with npm, verified and compiled by scripts/grammars.sh;
# the parser.d it writes adds the manifests and queries the build read.
grammars: $(GRAMMAR_SOS)

build/grammars/%/parser.so: syntaxes/%/grammar.ini scripts/grammars.sh | deps-check
	@CC="$(CC)" CXX="$(CXX)" scripts/grammars.sh $*

# ---- release build ---------------------------------------------------------------------

shed: $(REL_SRC_OBJ) $(REL_UI_OBJ) | deps-check grammars
	$(CC) $(RELFLAGS) $(LDFLAGS_AS_NEEDED) -o $@ $^ $(PKG_LIBS)

build/rel/%.o: %.c | deps-check
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(BASEFLAGS) $(RELFLAGS) $(PKG_CFLAGS) -c -o $@ $<

# ---- sanitizer build and tests ---------------------------------------------------------

build/asan/shed: $(ASAN_SRC_OBJ) $(ASAN_UI_OBJ) | deps-check grammars
	$(CC) $(ASANFLAGS) $(LDFLAGS_AS_NEEDED) -o $@ $^ $(PKG_LIBS)

build/asan/libshed.a: $(ASAN_SRC_OBJ)
	@rm -f $@
	ar rcs $@ $^

build/asan/%.o: %.c | deps-check
	@mkdir -p $(dir $@)
	@echo "CC [asan] $<"
	@$(CC) $(BASEFLAGS) $(ASANFLAGS) $(PKG_CFLAGS) -c -o $@ $<

build/asan/tests/%: tests/unit/%.c build/asan/libshed.a | deps-check grammars
	@mkdir -p $(dir $@)
	@echo "LINK [asan] $@"
	@$(CC) $(BASEFLAGS) $(ASANFLAGS) $(PKG_CFLAGS) -o $@ $< build/asan/libshed.a \
	    $(PKG_LIBS) $(TEST_LIBS)

unit: $(UNIT_BINS)
	@scripts/run-unit.sh $(UNIT_BINS)

e2e: build/asan/shed
	@SHED_BIN=$(CURDIR)/build/asan/shed tests/e2e/run.sh

fuzz-build: $(FUZZ_BINS)

# Each fuzzer runs briefly over its seed corpus in `make test`; `make fuzz FUZZ_TIME=600`
# runs them longer.
FUZZ_TIME ?= 10
fuzz: fuzz-build
	@scripts/run-fuzz.sh $(FUZZ_TIME) $(FUZZ_BINS)

build/fuzz/%: tests/fuzz/%.c $(SRC) | deps-check
	@mkdir -p $(dir $@)
	@echo "FUZZ $@"
	@$(FUZZ_CC) $(BASEFLAGS) -O1 -g -fsanitize=fuzzer,address,undefined $(PKG_CFLAGS) \
	    -o $@ $< $(SRC) $(PKG_LIBS)

test: deps-check
	@$(MAKE) --no-print-directory shed build/asan/shed $(UNIT_BINS) $(FUZZ_BINS)
	@scripts/run-tests.sh "$(UNIT_BINS)" "$(FUZZ_BINS)"

# ---- running ---------------------------------------------------------------------------

run: shed
	@demo="$$(scripts/demo.sh)" && ./shed "$$demo/main.py"

bench: shed
	@scripts/deps.sh --if-missing --bench
	@python3 tests/bench/bench.py --shed ./shed

# ---- install ---------------------------------------------------------------------------

install: shed grammars
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/shed \
	    $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 shed $(DESTDIR)$(PREFIX)/bin/shed
	for d in themes syntaxes; do [ ! -d $$d ] || cp -R $$d $(DESTDIR)$(PREFIX)/share/shed/; done
	for g in $(GRAMMARS); do \
	    install -d $(DESTDIR)$(PREFIX)/share/shed/grammars/$$g && \
	    install -m 0644 build/grammars/$$g/parser.so build/grammars/$$g/*.scm \
	        $(DESTDIR)$(PREFIX)/share/shed/grammars/$$g/ || exit 1; \
	done
	install -m 0644 doc/shed.1 $(DESTDIR)$(PREFIX)/share/man/man1/shed.1

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/shed $(DESTDIR)$(PREFIX)/share/shed \
	    $(DESTDIR)$(PREFIX)/share/man/man1/shed.1

lint: deps-check
	@scripts/lint.sh

format:
	clang-format -i $(SRC) $(UI) $(wildcard src/*.h ui/*.h) $(UNIT) $(FUZZ)

clean:
	rm -rf build shed

-include $(shell find build -name '*.d' 2>/dev/null)
