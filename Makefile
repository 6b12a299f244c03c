# smtpcode - see README.md. GNU make; no configure step.
#
#   make            build ./smtpcode (needs only a C11 compiler and make), and
#                   build/libsmtpcode.a, build/libsmtpcode.so (libsmtpcode.so.N)
#   make deps       install what the tests need (cmocka, jq, mandoc) where missing
#   make check      build and run every test
#   make install    install the binary, the library (header, static and shared,
#                   smtpcode.pc), the man pages and the bash, zsh and fish
#                   completions (PREFIX, DESTDIR)
#   make uninstall  remove exactly what install put there
#   make clean      remove what the build made
#
# CFLAGS, CPPFLAGS and LDFLAGS are yours; the flags the build needs live in
# SC_* variables. BUILD_CC compiles the table generator, which runs on the
# build machine (it differs from CC when cross-compiling).

VERSION := $(shell sed -n 's/^\#define SMTPCODE_VERSION "\(.*\)"/\1/p' include/smtpcode.h)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
LIBDIR  ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
DATADIR ?= $(PREFIX)/share
MANDIR  ?= $(DATADIR)/man
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR  ?= $(DATADIR)/zsh/site-functions
FISHCOMPDIR ?= $(DATADIR)/fish/vendor_completions.d
CFLAGS  ?= -O2 -g
BUILD_CC ?= $(CC)
INSTALL ?= install

SC_CFLAGS   = -std=c11 -Wall -Wextra -Wpedantic $(SC_SANFLAGS)
SC_CPPFLAGS = -Iinclude -Ibuild -Isrc
SC_DEPFLAGS = -MMD -MP

# The library: the engine, and nothing that prints.
ENGINE_SRCS = src/code.c src/command.c src/table.c src/lookup.c src/enhanced.c src/reply.c \
              src/pattern.c src/search.c \
              src/compare.c src/compare_enhanced.c src/strbuf.c
# The command: a client of the library (it compiles its own copy of the
# small string buffer it shares with the engine).
CLI_SRCS    = src/json.c src/format_common.c src/format_json.c src/format_text.c \
              src/format_reply.c src/format_scan.c src/tally.c src/lines.c \
              src/run_text.c src/run_codes.c src/args.c src/strbuf.c
GEN_SRCS    = src/gen/gentable.c src/gen/enhanced.c src/gen/i18n.c src/gen/tsv.c \
              src/gen/blob.c
DATA        = data/codes.tsv data/pairs.tsv data/enhanced.tsv data/enhanced-notes.tsv \
              data/i18n.tsv

# make check SANITIZE=1: everything under AddressSanitizer and UBSan.
ifeq ($(SANITIZE),1)
SC_SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
endif

ENGINE_OBJS = $(ENGINE_SRCS:src/%.c=build/%.o)
PIC_OBJS    = $(ENGINE_SRCS:src/%.c=build/pic/%.o)
CLI_OBJS    = $(CLI_SRCS:src/%.c=build/cli/%.o)
LIB         = build/libsmtpcode.a
SHLIB       = build/libsmtpcode.so.$(VERSION)

TESTS       = code command table lookup enhanced reply compare strbuf json format_text format_json \
              args lines tally pattern i18n api
TEST_BINS   = $(TESTS:%=build/tests/test_%)
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

# Fuzzing (libFuzzer, with clang): make fuzz FUZZ_SECONDS=N.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 20
FUZZ_FLAGS   = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_SRCS    = $(sort $(ENGINE_SRCS) $(CLI_SRCS))
FUZZ_BINS    = build/fuzz/fuzz_args build/fuzz/fuzz_reply build/fuzz/fuzz_reply_json \
               build/fuzz/fuzz_json

.PHONY: all lib check deps install uninstall clean fuzz lint ci bench FORCE
.DELETE_ON_ERROR:

all: smtpcode lib

lib: $(LIB) build/libsmtpcode.so

