#!/bin/sh
# tests/deps.sh [check|ci] - install what the tests need where it is missing.
#   check (make deps)     what `make check` needs: the cmocka library and
#                         header, jq, mandoc, groff and pkg-config
#   ci    (make deps-ci)  what `make ci` needs too: clang with its libFuzzer
#                         runtime, clang-tidy, cppcheck, valgrind, and zsh
#                         and fish (their completions are tested)
# A no-op when all are present. Uses the system's package manager, through
# sudo when not root; without either it names the packages to install and
# exits 1.
set -u
level=${1:-check}
case $level in
check | ci) ;;
*) echo "usage: tests/deps.sh [check|ci]" >&2; exit 2 ;;
esac
missing=
have_cmocka() {
	pkg-config --exists cmocka 2> /dev/null && return 0
	for d in /usr/include /usr/local/include /opt/homebrew/include; do
		[ -f "$d/cmocka.h" ] && return 0
	done
	return 1
}
have_cmocka || missing="$missing cmocka"
command -v jq > /dev/null || missing="$missing jq"
command -v mandoc > /dev/null || missing="$missing mandoc"
command -v groff > /dev/null || missing="$missing groff"
command -v pkg-config > /dev/null || missing="$missing pkg-config"
all="cmocka, jq, mandoc, groff, pkg-config"
if [ "$level" = ci ]; then
	command -v clang > /dev/null || missing="$missing clang"
	command -v clang-tidy > /dev/null || missing="$missing clang-tidy"
	command -v cppcheck > /dev/null || missing="$missing cppcheck"
	command -v valgrind > /dev/null || missing="$missing valgrind"
	command -v zsh > /dev/null || missing="$missing zsh"
	command -v fish > /dev/null || missing="$missing fish"
	have_fuzzer() {
		command -v clang > /dev/null &&
		printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n; }\n' |
			clang -fsanitize=fuzzer -x c - -o /dev/null > /dev/null 2>&1
	}
	have_fuzzer || missing="$missing libfuzzer"
	all="$all, clang, libFuzzer, clang-tidy, cppcheck, valgrind, zsh, fish"
fi
if [ -z "$missing" ]; then
	echo "deps: all present ($all)"
	exit 0
fi

# The package names for this system: cmocka is $1, groff $2, libFuzzer $3.
pkgs() {
	for m in $missing; do
		case $m in
		cmocka) printf '%s ' "$1" ;;
		groff) printf '%s ' "$2" ;;
		libfuzzer) printf '%s ' "$3" ;;
		*) printf '%s ' "$m" ;;
		esac
	done
}
if command -v apt-get > /dev/null; then
	manager=apt-get how='apt-get install' names=$(pkgs libcmocka-dev groff-base libclang-rt-dev)
elif command -v dnf > /dev/null; then
	manager=dnf how='dnf install' names=$(pkgs libcmocka-devel groff-base compiler-rt)
elif command -v apk > /dev/null; then
	manager=apk how='apk add' names=$(pkgs cmocka-dev groff compiler-rt)
elif command -v brew > /dev/null; then
	manager=brew how='brew install' names=$(pkgs cmocka groff llvm)
else
	echo "deps: no known package manager; install:$missing" >&2
	exit 1
fi
names=${names% }
sudo=
if [ "$manager" != brew ] && [ "$(id -u)" != 0 ]; then
	if ! command -v sudo > /dev/null; then
		echo "deps: missing:$missing; not root and no sudo: as root, run: $how $names" >&2
		exit 1
	fi
	sudo=sudo
fi
echo "deps: installing $names"
# shellcheck disable=SC2086
case $manager in
apt-get)
	$sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq $names ;;
dnf) $sudo dnf install -y $names ;;
apk) $sudo apk add $names ;;
brew) brew install $names ;;
esac
