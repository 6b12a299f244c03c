#!/bin/sh
# tests/man.sh - the manual as man-db shows it. Debian's man renders pages
# with groff, not mandoc, and groff reads some words mandoc takes as text as
# macros (".%T An ..." is the .An macro to groff; it stopped both pages in
# STANDARDS). So each page must render under groff -mandoc -ww with no
# warning, under man --warnings=w as well where man-db is installed, and
# groff must show the same words as mandoc. (mandoc -Tlint: tests/misc.sh.)
set -u
cd "$(dirname "$0")/.." || exit 2
passed=0
failed=0
check() { # name, status of the condition
	if [ "$2" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL man $1"; fi
}
show() { [ -n "$1" ] && printf '%s\n' "$1" | head -n 10 | sed 's/^/    /'; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
bs=$(printf '\b')
# A UTF-8 locale where there is one (man warns of an unknown LANG).
utf8=$(locale -a 2> /dev/null | grep -i -m 1 '^c\.utf-\?8$')

# The words of a rendered page, one a line: no header or footer line, no
# bold or underline, words a line break hyphenated joined, and no hyphens
# or dashes (groff hyphenates and picks dashes of its own).
words() {
	LC_ALL=${utf8:-C} sed "s/.$bs//g" | awk '
		{ line[NR] = $0 }
		END {
			for (i = 2; i < NR; i++) s = s line[i] "\n"
			gsub(/(-|‐)[ \n]+/, "", s)
			gsub(/(-|‐|–|—)/, "", s)
			n = split(s, w, /[ \t\n]+/)
			for (i = 1; i <= n; i++) if (w[i] != "") print w[i]
		}'
}

if command -v groff > /dev/null; then
	for page in man/smtpcode.1 man/smtpcode.3; do
		out=$(groff -mandoc -ww -z "$page" 2>&1)
		rc=$?
		[ "$rc" = 0 ] && [ -z "$out" ]
		check "groff -mandoc -ww $page: no warning" $?
		show "$out"
		if command -v mandoc > /dev/null; then
			mandoc -Tutf8 "$page" | words > "$tmp/mandoc"
			groff -mandoc -Tutf8 -P-c "$page" 2> /dev/null | words > "$tmp/groff"
			out=$(diff "$tmp/mandoc" "$tmp/groff")
			[ -z "$out" ] && [ -s "$tmp/mandoc" ]
			check "groff shows the words mandoc shows: $page" $?
			[ -n "$out" ] && echo "    diff mandoc groff:" && show "$out"
		fi
	done
else
	echo "FAIL man groff is missing (make deps)"
	failed=$((failed + 1))
fi

# man-db's own pipeline (preconv, tbl, nroff) where it is installed.
if man --version 2> /dev/null | grep -q '^man '; then
	for page in man/smtpcode.1 man/smtpcode.3; do
		out=$(LC_ALL=${utf8:-C} MANWIDTH=80 man --warnings=w -l "$page" 2>&1 > /dev/null)
		[ -z "$out" ]
		check "man --warnings -l $page: no warning" $?
		show "$out"
	done
fi

echo "man: $passed passed, $failed failed"
[ "$failed" = 0 ]
