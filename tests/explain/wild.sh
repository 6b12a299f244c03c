#!/bin/sh
# tests/explain/wild.sh - the corpus of issue 13 (tests/explain/wild/) through
# run.sh, with one count line per sample. Report only: it always exits 0 and
# is not part of tests/run.sh until explain reads these forms.
cd "$(dirname "$0")" || exit 0
EXPLAIN_COUNTS=1 sh ./run.sh tests/explain/wild wild
exit 0
