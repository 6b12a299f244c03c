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

# Samples with control characters, NUL and invalid UTF-8 come back from
# the JSON byte for byte: a merge of one summary is that summary.
"$bin" scan --json < tests/cli/scan-detail-hostile.in > "$tmp/hostile.json"
"$bin" scan --merge --json "$tmp/hostile.json" > "$tmp/hostile-merged.json"
check "hostile samples, merged" "$tmp/hostile.json" "$tmp/hostile-merged.json"

# A row's sample is the first input's that has the row: two logs with the
# same code and different texts, merged in either order.
printf '%s\n' 'Nov 29 10:00:00 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[192.0.2.1]: 554 5.7.1 first text; from=<a@example.net>' > "$tmp/one.log"
printf '%s\n' 'Nov 29 11:00:00 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[192.0.2.1]: 554 5.7.1 second text; from=<a@example.net>' > "$tmp/two.log"
"$bin" scan --json "$tmp/one.log" > "$tmp/one.json"
"$bin" scan --json "$tmp/two.log" > "$tmp/two.json"
for order in "one two" "two one"; do
	set -- $order
	got=$("$bin" scan --merge --json "$tmp/$1.json" "$tmp/$2.json" |
		jq -r '[.detail.rejected.codes[0] | .count, .sample] | @tsv')
	if [ "$got" = "$(printf '2\t%s text' "$([ "$1" = one ] && echo first || echo second)")" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL merge: sample of the first input ($order): $got"
	fi
done

# The deferred message of postfix.log, in the log twice, is one message.
deferred=$(jq .messages.deferred "$tmp/merged.json")
[ "$deferred" = 6 ] && passed=$((passed + 1)) ||
	{ failed=$((failed + 1)); echo "FAIL merge: deferred $deferred, not 6"; }

# The scan object has the keys and types man/smtpcode.1 (Scan object) lists.
schema='def n: type=="number" and . >= 0 and floor == .;
def counts($k): (keys == ($k|sort)) and all(.[]; n);
def table: (keys == ["max_error","other","rows"]) and (.max_error|n)
  and (.other|counts(["delivered","deferred","bounced"]))
  and all(.rows[]; (keys == ["bounced","deferred","delivered","error","name"]) and (.name|type=="string")
    and ([.delivered,.deferred,.bounced,.error]|all(n)));
def dir: IN("by_us","by_remote","unknown");
def sample: type=="string" and utf8bytelength <= 71;
def section: (keys == ["codes","codes_other","reasons"]) and (.codes_other|n)
  and all(.reasons[]; (keys == ["count","direction","reason","sample"]) and (.count|n) and (.count > 0)
    and (.direction|dir) and (.reason|test("^[a-z]+$")) and (.sample|sample))
  and all(.codes[]; (keys == ["code","count","direction","sample"]) and (.count|n) and (.count > 0)
    and (.direction|dir) and (.sample|sample)
    and (.code|test("^([1-5][0-9]{2}( [245]\\.[0-9]{1,3}\\.[0-9]{1,3})?|[245]\\.[0-9]{1,3}\\.[0-9]{1,3}|)$")));
(keys == ["basic","classes","detail","domains","enhanced","enhanced_other","kind","lines","messages",
  "mta_lines","outcomes","refusals","relays","replies","time"])
and (.detail|(keys == ["bounced","deferrals","rejected","sample_bytes"]) and (.sample_bytes == 71)
  and (.rejected|section) and (.deferrals|section) and (.bounced|section)
  and ([.rejected.reasons[].count]|add) == $m.rejected
  and ([.deferrals.codes[].count]|add) + .deferrals.codes_other == $m.deferrals
  and ([.bounced.reasons[].count]|add) == $m.bounced)
and (.messages|(keys == (["received","delivered","forwarded","deferred","deferrals","bounced","expired",
  "rejected","reject_warnings","held","discarded","probes","soft_bounced","temp_rejected","rejected_percent","discarded_percent",
  "deferred_ids"]|sort)) and ([.[]|select(type=="number")]|all(n))
  and all(.deferred_ids[]; test("^[0-9a-f]{16}$")) and (.deferred_ids == (.deferred_ids|sort)))
and (.refusals|(keys == ["by_remote","by_us"]) and all(.[]; counts(["lines","4xx","5xx"])))
and (.mta_lines|counts(["postfix","exim","sendmail","opensmtpd"]))
and (.domains|table) and (.relays|table)
and (.time|(keys == ["first","last","per_day","per_hour"])
  and all(.per_day[]; (keys == (["day","received","delivered","deferred","bounced","rejected"]|sort))
    and (.day|test("^(([0-9]{4}|-)-[0-9]{2}-[0-9]{2}|other)$")) and ([.[]|select(type=="number")]|all(n)))
  and ([.per_day[].received]|add // 0) == (.per_hour.received|add)
  and all(.first,.last; . == null or test("^([0-9]{4}|-)-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$"))
  and (.per_hour|(keys == (["received","delivered","deferred","bounced","rejected"]|sort))
    and all(.[]; length == 24 and all(.[]; n))))'
for f in "$tmp/whole.json" "$tmp/merged.json"; do
	if jq -e ".messages as \$m | $schema" "$f" > /dev/null; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL merge: schema of ${f##*/}"
	fi
done

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
