/* test_tally.c - counting replies for `scan`: totals and their order. */
#include "testutil.h"
#include "tally.h"

static struct tally t;

static void reply(int basic, int cls, int subject, int detail)
{
	struct smtpcode_reply r;

	memset(&r, 0, sizeof r);
	r.basic = basic;
	if (cls) {
		r.enhanced_count = 1;
		r.enhanced[0].reply_class = cls;
		r.enhanced[0].subject = subject;
		r.enhanced[0].detail = detail;
	}
	tally_reply(&t, &r);
}

/* A 550 reply with one enhanced code of any class, X (0) included. */
static void reply_enhanced(int cls, int subject, int detail)
{
	struct smtpcode_reply r;

	memset(&r, 0, sizeof r);
	r.basic = 550;
	r.enhanced_count = 1;
	r.enhanced[0].reply_class = cls;
	r.enhanced[0].subject = subject;
	r.enhanced[0].detail = detail;
	tally_reply(&t, &r);
}

static void counts__sorted_most_first(void **state)
{
	static struct tally_row rows[TALLY_ENHANCED_SLOTS];
	size_t n;

	(void)state;
	tally_init(&t);
	reply(550, 5, 1, 1);
	reply(250, 2, 0, 0);
	reply(550, 5, 1, 1);
	reply(421, 0, 0, 0);
	reply(0, 4, 4, 1);
	assert_int_equal(t.replies, 5);
	assert_int_equal(t.classes[5], 2);
	assert_int_equal(t.classes[2], 1);
	n = tally_basic_rows(&t, rows);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].basic, 550);
	assert_int_equal(rows[0].count, 2);
	assert_int_equal(rows[1].basic, 250); /* ties: lower code first */
	assert_int_equal(rows[2].basic, 421);
	n = tally_enhanced_rows(&t, rows);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].code.detail, 1);
	assert_int_equal(rows[0].count, 2);
	assert_int_equal(rows[1].code.reply_class, 2);
	assert_int_equal(rows[2].code.reply_class, 4);
}

/* Code j of a run of 3000 distinct codes: the four classes, 15 subjects of
 * 50 details each (details 19 * k mod 1000, so they share rows of the index
 * and spread over them). */
static const int classes[4] = { 0, 2, 4, 5 };

static void code_of(int j, int *cls, int *subject, int *detail)
{
	int r = j / 4;

	*cls = classes[j % 4];
	*subject = r / 50;
	*detail = (r % 50) * 19 % 1000;
}

static int index_of(const struct smtpcode_enhanced_code *c)
{
	int k, r = c->subject * 50 + c->detail * 579 % 1000; /* 19 * 579 = 1 mod 1000 */

	for (k = 0; k < 4; k++)
		if (classes[k] == c->reply_class)
			return r * 4 + k;
	return -1;
}

/* Each code j is seen 1 + j % 3 times: once in order, then the rest from the
 * last code back. The first TALLY_ENHANCED_SLOTS codes get a row each with
 * their exact count; all later ones are counted as other. */
static void enhanced__more_codes_than_rows__first_listed_rest_other(void **state)
{
	static struct tally_row rows[TALLY_ENHANCED_SLOTS];
	unsigned long listed = 0, other = 0;
	int j, k, cls, subject, detail, seen[3000] = { 0 };
	size_t n, i;

	(void)state;
	tally_init(&t);
	for (j = 0; j < 3000; j++) {
		code_of(j, &cls, &subject, &detail);
		reply_enhanced(cls, subject, detail);
	}
	for (j = 2999; j >= 0; j--) {
		code_of(j, &cls, &subject, &detail);
		for (k = 0; k < j % 3; k++)
			reply_enhanced(cls, subject, detail);
		if (j >= TALLY_ENHANCED_SLOTS)
			other += 1 + (unsigned long)(j % 3);
	}
	assert_int_equal(t.enhanced_other, other);
	n = tally_enhanced_rows(&t, rows);
	assert_int_equal(n, TALLY_ENHANCED_SLOTS);
	for (i = 0; i < n; i++) {
		j = index_of(&rows[i].code);
		assert_in_range(j, 0, TALLY_ENHANCED_SLOTS - 1);
		assert_false(seen[j]);
		seen[j] = 1;
		assert_int_equal(rows[i].count, 1 + j % 3);
		listed += rows[i].count;
		if (i > 0)
			assert_true(rows[i].count <= rows[i - 1].count);
	}
	assert_int_equal(listed + t.enhanced_other, t.replies);
	assert_int_equal(t.basic[550], t.replies);
}

static void enhanced__out_of_range__counted_as_other(void **state)
{
	static struct tally_row rows[TALLY_ENHANCED_SLOTS];

	(void)state;
	tally_init(&t);
	reply_enhanced(3, 1, 1);
	reply_enhanced(5, 1000, 1);
	reply_enhanced(5, 1, 1000);
	reply_enhanced(0, 999, 999);
	assert_int_equal(t.enhanced_other, 3);
	assert_int_equal(tally_enhanced_rows(&t, rows), 1);
	assert_int_equal(rows[0].code.subject, 999);
}

/* A connection failure (no code at all) is no reply; a status alone is. */
static void no_code__not_counted(void **state)
{
	(void)state;
	tally_init(&t);
	reply(0, 0, 0, 0);
	assert_int_equal(t.replies, 0);
	reply(0, 4, 4, 1);
	assert_int_equal(t.replies, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts__sorted_most_first),
		cmocka_unit_test(enhanced__more_codes_than_rows__first_listed_rest_other),
		cmocka_unit_test(enhanced__out_of_range__counted_as_other),
		cmocka_unit_test(no_code__not_counted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
