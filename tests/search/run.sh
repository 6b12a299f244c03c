#!/bin/sh
# tests/search/run.sh - search ranks like an expert: every query of
# queries.tsv through `smtpcode search --codes-only`. Prints the misses, the
# top-1 and top-3 hit rates, and fails below a top-3 rate of 95%. One test
# per query (a top-3 hit passes) and one for the rate.
set -u
cd "$(dirname "$0")/../.." || exit 2
bin=${SMTPCODE:-./smtpcode}
passed=0
failed=0
top1=0
top3=0
total=0
tab=$(printf '\t')
while IFS="$tab" read -r query codes; do
	case $query in '#'* | '') continue ;; esac
	total=$((total + 1))
	# shellcheck disable=SC2086 # the query's words are the arguments
	got=$("$bin" search --codes-only $query 2> /dev/null | head -n 3 | tr '\n' ' ')
	first=${codes%%,*}
	best=${got%% *}
	case ",$codes," in *",$best,"*) top1=$((top1 + 1)) ;; esac
	case " $got" in
	*" $first "*) top3=$((top3 + 1)) passed=$((passed + 1)) ;;
	*) failed=$((failed + 1)); echo "FAIL search '$query': want $first in the top 3, got $got" ;;
	esac
done < tests/search/queries.tsv
rate1=$((top1 * 1000 / total))
rate3=$((top3 * 1000 / total))
printf 'search: top-1 %d/%d (%d.%d%%), top-3 %d/%d (%d.%d%%)\n' "$top1" "$total" \
	$((rate1 / 10)) $((rate1 % 10)) "$top3" "$total" $((rate3 / 10)) $((rate3 % 10))
if [ "$rate3" -ge 950 ]; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	echo "FAIL search: top-3 rate below 95%"
fi
echo "search: $passed passed, $failed failed"
[ "$failed" = 0 ]
