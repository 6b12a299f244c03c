#!/bin/sh
# tests/cli/run.sh - golden tests of the smtpcode command.
# Each case NAME has NAME.args (one argument per line; an empty line is an
# empty argument), optionally NAME.in (standard input; else /dev/null) and
# NAME.env (VAR=value lines added to an environment without COLUMNS,
# NO_COLOR, LC_ALL, LC_MESSAGES and LANG), and
# the expected NAME.out (stdout), NAME.err (stderr) and
# NAME.status (exit status); a missing .out or .err means empty, a missing
# .status means 0. With --update, the files are rewritten from what the
# program prints now: review the result with git diff before you commit it.
# With VALGRIND=1 each case also runs under valgrind, which must report no
# error and no leak.
set -u
cd "$(dirname "$0")/../.." || exit 2
bin=${SMTPCODE:-./smtpcode}
update=0
[ "${1:-}" = --update ] && update=1
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
for args in tests/cli/*.args; do
	name=${args%.args}
	set --
	while IFS= read -r line || [ -n "$line" ]; do
		set -- "$@" "$line"
	done < "$args"
	input=/dev/null
	[ -f "$name.in" ] && input=$name.in
	vars=
	[ -f "$name.env" ] && vars=$(cat "$name.env")
	# shellcheck disable=SC2086
	if [ "${VALGRIND:-}" = 1 ]; then
		# shellcheck disable=SC2086
		env -u COLUMNS -u NO_COLOR -u LC_ALL -u LC_MESSAGES -u LANG $vars \
			valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=all \
			--log-file="$tmp/vg" "$bin" "$@" > "$tmp/out" 2> "$tmp/err" < "$input"
		rc=$?
		if [ "$rc" = 99 ] || [ -s "$tmp/vg" ]; then
			echo "FAIL cli ${name#tests/cli/}: valgrind"
			sed 's/^/    /' "$tmp/vg" | head -n 20
			failed=$((failed + 1))
			continue
		fi
		echo $rc > "$tmp/status"
	else
		# shellcheck disable=SC2086
		env -u COLUMNS -u NO_COLOR -u LC_ALL -u LC_MESSAGES -u LANG $vars "$bin" "$@" \
			> "$tmp/out" 2> "$tmp/err" < "$input"
		echo $? > "$tmp/status"
	fi
	if [ "$update" = 1 ]; then
		for k in out err status; do
			if [ -s "$tmp/$k" ] && ! { [ "$k" = status ] && [ "$(cat "$tmp/$k")" = 0 ]; }; then
				cp "$tmp/$k" "$name.$k"
			else
				rm -f "$name.$k"
			fi
		done
		continue
	fi
	ok=1
	for k in out err status; do
		if [ -f "$name.$k" ]; then
			want="$name.$k"
		elif [ "$k" = status ]; then
			echo 0 > "$tmp/want"; want="$tmp/want"
		else
			: > "$tmp/want"; want="$tmp/want"
		fi
		if ! cmp -s "$want" "$tmp/$k"; then
			[ "$ok" = 1 ] && echo "FAIL cli ${name#tests/cli/}"
			diff -u "$want" "$tmp/$k" | sed 's/^/    /' | head -n 20
			ok=0
		fi
	done
	if [ "$ok" = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
[ "$update" = 1 ] && { echo "cli: goldens rewritten; review them with git diff"; exit 0; }
echo "cli: $passed passed, $failed failed"
[ "$failed" = 0 ]
