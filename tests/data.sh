#!/bin/sh
# tests/data.sh - facts in data/*.tsv that an audit against the RFC text
# corrected (issue 11). Each check runs smtpcode --json and asks jq -e one
# question; every one of them failed on the data before the correction.
set -u
cd "$(dirname "$0")/.." || exit 2
bin=${SMTPCODE:-./smtpcode}
command -v jq > /dev/null || { echo "data: jq is missing (make deps)"; echo "data: 0 passed, 1 failed"; exit 1; }
passed=0
failed=0

# check NAME FILTER ARG...: smtpcode --json ARG... must make jq -e FILTER true.
check() {
	name=$1
	filter=$2
	shift 2
	if "$bin" --json "$@" | jq -e "$filter" > /dev/null 2>&1; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL data $name: smtpcode --json $*"
	fi
}

# RFC 7505 §4.1 prescribes 550 with 5.7.27 (§6 registers it); §4.2 never names it.
check x.7.27-source '.source == "RFC 7505 §4.1, §6"' 5.7.27
check x.7.27-from-header '.when_seen | test("From header field")' 5.7.27
# RFC 6710 §4.1 names X.7.15 (450 or 550); §10 registers it; §5 does not.
check x.7.15-source '.source == "RFC 6710 §4.1, §10"' 5.7.15
# RFC 8689 §4.2.1: 5.7.30 without REQUIRETLS, 5.7.10 without a TLS session.
check x.7.30-source '.source == "RFC 8689 §4.2.1"' 5.7.30
check x.7.30-tls-failure '(.when_seen | test("5\\.7\\.10")) and (.when_seen | test("fails TLS") | not)' 5.7.30
# RFC 7208 §8.4 prescribes 5.7.1; RFC 7372 §3.2 substitutes X.7.23.
check x.7.23-source '.source == "RFC 7372 §3.2; RFC 7208 §8.4"' 5.7.23
check x.7.23-attribution '(.description | test("RFC 7208 §8.4 answers an SPF fail with 550 and 5\\.7\\.1")) and (.description | test("has this code") | not)' 5.7.23
# RFC 7208 §8.6 and §8.7 give 4.4.3 and 5.5.2; RFC 7372 §3.2 replaces them.
check x.7.24-source '.source == "RFC 7372 §3.2; RFC 7208 §8.6, §8.7"' 5.7.24
check x.7.24-attribution '(.description | test("RFC 7372 §3.2 registered X\\.7\\.24 to replace")) and (.description | test("use it in place") | not)' 5.7.24
# RFC 7372 §3 lists RFC 6376 (X.7.20 to X.7.22) and RFC 7001 §3 (X.7.25) as references.
check x.7.20-source '.source == "RFC 7372 §3.1; RFC 6376"' 5.7.20
check x.7.21-source '.source == "RFC 7372 §3.1; RFC 6376"' 5.7.21
check x.7.22-source '.source == "RFC 7372 §3.1; RFC 6376"' 5.7.22
check x.7.25-source '(.source == "RFC 7372 §3.3; RFC 7001 §3 (the registry cites RFC 7601)") and (.description | test("RFC 7001 §3; the registry"))' 5.7.25
# RFC 6531 §3.5 uses 554 after the final dot; the registry's sample is 550.
check x.6.9-source '.source == "RFC 6531 §3.5, §4.2"' 5.6.9
check x.6.9-both-codes '(.basic_codes == ["550"]) and (.description | test("554")) and (.description | test("registry gives 550"))' 5.6.9
# RFC 6531 §3.7.4.2: 252 or 550 when a VRFY or EXPN reply would need UTF-8;
# §4.2 and the registry also list 553.
check x.6.8-source '.source == "RFC 6531 §3.7.4.2, §4.2"' 5.6.8
check x.6.8-disagreement '(.basic_codes == ["252","553","550"]) and (.description | test("requires 252 or 550")) and (.when_seen | test("as 553, 550 or 252") | not)' 5.6.8
check x.6.7-source '.source == "RFC 6531 §3.5, §4.2"' 5.6.7
# RFC 6531 §3.5: 553 for a non-ASCII RCPT address, 550 for MAIL.
check 553-smtputf8-rcpt '.meanings[0].description | test("RCPT names a non-ASCII address") and test("in MAIL it uses 550")' 553
check 553-smtputf8-when '.meanings[0].when_seen | test("non-ASCII MAIL FROM gets 550")' 553
# RFC 7504 §1 and §5.1 add 521 and 556 to RFC 5321's own list: not an extension.
check 521-status '.meanings[0].status == "standard" and (.meanings[0].source | test("updates RFC 5321"))' 521
check 556-status '.meanings[0].status == "standard" and (.meanings[0].source | test("updates RFC 5321"))' 556
# RFC 7504 §1 contrasts 521 with 554, not 554 with 556.
check pair-554-556-source '(.rule_source | startswith("RFC 7504 §4;")) and (.rule_source | test("RFC 7504 §1") | not)' compare 554 556
check pair-554-556-text '(.differences | tostring | test("RFC 7504 contrasts them") | not) and (.differences | tostring | test("is about 521, not 556"))' compare 554 556
# 520 answers the draft's QHLO; the text says why it is filed under EHLO.
check 520-qhlo '.meanings[0].commands == ["EHLO"] and (.meanings[0].when_seen | test("QHLO is not a standard command"))' 520

