#!/bin/sh
# tests/bench.sh - make bench: what smtpcode costs, as ratios.
#   1. Instructions (valgrind --tool=callgrind: repeatable on a busy machine)
#      of a few commands, against /bin/true, the floor of starting any
#      dynamically linked process. Goals: smtpcode 252 within 1.2 times,
#      compare 251 551 within 2.0, --json 550 within 1.6.
#   2. Batch lookups (`smtpcode --json -`, codes on standard input) against
#      one process per code: lookups per second.
#   3. smtpcode scan on a generated Postfix log of at least 256 MiB against
#      grep -c 'status=' and wc -l, alternating, median of 3; peak memory;
#      the CPU time of both (scan counts its log totals in a second thread).
#      Goal: at least half of grep's throughput, under 4 MiB.
#   4. Line ends: scan of 16 Mi "5" lines ended by LF, by CR alone and by
#      CRLF, median of 3 (CPU seconds). Goal: CR and CRLF as fast as LF.
#   5. Distinct enhanced codes: scan of 1,000,000 lines that each carry a
#      new code (5.0.0 to 5.999.999) against 1,000,000 lines of one code,
#      median of 3 (CPU seconds). Goal: the same speed.
#   6. Distinct names: scan (all its figures: totals, refusals, domains,
#      relays, hours) of 1,000,000 lines of the four MTAs' logs, each with a
#      new queue id, domain and relay (tests/bench-names.awk): MiB/s, peak
#      memory, and the same for --json, whose deferred ids are the largest
#      output. Goal: under 8 MiB.
#   7. explain as one stream: the samples of tests/explain and
#      tests/explain/wild, repeated to at least 64 MiB, through explain
#      (text and --json), median of 3, elapsed and CPU seconds (explain
#      formats in a second thread, so CPU time exceeds elapsed time). Goal:
#      at least 60 MiB/s (elapsed) with verdicts on.
# At the end, a row for each target of issue 16 that the sections run
# measured: today's figure, the target, and whether it is met.
# Never part of make check. Installs valgrind and GNU time where missing.
# Arguments pick sections (sh tests/bench.sh 4 5); SMTPCODE names the
# program to measure (default ./smtpcode, built first).
set -u
cd "$(dirname "$0")/.." || exit 2
sections=${*:-1 2 3 4 5 6 7}
want() { case " $sections " in *" $1 "*) return 0 ;; esac; return 1; }
dir=build/bench
mkdir -p "$dir"
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
need() { # command, Debian package
	command -v "$1" > /dev/null && return 0
	[ -x "$1" ] && return 0
	command -v apt-get > /dev/null && $sudo apt-get install -y -qq "$2" > /dev/null 2>&1
}
need valgrind valgrind
need /usr/bin/time time
if [ -z "${SMTPCODE:-}" ]; then make -s smtpcode || exit 1; fi
bin=${SMTPCODE:-./smtpcode}

count() { # instructions of a command
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null |
		sed -n 's/.*Collected : *//p'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
ratio3() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }
now() { date +%s.%N; }
# One row of the targets table: target WHAT TODAY OP GOAL UNIT (OP is <= or >=).
: > "$dir/targets"
target() {
	awk -v w="$1" -v t="$2" -v op="$3" -v g="$4" -v u="$5" 'BEGIN {
		met = op == "<=" ? t + 0 <= g + 0 : t + 0 >= g + 0
		if (t + 0 <= 0) { # a run that failed measures nothing
			t = "-"; u = ""; met = -1
		}
		printf "  %-34s %12s %14s  %s\n", w, t u, op " " g u,
			met < 0 ? "not measured" : met ? "met" : "NOT MET"
	}' >> "$dir/targets"
}
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

