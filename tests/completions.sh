#!/bin/sh
# tests/completions.sh - the shell completions in completions/: they parse,
# bash's defines the completion and completes option values. zsh and fish
# are checked only where they are installed (a skipped check counts as
# neither passed nor failed).
set -u
cd "$(dirname "$0")/.." || exit 2
passed=0
failed=0
check() { # name, status of the condition
	if [ "$2" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL completions $1"; fi
}

bash_file=completions/smtpcode.bash
zsh_file=completions/_smtpcode
fish_file=completions/smtpcode.fish

# A stand-in smtpcode that lists two codes, to check code completion
# without depending on the build.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/completions.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM
# shellcheck disable=SC2016 # expanded by the stand-in, not here
printf '%s\n' '#!/bin/sh' \
	'[ "$1 $2" = "list --codes-only" ] || exit 2' \
	'printf "550\nX.1.1\nX.7.26\n"' > "$tmp/smtpcode"
chmod +x "$tmp/smtpcode"

# Runs the bash completion function on the words given ($1 the PATH to use)
# and prints COMPREPLY, one word a line; fails if the function does.
complete_bash() {
	path=$1
	shift
	# shellcheck disable=SC2016 # bash's, in the single quotes
	PATH=$path "$bash" -c '
		. "$0" || exit 1
		COMP_WORDS=("$@")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		COMPREPLY=()
		_smtpcode || exit 1
		[ ${#COMPREPLY[@]} = 0 ] || printf "%s\n" "${COMPREPLY[@]}"
	' "$bash_file" "$@"
}

# Every subcommand (src/cli/subcommands.def) and every option (args.c's
# table) is offered by each of the three files: the lists are kept by hand.
# --colour is --color's other spelling and not offered.
subcommands=$(sed -n 's/^SUBCOMMAND([A-Z]*, "\([a-z]*\)".*/\1/p' src/cli/subcommands.def)
options=$(sed -n "s/^	{ '\(\\\\0\|.\)', \"\([a-z-]*\)\".*/\1 \2/p" src/cli/args.c | grep -v ' colour$')
[ -n "$subcommands" ] && [ "$(printf '%s\n' "$options" | wc -l)" -ge 10 ]
check "the subcommands and options are found in the sources" $?
for f in "$bash_file" "$zsh_file" "$fish_file"; do
	missing=
	for c in $subcommands; do
		grep -qw -- "$c" "$f" || missing="$missing $c"
	done
	while read -r letter name; do
		case $f in
		*.fish) long="-l $name" short="-s $letter" ;;
		*) long="--$name" short="-$letter" ;;
		esac
		grep -q -- "$long\>" "$f" || missing="$missing --$name"
		[ "$letter" = '\0' ] || grep -q -- "$short\>" "$f" || missing="$missing -$letter"
	done <<EOF_OPTIONS
$options
EOF_OPTIONS
	[ -z "$missing" ] || echo "    $f lacks:$missing"
	[ -z "$missing" ]
	check "$f offers every subcommand and option" $?
done

bash=$(command -v bash)
if [ -z "$bash" ]; then
	echo "FAIL completions bash is missing"
	failed=$((failed + 1))
else
	bash -n "$bash_file" 2> /dev/null
	check "bash -n $bash_file" $?

	out=$(bash -c '. "$0" && complete -p smtpcode' "$bash_file" 2>&1)
	rc=$?
	[ "$rc" = 0 ] && case $out in *"-F _smtpcode"*smtpcode) true ;; *) false ;; esac
	check "bash: sourcing defines complete -F _smtpcode smtpcode" $?

	out=$(complete_bash "$PATH" smtpcode --after R)
	rc=$?
	[ "$rc" = 0 ] && printf '%s\n' "$out" | grep -qx RCPT
	check "bash: --after R offers RCPT" $?

	out=$(complete_bash "$PATH" smtpcode --lang "")
	rc=$?
	[ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | sort | tr '\n' ' ')" = "de en es fr ja pt tr vi " ]
	check "bash: --lang offers the eight languages" $?

	out=$(complete_bash "$tmp:$PATH" smtpcode compare "")
	rc=$?
	[ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | tr '\n' ' ')" = "550 X.1.1 X.7.26 " ]
	check "bash: compare offers the codes from smtpcode list --codes-only" $?

	out=$(complete_bash "$tmp:$PATH" smtpcode 5.1.)
	[ "$?" = 0 ] && [ "$(printf '%s\n' "$out" | tr '\n' ' ')" = "5.1.1 " ]
	check "bash: 5.1. completes to 5.1.1 (listed as X.1.1)" $?

	out=$(complete_bash "$tmp:$PATH" smtpcode compare 550 x.7.2)
	[ "$?" = 0 ] && [ "$(printf '%s\n' "$out" | tr '\n' ' ')" = "x.7.26 " ]
	check "bash: x.7.2 completes to x.7.26" $?

	# --brief, --codes-only and --full: offered with explain, not with scan
	# or compare (a usage error there).
	out=$(complete_bash "$PATH" smtpcode explain --)
	printf '%s\n' "$out" | grep -qx -- --brief && printf '%s\n' "$out" | grep -qx -- --full &&
		printf '%s\n' "$out" | grep -qx -- --codes-only
	check "bash: explain offers --brief, --codes-only and --full" $?
	out=$(complete_bash "$PATH" smtpcode scan --)
	printf '%s\n' "$out" | grep -qx -- --json && ! printf '%s\n' "$out" | grep -qx -- --brief &&
		! printf '%s\n' "$out" | grep -qx -- --full
	check "bash: scan offers --json, not --brief or --full" $?
	# --after: a usage error with explain and scan, offered elsewhere
	out=$(complete_bash "$PATH" smtpcode explain --)
	! printf '%s\n' "$out" | grep -qx -- --after
	check "bash: explain does not offer --after" $?
	out=$(complete_bash "$PATH" smtpcode --)
	printf '%s\n' "$out" | grep -qx -- --after
	check "bash: a lookup offers --after" $?

	# No smtpcode on PATH: no error, the subcommands still offered.
	out=$(complete_bash "$tmp/nonexistent" smtpcode "" 2>&1)
	rc=$?
	[ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | tr '\n' ' ')" = "compare explain scan list search help " ]
	check "bash: without smtpcode on PATH, subcommands and no error" $?
