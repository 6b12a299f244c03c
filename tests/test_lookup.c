/* test_lookup.c - selecting the meanings of a code, with and without --after. */
#include "testutil.h"
#include "smtpcode.h"

static struct smtpcode_meaning meaning(size_t i)
{
	struct smtpcode_meaning m;

	assert_int_equal(smtpcode_meaning_at(i, &m), 0);
	return m;
}

/* Note i of a lookup, written out (checked against the snprintf contract). */
static const char *note_of(const struct smtpcode_lookup *lk, size_t i)
{
	static char buf[1024];
	size_t n = smtpcode_lookup_note(lk, i, buf, sizeof buf);

	assert_int_equal(n, strlen(buf));
	assert_int_equal(smtpcode_lookup_note(lk, i, NULL, 0), n);
	return buf;
}

static void lookup__known__selects_every_meaning(void **state)
{
	struct smtpcode_lookup lk;
	size_t first, count;

	(void)state;
	assert_int_equal(smtpcode_lookup(251, NULL, &lk), 0);
	assert_true(lk.known);
	assert_int_equal(lk.basic, 251);
	assert_int_equal(smtpcode_find(251, &first, &count), 0);
	assert_int_equal(lk.count, count);
	assert_int_equal(lk.first, first);
	assert_true(lk.count >= 2);
	assert_int_equal(lk.match, SMTPCODE_AFTER_NONE);
	assert_null(lk.after);
	assert_int_equal(lk.note_count, 0);
}

static void lookup__undefined__note_from_first_digit(void **state)
{
	struct smtpcode_lookup lk;

	(void)state;
	assert_int_equal(smtpcode_lookup(299, NULL, &lk), 0);
	assert_false(lk.known);
	assert_int_equal(lk.count, 0);
	assert_int_equal(lk.note_count, 1);
	assert_non_null(strstr(note_of(&lk, 0), "299 is not defined"));
	assert_non_null(strstr(note_of(&lk, 0), smtpcode_class_advice(2)));
	assert_int_equal(smtpcode_lookup(418, NULL, &lk), 0);
	assert_non_null(strstr(note_of(&lk, 0), smtpcode_class_advice(4)));
	assert_int_equal(smtpcode_lookup(150, NULL, &lk), 0);
	assert_non_null(strstr(note_of(&lk, 0), "no 1xx replies"));
}

static void lookup__after_listed_command__exact_meaning(void **state)
{
	struct smtpcode_lookup lk;
	struct smtpcode_meaning m;

	(void)state;
	assert_int_equal(smtpcode_lookup(251, "etrn", &lk), 0);
	assert_int_equal(lk.match, SMTPCODE_AFTER_EXACT);
	assert_string_equal(lk.after, "ETRN");
	assert_int_equal(lk.count, 1);
	m = meaning(lk.first);
	assert_true(smtpcode_meaning_answers(&m, "ETRN"));
	assert_string_not_equal(m.commands, "*");

	assert_int_equal(smtpcode_lookup(251, "RCPT TO", &lk), 0);
	assert_int_equal(lk.match, SMTPCODE_AFTER_EXACT);
	m = meaning(lk.first);
	assert_true(smtpcode_meaning_answers(&m, "RCPT"));
}

static void lookup__after_unlisted_with_general_row__any(void **state)
{
	struct smtpcode_lookup lk;
	struct smtpcode_meaning m;

	(void)state;
	assert_int_equal(smtpcode_lookup(250, "NOOP", &lk), 0);
	assert_int_equal(lk.match, SMTPCODE_AFTER_ANY);
	assert_int_equal(lk.count, 1);
	m = meaning(lk.first);
	assert_string_equal(m.commands, "*");
	assert_int_equal(lk.note_count, 0);
}

static void lookup__after_not_a_reply__all_with_note(void **state)
{
	struct smtpcode_lookup lk;
	size_t first, count;

	(void)state;
	assert_int_equal(smtpcode_lookup(354, "ETRN", &lk), 0);
	assert_int_equal(lk.match, SMTPCODE_AFTER_UNLISTED);
	assert_int_equal(smtpcode_find(354, &first, &count), 0);
	assert_int_equal(lk.count, count);
	assert_int_equal(lk.note_count, 1);
	assert_string_equal(note_of(&lk, 0),
	                    "354 is not a documented reply to ETRN; every meaning of 354 is shown.");
}

static void lookup__bad_input__fails(void **state)
{
	struct smtpcode_lookup lk;

	(void)state;
	assert_int_equal(smtpcode_lookup(99, NULL, &lk), -1);
	assert_int_equal(smtpcode_lookup(600, NULL, &lk), -1);
	assert_int_equal(smtpcode_lookup(250, "FOO", &lk), -1);
	assert_int_equal(smtpcode_lookup(250, "", &lk), -1);
}

static void pseudo_basic__points_to_enhanced(void **state)
{
	struct smtpcode_lookup lk;

	(void)state;
	assert_int_equal(smtpcode_lookup(571, NULL, &lk), 0);
	assert_int_equal(lk.note_count, 1);
	assert_memory_equal(note_of(&lk, 0), "Read with dots, 571 is the enhanced status code 5.7.1, ",
	                    55);
	assert_non_null(strstr(note_of(&lk, 0), "see smtpcode 5.7.1."));
	assert_int_equal(smtpcode_lookup(511, NULL, &lk), 0);
	assert_non_null(strstr(note_of(&lk, 0), "5.1.1"));
	/* errno numbers are not enhanced codes. */
	assert_int_equal(smtpcode_lookup(111, NULL, &lk), 0);
	assert_int_equal(lk.note_count, 0);
	/* A real code gets no such note. */
	assert_int_equal(smtpcode_lookup(550, NULL, &lk), 0);
	assert_int_equal(lk.note_count, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pseudo_basic__points_to_enhanced),
		cmocka_unit_test(lookup__known__selects_every_meaning),
		cmocka_unit_test(lookup__undefined__note_from_first_digit),
		cmocka_unit_test(lookup__after_listed_command__exact_meaning),
		cmocka_unit_test(lookup__after_unlisted_with_general_row__any),
		cmocka_unit_test(lookup__after_not_a_reply__all_with_note),
		cmocka_unit_test(lookup__bad_input__fails),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
