/* test_api.c - the library as a program that links it sees it: only the
 * public header, only libsmtpcode.a. One test per group of the API. */
#include "testutil.h"
#include <smtpcode.h>

static void version__set(void **state)
{
	(void)state;
	char num[16];

	assert_string_equal(smtpcode_version(), SMTPCODE_VERSION);
	assert_string_equal(SMTPCODE_VERSION, "1.0.0");
	/* The number is the string: major * 10000 + minor * 100 + patch. */
	snprintf(num, sizeof num, "%d.%d.%d", SMTPCODE_VERSION_NUM / 10000,
	         SMTPCODE_VERSION_NUM / 100 % 100, SMTPCODE_VERSION_NUM % 100);
	assert_string_equal(num, SMTPCODE_VERSION);
	assert_int_equal(strlen(smtpcode_sources_date()), 10);
}

static void parse__both_kinds_and_errors(void **state)
{
	struct smtpcode_query q;
	size_t bad = 0;
	int code;

	(void)state;
	assert_int_equal(smtpcode_parse_basic("421", &code, NULL), SMTPCODE_PARSE_OK);
	assert_int_equal(code, 421);
	assert_int_equal(smtpcode_parse("5.7.1", &q, NULL), SMTPCODE_PARSE_OK);
	assert_int_equal(q.kind, SMTPCODE_KIND_ENHANCED);
	assert_int_equal(smtpcode_parse("55O", &q, &bad), SMTPCODE_PARSE_NOT_DIGIT);
	assert_int_equal(bad, 2);
	assert_non_null(smtpcode_parse_error_reason(SMTPCODE_PARSE_ENH_CLASS));
}

static void lookup__meanings_and_names(void **state)
{
	struct smtpcode_lookup lk;
	struct smtpcode_meaning m;
	size_t first, count;
	char buf[64];

	(void)state;
	assert_int_equal(smtpcode_lookup(550, "rcpt to", &lk), 0);
	assert_true(lk.known);
	assert_int_equal(smtpcode_meaning_at(lk.first, &m), 0);
	assert_int_equal(m.basic, 550);
	assert_string_equal(smtpcode_class_name(5), "Permanent Negative Completion");
	assert_string_equal(smtpcode_category_name(5), "Mail System");
	assert_non_null(smtpcode_class_advice(5));
	assert_string_equal(smtpcode_status_name(m.status), "standard");
	assert_string_equal(smtpcode_command_canonical("rcpt"), "RCPT");
	assert_true(smtpcode_meaning_answers(&m, "RCPT"));
	assert_non_null(smtpcode_commands_text(m.commands, buf, sizeof buf));
	assert_true(smtpcode_meaning_count() > 50);
	assert_int_equal(smtpcode_find(550, &first, &count), 0);
	assert_int_equal(first, lk.first);
	assert_true(count >= 1);
	assert_int_equal(smtpcode_find(299, &first, &count), -1);
}

static void enhanced__registry_notes_lookup(void **state)
{
	struct smtpcode_enhanced_code c = { 5, 1, 10 };
	struct smtpcode_enhanced_lookup lk;
	struct smtpcode_enhanced_entry e;
	struct smtpcode_provider_note n;
	char buf[32];
	size_t row;

	(void)state;
	smtpcode_lookup_enhanced(&c, &lk);
	assert_true(lk.known);
	assert_true(lk.provider_count >= 1);
	assert_int_equal(smtpcode_provider_note_at(lk.provider[0], &n), 0);
	assert_non_null(smtpcode_provider_note_code(&n, buf, sizeof buf));
	assert_int_equal(smtpcode_enhanced_at(lk.detail_row, &e), 0);
	assert_int_equal(smtpcode_enhanced_lists_basic(&e, 556), 1);
	assert_string_equal(smtpcode_enhanced_text(&c, buf, sizeof buf), "5.1.10");
	assert_string_equal(smtpcode_enhanced_class_name(5), "Permanent Failure");
	assert_true(smtpcode_enhanced_count() > 80);
	assert_true(smtpcode_provider_note_count() > 0);
	assert_int_equal(smtpcode_enhanced_find(SMTPCODE_ANY, 1, 10, &row), 0);
	assert_int_equal(row, lk.detail_row);
}