fi

if command -v zsh > /dev/null 2>&1; then
	zsh -n "$zsh_file" 2> /dev/null
	check "zsh -n $zsh_file" $?

	# _smtpcode_codes alone, with compsys's _call_program and _wanted
	# replaced by stand-ins that run the command and print the offers.
	# shellcheck disable=SC2016 # zsh's, in the single quotes
	out=$(PATH="$tmp:$PATH" zsh -c '
		_call_program() { shift; "$@"; }
		_wanted() { print -l -- ${(P)${@[-1]}}; }
		eval "$(sed -n "/^(( \$+functions\[_smtpcode_codes\] ))/,/^}/p" "$0")"
		PREFIX=x.7.2
		_smtpcode_codes' "$zsh_file" 2>&1)
	[ "$(printf '%s\n' "$out" | tr '\n' ' ')" = "x.1.1 x.7.26 " ]
	check "zsh: x.7.2 offers the enhanced codes with class x" $?

	# The options each subcommand offers, with _arguments replaced by a
	# stand-in that prints them: explain and scan refuse --after.
	for sub in explain scan compare; do
		# shellcheck disable=SC2016 # zsh's, in the single quotes
		n=$(zsh -c '
			_arguments() { if [[ $1 == -C ]]; then state=rest; return 0; fi; print -l -- "$@"; }
			words=($1 x)
			source "$0"' "$zsh_file" "$sub" 2>&1 | grep -c -- '--after')
		want=0
		[ "$sub" = compare ] && want=2
		[ "$n" = "$want" ]
		check "zsh: $sub offers --after $want times" $?
	done
fi

if command -v fish > /dev/null 2>&1; then
	fish -n "$fish_file" 2> /dev/null
	check "fish -n $fish_file" $?

	# shellcheck disable=SC2016 # fish's $argv
	out=$(fish -c 'source $argv[1]; and complete -C "smtpcode --after R"' "$fish_file" 2>&1)
	rc=$?
	[ "$rc" = 0 ] && printf '%s\n' "$out" | cut -f1 | grep -qx RCPT
	check "fish: --after R offers RCPT" $?

	# shellcheck disable=SC2016 # fish's $argv
	out=$(PATH="$tmp:$PATH" fish -c 'source $argv[1]; and complete -C "smtpcode 5.1."' \
		"$fish_file" 2>&1)
	[ "$(printf '%s\n' "$out" | cut -f1 | tr '\n' ' ')" = "5.1.1 " ]
	check "fish: 5.1. completes to 5.1.1" $?

	# shellcheck disable=SC2016 # fish's $argv
	out=$(fish -c 'source $argv[1]; and complete -C "smtpcode explain --b"; and complete -C "smtpcode scan --b"' \
		"$fish_file" 2>&1)
	[ "$(printf '%s\n' "$out" | cut -f1 | tr '\n' ' ')" = "--brief " ]
	check "fish: explain offers --brief, scan does not" $?
fi

echo "completions: $passed passed, $failed failed"
[ "$failed" = 0 ]
