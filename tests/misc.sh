#!/bin/sh
# tests/misc.sh - what golden files cannot show: write errors, and the manual.
set -u
cd "$(dirname "$0")/.." || exit 2
bin=${SMTPCODE:-./smtpcode}
passed=0
failed=0
check() { # name, status of the condition
	if [ "$2" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL misc $1"; fi
}

# A write error is reported on stderr and exits 3 (EXIT STATUS).
for args in "252" "--json 252" "compare 251 551" "--help" "--version" "5.1.1" \
	"explain 550" "scan /dev/null"; do
	# shellcheck disable=SC2086
	err=$("$bin" $args 2>&1 > /dev/full)
	rc=$?
	[ "$rc" = 3 ] && [ "$err" = "smtpcode: write error: No space left on device" ]
	check "write error: $args" $?
done

# A closed pipe ends quietly: no message on stderr.
err=$( { "$bin" 250 251 252 550 551 552 553 554 | head -c 1 > /dev/null; } 2>&1 )
[ -z "$err" ]
check "closed pipe is quiet" $?

# scan and explain: any line length in constant memory. A 100 MiB line
# without a newline, under a 40 MiB address-space limit that reading it
# whole would break (skipped where the limit cannot be set, as under ASan).
if (ulimit -v 40960 && true) 2> /dev/null && ! nm "$bin" 2> /dev/null | grep -q __asan_init; then
	for cmd in scan explain; do
		out=$( { printf '550 5.1.1 '; head -c 104857600 /dev/zero | tr '\0' 'x'; } |
		       (ulimit -v 40960; "$bin" --json $cmd) 2>&1)
		rc=$?
		[ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '"basic":'
		check "$cmd: 100 MiB line in bounded memory (ulimit -v 40 MiB)" $?
	done
fi

# NUL bytes, invalid UTF-8, CR-only line ends: found, and valid JSON.
printf '550 5.1.1 a\000b\r451 4.7.1 \377\376 greylisted\r' | "$bin" --json explain > "${TMPDIR:-/tmp}/misc.$$" 2>&1
rc=$?
[ "$rc" = 0 ] && [ "$(wc -l < "${TMPDIR:-/tmp}/misc.$$")" = 2 ] &&
	{ ! command -v jq > /dev/null || jq -e . "${TMPDIR:-/tmp}/misc.$$" > /dev/null; }
check "explain: NUL, invalid UTF-8, CR line ends" $?
rm -f "${TMPDIR:-/tmp}/misc.$$"

# A file that cannot be read: one line on stderr, status 2, nothing on stdout.
out=$("$bin" scan /nonexistent/mail.log 2> /dev/null)
rc=$?
err=$("$bin" scan /nonexistent/mail.log 2>&1 > /dev/null)
[ "$rc" = 2 ] && [ -z "$out" ] &&
	[ "$err" = "smtpcode: /nonexistent/mail.log: No such file or directory" ]
check "scan: unreadable file" $?

# Hostile input: the longest argument Linux passes (MAX_ARG_STRLEN, 128 KiB;
# a 1 MiB one is refused by execve before smtpcode runs), as a code and as
# explain TEXT.
big=$(head -c 131000 /dev/zero | tr '\0' '7')
err=$("$bin" "$big" 2>&1 > /dev/null)
rc=$?
[ "$rc" = 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" = 1 ] && [ "${#err}" -lt 200 ]
check "128 KiB code argument: one short line, status 2" $?
"$bin" --json explain "550 5.1.1 $big" > /dev/null 2>&1
check "128 KiB explain argument" $?

# A reply of 10,000 continuation lines is one reply; CRLF line ends too.
n=$("$bin" --json explain < tests/fuzz/regress/reply/continuation-10000.txt | wc -l)
[ "$n" = 1 ]
check "10,000 continuation lines: one reply" $?
n=$(printf '550-5.7.1 a\r\n550 5.7.1 b\r\n' | "$bin" --json explain | wc -l)
[ "$n" = 1 ]
check "CRLF line ends" $?

# Every fuzz regression input: no crash, a defined status, valid JSON lines.
# A sanitizer report exits 1 by default, which explain also uses ("no reply
# found"): under make SANITIZE=1 it must give a status of its own.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=86"
UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=86"
export ASAN_OPTIONS UBSAN_OPTIONS
for f in tests/fuzz/regress/reply/*; do
	out=$("$bin" --json explain < "$f" 2> /dev/null)
	rc=$?
	{ [ "$rc" = 0 ] || [ "$rc" = 1 ]; } &&
		{ ! command -v jq > /dev/null || printf '%s' "$out" | jq -e . > /dev/null 2>&1 || [ -z "$out" ]; }
	check "regress explain ${f##*/}" $?
	"$bin" scan "$f" > /dev/null 2>&1
	rc=$?
	[ "$rc" = 0 ] || [ "$rc" = 1 ]
	check "regress scan ${f##*/}" $?
done
for f in tests/fuzz/regress/args/*; do
	set --
	while IFS= read -r line || [ -n "$line" ]; do set -- "$@" "$line"; done < "$f"
	err=$("$bin" "$@" 2>&1 > /dev/null)
	rc=$?
	[ "$rc" -le 2 ] && [ "$(printf '%s' "$err" | grep -c .)" -le 1 ]
	check "regress args ${f##*/}" $?
done

# --help stays short.
[ "$("$bin" --help | wc -l)" -lt 30 ]
check "help under 30 lines" $?

# The manual is clean under mandoc -Tlint.
if command -v mandoc > /dev/null; then
	for page in man/smtpcode.1 man/smtpcode.3; do
		out=$(mandoc -Tlint -W warning "$page" 2>&1)
		[ -z "$out" ]
		check "mandoc -Tlint $page" $?
		[ -n "$out" ] && printf '%s\n' "$out" | sed 's/^/    /'
	done
else
	echo "FAIL misc mandoc is missing (make deps)"
	failed=$((failed + 1))
fi

echo "misc: $passed passed, $failed failed"
[ "$failed" = 0 ]
