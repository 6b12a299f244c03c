/* test_compare.c - compare wording, curated pairs, and no template glitches. */
#include "testutil.h"
#include "smtpcode.h"

static struct smtpcode_compare cmp;

/* Compares two codes given as text, as the command line does. */
static int compare(const char *a, const char *b, const char *after)
{
	struct smtpcode_query qa, qb;

	assert_int_equal(smtpcode_parse(a, &qa, NULL), SMTPCODE_PARSE_OK);
	assert_int_equal(smtpcode_parse(b, &qb, NULL), SMTPCODE_PARSE_OK);
	return smtpcode_compare(&qa, &qb, after, &cmp);
}

static const char *name(int code)
{
	struct smtpcode_meaning m;
	size_t first;

	assert_int_equal(smtpcode_find(code, &first, NULL), 0);
	smtpcode_meaning_at(first, &m);
	return m.name;
}

static void compare__same_class__says_both_belong(void **state)
{
	char want[512];

	(void)state;
	assert_int_equal(compare("251", "252", NULL), 0);
	assert_true(cmp.same_class);
	snprintf(want, sizeof want,
	         "Both 251 (%s) and 252 (%s) belong to the 2xx Positive Completion class. "
	         "251 means: ", name(251), name(252));
	assert_memory_equal(cmp.summary, want, strlen(want));
	assert_non_null(strstr(cmp.summary, " 252 means: "));
	assert_string_equal(cmp.differences[0],
	                    "Class: both are 2xx Positive Completion replies. "
	                    "The command succeeded; the client goes on with the next step.");
}

static void compare__different_class__says_while(void **state)
{
	char want[512];

	(void)state;
	assert_int_equal(compare("252", "451", NULL), 0);
	assert_false(cmp.same_class);
	snprintf(want, sizeof want,
	         "252 (%s) is a 2xx Positive Completion reply, while 451 (%s) is a 4xx "
	         "Transient Negative Completion reply. 252 means: ", name(252), name(451));
	assert_memory_equal(cmp.summary, want, strlen(want));
	assert_string_equal(cmp.differences[0],
	                    "Class: 252 is 2xx Positive Completion, 451 is 4xx Transient "
	                    "Negative Completion.");
	assert_memory_equal(cmp.differences[1], "Retry: after 252: ", 18);
	assert_false(cmp.curated);
	assert_memory_equal(cmp.when_to_use, "No RFC rule weighs 252 against 451", 34);
}

static void compare__curated_pair__either_order(void **state)
{
	struct smtpcode_pair p;
	size_t index;

	(void)state;
	assert_int_equal(smtpcode_pair_find(500, 502, &index), 0);
	assert_int_equal(smtpcode_pair_at(index, &p), 0);
	assert_int_equal(compare("502", "500", NULL), 0);
	assert_true(cmp.curated);
	assert_int_equal(cmp.a.basic.basic, 502);
	assert_string_equal(cmp.when_to_use, p.when_to_use);
	assert_memory_equal(cmp.differences[cmp.difference_count - 1], p.difference,
	                    strlen(p.difference));
	assert_int_equal(compare("500", "502", NULL), 0);
	assert_string_equal(cmp.when_to_use, p.when_to_use);
}

static void compare__undefined_code__said_plainly(void **state)
{
	(void)state;
	assert_int_equal(compare("250", "299", NULL), 0);
	assert_false(cmp.b.basic.known);
	assert_non_null(strstr(cmp.summary, "299 (not defined)"));
	assert_non_null(strstr(cmp.summary, "299 is not defined; a client treats it as any "
	                                    "2xx reply."));
	assert_non_null(strstr(cmp.when_to_use, "No server should send 299"));
}

static void compare__same_code__nothing_to_tell_apart(void **state)
{
	(void)state;
	assert_int_equal(compare("550", "550", NULL), 0);
	assert_non_null(strstr(cmp.summary, "nothing to tell apart"));
	assert_false(cmp.curated);
}

static void compare__bad_input__fails(void **state)
{
	struct smtpcode_query a = { SMTPCODE_KIND_BASIC, 250, { 0, 0, 0 } };
	struct smtpcode_query b = { SMTPCODE_KIND_BASIC, 600, { 0, 0, 0 } };

	(void)state;
	assert_int_equal(smtpcode_compare(&a, &b, NULL, &cmp), -1);
	assert_int_equal(compare("250", "550", "NOPE"), -1);
	assert_int_equal(compare("5.1.1", "550", "NOPE"), -1);
}

static void compare__enhanced_same_condition__transient_vs_permanent(void **state)
{
	(void)state;
	assert_int_equal(compare("4.2.2", "5.2.2", NULL), 0);
	assert_false(cmp.same_class);
	assert_int_equal(cmp.a.kind, SMTPCODE_KIND_ENHANCED);
	assert_non_null(strstr(cmp.summary, "4.2.2 ("));
	assert_non_null(strstr(cmp.summary, " is 4.X.X Persistent Transient Failure, while "
	                                    "5.2.2 ("));
	assert_non_null(strstr(cmp.summary, "Both report the same condition, X.2.2"));
	assert_non_null(strstr(cmp.summary, "4.2.2 says it may clear"));
	assert_memory_equal(cmp.differences[0], "Class: 4.2.2 is 4.X.X", 21);
	assert_memory_equal(cmp.differences[1], "Retry: after 4.2.2: ", 20);
	assert_memory_equal(cmp.when_to_use, "Servers send 4.2.2 while the condition may still "
	                    "clear", 54);
}