# RFC 876 saw 200 only in replies to RSET and NOOP, and counted it as a fault.
check 200-commands '.meanings[0].commands == ["RSET","NOOP"]' 200
check 200-text '(.meanings[0].source | startswith("RFC 876")) and (.meanings[0].description | test("RSET or NOOP with 200")) and (.meanings[0].description | test("generic positive reply") | not)' 200
# RFC 2645 §5.2.1: 450 when the login does not cover the domains, which a retry does not cure.
check 450-atrn '.meanings[] | select(.commands == ["ATRN"]) | (.source == "RFC 2645 §5.2.1, §7") and (.description | test("a retry does not cure")) and (.description | test("the refusal is transient") | not)' 450
check 451-atrn-source '.meanings[] | select(.commands == ["ATRN"]) | .source == "RFC 2645 §5.2.1, §7"' 451

# RFC 4954 §4: 500 5.5.6 means a line longer than the authentication buffer;
# a continuation line is no shorter, so that advice cannot help.
check x.5.6-fix '(.source == "RFC 4954 §4, §6") and (.fix | test("does not make it shorter")) and (.fix | test("^Let the client send the response on a continuation line") | not)' 5.5.6
# The Microsoft Learn pages for 4.4.316: the NDR page (its 2024-03-08 version
# has the row) and the mail flow intelligence page (2023-06-14, 450 4.4.316).
check 4.4.316-note-source '.provider_notes | map(select(.code == "4.4.316")) | .[0] | (.source | test("2024-03-08")) and (.source | test("2023-06-14")) and (.source | test("2022-2023") | not) and (.note | test("450 4\\.4\\.316"))' 4.4.316
# 254: Oracle's pages name no command; the entry says why it is filed under RCPT.
check 254-rcpt-source '.meanings[0].commands == ["RCPT"] and (.meanings[0].source | test("Known Issues")) and (.meanings[0].description | test("SMTPAddressFailedException"))' 254
# RFC 7293 registers X.7.17 to X.7.19 in §15.3; §5 only points there.
for code in 5.7.17 5.7.18 5.7.19; do
	check "$code-source" '.source | startswith("RFC 7293 §15.3")' "$code"
done
# RFC 5248 §2.4 Table 1 lists these sample codes too, not only the registry.
for code in 422 430 523 524 525 533; do
	check "$code-rfc5248" '.meanings[0].status == "registry-sample" and (.meanings[0].source | startswith("RFC 5248 §2.4 Table 1; ")) and (.meanings[0].description | test("RFC 5248"))' "$code"
done

echo "data: $passed passed, $failed failed"
[ "$failed" = 0 ]
