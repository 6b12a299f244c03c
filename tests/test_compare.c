/* test_compare.c - compare wording, curated pairs, and no template glitches. */
#include "testutil.h"
#include "smtpcode.h"

static struct smtpcode_compare cmp;

static const char *name(int code)
{
	struct smtpcode_meaning m;
	size_t first;

	assert_true(smtpcode_find(code, &first) > 0);
	smtpcode_meaning_at(first, &m);
	return m.name;
}

static void compare__same_class__says_both_belong(void **state)
{
	char want[512];

	(void)state;
	assert_int_equal(smtpcode_compare(251, 252, NULL, &cmp), 0);
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
	assert_int_equal(smtpcode_compare(252, 451, NULL, &cmp), 0);
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

	(void)state;
	assert_int_equal(smtpcode_pair_find(500, 502, &p), 0);
	assert_int_equal(smtpcode_compare(502, 500, NULL, &cmp), 0);
	assert_true(cmp.curated);
	assert_int_equal(cmp.a.code, 502);
	assert_string_equal(cmp.when_to_use, p.when_to_use);
	assert_memory_equal(cmp.differences[cmp.difference_count - 1], p.difference,
	                    strlen(p.difference));
	assert_int_equal(smtpcode_compare(500, 502, NULL, &cmp), 0);
	assert_string_equal(cmp.when_to_use, p.when_to_use);
}

static void compare__undefined_code__said_plainly(void **state)
{
	(void)state;
	assert_int_equal(smtpcode_compare(250, 299, NULL, &cmp), 0);
	assert_false(cmp.b.known);
	assert_non_null(strstr(cmp.summary, "299 (not defined)"));
	assert_non_null(strstr(cmp.summary, "299 is not defined; a client treats it as any "
	                                    "2xx reply."));
	assert_non_null(strstr(cmp.when_to_use, "No server should send 299"));
}

static void compare__same_code__nothing_to_tell_apart(void **state)
{
	(void)state;
	assert_int_equal(smtpcode_compare(550, 550, NULL, &cmp), 0);
	assert_non_null(strstr(cmp.summary, "nothing to tell apart"));
	assert_false(cmp.curated);
}

static void compare__bad_input__fails(void **state)
{
	(void)state;
	assert_int_equal(smtpcode_compare(250, 600, NULL, &cmp), -1);
	assert_int_equal(smtpcode_compare(250, 550, "NOPE", &cmp), -1);
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
		if (n == 0 || codes[n - 1] != m.code)
			codes[n++] = m.code;
	codes[n++] = 299; /* and an undefined one */
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			assert_int_equal(smtpcode_compare(codes[i], codes[j], NULL, &cmp), 0);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(compare__same_class__says_both_belong),
		cmocka_unit_test(compare__different_class__says_while),
		cmocka_unit_test(compare__curated_pair__either_order),
		cmocka_unit_test(compare__undefined_code__said_plainly),
		cmocka_unit_test(compare__same_code__nothing_to_tell_apart),
		cmocka_unit_test(compare__bad_input__fails),
		cmocka_unit_test(compare__every_pair_of_codes__reads_clean),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
