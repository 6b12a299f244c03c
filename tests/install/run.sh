#!/bin/sh
# tests/install/run.sh - the library as a user gets it: `make install` into a
# temporary DESTDIR, a program built with `pkg-config --cflags --libs
# smtpcode` against the installed files (shared, then static), run; the
# shared library exports only smtpcode_ symbols; each function has a man page
# (a link page to smtpcode(3)); `make uninstall` removes exactly what install
# put there; install and uninstall run ldconfig on the live system only.
set -u
cd "$(dirname "$0")/../.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
check() { # name, status of the condition
	if [ "$2" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL install $1"; fi
}
dest=$tmp/root
prefix=/usr/local
want="550 Mailbox Unavailable (RFC 5321 §3.3, §3.6.2, §4.2.2, §4.3.2)
reply 550 5.1.1 after RCPT: <bob@example.org>: User unknown"

# make check passes CC, CFLAGS and LDFLAGS: the same build (a sanitizer one too).
make -s install DESTDIR="$dest" PREFIX="$prefix" ${CFLAGS+CFLAGS="$CFLAGS"} \
	${LDFLAGS+LDFLAGS="$LDFLAGS"} ${SANITIZE:+SANITIZE="$SANITIZE"} > "$tmp/install.log" 2>&1
check "make install" $?
for f in bin/smtpcode include/smtpcode.h lib/libsmtpcode.a lib/libsmtpcode.so \
	lib/pkgconfig/smtpcode.pc share/man/man1/smtpcode.1 share/man/man3/smtpcode.3; do
	[ -e "$dest$prefix/$f" ]
	check "installs $f" $?
done
soname=$(readelf -d "$dest$prefix/lib/libsmtpcode.so" 2> /dev/null | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
[ -n "$soname" ] && [ -e "$dest$prefix/lib/$soname" ]
check "versioned soname ($soname)" $?

if command -v pkg-config > /dev/null; then
	export PKG_CONFIG_PATH="$dest$prefix/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest"
	# shellcheck disable=SC2046
	# shellcheck disable=SC2086
	${CC:-cc} -std=c11 ${SANFLAGS:-} ${CFLAGS:-} -o "$tmp/example" tests/install/example.c \
		$(pkg-config --cflags --libs smtpcode) ${LDFLAGS:-} 2> "$tmp/cc.log"
	check "builds with pkg-config (shared)" $?
	out=$(LD_LIBRARY_PATH="$dest$prefix/lib" "$tmp/example" 2>&1)
	[ "$out" = "$want" ]
	check "runs against the shared library" $?
	[ "$out" = "$want" ] || printf '%s\n' "$out" | sed 's/^/    /'
	# shellcheck disable=SC2046
	# shellcheck disable=SC2086
	${CC:-cc} -std=c11 ${SANFLAGS:-} ${CFLAGS:-} -o "$tmp/example-static" \
		tests/install/example.c $(pkg-config --cflags smtpcode) \
		"$dest$prefix/lib/libsmtpcode.a" ${LDFLAGS:-}
	check "builds against the static library" $?
	[ "$("$tmp/example-static" 2>&1)" = "$want" ]
	check "runs linked statically" $?
else
	echo "FAIL install: pkg-config is missing (make deps)"
	failed=$((failed + 1))
fi

# Every symbol is smtpcode_ something at version node SMTPCODE_1.0 (the node
# itself is the one other, absolute, symbol).
bad=$(nm -D --defined-only "$dest$prefix/lib/libsmtpcode.so" | awk '$3 != "SMTPCODE_1.0" { print $3 }' |
	grep -v '^smtpcode_[a-z][a-z0-9_]*@@SMTPCODE_1\.0$')
[ -z "$bad" ]
check "exports only smtpcode_ symbols, at version SMTPCODE_1.0" $?
[ -n "$bad" ] && printf '%s\n' "$bad" | sed 's/^/    exported: /'
[ "$soname" = "libsmtpcode.so.$(sed -n 's/^#define SMTPCODE_VERSION "\([0-9]*\)\..*/\1/p' include/smtpcode.h)" ]
check "the soname's number is SMTPCODE_VERSION's major ($soname)" $?

# One page per function: every function smtpcode(3) documents (NAME and
# SYNOPSIS, less the callback type), the shared library exports and smtpcode.h declares has a link
# page, and `man NAME` shows smtpcode(3).
man3=$dest$prefix/share/man/man3
sed -n '/^\.Sh NAME/,/^\.Sh [^N]/s/^\.Nm \([a-z0-9_]*\).*/\1/p' man/smtpcode.3 > "$tmp/fn.name"
awk '/^\.Sh/ { in_syn = $2 == "SYNOPSIS" }
	in_syn && /^\.F[no] / && prev !~ /^\.Ft typedef/ { print $2 } { prev = $0 }' \
	man/smtpcode.3 > "$tmp/fn.synopsis"
nm -D --defined-only "$dest$prefix/lib/libsmtpcode.so" | awk '$2 == "T" { sub(/@.*/, "", $3); print $3 }' > "$tmp/fn.exported"
grep -v '^ *\*\|^/\*\|typedef' include/smtpcode.h |
	sed -n 's/^[a-z].*[ *]\(smtpcode_[a-z0-9_]*\)(.*/\1/p' > "$tmp/fn.header"
for list in name synopsis exported header; do
	sort -u "$tmp/fn.$list" -o "$tmp/fn.$list"
done
for list in synopsis exported header; do
	out=$(diff "$tmp/fn.name" "$tmp/fn.$list")
	[ -z "$out" ] && [ -s "$tmp/fn.$list" ]
	check "smtpcode(3) NAME lists every function of $list" $?
	[ -n "$out" ] && printf '%s\n' "$out" | sed 's/^/    /'
done
sort -u "$tmp/fn.name" "$tmp/fn.exported" "$tmp/fn.header" | while read -r fn; do
	[ "$(cat "$man3/$fn.3" 2> /dev/null)" = ".so man3/smtpcode.3" ] || echo "$fn"
done > "$tmp/nopage"
[ -s "$tmp/fn.name" ] && [ ! -s "$tmp/nopage" ]
check "a link page to smtpcode(3) for each function ($(wc -l < "$tmp/fn.name"))" $?
sed 's/^/    no page: /' "$tmp/nopage"
if man --version 2> /dev/null | grep -q '^man '; then
	out=$(LC_ALL=C MANWIDTH=80 man -M "$dest$prefix/share/man" smtpcode_lookup 2>&1)
	printf '%s\n' "$out" | grep -q 'smtpcode_lookup(int basic, const char \*after' &&
		printf '%s\n' "$out" | grep -q '^ *smtpcode_parse_basic, '
	check "man smtpcode_lookup shows smtpcode(3)" $?
fi

make -s uninstall DESTDIR="$dest" PREFIX="$prefix" > /dev/null 2>&1
check "make uninstall" $?
left=$(find "$dest" ! -type d)
[ -z "$left" ]
check "uninstall leaves no file" $?
[ -n "$left" ] && printf '%s\n' "$left" | sed 's/^/    left: /'

# ldconfig: run after install and uninstall to the live system (no DESTDIR),
# where the loader's cache is writable; never into a DESTDIR, never when
# there is no ldconfig or no writable cache. A fake ldconfig logs its calls.
mkdir -p "$tmp/bin"
printf '#!/bin/sh\necho "ldconfig $*" >> %s/ldconfig.log\n' "$tmp" > "$tmp/bin/ldconfig"
chmod +x "$tmp/bin/ldconfig"
: > "$tmp/ld.so.cache"
ldrun() { # what, then make arguments: runs make, prints the ldconfig calls
	rm -f "$tmp/ldconfig.log"
	what=$1
	shift
	PATH="$tmp/bin:$PATH" make -s PREFIX="$tmp/live" LDCONFIG=ldconfig "$@" \
		${CFLAGS+CFLAGS="$CFLAGS"} ${LDFLAGS+LDFLAGS="$LDFLAGS"} \
		${SANITIZE:+SANITIZE="$SANITIZE"} > "$tmp/ld.out" 2>&1 || echo "make $what failed"
	cat "$tmp/ldconfig.log" 2> /dev/null
}
[ "$(ldrun install install LDSO_CACHE="$tmp/ld.so.cache")" = "ldconfig " ]
check "install to the live system runs ldconfig" $?
[ "$(ldrun uninstall uninstall LDSO_CACHE="$tmp/ld.so.cache")" = "ldconfig " ]
check "uninstall from the live system runs ldconfig" $?
[ -z "$(ldrun install install DESTDIR="$tmp/stage" LDSO_CACHE="$tmp/ld.so.cache")" ]
check "install into a DESTDIR does not run ldconfig" $?
[ -z "$(ldrun uninstall uninstall DESTDIR="$tmp/stage" LDSO_CACHE="$tmp/ld.so.cache")" ]
check "uninstall from a DESTDIR does not run ldconfig" $?
[ -z "$(ldrun install install LDSO_CACHE="$tmp/no/ld.so.cache")" ]
check "no writable loader cache: no ldconfig" $?
[ -z "$(ldrun install install LDSO_CACHE="$tmp/ld.so.cache" LDCONFIG=/nonexistent/ldconfig)" ] &&
	[ -x "$tmp/live/bin/smtpcode" ]
check "no ldconfig: install still succeeds" $?
ldrun uninstall uninstall LDSO_CACHE="$tmp/no/ld.so.cache" > /dev/null
left=$(find "$tmp/live" "$tmp/stage" ! -type d 2> /dev/null)
[ -z "$left" ]
check "uninstall from the live system and a DESTDIR leaves no file" $?

echo "install: $passed passed, $failed failed"
[ "$failed" = 0 ]
