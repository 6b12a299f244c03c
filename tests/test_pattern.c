/* test_pattern.c - patterns (5xx, 4.7.x) and search over the texts. */
#include "testutil.h"
#include "smtpcode.h"

static void is_pattern__only_with_an_open_position(void **state)
{
	(void)state;
	assert_true(smtpcode_is_pattern("5xx"));
	assert_true(smtpcode_is_pattern("X5X"));
	assert_true(smtpcode_is_pattern("4.7.x"));
	assert_true(smtpcode_is_pattern("x.1.X"));
	assert_false(smtpcode_is_pattern("X.1.1")); /* a code in any class */
	assert_false(smtpcode_is_pattern("550"));
	assert_false(smtpcode_is_pattern("5x"));
	assert_false(smtpcode_is_pattern("relay"));
}

static void parse_pattern__basic_and_enhanced(void **state)
{
	struct smtpcode_pattern p;

	(void)state;
	assert_int_equal(smtpcode_parse_pattern("5Xx", &p), SMTPCODE_PARSE_OK);
	assert_int_equal(p.kind, SMTPCODE_KIND_BASIC);
	assert_string_equal(p.digits, "5xx");
	assert_true(smtpcode_pattern_matches_basic(&p, 550));
	assert_true(smtpcode_pattern_matches_basic(&p, 599));
	assert_false(smtpcode_pattern_matches_basic(&p, 450));
	assert_int_equal(smtpcode_parse_pattern("x50", &p), SMTPCODE_PARSE_OK);
	assert_true(smtpcode_pattern_matches_basic(&p, 250));
	assert_false(smtpcode_pattern_matches_basic(&p, 251));
	assert_int_equal(smtpcode_parse_pattern("6xx", &p), SMTPCODE_PARSE_RANGE);
	assert_int_equal(smtpcode_parse_pattern("5xxx", &p), SMTPCODE_PARSE_TOO_LONG);
	assert_int_equal(smtpcode_parse_pattern("5?x", &p), SMTPCODE_PARSE_NOT_DIGIT);
	assert_int_equal(smtpcode_parse_pattern("4.7.x", &p), SMTPCODE_PARSE_OK);
	assert_int_equal(p.kind, SMTPCODE_KIND_ENHANCED);
	assert_int_equal(p.reply_class, 4);
	assert_int_equal(p.subject, 7);
	assert_int_equal(p.detail, -1);
	assert_int_equal(smtpcode_parse_pattern("x.x.1", &p), SMTPCODE_PARSE_OK);
	assert_int_equal(p.reply_class, -1);
	assert_int_equal(smtpcode_parse_pattern("6.x.x", &p), SMTPCODE_PARSE_ENH_CLASS);
	assert_int_equal(smtpcode_parse_pattern("5.01.x", &p), SMTPCODE_PARSE_ENH_LEADING_ZERO);
	assert_int_equal(smtpcode_parse_pattern("5.x", &p), SMTPCODE_PARSE_ENH_PARTS_FEW);
	assert_int_equal(smtpcode_parse_pattern("5.x.x.x", &p), SMTPCODE_PARSE_ENH_PARTS_MANY);
}

static void pattern__matches_registry_rows(void **state)
{
	struct smtpcode_pattern p;
	struct smtpcode_enhanced_entry e;
	size_t i, n = 0;

	(void)state;
	smtpcode_parse_pattern("x.1.x", &p);
	for (i = 0; smtpcode_enhanced_at(i, &e) == 0; i++) {
		int m = smtpcode_pattern_matches_enhanced(&p, &e);
		assert_int_equal(m, e.detail >= 0 && e.subject == 1);
		n += (size_t)m;
	}
	assert_true(n >= 11); /* X.1.0 to X.1.10 */
	smtpcode_parse_pattern("5xx", &p);
	assert_int_equal(smtpcode_enhanced_at(0, &e), 0);
	assert_false(smtpcode_pattern_matches_enhanced(&p, &e));
}

static void search__all_words_best_first(void **state)
{
	static struct smtpcode_hit hits[256];
	const char *words[] = { "greylisting" }, *none[] = { "zzzqqq" };
	const char *two[] = { "NULL", "mx" };
	struct smtpcode_meaning m;
	struct smtpcode_enhanced_entry e;
	size_t n, i;

	(void)state;
	n = smtpcode_search(words, 1, hits, 256);
	assert_true(n > 0);
	for (i = 1; i < n && i < 256; i++)
		assert_true(hits[i - 1].score >= hits[i].score);
	assert_int_equal(smtpcode_search(none, 1, hits, 256), 0);
	n = smtpcode_search(two, 2, hits, 256);
	assert_true(n > 0);
	/* The best hit has both words in its title: X.1.10 or X.7.27. */
	assert_int_equal(hits[0].kind, SMTPCODE_KIND_ENHANCED);
	assert_int_equal(smtpcode_enhanced_at(hits[0].index, &e), 0);
	assert_non_null(strstr(e.title, "null MX"));
	/* Each three-digit code appears once. */
	n = smtpcode_search(words, 1, hits, 256);
	for (i = 0; i < n && i < 256; i++) {
		size_t j;
		if (hits[i].kind != SMTPCODE_KIND_BASIC)
			continue;
		smtpcode_meaning_at(hits[i].index, &m);
		for (j = i + 1; j < n && j < 256; j++) {
			struct smtpcode_meaning o;
			if (hits[j].kind != SMTPCODE_KIND_BASIC)
				continue;
			smtpcode_meaning_at(hits[j].index, &o);
			assert_int_not_equal(o.basic, m.basic);
		}
	}
}

static void search__max_keeps_the_best(void **state)
{
	static struct smtpcode_hit all[512], few[3];
	const char *words[] = { "mail" };
	size_t n, i;

	(void)state;
	n = smtpcode_search(words, 1, all, 512);
	assert_true(n > 3);
	assert_int_equal(smtpcode_search(words, 1, few, 3), n);
	for (i = 0; i < 3; i++)
		assert_int_equal(few[i].score, all[i].score);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(is_pattern__only_with_an_open_position),
		cmocka_unit_test(parse_pattern__basic_and_enhanced),
		cmocka_unit_test(pattern__matches_registry_rows),
		cmocka_unit_test(search__all_words_best_first),
		cmocka_unit_test(search__max_keeps_the_best),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
