#!/bin/sh
# tests/fuzz/run.sh - run each libFuzzer target for FUZZ_SECONDS seconds
# (default 20) from its seeds (tests/fuzz/seeds/NAME), in a working corpus
# under build/fuzz/. A crash or a broken property stops with the input
# saved as build/fuzz/crash-*; put it under tests/fuzz/regress/NAME/ so
# that `make check` replays it for ever. Prints each target's executions.
set -u
cd "$(dirname "$0")/../.." || exit 2
seconds=${FUZZ_SECONDS:-20}
status=0
for t in args reply json; do
	corpus=build/fuzz/corpus-$t
	mkdir -p "$corpus"
	log=build/fuzz/$t.log
	build/fuzz/fuzz_$t -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
		-rss_limit_mb=512 -artifact_prefix=build/fuzz/ "$corpus" "tests/fuzz/seeds/$t" \
		> "$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	echo "fuzz $t: ${runs:-?} executions in ${seconds}s, $cov, exit $rc"
	if [ "$rc" != 0 ]; then
		tail -n 30 "$log"
		status=1
	fi
done
exit $status