smtpcode: build/cli/main.o $(CLI_OBJS) $(LIB)
	$(CC) $(SC_SANFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ build/cli/main.o $(CLI_OBJS) $(LIB)

$(LIB): $(ENGINE_OBJS)
	rm -f $@
	$(AR) rcs $@ $(ENGINE_OBJS)

# Only smtpcode_* symbols leave the shared library (src/libsmtpcode.map).
$(SHLIB): $(PIC_OBJS) src/libsmtpcode.map
	$(CC) -shared $(SC_SANFLAGS) $(CFLAGS) $(LDFLAGS) -Wl,-soname,libsmtpcode.so.$(SOMAJOR) \
		-Wl,--version-script=src/libsmtpcode.map -o $@ $(PIC_OBJS)

build/libsmtpcode.so: $(SHLIB)
	ln -sf libsmtpcode.so.$(VERSION) build/libsmtpcode.so.$(SOMAJOR)
	ln -sf libsmtpcode.so.$(VERSION) $@

# The compiler and flags of the last build: objects are rebuilt when they
# change (CC=clang, CFLAGS=..., SANITIZE=1).
BUILD_FLAGS = $(CC) $(SC_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS)
build/flags: FORCE | build
	@echo '$(BUILD_FLAGS)' | cmp -s - $@ || echo '$(BUILD_FLAGS)' > $@
FORCE:

$(ENGINE_OBJS) $(PIC_OBJS) $(CLI_OBJS) build/cli/main.o: build/flags

build/%.o: src/%.c | build
	$(CC) $(SC_CFLAGS) $(SC_CPPFLAGS) $(SC_DEPFLAGS) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

build/pic/%.o: src/%.c | build
	$(CC) $(SC_CFLAGS) $(SC_CPPFLAGS) $(SC_DEPFLAGS) $(CPPFLAGS) $(CFLAGS) -fPIC -c -o $@ $<

build/cli/%.o: src/%.c | build
	$(CC) $(SC_CFLAGS) $(SC_CPPFLAGS) $(SC_DEPFLAGS) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# Only src/table.c includes the generated table.
build/table.o build/pic/table.o: build/table.inc

# Written to $@+ and renamed, so a failed run leaves no table behind.
build/table.inc: build/gentable $(DATA)
	build/gentable $(DATA) > $@+ || { rm -f $@+; exit 1; }
	mv $@+ $@

build/gentable: $(GEN_SRCS) src/gen/gen.h src/gen/tsv.h src/gen/blob.h src/commands.def | build
	$(BUILD_CC) $(SC_CFLAGS) -O1 -o $@ $(GEN_SRCS)

build:
	mkdir -p build build/tests build/pic build/cli

build/tests/test_%: tests/test_%.c tests/testutil.h $(CLI_OBJS) $(LIB) | build
	$(CC) $(SC_CFLAGS) $(SC_CPPFLAGS) $(CMOCKA_CFLAGS) $(CPPFLAGS) $(CFLAGS) \
		-o $@ $< $(CLI_OBJS) $(LIB) $(LDFLAGS) $(CMOCKA_LIBS)

$(TEST_BINS): build/flags

# The API suite sees only the public header and the installed-to-be library.
build/tests/test_api: tests/test_api.c tests/testutil.h $(LIB) | build
	$(CC) $(SC_CFLAGS) -Iinclude $(CMOCKA_CFLAGS) $(CPPFLAGS) $(CFLAGS) \
		-o $@ $< $(LIB) $(LDFLAGS) $(CMOCKA_LIBS)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/json_check.h $(FUZZ_SRCS) build/table.inc
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(SC_CFLAGS) $(SC_CPPFLAGS) $(FUZZ_FLAGS) -o $@ $< $(FUZZ_SRCS)

build/fuzz/fuzz_reply_json: tests/fuzz/fuzz_reply.c

fuzz: $(FUZZ_BINS)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh

# Static analysis: cppcheck and clang-tidy (.clang-tidy) on the sources,
# zero findings (suppressions are justified where they stand).
lint: build/table.inc
	cppcheck --quiet --std=c11 --enable=warning,style,performance,portability \
		--inline-suppr --error-exitcode=1 -Iinclude -Isrc \
		--suppress=missingIncludeSystem --suppress=missingInclude src
	clang-tidy --quiet $(ENGINE_SRCS) $(CLI_SRCS) src/main.c $(GEN_SRCS) -- \
		-std=c11 -Iinclude -Isrc -Ibuild

# Benchmarks (never part of check): instructions against /bin/true, batch
# lookups, scan throughput against grep (tests/bench.sh).
bench:
	@sh tests/bench.sh

# What CI runs: -Werror builds with gcc and clang, the sanitizers, valgrind,
# static analysis and a short fuzz run (tests/ci.sh).
ci:
	@sh tests/ci.sh

check: smtpcode lib build/gentable $(TEST_BINS)
	@CC='$(CC)' CFLAGS='$(CFLAGS)' LDFLAGS='$(LDFLAGS)' SANITIZE='$(SANITIZE)' \
		SANFLAGS='$(SC_SANFLAGS)' sh tests/run.sh

deps:
	@sh tests/deps.sh

install: smtpcode lib
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 \
		$(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	$(INSTALL) -m 755 smtpcode $(DESTDIR)$(BINDIR)/smtpcode
	$(INSTALL) -m 644 man/smtpcode.1 $(DESTDIR)$(MANDIR)/man1/smtpcode.1
	$(INSTALL) -m 644 man/smtpcode.3 $(DESTDIR)$(MANDIR)/man3/smtpcode.3
	$(INSTALL) -m 644 include/smtpcode.h $(DESTDIR)$(INCLUDEDIR)/smtpcode.h
	$(INSTALL) -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libsmtpcode.a
	$(INSTALL) -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/libsmtpcode.so.$(VERSION)
	ln -sf libsmtpcode.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libsmtpcode.so.$(SOMAJOR)
	ln -sf libsmtpcode.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libsmtpcode.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
		-e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
		src/smtpcode.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/smtpcode.pc
	$(INSTALL) -m 644 completions/smtpcode.bash $(DESTDIR)$(BASHCOMPDIR)/smtpcode
	$(INSTALL) -m 644 completions/_smtpcode $(DESTDIR)$(ZSHCOMPDIR)/_smtpcode
	$(INSTALL) -m 644 completions/smtpcode.fish $(DESTDIR)$(FISHCOMPDIR)/smtpcode.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/smtpcode $(DESTDIR)$(MANDIR)/man1/smtpcode.1 \
		$(DESTDIR)$(MANDIR)/man3/smtpcode.3 $(DESTDIR)$(INCLUDEDIR)/smtpcode.h \
		$(DESTDIR)$(LIBDIR)/libsmtpcode.a $(DESTDIR)$(LIBDIR)/libsmtpcode.so.$(VERSION) \
		$(DESTDIR)$(LIBDIR)/libsmtpcode.so.$(SOMAJOR) $(DESTDIR)$(LIBDIR)/libsmtpcode.so \
		$(DESTDIR)$(PKGCONFIGDIR)/smtpcode.pc \
		$(DESTDIR)$(BASHCOMPDIR)/smtpcode $(DESTDIR)$(ZSHCOMPDIR)/_smtpcode \
		$(DESTDIR)$(FISHCOMPDIR)/smtpcode.fish

clean:
	rm -rf build smtpcode

-include $(wildcard build/*.d build/pic/*.d build/cli/*.d)
