#!/bin/sh
# tests/json.sh - every code of data/codes.tsv, a few undefined codes and
# every curated pair, through jq -e: valid JSON with the documented keys
# and types (man/smtpcode.1, JSON OUTPUT).
set -u
cd "$(dirname "$0")/.." || exit 2
bin=${SMTPCODE:-./smtpcode}
command -v jq > /dev/null || { echo "json: jq is missing (make deps)"; echo "json: 0 passed, 1 failed"; exit 1; }
passed=0
failed=0

lookup='def digit: (.digit|type=="number") and (.name|type=="string");
def meaning: (keys == ["commands","description","fix","name","source","status","when_seen"])
  and (.commands|type=="array") and all(.commands[]; type=="string")
  and all(.name,.source,.description,.when_seen,.fix; type=="string" and length>0)
  and (.status|IN("standard","extension","experimental","registry-sample","de-facto","pseudo"));
def lookup: (keys == ["after","category","class","code","enhanced_codes","kind","known","meanings","notes"])
  and (.enhanced_codes|type=="array") and all(.enhanced_codes[]; test("^[245]\\.[0-9]+\\.[0-9]+$"))
  and .kind=="basic" and (.code|test("^[1-5][0-9][0-9]$")) and (.known|type=="boolean")
  and (.class|digit) and (.category|digit) and (.after==null or (.after|type=="string"))
  and (.notes|type=="array") and all(.notes[]; type=="string")
  and (.meanings|type=="array") and all(.meanings[]; meaning)
  and (.known == (.meanings|length>0));
def part: (keys == ["name","number"]) and (.number|type=="number") and (.name==null or (.name|type=="string"));
def text: type=="string" and length>0;
def enhanced: (keys == ["basic_codes","class","code","description","detail","fix","kind","known","notes","provider_notes","source","status","subject","when_seen"])
  and .kind=="enhanced" and (.code|test("^([245]|X)\\.[0-9]{1,3}\\.[0-9]{1,3}$"))
  and (.class==null or (.class|digit)) and (.subject|part) and (.detail|part)
  and (if .known then (.status|IN("current","deprecated")) and (.detail.name|type=="string") else .status==null end)
  and (.source==null or (.source|text)) and (.description==null or (.description|text))
  and (.basic_codes|type=="array") and all(.basic_codes[]; test("^([2-5]([0-9][0-9]|XX)|Any)$"))
  and (.notes|type=="array") and all(.notes[]; type=="string")
  and (.provider_notes|type=="array")
  and all(.provider_notes[]; keys==["code","note","provider","source"] and (.note|text));
def item: if .kind=="enhanced" then enhanced else lookup end;'

run() { # description, expected exit status, jq filter, smtpcode arguments...
	what=$1 want=$2 filter=$3
	shift 3
	out=$("$bin" --json "$@")
	rc=$?
	lines=$(printf '%s\n' "$out" | wc -l)
	if [ "$rc" = "$want" ] && [ "$lines" = 1 ] &&
	   printf '%s\n' "$out" | jq -e "$lookup $filter" > /dev/null 2>&1; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL json $what (exit $rc)"
	fi
}

for code in $(grep -v '^#' data/codes.tsv | cut -f1 | sort -u); do
	run "$code" 0 "lookup and .known and .code==\"$code\"" "$code"
done
for code in 100 299 418 597; do
	run "$code" 1 "lookup and (.known|not) and (.notes|length==1)" "$code"
done
run "251 after ETRN" 0 'lookup and .after=="ETRN" and (.meanings|length==1) and .meanings[0].commands==["ETRN"]' --after etrn 251

compare='keys == ["a","b","curated","differences","kind","rule_source","same_class","summary","when_to_use"]
  and .kind=="compare" and (.a|item) and (.b|item) and (.same_class|type=="boolean")
  and (.summary|type=="string") and (.when_to_use|type=="string")
  and (.differences|type=="array" and length>0) and all(.differences[]; type=="string")'
grep -v '^#' data/pairs.tsv | cut -f1,2 | while IFS="$(printf '\t')" read -r a b; do
	echo "$a $b"
done > "${TMPDIR:-/tmp}/smtpcode-pairs.$$"
while read -r a b; do
	run "compare $a $b" 0 "$compare and .curated and (.rule_source|type==\"string\")" compare "$a" "$b"
	run "compare $b $a" 0 "$compare and .curated and .a.code==\"$b\"" compare "$b" "$a"
done < "${TMPDIR:-/tmp}/smtpcode-pairs.$$"
rm -f "${TMPDIR:-/tmp}/smtpcode-pairs.$$"
# Every enhanced code of the registry, in each class and as X.
for code in $(grep -v '^#' data/enhanced.tsv | cut -f1 | grep -v 'X$' | grep -v '^[245]'); do
	for cls in 2 4 5 X; do
		c=$cls${code#X}
		run "$c" 0 "enhanced and .known and .code==\"$c\"" "$c"
	done
done
for code in 5.7.606 4.4.316 5.9.1 2.0.999; do
	run "$code" 1 "enhanced and (.known|not) and (.notes|length==1)" "$code"
done
run "5.7.610 in a provider range" 1 'enhanced and (.provider_notes[0].code=="5.7.606-649")' 5.7.610
run "550 enhanced_codes" 0 'lookup and (.enhanced_codes|index("5.1.1")!=null)' 550
run "compare 4.2.2 5.2.2" 0 "$compare and (.same_class|not) and .a.kind==\"enhanced\"" compare 4.2.2 5.2.2
run "compare 550 5.1.1" 0 "$compare and .same_class and .a.kind==\"basic\" and .b.kind==\"enhanced\"" compare 550 5.1.1
run "compare 5.7.606 250" 1 "$compare and (.same_class|not)" compare 5.7.606 250
run "compare 252 451" 0 "$compare and (.curated|not) and .rule_source==null and (.same_class|not)" compare 252 451
run "compare 250 299" 1 "$compare and (.b.known|not)" compare 250 299

echo "json: $passed passed, $failed failed"
[ "$failed" = 0 ]
