#!/bin/sh
# tests/run.sh - run every test (make check calls it from the top of the tree)
# and end with one line: "check: N passed, M failed".
#   unit   the cmocka suites build/tests/test_*
#   cli    golden files tests/cli/NAME.{args,out,err,status}
#   gen    the generator rejects each malformed row kind (tests/gen/)
#   json   --json output of every code and every curated pair through jq -e
#   data   facts corrected against the RFC text, asserted through jq -e
#   explain  the corpus of real-world replies, logs and transcripts (tests/explain/)
#   wild   the corpus of issue 13 (tests/explain/wild/): no failure beyond
#          the known ones of wild/known-failing.txt
#   layout the house rules: the command reaches no library internal, the
#          library never prints, no file over 600 lines, no function over 60
#   search the queries of tests/search/queries.tsv rank the expert's codes first
#   completions  the bash, zsh and fish completions load and complete
#   man    both pages under groff as man-db renders them: no warning, mandoc's words
#   setup  make check without cmocka, make deps without root or sudo
#   escapes  hostile input reaches no terminal raw: random bytes, issue 11
#   misc   write errors, the man page under mandoc -Tlint
set -u
cd "$(dirname "$0")/.." || exit 2
# The suites that run make themselves (setup, install, gen) run it as a
# user would: not as a child of the make that runs them, whose jobserver
# (make -jN, or -j in MAKEFLAGS) they cannot use and would warn about.
unset MAKEFLAGS MFLAGS MAKELEVEL
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); printf 'FAIL %s\n' "$*"; }

# unit: count what each cmocka suite reports.
for t in build/tests/test_*; do
	out=$("$t" 2>&1)
	rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p')
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p')
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	if [ "$rc" != 0 ] || [ -z "$p" ]; then
		[ -n "$f" ] || failed=$((failed + 1))
		printf 'FAIL %s\n%s\n' "$t" "$out" | grep -v '^\[ *\(RUN\|OK\) *\]'
	fi
	echo "${t#build/tests/}: ${p:-0} ok, ${f:-0} failed"
done

for suite in tests/cli/run.sh tests/gen/run.sh tests/json.sh tests/data.sh tests/explain/run.sh \
	tests/explain/wild.sh tests/layout.sh tests/search/run.sh tests/escapes.sh tests/completions.sh \
	tests/install/run.sh tests/man.sh tests/setup.sh tests/misc.sh tests/peers.sh tests/merge.sh \
	tests/readme.sh; do
	out=$(sh "$suite" 2>&1)
	rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' | tail -n 1)
	f=$(printf '%s\n' "$out" | sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' | tail -n 1)
	printf '%s\n' "$out" | grep -v ' passed, .* failed$'
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	if [ -z "$p" ] || { [ "$rc" != 0 ] && [ "${f:-0}" = 0 ]; }; then
		fail "$suite (exit $rc, no count)"
	fi
	echo "$suite: ${p:-0} passed, ${f:-0} failed" | sed 's/ passed,/ ok,/'
done

echo "check: $passed passed, $failed failed"
[ "$failed" = 0 ]
