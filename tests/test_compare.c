/* test_compare.c - compare wording, curated pairs, and no template glitches. */
#include "testutil.h"
#include "smtpcode.h"

static struct smtpcode_compare cmp;

/* The prose of cmp, written out by render(). */
static struct {
	char summary[4096];
	char differences[SMTPCODE_DIFF_MAX][4096];
	char when_to_use[4096];
} text;

/* Checks the snprintf contract of one piece of prose: the length returned
 * is the text's, the same with no buffer at all, and nothing was cut. */
static void check_length(size_t got, const char *buf, size_t size, size_t counted)
{
	assert_int_equal(got, strlen(buf));
	assert_int_equal(got, counted);
	assert_true(got < size);
}

static void render(void)
{
	size_t d;

	check_length(smtpcode_compare_summary(&cmp, text.summary, sizeof text.summary),
	             text.summary, sizeof text.summary, smtpcode_compare_summary(&cmp, NULL, 0));
	check_length(smtpcode_compare_when_to_use(&cmp, text.when_to_use, sizeof text.when_to_use),
	             text.when_to_use, sizeof text.when_to_use,
	             smtpcode_compare_when_to_use(&cmp, NULL, 0));
	for (d = 0; d < cmp.difference_count; d++)
		check_length(smtpcode_compare_difference(&cmp, d, text.differences[d],
		                                         sizeof text.differences[d]),
		             text.differences[d], sizeof text.differences[d],
		             smtpcode_compare_difference(&cmp, d, NULL, 0));
}

/* Compares two codes given as text, as the command line does, and writes
 * out the prose. */
