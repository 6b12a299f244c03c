#!/bin/sh
# tests/ci.sh - what CI runs (make ci): the whole test suite built with
# -Werror by gcc and by clang, again under AddressSanitizer and UBSan, the
# pipeline test and tests/misc.sh under ThreadSanitizer, the
# CLI goldens, the tests/explain samples and the fuzz regression inputs
# under valgrind, cppcheck and clang-tidy, and a short fuzz run of each
# target with inputs up to 140,000 bytes (tests/fuzz/run.sh). Ends with one
# line: "ci: N passed, M failed".
set -u
cd "$(dirname "$0")/.." || exit 2
passed=0
failed=0
log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT

# Runs a step, shows its output, adds the counts of its closing line
# ("...: N passed, M failed"), or one pass or failure by its exit status.
step() {
	name=$1
	shift
	echo "== $name"
	"$@" > "$log" 2>&1
	rc=$?
	grep -v '^\[ *\(RUN\|OK\) *\]' "$log" | grep -v 'warnings generated' | tail -n 25
	line=$(grep -E '^[a-z]+: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
	if [ -n "$line" ]; then
		p=$(printf '%s' "$line" | sed 's/.*: \([0-9]*\) passed.*/\1/')
		f=$(printf '%s' "$line" | sed 's/.* \([0-9]*\) failed$/\1/')
		passed=$((passed + p))
		failed=$((failed + f))
		[ "$rc" != 0 ] && [ "$f" = 0 ] && failed=$((failed + 1))
	elif [ "$rc" = 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL ci $name (exit $rc)"
	fi
}

step "gcc -Werror" sh -c 'make clean > /dev/null && make CC=gcc CFLAGS="-O2 -g -Werror" check'
step "clang -Werror" sh -c 'make clean > /dev/null && make CC=clang CFLAGS="-O2 -g -Werror" check'
step "ASan and UBSan" sh -c 'make clean > /dev/null && make SANITIZE=1 check'
step "ThreadSanitizer" sh -c 'make clean > /dev/null && make SANITIZE=thread smtpcode build/tests/test_pipeline > /dev/null && ./build/tests/test_pipeline > /dev/null && sh tests/misc.sh'
step "valgrind" sh -c 'make clean > /dev/null && make > /dev/null && VALGRIND=1 sh tests/cli/run.sh'
step "valgrind: samples and fuzz regressions" sh -c 'make > /dev/null && sh tests/fuzz/valgrind.sh'
step "cppcheck and clang-tidy" make lint
step "fuzz" make fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-20}"

echo "ci: $passed passed, $failed failed"
[ "$failed" = 0 ]
