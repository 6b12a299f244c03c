#!/bin/sh
# tests/bench.sh - make bench: what smtpcode costs, as ratios.
#   1. Instructions (valgrind --tool=callgrind: repeatable on a busy machine)
#      of a few commands, against /bin/true, the floor of starting any
#      dynamically linked process. Goal: smtpcode 252 within 1.5 times.
#   2. Batch lookups (`smtpcode --json -`, codes on standard input) against
#      one process per code: lookups per second.
#   3. smtpcode scan on a generated Postfix log of at least 256 MiB against
#      grep -c 'status=' and wc -l, alternating, median of 3; peak memory.
#      Goal: at least half of grep's throughput, under 4 MiB.
# Never part of make check. Installs valgrind and GNU time where missing.
set -u
cd "$(dirname "$0")/.." || exit 2
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
make -s smtpcode || exit 1

count() { # instructions of a command
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null |
		sed -n 's/.*Collected : *//p'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

echo "Machine: $(nproc) cores, $(uname -m), $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)"
echo
echo "1. Instructions per run (callgrind)"
floor=$(count /bin/true)
printf '  %-28s %12s %8s\n' "command" "instructions" "x true"
printf '  %-28s %12s %8s\n' "/bin/true" "$floor" "1.00"
for args in "252" "compare 251 551" "--json 550" "5xx"; do
	# shellcheck disable=SC2086
	n=$(count ./smtpcode $args)
	printf '  %-28s %12s %8s\n' "smtpcode $args" "$n" "$(ratio "$n" "$floor")"
done
echo "  goal: smtpcode 252 within 1.50 x /bin/true"

echo
echo "2. Batch lookups"
./smtpcode list --codes-only > "$dir/codes.txt"
awk '{ a[NR] = $0 } END { for (i = 0; i < 100000; i++) print a[i % NR + 1] }' \
	"$dir/codes.txt" > "$dir/100k.txt"
t0=$(now)
./smtpcode --json - < "$dir/100k.txt" > /dev/null
t1=$(now)
batch=$(elapsed "$t0" "$t1")
t0=$(now)
i=0
while [ $i -lt 1000 ]; do ./smtpcode --json 550 > /dev/null; i=$((i + 1)); done
t1=$(now)
single=$(elapsed "$t0" "$t1")
awk -v b="$batch" -v s="$single" 'BEGIN {
	printf "  batch:  100000 lookups in %.2f s: %.0f lookups/s\n", b, 100000 / b
	printf "  single: 1000 processes in %.2f s: %.0f lookups/s\n", s, 1000 / s
	printf "  batch is %.0f x faster than one process per code\n", (100000 / b) / (1000 / s)
}'

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
# Output to a file, not /dev/null: GNU grep stops at the first match when
# its output is /dev/null, which would measure nothing.
run() { t0=$(now); "$@" > "$dir/out"; t1=$(now); elapsed "$t0" "$t1"; }
: > "$dir/times"
for round in 1 2 3; do
	printf 'scan %s\ngrep %s\nwc %s\n' "$(run ./smtpcode scan "$log")" \
		"$(run grep -c 'status=' "$log")" "$(run wc -l "$log")" >> "$dir/times"
done
median() { grep "^$1 " "$dir/times" | cut -d' ' -f2 | sort -n | sed -n 2p; }
scan=$(median scan) grep=$(median grep) wc=$(median wc)
rss=$(/usr/bin/time -v ./smtpcode scan "$log" 2>&1 > /dev/null |
	sed -n 's/.*Maximum resident set size (kbytes): //p')
awk -v n="$size" -v s="$scan" -v g="$grep" -v w="$wc" -v r="$rss" 'BEGIN {
	mb = n / 1048576
	printf "  log: %.0f MiB\n", mb
	printf "  %-22s %8s %10s %14s\n", "command", "seconds", "MiB/s", "x grep speed"
	printf "  %-22s %8.3f %10.0f %14.2f\n", "smtpcode scan", s, mb / s, g / s
	printf "  %-22s %8.3f %10.0f %14.2f\n", "grep -c status=", g, mb / g, 1
	printf "  %-22s %8.3f %10.0f %14.2f\n", "wc -l", w, mb / w, g / w
	printf "  smtpcode scan peak memory: %.1f MiB (goal: under 4)\n", r / 1024
	printf "  goal: scan at least 0.50 x grep speed\n"
}'
