#!/bin/sh
# tests/readme.sh - README's examples are what the program prints.
#
# Each line "    $ ./smtpcode ..." of README.md is run by sh from a scratch
# directory that holds ./smtpcode (the program built here), tests/ (this
# tree's) and mixed.txt (tests/cli/explain-mixed.in), with COLUMNS=80,
# LC_ALL=C and NO_COLOR set. Its output, standard error included, must be
# the indented lines under it, up to the next command or the end of the
# block; a line "..." or "[... what is left out ...]" there stands for any
# lines up to the next line that is not blank. Commands that compile (cc) are left to
# tests/install/run.sh.
#
#   sh tests/readme.sh            check; one line per example that differs
#   sh tests/readme.sh --update   rewrite those lines from what runs now
set -u
cd "$(dirname "$0")/.." || exit 2
root=$(pwd)
work=build/readme
rm -rf "$work"
mkdir -p "$work/run" || exit 2
ln -s "$root/smtpcode" "$work/run/smtpcode"
ln -s "$root/tests" "$work/run/tests"
cp tests/cli/explain-mixed.in "$work/run/mixed.txt"
command -v jq > /dev/null || { echo "tests/readme.sh: needs jq (make deps)"; exit 2; }

# Splits README.md into $work/N.cmd (the command) and $work/N.out (the
# output as written, indent removed, trailing blank lines dropped), and
# $work/index: N, the command's line, the output's first and last lines.
awk -v dir="$work" '
function flush() {
	if (n == 0 || flushed == n) return
	flushed = n
	while (last > first && lines[last] == "") last--
	for (i = first; i <= last; i++) print lines[i] > (dir "/" n ".out")
	close(dir "/" n ".out")
	printf "%d %d %d %d\n", n, cmdline, first, last > (dir "/index")
}
/^    \$ / {
	flush()
	n++
	cmdline = NR
	print substr($0, 7) > (dir "/" n ".cmd")
	close(dir "/" n ".cmd")
	first = NR + 1; last = NR; inblock = 1
	next
}
inblock && /^    / { lines[NR] = substr($0, 5); last = NR; next }
inblock && /^$/ { lines[NR] = ""; next }
inblock { flush(); inblock = 0 }
END { if (inblock) flush() }
' README.md

# Whether output $2 is what README's lines $1 show: line for line, except
# that a line "..." or "[... what is left out ...]" stands for any lines
# up to the next line that is not blank (or to the end, when none is).
same() {
	awk -v want="$1" '
	function elided(s) { return s == "..." || s == "[...]" || s ~ /^\[\.\.\..*\.\.\.\]$/ }
	BEGIN { while ((getline l < want) > 0) w[++nw] = l; i = 1 }
	skipping {
		if ($0 != w[i]) next
		skipping = 0
		i++
		next
	}
	{
		if (i <= nw && elided(w[i])) {
			for (i++; i <= nw && w[i] == ""; i++)
				;
			if (i > nw) { done = 1; exit 0 }
			skipping = 1
			if ($0 != w[i]) next
			skipping = 0
		}
		if (i > nw || $0 != w[i]) exit 1
		i++
	}
	END { if (!done && (skipping || i <= nw)) exit 1 }' "$2"
}

fail=0 ok=0
while read -r n cmdline first last; do
	case $(cat "$work/$n.cmd") in
	cc\ *) continue ;;
	esac
	(cd "$work/run" && COLUMNS=80 LC_ALL=C NO_COLOR=1 sh -c "$(cat "../$n.cmd")") \
		> "$work/$n.got" 2>&1
	if same "$work/$n.out" "$work/$n.got"; then
		ok=$((ok + 1))
	else
		fail=$((fail + 1))
		echo "README.md:$cmdline: the output of \$ $(cat "$work/$n.cmd") differs:"
		diff "$work/$n.out" "$work/$n.got" | sed -n '1,12s/^/  /p'
	fi
done < "$work/index"

if [ "${1:-}" = --update ] && [ "$fail" -gt 0 ]; then
	# Rewrites README.md bottom-up, so the line numbers of the index hold.
	sort -k3,3nr "$work/index" | while read -r n cmdline first last; do
		[ -f "$work/$n.got" ] || continue
		same "$work/$n.out" "$work/$n.got" && continue
		cuts=$(grep -c -e '^\.\.\.$' -e '^\[\.\.\..*\]$' "$work/$n.out")
		if [ "$cuts" -gt 0 ]; then
			last_line=$(tail -n 1 "$work/$n.out")
			if [ "$cuts" -gt 1 ] || ! grep -q -e '^\.\.\.$' -e '^\[\.\.\..*\]$' \
				<<-EOT
				$last_line
				EOT
			then
				echo "README.md:$cmdline: leaves lines out inside: update it by hand" >&2
				continue
			fi
			# The first lines, as many as README shows, then its last line.
			keep=$(($(wc -l < "$work/$n.out") - 1))
			{ head -n "$keep" "$work/$n.got"; printf '%s\n' "$last_line"; } > "$work/$n.cut"
			mv "$work/$n.cut" "$work/$n.got"
		fi
		awk -v f="$first" -v l="$last" -v got="$work/$n.got" '
		NR == f { while ((getline g < got) > 0) print (g == "" ? "" : "    " g) }
		NR >= f && NR <= l { next }
		{ print }' README.md > "$work/README.new" && cp "$work/README.new" README.md
	done
	echo "tests/readme.sh: README.md updated ($fail examples)"
	exit 0
fi
echo "readme: $ok passed, $fail failed"
[ "$fail" -eq 0 ]