echo "Machine: $(nproc) cores, $(uname -m), $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)"
if want 1; then
echo
echo "1. Instructions per run (callgrind)"
floor=$(count /bin/true)
printf '  %-28s %12s %8s\n' "command" "instructions" "x true"
printf '  %-28s %12s %8s\n' "/bin/true" "$floor" "1.00"
for args in "252" "compare 251 551" "--json 550" "5xx"; do
	# shellcheck disable=SC2086
	n=$(count "$bin" $args)
	printf '  %-28s %12s %8s\n' "smtpcode $args" "$n" "$(ratio "$n" "$floor")"
	case $args in
	252) target "smtpcode 252 (x /bin/true)" "$(ratio3 "$n" "$floor")" "<=" 1.20 "" ;;
	"compare 251 551") target "smtpcode compare 251 551" "$(ratio3 "$n" "$floor")" "<=" 2.0 "" ;;
	"--json 550") target "smtpcode --json 550" "$(ratio3 "$n" "$floor")" "<=" 1.6 "" ;;
	esac
done
command -v readelf > /dev/null &&
	echo "  start-up relocations of $bin: $(readelf -rW "$bin" | grep -c R_X86_64_RELATIVE) (about 12 instructions each; keep tables of strings as arrays)"
echo "  goals (issue 16): smtpcode 252 within 1.20 x /bin/true, compare 251 551 within 2.0, --json 550 within 1.6"
fi

if want 2; then
echo
echo "2. Batch lookups"
"$bin" list --codes-only > "$dir/codes.txt"
awk '{ a[NR] = $0 } END { for (i = 0; i < 100000; i++) print a[i % NR + 1] }' \
	"$dir/codes.txt" > "$dir/100k.txt"
t0=$(now)
"$bin" --json - < "$dir/100k.txt" > /dev/null
t1=$(now)
batch=$(elapsed "$t0" "$t1")
t0=$(now)
i=0
while [ $i -lt 1000 ]; do "$bin" --json 550 > /dev/null; i=$((i + 1)); done
t1=$(now)
single=$(elapsed "$t0" "$t1")
awk -v b="$batch" -v s="$single" 'BEGIN {
	printf "  batch:  100000 lookups in %.2f s: %.0f lookups/s\n", b, 100000 / b
	printf "  single: 1000 processes in %.2f s: %.0f lookups/s\n", s, 1000 / s
	printf "  batch is %.0f x faster than one process per code\n", (100000 / b) / (1000 / s)
}'
target "batch lookups per second" "$(awk -v b="$batch" 'BEGIN { printf "%.0f", 100000 / b }')" \
	">=" 120000 ""
fi

# Output to a file, not /dev/null: GNU grep stops at the first match when
# its output is /dev/null, which would measure nothing.
run() { t0=$(now); "$@" > "$dir/out"; t1=$(now); elapsed "$t0" "$t1"; }
# The median of 3 runs of a command, in seconds of CPU time (user + system:
# steadier than elapsed time on a machine that runs other work).
cpu() { /usr/bin/time -f '%U %S' "$@" 2>&1 > "$dir/out" | tail -n 1 | awk '{ print $1 + $2 }'; }
median3() {
	for _ in 1 2 3; do cpu "$@"; done | sort -n | sed -n 2p
}
# The same with standard input read from a file: median3_in FILE command...
median3_in() {
	f=$1
	shift
	for _ in 1 2 3; do cpu "$@" < "$f"; done | sort -n | sed -n 2p
}
# The median of 3 runs' elapsed seconds, standard input from a file:
# wall3_in FILE command...
wall3_in() {
	f=$1
	shift
	for _ in 1 2 3; do t0=$(now); "$@" < "$f" > "$dir/out"; t1=$(now); elapsed "$t0" "$t1"; echo; done |
		sort -n | sed -n 2p
}
# One row: a label, the size of the input in bytes, the seconds.
mibs() {
	awk -v l="$1" -v n="$2" -v s="$3" 'BEGIN { printf "  %-26s %8.3f %10.1f\n", l, s, n / 1048576 / s }'
}

