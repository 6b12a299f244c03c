#!/bin/sh
# tests/explain/wild.sh - the corpus of issue 13 (tests/explain/wild/) through
# run.sh, as a pass/fail suite of make check: the rows that explain does not
# read yet are listed in wild/known-failing.txt (one run.sh FAIL line each,
# without its "FAIL wild " start), and that list must not grow. A failure
# that is not on the list fails the suite (a regression); a listed failure
# that no longer happens fails it too (remove its line: the list only
# shrinks). WILD_COUNTS=1 adds run.sh's "found F/E, partial P, false X"
# line per sample. Ends with "wild: N passed, M failed", N counting run.sh's
# passes.
set -u
cd "$(dirname "$0")/../.." || exit 2
list=tests/explain/wild/known-failing.txt
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

EXPLAIN_COUNTS=${WILD_COUNTS:-0} sh tests/explain/run.sh tests/explain/wild wild > "$tmp/out" 2>&1
passed=$(sed -n 's/^wild: \([0-9]*\) passed, [0-9]* failed$/\1/p' "$tmp/out")
if [ -z "$passed" ]; then
	cat "$tmp/out"
	echo "wild: 0 passed, 1 failed"
	exit 1
fi
grep -v '^wild: [0-9]* passed' "$tmp/out" | grep -v '^FAIL wild ' || :
sed -n 's/^FAIL wild //p' "$tmp/out" | sort > "$tmp/got"
grep -v '^#' "$list" | grep -v '^$' | sort > "$tmp/known"
comm -23 "$tmp/got" "$tmp/known" > "$tmp/new"
comm -13 "$tmp/got" "$tmp/known" > "$tmp/fixed"
failed=0
while IFS= read -r row; do
	failed=$((failed + 1))
	echo "FAIL wild (not in known-failing.txt) $row"
done < "$tmp/new"
while IFS= read -r row; do
	failed=$((failed + 1))
	echo "FAIL wild (passes now: remove it from known-failing.txt) $row"
done < "$tmp/fixed"
echo "wild: $(wc -l < "$tmp/known" | tr -d ' ') known failures listed in $list"
echo "wild: $passed passed, $failed failed"
[ "$failed" = 0 ]
