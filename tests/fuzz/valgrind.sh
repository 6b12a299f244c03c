#!/bin/sh
# tests/fuzz/valgrind.sh - what the scanner reads, under valgrind (make ci):
# every sample of tests/explain/samples and every fuzz regression input
# (tests/fuzz/regress/reply) through explain and scan, in text and JSON,
# the MTA samples (tests/logs) through scan, two inputs large enough for
# the second thread, the merge regression inputs and seeds through scan
# --merge,
# and every tests/fuzz/regress/args input as arguments. Any valgrind error
# (an uninitialised read, an invalid read, a leak) fails the case. The CLI
# goldens run under valgrind too (VALGRIND=1 tests/cli/run.sh), but their
# inputs are short: an uninitialised read in the scanner that ordinary logs
# trigger went unseen there (issue 11). Ends with "valgrind: N passed, M failed".
set -u
cd "$(dirname "$0")/../.." || exit 2
bin=${SMTPCODE:-./smtpcode}
passed=0
failed=0
command -v valgrind > /dev/null || { echo "valgrind: missing (make deps)"; echo "valgrind: 0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# Runs "$@" under valgrind with stdin from $input; a case by name $name.
run() {
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=all \
		--log-file="$tmp/vg" "$@" < "$input" > /dev/null 2>&1
	if [ "$?" = 99 ] || [ -s "$tmp/vg" ]; then
		failed=$((failed + 1))
		echo "FAIL valgrind $name"
		sed 's/^/    /' "$tmp/vg" | head -n 20
	else
		passed=$((passed + 1))
	fi
}

for input in tests/explain/samples/* tests/fuzz/regress/reply/*; do
	for mode in "explain" "explain --full" "explain --brief" "--json explain" "scan" "--json scan"; do
		name="$mode ${input#tests/}"
		# shellcheck disable=SC2086
		run "$bin" $mode
	done
done
for input in tests/logs/*.log tests/fuzz/seeds/logstat/*; do
	name="scan --json --top 1024 ${input#tests/}"
	run "$bin" scan --json --top 1024
done
# Inputs large enough that scan and explain start their second thread
# (src/cli/pipeline.c): the bench log's block, every sample at once.
awk -f tests/bench-log.awk > "$tmp/block.log"
cat tests/explain/samples/* tests/explain/wild/samples/* > "$tmp/samples.txt"
for input in "$tmp/block.log" "$tmp/samples.txt"; do
	for mode in "scan" "--json explain" "explain"; do
		name="$mode (two threads) ${input##*/}"
		# shellcheck disable=SC2086
		run "$bin" $mode
	done
done
for input in tests/fuzz/regress/merge/* tests/fuzz/seeds/merge/*; do
	name="scan --merge ${input#tests/}"
	run "$bin" scan --merge
	name="scan --merge --json ${input#tests/}"
	run "$bin" scan --merge --json
done
input=/dev/null
for f in tests/fuzz/regress/args/*; do
	set --
	while IFS= read -r line || [ -n "$line" ]; do set -- "$@" "$line"; done < "$f"
	name="args ${f#tests/}"
	run "$bin" "$@"
done
echo "valgrind: $passed passed, $failed failed"
[ "$failed" = 0 ]
