#!/bin/sh
# tests/misc.sh - what golden files cannot show: write errors (and that they
# stop the reading), large inputs (line ends, many distinct codes), hostile
# input, and the manual.
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
	"explain 550" "explain --brief 550" "explain --full 550" "explain --codes-only 550" \
	"scan /dev/null"; do
	# shellcheck disable=SC2086
	err=$("$bin" $args 2>&1 > /dev/full)
	rc=$?
	[ "$rc" = 3 ] && [ "$err" = "smtpcode: write error: No space left on device" ]
	check "write error: $args" $?
done

# A failed output stops the reading: explain and batch lookups exit 3 having
# read a small part of a 4 MiB input, not all of it (what is left of the
# file after them is measured on a shared descriptor). First with standard
# output on /dev/full, then on a closed pipe while SIGPIPE is ignored.
tmp=${TMPDIR:-/tmp}/misc.$$
yes 550 | head -c 4194304 > "$tmp.in"
for args in "explain" "--json explain" "explain -" "explain --brief" "-" "--json -" \
	"--codes-only -"; do
	exec 3< "$tmp.in"
	# shellcheck disable=SC2086
	err=$("$bin" $args <&3 2>&1 > /dev/full)
	rc=$?
	left=$(wc -c <&3)
	exec 3<&-
	[ "$rc" = 3 ] && [ "$left" -gt 3000000 ] &&
		[ "$err" = "smtpcode: write error: No space left on device" ]
	check "write error stops the reading: $args > /dev/full (exit $rc, $left bytes left)" $?
	rm -f "$tmp.rc" "$tmp.err"
	(
		trap '' PIPE
		exec 3< "$tmp.in"
		# shellcheck disable=SC2086
		{ "$bin" $args <&3 2> "$tmp.err"; echo $? > "$tmp.rc"; } | head -c 1 > /dev/null
		wc -c <&3 > "$tmp.left"
	)
	rc=$(cat "$tmp.rc") left=$(cat "$tmp.left")
	[ "$rc" = 3 ] && [ "$left" -gt 3000000 ] &&
		[ "$(cat "$tmp.err")" = "smtpcode: write error: Broken pipe" ]
	check "write error stops the reading: $args, SIGPIPE ignored (exit $rc, $left bytes left)" $?
done
rm -f "$tmp".*

# A closed pipe ends quietly: no message on stderr.
err=$( { "$bin" 250 251 252 550 551 552 553 554 | head -c 1 > /dev/null; } 2>&1 )
[ -z "$err" ]
check "closed pipe is quiet" $?

# scan and explain: any line length in constant memory. A 100 MiB line
# without a newline, under a 40 MiB address-space limit that reading it
# whole would break (skipped where the limit cannot be set, as under ASan).
if (ulimit -v 40960 && true) 2> /dev/null && ! nm "$bin" 2> /dev/null | grep -q "__[at]san_init"; then
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

# A large log with CR-only and with CRLF line ends gives the same counts and
# the same replies as with LF (the speed of each is in make bench).
tmp=${TMPDIR:-/tmp}/misc.$$
for i in 1 2 3 4 5 6 7 8; do awk -f tests/bench-log.awk; done > "$tmp.lf"
tr '\n' '\r' < "$tmp.lf" > "$tmp.cr"
sed 's/$/\r/' "$tmp.lf" > "$tmp.crlf"
for cmd in scan explain; do
	"$bin" --json $cmd < "$tmp.lf" > "$tmp.$cmd.lf" 2>&1
	[ "$(wc -l < "$tmp.$cmd.lf")" -ge 1 ] && grep -q '"basic":' "$tmp.$cmd.lf"
	check "$cmd: the LF log has replies" $?
	for eol in cr crlf; do
		"$bin" --json $cmd < "$tmp.$eol" > "$tmp.$cmd.$eol" 2>&1
		cmp -s "$tmp.$cmd.lf" "$tmp.$cmd.$eol"
		check "$cmd: a $eol log reads as its LF twin" $?
	done
done
rm -f "$tmp".*

# scan lists the first 2048 distinct enhanced codes; the later ones are
# counted together as other, in JSON (enhanced_other) and in text.
tmp=${TMPDIR:-/tmp}/misc.$$
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "550 5.%d.%d x\n", i / 1000, i % 1000
	for (i = 2990; i < 3000; i++) printf "550 5.%d.%d again\n", i / 1000, i % 1000 }' > "$tmp.in"
"$bin" --json scan "$tmp.in" > "$tmp.out"
if command -v jq > /dev/null; then
	jq -e '.replies == 3010 and (.enhanced | length) == 2048 and
		(.enhanced | map(.count) | add) == 2048 and .enhanced_other == 962 and
		.enhanced[0].code == "5.0.0" and .enhanced[-1].code == "5.2.47"' "$tmp.out" > /dev/null
	check "scan: 3000 distinct enhanced codes, 2048 listed, 962 other (JSON)" $?
