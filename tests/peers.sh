#!/bin/sh
# tests/peers.sh - scan's totals agree with pflogsumm's and eximstats' on our
# samples (tests/logs). The peers' reports are recorded beside the samples
# (postfix.pflogsumm: pflogsumm 1.1.5; exim.eximstats: eximstats of Exim
# 4.96), so this runs without them. With PEERS_RERUN=1, and where a peer
# is installed, it is run again and must still print what was recorded
# (not by default: a peer's own output is not ours to gate CI on; one
# eximstats run in a loaded CI printed nothing).
# Ends with one line: "peers: N passed, M failed".
set -u
cd "$(dirname "$0")/.." || exit 2
bin=${SMTPCODE:-./smtpcode}
passed=0
failed=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

same() { # same NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL peers: $1: expected $2, got $3"
	fi
}

# The number before WORDS on a line of pflogsumm's Grand Totals.
pf() { sed -n "s/^ *\([0-9][0-9]*\)  *$1.*/\1/p" tests/logs/postfix.pflogsumm; }
pf_deferrals() { sed -n 's/.*(\([0-9][0-9]*\) *deferrals).*/\1/p' tests/logs/postfix.pflogsumm; }
pf_percent() { sed -n 's/.*rejected (\([0-9]*\)%).*/\1/p' tests/logs/postfix.pflogsumm; }

"$bin" scan --json tests/logs/postfix.log > "$tmp/pf.json"
for k in received delivered forwarded deferred bounced rejected held discarded; do
	same "postfix $k" "$(pf "$k")" "$(jq .messages.$k "$tmp/pf.json")"
done
same "postfix reject warnings" "$(pf 'reject warnings')" "$(jq .messages.reject_warnings "$tmp/pf.json")"
same "postfix deferrals" "$(pf_deferrals)" "$(jq .messages.deferrals "$tmp/pf.json")"
same "postfix rejected %" "$(pf_percent)" "$(jq .messages.rejected_percent "$tmp/pf.json")"
# The Per-Hour Traffic Summary: one line per hour, five counts.
awk '/^    [0-9][0-9]00-/ { print $2, $3, $4, $5, $6 }' tests/logs/postfix.pflogsumm > "$tmp/pf.hours"
jq -r '.time.per_hour | [range(24) as $h | "\(.received[$h]) \(.delivered[$h]) \(.deferred[$h]) \(.bounced[$h]) \(.rejected[$h])"] | .[]' \
	"$tmp/pf.json" > "$tmp/scan.hours"
same "postfix per hour" "$(cat "$tmp/pf.hours")" "$(cat "$tmp/scan.hours")"

# eximstats reads fixed columns, so the sample's one line with +subsecond,
# a time zone and +pid is left out for it (and for this comparison).
grep -v '\[4242\]' tests/logs/exim.log > "$tmp/exim.log"
"$bin" scan --json "$tmp/exim.log" > "$tmp/ex.json"
ex() { awk -v row="$1" -v col="$2" '$1 == row { print $col }' tests/logs/exim.eximstats; }
same "exim received" "$(ex Received 3)" "$(jq .messages.received "$tmp/ex.json")"
same "exim delivered (addresses)" "$(ex Delivered 4)" "$(jq .messages.delivered "$tmp/ex.json")"
same "exim rejected" "$(ex Rejects 2)" "$(jq .messages.rejected "$tmp/ex.json")"

if [ "${PEERS_RERUN:-0}" = 1 ] && command -v pflogsumm > /dev/null 2>&1; then
	pflogsumm tests/logs/postfix.log 2> /dev/null |
		sed -n '/^Grand Totals/,/discarded/p; /^Per-Hour Traffic/,/2300-2400/p' > "$tmp/pf.now"
	same "pflogsumm as recorded" "$(cat tests/logs/postfix.pflogsumm)" "$(cat "$tmp/pf.now")"
fi
if [ "${PEERS_RERUN:-0}" = 1 ] && command -v eximstats > /dev/null 2>&1; then
	eximstats -nr -nt -ne -h0 -q0 "$tmp/exim.log" 2> /dev/null |
		sed -n '/^Grand total/,/Rejects/p' > "$tmp/ex.now"
	same "eximstats as recorded" "$(cat tests/logs/exim.eximstats)" "$(cat "$tmp/ex.now")"
fi
echo "peers: $passed passed, $failed failed"
[ "$failed" = 0 ]