static void compare__enhanced_same_class__belong(void **state)
{
	(void)state;
	assert_int_equal(compare("5.1.1", "5.1.10", NULL), 0);
	assert_true(cmp.same_class);
	assert_memory_equal(cmp.summary, "Both 5.1.1 (", 12);
	assert_non_null(strstr(cmp.summary, ") belong to 5.X.X Permanent Failure. 5.1.1 means: "));
	assert_non_null(strstr(cmp.summary, " 5.1.10 means: "));
	assert_string_equal(cmp.differences[0], "Class: both are 5.X.X Permanent Failure.");
	assert_memory_equal(cmp.differences[1], "Subject: both are X.1.X ", 24);
}

static void compare__basic_with_enhanced__classes_must_agree(void **state)
{
	(void)state;
	assert_int_equal(compare("550", "5.1.1", NULL), 0);
	assert_true(cmp.same_class);
	assert_non_null(strstr(cmp.summary, "\"550 5.1.1 ...\""));
	assert_non_null(strstr(cmp.summary, "Their classes agree (5), as they must."));
	assert_non_null(strstr(cmp.differences[2], "550 is among them."));
	assert_memory_equal(cmp.when_to_use, "Send both in one reply: 550 first", 33);

	assert_int_equal(compare("5.1.1", "250", NULL), 0);
	assert_false(cmp.same_class);
	assert_int_equal(cmp.b.kind, SMTPCODE_KIND_BASIC);
	assert_non_null(strstr(cmp.summary, "classes disagree (2xx against 5.X.X)"));
	assert_memory_equal(cmp.when_to_use, "Do not send them together.", 26);

	assert_int_equal(compare("354", "X.1.1", NULL), 0);
	assert_non_null(strstr(cmp.summary, "A 3xx reply carries no enhanced code."));

	assert_int_equal(compare("451", "X.1.1", NULL), 0);
	assert_true(cmp.same_class);
	assert_non_null(strstr(cmp.summary, "Written with its class, X.1.1 takes 4"));
}

/* Checks one text for the glitches that templates make. */
static void check_text(const char *s)
{
	static const char *const bad[] = {
		"when when", " a an ", " a a ", ". .", ".,", "  ", " . ", " ,", "means: means",
		"(null)", "?.", "means: ."
	};
	size_t i;

	assert_true(s[0] != '\0');
	assert_true(s[0] != ' ');
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (strstr(s, bad[i])) {
			print_error("glitch '%s' in: %s\n", bad[i], s);
			fail();
		}
}

static void compare__every_pair_of_codes__reads_clean(void **state)
{
	struct smtpcode_meaning m;
	int codes[600], n = 0, i, j;
	size_t k, d;

	(void)state;
	for (k = 0; smtpcode_meaning_at(k, &m) == 0; k++)
		if (n == 0 || codes[n - 1] != m.basic)
			codes[n++] = m.basic;
	codes[n++] = 299; /* and an undefined one */
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			char a[4], b[4];
			snprintf(a, sizeof a, "%d", codes[i]);
			snprintf(b, sizeof b, "%d", codes[j]);
			assert_int_equal(compare(a, b, NULL), 0);
			check_text(cmp.summary);
			check_text(cmp.when_to_use);
			assert_true(cmp.difference_count >= 1);
			assert_true(cmp.difference_count <= SMTPCODE_DIFF_MAX);
			for (d = 0; d < cmp.difference_count; d++)
				check_text(cmp.differences[d]);
			/* Nothing was cut short by a full buffer. */
			assert_true(strlen(cmp.summary) < sizeof cmp.summary - 1);
			assert_true(strlen(cmp.when_to_use) < sizeof cmp.when_to_use - 1);
		}
	}
}

static void compare__every_pair_of_enhanced_codes__reads_clean(void **state)
{
	static const char *const extra[] = { "X.1.1", "5.7.606", "4.9.1", "550", "250", "354" };
	struct smtpcode_enhanced_entry e;
	char codes[200][16];
	size_t n = 0, i, j, d;

	(void)state;
	for (i = 0; smtpcode_enhanced_at(i, &e) == 0; i++)
		if (e.detail >= 0 && n < 190)
			snprintf(codes[n++], sizeof codes[0], "%d.%d.%d", i % 2 ? 5 : 4, e.subject,
			         e.detail);
	for (i = 0; i < sizeof extra / sizeof extra[0]; i++)
		snprintf(codes[n++], sizeof codes[0], "%s", extra[i]);
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			assert_int_equal(compare(codes[i], codes[j], NULL), 0);
			check_text(cmp.summary);
			check_text(cmp.when_to_use);
			for (d = 0; d < cmp.difference_count; d++)
				check_text(cmp.differences[d]);
			assert_true(strlen(cmp.summary) < sizeof cmp.summary - 1);
			assert_true(strlen(cmp.when_to_use) < sizeof cmp.when_to_use - 1);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(compare__same_class__says_both_belong),
		cmocka_unit_test(compare__different_class__says_while),
		cmocka_unit_test(compare__curated_pair__either_order),
		cmocka_unit_test(compare__undefined_code__said_plainly),
		cmocka_unit_test(compare__same_code__nothing_to_tell_apart),
		cmocka_unit_test(compare__bad_input__fails),
		cmocka_unit_test(compare__enhanced_same_condition__transient_vs_permanent),
		cmocka_unit_test(compare__enhanced_same_class__belong),
		cmocka_unit_test(compare__basic_with_enhanced__classes_must_agree),
		cmocka_unit_test(compare__every_pair_of_codes__reads_clean),
		cmocka_unit_test(compare__every_pair_of_enhanced_codes__reads_clean),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
