#!/bin/sh
# tests/explain/run.sh - every sample of samples/ through `smtpcode --json
# explain`, compared with expected.tsv (the rules are in README.md): the
# replies found, their line spans, codes, commands and warnings. Enhanced
# codes are compared as sets of the valid ones (a malformed code is a
# warning, not a code), warnings as sets. One test per expected reply, and
# one per file for finding nothing more.
set -u
cd "$(dirname "$0")/../.." || exit 2
bin=${SMTPCODE:-./smtpcode}
dir=tests/explain
command -v jq > /dev/null || { echo "explain: jq is missing (make deps)"; echo "explain: 0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
valid='^[245][.](0|[1-9][0-9]?[0-9]?)[.](0|[1-9][0-9]?[0-9]?)$'

# expected.tsv -> normalised rows: file first last basic enhanced command warnings
awk -F'\t' -v valid="$valid" 'NR > 1 {
	n = split($5, e, ","); out = ""
	for (i = 1; i <= n; i++) if (e[i] ~ valid) keep[e[i]] = 1
	m = 0; for (k in keep) s[++m] = k
	for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (s[j] < s[i]) { t = s[i]; s[i] = s[j]; s[j] = t }
	for (i = 1; i <= m; i++) out = out (i > 1 ? "," : "") s[i]
	delete keep; delete s
	n = split($7, w, ","); ws = ""
	for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (w[j] < w[i]) { t = w[i]; w[i] = w[j]; w[j] = t }
	for (i = 1; i <= n; i++) ws = ws (i > 1 ? "," : "") w[i]
	print $1 "\t" $2 "\t" $3 "\t" $4 "\t" (out == "" ? "-" : out) "\t" $6 "\t" ws
}' "$dir/expected.tsv" > "$tmp/expected"

passed=0
failed=0
for sample in "$dir"/samples/*.txt; do
	f=${sample##*/}
	"$bin" --json explain < "$sample" 2> /dev/null |
	jq -r --arg f "$f" '[$f, (.lines[0]|tostring), (.lines[1]|tostring), (.basic // "-"),
		((.enhanced|sort|join(",")) | if . == "" then "-" else . end),
		(.command // "-"),
		(([.warnings[].kind]|sort|join(",")) | if . == "" then "-" else . end)] | @tsv' \
		> "$tmp/got" 2> /dev/null
	grep "^$f	" "$tmp/expected" > "$tmp/want"
	while IFS= read -r row; do
		if grep -qxF "$row" "$tmp/got"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
			echo "FAIL explain missing: $row"
		fi
	done < "$tmp/want"
	extra=$(grep -vxF -f "$tmp/want" "$tmp/got")
	if [ -n "$extra" ] || [ ! -s "$tmp/want" ] && [ -s "$tmp/got" ]; then
		failed=$((failed + 1))
		printf '%s\n' "$extra" | sed 's/^/FAIL explain extra:   /'
	else
		passed=$((passed + 1))
	fi
done
echo "explain: $passed passed, $failed failed"
[ "$failed" = 0 ]
