# smtpcode - see README.md. GNU make; no configure step.
#
#   make            build ./smtpcode (needs only a C11 compiler and make), and
#                   build/libsmtpcode.a, build/libsmtpcode.so (libsmtpcode.so.N)
#   make deps       install what make check needs where missing (cmocka, jq,
#                   mandoc, groff, pkg-config)
#   make check      build and run every test (about half a minute)
#   make deps-ci    install what make ci needs too (clang with libFuzzer,
#                   clang-tidy, cppcheck, valgrind, zsh and fish)
#   make ci         the full gate CI runs (tests/ci.sh; a few minutes)
#   make install    install the binary, the library (header, static and shared,
#                   smtpcode.pc), the man pages (with a link page per library
#                   function) and the bash, zsh and fish completions (PREFIX,
#                   DESTDIR); without DESTDIR, runs ldconfig as well
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
SC_DEPFLAGS = -MMD -MP
# Each side sees only its own headers, the util helpers and the public
# header: the command cannot include the library's internals.
LIB_CPPFLAGS = -Iinclude -Isrc/lib -Isrc/util -Ibuild
CLI_CPPFLAGS = -Iinclude -Isrc/cli -Isrc/util

# src/util: the helpers compiled into both sides (prefix scx_).
UTIL_SRCS   = src/util/strbuf.c src/util/ascii.c src/util/list.c
# src/lib: libsmtpcode, the engine: no I/O, nothing that prints.
LIB_SRCS    = src/lib/code.c src/lib/command.c src/lib/table.c src/lib/lookup.c \
              src/lib/enhanced.c src/lib/pattern.c src/lib/search.c src/lib/synonym.c \
              src/lib/compare.c src/lib/compare_basic.c src/lib/compare_enhanced.c \
              src/lib/compare_mixed.c src/lib/compare_text.c src/lib/scan.c \
              src/lib/scan_line.c src/lib/scan_text.c src/lib/scan_rows.c src/lib/scan_lookup.c src/lib/scan_index.c \
              src/lib/scan_reply.c src/lib/scan_fast.c src/lib/scan_fast_reply.c src/lib/scan_build.c src/lib/scan_dsn.c src/lib/scan_warn.c src/lib/scan_mime.c \
              src/lib/scan_mime_decode.c src/lib/scan_mime_fields.c \
              src/lib/scan_who.c src/lib/scan_twin.c src/lib/scan_bounce.c \
              src/lib/verdict.c src/lib/verdict_data.c src/lib/verdict_match.c
# src/cli: the command, a client of the library's public API.
CLI_SRCS    = src/cli/json.c src/cli/format_common.c src/cli/format_json.c \
              src/cli/format_text.c src/cli/wrap.c src/cli/prewrap.c src/cli/format_reply.c \
              src/cli/format_answer.c src/cli/format_brief.c src/cli/format_scan.c \
              src/cli/tally.c src/cli/lines.c src/cli/pipeline.c src/cli/run_text.c src/cli/run_codes.c \
              src/cli/args.c src/cli/safe_text.c src/cli/labels.c src/cli/linebreak.c src/cli/logstat.c \
              src/cli/logstat_formats.c src/cli/logstat_text.c src/cli/logstat_postfix.c \
              src/cli/logstat_exim.c src/cli/logstat_sendmail.c src/cli/logstat_opensmtpd.c \
              src/cli/logstat_detail.c src/cli/logstat_key.c src/cli/format_detail.c \
              src/cli/idset.c src/cli/format_logstat.c src/cli/compressed.c src/cli/topk.c \
              src/cli/format_topk.c src/cli/format_hours.c src/cli/logtime.c \
              src/cli/json_in.c src/cli/merge_read.c src/cli/merge.c src/cli/merge_logstat.c
# src/gen: the table generator, a host program (BUILD_CC): main in gentable.c,
# one reader per data file, shared helpers in tsv.c. It is compiled with the
# runtime's code parser and status names (src/lib/code.c, which therefore
# needs nothing else from the library) and UTF-8 check (src/util/ascii.c).
GEN_SRCS    = src/gen/gentable.c src/gen/read_codes.c src/gen/read_pairs.c \
              src/gen/read_enhanced.c src/gen/read_notes.c src/gen/read_i18n.c \
              src/gen/tsv.c src/gen/blob.c src/gen/prewrap.c src/cli/safe_text.c \
              src/cli/wrap.c src/cli/linebreak.c