static void compare__items_and_pairs(void **state)
{
	static struct smtpcode_compare c;
	struct smtpcode_query a, b;
	struct smtpcode_item item;
	struct smtpcode_pair p;
	size_t index;

	(void)state;
	smtpcode_parse("550", &a, NULL);
	smtpcode_parse("5.1.1", &b, NULL);
	assert_int_equal(smtpcode_compare(&a, &b, NULL, &c), 0);
	assert_true(c.same_class);
	assert_int_equal(smtpcode_compare_lang(&a, &b, NULL, 1, &c), 0);
	assert_int_equal(smtpcode_lookup_item(&b, NULL, &item), 0);
	assert_true(smtpcode_item_known(&item));
	assert_int_equal(smtpcode_pair_find(551, 251, &index), 0);
	assert_int_equal(smtpcode_pair_at(index, &p), 0);
	assert_int_equal(p.a, 251);
	assert_true(smtpcode_pair_count() > 10);
	assert_int_equal(smtpcode_pair_at(0, &p), 0);
}

static void prose__on_demand_snprintf_contract(void **state)
{
	static struct smtpcode_compare c;
	struct smtpcode_enhanced_code x = { 5, 7, 606 };
	struct smtpcode_enhanced_lookup elk;
	struct smtpcode_lookup lk;
	struct smtpcode_query a, b;
	char buf[8], big[4096];
	size_t n;

	(void)state;
	assert_int_equal(smtpcode_lookup(299, NULL, &lk), 0);
	assert_int_equal(lk.note_count, 1);
	assert_int_equal(lk.notes[0], SMTPCODE_NOTE_UNDEFINED);
	n = smtpcode_lookup_note(&lk, 0, NULL, 0);
	assert_true(n > sizeof buf);
	assert_int_equal(smtpcode_lookup_note(&lk, 0, buf, sizeof buf), n);
	assert_string_equal(buf, "299 is ");
	assert_int_equal(smtpcode_lookup_note(&lk, 1, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	smtpcode_lookup_enhanced(&x, &elk);
	assert_int_equal(elk.notes[0], SMTPCODE_NOTE_UNREGISTERED);
	n = smtpcode_enhanced_lookup_note(&elk, 0, big, sizeof big);
	assert_int_equal(n, strlen(big));
	assert_memory_equal(big, "5.7.606 is not in the IANA registry.", 36);
	smtpcode_parse("450", &a, NULL);
	smtpcode_parse("550", &b, NULL);
	assert_int_equal(smtpcode_compare(&a, &b, NULL, &c), 0);
	n = smtpcode_compare_summary(&c, big, sizeof big);
	assert_int_equal(n, strlen(big));
	assert_true(strstr(big, "450") != NULL);
	assert_true(c.difference_count >= 2);
	assert_int_equal(c.differences[0], SMTPCODE_DIFF_CLASS);
	n = smtpcode_compare_difference(&c, 0, big, sizeof big);
	assert_int_equal(n, strlen(big));
	assert_memory_equal(big, "Class: 450 is 4xx", 17);
	n = smtpcode_compare_when_to_use(&c, NULL, 0);
	assert_int_equal(smtpcode_compare_when_to_use(&c, big, sizeof big), n);
	/* The structs hold facts only: small enough for any stack. */
	assert_true(sizeof c < 1024);
}

static void patterns_search_languages(void **state)
{
	struct smtpcode_pattern pat;
	struct smtpcode_hit hits[8];
	const char *words[] = { "quota" };

	(void)state;
	assert_true(smtpcode_is_pattern("5xx"));
	assert_int_equal(smtpcode_parse_pattern("5xx", &pat), SMTPCODE_PARSE_OK);
	assert_true(smtpcode_pattern_matches_basic(&pat, 552));
	assert_true(smtpcode_search(words, 1, hits, 8) > 0);
	assert_int_equal(smtpcode_language_find("fr_FR.UTF-8"), 5);
	assert_string_equal(smtpcode_language_code(0), "en");
	assert_true(smtpcode_language_count() >= 8);
}

static struct smtpcode_reply got;
static int ngot;

static void take(const struct smtpcode_reply *r, void *arg)
{
	(void)arg;
	got = *r;
	ngot++;
}

static void scanner__reply_in_text(void **state)
{
	static const char line[] = "550 5.1.1 <bob@example.org>: User unknown";
	static struct smtpcode_scanner s;
	char msg[256];
	size_t n;

	(void)state;
	smtpcode_scanner_init(&s);
	smtpcode_scanner_line(&s, line, sizeof line - 1, take, NULL);
	smtpcode_scanner_end(&s, take, NULL);
	assert_int_equal(ngot, 1);
	assert_int_equal(got.basic, 550);
	assert_string_equal(got.text, "<bob@example.org>: User unknown");
	assert_string_equal(smtpcode_warning_name(SMTPCODE_WARN_PSEUDO_CODE), "pseudo-code");
	assert_null(smtpcode_outcome_name(got.outcome));
	n = smtpcode_warning_message(&got, SMTPCODE_WARN_UNDEFINED_CODE, msg, sizeof msg);
	assert_int_equal(n, strlen(msg));
	assert_int_equal(smtpcode_scanner_lines(&s), 1);
	assert_int_equal(smtpcode_scanner_outcome_lines(&s, SMTPCODE_OUTCOME_NONE), 0);
}

/* The scanner is opaque, of a fixed size: accessors read what it counts. */
static void scanner__opaque_with_accessors(void **state)
{
	static const char bounced[] = "Nov 22 mx postfix/smtp[1]: 4F: to=<b@example.org>, "
	                              "dsn=5.1.1, status=bounced (host x said: 550 5.1.1 "
	                              "unknown (in reply to RCPT TO command))";
	static const char *const lines[] = { bounced, "Nov 22 mx postfix/qmgr[2]: 4F: removed",
	                                     "Action: delayed" };
	static struct smtpcode_scanner s;
	size_t i;

	(void)state;
	assert_int_equal(sizeof s, SMTPCODE_SCANNER_SIZE);
	ngot = 0;
	smtpcode_scanner_init(&s);
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++)
		smtpcode_scanner_line(&s, lines[i], strlen(lines[i]), take, NULL);
	smtpcode_scanner_end(&s, take, NULL);
	assert_int_equal(ngot, 1);
	assert_string_equal(got.command, "RCPT");
	assert_int_equal(smtpcode_scanner_lines(&s), 3);
	assert_int_equal(smtpcode_scanner_outcome_lines(&s, SMTPCODE_OUTCOME_BOUNCED), 1);
	assert_int_equal(smtpcode_scanner_outcome_lines(&s, SMTPCODE_OUTCOME_NONE), 1);
	assert_int_equal(smtpcode_scanner_outcome_lines(&s, SMTPCODE_OUTCOME_DEFERRED), 1);
	assert_int_equal(smtpcode_scanner_outcome_lines(&s, SMTPCODE_OUTCOME_DELIVERED), 0);
	assert_int_equal(smtpcode_scanner_outcome_lines(&s, SMTPCODE_OUTCOME_COUNT), 0);
	smtpcode_scanner_init(&s); /* starts again */
	assert_int_equal(smtpcode_scanner_lines(&s), 0);
}

/* The contract at the edges (issue 11): the count-only search, buffers
 * of size 0 (NULL allowed), values outside an enum, codes no parser gives.
 * Each one failed under make SANITIZE=1 before it was fixed. */
static void search__count_only_with_null_hits(void **state)
{
	static const char *const words[] = { "mailbox" };
	struct smtpcode_hit hits[64];
	size_t all;

	(void)state;
	all = smtpcode_search(words, 1, hits, 64);
	assert_true(all > 1);
	assert_int_equal(smtpcode_search(words, 1, NULL, 0), all);
	/* hits NULL stands for no room, whatever max says. */
	assert_int_equal(smtpcode_search(words, 1, NULL, 8), all);
	assert_int_equal(smtpcode_search(words, 0, NULL, 0), 0);
}

static void buffers__size_zero_writes_nothing(void **state)
{
	struct smtpcode_enhanced_code c = { 5, 7, 606 };
	struct smtpcode_provider_note note;
	char buf[32];
	size_t i;

	(void)state;
	assert_null(smtpcode_enhanced_text(&c, NULL, 0));
	assert_null(smtpcode_commands_text("RCPT,VRFY", NULL, 0));
	memset(buf, 'Z', sizeof buf);
	smtpcode_commands_text("RCPT,VRFY", buf, 0);
	assert_int_equal(buf[0], 'Z');
	/* A range note: the one that appends "-649" to its first code. */
	for (i = 0; smtpcode_provider_note_at(i, &note) == 0; i++)
		if (note.detail_last != note.enhanced.detail)
			break;
	assert_int_equal(smtpcode_provider_note_at(i, &note), 0);
	assert_null(smtpcode_provider_note_code(&note, NULL, 0));
	smtpcode_provider_note_code(&note, buf, 0);
	assert_int_equal(buf[0], 'Z');
	assert_non_null(strchr(smtpcode_provider_note_code(&note, buf, sizeof buf), '-'));
	/* Cut short, still a string. */
	assert_int_equal(strlen(smtpcode_commands_text("RCPT,VRFY", buf, 3)), 2);
}

static void compare__invalid_codes_rejected(void **state)
{
	static const struct smtpcode_enhanced_code bad[] = {
		{ 9, 1, 1 }, { 3, 1, 1 }, { 0, 1, 1 }, { -2, 1, 1 }, { 5, SMTPCODE_ANY, 1 },
		{ 5, 1, SMTPCODE_ANY }, { 5, 1, 1000 }, { 5, 1000, 1 }
	};
	static struct smtpcode_compare cmp;
	static struct smtpcode_item item;
	struct smtpcode_query a, b;
	char text[4096];
	size_t i;

	(void)state;
	assert_int_equal(smtpcode_parse("5.1.1", &b, NULL), SMTPCODE_PARSE_OK);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		a.kind = SMTPCODE_KIND_ENHANCED;
		a.enhanced = bad[i];
		assert_int_equal(smtpcode_lookup_item(&a, NULL, &item), -1);
		assert_int_equal(smtpcode_compare(&a, &b, NULL, &cmp), -1);
		assert_int_equal(smtpcode_compare(&b, &a, NULL, &cmp), -1);
	}
	/* A kind outside the enum. */
	a.kind = (enum smtpcode_kind)7;
	a.basic = 550;
	assert_int_equal(smtpcode_lookup_item(&a, NULL, &item), -1);
	assert_int_equal(smtpcode_compare(&a, &b, NULL, &cmp), -1);
	/* X.1.1 (class SMTPCODE_ANY) stays valid, and no summary ever prints "(null)". */
	assert_int_equal(smtpcode_parse("X.1.1", &a, NULL), SMTPCODE_PARSE_OK);
	assert_int_equal(smtpcode_compare(&a, &b, NULL, &cmp), 0);
	smtpcode_compare_summary(&cmp, text, sizeof text);
	assert_null(strstr(text, "(null)"));
	for (i = 0; i < cmp.difference_count; i++) {
		smtpcode_compare_difference(&cmp, i, text, sizeof text);
		assert_null(strstr(text, "(null)"));
	}
	smtpcode_compare_when_to_use(&cmp, text, sizeof text);
	assert_null(strstr(text, "(null)"));
}

