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
for args in "252" "--json 252" "compare 251 551" "--help" "--version"; do
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

# --help stays short.
[ "$("$bin" --help | wc -l)" -lt 30 ]
check "help under 30 lines" $?

# The manual is clean under mandoc -Tlint.
if command -v mandoc > /dev/null; then
	out=$(mandoc -Tlint -W warning man/smtpcode.1 2>&1)
	[ -z "$out" ]
	check "mandoc -Tlint" $?
	[ -n "$out" ] && printf '%s\n' "$out" | sed 's/^/    /'
else
	echo "FAIL misc mandoc is missing (make deps)"
	failed=$((failed + 1))
fi

echo "misc: $passed passed, $failed failed"
[ "$failed" = 0 ]