if want 3; then
echo
echo "3. scan throughput"
log=$dir/mail.log
if [ ! -s "$log" ] || [ "$(wc -c < "$log")" -lt 268435456 ]; then
	awk -f tests/bench-log.awk > "$dir/block.log"
	cp "$dir/block.log" "$log"
	while [ "$(wc -c < "$log")" -lt 268435456 ]; do
		cat "$log" "$log" > "$log.tmp" && mv "$log.tmp" "$log"
	done
fi
size=$(wc -c < "$log")
: > "$dir/times"
for _ in 1 2 3; do
	printf 'scan %s\ngrep %s\nwc %s\n' "$(run "$bin" scan "$log")" \
		"$(run grep -c 'status=' "$log")" "$(run wc -l "$log")" >> "$dir/times"
done
median() { grep "^$1 " "$dir/times" | cut -d' ' -f2 | sort -n | sed -n 2p; }
scan=$(median scan) grep=$(median grep) wc=$(median wc)
# CPU seconds too (user + system, median of 3): on a machine that runs
# other work, elapsed time counts the waits for a core.
scan_cpu=$(median3 "$bin" scan "$log") grep_cpu=$(median3 grep -c 'status=' "$log")
rss=$(/usr/bin/time -v "$bin" scan "$log" 2>&1 > /dev/null |
	sed -n 's/.*Maximum resident set size (kbytes): //p')
awk -v n="$size" -v s="$scan" -v g="$grep" -v w="$wc" -v r="$rss" -v sc="$scan_cpu" \
	-v gc="$grep_cpu" 'BEGIN {
	mb = n / 1048576
	printf "  log: %.0f MiB\n", mb
	printf "  %-22s %8s %10s %14s\n", "command", "seconds", "MiB/s", "x grep speed"
	printf "  %-22s %8.3f %10.0f %14.2f\n", "smtpcode scan", s, mb / s, g / s
	printf "  %-22s %8.3f %10.0f %14.2f\n", "grep -c status=", g, mb / g, 1
	printf "  %-22s %8.3f %10.0f %14.2f\n", "wc -l", w, mb / w, g / w
	printf "  CPU seconds: smtpcode scan %.3f, grep %.3f: %.2f x grep speed\n", sc, gc, \
		(sc > 0 ? gc / sc : 0)
	printf "  smtpcode scan peak memory: %.1f MiB (goal: under 4)\n", r / 1024
	printf "  goal: scan at least 0.50 x grep speed\n"
}'
target "scan (x grep's speed)" "$(ratio3 "$grep" "$scan")" ">=" 0.50 ""
target "scan peak memory" "$(awk -v r="$rss" 'BEGIN { printf "%.1f", r / 1024 }')" "<=" 4 " MiB"
fi

if want 4; then
echo
echo "4. Line ends (scan of 16 Mi lines \"5\")"
head -c 16777216 /dev/zero | tr '\0' '5' | fold -w 1 > "$dir/lf.txt"
tr '\n' '\r' < "$dir/lf.txt" > "$dir/cr.txt"
sed 's/$/\r/' "$dir/lf.txt" > "$dir/crlf.txt"
printf '  %-26s %8s %10s\n' "input" "CPU s" "MiB/s"
for eol in lf cr crlf; do
	mibs "5 and $eol" "$(wc -c < "$dir/$eol.txt")" "$(median3 "$bin" scan "$dir/$eol.txt")"
done
echo "  goal: cr and crlf as fast as lf"
fi

if want 5; then
echo
echo "5. Distinct enhanced codes (scan of 1,000,000 lines)"
awk 'BEGIN { for (s = 0; s < 1000; s++) for (d = 0; d < 1000; d++) printf "550 5.%d.%d x\n", s, d }' \
	> "$dir/distinct.txt"
awk 'BEGIN { for (i = 0; i < 1000000; i++) print "550 5.1.1 x" }' > "$dir/same.txt"
printf '  %-26s %8s %10s\n' "input" "CPU s" "MiB/s"
mibs "1,000,000 distinct codes" "$(wc -c < "$dir/distinct.txt")" \
	"$(median3 "$bin" scan "$dir/distinct.txt")"
