#!/bin/sh
# tests/deps.sh - install what the tests need where it is missing: for
# `make check` the cmocka library and header, jq, mandoc and pkg-config; for
# `make ci` also clang with its libFuzzer runtime, clang-tidy, cppcheck and
# valgrind. A no-op when all are present. Uses the system's package manager,
# through sudo when not root.
set -u
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
command -v pkg-config > /dev/null || missing="$missing pkg-config"
command -v clang > /dev/null || missing="$missing clang"
command -v clang-tidy > /dev/null || missing="$missing clang-tidy"
command -v cppcheck > /dev/null || missing="$missing cppcheck"
command -v valgrind > /dev/null || missing="$missing valgrind"
have_fuzzer() {
	command -v clang > /dev/null &&
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n; }\n' |
		clang -fsanitize=fuzzer -x c - -o /dev/null > /dev/null 2>&1
}
have_fuzzer || missing="$missing libfuzzer"
if [ -z "$missing" ]; then
	echo "deps: all present (cmocka, jq, mandoc, pkg-config, clang, libFuzzer, clang-tidy, cppcheck, valgrind)"
	exit 0
fi
echo "deps: installing:$missing"
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
pkgs() { # the package names for this system: cmocka is $1, libFuzzer $2
	for m in $missing; do
		case $m in
		cmocka) printf '%s ' "$1" ;;
		libfuzzer) printf '%s ' "$2" ;;
		*) printf '%s ' "$m" ;;
		esac
	done
}
if command -v apt-get > /dev/null; then
	# shellcheck disable=SC2046
	$sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq $(pkgs libcmocka-dev libclang-rt-dev)
elif command -v dnf > /dev/null; then
	# shellcheck disable=SC2046
	$sudo dnf install -y $(pkgs libcmocka-devel compiler-rt)
elif command -v apk > /dev/null; then
	# shellcheck disable=SC2046
	$sudo apk add $(pkgs cmocka-dev compiler-rt)
elif command -v brew > /dev/null; then
	# shellcheck disable=SC2046
	brew install $(pkgs cmocka llvm)
else
	echo "deps: no known package manager; install:$missing" >&2
	exit 1
fi