GEN_RUNTIME_SRCS = src/lib/code.c src/util/ascii.c
GEN_CPPFLAGS = -Iinclude -Isrc/lib -Isrc/util -Isrc/cli
DATA        = data/codes.tsv data/pairs.tsv data/enhanced.tsv data/enhanced-notes.tsv \
              data/i18n.tsv
# genverdict: the bounce-verdict data (reasons, phrases, codes, provider
# tags), checked on every build into build/verdict.inc.
VERDICT_SRCS = src/gen/genverdict.c src/gen/read_verdict.c src/gen/print_match.c \
               src/gen/tsv.c src/gen/blob.c
# gensynonyms: the words users search with (data/synonyms.tsv), checked
# against the codes and the registry into build/synonyms.inc.
SYNONYM_SRCS = src/gen/gensynonyms.c src/gen/read_synonyms.c src/gen/read_codes.c \
               src/gen/read_enhanced.c src/gen/tsv.c src/gen/blob.c
# genscan: the slots of the format tables' markers (scan_pairs.h), from the
# tables themselves, into build/scan_slots.inc; the rows sorted by role into
# build/scan_rows.inc (scan_formats.c is built into genscan, not the library).
GENSCAN_SRCS = src/gen/genscan.c src/lib/scan_formats.c
VERDICT_DATA = data/reason-list.tsv data/reasons.tsv data/reason-codes.tsv \
               data/provider-tags.tsv

# make check SANITIZE=1: everything under AddressSanitizer and UBSan.
# make check SANITIZE=thread: ThreadSanitizer (scan's and explain's second
# thread, src/cli/pipeline.c).
ifeq ($(SANITIZE),thread)
SC_SANFLAGS = -fsanitize=thread -fno-omit-frame-pointer -DPIPELINE_POSIX -pthread
endif
ifeq ($(SANITIZE),1)
SC_SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
endif

LIB_OBJS    = $(LIB_SRCS:src/%.c=build/%.o) $(UTIL_SRCS:src/%.c=build/%.o)
PIC_OBJS    = $(LIB_SRCS:src/%.c=build/pic/%.o) $(UTIL_SRCS:src/%.c=build/pic/%.o)
CLI_OBJS    = $(CLI_SRCS:src/%.c=build/%.o) $(UTIL_SRCS:src/%.c=build/%.o)
LIB         = build/libsmtpcode.a
SHLIB       = build/libsmtpcode.so.$(VERSION)

TESTS       = pipeline code command table lookup enhanced scan scan_line scan_formats scan_pairs scan_dsn scan_warn scan_raw scan_text scan_who \
              scan_mime scan_bounce scan_fast scan_fast_bytes \
              compare strbuf ascii list json format_text format_json \
              args lines tally pattern i18n safe_text api logstat logstat_key logstat_text topk logtime linebreak \
              verdict verdict_match format_answer
TEST_BINS   = $(TESTS:%=build/tests/test_%)
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)
# make check without cmocka: one line that says what to do, not a compiler error.
CMOCKA_FOUND = $(shell printf '\043include <cmocka.h>\n' | \
	$(CC) $(CMOCKA_CFLAGS) $(CPPFLAGS) -E -x c - > /dev/null 2>&1 && echo yes)
ifneq ($(filter check,$(MAKECMDGOALS)),)
ifneq ($(CMOCKA_FOUND),yes)
$(error the tests need cmocka, which $(CC) does not find: run make deps)
endif
endif

# Fuzzing (libFuzzer, with clang): make fuzz FUZZ_SECONDS=N.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 20
FUZZ_FLAGS   = -Werror -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_SRCS    = $(LIB_SRCS) $(CLI_SRCS) $(UTIL_SRCS)
FUZZ_BINS    = build/fuzz/fuzz_args build/fuzz/fuzz_reply build/fuzz/fuzz_reply_json \
               build/fuzz/fuzz_json build/fuzz/fuzz_merge build/fuzz/fuzz_logstat \
               build/fuzz/fuzz_scan_fast

