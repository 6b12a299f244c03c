#!/bin/sh
# tests/layout.sh - the house rules the compiler cannot see (make check and
# make lint run it):
#   - src/cli includes only its own headers, src/util's and the public one,
#     and names no library internal (smtpcode__*);
#   - src/lib includes no command header and never prints or exits;
#   - src/util's external names carry the scx_ prefix;
#   - no source file over 600 lines, no function body over 60 lines.
# Ends with one line: "layout: N passed, M failed".
set -u
cd "$(dirname "$0")/.." || exit 2
passed=0
failed=0
check() { # check NAME OFFENDERS: passes when OFFENDERS is empty
	if [ -z "$2" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		printf 'FAIL layout: %s\n%s\n' "$1" "$2"
	fi
}

# The quoted includes of the files in $1 that exist in none of the folders
# that follow.
stray_includes() {
	dir=$1
	shift
	for f in "$dir"/*.c "$dir"/*.h; do
		[ -f "$f" ] || continue
		sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f" | while read -r h; do
			ok=
			for d in "$dir" "$@"; do
				[ -f "$d/$h" ] && ok=1
			done
			[ -n "$ok" ] || printf '%s: %s\n' "$f" "$h"
		done
	done
}

check "src/cli includes a header outside src/cli, src/util and include" \
	"$(stray_includes src/cli src/util include build/cli |
		grep -v ': labels.inc$\|: prewrap.inc$\|: advice.inc$')"
check "src/cli names a library internal" "$(grep -n 'smtpcode__' src/cli/*.[ch])"
check "src/lib includes a header outside src/lib, src/util, include and build" \
	"$(stray_includes src/lib src/util include build |
		grep -v ': table.inc$\|: synonyms.inc$\|: notes.inc$\|: scan_slots.inc$\|: scan_rows.inc$')"
check "src/lib prints, reads files or exits" \
	"$(grep -nE '\<(printf|fprintf|puts|fputs|fputc|putchar|fwrite|fopen|exit|abort)\(' \
		src/lib/*.c | grep -v 'snprintf')"
check "src/util defines an external name without the scx_ prefix" \
	"$(grep -hE '^[a-z].*\<[a-z_0-9]+\(' src/util/*.h | grep -v '\<scx_')"

# File and function lengths: functions open with "{" and close with "}" in
# the first column (the style of every file here).
long_files=$(wc -l src/lib/*.[ch] src/cli/*.[ch] src/util/*.[ch] src/gen/*.[ch] |
	awk '$2 != "total" && $1 > 600 { print $2 ": " $1 " lines" }')
check "a source file over 600 lines" "$long_files"
long_functions=$(awk '
	/^\{/ { start = FNR; name = prev }
	/^\}/ && start { if (FNR - start - 1 > 60) print FILENAME ":" start ": " name \
		" (" FNR - start - 1 " lines)"; start = 0 }
	{ prev = $0 }' src/lib/*.c src/cli/*.c src/util/*.c src/gen/*.c)
check "a function over 60 lines" "$long_functions"

echo "layout: $passed passed, $failed failed"
[ "$failed" = 0 ]
