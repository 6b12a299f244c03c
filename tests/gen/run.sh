#!/bin/sh
# tests/gen/run.sh - the table generator rejects every kind of malformed row.
# KIND-bad-NAME.tsv (KIND: codes, pairs, enhanced, notes, i18n) is read in place
# of KIND-ok.tsv, with the other four ok files; NAME.expect is the exact
# stderr. Each must exit 1 and print no table. Then a make run on broken
# data must fail and leave no table.
set -u
cd "$(dirname "$0")/../.." || exit 2
gen=build/gentable
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
check() { # name, condition-status
	if [ "$2" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL gen $1"; fi
}

ok() { echo "tests/gen/$1-ok.tsv"; }
"$gen" "$(ok codes)" "$(ok pairs)" "$(ok enhanced)" "$(ok notes)" "$(ok i18n)" > "$tmp/out" 2> "$tmp/err"
[ $? = 0 ] && [ -s "$tmp/out" ] && [ ! -s "$tmp/err" ]
check ok $?

for f in tests/gen/*-bad-*.tsv; do
	name=${f%.tsv}
	c=$(ok codes) p=$(ok pairs) e=$(ok enhanced) n=$(ok notes) l=$(ok i18n)
	case ${f#tests/gen/} in
	codes-*) c=$f ;;
	pairs-*) p=$f ;;
	enhanced-*) e=$f ;;
	notes-*) n=$f ;;
	i18n-*) l=$f ;;
	esac
	"$gen" "$c" "$p" "$e" "$n" "$l" > "$tmp/out" 2> "$tmp/err"
	rc=$?
	if [ "$rc" = 1 ] && [ ! -s "$tmp/out" ] && cmp -s "$name.expect" "$tmp/err"; then
		check "${name#tests/gen/}" 0
	else
		check "${name#tests/gen/}" 1
		echo "    exit $rc; stderr:"; sed 's/^/    /' "$tmp/err"
	fi
done

# The build: a broken data file fails make with file:line and leaves no table.
mkdir "$tmp/tree"
cp -R Makefile include src data "$tmp/tree/"
cp tests/gen/codes-bad-order.tsv "$tmp/tree/data/codes.tsv"
(cd "$tmp/tree" && make build/table.inc > ../make.out 2>&1)
rc=$?
[ "$rc" != 0 ] && grep -q '^data/codes.tsv:4: rows out of order' "$tmp/make.out" &&
	[ ! -e "$tmp/tree/build/table.inc" ] && [ ! -e "$tmp/tree/build/table.inc+" ]
check make-fails-cleanly $?

echo "gen: $passed passed, $failed failed"
[ "$failed" = 0 ]