# One link page (.so man3/smtpcode.3) per function the NAME section of
# smtpcode(3) lists, so that `man smtpcode_lookup` works.
MAN3_LINKS := $(shell sed -n '/^\.Sh NAME/,/^\.Sh [^N]/s/^\.Nm \(smtpcode_[a-z0-9_]*\).*/\1/p' \
                man/smtpcode.3)

# An install to the live system (no DESTDIR) refreshes the loader's cache, so
# that programs find libsmtpcode.so.N at once: when LDCONFIG is found and
# LDSO_CACHE is writable (glibc; not where there is no such cache).
# LDCONFIG= skips it.
LDCONFIG   ?= ldconfig
LDSO_CACHE ?= /etc/ld.so.cache
define run_ldconfig
@if [ -z '$(DESTDIR)' ] && [ -n '$(LDCONFIG)' ] && command -v '$(firstword $(LDCONFIG))' > /dev/null 2>&1 && \
		[ -w '$(LDSO_CACHE)' ]; then echo '$(LDCONFIG)'; $(LDCONFIG); fi
endef

.PHONY: all lib check deps deps-ci install uninstall clean fuzz lint ci bench FORCE
.DELETE_ON_ERROR:

all: smtpcode lib build/verdict.inc

lib: $(LIB) build/libsmtpcode.so

smtpcode: build/cli/main.o $(CLI_OBJS) $(LIB)
	$(CC) $(SC_SANFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ build/cli/main.o $(CLI_OBJS) $(LIB)

$(LIB): $(LIB_OBJS)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJS)

# Only smtpcode_* symbols leave the shared library (src/lib/libsmtpcode.map).
$(SHLIB): $(PIC_OBJS) src/lib/libsmtpcode.map
	$(CC) -shared $(SC_SANFLAGS) $(CFLAGS) $(LDFLAGS) -Wl,-soname,libsmtpcode.so.$(SOMAJOR) \
		-Wl,--version-script=src/lib/libsmtpcode.map -o $@ $(PIC_OBJS)

build/libsmtpcode.so: $(SHLIB)
	ln -sf libsmtpcode.so.$(VERSION) build/libsmtpcode.so.$(SOMAJOR)
	ln -sf libsmtpcode.so.$(VERSION) $@

# The compiler and flags of the last build: objects are rebuilt when they
# change (CC=clang, CFLAGS=..., SANITIZE=1).
BUILD_FLAGS = $(CC) $(SC_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS)
build/flags: FORCE | build/.dirs
	@echo '$(BUILD_FLAGS)' | cmp -s - $@ || echo '$(BUILD_FLAGS)' > $@
FORCE:

$(LIB_OBJS) $(PIC_OBJS) $(CLI_OBJS) build/cli/main.o: build/flags

build/lib/%.o: src/lib/%.c | build/.dirs
	$(CC) $(SC_CFLAGS) $(LIB_CPPFLAGS) $(SC_DEPFLAGS) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

build/pic/lib/%.o: src/lib/%.c | build/.dirs
	$(CC) $(SC_CFLAGS) $(LIB_CPPFLAGS) $(SC_DEPFLAGS) $(CPPFLAGS) $(CFLAGS) -fPIC -c -o $@ $<

build/util/%.o: src/util/%.c | build/.dirs
	$(CC) $(SC_CFLAGS) -Isrc/util $(SC_DEPFLAGS) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

build/pic/util/%.o: src/util/%.c | build/.dirs
	$(CC) $(SC_CFLAGS) -Isrc/util $(SC_DEPFLAGS) $(CPPFLAGS) $(CFLAGS) -fPIC -c -o $@ $<

build/cli/%.o: src/cli/%.c | build/.dirs
	$(CC) $(SC_CFLAGS) $(CLI_CPPFLAGS) $(SC_DEPFLAGS) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# Only src/lib/table.c includes the generated table, only src/lib/enhanced.c
