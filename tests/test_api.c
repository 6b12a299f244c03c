/* test_api.c - the library as a program that links it sees it: only the
 * public header, only libsmtpcode.a. One test per group of the API. */
#include "testutil.h"
#include <smtpcode.h>

static void version__set(void **state)
{
	(void)state;
	assert_true(strlen(SMTPCODE_VERSION) >= 5);
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
	char buf[64];

	(void)state;
	assert_int_equal(smtpcode_lookup(550, "rcpt to", &lk), 0);
	assert_true(lk.known);
	assert_int_equal(smtpcode_meaning_at(lk.first, &m), 0);
	assert_int_equal(m.code, 550);
	assert_string_equal(smtpcode_class_name(5), "Permanent Negative Completion");
	assert_string_equal(smtpcode_category_name(5), "Mail System");
	assert_non_null(smtpcode_class_advice(5));
	assert_string_equal(smtpcode_status_name(m.status), "standard");
	assert_string_equal(smtpcode_command_canonical("rcpt"), "RCPT");
	assert_true(smtpcode_meaning_answers(&m, "RCPT"));
	assert_non_null(smtpcode_commands_text(m.commands, buf, sizeof buf));
	assert_true(smtpcode_meaning_count() > 50);
	assert_true(smtpcode_find(550, NULL) >= 1);
}

static void enhanced__registry_notes_lookup(void **state)
{
	struct smtpcode_enhanced_code c = { 5, 1, 10 };
	struct smtpcode_enhanced_lookup lk;
	struct smtpcode_enhanced e;
	struct smtpcode_note n;
	char buf[32];

	(void)state;
	smtpcode_lookup_enhanced(&c, &lk);
	assert_true(lk.known);
	assert_true(lk.provider_count >= 1);
	assert_int_equal(smtpcode_note_at(lk.provider[0], &n), 0);
	assert_non_null(smtpcode_note_code(&n, buf, sizeof buf));
	assert_int_equal(smtpcode_enhanced_at((size_t)lk.detail_row, &e), 0);
	assert_int_equal(smtpcode_enhanced_lists_basic(&e, 556), 1);
	assert_string_equal(smtpcode_enhanced_text(&c, buf, sizeof buf), "5.1.10");
	assert_string_equal(smtpcode_enhanced_class_name(5), "Permanent Failure");
	assert_true(smtpcode_enhanced_count() > 80);
	assert_true(smtpcode_note_count() > 0);
	assert_true(smtpcode_enhanced_find(0, 1, 10) >= 0);
}

static void compare__items_and_pairs(void **state)
{
	static struct smtpcode_compare c;
	struct smtpcode_query a, b;
	struct smtpcode_item item;
	struct smtpcode_pair p;

	(void)state;
	smtpcode_parse("550", &a, NULL);
	smtpcode_parse("5.1.1", &b, NULL);
	assert_int_equal(smtpcode_compare(&a, &b, NULL, &c), 0);
	assert_true(c.same_class);
	assert_int_equal(smtpcode_compare_lang(&a, &b, NULL, 1, &c), 0);
	assert_int_equal(smtpcode_lookup_item(&b, NULL, &item), 0);
	assert_true(smtpcode_item_known(&item));
	assert_int_equal(smtpcode_pair_find(551, 251, &p), 0);
	assert_true(smtpcode_pair_count() > 10);
	assert_int_equal(smtpcode_pair_at(0, &p), 0);
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
	assert_non_null(smtpcode_phrase(7, "h.fix"));
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
	struct smtpcode_scanner s;
	char msg[256];

	(void)state;
	smtpcode_scanner_init(&s);
	smtpcode_scanner_line(&s, line, sizeof line - 1, take, NULL);
	smtpcode_scanner_end(&s, take, NULL);
	assert_int_equal(ngot, 1);
	assert_int_equal(got.basic, 550);
	assert_string_equal(got.text, "<bob@example.org>: User unknown");
	assert_string_equal(smtpcode_warning_name(SMTPCODE_WARN_PSEUDO_CODE), "pseudo-code");
	assert_null(smtpcode_outcome_name(got.outcome));
	assert_non_null(smtpcode_warning_message(&got, SMTPCODE_WARN_UNDEFINED_CODE, msg,
	                                         sizeof msg));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(version__set),
		cmocka_unit_test(parse__both_kinds_and_errors),
		cmocka_unit_test(lookup__meanings_and_names),
		cmocka_unit_test(enhanced__registry_notes_lookup),
		cmocka_unit_test(compare__items_and_pairs),
		cmocka_unit_test(patterns_search_languages),
		cmocka_unit_test(scanner__reply_in_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
