#!/bin/sh
# tests/gen/run.sh - the table generator rejects every kind of malformed row.
# KIND-bad-NAME.tsv (KIND: codes, pairs, enhanced, notes, i18n) is read in place
# of KIND-ok.tsv, with the other four ok files; NAME.expect is the exact
# stderr. Each must exit 1 and print no table. Then a make run on broken
# data must fail and leave no table. The verdict generator (genverdict)
# is checked the same way with its own four files.
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

# rejects GENERATOR VARY KIND...: for each kind of VARY (a space-separated
# list; "all" for every KIND), each KIND-bad-NAME.tsv is read in place of
# KIND-ok.tsv, with the ok files of the other kinds (in the order given);
# the generator must exit 1, print nothing and say exactly NAME.expect.
rejects() {
	g=$1
	vary=$2
	shift 2
	[ "$vary" = all ] && vary="$*"
	for kind in $vary; do
		for f in tests/gen/"$kind"-bad-*.tsv; do
			name=${f%.tsv}
			files=
			for k in "$@"; do
				if [ "$k" = "$kind" ]; then files="$files $f"; else files="$files $(ok "$k")"; fi
			done
			# shellcheck disable=SC2086
			"$g" $files > "$tmp/out" 2> "$tmp/err"
			rc=$?
			if [ "$rc" = 1 ] && [ ! -s "$tmp/out" ] && cmp -s "$name.expect" "$tmp/err"; then
				check "${name#tests/gen/}" 0
			else
				check "${name#tests/gen/}" 1
				echo "    exit $rc; stderr:"; sed 's/^/    /' "$tmp/err"
			fi
		done
	done
}

"$gen" "$(ok codes)" "$(ok pairs)" "$(ok enhanced)" "$(ok notes)" "$(ok i18n)" > "$tmp/out" 2> "$tmp/err"
[ $? = 0 ] && [ -s "$tmp/out" ] && [ ! -s "$tmp/err" ]
check ok $?
rejects "$gen" all codes pairs enhanced notes i18n

# The verdict data (genverdict): reasonlist, reasons, reasoncodes, tags.
vgen=build/genverdict
"$vgen" "$(ok reasonlist)" "$(ok reasons)" "$(ok reasoncodes)" "$(ok tags)" > "$tmp/out" 2> "$tmp/err"
[ $? = 0 ] && grep -q 'gen_reason_phrases\[4\]' "$tmp/out" && [ ! -s "$tmp/err" ]
check verdict-ok $?
rejects "$vgen" all reasonlist reasons reasoncodes tags
# genverdict --advice: the command's advice, from the reason list alone.
"$vgen" --advice "$(ok reasonlist)" > "$tmp/out" 2> "$tmp/err"
[ $? = 0 ] && grep -q 'reason_advice\[3\]' "$tmp/out" && [ ! -s "$tmp/err" ]
check advice-ok $?
"$vgen" --advice tests/gen/reasonlist-bad-advice.tsv > "$tmp/out" 2> "$tmp/err"
[ $? = 1 ] && [ ! -s "$tmp/out" ] && cmp -s tests/gen/reasonlist-bad-advice.expect "$tmp/err"
check advice-bad $?

# The synonyms of search (gensynonyms), checked against the ok codes and
# registry: synonyms-bad-NAME.tsv.
sgen=build/gensynonyms
"$sgen" "$(ok codes)" "$(ok enhanced)" "$(ok synonyms)" > "$tmp/out" 2> "$tmp/err"
[ $? = 0 ] && grep -q 'gen_synonyms\[4\]' "$tmp/out" && [ ! -s "$tmp/err" ]
check synonyms-ok $?
rejects "$sgen" synonyms codes enhanced synonyms

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