# the provider notes by subject, only src/lib/synonym.c the synonyms, and
# only src/cli/labels.c the command's labels (from its own directory).
build/lib/table.o build/pic/lib/table.o: build/table.inc
build/lib/synonym.o build/pic/lib/synonym.o: build/synonyms.inc
build/lib/verdict_data.o build/pic/lib/verdict_data.o: build/verdict.inc
build/lib/enhanced.o build/pic/lib/enhanced.o: build/notes.inc
build/lib/scan_index.o build/pic/lib/scan_index.o: build/scan_slots.inc
build/lib/scan_rows.o build/pic/lib/scan_rows.o: build/scan_rows.inc
build/cli/labels.o: build/cli/labels.inc
build/cli/labels.o: CLI_CPPFLAGS += -Ibuild/cli
build/cli/prewrap.o: build/cli/prewrap.inc
build/cli/prewrap.o: CLI_CPPFLAGS += -Ibuild/cli
build/cli/format_answer.o: build/cli/advice.inc
build/cli/format_answer.o: CLI_CPPFLAGS += -Ibuild/cli

# Written to $@+ and renamed, so a failed run leaves no table behind.
build/table.inc: build/gentable $(DATA)
	build/gentable $(DATA) > $@+ || { rm -f $@+; exit 1; }
	mv $@+ $@

build/genverdict: $(VERDICT_SRCS) $(GEN_RUNTIME_SRCS) src/gen/gen.h src/gen/tsv.h \
		src/gen/blob.h include/smtpcode.h src/util/ascii.h src/lib/verdict_key.h | build/.dirs
	$(BUILD_CC) $(SC_CFLAGS) $(GEN_CPPFLAGS) -O1 -o $@ $(VERDICT_SRCS) $(GEN_RUNTIME_SRCS)

build/gensynonyms: $(SYNONYM_SRCS) $(GEN_RUNTIME_SRCS) src/gen/gen.h src/gen/tsv.h \
		src/gen/blob.h include/smtpcode.h src/lib/parse.h src/lib/commands.def \
		src/util/ascii.h | build/.dirs
	$(BUILD_CC) $(SC_CFLAGS) $(GEN_CPPFLAGS) -O1 -o $@ $(SYNONYM_SRCS) $(GEN_RUNTIME_SRCS)

build/synonyms.inc: build/gensynonyms data/codes.tsv data/enhanced.tsv data/synonyms.tsv
	build/gensynonyms data/codes.tsv data/enhanced.tsv data/synonyms.tsv > $@+ || \
		{ rm -f $@+; exit 1; }
	mv $@+ $@

build/verdict.inc: build/genverdict $(VERDICT_DATA)
	build/genverdict $(VERDICT_DATA) > $@+ || { rm -f $@+; exit 1; }
	mv $@+ $@

build/cli/advice.inc: build/genverdict data/reason-list.tsv
	build/genverdict --advice data/reason-list.tsv > $@+ || { rm -f $@+; exit 1; }
	mv $@+ $@

build/genscan: $(GENSCAN_SRCS) src/lib/scan.h src/lib/scan_mime.h src/lib/scan_pairs.h src/lib/scan_lookup.h \
		include/smtpcode.h src/util/ascii.h | build/.dirs
	$(BUILD_CC) $(SC_CFLAGS) $(GEN_CPPFLAGS) -O1 -o $@ $(GENSCAN_SRCS)

build/scan_slots.inc: build/genscan
	build/genscan > $@+ || { rm -f $@+; exit 1; }
	mv $@+ $@

build/scan_rows.inc: build/genscan
	build/genscan --rows > $@+ || { rm -f $@+; exit 1; }
	mv $@+ $@

build/notes.inc: build/gentable data/enhanced-notes.tsv
	build/gentable --note-index data/enhanced-notes.tsv > $@+ || { rm -f $@+; exit 1; }
	mv $@+ $@

build/cli/labels.inc: build/gentable data/i18n.tsv
	build/gentable --labels data/i18n.tsv > $@+ || { rm -f $@+; exit 1; }
	mv $@+ $@

