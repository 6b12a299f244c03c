#!/bin/sh
# tests/fuzz/run.sh - run each libFuzzer target for FUZZ_SECONDS seconds
# (default 20) from its seeds (tests/fuzz/seeds/NAME; reply_json shares
# those of reply), in a working corpus under build/fuzz/. A crash or a
# broken property stops with the input saved as build/fuzz/crash-*; put it
# under tests/fuzz/regress/NAME/ (reply for reply_json) so that `make
# check` replays it for ever. Prints each target's executions and
# executions per second.
#
# Inputs may be up to FUZZ_MAX_LEN bytes (default 140000). libFuzzer's own
# default is the largest seed (about 4.4 KB), which never reached the
# scanner's 16 KiB line buffer or the 64 KiB read of lines_read(); an
# over-read at the end of the line buffer went unseen that way (issue 11).
# Inputs generated here stand just under, at and just over each of those
# sizes: the reply target runs every one of them once, then fuzzes from its
# seeds (mutating 16 KiB inputs from the start would cost it three quarters
# of its speed; inputs still grow up to FUZZ_MAX_LEN). reply_json, which checks the JSON of every reply,
# keeps libFuzzer's default length: its cost is in the replies.
set -u
cd "$(dirname "$0")/../.." || exit 2
seconds=${FUZZ_SECONDS:-20}
max_len=${FUZZ_MAX_LEN:-140000}
status=0

# Boundary inputs: spaces, NULs, digits, '5' and "550 " lines, each 16383
# to 16385 and 65535 to 65537 bytes long, with and without a final newline.
edges=build/fuzz/edges
mkdir -p "$edges/16k" "$edges/64k"
for n in 16383 16384 16385 65535 65536 65537; do
	size=16k
	[ "$n" -gt 65000 ] && size=64k
	for fill in space nul digit five reply; do
		f=$edges/$size/$fill-$n
		[ -s "$f" ] && continue
		case $fill in
		space) head -c "$n" /dev/zero | tr '\0' ' ' ;;
		nul) head -c "$n" /dev/zero ;;
		digit) head -c "$n" /dev/zero | tr '\0' '0' ;;
		five) head -c "$n" /dev/zero | tr '\0' '5' ;;
		reply) { printf '550 5.1.1 '; head -c "$((n - 10))" /dev/zero | tr '\0' 'x'; } ;;
		esac > "$f"
		{ cat "$f"; echo; } > "$f-nl"
	done
done

for t in args reply reply_json json merge logstat scan_fast; do
	corpus=build/fuzz/corpus-$t
	mkdir -p "$corpus"
	log=build/fuzz/$t.log
	seeds=tests/fuzz/seeds/$t
	len=-max_len=$max_len
	case $t in
	reply)
		# The boundary inputs run once (below), not as seeds: mutating
		# 16 KiB inputs from the start cost three quarters of the speed.
		if ! build/fuzz/fuzz_reply -runs=0 "$len" -artifact_prefix=build/fuzz/ "$edges/16k" \
			"$edges/64k" > "$log" 2>&1; then
			echo "fuzz reply: a boundary input fails"
			tail -n 30 "$log"
			status=1
			continue
		fi
		;;
	reply_json) seeds=tests/fuzz/seeds/reply len= ;;
	esac
	# shellcheck disable=SC2086
	build/fuzz/fuzz_$t -max_total_time="$seconds" $len -print_final_stats=1 -timeout=10 \
		-rss_limit_mb=1024 -artifact_prefix=build/fuzz/ "$corpus" $seeds > "$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	echo "fuzz $t: ${runs:-?} executions in ${seconds}s (${rate:-?}/s), $cov, exit $rc"
	if [ "$rc" != 0 ]; then
		tail -n 30 "$log"
		status=1
	fi
done
exit $status