static int compare(const char *a, const char *b, const char *after)
{
	struct smtpcode_query qa, qb;
	int rc;

	assert_int_equal(smtpcode_parse(a, &qa, NULL), SMTPCODE_PARSE_OK);
	assert_int_equal(smtpcode_parse(b, &qb, NULL), SMTPCODE_PARSE_OK);
	rc = smtpcode_compare(&qa, &qb, after, &cmp);
	if (rc == 0)
		render();
	return rc;
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
	assert_memory_equal(text.summary, want, strlen(want));
	assert_non_null(strstr(text.summary, " 252 means: "));
	assert_string_equal(text.differences[0],
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
	assert_memory_equal(text.summary, want, strlen(want));
	assert_string_equal(text.differences[0],
	                    "Class: 252 is 2xx Positive Completion, 451 is 4xx Transient "
	                    "Negative Completion.");
	assert_memory_equal(text.differences[1], "Retry: after 252: ", 18);
	assert_false(cmp.curated);
	assert_memory_equal(text.when_to_use, "No RFC rule weighs 252 against 451", 34);
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
	assert_string_equal(text.when_to_use, p.when_to_use);
	assert_memory_equal(text.differences[cmp.difference_count - 1], p.difference,
	                    strlen(p.difference));
	assert_int_equal(compare("500", "502", NULL), 0);
	assert_string_equal(text.when_to_use, p.when_to_use);
}

static void compare__undefined_code__said_plainly(void **state)
{
	(void)state;
	assert_int_equal(compare("250", "299", NULL), 0);
	assert_false(cmp.b.basic.known);
	assert_non_null(strstr(text.summary, "299 (not defined)"));
	assert_non_null(strstr(text.summary, "299 is not defined; a client treats it as any "
	                                    "2xx reply."));
	assert_non_null(strstr(text.when_to_use, "No server should send 299"));
}

static void compare__same_code__nothing_to_tell_apart(void **state)
{
	(void)state;
	assert_int_equal(compare("550", "550", NULL), 0);
	assert_non_null(strstr(text.summary, "nothing to tell apart"));
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

static void prose__small_buffer__cut_whole_length_returned(void **state)
{
	char buf[10];
	size_t n;

	(void)state;
	assert_int_equal(compare("250", "550", NULL), 0);
	n = smtpcode_compare_summary(&cmp, buf, sizeof buf);
	assert_int_equal(n, strlen(text.summary));
	assert_true(n >= sizeof buf);
	assert_int_equal(strlen(buf), sizeof buf - 1);
	assert_memory_equal(buf, text.summary, sizeof buf - 1);
	/* size 1: only the terminator. */
	buf[0] = 'Z';
	assert_int_equal(smtpcode_compare_when_to_use(&cmp, buf, 1), strlen(text.when_to_use));
	assert_string_equal(buf, "");
}

static void prose__difference_out_of_range__empty(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(compare("250", "550", NULL), 0);
	memset(buf, 'Z', sizeof buf);
	assert_int_equal(smtpcode_compare_difference(&cmp, cmp.difference_count, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	assert_int_equal(smtpcode_compare_difference(&cmp, (size_t)-1, buf, sizeof buf), 0);
	/* A count past the array (a corrupted struct) reads nothing past it. */
	cmp.difference_count = 1000;
	assert_int_equal(smtpcode_compare_difference(&cmp, SMTPCODE_DIFF_MAX, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
}

static void compare__differences__kinds_in_order(void **state)
{
	(void)state;
	assert_int_equal(compare("250", "550", NULL), 0);
	assert_int_equal(cmp.difference_count, 4);
	assert_int_equal(cmp.differences[0], SMTPCODE_DIFF_CLASS);
	assert_int_equal(cmp.differences[1], SMTPCODE_DIFF_RETRY);
	assert_int_equal(cmp.differences[2], SMTPCODE_DIFF_COMMANDS);
	assert_int_equal(cmp.differences[3], SMTPCODE_DIFF_SOURCE);
	assert_int_equal(compare("500", "502", NULL), 0);
	assert_int_equal(cmp.differences[cmp.difference_count - 1], SMTPCODE_DIFF_RULE);
	assert_int_equal(compare("550", "5.1.1", NULL), 0);
	assert_int_equal(cmp.difference_count, 3);
	assert_int_equal(cmp.differences[0], SMTPCODE_DIFF_KIND);
	assert_int_equal(cmp.differences[2], SMTPCODE_DIFF_REGISTRY);
	assert_int_equal(compare("4.2.2", "5.2.2", NULL), 0);
	assert_int_equal(cmp.differences[1], SMTPCODE_DIFF_RETRY);
	assert_int_equal(cmp.differences[2], SMTPCODE_DIFF_SUBJECT);
	assert_int_equal(cmp.differences[3], SMTPCODE_DIFF_SENT_WITH);
}

static void compare__enhanced_same_condition__transient_vs_permanent(void **state)
{
	(void)state;
	assert_int_equal(compare("4.2.2", "5.2.2", NULL), 0);
	assert_false(cmp.same_class);
	assert_int_equal(cmp.a.kind, SMTPCODE_KIND_ENHANCED);
	assert_non_null(strstr(text.summary, "4.2.2 ("));
	assert_non_null(strstr(text.summary, " is 4.X.X Persistent Transient Failure, while "
	                                    "5.2.2 ("));
	assert_non_null(strstr(text.summary, "Both report the same condition, X.2.2"));
	assert_non_null(strstr(text.summary, "4.2.2 says it may clear"));
	assert_memory_equal(text.differences[0], "Class: 4.2.2 is 4.X.X", 21);
	assert_memory_equal(text.differences[1], "Retry: after 4.2.2: ", 20);
	assert_memory_equal(text.when_to_use, "Servers send 4.2.2 while the condition may still "
	                    "clear", 54);
}

static void compare__enhanced_same_class__belong(void **state)
{
	(void)state;
	assert_int_equal(compare("5.1.1", "5.1.10", NULL), 0);
	assert_true(cmp.same_class);
	assert_memory_equal(text.summary, "Both 5.1.1 (", 12);
	assert_non_null(strstr(text.summary, ") belong to 5.X.X Permanent Failure. 5.1.1 means: "));
	assert_non_null(strstr(text.summary, " 5.1.10 means: "));
	assert_string_equal(text.differences[0], "Class: both are 5.X.X Permanent Failure.");
	assert_memory_equal(text.differences[1], "Subject: both are X.1.X ", 24);
}

static void compare__basic_with_enhanced__classes_must_agree(void **state)
{
	(void)state;
	assert_int_equal(compare("550", "5.1.1", NULL), 0);
	assert_true(cmp.same_class);
	assert_non_null(strstr(text.summary, "\"550 5.1.1 ...\""));
	assert_non_null(strstr(text.summary, "Their classes agree (5), as they must."));
	assert_non_null(strstr(text.differences[2], "550 is among them."));
	assert_memory_equal(text.when_to_use, "Send both in one reply: 550 first", 33);

	assert_int_equal(compare("5.1.1", "250", NULL), 0);
	assert_false(cmp.same_class);
	assert_int_equal(cmp.b.kind, SMTPCODE_KIND_BASIC);
	assert_non_null(strstr(text.summary, "classes disagree (2xx against 5.X.X)"));
	assert_memory_equal(text.when_to_use, "Do not send them together.", 26);

	assert_int_equal(compare("354", "X.1.1", NULL), 0);
	assert_non_null(strstr(text.summary, "A 3xx reply carries no enhanced code."));

	assert_int_equal(compare("451", "X.1.1", NULL), 0);
	assert_true(cmp.same_class);
	assert_non_null(strstr(text.summary, "Written with its class, X.1.1 takes 4"));
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
			check_text(text.summary);
			check_text(text.when_to_use);
			assert_true(cmp.difference_count >= 1);
			assert_true(cmp.difference_count <= SMTPCODE_DIFF_MAX);
			for (d = 0; d < cmp.difference_count; d++)
				check_text(text.differences[d]);
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
		if (e.detail != SMTPCODE_ANY && n < 190)
			snprintf(codes[n++], sizeof codes[0], "%d.%d.%d", i % 2 ? 5 : 4, e.subject,
			         e.detail);
	for (i = 0; i < sizeof extra / sizeof extra[0]; i++)
		snprintf(codes[n++], sizeof codes[0], "%s", extra[i]);
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			assert_int_equal(compare(codes[i], codes[j], NULL), 0);
			check_text(text.summary);
			check_text(text.when_to_use);
			for (d = 0; d < cmp.difference_count; d++)
				check_text(text.differences[d]);
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
		cmocka_unit_test(prose__small_buffer__cut_whole_length_returned),
		cmocka_unit_test(prose__difference_out_of_range__empty),
		cmocka_unit_test(compare__differences__kinds_in_order),
		cmocka_unit_test(compare__enhanced_same_condition__transient_vs_permanent),
		cmocka_unit_test(compare__enhanced_same_class__belong),
		cmocka_unit_test(compare__basic_with_enhanced__classes_must_agree),
		cmocka_unit_test(compare__every_pair_of_codes__reads_clean),
		cmocka_unit_test(compare__every_pair_of_enhanced_codes__reads_clean),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