build/cli/prewrap.inc: build/gentable data/codes.tsv data/enhanced.tsv
	build/gentable --prewrap data/codes.tsv data/enhanced.tsv > $@+ || { rm -f $@+; exit 1; }
	mv $@+ $@

build/gentable: $(GEN_SRCS) $(GEN_RUNTIME_SRCS) src/gen/gen.h src/gen/tsv.h src/gen/blob.h \
		src/cli/safe_text.h src/cli/wrap.h src/cli/linebreak.h src/cli/prewrap.h \
		include/smtpcode.h src/lib/parse.h src/lib/commands.def src/util/ascii.h | build/.dirs
	$(BUILD_CC) $(SC_CFLAGS) $(GEN_CPPFLAGS) -O1 -o $@ $(GEN_SRCS) $(GEN_RUNTIME_SRCS)

# A stamp, not the directory itself: build/ may exist already (make bench
# makes build/bench first), and its subdirectories would then never be made.
build/.dirs:
	mkdir -p build/tests build/lib build/pic/lib build/util build/pic/util build/cli
	touch $@

build/tests/test_%: tests/test_%.c tests/testutil.h tests/scan_feed.h tests/scan_twoways.h $(CLI_OBJS) $(LIB) | build/.dirs
	$(CC) $(SC_CFLAGS) $(TEST_CPPFLAGS) $(CMOCKA_CFLAGS) $(CPPFLAGS) $(CFLAGS) \
		-o $@ $< $(CLI_OBJS) $(LIB) $(LDFLAGS) $(CMOCKA_LIBS)

# A suite sees the command's headers; one that tests a library unit from
# inside (the scanner's, which include src/lib/scan.h) sees the library's
# instead.
TEST_CPPFLAGS = $(CLI_CPPFLAGS)
LIB_UNIT_TESTS = scan scan_line scan_formats scan_pairs scan_dsn scan_warn scan_raw scan_text scan_mime scan_who scan_bounce scan_fast scan_fast_bytes \
                 verdict_match
$(LIB_UNIT_TESTS:%=build/tests/test_%): TEST_CPPFLAGS = $(LIB_CPPFLAGS)

$(TEST_BINS): build/flags

# The API suite sees only the public header and the installed-to-be library.
build/tests/test_api: tests/test_api.c tests/testutil.h $(LIB) | build/.dirs
	$(CC) $(SC_CFLAGS) -Iinclude $(CMOCKA_CFLAGS) $(CPPFLAGS) $(CFLAGS) \
		-o $@ $< $(LIB) $(LDFLAGS) $(CMOCKA_LIBS)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/json_check.h tests/scan_twoways.h $(FUZZ_SRCS) build/table.inc \
		build/synonyms.inc build/cli/labels.inc build/cli/prewrap.inc build/cli/advice.inc \
		build/verdict.inc build/notes.inc build/scan_slots.inc build/scan_rows.inc
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(SC_CFLAGS) $(LIB_CPPFLAGS) -Isrc/cli -Ibuild/cli -Itests $(FUZZ_FLAGS) -o $@ $< $(FUZZ_SRCS)

build/fuzz/fuzz_reply_json: tests/fuzz/fuzz_reply.c

fuzz: $(FUZZ_BINS)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh

# Static analysis: cppcheck and clang-tidy (.clang-tidy) on the sources,
# zero findings (suppressions are justified where they stand).
lint: build/table.inc build/synonyms.inc build/cli/labels.inc build/cli/prewrap.inc \
		build/cli/advice.inc build/notes.inc build/scan_slots.inc build/scan_rows.inc
	sh tests/layout.sh
	cppcheck --quiet --std=c11 --enable=warning,style,performance,portability \
		--inline-suppr --error-exitcode=1 -Iinclude -Isrc/lib -Isrc/cli -Isrc/util -Ibuild/cli \
		--suppress=missingIncludeSystem --suppress=missingInclude src
	clang-tidy --quiet $(LIB_SRCS) $(UTIL_SRCS) -- -std=c11 $(LIB_CPPFLAGS)
	clang-tidy --quiet $(CLI_SRCS) src/cli/main.c -- -std=c11 $(CLI_CPPFLAGS) -Ibuild/cli
	clang-tidy --quiet $(GEN_SRCS) src/gen/genverdict.c src/gen/read_verdict.c \
		src/gen/print_match.c src/gen/gensynonyms.c src/gen/read_synonyms.c \
		src/gen/genscan.c src/lib/scan_formats.c -- -std=c11 $(GEN_CPPFLAGS)

