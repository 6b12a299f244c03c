#!/bin/sh
# tests/install/run.sh - the library as a user gets it: `make install` into a
# temporary DESTDIR, a program built with `pkg-config --cflags --libs
# smtpcode` against the installed files (shared, then static), run; the
# shared library exports only smtpcode_ symbols; `make uninstall` removes
# exactly what install put there.
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

bad=$(nm -D --defined-only "$dest$prefix/lib/libsmtpcode.so" | awk '{ print $3 }' |
	grep -v '^smtpcode_[a-z]')
[ -z "$bad" ]
check "exports only smtpcode_ symbols" $?
[ -n "$bad" ] && printf '%s\n' "$bad" | sed 's/^/    exported: /'

make -s uninstall DESTDIR="$dest" PREFIX="$prefix" > /dev/null 2>&1
check "make uninstall" $?
left=$(find "$dest" ! -type d)
[ -z "$left" ]
check "uninstall leaves no file" $?
[ -n "$left" ] && printf '%s\n' "$left" | sed 's/^/    left: /'

echo "install: $passed passed, $failed failed"
[ "$failed" = 0 ]
