#!/bin/sh
# tests/setup.sh - a newcomer's first commands, where something is missing:
# make check with a compiler that finds no cmocka says "run make deps" in one
# line; make deps as a user who is not root and has no sudo names the
# packages to install and exits 1, with sudo it installs them through sudo.
set -u
cd "$(dirname "$0")/.." || exit 2
passed=0
failed=0
check() { # name, status of the condition
	if [ "$2" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL setup $1"; fi
}
show() { [ -n "$1" ] && printf '%s\n' "$1" | head -n 10 | sed 's/^/    /'; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# A compiler whose sysroot is empty finds no cmocka.h.
mkdir "$tmp/empty"
out=$(make --no-print-directory check CC="${CC:-cc} --sysroot=$tmp/empty" 2>&1)
rc=$?
[ "$rc" != 0 ] && [ "$(printf '%s\n' "$out" | wc -l)" = 1 ] &&
	printf '%s\n' "$out" | grep -q 'cmocka.*: run make deps'
st=$?
check "make check without cmocka: one line, run make deps" $st
[ "$st" = 0 ] || show "$out"

# make deps with a PATH of fakes: id says uid 1000, apt-get and sudo log their
# arguments; jq, mandoc, groff and pkg-config are not on it (cmocka is found
# by its header, as on this machine, or is missing too).
mkdir "$tmp/bin"
printf '#!/bin/sh\necho 1000\n' > "$tmp/bin/id"
printf '#!/bin/sh\necho "apt-get $*" >> %s/log\n' "$tmp" > "$tmp/bin/apt-get"
printf '#!/bin/sh\necho "sudo $*" >> %s/log\n' "$tmp" > "$tmp/bin/sudo.off"
chmod +x "$tmp/bin/id" "$tmp/bin/apt-get" "$tmp/bin/sudo.off"
sh=$(command -v sh)
want=" jq mandoc groff-base pkg-config"
[ -f /usr/include/cmocka.h ] || [ -f /usr/local/include/cmocka.h ] || want=" libcmocka-dev$want"

out=$(PATH=$tmp/bin "$sh" tests/deps.sh 2>&1)
rc=$?
[ "$rc" = 1 ] && [ ! -e "$tmp/log" ] && [ "$(printf '%s\n' "$out" | wc -l)" = 1 ] &&
	printf '%s\n' "$out" | grep -q "no sudo.*apt-get install$want\$"
st=$?
check "make deps, not root, no sudo: names the packages, exit 1" $st
[ "$st" = 0 ] || { show "$out"; [ -e "$tmp/log" ] && show "$(cat "$tmp/log")"; }

mv "$tmp/bin/sudo.off" "$tmp/bin/sudo"
out=$(PATH=$tmp/bin "$sh" tests/deps.sh 2>&1)
rc=$?
log=$(cat "$tmp/log" 2> /dev/null)
[ "$rc" = 0 ] && printf '%s\n' "$log" | grep -q "^sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$want\$"
st=$?
check "make deps, not root, with sudo: installs through sudo" $st
[ "$st" = 0 ] || { show "$out"; show "$log"; }

echo "setup: $passed passed, $failed failed"
[ "$failed" = 0 ]
