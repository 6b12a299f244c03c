#!/bin/sh
# tests/deps.sh - install what `make check` needs where it is missing:
# the cmocka library and header, jq and mandoc (and pkg-config, valgrind is
# not needed). A no-op when all are present. Uses the system's package
# manager, through sudo when not root.
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
if [ -z "$missing" ]; then
	echo "deps: cmocka, jq, mandoc and pkg-config are present"
	exit 0
fi
echo "deps: installing:$missing"
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
pkgs() { # the package names for this system: map cmocka to $1
	for m in $missing; do
		case $m in cmocka) printf '%s ' "$1" ;; *) printf '%s ' "$m" ;; esac
	done
}
if command -v apt-get > /dev/null; then
	# shellcheck disable=SC2046
	$sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq $(pkgs libcmocka-dev)
elif command -v dnf > /dev/null; then
	# shellcheck disable=SC2046
	$sudo dnf install -y $(pkgs libcmocka-devel)
elif command -v apk > /dev/null; then
	# shellcheck disable=SC2046
	$sudo apk add $(pkgs cmocka-dev)
elif command -v brew > /dev/null; then
	# shellcheck disable=SC2046
	brew install $(pkgs cmocka)
else
	echo "deps: no known package manager; install:$missing" >&2
	exit 1
fi