static void names__values_outside_the_enums(void **state)
{
	struct smtpcode_reply r;
	char buf[64];

	(void)state;
	memset(&r, 0, sizeof r);
	r.basic = 550;
	memset(buf, 'Z', sizeof buf);
	assert_int_equal(smtpcode_warning_message(&r, (enum smtpcode_warning)99, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	assert_true(smtpcode_warning_message(&r, SMTPCODE_WARN_UNDEFINED_CODE, NULL, 0) > 0);
	assert_string_equal(smtpcode_warning_name((enum smtpcode_warning)99), "unknown");
	assert_null(smtpcode_outcome_name((enum smtpcode_outcome)99));
	assert_string_equal(smtpcode_status_name((enum smtpcode_status)99), "unknown");
	assert_non_null(smtpcode_parse_error_reason((enum smtpcode_parse_error)99));
	assert_null(smtpcode_class_name(9));
	assert_null(smtpcode_enhanced_class_name(9));
	assert_null(smtpcode_category_name(10));
	assert_null(smtpcode_class_advice(9));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(version__set),
		cmocka_unit_test(parse__both_kinds_and_errors),
		cmocka_unit_test(lookup__meanings_and_names),
		cmocka_unit_test(enhanced__registry_notes_lookup),
		cmocka_unit_test(compare__items_and_pairs),
		cmocka_unit_test(prose__on_demand_snprintf_contract),
		cmocka_unit_test(patterns_search_languages),
		cmocka_unit_test(scanner__reply_in_text),
		cmocka_unit_test(scanner__opaque_with_accessors),
		cmocka_unit_test(search__count_only_with_null_hits),
		cmocka_unit_test(buffers__size_zero_writes_nothing),
		cmocka_unit_test(compare__invalid_codes_rejected),
		cmocka_unit_test(names__values_outside_the_enums),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