mibs "one code 1,000,000 times" "$(wc -c < "$dir/same.txt")" "$(median3 "$bin" scan "$dir/same.txt")"
echo "  goal: the same speed"
fi

if want 6; then
echo
echo "6. Distinct names (scan of 1,000,000 lines of four MTAs)"
[ -s "$dir/names.log" ] || awk -f tests/bench-names.awk > "$dir/names.log"
size=$(wc -c < "$dir/names.log")
printf '  %-26s %8s %10s %9s\n' "command" "CPU s" "MiB/s" "peak MiB"
for json in "" --json; do
	# shellcheck disable=SC2086
	s=$(median3 "$bin" scan $json "$dir/names.log")
	# shellcheck disable=SC2086
	rss=$(/usr/bin/time -v "$bin" scan $json "$dir/names.log" 2>&1 > /dev/null |
		sed -n 's/.*Maximum resident set size (kbytes): //p')
	awk -v l="smtpcode scan $json" -v n="$size" -v s="$s" -v r="$rss" \
		'BEGIN { printf "  %-26s %8.3f %10.1f %9.1f\n", l, s, n / 1048576 / s, r / 1024 }'
done
echo "  goal: peak memory under 8 MiB"
fi

if want 7; then
echo
echo "7. explain as one stream (tests/explain and wild samples, repeated)"
corpus=$dir/explain-corpus.txt
# Each sample is one input. A sample whose text ends inside an encoded body
# (a single-part quoted-printable message: 43-vacation-reply; a paste that
# starts at a part's header: wild 15-qp-base64) would have every later line
# of the stream decoded as quoted-printable, which separate messages are
# not: such a sample (found by a probe line after it that comes out
# decoded) goes in as the message/rfc822 part of a multipart, whose
# closing boundary ends it.
probe='x: 550 5.1.1 <a=3Db@example.org>'
for f in tests/explain/samples/* tests/explain/wild/samples/*; do
	if { cat "$f"; echo "$probe"; } | "$bin" explain --json | grep -q '"a=b@example.org"'; then
		printf '\nContent-Type: multipart/mixed; boundary="bench-end"\n\n--bench-end\n'
		printf 'Content-Type: message/rfc822\n\n'
		cat "$f"
		printf '\n--bench-end--\n'
	else
		cat "$f"
	fi
done > "$dir/explain-once.txt"
: > "$corpus"
while [ "$(wc -c < "$corpus")" -lt 67108864 ]; do cat "$dir/explain-once.txt" >> "$corpus"; done
size=$(wc -c < "$corpus")
# explain formats the replies in a second thread (src/cli/pipeline.c): the
# elapsed time is what a user waits, the CPU time what both threads cost.
printf '  %-26s %8s %10s %8s %10s\n' "command" "seconds" "MiB/s" "CPU s" "CPU MiB/s"
for json in "" --json; do
	# shellcheck disable=SC2086
	w=$(wall3_in "$corpus" "$bin" explain $json)
	# shellcheck disable=SC2086
	s=$(median3_in "$corpus" "$bin" explain $json)
	awk -v l="smtpcode explain $json" -v n="$size" -v w="$w" -v s="$s" 'BEGIN {
		printf "  %-26s %8.3f %10.1f %8.3f %10.1f\n", l, w, n / 1048576 / w, s, n / 1048576 / s }'
	[ -z "$json" ] && target "explain as a stream (text)" \
		"$(awk -v n="$size" -v s="$w" 'BEGIN { printf "%.1f", n / 1048576 / s }')" ">=" 60 " MiB/s"
done
echo "  goal (issue 16): at least 60 MiB/s with verdicts on"
fi

if [ -s "$dir/targets" ]; then
	echo
	echo "Targets of issue 16 (the sections run)"
	printf '  %-34s %12s %14s  %s\n' "what" "today" "target" ""
	cat "$dir/targets"
fi
