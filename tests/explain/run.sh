#!/bin/sh
# tests/explain/run.sh - every sample of samples/ through `smtpcode --json
# explain`, compared with expected.tsv (the rules are in README.md): the
# replies found, their line spans, codes, commands and warnings. Enhanced
# codes are compared as sets of the valid ones (a malformed code is a
# warning, not a code), warnings as sets. One test per expected reply, and
# one per file for finding nothing more.
#   run.sh [DIR [NAME]]  another corpus of the same layout (DIR relative to
#   the top of the tree, default tests/explain) and the name its lines start
#   with (default explain). EXPLAIN_COUNTS=1 adds one line per sample:
#   found (expected rows given exactly), expected, partial (a reply given
#   over an expected row's lines, other columns wrong) and false (a reply
#   over no expected row's lines).
set -u
cd "$(dirname "$0")/../.." || exit 2
bin=${SMTPCODE:-./smtpcode}
dir=${1:-tests/explain}
name=${2:-explain}
counts=${EXPLAIN_COUNTS:-0}
command -v jq > /dev/null || { echo "$name: jq is missing (make deps)"; echo "$name: 0 passed, 1 failed"; exit 1; }
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
			echo "FAIL $name missing: $row"
		fi
	done < "$tmp/want"
	extra=$(grep -vxF -f "$tmp/want" "$tmp/got")
	if [ -n "$extra" ] || [ ! -s "$tmp/want" ] && [ -s "$tmp/got" ]; then
		failed=$((failed + 1))
		printf '%s\n' "$extra" | sed "s/^/FAIL $name extra:   /"
	else
		passed=$((passed + 1))
	fi
	[ "$counts" = 1 ] && awk -F'\t' -v f="$f" -v wantf="$tmp/want" '
		BEGIN { while ((getline r < wantf) > 0) { want[r] = 1; split(r, c, "\t"); wf[++nw] = c[2] + 0; wl[nw] = c[3] + 0 } }
		$0 in want { found++; next }
		{ hit = 0; for (i = 1; i <= nw; i++) if ($2 + 0 <= wl[i] && $3 + 0 >= wf[i]) hit = 1
		  if (hit) partial++; else bad++ }
		END { printf "%s: found %d/%d, partial %d, false %d\n", f, found, nw, partial, bad }
	' "$tmp/got"
done
echo "$name: $passed passed, $failed failed"
[ "$failed" = 0 ]
