#!/bin/sh
# tests/merge.sh - scan --merge: a log split in four parts, each scanned,
# then merged, gives the summary of the whole log, byte for byte; so does a
# merge of merges. Ends with one line: "merge: N passed, M failed".
set -u
cd "$(dirname "$0")/.." || exit 2
bin=${SMTPCODE:-./smtpcode}
passed=0
failed=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

check() { # check NAME EXPECTED-FILE ACTUAL-FILE
	if cmp -s "$2" "$3"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL merge: $1"
		diff "$2" "$3" | head -n 10
	fi
}

# The four samples, twice, so that a message's deferrals fall into two parts.
log=$tmp/mail.log
cat tests/logs/postfix.log tests/logs/exim.log tests/logs/sendmail.log \
	tests/logs/opensmtpd.log tests/logs/postfix.log > "$log"
lines=$(wc -l < "$log")
per=$(((lines + 3) / 4))
split -l "$per" "$log" "$tmp/part."
"$bin" scan --json --top 1024 "$log" > "$tmp/whole.json"
for p in "$tmp"/part.a?; do
	"$bin" scan --json --top 1024 "$p" > "$p.json"
done
"$bin" scan --merge --json --top 1024 "$tmp"/part.a?.json > "$tmp/merged.json"
check "four parts, merged" "$tmp/whole.json" "$tmp/merged.json"

cat "$tmp"/part.a?.json | "$bin" scan --merge --json --top 1024 > "$tmp/stdin.json"
check "four parts on standard input" "$tmp/whole.json" "$tmp/stdin.json"

"$bin" scan --merge --json --top 1024 "$tmp/part.aa.json" "$tmp/part.ab.json" > "$tmp/ab.json"
"$bin" scan --merge --json --top 1024 "$tmp/part.ac.json" "$tmp/part.ad.json" > "$tmp/cd.json"
"$bin" scan --merge --json --top 1024 "$tmp/ab.json" "$tmp/cd.json" > "$tmp/abcd.json"
check "a merge of merges" "$tmp/whole.json" "$tmp/abcd.json"

"$bin" scan --top 3 "$log" > "$tmp/whole.txt"
"$bin" scan --merge --top 3 "$tmp"/part.a?.json > "$tmp/merged.txt"
check "the text report of a merge" "$tmp/whole.txt" "$tmp/merged.txt"

# The deferred message of postfix.log, in the log twice, is one message.
deferred=$(jq .messages.deferred "$tmp/merged.json")
[ "$deferred" = 6 ] && passed=$((passed + 1)) ||
	{ failed=$((failed + 1)); echo "FAIL merge: deferred $deferred, not 6"; }

# Every fuzz regression input: no crash, status 0, 1 or 2, one error line
# at most.
for f in tests/fuzz/regress/merge/*; do
	"$bin" scan --merge --json < "$f" > /dev/null 2> "$tmp/err"
	rc=$?
	if [ "$rc" -le 2 ] && [ "$(wc -l < "$tmp/err")" -le 1 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL merge: regress ${f##*/}: exit $rc"
	fi
done

echo "merge: $passed passed, $failed failed"
[ "$failed" = 0 ]