# Benchmarks (never part of check): instructions against /bin/true, batch
# lookups, scan throughput against grep (tests/bench.sh).
bench:
	@sh tests/bench.sh

# What CI runs: -Werror builds with gcc and clang, the sanitizers, valgrind,
# static analysis and a short fuzz run (tests/ci.sh).
ci:
	@sh tests/ci.sh

check: smtpcode lib build/gentable build/verdict.inc $(TEST_BINS)
	@CC='$(CC)' CFLAGS='$(CFLAGS)' LDFLAGS='$(LDFLAGS)' SANITIZE='$(SANITIZE)' \
		SANFLAGS='$(SC_SANFLAGS)' sh tests/run.sh

deps:
	@sh tests/deps.sh check

deps-ci:
	@sh tests/deps.sh ci

install: smtpcode lib build/man3-link.3
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 \
		$(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	$(INSTALL) -m 755 smtpcode $(DESTDIR)$(BINDIR)/smtpcode
	$(INSTALL) -m 644 man/smtpcode.1 $(DESTDIR)$(MANDIR)/man1/smtpcode.1
	$(INSTALL) -m 644 man/smtpcode.3 $(DESTDIR)$(MANDIR)/man3/smtpcode.3
	for f in $(MAN3_LINKS); do \
		$(INSTALL) -m 644 build/man3-link.3 $(DESTDIR)$(MANDIR)/man3/$$f.3 || exit 1; \
	done
	$(INSTALL) -m 644 include/smtpcode.h $(DESTDIR)$(INCLUDEDIR)/smtpcode.h
	$(INSTALL) -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libsmtpcode.a
	$(INSTALL) -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/libsmtpcode.so.$(VERSION)
	ln -sf libsmtpcode.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libsmtpcode.so.$(SOMAJOR)
	ln -sf libsmtpcode.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libsmtpcode.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
		-e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
		src/lib/smtpcode.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/smtpcode.pc
	$(INSTALL) -m 644 completions/smtpcode.bash $(DESTDIR)$(BASHCOMPDIR)/smtpcode
	$(INSTALL) -m 644 completions/_smtpcode $(DESTDIR)$(ZSHCOMPDIR)/_smtpcode
	$(INSTALL) -m 644 completions/smtpcode.fish $(DESTDIR)$(FISHCOMPDIR)/smtpcode.fish
	$(run_ldconfig)

build/man3-link.3: | build/.dirs
	echo '.so man3/smtpcode.3' > $@

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/smtpcode $(DESTDIR)$(MANDIR)/man1/smtpcode.1 \
		$(DESTDIR)$(MANDIR)/man3/smtpcode.3 $(DESTDIR)$(INCLUDEDIR)/smtpcode.h \
		$(DESTDIR)$(LIBDIR)/libsmtpcode.a $(DESTDIR)$(LIBDIR)/libsmtpcode.so.$(VERSION) \
		$(DESTDIR)$(LIBDIR)/libsmtpcode.so.$(SOMAJOR) $(DESTDIR)$(LIBDIR)/libsmtpcode.so \
		$(DESTDIR)$(PKGCONFIGDIR)/smtpcode.pc \
		$(DESTDIR)$(BASHCOMPDIR)/smtpcode $(DESTDIR)$(ZSHCOMPDIR)/_smtpcode \
		$(DESTDIR)$(FISHCOMPDIR)/smtpcode.fish \
		$(MAN3_LINKS:%=$(DESTDIR)$(MANDIR)/man3/%.3)
	$(run_ldconfig)

clean:
	rm -rf build smtpcode

-include $(wildcard build/*/*.d build/pic/*/*.d)