fi
"$bin" scan "$tmp.in" | grep -q '^  other           962  '
check "scan: 3000 distinct enhanced codes, other row (text)" $?
rm -f "$tmp".*

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

# Every fuzz regression input: no crash, a defined status (explain: 0, 1,
# or 4 for no reply found), valid JSON lines. A sanitizer report exits 1 by
# default, which explain also uses ("some code not defined"): under make
# SANITIZE=1 it must give a status of its own.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=86"
UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=86"
export ASAN_OPTIONS UBSAN_OPTIONS
for f in tests/fuzz/regress/reply/*; do
	out=$("$bin" --json explain < "$f" 2> /dev/null)
	rc=$?
	{ [ "$rc" = 0 ] || [ "$rc" = 1 ] || [ "$rc" = 4 ]; } &&
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

# Standard input on a terminal: explain and scan say they are reading it
# (script(1) gives them a pseudo-terminal; Ctrl-D ends the input there).
# With standard input on a pipe they say nothing (the goldens' .err files).
if command -v script > /dev/null 2>&1; then
	for sub in explain scan; do
		out=$(printf '550 5.1.1 x\n\004' |
			timeout 10 script -qec "$bin $sub --json" /dev/null 2> /dev/null | tr -d '\r')
		printf '%s\n' "$out" | grep -qx 'smtpcode: reading standard input (end with Ctrl-D)' &&
			printf '%s\n' "$out" | grep -q '"basic"\|"replies"'
		check "$sub on a terminal says it reads standard input" $?
	done
fi

# scan and explain on a large input: the second thread (src/cli/pipeline.c)
# changes nothing in the output, against SMTPCODE_THREADS=1 (one thread)
# and, for explain, a terminal (each reply shown as read; where script(1)
# is there).
tmp=${TMPDIR:-/tmp}/misc.$$
awk -f tests/bench-log.awk > "$tmp.log"
cat tests/explain/samples/* tests/explain/wild/samples/* > "$tmp.bounces"
for run in "scan log" "--json scan log" "scan bounces" "explain log" \
	"--json explain bounces" "--brief explain bounces"; do
	args=${run% *} file=$tmp.${run##* }
	# shellcheck disable=SC2086
	one=$(SMTPCODE_THREADS=1 "$bin" $args < "$file" | cksum)
	# shellcheck disable=SC2086
	two=$("$bin" $args < "$file" | cksum)
	[ "$one" = "$two" ] && [ "$(wc -c < "$file")" -gt 131072 ]
	check "one thread or two, the same: $run" $?
done
for v in 0 " 1 " 2 8 ""; do
	two=$(SMTPCODE_THREADS=$v "$bin" --json scan < "$tmp.log" | cksum)
	[ "$two" = "$(SMTPCODE_THREADS=1 "$bin" --json scan < "$tmp.log" | cksum)" ]
	check "SMTPCODE_THREADS=\"$v\": the same report" $?
done
for v in x 1x -1 "1 2"; do
	for cmd in scan explain; do
		out=$(SMTPCODE_THREADS=$v "$bin" $cmd < "$tmp.log" 2> "$tmp.err")
		rc=$?
		[ "$rc" = 2 ] && [ -z "$out" ] &&
			[ "$(cat "$tmp.err")" = "smtpcode: SMTPCODE_THREADS: not a number: \"$v\"" ]
		check "SMTPCODE_THREADS=\"$v\": $cmd says so, exit 2" $?
	done
done
# A compressed input is refused by explain as by scan; a TEXT argument
# with the same bytes is text.
gzip -c < "$tmp.bounces" > "$tmp.gz"
out=$("$bin" explain - < "$tmp.gz" 2> "$tmp.err")
[ $? = 2 ] && [ -z "$out" ] &&
	[ "$(cat "$tmp.err")" = "smtpcode: -: gzip-compressed; read it with: zcat FILE | smtpcode explain -" ]
check "explain refuses gzip on standard input" $?
"$bin" explain "$(printf '\037\213 550 5.1.1 x')" > /dev/null 2>&1
check "explain reads a TEXT with gzip's magic number as text" $?
if command -v script > /dev/null 2>&1; then
	COLUMNS=80 NO_COLOR=1 "$bin" explain < "$tmp.bounces" > "$tmp.file"
	COLUMNS=80 NO_COLOR=1 script -qec "'$bin' explain < '$tmp.bounces'" /dev/null |
		tr -d '\r' > "$tmp.tty"
	cmp -s "$tmp.file" "$tmp.tty"
	check "explain on a terminal, the same as to a file" $?
fi
rm -f "$tmp".*

echo "misc: $passed passed, $failed failed"
[ "$failed" = 0 ]
