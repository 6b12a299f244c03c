#!/bin/sh
# tests/escapes.sh - hostile input never reaches the terminal raw
# (smtpcode(1), "Control characters and invalid UTF-8"). A property check
# over a few MB of seeded random text: the text output of explain and scan,
# and what goes to stderr, hold no control byte but the newlines smtpcode
# writes itself (no 0x00-0x09, 0x0B-0x1F or 0x7F), are valid UTF-8, and hold
# no C1 control (U+0080 to U+009F). Then the reproductions of issue 11.
set -u
cd "$(dirname "$0")/.." || exit 2
bin=${SMTPCODE:-./smtpcode}
passed=0
failed=0
check() { # name, status of the condition
	if [ "$2" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL escapes $1"; fi
}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# Lines that start like replies, bounces and logs, then random bytes (all
# but newline) mixed with ordinary words. awk's own generator, seeded: the
# same input on every run of the same awk.
random_text() { # seed, lines
	LC_ALL=C awk -v seed="$1" -v lines="$2" 'BEGIN {
		srand(seed)
		for (i = 1; i < 256; i++)
			if (i != 10)
				chr[++n] = sprintf("%c", i)
		np = split("550 |550-|451 4.7.1 |250 2.0.0 Ok |554 5.7.1 |421-|" \
			"Diagnostic-Code: smtp; 550 5.1.1 |Status: 5.1.1|" \
			"status=bounced (host mx said: 550 5.1.1 |<<< 550 5.7.1 |5.1.1 |", pre, "|")
		words = "abc de fgh 550 5.1.1 ij\t"
		for (l = 0; l < lines; l++) {
			s = pre[int(rand() * np) + 1]
			k = int(rand() * 120)
			for (j = 0; j < k; j++)
				s = s (rand() < 0.6 ? chr[int(rand() * n) + 1] \
				                    : substr(words, int(rand() * length(words)) + 1, 1))
			print s
		}
	}'
}

# The bytes of file f that must never reach a terminal: C0 but newline, DEL.
controls() {
	LC_ALL=C tr -d '\n' < "$1" | LC_ALL=C tr -cd '\000-\037\177' | wc -c | tr -d ' '
}
# Lines of f holding a C1 control in UTF-8 (C2 80 to C2 9F).
c1_lines() {
	LC_ALL=C grep -a -c "$(printf '\302[\200-\237]')" "$1"
}
# Each output: no control byte, valid UTF-8, no C1.
clean() { # name, file
	n=$(controls "$2")
	[ "$n" = 0 ]
	check "$1: no control bytes (found $n)" $?
	iconv -f UTF-8 -t UTF-8 "$2" > /dev/null 2>&1
	check "$1: valid UTF-8" $?
	n=$(c1_lines "$2")
	[ "$n" = 0 ]
	check "$1: no C1 controls (lines: $n)" $?
}

random_text 11 30000 > "$tmp/in"
[ "$(wc -c < "$tmp/in")" -gt 2000000 ] && [ "$(controls "$tmp/in")" -gt 100000 ]
check "the random input is large and hostile" $?
"$bin" explain < "$tmp/in" > "$tmp/explain" 2> "$tmp/explain.err"
[ -s "$tmp/explain" ] && grep -q '^== Reply ' "$tmp/explain"
check "explain finds replies in the random input" $?
clean "explain" "$tmp/explain"
clean "explain stderr" "$tmp/explain.err"
# --full shows each reply's text, --brief a field of it (the recipient).
for form in full brief; do
	"$bin" explain --$form < "$tmp/in" > "$tmp/explain-$form" 2> /dev/null
	[ -s "$tmp/explain-$form" ]
	check "explain --$form prints the random input's replies" $?
	clean "explain --$form" "$tmp/explain-$form"
done
"$bin" scan < "$tmp/in" > "$tmp/scan" 2> "$tmp/scan.err"
grep -q '^Read [0-9]* lines, found [1-9][0-9]* replies' "$tmp/scan"
check "scan reads the random input" $?
clean "scan" "$tmp/scan"
clean "scan stderr" "$tmp/scan.err"
# Batch lookups: each line is a code; the bad ones are echoed on stderr.
"$bin" - < "$tmp/in" > "$tmp/batch" 2> "$tmp/batch.err"
[ -s "$tmp/batch.err" ]
check "batch: the random lines are reported" $?
clean "batch" "$tmp/batch"
clean "batch stderr" "$tmp/batch.err"
# JSON stays JSON: one valid object a line, C0 and DEL escaped as RFC 8259
# wants (C1 characters are valid there and pass as they are).
if command -v jq > /dev/null; then
	head -n 3000 "$tmp/in" | "$bin" --json explain > "$tmp/json" 2> /dev/null
	jq -e . "$tmp/json" > /dev/null 2>&1
	check "--json explain: valid JSON" $?
	n=$(controls "$tmp/json")
	[ "$n" = 0 ]
	check "--json explain: no control bytes (found $n)" $?
fi

# Issue 11: ESC, OSC, BEL and an 8-bit CSI in explain TEXT are shown escaped
# (the reply's text is shown with --full).
"$bin" explain --full "$(printf '550 5.1.1 \033[2J\033]0;pwned\007\23331m')" > "$tmp/repro" 2>&1
grep -q '^Text: *\\x1B\[2J\\x1B\]0;pwned\\x07\\x9B31m$' "$tmp/repro"
check "issue 11 reproduction: shown as \\xNN" $?
clean "issue 11 reproduction" "$tmp/repro"

# A 131 KB --lang value: one short warning line.
big=$(printf '\033]0;x\007'; head -c 131000 /dev/zero | tr '\0' 'x')
"$bin" --lang "$big" --codes-only 250 > /dev/null 2> "$tmp/lang.err"
[ "$(wc -l < "$tmp/lang.err")" = 1 ] && [ "$(wc -c < "$tmp/lang.err")" -lt 200 ]
check "131 KB --lang value: one short line on stderr" $?
clean "--lang warning" "$tmp/lang.err"

# A file name with escapes, and a long one: shown escaped and cut.
"$bin" scan "$(printf '\033[2J\233\377')$big" > /dev/null 2> "$tmp/file.err"
[ "$(wc -l < "$tmp/file.err")" = 1 ] && [ "$(wc -c < "$tmp/file.err")" -lt 300 ] &&
	grep -q '^smtpcode: \\x1B\[2J\\x9B\\xFF\\x1B\]0;x\\x07xxx*\.\.\.: ' "$tmp/file.err"
check "hostile file name: escaped and cut" $?
clean "file name" "$tmp/file.err"

echo "escapes: $passed passed, $failed failed"
[ "$failed" = 0 ]
